#!/usr/bin/python3
"""Batch 18 of the blind DLP corpus: b18-0001.eml ... b18-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by an eighteenth author from BRIEF.md (see README "Batch 18").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a job/handle pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation,
the reportlab invariant flag and the fixed fpdf2 creation date/producer) is re-typed after generate_b17.py's wiring.

Voices: an anticoagulation clinic, a hospital transfusion service / blood bank, a regional poison center, an organ
procurement organization, a state newborn-screening programme, a state immunization information system, a hospital
cancer registry, a podiatry practice, a prosthetics & orthotics company, a cardiac & pulmonary rehabilitation
programme, an opioid treatment programme, a home-infusion pharmacy / OPAT clinic, a NICU follow-up clinic, a Mohs
dermatology practice, a remote-patient-monitoring vendor, a hospital-at-home programme, a county medical examiner, an
outpatient nutrition / diabetes-education service, a county childhood-lead programme, and their staff, vendors and payers.

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

SEED = 20261219
R = random.Random(SEED)
PREFIX = "b18-"
TODAY = dtm.date(2026, 12, 19)
FIXED_STAMP = dtm.datetime(2026, 12, 18, 15, 45, tzinfo=dtm.timezone.utc)   # fpdf2 creation date; PDF dates are normalised to it
FONTS = {"sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
         "serif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
         "serifc": ("/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-Bold.ttf"),
         "cond": ("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf")}
DAY = dtm.timedelta
Dt = dtm.date
SR = random.Random(SEED * 7 + 3)      # static tables (organisation numbers) drawn once at import

# ================================================================== small helpers
def digits(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def letters(r, n, pool="ABCDEFGHJKLMNPQRSTUVWXYZ"): return "".join(r.choice(pool) for _ in range(n))
def ascii_of(s): return unicodedata.normalize("NFKD", str(s).replace("ʻ", "'").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("æ", "ae")).encode("ascii", "ignore").decode()
def L1(s): return lat1(str(s).replace("ʻ", "'").replace("ı", "i").replace("ş", "s").replace("Ş", "S").replace("ğ", "g"))
def wa(r, *opts): return r.choice(opts)
def money(x): return f"${x:,.2f}"
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r, h0=7, h1=17): h = r.randint(h0, h1); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '05', '10', '15', '20', '30', '40', '45', '50'])} {'AM' if h < 12 else 'PM'}"
def hhmm(r, h0=6, h1=20): return f"{r.randint(h0, h1):02d}{r.choice(['00', '10', '15', '22', '30', '41', '45', '55'])}"
def age(d, on=None): on = on or TODAY; return on.year - d.year - ((on.month, on.day) < (d.month, d.day))

def _luhn_ok(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return tot % 10 == 0
def npi(r):
    base = r.choice("12") + digits(r, 8)
    for c in "0123456789":
        if _luhn_ok("80840" + base + c): return base + c
def ssn(r, sep="-"):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}{sep}{r.randint(1, 99):02d}{sep}{r.randint(1, 9999):04d}"
        if s.replace(sep, "") not in ("123456789", "078051120"): return s
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    an = MBI_A + "0123456789"
    v = (r.choice("123456789") + r.choice(MBI_A) + r.choice(an) + r.choice("0123456789") + r.choice(MBI_A) + r.choice(an) + r.choice("0123456789")
         + r.choice(MBI_A) + r.choice(MBI_A) + r.choice("0123456789") + r.choice("0123456789"))
    if v == "1EG4TE5MK73": return mbi(r, dashes)
    if dashes is None: dashes = r.random() < 0.4
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashes else v
def ndc(r):
    return r.choice([f"{digits(r, 5)}-{digits(r, 4)}-{digits(r, 2)}", f"{r.randint(1000, 9999)}-{digits(r, 4)}-{digits(r, 2)}", f"{digits(r, 5)}-{digits(r, 3)}-{digits(r, 2)}"])
def ndc11(r): return digits(r, 11)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DOB_STYLES = ["mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "d-mon-y", "long", "abbr", "ymd8", "spaced", "DMONY", "dashes", "dots", "d mon yy", "d month y"]
def fd(d, st="mdy"):
    if st == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if st == "m/d/yyyy": return f"{d.month}/{d.day}/{d.year}"
    if st == "iso": return d.isoformat()
    if st == "d-mon-y": return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if st == "long": return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if st == "abbr": return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if st == "ymd8": return d.strftime("%Y%m%d")
    if st == "spaced": return f"{d.month:02d} {d.day:02d} {d.year}"
    if st == "DMONY": return f"{d.day:02d}{MONTHS[d.month - 1][:3].upper()}{d.year}"
    if st == "dashes": return f"{d.month:02d}-{d.day:02d}-{d.year}"
    if st == "dots": return f"{d.month}.{d.day}.{d.year % 100:02d}"
    if st == "d mon yy": return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year % 100:02d}"
    if st == "d month y": return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if st == "wd": return f"{WD[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"
    if st == "es": return f"{d.day} de {MESES[d.month - 1]} de {d.year}"
    if st == "dmy": return f"{d.day:02d}/{d.month:02d}/{d.year}"
    raise ValueError(st)
def dob_of(r, p, st=None): return fd(p.dob, st or r.choice(DOB_STYLES))

def phone(r, st=None):
    a, b, c = r.choice(["316", "620", "785", "402", "308", "605", "701", "406", "505", "928", "318", "337", "907", "808", "651", "218"]), r.randint(201, 989), digits(r, 4)
    st = st or r.choice(["paren", "dash", "dot", "plain"])
    return {"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dot": f"{a}.{b}.{c}", "plain": f"{a}{b}{c}"}[st]
STREETS = ["Cottonwood Dr", "Prairie Wind Ln", "W Kellogg Ave", "N Broadway", "Sandhill Crane Ct", "Old Mill Rd", "E 14th St", "Bluff View Ter", "Sycamore Bend",
           "County Rd 27", "Juniper Hollow Rd", "Railroad St", "Osage Trl", "Mesa Verde Dr", "Bayou Teche Hwy", "Kamehameha Ave", "Larkspur Cir", "S Main St Apt 4B"]
TOWNS = [("Wichita", "KS", "672"), ("Salina", "KS", "674"), ("Grand Island", "NE", "688"), ("Kearney", "NE", "688"), ("Rapid City", "SD", "577"), ("Minot", "ND", "587"),
         ("Billings", "MT", "591"), ("Gallup", "NM", "873"), ("Flagstaff", "AZ", "860"), ("Lafayette", "LA", "705"), ("Hilo", "HI", "967"), ("Duluth", "MN", "558"),
         ("St. Paul", "MN", "551"), ("Hays", "KS", "676")]
def address(r, one_line=True):
    t = r.choice(TOWNS); st = f"{r.randint(12, 9899)} {r.choice(STREETS)}"; z = t[2] + digits(r, 2)
    return f"{st}, {t[0]}, {t[1]} {z}" if one_line else (st, f"{t[0]}, {t[1]} {z}")

# ================================================================== people
# pool: (female given, male given, family, middle style, suffix ok)
POOLS = {
    "viet": (["Lan", "Mai", "Hương", "Ngọc Anh", "Thủy", "Trang", "Phương"], ["Minh", "Tuấn", "Quốc Bảo", "Đức", "Hiếu", "Long", "Khoa"],
             ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"], "viet", False),
    "korean": (["Ji-woo", "Seo-yeon", "Min-ji", "Hye-jin", "Eun-ji", "Soo-ah"], ["Jae-hyun", "Min-jun", "Sung-ho", "Dong-hyun", "Tae-yang"],
               ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Han"], "none", False),
    "filipino": (["Ma. Cristina", "Maricel", "Rowena", "Jocelyn", "Lovely Grace", "Analyn"], ["Jose Rizal", "Rodelio", "Ramil", "Ferdinand", "Jun", "Arnel"],
                 ["dela Cruz", "Santos", "Bautista", "Villanueva", "de los Reyes", "Macapagal", "Dimaculangan", "Manalo"], "init", True),
    "brazil": (["Conceição", "Ana Beatriz", "Luíza", "Thaís", "Graça"], ["João Pedro", "Sebastião", "Luiz Felipe", "Thiago", "Cauã"],
               ["dos Santos", "da Silva", "Gonçalves", "Araújo", "de Oliveira", "Magalhães", "Assunção"], "none", False),
    "somali": (["Hodan", "Ayaan", "Fadumo", "Hibaaq", "Sahra", "Ubah"], ["Abdirahman", "Mohamed", "Abdiweli", "Hassan", "Liban", "Abdikadir"],
               ["Warsame", "Farah", "Abdi", "Jama", "Mohamud", "Osman", "Aden", "Hersi"], "none", False),
    "haitian": (["Marie-Carmelle", "Guerline", "Nadège", "Roseline", "Widline", "Fabienne"], ["Mackenson", "Wilner", "Frantz", "Jean-Robert", "Ronald", "Dieudonné"],
                ["Pierre-Louis", "Jean-Baptiste", "Dorsainvil", "Célestin", "Toussaint", "Saint-Fleur", "Joseph", "Désir"], "init", False),
    "ukrainian": (["Oksana", "Nataliia", "Yuliia", "Halyna", "Iryna"], ["Oleksandr", "Mykola", "Serhii", "Volodymyr", "Andrii"],
                  ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk", "Hrytsenko", "Melnyk", "Savchuk"], "init", False),
    "italian": (["Concetta", "Maria Grazia", "Antonella", "Gina", "Rosalia"], ["Salvatore", "Vincenzo", "Carmine", "Anthony", "Dominic"],
                ["D'Amico", "DiNapoli", "LoBianco", "Esposito", "La Rosa", "Santangelo", "DeLuca", "Di Stefano"], "init", True),
    "nordic": (["Åsa", "Ingrid", "Solveig", "Kari", "Britt"], ["Bjørn", "Lars", "Arne", "Gunnar", "Torvald", "Nils"],
               ["Sørensen", "Lindqvist", "Haugen", "Østby", "Andersson", "Bergström", "Fjeld", "Halvorsen"], "init", True),
    "japanese": (["Yuki", "Emiko", "Haruka", "Naomi", "Keiko"], ["Hiroshi", "Kenji", "Takeshi", "Ren", "Masao"],
                 ["Yamamoto", "Takahashi", "Nakamura", "Watanabe", "Fujimoto", "Ishikawa", "Okada"], "init", False),
    "dine": (["Nizhoni", "Shandiin", "Dezbah", "Marlene", "Lorraine", "Bernadine"], ["Ahiga", "Delbert", "Nelson", "Kee", "Wilson", "Harrison"],
             ["Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty", "Tsinajinnie", "Manygoats"], "init", True),
    "cajun": (["Marie Thérèse", "Ophelia", "Josette", "Clothilde", "Noelie"], ["Alcide", "Thibault", "Remy", "Beau", "Clovis", "Placide"],
              ["Thibodeaux", "Boudreaux", "Fontenot", "LeBlanc", "Arceneaux", "Guidry", "Robichaux", "Broussard"], "init", True),
    "turkish": (["Şule", "Ayşe", "Gülşen", "Elif", "Büşra"], ["Mehmet", "Emre", "Oğuz", "Çağlar", "Hüseyin"],
                ["Yılmaz", "Çelik", "Öztürk", "Şahin", "Doğan", "Kılıç", "Aydın"], "none", False),
    "pacific": (["Losaline", "Mele", "Sina", "Fetu", "Leilani"], ["Sione", "Tavita", "Iosefa", "Lemalu", "Viliami"],
                ["Tuiasosopo", "Leota", "Fifita", "Taufa", "Siaosi", "Faleolo", "Tuilagi", "Vaifanua"], "init", False),
    "jewish": (["Shira", "Rivka", "Miriam", "Tova", "Dvora", "Esther"], ["Moshe", "Yitzchak", "Avraham", "Eli", "Mordechai", "Shmuel"],
               ["Rosenbaum", "Goldfarb", "Weinstock", "Ben-David", "Katz", "Schwartzberg", "Halberstam"], "init", False),
    "appalachian": (["Bobbie Jo", "Tammy Lynn", "Wanda", "Darlene", "Crystal", "Loretta"], ["Ricky Dale", "Jimmy Ray", "Earl", "Clayton", "Dewayne", "Otis"],
                    ["McAllister", "MacLeod", "Hatfield", "Caudill", "Mullins", "Combs", "Sizemore", "O'Bannon"], "init", True),
    "latam": (["Yesenia", "Marisol", "Ana Lucía", "Yamileth", "Dayana", "Maribel"], ["Wilmer", "Jhon Fredy", "Héctor Luis", "Edwin", "Ángel", "Nelson Iván"],
              ["Ortiz Quiñones", "Colón", "Peña", "Castillo Mejía", "Rivera", "Santiago Marrero", "Argueta", "Barahona", "de León", "de Jesús"], "none", False),
    "us": (["Jennifer", "Ashley", "Brittany", "Kimberly", "Donna", "Carol", "Heather"], ["Michael", "Christopher", "Brandon", "Gary", "Kevin", "Terrence", "Wade"],
           ["Pruitt", "Hollins", "Garrison", "Dunbar", "Wheeler", "Ashworth", "Templeton", "Blackwell", "Washington"], "init", True),
}
POOL_NAMES = sorted(POOLS)
SFX = ["Jr.", "Sr.", "II", "III", "IV"]

class Person:
    def __init__(self, r, amin=18, amax=90, sex=None, pool=None, cred=None, dob=None):
        self.pool = pool or r.choice(POOL_NAMES); fem, mal, fam, mid, sfx_ok = POOLS[self.pool]
        self.sex = sex or r.choice("FM"); self.given = r.choice(fem if self.sex == "F" else mal); self.family = r.choice(fam)
        if mid == "viet": self.mid = "Thị" if self.sex == "F" else r.choice(["Văn", "Đình", "Hữu", "Quang"])
        elif mid == "init": self.mid = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.55 else ""
        else: self.mid = ""
        self.sfx = r.choice(SFX) if sfx_ok and self.sex == "M" and r.random() < 0.2 else ""
        if dob is None:
            a = r.randint(amin, amax); dob = Dt(TODAY.year - a - 1, 1, 1) + DAY(days=r.randint(0, 364))
        self.dob = dob; self.cred = cred
    @property
    def mi(self): return (self.mid + ".") if len(self.mid) == 1 else self.mid
    def plain(self): return " ".join(x for x in (self.given, self.family, self.sfx) if x)
    def full(self): return " ".join(x for x in (self.given, self.mi, self.family, self.sfx) if x)
    def lf(self): return f"{self.family}{' ' + self.sfx if self.sfx else ''}, {self.given}{' ' + self.mid if self.mid else ''}"
    def caps(self): return self.lf().upper()
    def upper_plain(self): return self.full().upper()
    def hl7(self): return "^".join(ascii_of(x).upper() for x in (self.family, self.given, self.mid, self.sfx)).rstrip("^")
    def x12(self): return ascii_of(self.family).upper(), ascii_of(self.given).upper(), ascii_of(self.mid[:1]).upper()
    def initial(self): return f"{self.given[0]}. {self.family}"
    def title(self): return ("Mr. " if self.sex == "M" else r_title(self)) + self.family
    def with_cred(self): return f"{self.plain()}, {self.cred}" if self.cred else self.plain()
    def shape(self, r): return r.choice([self.full(), self.plain(), self.lf(), self.caps(), self.upper_plain(), f"{self.family}, {self.given}"])
def r_title(p): return "Ms. " if (sum(map(ord, p.given)) % 3) else "Mrs. "
def patient(r, amin=18, amax=90, sex=None, pool=None): return Person(r, amin, amax, sex, pool)
def infant(r, days_lo=2, days_hi=400, sex=None):
    return Person(r, sex=sex, dob=TODAY - DAY(days=r.randint(days_lo, days_hi)))
def staff(r, cred=None, pool=None):
    p = Person(r, 24, 66, pool=pool); p.cred = cred; return p
def mailbox(p, dom):
    g, f = re.sub(r"[^a-z]", "", ascii_of(p.given).lower()), re.sub(r"[^a-z]", "", ascii_of(p.family).lower())
    return f"{[g + '.' + f, g[0] + f, f + '.' + g[0], g + f[0], g + '_' + f][(len(g) + len(f)) % 5]}@{dom}"
def personal_addr(r, p):
    g, f = re.sub(r"[^a-z]", "", ascii_of(p.given).lower()), re.sub(r"[^a-z]", "", ascii_of(p.family).lower())
    return r.choice([f"{g}.{f}{r.randint(1, 99)}", f"{g[0]}{f}{p.dob.year % 100:02d}", f"{f}{g}", f"{g}{r.randint(100, 999)}"]) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "att.net"])

# ================================================================== organisations
class Org:
    def __init__(self, kind, name, short, dom, town, color, titles):
        self.kind, self.name, self.short, self.dom, self.color, self.titles = kind, name, short, dom, color, titles
        self.city, self.st, z3 = town; self.zip = z3 + f"{SR.randint(1, 99):02d}"
        self.street = f"{SR.randint(100, 4999)} {SR.choice(['Medical Pkwy', 'Harvest Blvd', 'Founders Way', 'Lakeside Dr', 'Commerce Cir', 'Capitol Ave', 'Aspen Ct', 'Hospital Dr'])}"
        self.suite = SR.choice(["", f"Suite {SR.randint(100, 450)}", f"Bldg {SR.choice('ABC')}", ""])
        self.phone = phone(SR, "paren"); self.fax = phone(SR, "paren"); self.npi = npi(SR); self.tin = f"{SR.randint(20, 88)}-{SR.randint(1000000, 9999999)}"
    def addr(self): return f"{self.street}{', ' + self.suite if self.suite else ''}, {self.city}, {self.st} {self.zip}"
    def initials(self): return "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z'&]+", self.name) if w[0].isupper())[:4] or "ORG"
T = dict(
    anticoag=["Anticoagulation Pharmacist", "Clinical Pharmacist, Anticoagulation", "RN, Anticoagulation Clinic", "Anticoag Clinic Coordinator"],
    bloodbank=["Transfusion Service Medical Director", "Blood Bank Supervisor", "MLS(ASCP)BB", "Transfusion Safety Officer"],
    poison=["Specialist in Poison Information", "Certified SPI", "Medical Toxicologist", "Poison Center Managing Director"],
    opo=["Organ Procurement Coordinator", "Hospital Services Liaison", "Donor Family Services", "Clinical Referral Coordinator"],
    nbs=["Newborn Screening Follow-up Coordinator", "NBS Nurse Consultant", "Lab Program Manager, Newborn Screening", "Short-term Follow-up RN"],
    iis=["IIS Help Desk", "Immunization Registry Coordinator", "Interface Analyst, Immunization Program", "Provider Relations, Immunization Program"],
    registry=["Certified Tumor Registrar (CTR)", "Cancer Registry Coordinator", "Cancer Program Manager", "Registry Abstractor"],
    podiatry=["DPM", "Podiatric Medical Assistant", "Billing Coordinator", "Practice Manager"],
    onp=["CPO", "Certified Orthotist", "Patient Care Coordinator", "Reimbursement Specialist"],
    rehab=["Cardiac Rehab RN", "Exercise Physiologist", "Pulmonary Rehab RRT", "Program Director, Cardiopulmonary Rehab"],
    otp=["Intake Counselor", "Dosing Nurse", "Program Sponsor", "Medical Director, OTP"],
    infusion=["Home Infusion Pharmacist", "OPAT Nurse Coordinator", "Intake Specialist", "Infusion Nurse (CRNI)"],
    nicu=["NICU Follow-Up Coordinator", "Developmental Pediatrician", "Neonatal Nurse Practitioner", "Developmental Therapist"],
    mohs=["Mohs Surgeon", "Mohs Surgery Coordinator", "Dermatology PA-C", "Prior Auth Specialist"],
    rpm=["RPM Clinical Specialist", "Care Team RN", "Customer Success Manager", "Device Logistics"],
    hah=["Hospital at Home Medical Director", "Virtual Nurse", "Mobile Integrated Health Paramedic", "HaH Program Coordinator"],
    me=["Medicolegal Death Investigator", "Records Coordinator", "Forensic Pathologist", "Chief Medical Examiner"],
    mnt=["Registered Dietitian (RDN, CDCES)", "Diabetes Educator", "Nutrition Services Scheduler", "Clinical Nutrition Manager"],
    lead=["Public Health Nurse, Lead Program", "Environmental Health Specialist", "Lead Program Coordinator", "Epidemiologist"],
    hospital=["Health Information Management", "Patient Access", "Nursing Supervisor", "Revenue Cycle Analyst", "Case Manager"],
    clinic=["Family Medicine", "Clinic RN", "Front Desk", "Referral Coordinator", "Office Manager"],
    payer=["Utilization Management", "Provider Services", "Claims Research Analyst", "Care Management RN"],
    vendor=["Account Manager", "Customer Service", "Field Service Engineer", "Dispatch"],
)
ORGS = [
    Org("anticoag", "Harbor Lane Anticoagulation Clinic", "Harbor Lane Anticoag", "harborlaneclinic.org", TOWNS[0], "1F6F8B", T["anticoag"]),
    Org("bloodbank", "Mercy Hollow Medical Center - Transfusion Service", "MHMC Blood Bank", "mercyhollow.org", TOWNS[1], "A4161A", T["bloodbank"]),
    Org("poison", "Great Plains Regional Poison Center", "GP Poison Center", "gppoisoncenter.org", TOWNS[4], "6A4C93", T["poison"]),
    Org("opo", "LifeBridge Donor Network", "LifeBridge", "lifebridgedonor.org", TOWNS[12], "2A9D8F", T["opo"]),
    Org("nbs", "Prairie State Department of Health - Newborn Screening Program", "PSDH Newborn Screening", "health.prairiestate.gov", TOWNS[6], "264653", T["nbs"]),
    Org("iis", "Prairie State Immunization Information System (PSIIS)", "PSIIS", "psiis.health.prairiestate.gov", TOWNS[6], "3A5A40", T["iis"]),
    Org("registry", "Mercy Hollow Medical Center - Cancer Registry", "MHMC Cancer Registry", "mercyhollow.org", TOWNS[1], "8E3B46", T["registry"]),
    Org("podiatry", "Stonebridge Foot & Ankle Specialists", "Stonebridge Foot & Ankle", "stonebridgefoot.com", TOWNS[2], "B5651D", T["podiatry"]),
    Org("onp", "Keel & Stride Prosthetics and Orthotics", "Keel & Stride O&P", "keelandstride.com", TOWNS[3], "3D5A80", T["onp"]),
    Org("rehab", "Heartwise Cardiac & Pulmonary Rehabilitation", "Heartwise Rehab", "heartwiserehab.org", TOWNS[13], "C1121F", T["rehab"]),
    Org("otp", "New Dawn Opioid Treatment Program", "New Dawn OTP", "newdawnotp.org", TOWNS[9], "5E548E", T["otp"]),
    Org("infusion", "Cedarline Home Infusion Pharmacy", "Cedarline Infusion", "cedarlineinfusion.com", TOWNS[11], "0B6E4F", T["infusion"]),
    Org("nicu", "Little Harbor NICU Follow-Up Clinic", "Little Harbor NICU FU", "littleharborkids.org", TOWNS[12], "E76F51", T["nicu"]),
    Org("mohs", "Juniper Dermatology & Mohs Surgery", "Juniper Derm & Mohs", "juniperderm.com", TOWNS[8], "7B2D26", T["mohs"]),
    Org("rpm", "VitalLoop Remote Monitoring", "VitalLoop", "vitalloop.health", TOWNS[5], "0077B6", T["rpm"]),
    Org("hah", "Mercy Hollow Hospital at Home", "MHMC Hospital at Home", "mercyhollow.org", TOWNS[1], "2B9348", T["hah"]),
    Org("me", "Cordell County Office of the Medical Examiner", "Cordell County ME", "cordellcounty.gov", TOWNS[0], "343A40", T["me"]),
    Org("mnt", "Sweetgrass Nutrition & Diabetes Education", "Sweetgrass Nutrition", "sweetgrassnutrition.com", TOWNS[10], "6A994E", T["mnt"]),
    Org("lead", "Cordell County Health Department - Childhood Lead Poisoning Prevention", "CCHD Lead Program", "cordellcounty.gov", TOWNS[0], "BC6C25", T["lead"]),
    Org("hospital", "Mercy Hollow Medical Center", "Mercy Hollow MC", "mercyhollow.org", TOWNS[1], "7A1E48", T["hospital"]),
    Org("hospital", "St. Brendan's Regional Hospital", "St. Brendan's", "stbrendans.org", TOWNS[7], "14213D", T["hospital"]),
    Org("clinic", "Old Mill Family Practice", "Old Mill FP", "oldmillfp.com", TOWNS[3], "588157", T["clinic"]),
    Org("clinic", "Red Butte Indian Health Clinic", "Red Butte Clinic", "redbutteclinic.org", TOWNS[7], "9C6644", T["clinic"]),
    Org("clinic", "Bayou Teche Pediatrics", "Bayou Teche Peds", "bayoutechepeds.com", TOWNS[9], "1D3557", T["clinic"]),
    Org("payer", "Northfield Health Plan", "Northfield", "northfieldhp.com", TOWNS[13], "003049", T["payer"]),
    Org("payer", "Beacon Senior Advantage (HMO)", "Beacon Senior", "beaconsenior.com", TOWNS[11], "4A4E69", T["payer"]),
    Org("payer", "Prairie State Medicaid - Care Connect", "PS Medicaid", "careconnect-psm.com", TOWNS[6], "386641", T["payer"]),
]
VENDORS = [
    Org("vendor", "Crestline Lab Supply", "Crestline Lab Supply", "crestlinelab.com", TOWNS[12], "555B6E", T["vendor"]),
    Org("vendor", "Filtercard Solutions Inc.", "Filtercard Solutions", "filtercard.com", TOWNS[11], "6C757D", T["vendor"]),
    Org("vendor", "Meridian Orthopedic Components", "Meridian O&P Supply", "meridianop.com", TOWNS[5], "495057", T["vendor"]),
    Org("vendor", "Pinnacle Infusion Pumps Rental", "Pinnacle Pumps", "pinnaclepumps.com", TOWNS[13], "5C677D", T["vendor"]),
    Org("vendor", "TwinRivers Managed IT", "TwinRivers IT", "twinriversit.com", TOWNS[0], "2F3E46", T["vendor"]),
    Org("vendor", "Prairie Shred & Records Destruction", "Prairie Shred", "prairieshred.com", TOWNS[1], "6B705C", T["vendor"]),
    Org("vendor", "Great Northern Fleet Insurance", "Great Northern Fleet", "gnfleetins.com", TOWNS[12], "415A77", T["vendor"]),
]
BY_KIND = {}
for _o in ORGS: BY_KIND.setdefault(_o.kind, []).append(_o)
def org(r, kind=None): return r.choice(BY_KIND[kind]) if kind else r.choice(ORGS)
def vendor(r, short=None): return next(v for v in VENDORS if v.short == short) if short else r.choice(VENDORS)
COUNTER = {"anticoag": ["clinic", "hospital"], "bloodbank": ["hospital", "clinic"], "poison": ["hospital"], "opo": ["hospital"], "nbs": ["clinic", "hospital"],
           "iis": ["clinic"], "registry": ["clinic", "hospital"], "podiatry": ["clinic", "payer"], "onp": ["clinic", "payer", "hospital"], "rehab": ["clinic", "payer"],
           "otp": ["otp", "clinic"], "infusion": ["clinic", "hospital", "payer"], "nicu": ["clinic", "hospital"], "mohs": ["clinic", "payer"], "rpm": ["clinic"],
           "hah": ["clinic", "hospital", "payer"], "me": ["hospital", "clinic"], "mnt": ["clinic", "payer"], "lead": ["clinic"], "hospital": ["clinic", "payer"],
           "clinic": ["hospital", "payer", "clinic"], "payer": ["clinic", "hospital"], "vendor": ["hospital", "clinic"]}
def counterpart(r, o):
    if r.random() < 0.4 and o.kind not in ("vendor",): return o
    ks = COUNTER.get(o.kind, ["hospital"]); k = r.choice(ks)
    cands = [x for x in BY_KIND.get(k, ORGS) if x is not o] or [org(r, "hospital")]
    return r.choice(cands)
def clinician(r, o, cred=None):
    c = cred or {"anticoag": wa(r, "PharmD", "PharmD, CACP", "RN"), "bloodbank": wa(r, "MD", "MLS(ASCP)", "MT(ASCP)SBB"), "poison": wa(r, "RN, CSPI", "PharmD, DABAT", "MD"),
                 "opo": wa(r, "RN, CPTC", "RN", "BSN"), "nbs": wa(r, "RN", "MPH", "MS, CGC"), "iis": wa(r, "", "MPH"), "registry": wa(r, "CTR", "CTR, RHIT"),
                 "podiatry": wa(r, "DPM", "DPM, FACFAS"), "onp": wa(r, "CPO", "CO", "CP, LPO"), "rehab": wa(r, "RN", "MS, ACSM-CEP", "RRT"), "otp": wa(r, "MD", "LCADC", "RN", "DO"),
                 "infusion": wa(r, "PharmD", "RN, CRNI", "MD"), "nicu": wa(r, "MD", "NNP-BC", "OTR/L"), "mohs": wa(r, "MD, FACMS", "PA-C", "MD"), "rpm": wa(r, "RN", "RN, CCM"),
                 "hah": wa(r, "MD", "RN", "NRP"), "me": wa(r, "MD", "D-ABMDI", ""), "mnt": wa(r, "RDN, LD", "RDN, CDCES", "MS, RDN"), "lead": wa(r, "RN, BSN", "REHS", "MPH"),
                 "hospital": wa(r, "RHIA", "RN", ""), "clinic": wa(r, "MD", "DO", "FNP-C", "RN", ""), "payer": wa(r, "RN", "", "LPN")}.get(o.kind, "")
    return staff(r, cred=c or None)
def title_for(r, p, o): return r.choice(o.titles)
def provider(r, cred="MD"): return staff(r, cred=cred)
def dr(p): return f"Dr. {p.family}"
def he(p): return "he" if p.sex == "M" else "she"
def his(p): return "his" if p.sex == "M" else "her"

# identifiers ---------------------------------------------------------
def mrn(r): return r.choice([digits(r, 8), f"M{digits(r, 7)}", f"00{digits(r, 6)}", f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}", f"E{digits(r, 9)}", digits(r, 7)])
def member_id(r, pfx=None): return (pfx or r.choice(["NHP", "BSA", "XJH", "W", "ZGN", ""])) + digits(r, r.choice([8, 9, 10]))
def medicaid_id(r): return r.choice([digits(r, 10), f"PS{digits(r, 9)}", f"{letters(r, 2)}{digits(r, 8)}"])
def acct(r): return r.choice([digits(r, 10), f"A{digits(r, 8)}", f"{digits(r, 3)}-{digits(r, 6)}", digits(r, 9)])
def csn(r): return "4" + digits(r, 9)
def fin(r): return "25" + digits(r, 8)
def claim_no(r): return r.choice([f"26{digits(r, 3)}{digits(r, 8)}", f"E{digits(r, 12)}", f"{digits(r, 4)}-{digits(r, 7)}", digits(r, 14)])
def din(r): return f"W{r.randint(1000, 1999):04d} 26 {digits(r, 6)} {r.choice('0123456789ABCDEFGHJ')}"   # ISBT 128 donation identification number
def kit_no(r): return r.choice([f"{digits(r, 8)}", f"26-{digits(r, 6)}", f"K{digits(r, 7)}"])
def iis_id(r): return r.choice([digits(r, 9), f"PS{digits(r, 8)}"])
def me_case(r): return r.choice([f"ME26-{r.randint(100, 2400):04d}", f"CC-2026-{r.randint(10, 1999):05d}", f"26-{r.randint(100, 2400)}"])
def donor_id(r): return letters(r, 3) + digits(r, 3) if r.random() < 0.6 else f"{letters(r, 4)}{digits(r, 3)}"
def otp_id(r): return r.choice([f"ND-{digits(r, 5)}", digits(r, 6), f"OTP{digits(r, 5)}"])
def imei(r): base = "35" + digits(r, 12); return base + next(c for c in "0123456789" if _luhn_ok(base + c))
def serial(r, pfx): return f"{pfx}{digits(r, r.choice([6, 7, 8]))}"
def lot(r): return r.choice([f"{letters(r, 2)}{digits(r, 5)}", f"{digits(r, 6)}{letters(r, 1)}", f"L{digits(r, 7)}", f"{letters(r, 1)}{digits(r, 2)}{letters(r, 2)}{digits(r, 3)}"])

# label vocabularies ----------------------------------------------------
def L_pt(r): return r.choice(["Patient", "Patient Name", "Pt", "Pt name", "Name", "PATIENT", "Client", "Pt. Name", "Patient name"])
def L_dob(r): return r.choice(["DOB", "D.O.B.", "Date of Birth", "Date of birth", "Birth Date", "Birthdate", "DOB", "dob", "Pt DOB", "Born"])
def L_mrn(r): return r.choice(["MRN", "Med Rec #", "MR#", "Medical Record Number", "Med. Rec. No.", "Chart #", "Patient ID", "MRN:", "Hospital #", "Unit No."])
def L_mbr(r): return r.choice(["Member ID", "Mbr ID", "Member #", "ID#", "Subscriber ID", "Insured's ID Number", "Ins. ID", "Policy/Member No.", "Plan ID #", "Mem No"])
def L_acct(r): return r.choice(["Acct #", "Account No.", "Pt Acct", "FIN", "HAR", "CSN", "Encounter #", "Visit ID", "Visit #", "Billing Acct"])
def acct_for(r, lab): return {"FIN": fin(r), "CSN": csn(r), "HAR": "52" + digits(r, 8)}.get(lab, acct(r))
def L_phone(r): return r.choice(["Phone", "Ph", "Home phone", "Cell", "Best #", "Contact number", "Mobile", "Tel"])

# ================================================================== documents
class Doc:
    def __init__(self, cat, title, o, blocks, kind="narr", subject=None, sender=None, dest=None, to_patient=None):
        self.cat, self.title, self.o, self.blocks, self.kind = cat, title, o, blocks, kind
        self.subject, self.sender, self.dest, self.to_patient = subject, sender, dest, to_patient
    def table(self):
        for b in self.blocks:
            if b[0] == "table": return b[1], b[2]
        return None
    def cut(self, n):
        d = copy.copy(self); d.blocks = [("table", b[1], b[2][:n]) if b[0] == "table" else b for b in self.blocks]; return d
KV_STYLES = ["colon", "colon", "aligned", "next", "caps", "dash", "nocolon", "tight", "runon"]
def kv(r, items, style=None): return ("kv", [(a, str(b)) for a, b in items if b not in (None, "")], style or r.choice(KV_STYLES))
def p_(t): return ("p", t)
def h_(t): return ("h", t)
def pre(t): return ("pre", t)
def tbl(hdr, rows): return ("table", hdr, rows)
def dx(r, code, desc): return r.choice([f"{desc} ({code})", f"{code} {desc}", f"{code} - {desc}", f"{desc}, {code}"])

def cell(v, dst="mdy"):
    if isinstance(v, dtm.datetime): return f"{fd(v.date(), dst)} {v:%H:%M}"
    if isinstance(v, dtm.date): return fd(v, dst)
    if v is None: return ""
    return str(v)
def kv_lines(items, style):
    if style == "runon": return ["; ".join(f"{a}: {b}" for a, b in items) + "."]
    w = max(len(a) for a, _ in items) + 2
    out = []
    for a, b in items:
        if style == "colon": out.append(f"{a}: {b}")
        elif style == "aligned": out.append(f"{(a + ':').ljust(w)} {b}")
        elif style == "next": out += [f"{a}:", f"    {b}"]
        elif style == "caps": out.append(f"{a.upper()}: {b}")
        elif style == "dash": out.append(f"{a} - {b}")
        elif style == "nocolon": out.append(f"{a.ljust(w)}{b}")
        else: out.append(f"{a}:{b}")
    return out
def table_lines(hdr, rows, dst="mdy", sty="cols"):
    data = [[cell(v, dst) for v in row] for row in rows]
    if sty == "pipe": return [" | ".join(hdr)] + [" | ".join(x) for x in data]
    if sty == "tab": return ["\t".join(hdr)] + ["\t".join(x) for x in data]
    ws = [max(len(str(h)), *(len(x[i]) for x in data)) if data else len(str(h)) for i, h in enumerate(hdr)]
    ln = ["  ".join(str(h).ljust(ws[i]) for i, h in enumerate(hdr)).rstrip(), "  ".join("-" * w for w in ws)]
    return ln + ["  ".join(x[i].ljust(ws[i]) for i in range(len(hdr))).rstrip() for x in data]
def render_text(doc, tsty="cols", dst="mdy"):
    out = []
    if doc.title and doc.kind != "raw": out += [doc.title, ""]
    for b in doc.blocks:
        if b[0] == "h": out += [b[1].upper() if len(b[1]) < 40 else b[1], ""]
        elif b[0] == "p": out += [b[1], ""]
        elif b[0] == "kv": out += kv_lines(b[1], b[2]) + [""]
        elif b[0] == "pre": out += [b[1], ""]
        elif b[0] == "table": out += table_lines(b[1], b[2], dst, tsty) + [""]
    return "\n".join(out).rstrip() + "\n"
def nl2br(t): return esc(t).replace("\n", "<br>\n")
LOOKS = [("Calibri,Arial,sans-serif", "#1F4E79", "#DCE6F1"), ("Georgia,serif", "#5B2C6F", "#F3E5F5"), ("Verdana,Geneva,sans-serif", "#145A32", "#E9F7EF"),
         ("Segoe UI,Tahoma,sans-serif", "#7B241C", "#FDEDEC"), ("Arial,Helvetica,sans-serif", "#333333", "#EEEEEE")]
def render_html(doc, letterhead=False, look=0, dst="mdy"):
    font, ink, fill = LOOKS[look % len(LOOKS)]; o = doc.o; h = []
    h.append(f'<html><head><meta charset="utf-8"><title>{esc(doc.title or "")}</title></head><body style="font-family:{font};font-size:10.5pt;color:#222">')
    if letterhead and o:
        h.append(f'<table width="100%" cellpadding="4" style="border-bottom:2px solid {ink};margin-bottom:10px"><tr><td style="font-size:15pt;font-weight:bold;color:{ink}">{esc(o.name)}</td>'
                 f'<td align="right" style="font-size:8pt;color:#666" nowrap>{esc(o.addr())}<br>Tel {esc(o.phone)} &middot; Fax {esc(o.fax)}</td></tr></table>')
    if doc.title and doc.kind != "raw": h.append(f'<h2 style="font-size:13pt;color:{ink};margin:6px 0">{esc(doc.title)}</h2>')
    for b in doc.blocks:
        if b[0] == "h": h.append(f'<h3 style="font-size:11pt;color:{ink};margin:10px 0 4px 0">{esc(b[1])}</h3>')
        elif b[0] == "p": h.append(f"<p>{nl2br(b[1])}</p>")
        elif b[0] == "pre": h.append(f'<pre style="font-family:Consolas,Courier New,monospace;font-size:8.5pt;background:#f7f7f7;padding:6px">{esc(b[1])}</pre>')
        elif b[0] == "kv":
            if b[2] in ("colon", "aligned", "nocolon", "next"):
                h.append('<table cellpadding="3" cellspacing="0" style="border-collapse:collapse">' + "".join(
                    f'<tr><td style="background:{fill};font-weight:bold;border:1px solid #ccc" nowrap>{esc(a)}</td><td style="border:1px solid #ccc">{esc(v)}</td></tr>' for a, v in b[1]) + "</table>")
            else:
                h.append("<p>" + "<br>\n".join(f"<b>{esc(a)}:</b> {esc(v)}" for a, v in b[1]) + "</p>")
        elif b[0] == "table":
            small = len(b[1]) > 6
            h.append(f'<table cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:{"8" if small else "9.5"}pt"><tr>' +
                     "".join(f'<th style="background:{ink};color:#fff;border:1px solid #999;text-align:left" nowrap>{esc(x)}</th>' for x in b[1]) + "</tr>")
            for i, row in enumerate(b[2]):
                bg = fill if i % 2 else "#ffffff"
                h.append(f'<tr style="background:{bg}">' + "".join(f'<td style="border:1px solid #ccc"{" nowrap" if len(cell(v, dst)) < 14 else ""}>{esc(cell(v, dst))}</td>' for v in row) + "</tr>")
            h.append("</table>")
    h.append("</body></html>")
    return "\n".join(h)

# ================================================================== PHI narratives
def signoff(r, s, o): return r.choice([f"{s.with_cred()}\n{title_for(r, s, o)}\n{o.name}\n{o.phone}", f"{s.with_cred()} | {o.short} | {o.phone}", f"-{s.given}\n{title_for(r, s, o)}, {o.short}"])
def pt_block(r, p, extra=(), dob=True, o=None):
    items = [(L_pt(r), p.shape(r))]
    if dob: items.append((L_dob(r), dob_of(r, p)))
    return kv(r, items + list(extra))
WARF = [2.5, 5, 7.5, 3, 4, 6, 2, 1]
def weekly(r):
    base = r.choice([2.5, 3, 4, 5, 6, 7.5]); days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    step = 2.5 if base in (2.5, 5, 7.5) else 1
    alt = r.choice([base, base + step, max(base - step, 1)]); plan = [alt if i in (1, 4) else base for i in range(7)]
    return plan, " / ".join(f"{d} {x:g} mg" for d, x in zip(days, plan)), sum(plan)

def P_inr_visit(r):
    o = org(r, "anticoag"); p = patient(r, 45, 92); s = clinician(r, o); plan, txt, tot = weekly(r)
    ind = r.choice([("I48.91", "Atrial fibrillation, unspecified"), ("I48.0", "Paroxysmal atrial fibrillation"), ("Z95.2", "Presence of prosthetic heart valve (mechanical mitral)"),
                    ("I26.99", "Pulmonary embolism without acute cor pulmonale"), ("I82.401", "Acute DVT, right lower extremity")])
    goal = "2.5-3.5" if ind[0] == "Z95.2" else "2.0-3.0"; inr = round(r.choice([r.uniform(1.3, 1.8), r.uniform(3.4, 5.9)]), 1)
    why = r.choice(["finished a course of Bactrim for a UTI last week", "has been eating less since a dental extraction", "started eating kale salads most days", "missed two doses while traveling",
                    "was started on amiodarone by cardiology on " + fd(past(r, 9, 20), "m/d/yy"), "reports two extra glasses of wine over the holiday weekend"])
    newtot = round(tot * (0.88 if inr > 3 else 1.1) / 2.5) * 2.5
    if newtot == tot: newtot = tot + (-2.5 if inr > 3 else 2.5)
    blocks = [pt_block(r, p, [(L_mrn(r), mrn(r)), ("Indication", dx(r, ind[0], ind[1])), ("INR goal", goal)]),
              p_(f"POC INR today ({fd(TODAY - DAY(days=r.randint(0, 2)), 'mdy')}): {inr}. Previous INRs {round(r.uniform(2.0, 3.0), 1)} and {round(r.uniform(1.9, 3.1), 1)}. Patient {why}. "
                 f"{'No bleeding, bruising or dark stools reported.' if inr > 3 else 'No new chest pain, leg swelling or neuro symptoms.'}"),
              p_(f"Current warfarin: {txt} ({tot:g} mg/week). Plan: {'hold tonight, then ' if inr > 4.5 else ''}{'decrease' if inr > 3 else 'increase'} to {newtot:g} mg/week; recheck INR {fd(soon(r, 4, 10), 'wd')}."),
              p_(signoff(r, s, o))]
    return Doc("anticoag-visit", "Anticoagulation Clinic Visit Note", o, blocks, sender=s, dest=counterpart(r, o))

def P_anticoag_letter(r):
    o = org(r, "anticoag"); p = patient(r, 50, 90); s = clinician(r, o); plan, txt, tot = weekly(r); inr = round(r.uniform(1.5, 3.8), 1); nd = soon(r, 5, 21)
    blocks = [p_(f"Dear {p.title()},"), p_(f"Your INR from your blood test on {fd(past(r, 1, 4), 'long')} was {inr}. Your goal range is 2.0 to 3.0."),
              p_(f"Please take your warfarin (Jantoven) {r.choice(['5 mg peach', '2.5 mg green', '1 mg pink', '3 mg tan'])} tablets as follows until your next check:\n{txt.replace(' / ', chr(10))}"),
              p_(f"Your next INR check is {fd(nd, 'wd')} at {clock(r, 8, 15)} at our {r.choice(['Hays', 'Wichita', 'Salina'])} office. Call {o.phone} right away if you notice black stools, blood in your urine, nosebleeds that will not stop, or a fall with a head bump."),
              p_(f"{s.with_cred()}\n{o.name}")]
    return Doc("anticoag-dosing-letter", "Your warfarin dosing instructions", o, blocks, to_patient=p, subject=r.choice(["Your INR result and dosing calendar", "Warfarin instructions", "Message from the Anticoagulation Clinic"]))

def P_bridging(r):
    o = org(r, "anticoag"); p = patient(r, 55, 85); s = clinician(r, o); proc = r.choice(["colonoscopy with possible polypectomy", "right total knee arthroplasty", "TURP", "dental extractions x4", "L4-5 epidural steroid injection"])
    d = soon(r, 10, 30); wt = r.randint(58, 128); crcl = r.randint(38, 95)
    blocks = [kv(r, [(L_pt(r), p.shape(r)), (L_dob(r), dob_of(r, p)), ("Procedure", f"{proc} on {fd(d, 'mdy')}"), ("Weight", f"{wt} kg"), ("CrCl (Cockcroft-Gault)", f"{crcl} mL/min"),
                     ("CHA2DS2-VASc", r.randint(2, 7)), ("Indication", r.choice(["AF + prior CVA", "mechanical AVR (On-X)", "recurrent VTE 2024"]))]),
              h_("Peri-procedural plan"),
              p_(f"Day -5 ({fd(d - DAY(days=5), 'mdy')}): last dose of warfarin.\nDay -3: start enoxaparin {wt} mg SC q12h.\nDay -1: last enoxaparin dose AM only (24 h before).\n"
                 f"Day 0: resume warfarin evening of procedure at usual dose if hemostasis OK per {r.choice(['GI', 'surgeon', 'Dr. ' + staff(r).family])}.\n"
                 f"Day +1: resume enoxaparin {'if low bleeding risk' if 'dental' in proc or 'injection' in proc else 'at 48-72 h given high bleed risk'}; stop when INR >= 2.0."),
              p_(f"Teaching done by phone; patient's daughter will give injections. Rx for enoxaparin 100 mg/mL syringes #10 sent to {r.choice(['Walgreens', 'Dillons Pharmacy', 'Hy-Vee Pharmacy', 'CVS'])}."),
              p_(signoff(r, s, o))]
    return Doc("anticoag-bridging-plan", "Peri-procedural anticoagulation plan", o, blocks, sender=s, dest=org(r, "clinic"))

def P_transfusion_rxn(r):
    o = org(r, "bloodbank"); p = patient(r, 25, 88); s = clinician(r, o, "MD"); t0 = past(r, 0, 3)
    prod = r.choice(["Red Blood Cells, Leukocytes Reduced (E0336)", "Apheresis Platelets, Leukocytes Reduced (E3046)", "Plasma Frozen within 24h (E2555)"])
    tpre, tpost = round(r.uniform(36.6, 37.2), 1), round(r.uniform(38.1, 39.2), 1)
    blocks = [kv(r, [(L_pt(r), p.caps()), (L_mrn(r), mrn(r)), (L_dob(r), dob_of(r, p)), ("Location", r.choice(["4 West 412-B", "ICU 9", "Onc Infusion chair 6", "L&D 3"])),
                     ("Unit (DIN)", din(r)), ("Product", prod), ("Volume infused before stop", f"{r.randint(40, 220)} mL"), ("Reaction reported", f"{fd(t0, 'mdy')} {hhmm(r)}")]),
              h_("Investigation"),
              p_(f"Clerical check: no discrepancy. Visual hemolysis check post-sample: negative. Post-transfusion DAT: negative (polyspecific). ABO/Rh repeat on post sample: {r.choice(['O POS', 'A POS', 'B NEG', 'A NEG', 'AB POS'])}, concordant.\n"
                 f"Vitals: T {tpre} -> {tpost} C, HR {r.randint(78, 96)} -> {r.randint(104, 128)}, BP stable. Rigors; no hypoxia, no urticaria."),
              p_(f"Interpretation: febrile non-hemolytic transfusion reaction ({r.choice(['R50.84', 'T80.89XA'])}). Bag culture sent; Gram stain no organisms. Recommend acetaminophen premedication is NOT required for future transfusions; "
                 f"continue leukoreduced products. Reported to hemovigilance (NHSN) per policy."),
              p_(f"{s.with_cred()}\nMedical Director, Transfusion Service")]
    return Doc("transfusion-reaction", "Transfusion Reaction Investigation - Final", o, blocks, sender=s, dest=o)

def P_antibody_letter(r):
    o = org(r, "bloodbank"); p = patient(r, 20, 80); s = clinician(r, o)
    abs_ = r.sample(["anti-K (Kell)", "anti-E", "anti-c", "anti-Jka (Kidd)", "anti-Fya (Duffy)", "anti-S"], r.randint(1, 2))
    blocks = [p_(f"Re: {p.full()}   {L_dob(r)} {dob_of(r, p)}   {r.choice(['MRN', 'Unit #'])} {mrn(r)}"),
              p_(f"During pretransfusion testing on {fd(past(r, 1, 8), 'long')}, this patient's antibody screen was positive and {', '.join(abs_)} {'was' if len(abs_) == 1 else 'were'} identified. "
                 f"ABO/Rh: {r.choice(['O Pos', 'A Pos', 'B Pos', 'O Neg'])}. DAT negative."),
              p_(f"Clinically significant: future red cell transfusions must be antigen-negative for {', '.join(a.split()[0][5:] for a in abs_)} and crossmatch-compatible by AHG. Please allow extra time (2-24 h) before elective surgery. "
                 f"{'She should inform her obstetrician in any future pregnancy (risk of HDFN).' if p.sex == 'F' and age(p.dob) < 45 else 'An antibody wallet card was mailed to the patient.'}"),
              p_(signoff(r, s, o))]
    return Doc("blood-bank-antibody", "Notification of Clinically Significant Red Cell Antibody", o, blocks, sender=s, dest=org(r, "clinic"))

def P_poison_case(r):
    o = org(r, "poison"); s = clinician(r, o); adult = r.random() < 0.55
    p = patient(r, 15, 60) if adult else infant(r, 300, 1400)
    kids = [("children's acetaminophen 160 mg/5 mL", "T39.1X1A", "most of a 4 oz bottle"), ("amlodipine 10 mg (grandmother's)", "T46.1X1A", "up to 3 tablets"), ("nicotine pouches 6 mg", "T65.291A", "2 pouches"),
            ("clonidine 0.1 mg (brother's)", "T46.5X1A", "1 tablet"), ("laundry detergent pod", "T54.91XA", "1 pod, bit into"), ("oxycodone 5 mg", "T40.2X1A", "1-2 tablets")]
    adults = [("acetaminophen 500 mg", "T39.1X2A", "about 30 tablets"), ("alprazolam 1 mg", "T42.4X2A", "~12 tablets with vodka"), ("amlodipine 10 mg", "T46.1X2A", "14 tablets"),
              ("wild mushrooms (unknown species)", "T62.0X1A", "a handful, sauteed")]
    sub = r.choice(adults if adult else kids)
    case = f"{TODAY.year % 100}-{digits(r, 6)}"; t = hhmm(r)
    if "acetaminophen" in sub[0]: course = f"4-hr APAP level {r.randint(160, 260)} mcg/mL (above treatment line), AST {r.randint(22, 60)}. Recommended NAC 21-hour IV protocol; started {hhmm(r)}. Repeat APAP/AST at end of bag 2." + (" Psychiatry to see when medically clear." if adult else "")
    elif "mushroom" in sub[0]: course = f"Amatoxin concern: recommend LFTs q12h x 48 h, aggressive IV fluids, photos of the mushrooms sent to our consulting mycologist."
    elif sub[0].startswith(("alprazolam", "oxycodone", "clonidine")): course = f"Vomited x1 at home, lethargic on arrival, GCS {r.randint(11, 14)}. Recommend observation with continuous pulse oximetry, no flumazenil{', naloxone if RR < 10' if 'oxy' in sub[0] else ''}. Will call back in 4 hours."
    else: course = f"Observed {r.choice(['6', '12', '24'])} hours; HR {r.randint(58, 120)}, BP {r.randint(88, 104)}/{r.randint(50, 62)} at lowest. Glucose {r.randint(80, 130)}. No intervention needed; discharged home. Safe-storage counselling given."
    blocks = [kv(r, [("Case #", case), (L_pt(r), p.plain() if r.random() < 0.6 else p.lf()), ("Age", f"{age(p.dob)} y" if adult else f"{(TODAY - p.dob).days // 30} mo"), (L_dob(r), dob_of(r, p)),
                     ("Caller", r.choice(["ED RN", "mother", "ED physician", "EMS"]) if not adult else r.choice(["ED RN", "ED physician", "EMS", "ICU charge RN"])), ("Facility", org(r, "hospital").name), ("Substance", sub[0]), ("Amount", sub[2]),
                     ("Time of exposure", f"approx {t[:2]}:{t[2:]}"), ("Coding", sub[1])]),
              p_(course),
              p_(f"Follow-up call scheduled {fd(TODAY, 'mdy')} {clock(r, 13, 22)}. {s.with_cred()}, {title_for(r, s, o)}")]
    return Doc("poison-center-case", "Poison Center Case Summary", o, blocks, sender=s, dest=org(r, "hospital"), subject=f"Case {case} follow-up")

def P_opo_referral(r):
    o = org(r, "opo"); hosp = org(r, "hospital"); s = clinician(r, o); p = patient(r, 18, 72); ref = f"{TODAY.year % 100}{digits(r, 5)}"
    cause = r.choice([("I61.9", "spontaneous ICH"), ("G93.1", "anoxic brain injury after cardiac arrest"), ("S06.5X9A", "traumatic SDH after MVC"), ("G93.82", "brain death, 2nd exam pending")])
    blocks = [p_(f"Referral # {ref} received {fd(past(r, 0, 1), 'mdy')} {hhmm(r)} from {hosp.short} {r.choice(['SICU', 'Neuro ICU', 'MICU', 'ED'])}."),
              kv(r, [(L_pt(r), p.caps()), (L_mrn(r), mrn(r)), ("Age/Sex", f"{age(p.dob)}{p.sex}"), (L_dob(r), dob_of(r, p)), ("ABO", r.choice(["O+", "A+", "B+", "O-", "A-"])),
                     ("Admit dx", dx(r, cause[0], cause[1])), ("Clinical trigger", r.choice(["GCS <= 5", "discussion of withdrawal of support", "loss of brainstem reflexes"])),
                     ("Ht/Wt", f"{r.randint(152, 190)} cm / {r.randint(55, 130)} kg"), ("Next of kin", f"{r.choice(['wife', 'husband', 'mother', 'son', 'sister'])} {staff(r).plain()} {phone(r)}")]),
              p_(f"Registry check: {'registered donor (state registry, DL)' if r.random() < 0.5 else 'not on registry'}. Family not approached; please do not raise donation - our coordinator {s.given} will be on site within the hour. "
                 f"Please send H&P, last 24 h of labs, CXR and echo if done. Serologies to be drawn by OPO."),
              p_(signoff(r, s, o))]
    return Doc("opo-referral", f"Donor referral {ref} - on-site evaluation", o, blocks, sender=s, dest=hosp)

def P_donor_family(r):
    o = org(r, "opo"); s = clinician(r, o); d = patient(r, 20, 70); fam = Person(r, 30, 75, pool=d.pool)
    organs = r.sample(["heart", "liver", "both kidneys", "a kidney and the pancreas", "lungs", "corneas", "skin and bone tissue"], r.randint(2, 3))
    blocks = [p_(f"Dear {fam.title()} and family,"), p_(f"It has been {r.choice(['three months', 'six weeks', 'four months'])} since {d.full()} passed away at {org(r, 'hospital').name} on {fd(past(r, 40, 150), 'long')}. "
                 f"We wanted you to know that {his(d)} gift of the {', '.join(organs)} helped {r.randint(2, 5)} people. A man in his 50s in {r.choice(['Colorado', 'Minnesota', 'Texas'])} received {his(d)} liver and is home with his grandchildren."),
              p_(f"Our aftercare program offers grief support groups in {r.choice(['Wichita', 'St. Paul', 'Omaha'])} and by video; {s.given} will call you next week. If you would like to write to the recipients, please send your letter to us and we will forward it."),
              p_(f"With gratitude,\n{s.plain()}\nDonor Family Services, {o.name}")]
    return Doc("opo-donor-family", "Donor family aftercare letter", o, blocks, to_patient=fam, subject=f"A letter about {d.given}'s gift")

def baby(r, pool=None):
    b = infant(r, 3, 16)
    if pool: b = Person(r, pool=pool, dob=b.dob)
    if r.random() < 0.45: b.given = r.choice(["Baby Girl", "Girl", "BG"]) if b.sex == "F" else r.choice(["Baby Boy", "Boy", "BB"])
    b.mid = ""; b.sfx = ""; return b
def P_nbs_abnormal(r):
    o = org(r, "nbs"); s = clinician(r, o); b = baby(r); mom = Person(r, 17, 42, sex="F", pool=b.pool); mom.family = b.family if r.random() < 0.7 else mom.family
    test = r.choice([("TSH", f"{r.randint(38, 160)} uIU/mL (cutoff <20)", "Congenital hypothyroidism", "P09.2", "serum TSH and free T4 within 24 hours; start levothyroxine if confirmed, do not wait for endocrinology"),
                     ("IRT", f"{r.randint(95, 210)} ng/mL (top 4%), CFTR panel: F508del/not detected", "Cystic fibrosis", "P09.4", "sweat chloride test at CF center - we have scheduled it for " + fd(soon(r, 4, 12), "mdy")),
                     ("C8 acylcarnitine", f"{round(r.uniform(0.9, 3.8), 2)} umol/L (cutoff 0.3)", "MCAD deficiency", "P09.1", "call family today; avoid fasting >4 h; give emergency letter; metabolic clinic same week"),
                     ("Hb pattern", r.choice(["FS", "FSC"]), "Sickle cell disease", "P09.3", "confirmatory Hb electrophoresis at 2 months, start penicillin prophylaxis by 2 months, refer to hematology")])
    bw = r.randint(2300, 4300); kit = kit_no(r)
    blocks = [p_("OUT-OF-RANGE NEWBORN SCREEN - ACTION REQUIRED"),
              kv(r, [("Infant", b.caps()), ("Birth date/time", f"{fd(b.dob, r.choice(['mdy', 'iso', 'm/d/yyyy']))} {hhmm(r)}"), ("Sex", b.sex), ("Birth weight", f"{bw} g"),
                     ("Mother", mom.lf()), ("Mother DOB", dob_of(r, mom)), ("Kit / specimen #", kit), ("Birth facility", org(r, "hospital").name), ("Collected", fd(b.dob + DAY(days=1), "mdy")),
                     ("Result", f"{test[0]} {test[1]}"), ("Screen suggests", f"{test[2]} ({test[3]})")]),
              p_(f"Recommended action: {test[4]}. Please confirm receipt by calling {o.phone} and let us know the family was reached. Listed PCP: {staff(r).plain()}, MD."),
              p_(signoff(r, s, o))]
    return Doc("nbs-out-of-range", "Newborn Screening - Out of Range Result", o, blocks, sender=s, dest=org(r, "clinic"))

def P_nbs_repeat(r):
    o = org(r, "nbs"); s = clinician(r, o); b = baby(r); why = r.choice(["collected at less than 24 hours of age", "insufficient quantity - circles not filled through", "specimen received more than 10 days after collection",
                                                                   "collected after red cell transfusion", "serum rings / layered", "infant on TPN at collection - amino acids uninterpretable"])
    blocks = [p_(f"The newborn screening specimen for the infant below is unsatisfactory ({why}). A repeat specimen is required."),
              kv(r, [("Infant name", b.lf()), ("DOB", fd(b.dob, r.choice(DOB_STYLES))), ("Mother's name", Person(r, 18, 40, sex="F", pool=b.pool).lf()), ("Kit #", kit_no(r)), ("Submitter", org(r, "hospital").short),
                     ("Medical record #", mrn(r))]),
              p_(f"Please collect on a new card (lot {lot(r)} or later) and mail within 24 hours. If the baby has been discharged, the PCP of record is {staff(r).plain()}; we will contact that office if no repeat is received by {fd(soon(r, 3, 6), 'mdy')}."),
              p_(signoff(r, s, o))]
    return Doc("nbs-repeat-request", "Repeat newborn screen requested", o, blocks, sender=s, dest=org(r, "hospital"))

def P_iis_merge(r):
    o = org(r, "iis"); s = clinician(r, o); c = infant(r, 200, 2500); mom = Person(r, 20, 44, sex="F", pool=c.pool); alt_given = c.given if r.random() < 0.5 else c.given[:3]
    blocks = [p_(f"Ticket #{r.randint(40000, 69999)} - possible duplicate client records. {org(r, 'clinic').short} reports that two PSIIS records appear to be the same child. Please confirm before we merge; doses on both records are listed."),
              tbl(["IIS ID", "Name", "DOB", "Mother maiden", "Doses", "Last dose"], [[iis_id(r), c.caps(), c.dob, ascii_of(mom.family).upper(), r.randint(5, 14), past(r, 20, 200)],
                                                                                  [iis_id(r), f"{ascii_of(c.family).upper()}, {alt_given.upper()}", c.dob + DAY(days=r.choice([0, 0, 1, 30])), ascii_of(mom.family).upper(), r.randint(1, 4), past(r, 60, 400)]]),
              p_(f"Record 2 has DTaP #2 and PCV #2 on the same date as record 1 (lot {lot(r)}) - looks like a double entry from the hospital HL7 feed. Reply 'OK to merge' or call {o.phone}."),
              p_(signoff(r, s, o))]
    return Doc("iis-duplicate-merge", "PSIIS duplicate record review", o, blocks, sender=s, dest=org(r, "clinic"))

VAX = [("DTaP", "20"), ("IPV", "10"), ("Hep B", "08"), ("Hib (PRP-T)", "48"), ("PCV20", "216"), ("Rotavirus RV5", "116"), ("MMR", "03"), ("Varicella", "21"), ("Hep A", "83"), ("Influenza", "141"),
       ("Tdap", "115"), ("HPV9", "165"), ("MenACWY", "114"), ("COVID-19", "308")]
def shot_rows(r, c, n):
    d = c.dob; rows = []
    for i in range(n):
        v = VAX[i % len(VAX)] if i < 10 else r.choice(VAX[9:]); d = min(TODAY - DAY(days=2), d + DAY(days=r.randint(30, 120)))
        rows.append([v[0], v[1], d, lot(r), r.choice(["LT", "RT", "LA", "RA"]) + r.choice(["", " IM"])])
    return rows
def P_shot_record(r):
    o = org(r, r.choice(["clinic", "iis"])); s = clinician(r, o); c = infant(r, 400, 5200); par = Person(r, 22, 50, pool=c.pool); par.family = c.family
    blocks = [p_(f"Hi {par.given}, here is {c.given}'s immunization record as requested for {r.choice(['daycare', 'school enrollment', 'summer camp', 'the WIC office'])}."),
              kv(r, [("Child", c.full()), (L_dob(r), dob_of(r, c)), ("PSIIS ID", iis_id(r))]),
              tbl(["Vaccine", "CVX", "Date given", "Lot", "Site"], shot_rows(r, c, r.randint(6, 12))),
              p_(f"{c.given} is due for {r.choice(['Hep A #2', 'the 4-6 year DTaP/IPV boosters', 'MMR #2 and varicella #2', 'flu vaccine'])}. Call {o.phone} to schedule.\n\n{s.plain()}\n{o.short}")]
    return Doc("immunization-record", "Immunization History", o, blocks, to_patient=par, subject=f"{c.given}'s shot record")

SITES = [("C50.412", "Breast, upper-outer quadrant, left", "8500/3 Infiltrating duct carcinoma"), ("C34.11", "Lung, right upper lobe", "8140/3 Adenocarcinoma"),
         ("C18.7", "Sigmoid colon", "8140/3 Adenocarcinoma"), ("C61", "Prostate gland", "8550/3 Acinar cell... (see path)"), ("C43.59", "Skin of trunk (melanoma)", "8720/3 Malignant melanoma, NOS"),
         ("C73", "Thyroid gland", "8260/3 Papillary adenocarcinoma"), ("C20", "Rectum", "8140/3 Adenocarcinoma"), ("C64.1", "Kidney, right", "8312/3 Renal cell carcinoma")]
def P_registry_fu(r):
    o = org(r, "registry"); s = clinician(r, o); p = patient(r, 40, 88); site = r.choice(SITES); ddx = past(r, 400, 2500)
    blocks = [p_(f"Dear Dr. {staff(r).family},"), p_("The Mercy Hollow Cancer Registry is required by the Commission on Cancer to obtain annual follow-up on every analytic case. Our records show this patient was last seen at our facility more than 15 months ago."),
              kv(r, [(L_pt(r), p.lf()), (L_dob(r), dob_of(r, p)), ("SSN (last 4)", ssn(r)[-4:]), ("Primary site", f"{site[0]} {site[1]}"), ("Histology", site[2].replace("(see path)", "").strip()),
                     ("Date of diagnosis", fd(ddx, "mdy")), ("Registry accession #", f"{ddx.year}{digits(r, 5)}")]),
              p_("Please return: date of last contact, vital status, cancer status (no evidence of disease / evidence of disease / unknown), and any recurrence date and site. A reply by fax or secure e-mail is fine."),
              p_(signoff(r, s, o))]
    return Doc("cancer-registry-followup", "Cancer registry annual follow-up request", o, blocks, sender=s, dest=org(r, "clinic"))

def P_podiatry_shoes(r):
    o = org(r, "podiatry"); s = clinician(r, o, "DPM"); p = patient(r, 55, 88); pcp = staff(r, "MD")
    blocks = [p_(f"Dr. {pcp.family},"), p_(f"Your patient {p.full()} (DOB {fd(p.dob, r.choice(DOB_STYLES))}, Medicare {mbi(r)}) qualifies for therapeutic shoes and inserts under the Medicare diabetic shoe benefit. "
                                       "Medicare requires the physician managing the diabetes to sign the Statement of Certifying Physician."),
              kv(r, [("Diagnosis", dx(r, r.choice(["E11.42", "E11.40", "E10.42"]), "Diabetes with diabetic polyneuropathy")),
                     ("Qualifying condition(s)", ", ".join(r.sample(["peripheral neuropathy with callus formation (L84)", "foot deformity - hallux valgus R (M20.11)", "history of pre-ulcerative callus", "prior partial amputation (Z89.421)", "poor circulation (I73.9)"], 2))),
                     ("Items", "A5500 x2 (depth shoes), A5513 x6 (custom-fabricated inserts)"), ("Last diabetic exam in your office", "needed within 6 months - please attach note")]),
              p_(f"Please sign the attached statement and fax it back to {o.fax} along with your last visit note that documents the diabetes management plan. Thank you.\n\n{signoff(r, s, o)}")]
    return Doc("podiatry-shoe-certification", "Therapeutic shoe certification request", o, blocks, sender=s, dest=org(r, "clinic"))

def P_podiatry_wound(r):
    o = org(r, "podiatry"); s = clinician(r, o, "DPM"); p = patient(r, 45, 85); l, w, dpt = round(r.uniform(0.6, 3.4), 1), round(r.uniform(0.4, 2.2), 1), round(r.uniform(0.1, 0.8), 1)
    side = r.choice(["right", "left"]); code = "L97.512" if side == "right" else "L97.522"
    blocks = [kv(r, [(L_pt(r), p.plain()), (L_dob(r), dob_of(r, p)), (L_mrn(r), mrn(r)), ("Visit", fd(past(r, 0, 3), "mdy"))]),
              p_(f"S: {age(p.dob)} yo with T2DM (A1c {round(r.uniform(7.2, 11.4), 1)}%) and neuropathy, ulcer {side} plantar 1st MPJ x {r.randint(3, 14)} weeks. Wearing the post-op shoe most of the day but walks barefoot at home."),
              p_(f"O: {l} x {w} x {dpt} cm, granular base 70%, fibrotic 30%, no probe to bone, mild periwound callus, no cellulitis. DP 1+, PT nonpalpable; ABI {round(r.uniform(0.72, 1.1), 2)}. Monofilament 0/10."),
              p_(f"A: {dx(r, code, 'Non-pressure chronic ulcer of ' + side + ' foot, fat layer exposed')}; {dx(r, 'E11.621', 'T2DM with foot ulcer')}.\nP: Excisional debridement to subQ (11042), 1.8 sq cm. Total contact cast applied. "
                 f"Vascular referral for arterial duplex. Return 1 week.\n\n{s.with_cred()}")]
    return Doc("podiatry-wound-note", "Podiatry progress note", o, blocks, sender=s, dest=counterpart(r, o))

def P_onp_docs(r):
    o = org(r, "onp"); s = clinician(r, o); p = patient(r, 40, 84); side = r.choice([("Z89.511", "right below-knee", "L5301"), ("Z89.512", "left below-knee", "L5301"), ("Z89.611", "right above-knee", "L5321, L5856")])
    k = r.choice(["K2", "K3", "K3", "K4"])
    blocks = [p_(f"Hello,\n\nWe are preparing the claim for {p.full()}'s {side[1]} prosthesis and Medicare's LCD requires the treating physician's own records to support the functional level."),
              kv(r, [(L_pt(r), p.lf()), (L_dob(r), dob_of(r, p)), ("MBI", mbi(r)), ("Amputation", dx(r, side[0], "Acquired absence of leg, " + side[1])), ("Date of amputation", fd(past(r, 120, 900), "mdy")),
                     ("Requested items", side[2] + ", L5673, L5637"), ("Functional level claimed", k)]),
              p_(f"Missing items:\n1. Face-to-face note within 6 months describing current and expected ambulation ({k}: {'community ambulator with variable cadence' if k in ('K3', 'K4') else 'limited community ambulator'}).\n"
                 f"2. Signed detailed written order (we drafted one - attached separately).\n3. Documentation of residual limb condition and motivation to ambulate."),
              p_(f"Our prosthetist's notes alone are not sufficient for Medicare. Please fax to {o.fax} or reply here.\n\n{signoff(r, s, o)}")]
    return Doc("onp-documentation-request", "Prosthetic documentation request", o, blocks, sender=s, dest=org(r, "clinic"))

def P_onp_fitting(r):
    o = org(r, "onp"); s = clinician(r, o, wa(r, "CO", "CPO")); p = patient(r, 30, 85)
    dev = r.choice([("L1970", "AFO, plastic, with ankle joint", "M21.371", "Foot drop, right foot"), ("L1932", "AFO, rigid anterior tibial section, carbon", "M21.372", "Foot drop, left foot"),
                    ("L3000", "UCB foot orthoses, bilateral", "M72.2", "Plantar fascial fibromatosis"), ("L0631", "LSO, sagittal control, rigid panels", "M48.062", "Spinal stenosis, lumbar, with neurogenic claudication")])
    blocks = [kv(r, [(L_pt(r), p.full()), (L_dob(r), dob_of(r, p)), (L_mbr(r), member_id(r)), ("Device", f"{dev[0]} {dev[1]}"), ("Dx", dx(r, dev[2], dev[3])), ("Delivered", fd(past(r, 0, 5), "mdy"))]),
              p_(f"Fitting note: device fit well, no pressure areas after 20 min ambulation in clinic. {p.given} ambulated {r.randint(60, 300)} ft with {r.choice(['single-point cane', 'no device', 'rolling walker'])}, improved toe clearance. "
                 f"Donning/doffing taught; wear schedule 2 h on / check skin, increase daily. Patient {'and spouse ' if r.random() < 0.4 else ''}verbalized understanding."),
              p_(f"Follow-up in 3 weeks. Proof of delivery signed.\n\n{s.with_cred()}\n{o.short}")]
    return Doc("onp-fitting-note", "Orthotic delivery and fitting note", o, blocks, sender=s, dest=counterpart(r, o))

def P_rehab_itp(r):
    o = org(r, "rehab"); s = clinician(r, o); p = patient(r, 45, 86); pulm = r.random() < 0.3
    d = r.choice([("J44.9", "COPD, unspecified"), ("J84.10", "Pulmonary fibrosis, unspecified")]) if pulm else r.choice([("I21.4", "NSTEMI"), ("Z95.1", "s/p CABG x3"), ("Z95.5", "s/p PCI/DES to LAD"), ("I50.22", "Chronic systolic HF, EF 30-35%")])
    n = r.randint(8, 30)
    blocks = [kv(r, [(L_pt(r), p.lf()), (L_dob(r), dob_of(r, p)), (L_mrn(r), mrn(r)), ("Program", "Pulmonary rehab (G0424)" if pulm else "Cardiac rehab (93798)"), ("Qualifying dx", dx(r, d[0], d[1])),
                     ("Sessions completed", f"{n} of 36"), ("Review period", f"{fd(past(r, 30, 34), 'mdy')} - {fd(TODAY, 'mdy')}")]),
              h_("30-day Individualized Treatment Plan review"),
              p_(f"Exercise: {'treadmill 2.2 mph 2% + NuStep L5' if not pulm else 'treadmill 1.6 mph 0% on 3 L O2, SpO2 nadir 88%'}; peak METs {round(r.uniform(2.4, 6.8), 1)} (from {round(r.uniform(1.8, 3.2), 1)}). "
                 f"6MWT {r.randint(220, 520)} m. Resting BP {r.randint(108, 148)}/{r.randint(62, 88)}. {'Rare PVCs on telemetry.' if r.random() < 0.5 else 'Sinus rhythm, no ectopy.'}"),
              p_(f"Psychosocial: PHQ-9 {r.randint(2, 16)}. Nutrition: Rate Your Plate {r.randint(40, 70)}. Tobacco: {r.choice(['never', 'quit 2019', 'quit at index event - on nicotine patch'])}. "
                 f"Goals: walk 30 min 5 days/week, LDL < 55 ({'on atorvastatin 80' if not pulm else 'n/a'}).\n\nPhysician signature required within 30 days.\n{s.with_cred()}, {title_for(r, s, o)}")]
    return Doc("rehab-treatment-plan", "Individualized Treatment Plan - Physician Review", o, blocks, sender=s, dest=counterpart(r, o))

def P_rehab_event(r):
    o = org(r, "rehab"); s = clinician(r, o, "RN"); p = patient(r, 50, 85); cd = staff(r, "MD")
    ev = r.choice([f"c/o chest tightness 4/10 at minute 12 on treadmill; ST depression 1.5 mm in II, III, aVF on monitor. Stopped exercise, NTG 0.4 mg SL x1 with relief in 6 min.",
                   f"SBP dropped from {r.randint(118, 136)} to {r.randint(78, 88)} with lightheadedness during NuStep; resolved supine with legs elevated. Took extra metoprolol this AM per wife.",
                   f"run of {r.randint(5, 12)} beats NSVT at peak exercise, asymptomatic. Exercise stopped; K {round(r.uniform(3.1, 3.6), 1)} on last BMP.",
                   f"fingerstick glucose {r.randint(48, 62)} pre-exercise, shaky. 15 g glucose given, recheck 96. Did not eat after insulin."])
    blocks = [p_(f"Dr. {cd.family} -"), p_(f"{p.full()} ({fd(p.dob, r.choice(['m/d/yy', 'mdy', 'abbr']))}) in phase II session #{r.randint(3, 30)} today: {ev}"),
              p_(f"Sent home with {r.choice(['wife', 'son', 'ride from church'])}; will hold exercise until we hear from you. Rhythm strips attached to the chart. Please advise whether {he(p)} may continue."),
              p_(signoff(r, s, o))]
    return Doc("rehab-adverse-event", "Cardiac rehab - event during session", o, blocks, sender=s, dest=org(r, "clinic"), subject=f"Event in rehab today - {p.initial()}")

PART2 = ("42 CFR part 2 prohibits unauthorized disclosure of these records. This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). "
         "The federal rules prohibit you from making any further disclosure of information in this record that identifies a patient as having or having had a substance use disorder unless expressly permitted.")
def P_otp_guest(r):
    o = org(r, "otp"); s = clinician(r, o, wa(r, "RN", "LCADC")); p = patient(r, 22, 66); dose = r.choice([45, 60, 75, 85, 95, 110, 120]); t0 = soon(r, 3, 10)
    med = r.choice([f"methadone oral concentrate {dose} mg daily", f"buprenorphine/naloxone SL {r.choice([8, 12, 16, 24])} mg/{r.choice([2, 3, 4, 6])} mg daily"])
    blocks = [p_(f"Guest dosing request - we are asking your program to courtesy-dose our patient during travel for {r.choice(['a family funeral', 'work in the oil field', 'the holidays with family', 'a court date'])}."),
              kv(r, [("Patient", p.lf()), (L_dob(r), dob_of(r, p)), ("Program ID", otp_id(r)), ("Medication/dose", med), ("Last dose here before travel", fd(t0 - DAY(days=1), "mdy")),
                     ("Guest dates", f"{fd(t0, 'mdy')} through {fd(t0 + DAY(days=r.randint(3, 9)), 'mdy')}"), ("Take-homes", r.choice(["none", "Sunday only", "2 per week (phase 2)"])),
                     ("Last UDS", f"{fd(past(r, 5, 20), 'mdy')} - positive for methadone only" if "methadone" in med else f"{fd(past(r, 5, 20), 'mdy')} - bup positive, fentanyl negative"),
                     ("Photo ID", "sent separately"), ("Diagnosis", dx(r, "F11.20", "Opioid use disorder, severe"))]),
              p_(f"Patient signed a Part 2 consent naming your program on {fd(past(r, 1, 6), 'mdy')}. Dosing nurse line: {o.phone}.\n\n{PART2}"),
              p_(signoff(r, s, o))]
    return Doc("otp-guest-dosing", "Guest Dosing Request", o, blocks, sender=s, dest=o)

def P_otp_admit(r):
    o = org(r, "otp"); s = clinician(r, o, "MD"); p = patient(r, 24, 70); h = org(r, "hospital"); dose = r.choice([60, 80, 90, 100, 130])
    blocks = [p_(f"To the admitting team at {h.short}:"), p_(f"{p.full()}, {L_dob(r)} {dob_of(r, p)}, is enrolled in our opioid treatment program and told us by phone that {he(p)} was admitted last night "
                                                           f"({r.choice(['cellulitis of the forearm', 'pneumonia', 'a fall with hip fracture', 'endocarditis work-up'])})."),
              p_(f"Verified dose: methadone {dose} mg once daily, last dosed at our clinic {fd(past(r, 1, 2), 'mdy')} at {clock(r, 6, 10)}. No take-home doses were issued. Please continue {dose} mg daily "
                 f"(may split for pain); do not add a second dose for the day of admission. We will need a discharge call so we can re-dose the day after discharge - the last inpatient dose date and time is critical."),
              p_(PART2), p_(signoff(r, s, o))]
    return Doc("otp-hospital-coordination", "Methadone dose verification", o, blocks, sender=s, dest=h)

def P_opat_labs(r):
    o = org(r, "infusion"); s = clinician(r, o, wa(r, "PharmD", "RN, CRNI")); p = patient(r, 28, 88); idoc = staff(r, "MD")
    drug = r.choice([("vancomycin", f"{r.choice([1000, 1250, 1500])} mg IV q12h", "Vanco trough", round(r.uniform(11, 24.5), 1), "mcg/mL"), ("daptomycin", f"{r.randint(6, 10)} mg/kg IV q24h", "CK", r.randint(60, 900), "U/L"),
                    ("ceftriaxone", "2 g IV q24h", "ALT", r.randint(18, 80), "U/L"), ("cefazolin", "2 g IV q8h via elastomeric", "Creatinine", round(r.uniform(0.8, 1.6), 2), "mg/dL")])
    inf = r.choice([("M86.171", "acute osteomyelitis, right foot"), ("I33.0", "MSSA endocarditis"), ("M00.061", "septic arthritis, right knee"), ("T84.54XA", "infected right knee prosthesis")])
    blocks = [p_(f"Dr. {idoc.family}, weekly OPAT labs for your patient:"),
              kv(r, [(L_pt(r), p.shape(r)), (L_dob(r), dob_of(r, p)), ("Therapy", f"{drug[0]} {drug[1]}"), ("Indication", dx(r, inf[0], inf[1])), ("Line", r.choice(["R basilic PICC, 4 Fr single lumen", "L cephalic PICC 5 Fr DL", "R IJ tunneled"])),
                     ("Planned stop date", fd(soon(r, 5, 30), "mdy"))]),
              tbl(["Drawn", "WBC", "Hgb", "Plt", "Creat", "CRP", "ESR", drug[2]], [[past(r, 7, 8), round(r.uniform(4, 11), 1), round(r.uniform(9, 13.5), 1), r.randint(150, 420), round(r.uniform(0.7, 1.3), 2), round(r.uniform(1, 9), 1), r.randint(12, 70), drug[3]],
                                                                            [past(r, 0, 1), round(r.uniform(4, 11), 1), round(r.uniform(9, 13.5), 1), r.randint(150, 420), round(r.uniform(0.7, 1.6), 2), round(r.uniform(0.5, 6), 1), r.randint(10, 60), drug[3]]]),
              p_(f"{'Trough above goal (15-20); pharmacy recommends reducing to q12h 1000 mg and rechecking in 3 days - please confirm.' if drug[0] == 'vancomycin' and drug[3] > 20 else 'No changes recommended.'} PICC dressing changed {fd(past(r, 0, 4), 'mdy')}, site clean.\n\n{signoff(r, s, o)}")]
    return Doc("opat-weekly-labs", "OPAT Weekly Lab Report", o, blocks, sender=s, dest=org(r, "clinic"))

def P_infusion_intake(r):
    o = org(r, "infusion"); s = clinician(r, o); p = patient(r, 20, 85); h = org(r, "hospital"); pay = org(r, "payer")
    blocks = [p_(f"New referral from {h.short} case management - need benefits check before discharge {fd(soon(r, 1, 2), 'wd')}."),
              kv(r, [("Patient", p.full()), ("DOB", dob_of(r, p)), ("Home address", address(r)), (L_phone(r), phone(r)), ("Insurance", f"{pay.name} {L_mbr(r)} {member_id(r)}"),
                     ("Order", r.choice(["ertapenem 1 g IV q24h x 4 weeks", "cefepime 2 g IV q8h x 6 weeks via pump", "TPN 1.8 L cyclic 12 h + lipids 3x/wk", "IVIG 0.4 g/kg x 5 days"])),
                     ("Dx", r.choice(["ESBL E. coli pyelonephritis N10 / B96.20", "vertebral osteomyelitis M46.26", "short bowel syndrome K91.2", "CIDP G61.81"])), ("Access", "PICC placed today, tip confirmed CXR")]),
              p_(f"First dose in hospital {fd(TODAY, 'mdy')}. Home nursing: {r.choice(['Hearth & Home Health', 'our own RN visits', 'Cedarline nursing + family teach'])}. I'll call the {r.choice(['wife', 'patient', 'son'])} tonight to arrange delivery.\n\n{s.plain()}, Intake")]
    return Doc("home-infusion-intake", "Home infusion referral intake", o, blocks, sender=s, dest=o)

def P_nicu_fu(r):
    o = org(r, "nicu"); s = clinician(r, o, "MD"); b = infant(r, 120, 800); ga = r.randint(23, 31); gd = r.randint(0, 6); bw = r.randint(520, 1480)
    gacode = {23: "P07.22", 24: "P07.23", 25: "P07.24", 26: "P07.25", 27: "P07.26", 28: "P07.31", 29: "P07.32", 30: "P07.33", 31: "P07.34"}[ga]
    cwk = ((TODAY - b.dob).days - (40 - ga) * 7) // 7
    blocks = [kv(r, [("Infant", b.full()), (L_dob(r), dob_of(r, b)), (L_mrn(r), mrn(r)), ("GA at birth", f"{ga} {gd}/7 weeks ({gacode})"), ("Birth weight", f"{bw} g"),
                     ("Chronological / corrected age", f"{(TODAY - b.dob).days // 30} mo / {max(cwk, 0) // 4} mo")]),
              p_(f"NICU course: {', '.join(r.sample(['BPD on 1/8 L NC at discharge (P27.1)', 'ROP stage 2 zone II, regressed (H35.133)', 'IVH grade 2 (P52.1)', 'NEC medical (P77.9)', 'PDA ligation'], 2))}."),
              p_(f"Today: weight {round(r.uniform(4.2, 9.8), 2)} kg ({r.randint(3, 40)}th %ile corrected), HC {round(r.uniform(38, 46), 1)} cm. Bayley-4: cognitive {r.randint(70, 105)}, language {r.randint(65, 100)}, motor {r.randint(62, 100)}. "
                 f"Mild truncal hypotonia, {r.choice(['R', 'L'])} hand preference (early). Feeding well, {r.choice(['24 kcal formula', 'breast milk fortified to 22 kcal'])}."),
              p_(f"Plan: Early Intervention referral for PT/OT (sent), ophthalmology f/u {fd(soon(r, 20, 60), 'mdy')}, synagis season dosing per PCP, return to NICU clinic at {r.choice(['12', '18', '24'])} months corrected.\n\n{signoff(r, s, o)}")]
    return Doc("nicu-follow-up", "NICU Follow-Up Clinic Visit Summary", o, blocks, sender=s, dest=org(r, "clinic"))

def P_ei_referral(r):
    o = org(r, "nicu"); s = clinician(r, o, "NNP-BC"); b = infant(r, 60, 700); par = Person(r, 19, 42, pool=b.pool)
    blocks = [p_("Referral to Early Intervention (IDEA Part C) - parent consent to refer obtained."),
              kv(r, [("Child's name", b.lf()), ("DOB", fd(b.dob, r.choice(['mdy', 'iso', 'long']))), ("Parent/guardian", par.plain()), ("Address", address(r)), ("Phone", phone(r)), ("Language", r.choice(["English", "Spanish", "Somali", "Vietnamese", "Navajo/English"])),
                     ("Reason", r.choice(["born at 25 weeks, 760 g; motor delay", "hypoxic-ischemic encephalopathy, cooled; seizures on levetiracetam", "Down syndrome (Q90.9)", "failed newborn hearing re-screen bilaterally"]))]),
              p_(f"Family prefers {r.choice(['home visits on Tuesdays', 'calls after 3 PM', 'text messages'])}. Please send the IFSP to our clinic.\n\n{signoff(r, s, o)}")]
    return Doc("early-intervention-referral", "Early Intervention Referral", o, blocks, sender=s, dest=org(r, "clinic"))

def P_mohs_report(r):
    o = org(r, "mohs"); s = clinician(r, o, "MD, FACMS"); p = patient(r, 45, 92); site = r.choice([("C44.311", "basal cell carcinoma, left nasal ala"), ("C44.319", "BCC, right temple"), ("C44.329", "SCC, left cheek"),
                                                                                            ("C44.212", "BCC, right helix"), ("C44.42", "SCC, scalp vertex"), ("D03.39", "melanoma in situ, left malar cheek (slow Mohs)")])
    pre_ = (round(r.uniform(0.5, 1.8), 1), round(r.uniform(0.4, 1.5), 1)); stages = r.randint(1, 3)
    blocks = [p_(f"Dear Dr. {staff(r).family},\n\nThank you for referring {p.full()} (DOB {fd(p.dob, r.choice(DOB_STYLES))}) for Mohs surgery, performed {fd(past(r, 0, 6), 'long')}."),
              kv(r, [("Diagnosis", dx(r, site[0], site[1])), ("Biopsy", f"{fd(past(r, 20, 70), 'mdy')}, {r.choice(['nodular', 'infiltrative', 'superficial', 'well-differentiated'])}"), ("Pre-op size", f"{pre_[0]} x {pre_[1]} cm"),
                     ("Stages", f"{stages} ({', '.join(['17311'] + ['17312'] * (stages - 1))})"), ("Final defect", f"{round(pre_[0] + r.uniform(0.3, 1.0), 1)} x {round(pre_[1] + r.uniform(0.3, 0.9), 1)} cm"),
                     ("Repair", r.choice(["bilobed flap (14060)", "complex linear repair 3.1 cm (13132)", "full-thickness skin graft (15260)", "second intention"]))]),
              p_(f"Margins clear. {p.title()} tolerated the procedure well; {'held apixaban x 0 days per our protocol, ' if r.random() < 0.3 else ''}suture removal in 1 week. Recommend full-skin exams every 6 months.\n\n{s.with_cred()}")]
    return Doc("mohs-surgery-report", "Mohs Micrographic Surgery Report", o, blocks, sender=s, dest=org(r, "clinic"))

def P_rpm_alert(r):
    o = org(r, "rpm"); s = clinician(r, o, "RN"); p = patient(r, 50, 90); cl = org(r, "clinic"); sbp, dbp = r.randint(182, 214), r.randint(104, 126)
    blocks = [p_(f"Escalation to {cl.short} per your RPM protocol (SBP >= 180 or DBP >= 110)."),
              kv(r, [(L_pt(r), p.plain()), (L_dob(r), dob_of(r, p)), ("Clinic MRN", mrn(r)), ("Device", f"BodyTrace BP cuff IMEI {imei(r)}"), ("Reading", f"{sbp}/{dbp} HR {r.randint(66, 104)} at {hhmm(r)} {fd(TODAY, 'mdy')}"),
                     ("Repeat", f"{sbp - r.randint(2, 12)}/{dbp - r.randint(0, 8)} after 5 min rest"), ("7-day average", f"{r.randint(150, 170)}/{r.randint(88, 98)}")]),
              p_(f"Called patient at {clock(r, 9, 16)}: {r.choice(['denies chest pain, SOB, vision change; mild headache', 'reports ran out of amlodipine 4 days ago', 'says he took his losartan late today', 'dizzy earlier, now OK'])}. "
                 f"Advised ED if symptoms. Readings this month: {r.randint(16, 29)} days (99454 met)."),
              p_(signoff(r, s, o))]
    return Doc("rpm-bp-escalation", "RPM Alert Escalation", o, blocks, sender=s, dest=cl, subject=r.choice(["RPM escalation - high BP", "VitalLoop alert", "BP alert - please review"]))

def P_hah_admit(r):
    o = org(r, "hah"); s = clinician(r, o, wa(r, "MD", "RN")); p = patient(r, 45, 94); d = r.choice([("J18.9", "community-acquired pneumonia"), ("I50.33", "acute on chronic diastolic HF"), ("L03.116", "cellulitis, left lower limb"),
                                                                                                    ("J44.1", "COPD exacerbation"), ("N39.0", "UTI with AKI")])
    blocks = [p_(f"Hospital at Home admission - {fd(TODAY, 'wd')}"),
              kv(r, [(L_pt(r), p.caps()), (L_mrn(r), mrn(r)), (L_dob(r), dob_of(r, p)), ("Home address", address(r)), ("Gate/door code", r.choice(["#2580", "side door, dog in yard", "lockbox 0417", "none"])),
                     ("Admit dx", dx(r, d[0], d[1])), ("Caregiver", f"{staff(r).given} ({r.choice(['daughter', 'husband', 'neighbor', 'son'])}) {phone(r)}"),
                     (L_acct(r), fin(r))]),
              p_(f"Orders: {r.choice(['ceftriaxone 1 g IV daily', 'furosemide 40 mg IV BID', 'cefazolin 2 g IV q8h', 'methylprednisolone 40 mg IV daily'])}, vitals q4h via kit, 2 in-person RN/paramedic visits daily, "
                 f"daily video visit with the HaH physician. Labs tomorrow AM: BMP, CBC. Escalation: SpO2 < 90% on {r.choice(['RA', '2 L'])}, SBP < 90."),
              p_(signoff(r, s, o))]
    return Doc("hospital-at-home-admit", "Hospital at Home - Admission Handoff", o, blocks, sender=s, dest=o)

def P_me_request(r):
    o = org(r, "me"); s = clinician(r, o, wa(r, "D-ABMDI", "")); d = patient(r, 19, 80); h = org(r, "hospital"); case = me_case(r)
    place = r.choice([("residence", "found unresponsive at home"), ("motel room", "found unresponsive in a motel room"), ("vehicle", "found in a parked vehicle"), (h.short + " ED", "pronounced in your ED after CPR in the field")])
    blocks = [p_(f"Records request - {case}"),
              kv(r, [("Decedent", d.caps()), (L_dob(r), dob_of(r, d)), ("Date of death", fd(past(r, 1, 9), "mdy")), ("Place of death", place[0])]),
              p_(f"Our office has jurisdiction over this death. The decedent was {place[1]}; "
                 f"{r.choice(['a suspected fentanyl overdose (T40.411A pending tox)', 'cause pending autopsy; history of seizures', 'fall from ladder at work', 'possible hypothermia'])}. "
                 f"Under state law (ME authority) please provide the last 2 years of records: ED and inpatient notes, medication list, toxicology, imaging reports and any psychiatric evaluations."),
              p_(f"Secure upload link or fax {o.fax}. Please reference case {case}.\n\n{s.with_cred()}\n{title_for(r, s, o)}\n{o.name}")]
    return Doc("medical-examiner-request", "Medical Examiner records request", o, blocks, sender=s, dest=h)

MNT_RECALL = {"E11.65": "2-3 regular sodas/day, fast food 4x/week", "R73.03": "skips breakfast, large late dinner, sweet coffee drinks", "N18.31": "canned soups and deli meat most days",
              "K90.0": "gluten cross-contact at the work cafeteria; eats oats labelled 'wheat-free' but not gluten-free", "O24.410": "white rice at every meal, fruit juice at bedtime"}
MNT_GOAL = {"E11.65": "replace soda with water/zero-cal drinks; plate method at dinner", "R73.03": "breakfast with protein; 150 min/week walking", "N18.31": "sodium < 2,300 mg, protein 0.8 g/kg",
            "K90.0": "certified gluten-free oats only; dedicated toaster", "O24.410": "3 meals + 2-3 snacks, carb 30-45 g/meal, bedtime protein snack"}
def P_mnt(r):
    o = org(r, "mnt"); s = clinician(r, o); cond = r.choice([("E11.65", "T2DM with hyperglycemia"), ("N18.31", "CKD stage 3a"), ("R73.03", "Prediabetes"), ("K90.0", "Celiac disease"), ("O24.410", "GDM, diet controlled")])
    p = patient(r, 19, 42, sex="F") if cond[0] == "O24.410" else patient(r, 25, 82)
    wt = r.randint(58, 150); ht = r.randint(150, 190); bmi = round(wt / (ht / 100) ** 2, 1)
    blocks = [p_(f"Initial MNT assessment (97802, {r.choice([2, 3, 4])} units) - summary for the referring provider"),
              kv(r, [(L_pt(r), p.full()), (L_dob(r), dob_of(r, p)), (L_mbr(r), member_id(r)), ("Referral dx", dx(r, cond[0], cond[1])), ("Ht/Wt/BMI", f"{ht} cm / {wt} kg / {bmi}"),
                     ("A1c", f"{round(r.uniform(5.7, 6.4) if cond[0] == 'R73.03' else r.uniform(7.2, 11.9), 1)}% ({fd(past(r, 10, 60), 'mdy')})" if cond[0] in ("E11.65", "R73.03") else ""),
                     ("eGFR", f"{r.randint(45, 59)} mL/min/1.73m2" if cond[0] == "N18.31" else ""), ("GA", f"{r.randint(26, 33)} weeks" if cond[0] == "O24.410" else "")]),
              p_(f"Diet recall: {MNT_RECALL[cond[0]]}. Goals set: {MNT_GOAL[cond[0]]}. "
                 f"Follow-up 97803 in {r.choice(['2', '4', '6'])} weeks."),
              p_(signoff(r, s, o))]
    return Doc("mnt-assessment", "Medical Nutrition Therapy - Initial Assessment", o, blocks, sender=s, dest=org(r, "clinic"))

def P_lead_case(r):
    o = org(r, "lead"); s = clinician(r, o, wa(r, "RN, BSN", "REHS")); c = infant(r, 300, 2100); par = Person(r, 19, 45, pool=c.pool); bll = r.choice([3.8, 5.2, 7, 9.4, 14, 22, 31])
    blocks = [p_(f"Dr. {staff(r).family},"), p_(f"Update on your patient {c.plain()} (DOB {fd(c.dob, r.choice(DOB_STYLES))}) from the county lead program."),
              kv(r, [("Venous BLL", f"{bll} ug/dL ({fd(past(r, 5, 30), 'mdy')})"), ("Prior capillary", f"{round(bll + r.uniform(-2, 6), 1)} ug/dL"), ("Parent", f"{par.plain()}, {phone(r)}"),
                     ("Home", f"{address(r)} (built {r.choice([1924, 1938, 1946, 1952, 1961])})")]),
              p_(f"Environmental investigation on {fd(past(r, 1, 10), 'mdy')}: deteriorated paint on {r.choice(['window sills and porch', 'the back stairs', 'kitchen cabinets'])}, XRF positive; dust wipe {r.randint(12, 240)} ug/ft2 on sill. "
                 f"{'Sibling ' + staff(r).given + ' (age ' + str(r.randint(2, 6)) + ') should also be tested.' if r.random() < 0.6 else 'Landlord notified of hazard; order to abate within 30 days.'} "
                 f"Please repeat venous BLL in {'1 month' if bll >= 10 else '3 months'} and check iron status/CBC."),
              p_(signoff(r, s, o))]
    return Doc("lead-case-management", "Childhood lead case management update", o, blocks, sender=s, dest=org(r, "clinic"))

def P_spanish(r):
    k = r.randrange(5)
    if k == 0:
        o = org(r, "anticoag"); p = patient(r, 50, 88, pool="latam"); inr = round(r.uniform(1.4, 3.9), 1); nd = soon(r, 4, 15)
        blocks = [p_(f"Estimado/a {p.full()}:"), p_(f"Su resultado de INR del {fd(past(r, 1, 3), 'es')} fue {inr} (meta 2.0 a 3.0). Fecha de nacimiento en su expediente: {fd(p.dob, r.choice(['dmy', 'es']))}."),
                  p_(f"Tome warfarina {r.choice(['5 mg', '2.5 mg', '4 mg'])} todos los días excepto {r.choice(['lunes', 'miércoles', 'viernes'])} ({r.choice(['2.5 mg', 'media tableta'])}). Su próximo análisis es el {fd(nd, 'es')}."),
                  p_(f"Llame al {o.phone} si tiene sangrado. Clínica de Anticoagulación")]
        return Doc("spanish-phi", "Resultado de INR", o, blocks, to_patient=p, subject="Su resultado de INR")
    if k == 1:
        o = org(r, "nbs"); b = baby(r, "latam"); mom = Person(r, 18, 40, sex="F", pool="latam"); b.family = mom.family
        blocks = [p_(f"Sra. {mom.plain()}:"), p_(f"La prueba de tamizaje neonatal de su bebé ({b.plain()}, nacido/a el {fd(b.dob, 'es')}, tarjeta n.º {kit_no(r)}) necesita repetirse porque la muestra fue tomada antes de las 24 horas de vida."),
                  p_(f"Por favor lleve a su bebé a {org(r, 'clinic').name} antes del {fd(soon(r, 2, 5), 'es')}. No es una emergencia, pero es importante. Programa de Tamizaje Neonatal, {o.phone}.")]
        return Doc("spanish-phi", "Tamizaje neonatal - repetir muestra", o, blocks, to_patient=mom, subject="Tamizaje neonatal de su bebé")
    if k == 2:
        o = org(r, "lead"); c = infant(r, 400, 2000, sex=None); c.pool = "latam"; par = Person(r, 20, 45, pool="latam"); c.family = par.family.split()[0]; c.given = r.choice(POOLS["latam"][0 if c.sex == "F" else 1])
        blocks = [p_(f"Familia {par.family}:"), p_(f"El nivel de plomo en la sangre de {c.given} {c.family} (fecha de nacimiento {fd(c.dob, 'dmy')}) fue {r.choice([6, 8.5, 12, 17])} µg/dL el {fd(past(r, 3, 20), 'es')}."),
                  p_(f"Una enfermera de salud pública visitará su casa en {address(r)} el {fd(soon(r, 3, 12), 'es')} para buscar fuentes de plomo. Lave las manos y juguetes de {c.given} con frecuencia. Teléfono: {o.phone}.")]
        return Doc("spanish-phi", "Resultado de plomo en la sangre", o, blocks, to_patient=par, subject=f"Resultado de plomo - {c.given}")
    if k == 3:
        o = org(r, "mnt"); p = patient(r, 22, 75, pool="latam")
        blocks = [p_(f"Hola {p.given}:"), p_(f"Le recordamos su cita de nutrición para la diabetes gestacional el {fd(soon(r, 2, 10), 'es')} a las {clock(r, 8, 15)}. "
                                          f"Traiga su registro de glucosa; su glucosa en ayunas de esta semana ({r.randint(96, 118)} mg/dL) está por encima de la meta (<95)."),
                  kv(r, [("Paciente", p.full()), ("Fecha de nacimiento", fd(p.dob, r.choice(["dmy", "es", "mdy"]))), ("Número de afiliado", member_id(r))]), p_(f"{o.name} - {o.phone}")]
        return Doc("spanish-phi", "Recordatorio de cita", o, blocks, to_patient=p, subject="Recordatorio: cita de nutrición")
    o = org(r, "hah"); p = patient(r, 50, 90, pool="latam")
    blocks = [p_(f"Instrucciones para {p.full()} - Hospital en Casa"), kv(r, [("Expediente", mrn(r)), ("Fecha de nacimiento", fd(p.dob, "dmy")), ("Diagnóstico", "neumonía (J18.9)")]),
              p_(f"La enfermera le pondrá ceftriaxona por vía intravenosa cada mañana. Mida su oxígeno 3 veces al día con el equipo de la tableta. Si su oxígeno baja de 90% llame al {o.phone} de inmediato (24 horas).")]
    return Doc("spanish-phi", "Hospital en Casa - instrucciones", o, blocks, to_patient=p, subject="Sus instrucciones de Hospital en Casa")

def P_nolabel(r):
    k = r.randrange(7); s0 = None
    if k == 0:
        o = org(r, "anticoag"); p = patient(r, 55, 90)
        t = f"Heads up - {p.title()}'s INR came back 6.4 this morning. She's had gum bleeding since Sunday and her daughter says she's been taking the new fluconazole from urgent care. I told her to skip tonight and we'll recheck Monday. Can someone call her PCP?"
    elif k == 1:
        o = org(r, "bloodbank"); p = patient(r, 20, 80)
        t = f"{p.plain()} in 6 North is going to be hard to crossmatch - warm auto plus an underlying anti-Jkb. We sent the sample to the reference lab; realistically no compatible units before tomorrow afternoon. Please let surgery know before they call us."
    elif k == 2:
        o = org(r, "otp"); p = patient(r, 22, 60)
        t = f"{p.given} {p.family} missed dosing three days in a row and the pharmacy says {he(p)} picked up a gabapentin script from a new prescriber. Counselor tried the cell twice. If {he(p)} shows up, please send {his(p)} straight to the nurse before dosing - we need to reassess the dose after 3 missed days.\n\n{PART2}"
    elif k == 3:
        o = org(r, "nicu"); b = infant(r, 100, 500)
        t = f"Just saw the {b.family} twins in clinic. Twin B ({b.given}) has lost weight since the last visit and mom admits she's been watering down the formula to make it last. Social work is calling her today. Can we get WIC and the food pantry info to her before Friday?"
    elif k == 4:
        o = org(r, "hah"); p = patient(r, 60, 95)
        t = f"Paramedic visit at {p.title()}'s at 0730: RR 28, sat 86% on 2 L, new confusion per wife. We're converting {his(p)} Hospital at Home stay to a brick-and-mortar admission; ambulance en route to {org(r, 'hospital').short} ED. Bed control has been notified."
    elif k == 5:
        o = org(r, "mohs"); p = patient(r, 60, 92)
        t = f"FYI - {p.full()} called; the flap on {his(p)} nose is dusky and draining since last night. {he(p).capitalize()} restarted Eliquis on {his(p)} own yesterday. Dr. {staff(r).family} wants {his(p)} in at 1 PM today."
    else:
        o = org(r, "me"); p = patient(r, 25, 70)
        t = f"The toxicology on {p.plain()} is back - fentanyl and xylazine. We're amending the death certificate to accidental. The family asked whether anyone told the OTP; he had been enrolled there until October."
    s = clinician(r, o)
    return Doc("nolabel-phi", "", o, [p_(t), p_(s.given)], sender=s, dest=o, subject=r.choice(["quick update", "FYI", "heads up", "pt update", "call me", "update"]))

def P_records(r):
    o = org(r, "hospital"); s = clinician(r, o, "RHIT"); d = patient(r, 25, 85); me = org(r, "me"); case = me_case(r)
    blocks = [p_(f"Per your request for case {case}, attached are the records for {d.lf()} (DOB {fd(d.dob, r.choice(DOB_STYLES))}, {L_mrn(r)} {mrn(r)})."),
              p_(f"Included: ED visit {fd(past(r, 10, 40), 'mdy')} ({r.choice(['overdose, naloxone x2, left AMA', 'chest pain, troponin negative', 'syncope', 'suicidal ideation, psych eval'])}), medication list, "
                 f"and the last {r.choice(['two', 'three'])} PCP notes. Psychotherapy notes are not included. Invoice waived for ME requests."),
              p_(signoff(r, s, o))]
    return Doc("records-release", f"Records for ME case {case}", o, blocks, sender=s, dest=me)

PHI_NARR = [P_inr_visit, P_anticoag_letter, P_bridging, P_transfusion_rxn, P_antibody_letter, P_poison_case, P_opo_referral, P_donor_family, P_nbs_abnormal, P_nbs_repeat,
            P_iis_merge, P_shot_record, P_registry_fu, P_podiatry_shoes, P_podiatry_wound, P_onp_docs, P_onp_fitting, P_rehab_itp, P_rehab_event, P_otp_guest, P_otp_admit,
            P_opat_labs, P_infusion_intake, P_nicu_fu, P_ei_referral, P_mohs_report, P_rpm_alert, P_hah_admit, P_me_request, P_mnt, P_lead_case, P_spanish, P_spanish, P_nolabel,
            P_nolabel, P_records]

# ================================================================== PHI interchange (HL7 v2, X12, FHIR, claim forms, registry records)
def hl7_ts(d=None, r=None, t=True): d = d or TODAY; return f"{d:%Y%m%d}" + (hhmm(r) if (t and r) else "")
def msh(r, app, fac, typ, rcv="EHR", rfac="MHMC", ver="2.5.1"):
    return f"MSH|^~\\&|{app}|{fac}|{rcv}|{rfac}|{hl7_ts(TODAY, r)}||{typ}|{letters(r, 2)}{digits(r, 8)}|P|{ver}"
def pid(r, p, idv, ssn_on=False, mom=None):
    addr = address(r, False); a1, a2 = addr; city, rest = a2.split(", "); stt, z = rest.split(" ")
    return (f"PID|1||{idv}^^^{r.choice(['MHMC^MR', 'PSIIS^SR', 'HLAC^MR', 'ORG^PI'])}||{p.hl7()}|{ascii_of(mom.family).upper() + '^' + ascii_of(mom.given).upper() if mom else ''}|{p.dob:%Y%m%d}|{p.sex}|||"
            f"{ascii_of(a1).upper()}^^{ascii_of(city).upper()}^{stt}^{z}^USA||^PRN^PH^^^{phone(r, 'plain')[:3]}^{phone(r, 'plain')[3:]}|||||{acct(r)}|{ssn(r, '') if ssn_on else ''}")
def R_hl7_vxu(r):
    o = org(r, "clinic"); c = infant(r, 60, 900); mom = Person(r, 20, 40, sex="F", pool=c.pool); v = r.sample(VAX[:9], r.randint(2, 4)); lines = [msh(r, "ECW", o.short.replace(" ", "")[:10].upper(), "VXU^V04^VXU_V04", "PSIIS", "PSDH"), pid(r, c, mrn(r), False, mom),
             f"PD1|||||||||||02^Reminder/Recall - any method^HL70215|N|{TODAY:%Y%m%d}|||A|{TODAY:%Y%m%d}|", f"NK1|1|{mom.hl7()}|MTH^Mother^HL70063|||^PRN^PH^^^{phone(r, 'plain')[:3]}^{phone(r, 'plain')[3:]}"]
    for i, (nm, cvx) in enumerate(v, 1):
        lines += [f"ORC|RE||{digits(r, 9)}^{o.short.replace(' ', '')[:6].upper()}", f"RXA|0|1|{hl7_ts(past(r, 0, 3), r)}||{cvx}^{nm}^CVX|0.5|mL^mL^UCUM||00^New immunization record^NIP001|||||||{lot(r)}|{fd(soon(r, 200, 600), 'ymd8')}|{r.choice(['MSD', 'SKB', 'PMC', 'PFR'])}^^MVX|||CP|A",
                  f"RXR|C28161^Intramuscular^NCIT|{r.choice(['LT', 'RT', 'LA', 'RA'])}^^HL70163", f"OBX|{i}|CE|64994-7^Vaccine funding program eligibility category^LN|{i}|V02^VFC eligible - Medicaid/Medicaid Managed Care^HL70064||||||F|||{TODAY:%Y%m%d}|||VXC40^Eligibility captured at the immunization level^CDCPHINVS"]
    return Doc("hl7-vxu", "VXU message", o, [p_(r.choice(["PSIIS rejected this VXU with 'MSH-4 not recognized' - resending from the test console. Raw message:", "Message that errored in the interface engine this morning:", "Here is the VXU the registry says never arrived:"])),
                                              pre("\r\n".join(lines).replace("\r\n", "\n"))], kind="raw", dest=org(r, "iis"))
def R_hl7_oru_nbs(r):
    o = org(r, "nbs"); b = baby(r); mom = Person(r, 18, 40, sex="F", pool=b.pool); tsh = r.randint(25, 140)
    lines = [msh(r, "NBS-LIMS", "PSDHLAB", "ORU^R01^ORU_R01", "EHR", "OLDMILL"), pid(r, b, kit_no(r), False, mom), f"NK1|1|{mom.hl7()}|MTH^Mother^HL70063",
             f"OBR|1||{kit_no(r)}|54089-8^Newborn screening panel AHIC^LN|||{hl7_ts(b.dob + DAY(days=1), r)}|||||||||||||||{hl7_ts(TODAY, r)}|||F",
             f"OBX|1|NM|29575-0^Thyrotropin [Units/volume] in Dried blood spot^LN||{tsh}|m[IU]/L|<20|H|||F",
             f"OBX|2|CWE|57718-9^Sample quality of Dried blood spot^LN||LA12432-3^Acceptable^LN||||||F", f"OBX|3|TX|57724-7^Newborn screening short narrative summary^LN||Out of range: congenital hypothyroidism. Confirmatory serum TSH/FT4 recommended within 24-48 h.||||||F"]
    return Doc("hl7-oru", "ORU NBS", o, [p_("Result message for the infant below (copy of what went to your EHR interface):"), pre("\n".join(lines))], kind="raw", dest=org(r, "clinic"))
def R_hl7_oru_bb(r):
    o = org(r, "bloodbank"); p = patient(r, 20, 88)
    lines = [msh(r, "SAFETRACE", "MHMCBB", "ORU^R01", "EPIC", "MHMC"), pid(r, p, mrn(r), r.random() < 0.4), f"PV1|1|I|{r.choice(['4W', 'ICU', 'ONC'])}^{r.randint(400, 460)}^A|||||{npi(r)}^{ascii_of(staff(r).family).upper()}^{ascii_of(staff(r).given).upper()}",
             f"OBR|1|{digits(r, 8)}|BB{digits(r, 7)}|TS^Type and Screen^L|||{hl7_ts(TODAY, r)}", f"OBX|1|CWE|883-9^ABO group [Type] in Blood^LN||{r.choice(['O', 'A', 'B', 'AB'])}||||||F",
             f"OBX|2|CWE|10331-7^Rh [Type] in Blood^LN||{r.choice(['POS', 'NEG'])}||||||F", f"OBX|3|CWE|890-4^Blood group antibody screen [Presence] in Serum or Plasma^LN||POS||||||F",
             f"OBX|4|TX|ABID^Antibody identification^L||{r.choice(['Anti-E', 'Anti-K', 'Anti-Fya', 'Anti-E, Anti-c'])}; antigen-negative units required||||||F"]
    return Doc("hl7-oru", "ORU blood bank", o, [p_("Interface copy for the antibody workup - the antibody ID OBX didn't display in the chart:"), pre("\n".join(lines))], kind="raw", dest=org(r, "hospital"))
def R_hl7_adt_hah(r):
    o = org(r, "hah"); p = patient(r, 55, 95)
    lines = [msh(r, "EPIC", "MHMC", "ADT^A01^ADT_A01", "BIOINTELLISENSE", "VITALLOOP"), f"EVN|A01|{hl7_ts(TODAY, r)}", pid(r, p, mrn(r), r.random() < 0.5),
             f"PV1|1|I|HAH^HOME^01^MHMC||||{npi(r)}^{ascii_of(staff(r).family).upper()}^{ascii_of(staff(r).given).upper()}^^^^MD|||MED||||7|||||{fin(r)}|||||||||||||||||||||||||{hl7_ts(TODAY, r)}",
             f"DG1|1||{r.choice(['J18.9^Pneumonia, unspecified organism', 'I50.33^Acute on chronic diastolic (congestive) heart failure', 'L03.116^Cellulitis of left lower limb'])}^I10||{hl7_ts(TODAY, r)}|A",
             f"IN1|1|{r.choice(['MCR', 'BSA01', 'NHP'])}|{digits(r, 5)}|{r.choice(['MEDICARE PART A', 'BEACON SENIOR ADVANTAGE', 'NORTHFIELD HEALTH PLAN'])}|||||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}|||||||||||||||||||||{mbi(r, False)}"]
    return Doc("hl7-adt", "ADT A01 HaH", o, [p_("ADT feed to the monitoring vendor for today's Hospital at Home admit - vendor says PV1-3 doesn't map. Sample:"), pre("\n".join(lines))], kind="raw", dest=org(r, "rpm"))
def isa(r, snd, rcv, ver="00501"):
    return f"ISA*00*          *00*          *ZZ*{snd.ljust(15)}*ZZ*{rcv.ljust(15)}*{TODAY:%y%m%d}*{hhmm(r)}*^*{ver}*{digits(r, 9)}*0*P*:~"
def R_837p_pod(r):
    o = org(r, "podiatry"); p = patient(r, 66, 92); ln, fn, mi = p.x12(); a1, a2 = address(r, False); city, rest = a2.split(", "); stt, z = rest.split(" "); clm = claim_no(r)
    segs = [isa(r, "STONEBRIDGE", "CMSMAC"), f"GS*HC*STONEBRIDGE*CMSMAC*{TODAY:%Y%m%d}*{hhmm(r)}*{r.randint(1, 999)}*X*005010X222A1", "ST*837*0001*005010X222A1",
            f"NM1*85*2*STONEBRIDGE FOOT AND ANKLE*****XX*{o.npi}", f"N3*{ascii_of(o.street).upper()}", f"REF*EI*{o.tin.replace('-', '')}", "SBR*P*18*******MB",
            f"NM1*IL*1*{ln}*{fn}*{mi}***MI*{mbi(r, False)}", f"N3*{ascii_of(a1).upper()}", f"N4*{ascii_of(city).upper()}*{stt}*{z}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}",
            f"CLM*{clm}*{r.randint(180, 420)}.00***11:B:1*Y*A*Y*Y", f"DTP*304*D8*{past(r, 20, 50):%Y%m%d}", f"REF*G1*{digits(r, 6)}",
            f"HI*ABK:{r.choice(['E1142', 'E1151', 'I739'])}*ABF:B351*ABF:L84", f"NM1*DK*1*{ascii_of(staff(r).family).upper()}*{ascii_of(staff(r).given).upper()}****XX*{npi(r)}",
            f"LX*1", f"SV1*HC:11721:Q8*{r.randint(60, 90)}.00*UN*1***1:2:3", f"DTP*472*D8*{past(r, 1, 10):%Y%m%d}", "LX*2", f"SV1*HC:11055:Q8:TA*{r.randint(40, 70)}.00*UN*1***1:3", "SE*21*0001", "GE*1*1", f"IEA*1*{digits(r, 9)}"]
    return Doc("x12-837p", "837P", o, [p_("Rejected claim file from the clearinghouse (routine foot care, class findings Q8). Can you check the last-seen date segment?"), pre("\n".join(segs))], kind="raw", dest=o)
def R_835_rehab(r):
    o = org(r, "rehab"); pay = org(r, "payer"); segs = [isa(r, pay.short.upper()[:10], "HEARTWISE"), "ST*835*1001", f"BPR*I*{r.randint(900, 4800)}.{digits(r, 2)}*C*ACH*CCP*01*{digits(r, 9)}*DA*{digits(r, 10)}*{digits(r, 10)}**01*{digits(r, 9)}*DA*{digits(r, 8)}*{TODAY:%Y%m%d}",
                                                                                          f"TRN*1*{digits(r, 10)}*1{digits(r, 9)}", f"N1*PR*{ascii_of(pay.name).upper()[:30]}", f"N1*PE*HEARTWISE CARDIAC AND PULMONARY REHAB*XX*{o.npi}"]
    for i in range(r.randint(2, 4)):
        p = patient(r, 50, 88); ln, fn, mi = p.x12(); chg = r.choice([4, 6, 8]) * 140; pd = round(chg * r.uniform(0.3, 0.8), 2)
        segs += [f"CLP*{acct(r)}*{r.choice(['1', '1', '2'])}*{chg}.00*{pd:.2f}*{round((chg - pd) * 0.2, 2):.2f}*MB*{claim_no(r)}*11", f"NM1*QC*1*{ln}*{fn}*{mi}***MI*{mbi(r, False)}",
                 f"SVC*HC:{r.choice(['93798', '93798', 'G0424'])}*{chg}.00*{pd:.2f}**{chg // 140}", f"DTM*472*{past(r, 20, 60):%Y%m%d}", f"CAS*CO*45*{round((chg - pd) * 0.8, 2):.2f}"]
        if r.random() < 0.4: segs.append("CAS*CO*119*140.00")
    segs += ["SE*30*1001", f"IEA*1*{digits(r, 9)}"]
    return Doc("x12-835", "835", o, [p_("Remit for last week's rehab sessions - two lines hit CARC 119 (benefit maximum). Raw 835 below."), pre("\n".join(segs))], kind="raw", dest=o)
def R_271_onp(r):
    o = org(r, "onp"); p = patient(r, 30, 80); ln, fn, mi = p.x12(); pay = org(r, "payer"); mid = member_id(r)
    segs = [isa(r, pay.short.upper()[:10], "KEELSTRIDE"), "ST*271*0001*005010X279A1", "BHT*0022*11*" + digits(r, 10) + f"*{TODAY:%Y%m%d}*{hhmm(r)}", f"NM1*PR*2*{ascii_of(pay.name).upper()[:35]}*****PI*{digits(r, 5)}",
            f"NM1*1P*2*KEEL AND STRIDE PROSTHETICS*****XX*{o.npi}", f"NM1*IL*1*{ln}*{fn}*{mi}***MI*{mid}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"DTP*346*D8*{TODAY.year}0101",
            "EB*1*IND*12^DM**PPO", "EB*C*IND*12***23*1500.00", "EB*C*IND*12***29*612.40", "EB*A*IND*12****.20", "MSG*PRIOR AUTHORIZATION REQUIRED FOR PROSTHETICS OVER 1000.00", "SE*14*0001"]
    return Doc("x12-271", "271", o, [p_("Eligibility response for the BK prosthesis patient - DME deductible $612.40 remaining, 20% coinsurance, PA required:"), pre("\n".join(segs))], kind="raw", dest=o)
def R_278_mohs(r):
    o = org(r, "mohs"); p = patient(r, 50, 90); ln, fn, mi = p.x12(); pay = org(r, "payer")
    segs = ["ST*278*0001*005010X217", f"BHT*0007*13*{digits(r, 10)}*{TODAY:%Y%m%d}*{hhmm(r)}", f"HL*1**20*1", f"NM1*X3*2*{ascii_of(pay.name).upper()[:35]}*****PI*{digits(r, 5)}", "HL*2*1*21*1",
            f"NM1*1P*2*JUNIPER DERMATOLOGY AND MOHS*****XX*{o.npi}", "HL*3*2*22*1", f"NM1*IL*1*{ln}*{fn}*{mi}***MI*{member_id(r)}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", "HL*4*3*EV*0",
            f"UM*HS*I*2*11:B", f"HI*ABK:{r.choice(['C44311', 'C44319', 'C44329', 'C44212'])}", f"DTP*472*D8*{soon(r, 7, 30):%Y%m%d}", "SV1*HC:17311*0*UN*1", "SV1*HC:17312*0*UN*2", "SV1*HC:14060*0*UN*1", "SE*17*0001"]
    return Doc("x12-278", "278", o, [p_("278 request as built by our PM system - payer portal shows it pended for clinicals. Please check."), pre("\n".join(segs))], kind="raw", dest=o)
def R_fhir_imm(r):
    o = org(r, "iis"); c = infant(r, 200, 2200); nm, cvx = r.choice(VAX[:9])
    res = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": f"psiis-{iis_id(r)}", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": iis_id(r)}],
                      "name": [{"family": c.family, "given": [c.given] + ([c.mid] if c.mid else [])}], "gender": "female" if c.sex == "F" else "male", "birthDate": c.dob.isoformat(),
                      "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", "valueString": Person(r, pool=c.pool).family}]}},
        {"resource": {"resourceType": "Immunization", "status": "completed", "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": cvx, "display": nm}]},
                      "patient": {"reference": "Patient/psiis-1"}, "occurrenceDateTime": past(r, 3, 200).isoformat(), "lotNumber": lot(r), "primarySource": True}}]}
    return Doc("fhir-json", "FHIR Immunization", o, [p_(r.choice(["Query response from the PSIIS FHIR endpoint for the forecast mismatch ticket:", "Bundle returned by $everything for this child - the forecast shows the dose as invalid:"])), pre(json.dumps(res, indent=2, ensure_ascii=False))], kind="raw", dest=org(r, "clinic"))
def R_fhir_xml_lead(r):
    o = org(r, "lead"); c = infant(r, 300, 2100); v = r.choice([5.4, 7.1, 11, 16, 24])
    x = f"""<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry><resource><Patient>
    <id value="p1"/>
    <identifier><system value="urn:oid:2.16.840.1.113883.3.9999.7"/><value value="{mrn(r)}"/></identifier>
    <name><family value="{esc(c.family)}"/><given value="{esc(c.given)}"/></name>
    <gender value="{'female' if c.sex == 'F' else 'male'}"/>
    <birthDate value="{c.dob.isoformat()}"/>
    <address><line value="{esc(address(r, False)[0])}"/><city value="Wichita"/><state value="KS"/></address>
  </Patient></resource></entry>
  <entry><resource><Observation>
    <status value="final"/>
    <code><coding><system value="http://loinc.org"/><code value="77307-7"/><display value="Lead [Mass/volume] in Venous blood"/></coding></code>
    <subject><reference value="Patient/p1"/></subject>
    <effectiveDateTime value="{past(r, 2, 25).isoformat()}"/>
    <valueQuantity><value value="{v}"/><unit value="ug/dL"/></valueQuantity>
    <interpretation><coding><code value="H"/></coding></interpretation>
  </Observation></resource></entry>
</Bundle>"""
    return Doc("fhir-xml", "FHIR lead", o, [p_("This is the ELR payload the lab sent us; the child isn't in our case system yet. Is this your patient?"), pre(x)], kind="raw", dest=org(r, "clinic"))
def R_cms1500(r):
    o = org(r, r.choice(["podiatry", "mnt"])); p = patient(r, 40, 88); ln, fn, mi = p.x12(); pod = o.kind == "podiatry"
    items = [("1a. INSURED'S I.D. NUMBER", mbi(r) if pod else member_id(r)), ("2. PATIENT'S NAME", f"{ln}, {fn} {mi}".strip()), ("3. PATIENT'S BIRTH DATE / SEX", f"{p.dob:%m %d %Y}  {p.sex}"),
             ("5. PATIENT'S ADDRESS", address(r).upper()), ("11. INSURED'S POLICY GROUP", r.choice(["NONE", "GRP " + digits(r, 6)])), ("14. DATE OF CURRENT ILLNESS", f"{past(r, 60, 900):%m %d %Y}  QUAL 431"),
             ("17. NAME OF REFERRING PROVIDER", f"DN {ascii_of(staff(r).plain()).upper()}  17b NPI {npi(r)}"), ("21. ICD IND 0  A.", r.choice(["E11.42", "E11.65", "R73.03"]) + ("   B. L84" if pod else "   B. E66.9")),
             ("24A-G", f"{past(r, 3, 20):%m %d %y}  11  {'11721 Q8' if pod else '97802'}  A  {r.randint(60, 140)}.00  {1 if pod else 3}"), ("25. FEDERAL TAX I.D.", o.tin), ("26. PATIENT'S ACCOUNT NO.", acct(r)),
             ("28. TOTAL CHARGE", f"{r.randint(80, 420)}.00"), ("33. BILLING PROVIDER", f"{ascii_of(o.name).upper()}  33a {o.npi}")]
    return Doc("cms-1500", "CMS-1500", o, [p_("Claim image data for the corrected claim (box 19 resubmission):"), kv(r, items, r.choice(["aligned", "nocolon", "next"]))], kind="raw", dest=org(r, "payer"))
def R_ub04(r):
    o = org(r, r.choice(["rehab", "hah"])); p = patient(r, 50, 94); ln, fn, mi = p.x12()
    items = [("FL 3a PAT CNTL #", acct(r)), ("FL 3b MED REC #", mrn(r)), ("FL 4 TYPE OF BILL", "0131" if o.kind == "rehab" else "0111"), ("FL 6 STATEMENT PERIOD", f"{past(r, 30, 40):%m%d%y} - {past(r, 1, 10):%m%d%y}"),
             ("FL 8 PATIENT NAME", f"{ln}, {fn} {mi}"), ("FL 9 ADDRESS", address(r).upper()), ("FL 10 BIRTHDATE", f"{p.dob:%m%d%Y}"), ("FL 11 SEX", p.sex),
             ("FL 42/43/44", "0943 CARDIAC REHAB 93798 x12" if o.kind == "rehab" else "0120 R&B SEMI x4; 0250 PHARMACY; 0270 MED/SURG SUPPLIES"), ("FL 50 PAYER", "MEDICARE"), ("FL 60 INSURED'S UNIQUE ID", mbi(r, False)),
             ("FL 67 PRIN DX", r.choice(["I214", "Z951", "J189", "I5033"])), ("FL 76 ATTENDING", f"{npi(r)} {ascii_of(staff(r).family).upper()}")]
    return Doc("ub04-text", "UB-04", o, [p_("UB-04 data for the claim the MAC returned (RTP) - please review FL 6 dates:"), kv(r, items, r.choice(["aligned", "nocolon", "colon"]))], kind="raw", dest=o)
def R_naaccr(r):
    o = org(r, "registry"); p = patient(r, 40, 88); site = r.choice(SITES); ddx = past(r, 60, 500)
    items = [("[20] Patient ID Number", digits(r, 8)), ("[2230] Name--Last", ascii_of(p.family).upper()), ("[2240] Name--First", ascii_of(p.given).upper()), ("[2320] Social Security Number", ssn(r, "")),
             ("[240] Date of Birth", f"{p.dob:%Y%m%d}"), ("[220] Sex", "2" if p.sex == "F" else "1"), ("[390] Date of Diagnosis", f"{ddx:%Y%m%d}"), ("[400] Primary Site", site[0].replace(".", "")),
             ("[522] Histologic Type ICD-O-3", site[2][:4]), ("[523] Behavior Code", "3"), ("[764] Summary Stage 2018", r.choice(["1", "2", "3", "7"])), ("[2300] Medical Record Number", mrn(r))]
    return Doc("naaccr-abstract", "Registry abstract", o, [p_("Abstract fields for the case the state registry flagged in the edits report (EDIT 1234 - site/histology). Can you look before Friday's submission?"), kv(r, items, "nocolon")], kind="raw", dest=o)
def R_poison_record(r):
    o = org(r, "poison"); p = patient(r, 14, 70); case = f"{TODAY.year % 100}-{digits(r, 6)}"
    t = (f"CASE {case}  OPENED {TODAY:%m/%d/%Y} {hhmm(r)}  SPI {ascii_of(staff(r).initial()).upper()}\nPATIENT: {ascii_of(p.lf()).upper()}   AGE {age(p.dob)}Y  DOB {p.dob:%m/%d/%Y}  SEX {p.sex}\n"
         f"SITE: HCF - {ascii_of(org(r, 'hospital').name).upper()}   CALLER: RN\nSUBSTANCE 1: {r.choice(['IBUPROFEN 200MG', 'SERTRALINE 100MG', 'METFORMIN ER 500MG', 'QUETIAPINE 300MG'])}  AMT: {r.randint(10, 60)} TABS\n"
         f"REASON: INTENTIONAL - SUSPECTED SUICIDE   ROUTE: INGESTION\nCLINICAL: TACHYCARDIA {r.randint(110, 140)}, DROWSINESS, QTC {r.randint(430, 520)}\nTHERAPIES: IV FLUIDS, ECG MONITORING, {r.choice(['ACTIVATED CHARCOAL', 'SODIUM BICARB', 'NONE'])}\n"
         f"MEDICAL OUTCOME: PENDING   F/U DUE {soon(r, 0, 1):%m/%d} {hhmm(r)}")
    return Doc("poison-case-record", "Case record", o, [p_("Printout of the case record you asked for (ED chart needs our recommendations):"), pre(t)], kind="raw", dest=org(r, "hospital"))

PHI_RAW = [R_hl7_vxu, R_hl7_oru_nbs, R_hl7_oru_bb, R_hl7_adt_hah, R_837p_pod, R_835_rehab, R_271_onp, R_278_mohs, R_fhir_imm, R_fhir_xml_lead, R_cms1500, R_ub04, R_naaccr, R_poison_record]

# ================================================================== PHI lists (one patient per row, real date columns)
def nrows(r): return r.randint(7, 14)
def at(d, r): return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.choice([0, 10, 15, 20, 30, 40, 45, 50]))
def plist(cat, title, o, hdr, rows, intro, subject=None, dest=None):
    return Doc(cat, title, o, ([p_(intro)] if intro else []) + [tbl(hdr, rows)], kind="list", subject=subject, dest=dest or counterpart(R, o))
def nm(r, p): return r.choice([p.lf(), p.caps(), p.full()]) if r.random() < 0.5 else p.lf()
def Lp_inr(r):
    o = org(r, "anticoag"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 92); inr = round(r.uniform(1.2, 4.8), 1)
        rows.append([p.lf(), p.dob, mrn(r), past(r, 0, 3), inr, r.choice(["2.0-3.0", "2.0-3.0", "2.5-3.5"]), f"{r.choice([17.5, 20, 25, 30, 35, 37.5, 42.5])} mg/wk", r.choice(["no change", "hold x1", "+10%", "-10%", "-15%"]), soon(r, 3, 28)])
    return plist("anticoag-worklist", "INR Management Worklist", o, ["Patient", "DOB", "MRN", "INR date", "INR", "Goal", "Weekly dose", "Change", "Next INR"], rows, "Today's POC and outside INRs - pharmacist review.")
def Lp_bb(r):
    o = org(r, "bloodbank"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 90); rows.append([p.caps(), mrn(r), p.dob, r.choice(["O POS", "A POS", "B POS", "O NEG", "A NEG", "AB POS"]), r.choice(["anti-E", "anti-K", "anti-Jka", "anti-Fya", "warm auto", "anti-D (RhIG)", "anti-E, anti-c", "none"]),
                                             r.choice(["irradiated", "CMV-safe", "antigen-neg (E, c)", "K-neg", "washed", "HLA-matched plts", "-"]), past(r, 10, 2000)])
    return plist("blood-bank-special-needs", "Transfusion Service - Patients with Special Requirements", o, ["Patient", "MRN", "DOB", "ABO/Rh", "Antibodies", "Requirements", "First identified"], rows, "Current special-needs file (for the new LIS build validation).", dest=o)
def Lp_poison(r):
    o = org(r, "poison"); rows = []
    for _ in range(nrows(r)):
        kid = r.random() < 0.45; p = infant(r, 200, 1800) if kid else patient(r, 13, 80)
        rows.append([f"{TODAY.year % 100}-{digits(r, 6)}", p.lf(), p.dob, r.choice(["acetaminophen", "button battery", "clonidine", "ibuprofen", "bupropion XL", "nicotine e-liquid", "lamotrigine", "rattlesnake envenomation", "carbon monoxide"]),
                     r.choice(["intentional", "unintentional", "therapeutic error"]), at(past(r, 0, 1), r), r.choice(["HCF - " + org(r, "hospital").short, "home"]), at(soon(r, 0, 1), r)])
    return plist("poison-followup-list", "Open Follow-up Cases - Day Shift Handoff", o, ["Case", "Patient", "DOB", "Substance", "Reason", "Call time", "Site", "Next f/u"], rows, "Night shift handoff - calls owed this morning.", dest=o)
def Lp_opo(r):
    o = org(r, "opo"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 1, 78); rows.append([at(past(r, 0, 30), r), org(r, "hospital").short, p.lf(), mrn(r), age(p.dob), r.choice(["anoxia", "ICH", "TBI", "stroke", "cardiac death (DCD eval)"]),
                                            r.choice(["GCS<=5", "withdrawal discussed", "BD testing", "cardiac death"]), r.choice(["ruled out - age/hx", "tissue only", "authorized - organs", "family declined", "medical rule-out", "pending"])])
    return plist("opo-referral-log", "Hospital Referral Log", o, ["Referral time", "Hospital", "Patient", "MRN", "Age", "Cause", "Trigger", "Outcome"], rows, "Monthly referral log for the hospital donation council (timeliness review).")
def Lp_nbs(r):
    o = org(r, "nbs"); rows = []
    for _ in range(nrows(r)):
        b = baby(r); mom = Person(r, 17, 42, sex="F", pool=b.pool)
        rows.append([b.lf() if not b.given.startswith(("Baby", "Girl", "Boy")) else f"{b.family}, {b.given}", mom.lf(), b.dob, kit_no(r), r.choice(["TSH", "IRT", "C8", "Hb FS", "17-OHP", "TREC", "Phe", "GALT"]),
                     r.choice(["repeat requested", "confirmatory pending", "referred to specialist", "lost to f/u - call #2", "normal on repeat"]), staff(r).plain() + ", MD", past(r, 0, 6)])
    return plist("nbs-followup-list", "Newborn Screening Open Follow-up", o, ["Infant", "Mother", "Birth date", "Kit #", "Analyte", "Status", "PCP", "Last contact"], rows, "Open short-term follow-up cases in your region.")
def Lp_recall(r):
    o = org(r, "clinic"); rows = []
    for _ in range(nrows(r)):
        c = infant(r, 180, 2400); par = Person(r, 20, 45, pool=c.pool)
        if r.random() < 0.6: par.family = c.family
        rows.append([c.lf(), c.dob, iis_id(r), par.plain(), phone(r), ", ".join(r.sample(["DTaP", "IPV", "MMR", "Varicella", "Hep A", "PCV20", "Flu", "Hib"], r.randint(1, 3))), soon(r, -60, 30)])
    return plist("iis-reminder-recall", "PSIIS Reminder/Recall - Overdue and Due Soon", o, ["Child", "DOB", "PSIIS ID", "Parent/guardian", "Phone", "Vaccines due", "Due date"], rows, "Reminder/recall report run from PSIIS for our clinic.")
def Lp_registry(r):
    o = org(r, "registry"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 35, 90); site = r.choice(SITES); rows.append([p.lf(), mrn(r), p.dob, past(r, 10, 200), site[0], site[2][:6], r.choice(["pathology", "radiology", "disease index", "oncology clinic"]), r.choice(["yes - analytic", "yes - class 00", "no - not reportable", "review"])])
    return plist("registry-casefinding", "Casefinding Report", o, ["Patient", "MRN", "DOB", "Dx/encounter date", "ICD-10", "Histology", "Source", "Reportable"], rows, "Casefinding list for December - please abstract by the end of next month.", dest=o)
def Lp_pod(r):
    o = org(r, "podiatry"); fac = r.choice(["Prairie Pines Care Center", "Golden Wheat Nursing & Rehab", "Sandhill Manor"]); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 66, 99); rows.append([f"{r.randint(100, 240)}{r.choice('AB')}", p.lf(), p.dob, mbi(r, False), r.choice(["E11.42", "I73.9", "E11.51", "G63"]), r.choice(["11721 Q8", "11720 Q7", "11721 Q9", "11055 Q8"]), past(r, 61, 70), soon(r, 1, 14)])
    return plist("podiatry-facility-rounds", f"Routine Foot Care - {fac}", o, ["Room", "Resident", "DOB", "MBI", "Dx", "Service", "Last visit", "Next visit"], rows, f"Rounding list for {fac} this week (61-day rule checked).")
def Lp_onp(r):
    o = org(r, "onp"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 8, 88); rows.append([p.lf(), p.dob, r.choice(["L5301 BK prosth", "L1970 AFO", "L3000 UCBL", "L0631 LSO", "L5856 MPK", "L1832 KO", "L3809 WHFO"]), r.choice(["Medicare", "Medicaid", "Northfield", "Beacon Senior", "VA CCN", "WC"]),
                                            member_id(r), soon(r, 0, 20), r.choice(["Kearney", "Grand Island", "home delivery"]), r.choice(["auth approved", "auth pending", "DWO missing", "ready"])])
    return plist("onp-delivery-schedule", "Device Delivery Schedule", o, ["Patient", "DOB", "Device", "Payer", "Member ID", "Delivery", "Location", "Status"], rows, "Deliveries scheduled for the next three weeks.", dest=o)
def Lp_rehab(r):
    o = org(r, "rehab"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 90); rows.append([p.lf(), p.dob, r.choice(["I21.4", "Z95.1", "Z95.5", "I50.22", "J44.9", "Z95.2", "I20.8"]), past(r, 5, 90), r.randint(1, 36), r.choice(["Mon/Wed/Fri 0800", "Tue/Thu 1000", "M/W/F 1300"]), r.choice(["Medicare", "Beacon Senior", "Northfield", "self-pay"])])
    return plist("rehab-roster", "Phase II Roster", o, ["Patient", "DOB", "Dx", "Start date", "Sessions", "Class", "Payer"], rows, "Current phase II participants.", dest=o)
def Lp_otp(r):
    o = org(r, "otp"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 68); rows.append([otp_id(r), p.lf(), p.dob, r.choice(["methadone", "methadone", "buprenorphine"]), f"{r.choice([30, 45, 60, 80, 95, 110, 140])} mg" if r.random() < 0.7 else f"{r.choice([8, 12, 16, 24])} mg",
                                             r.choice(["0", "1 (Sun)", "2", "6", "13"]), past(r, 1, 30), r.choice(["neg", "fentanyl +", "THC +", "neg", "meth +"]), soon(r, 1, 30)])
    return plist("otp-take-home-review", "Take-Home Eligibility Review", o, ["ID", "Patient", "DOB", "Med", "Dose", "Take-homes", "Last UDS", "UDS result", "Review due"], rows, "For Thursday's treatment team. " + PART2, dest=o)
def Lp_opat(r):
    o = org(r, "infusion"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 90); rows.append([p.lf(), p.dob, r.choice(["vancomycin", "daptomycin", "ceftriaxone", "cefazolin", "ertapenem", "micafungin", "TPN"]), r.choice(["PICC R", "PICC L", "midline", "port"]),
                                             soon(r, 1, 40), r.choice(["Mon/Thu", "weekly", "Tue"]), staff(r).family, phone(r)])
    return plist("opat-census", "OPAT Census", o, ["Patient", "DOB", "Drug", "Line", "Stop date", "Labs", "ID physician", "Phone"], rows, "Active home-infusion patients - for the weekly OPAT huddle.", dest=o)
def Lp_nicu(r):
    o = org(r, "nicu"); rows = []
    for _ in range(nrows(r)):
        b = infant(r, 90, 900); par = Person(r, 18, 44, pool=b.pool); rows.append([b.lf(), b.dob, f"{r.randint(23, 32)}w{r.randint(0, 6)}d", r.randint(480, 1650), soon(r, 0, 14), r.choice(["6 mo", "12 mo", "18-24 mo Bayley", "3 y"]), par.plain(), phone(r)])
    return plist("nicu-clinic-schedule", "NICU Follow-Up Clinic Schedule", o, ["Infant", "DOB", "GA", "BW (g)", "Visit", "Visit type", "Parent", "Phone"], rows, "Schedule for the next two clinic days - please call families to confirm.", dest=o)
def Lp_mohs(r):
    o = org(r, "mohs"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 40, 94); rows.append([soon(r, 1, 21), p.lf(), p.dob, r.choice(["L nasal ala", "R helix", "scalp vertex", "L lower lid", "R cheek", "upper lip", "L temple"]), r.choice(["BCC nodular", "BCC infiltrative", "SCC in situ", "SCC WD", "MIS"]),
                                             r.choice(["none", "apixaban", "warfarin", "clopidogrel", "ASA 81"]), r.choice(["AUC 9", "AUC 8", "AUC 7"])])
    return plist("mohs-schedule", "Mohs Surgery Schedule", o, ["Date", "Patient", "DOB", "Site", "Path", "Anticoagulant", "AUC"], rows, "", dest=o)
def Lp_rpm(r):
    o = org(r, "rpm"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 92); rows.append([p.lf(), p.dob, r.choice(["BP cuff", "scale", "glucometer", "pulse ox"]), imei(r), r.randint(3, 30), f"{r.randint(118, 190)}/{r.randint(64, 112)}" if r.random() < 0.7 else f"{r.randint(80, 320)} mg/dL", past(r, 0, 12)])
    return plist("rpm-monthly-readings", "RPM Readings Summary", o, ["Patient", "DOB", "Device", "IMEI", "Days w/ readings", "Last value", "Last reading"], rows, "Monthly summary for billing (99454 requires 16+ days).")
def Lp_hah(r):
    o = org(r, "hah"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 45, 96); rows.append([p.caps(), mrn(r), address(r), r.choice(["CAP", "CHF", "cellulitis", "COPD", "UTI/AKI", "asthma"]), past(r, 0, 5), r.randint(1, 6), r.choice(["stable", "watch", "escalate?", "d/c tomorrow"])])
    return plist("hah-census", "Hospital at Home Census", o, ["Patient", "MRN", "Home address", "Dx", "Admit", "LOS day", "Status"], rows, "Morning census for the virtual huddle.", dest=o)
def Lp_me(r):
    o = org(r, "me"); rows = []
    for _ in range(nrows(r)):
        d = patient(r, 16, 92); rows.append([me_case(r), d.lf(), d.dob, past(r, 1, 20), r.choice(["residence", "hospital", "roadway", "workplace", "hotel"]), r.choice(["pending tox", "natural", "accident", "pending", "suicide"]), r.choice(["records requested", "records received", "n/a"])])
    return plist("me-case-log", "Pending Cases - Records Tracking", o, ["Case", "Decedent", "DOB", "DOD", "Place", "Manner", "Hospital records"], rows, "Cases waiting on hospital records.", dest=org(r, "hospital"))
def Lp_mnt(r):
    o = org(r, "mnt"); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 18, 85); rows.append([past(r, 1, 30), p.lf(), p.dob, r.choice(["E11.65", "R73.03", "N18.4", "O24.410", "E66.01", "K90.0"]), round(r.uniform(5.6, 12), 1), r.choice(["Northfield", "Medicare", "PS Medicaid", "Beacon Senior"]), member_id(r), r.choice(["scheduled", "left VM", "no answer x2", "declined"])])
    return plist("mnt-referral-queue", "Nutrition Referral Queue", o, ["Referral date", "Patient", "DOB", "Dx", "A1c", "Payer", "Member ID", "Status"], rows, "Open referrals - please call through this list.", dest=o)
def Lp_lead(r):
    o = org(r, "lead"); rows = []
    for _ in range(nrows(r)):
        c = infant(r, 300, 2100); par = Person(r, 18, 45, pool=c.pool); rows.append([c.lf(), c.dob, r.choice([3.6, 4.2, 5, 6.8, 9.1, 12, 15.5, 21]), past(r, 3, 90), r.choice(["venous", "capillary"]), par.plain(), address(r), r.choice(["EI scheduled", "letter sent", "home visit done", "confirm venous"])])
    return plist("lead-case-list", "Open Lead Cases", o, ["Child", "DOB", "BLL ug/dL", "Test date", "Type", "Parent", "Address", "Status"], rows, "Elevated BLL cases open this quarter.")
def Lp_es(r):
    o = org(r, r.choice(["anticoag", "mnt", "rehab", "podiatry"])); rows = []
    for _ in range(nrows(r)):
        p = patient(r, 20, 88, pool="latam"); rows.append([p.full(), p.dob, soon(r, 1, 14), clock(r, 8, 16), r.choice(["control de INR", "nutrición - diabetes", "rehabilitación cardíaca", "cuidado de pies (diabetes)"]), phone(r), r.choice(["confirmada", "mensaje dejado", "sin respuesta"])])
    return plist("spanish-list", "Citas de la semana - pacientes de habla hispana", o, ["Paciente", "Fecha de nacimiento", "Fecha de cita", "Hora", "Servicio", "Teléfono", "Estado"], rows, "Lista para llamadas de confirmación (intérprete).", dest=o)
PHI_LIST = [Lp_inr, Lp_bb, Lp_poison, Lp_opo, Lp_nbs, Lp_recall, Lp_registry, Lp_pod, Lp_onp, Lp_rehab, Lp_otp, Lp_opat, Lp_nicu, Lp_mohs, Lp_rpm, Lp_hah, Lp_me, Lp_mnt, Lp_lead, Lp_es]

# ================================================================== clean narratives (look-alikes: staff, devices, lots, aggregates, policies)
def cdoc(cat, title, o, blocks, sender=None, dest=None, subject=None, kind="narr"): return Doc(cat, title, o, blocks, kind=kind, sender=sender, dest=dest, subject=subject)
def C_meter_qc(r):
    o = org(r, "anticoag"); s = clinician(r, o); rows = [[f"CoaguChek XS Pro {serial(r, 'UU')}", r.choice(["Hays", "Wichita", "Salina"]), lot(r), soon(r, 30, 300), r.choice(["in range", "in range", "repeat - in range"])] for _ in range(r.randint(4, 7))]
    return cdoc("equipment-qa", "POC INR meter QC - December", o, [p_(f"All sites: the test-strip lot {lot(r)} expires {fd(soon(r, 10, 25), 'mdy')}. Please switch to the new lot below and run both QC levels before the first patient test."),
                                                                  tbl(["Meter (serial)", "Site", "Strip lot", "Lot expiry", "QC"], rows), p_(f"Log results on the QC sheet - do not enter QC in patient charts.\n\n{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=o)
def C_warfarin_education(r):
    o = org(r, "anticoag"); s = clinician(r, o)
    return cdoc("patient-education", "Vitamin K and warfarin - updated handout", o, [p_("Attached is the revised patient handout. Changes from the 2023 version:"),
             p_("- Consistency message first: patients do NOT need to avoid greens, only keep intake steady week to week.\n- Added a table of vitamin K content per serving (kale, spinach, broccoli, Brussels sprouts, green tea).\n"
                "- Added supplements section (fish oil, turmeric, St. John's wort, CoQ10).\n- Reading level now grade 6 (Flesch-Kincaid)."),
             p_(f"Please discard old copies in the exam rooms. Translations (Spanish, Vietnamese, Somali) come back from the vendor on {fd(soon(r, 10, 40), 'long')}.\n\n{s.plain()}")], sender=s, dest=o)
def C_blood_supply(r):
    o = org(r, "bloodbank"); s = clinician(r, o)
    inv = [[g, r.randint(4, 60), round(r.uniform(0.8, 5.5), 1), r.choice(["normal", "low", "critical", "normal"])] for g in ["O NEG", "O POS", "A NEG", "A POS", "B POS", "AB plasma", "Platelets"]]
    return cdoc("blood-supply-alert", "Blood supply status - conservation measures", o, [p_(f"Our supplier has moved to a {r.choice(['48-hour', '72-hour'])} O-negative allocation. Until further notice:"),
             p_("1. O-neg RBCs reserved for females under 50 of unknown type and neonates.\n2. Single-unit transfusion policy in effect (Hgb < 7, re-evaluate after each unit).\n3. Elective cases needing > 2 units need director approval."),
             tbl(["Product", "Units on hand", "Days supply", "Status"], inv), p_(f"{s.with_cred()}\nTransfusion Service")], sender=s, dest=org(r, "hospital"))
def C_reagent_lot(r):
    o = org(r, "bloodbank"); v = vendor(r, "Crestline Lab Supply"); s = staff(r)
    rows = [[x, lot(r), soon(r, 40, 400), r.choice(["received", "backordered", "QC passed"])] for x in ["Anti-A (monoclonal)", "Anti-B", "Anti-D (blend)", "Reagent RBC screening cells I/II", "Panel cells 11-cell", "AHG polyspecific", "Check cells"]]
    return cdoc("vendor-order", f"Order confirmation PO {r.randint(400000, 499999)}", v, [p_(f"Thank you for your order. Lot-specific certificates of analysis are attached for each reagent. Ship date {fd(soon(r, 1, 3), 'mdy')}, carrier FedEx Priority Overnight, cold chain 2-8 C."),
             tbl(["Reagent", "Lot", "Expiry", "Status"], rows), p_(f"{s.plain()}\nCustomer Service, {v.name}\n{v.phone}")], sender=s, dest=org(r, "hospital"))
def C_poison_newsletter(r):
    o = org(r, "poison"); s = clinician(r, o)
    return cdoc("newsletter", f"Poison Center Pulse - {MONTHS[TODAY.month - 1]} {TODAY.year}", o, [p_(f"Holiday season exposures: last December we took {r.randint(900, 1500)} human-exposure calls; {r.randint(38, 52)}% involved children under 6. Top categories: "
             f"analgesics, cosmetics/personal care, household cleaners, button batteries and cannabis edibles (up {r.randint(20, 90)}% from {TODAY.year - 2})."),
             p_("Clinical pearl: button batteries lodged in the esophagus can cause burns within 2 hours. Give honey 10 mL every 10 minutes (max 6 doses) for children over 1 year on the way to the ED if ingestion was within 12 hours."),
             p_(f"Toxicology grand rounds {fd(soon(r, 10, 30), 'long')}: 'Xylazine in the regional drug supply' - {s.plain()}. CE credit available.")], sender=s, dest=org(r, "hospital"))
def C_opo_metrics(r):
    o = org(r, "opo"); s = clinician(r, o); h = org(r, "hospital")
    return cdoc("quality-metrics", f"Donation metrics - {h.short} Q{(TODAY.month - 1) // 3}", o, [p_(f"Quarterly donation report for {h.name}. All figures are aggregated; no patient-level data."),
             tbl(["Metric", "This quarter", "Prior quarter", "Goal"], [["Timely referral rate", f"{r.randint(82, 99)}%", f"{r.randint(80, 99)}%", ">= 95%"], ["Referrals", r.randint(40, 110), r.randint(40, 110), "-"],
                  ["Eligible deaths", r.randint(3, 12), r.randint(3, 12), "-"], ["Authorization rate", f"{r.randint(50, 80)}%", f"{r.randint(50, 80)}%", ">= 70%"], ["Organs transplanted", r.randint(6, 30), r.randint(6, 30), "-"]]),
             p_(f"Thank you to the ICU nursing staff. Donation council meets {fd(soon(r, 7, 30), 'long')} at {clock(r, 9, 15)}.\n\n{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=h)
def C_nbs_cards(r):
    o = org(r, "nbs"); s = clinician(r, o)
    return cdoc("supply-notice", "Newborn screening collection cards - new lot and holiday courier schedule", o, [p_(f"Collection card lot {lot(r)} (expiration {fd(soon(r, 200, 500), 'mdy')}) is now shipping. Cards from lot {lot(r)} expire {fd(soon(r, 5, 20), 'mdy')} - do not use expired cards; specimens on expired cards will be reported unsatisfactory."),
             p_(f"Holiday courier pickup: no pickup on {fd(Dt(TODAY.year, 12, 25), 'wd')} or {fd(Dt(TODAY.year + 1, 1, 1), 'wd')}. Please hold dried specimens at room temperature and ship the next business day. The lab will be open Saturday {fd(soon(r, 1, 10), 'mdy')} for analysis."),
             p_(f"Ordering: {o.phone} option 3.\n{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=org(r, "hospital"))
def C_nbs_form_rev(r):
    o = org(r, "nbs"); s = clinician(r, o); rev = past(r, 10, 40)
    return cdoc("form-revision", f"Newborn screening card - form revision {rev:%m/%Y}", o, [p_(f"The demographic section of the collection card has been revised (rev. {fd(rev, 'mdy')}). Changes:"),
             p_("- 'Infant's Date of Birth' and 'Time of Birth' are now separate boxes; use 24-hour time.\n- Added 'Mother's Date of Birth' - required for matching repeat specimens.\n- 'Transfused?' box now asks for the date and time of the first transfusion.\n- NICU admission checkbox moved to the front."),
             p_(f"Old-revision cards are accepted until {fd(soon(r, 60, 120), 'long')}. Training slides for nursery staff are on the program website.\n\n{s.plain()}")], sender=s, dest=org(r, "hospital"))
def C_iis_accounts(r):
    o = org(r, "iis"); s = clinician(r, o); cl = org(r, "clinic")
    rows = [[staff(r).lf(), f"u{digits(r, 6)}", r.choice(["Data entry", "Read only", "Org admin", "Inventory"]), past(r, 100, 900), r.choice(["active", "active", "recertify", "disable - no login 180 d"])] for _ in range(r.randint(5, 9))]
    return cdoc("user-recertification", "PSIIS annual user recertification", o, [p_(f"Annual user account recertification for {cl.name} is due {fd(soon(r, 10, 30), 'long')}. Please review each user and confirm they still need access."), tbl(["User", "User ID", "Role", "Last login", "Action"], rows),
             p_(f"Shared logins are not permitted. {s.plain()}, {title_for(r, s, o)}")], sender=s, dest=cl)
def C_cancer_committee(r):
    o = org(r, "registry"); s = clinician(r, o)
    rows = [[x, r.randint(8, 160), r.randint(8, 150)] for x in ["Breast", "Lung & bronchus", "Colon & rectum", "Prostate", "Melanoma", "Thyroid", "Kidney", "All other sites"]]
    return cdoc("meeting-minutes", "Cancer Committee - minutes", o, [p_(f"Present: {', '.join(staff(r).plain() for _ in range(5))}. Quorum met."), p_("1. Registry report - analytic caseload by site (counts only):"),
             tbl(["Site", str(TODAY.year), str(TODAY.year - 1)], rows), p_(f"2. Quality study: time from diagnosis to first treatment for breast cases - median {r.randint(21, 40)} days.\n3. Next meeting {fd(soon(r, 60, 95), 'long')}.\n\nMinutes: {s.plain()}")], sender=s, dest=o)
def C_ncdb_deadline(r):
    o = org(r, "registry"); s = clinician(r, o)
    return cdoc("deadline-notice", "NCDB call for data - submission window", o, [p_(f"The NCDB call for data opens {fd(soon(r, 10, 40), 'long')}. All {TODAY.year - 1} analytic cases must be abstracted and pass the EDITS50 metafile."),
             p_("Reminders: Date of Birth and Date of Diagnosis must be full dates (no unknown day) where available; Text fields must support every coded item; verify Summary Stage 2018 for every case."),
             p_(f"Abstractors - please clear your suspense queue by {fd(soon(r, 5, 25), 'mdy')}.\n{s.plain()}")], sender=s, dest=o)
def C_shoe_order(r):
    o = org(r, "podiatry"); v = vendor(r, "Meridian O&P Supply"); s = staff(r)
    rows = [[f"{r.choice(['Apis', 'Dr. Comfort', 'Orthofeet'])} {r.choice(['Mary Jane', 'Walker', 'Lace-up', 'Velcro'])} {r.choice(['blk', 'brn', 'wht'])}", f"SKU-{digits(r, 6)}", f"{r.choice(['W', 'M'])} {r.randint(6, 13)}{r.choice(['', '.5'])} {r.choice(['M', 'W', 'XW'])}", r.randint(1, 4), money(r.uniform(70, 140))] for _ in range(r.randint(4, 8))]
    return cdoc("vendor-order", f"Order {r.randint(700000, 799999)} confirmation", v, [p_(f"Order for {o.name} has shipped (UPS {letters(r, 2)}{digits(r, 10)})."), tbl(["Item", "SKU", "Size", "Qty", "Unit price"], rows),
             p_(f"Stock inserts: {r.randint(10, 40)} pairs heat-moldable A5512 blanks, lot {lot(r)}.\n{s.plain()}, {v.short}")], sender=s, dest=o)
def C_lcode_fees(r):
    o = org(r, "onp"); s = clinician(r, o)
    rows = [[c, d, money(r.uniform(400, 30000))] for c, d in [("L5301", "BK, molded socket, SACH foot"), ("L5856", "Microprocessor knee, swing and stance"), ("L5981", "Flex-walk system foot"), ("L1970", "AFO plastic with ankle joint"),
                                                               ("L1932", "AFO rigid anterior tibial, carbon"), ("L3000", "Foot insert, UCB"), ("L0631", "LSO sagittal, rigid")]]
    return cdoc("fee-schedule", f"{TODAY.year + 1} DMEPOS fee schedule - O&P codes we bill most", o, [p_(f"The {TODAY.year + 1} DMEPOS fee schedule is out. Rural (RU) allowables for our top codes below; please update the quoting sheet."), tbl(["HCPCS", "Description", "Allowable"], rows),
             p_(f"{s.plain()}\n{title_for(r, s, o)}")], sender=s, dest=o)
def C_rehab_schedule(r):
    o = org(r, "rehab"); s = clinician(r, o)
    rows = [[soon(r, 1, 14), r.choice(["0700-1100", "1100-1530", "0700-1530"]), staff(r, "RN").plain(), staff(r, "MS, ACSM-CEP").plain(), staff(r, "MD").plain()] for _ in range(r.randint(5, 8))]
    return cdoc("staff-schedule", "Rehab gym coverage - holidays", o, [p_("Holiday coverage for the phase II/III gym. A physician must be immediately available for every monitored session (direct supervision)."),
             tbl(["Date", "Hours", "RN", "Exercise physiologist", "Supervising MD"], rows), p_(f"Phase III members: the gym closes at noon on Dec 24 and Dec 31.\n{s.plain()}")], sender=s, dest=o)
def C_telemetry_pm(r):
    o = org(r, r.choice(["rehab", "hah"])); v = vendor(r, "TwinRivers IT"); s = staff(r)
    rows = [[r.choice(["Telemetry transmitter", "Treadmill", "NuStep T5", "Defibrillator", "Pulse oximeter", "BP monitor"]), serial(r, r.choice(["TX", "TM", "NS", "DF", "PO"])), f"AT-{digits(r, 5)}", past(r, 300, 380), soon(r, 0, 30), r.choice(["pass", "pass", "due", "repaired"])] for _ in range(r.randint(6, 10))]
    return cdoc("equipment-maintenance", "Preventive maintenance results", o, [p_(f"Biomed completed annual PM on {fd(past(r, 0, 5), 'mdy')}. Two units need follow-up; loaners are in the storage room."), tbl(["Equipment", "Serial", "Asset tag", "Last PM", "Next due", "Result"], rows),
             p_(f"{s.plain()}, Biomedical Engineering")], sender=s, dest=o)
def C_otp_certification(r):
    o = org(r, "otp"); s = clinician(r, o)
    return cdoc("compliance-notice", "OTP certification, DEA registration and diversion plan", o, [p_(f"Our SAMHSA OTP certification renews {fd(soon(r, 60, 120), 'long')} and the DEA registration (schedule II-V narcotic treatment program) on {fd(soon(r, 90, 150), 'mdy')}."),
             p_("Before then: (1) all dosing nurses complete the annual diversion-control training; (2) the vault inventory reconciliation is done by two licensed staff every shift; (3) take-home lockboxes are documented for every phase change."),
             p_(f"State surveyor visit window opens in February. Questions to {s.plain()}, {title_for(r, s, o)}.")], sender=s, dest=o)
def C_pump_calibration(r):
    o = org(r, "otp"); s = clinician(r, o)
    rows = [[f"Dosing pump {i}", serial(r, "MP"), past(r, 0, 6), r.choice(["10.0 mL", "50.0 mL"]), f"{r.uniform(-0.8, 0.8):+.1f}%", r.choice(["pass", "pass", "recalibrated"])] for i in range(1, r.randint(4, 6))]
    return cdoc("equipment-log", "Methadone dispensing pump calibration", o, [p_("Weekly gravimetric calibration check of the dispensing pumps (tolerance +/- 1%)."), tbl(["Pump", "Serial", "Checked", "Test volume", "Deviation", "Result"], rows),
             p_(f"Checked by {s.plain()} and {staff(r, 'RN').plain()}.")], sender=s, dest=o)
def C_cleanroom(r):
    o = org(r, "infusion"); s = clinician(r, o)
    rows = [[x, y, r.randint(100, 3000), r.choice(["pass", "pass", "pass"])] for x, y in [("Buffer room", "ISO 7"), ("Ante room", "ISO 8"), ("PEC 1 (LAFW)", "ISO 5"), ("PEC 2 (BSC)", "ISO 5")]]
    return cdoc("equipment-qa", "USP <797> semi-annual certification results", o, [p_(f"Cleanroom certification completed {fd(past(r, 1, 10), 'mdy')} by the certifier. Viable air and surface sampling: no action levels exceeded; gloved-fingertip testing passed for all {r.randint(5, 12)} compounders."),
             tbl(["Area", "Class", "0.5 um particles/m3", "Result"], rows), p_(f"Report filed in the compliance binder.\n{s.plain()}, PharmD, PIC")], sender=s, dest=o)
def C_pump_invoice(r):
    o = org(r, "infusion"); v = vendor(r, "Pinnacle Pumps"); s = staff(r)
    rows = [[r.choice(["CADD-Solis VIP", "Curlin 6000 CMS", "Sapphire"]), serial(r, "PP"), r.choice(["Dec 1-31", "Dec 1-15", "Dec 10-31"]), money(r.uniform(90, 260))] for _ in range(r.randint(6, 11))]
    return cdoc("vendor-invoice", f"Invoice INV-{digits(r, 6)} - pump rental", v, [p_(f"Monthly rental invoice for {o.name}. Net 30. Please reference PO {digits(r, 7)} on payment."), tbl(["Model", "Serial", "Period", "Amount"], rows),
             p_(f"Pumps not returned within 10 days of end of rental are billed at replacement cost.\n{s.plain()}, Accounts Receivable, {v.name}")], sender=s, dest=o)
def C_nicu_reunion(r):
    o = org(r, "nicu"); s = clinician(r, o)
    return cdoc("event-notice", "NICU graduate reunion and parent support group", o, [p_(f"Save the date: our annual NICU Graduate Reunion is {fd(soon(r, 40, 120), 'long')}, 10 AM - 1 PM at the {r.choice(['children’s museum', 'zoo pavilion', 'hospital atrium'])}. Face painting, photo booth and a visit from the fire department."),
             p_(f"Parent-to-parent support group meets the first Tuesday of each month at 6:30 PM (in person and video). Facilitators: {staff(r).plain()} (family advisory council) and {s.plain()}."),
             p_("Please post the attached flyer in exam rooms. RSVP link on the flyer.")], sender=s, dest=org(r, "clinic"))
def C_mohs_cryostat(r):
    o = org(r, "mohs"); s = clinician(r, o)
    return cdoc("staff-schedule", "Mohs lab - cryostat service and histotech coverage", o, [p_(f"The cryostat ({r.choice(['Leica CM1860', 'Thermo CryoStar NX50'])}, SN {serial(r, 'CS')}) is being serviced {fd(soon(r, 3, 12), 'wd')}; no Mohs cases that day."),
             tbl(["Date", "Surgeon", "Histotech", "Rooms"], [[soon(r, 1, 20), staff(r, "MD").plain(), staff(r).plain(), r.choice(["1-3", "1-2", "2-4"])] for _ in range(r.randint(4, 7))]),
             p_(f"{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=o)
def C_rpm_firmware(r):
    o = org(r, "rpm"); s = clinician(r, o)
    return cdoc("device-advisory", "Firmware update - cellular BP cuffs", o, [p_(f"Cellular BP cuffs model BT105 with firmware 3.2.x will update over the air to 3.4.1 between {fd(soon(r, 2, 5), 'mdy')} and {fd(soon(r, 6, 12), 'mdy')}. The update fixes a timestamp offset after daylight-saving changes."),
             p_(f"Devices with IMEI ranges 35{digits(r, 6)}xxxxxx and 35{digits(r, 6)}xxxxxx are included. No action needed from clinics or patients; readings taken during the 90-second update are buffered and sent afterwards."),
             p_(f"{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=org(r, "clinic"))
def C_hah_fleet(r):
    o = org(r, "hah"); v = vendor(r, "Great Northern Fleet"); s = staff(r)
    rows = [[f"{r.choice([2023, 2024, 2025])} {r.choice(['Ford Explorer', 'Chevrolet Tahoe', 'Subaru Outback'])}", f"1FM{letters(r, 2)}{digits(r, 4)}{letters(r, 1)}{digits(r, 7)}", f"MHMC-{r.randint(10, 40)}", f"GNF-{digits(r, 8)}", soon(r, 30, 300)] for _ in range(r.randint(4, 7))]
    return cdoc("fleet-insurance", "Fleet policy renewal - Hospital at Home response vehicles", v, [p_("Renewal summary for the community paramedic response vehicles. Certificates of insurance attached."), tbl(["Vehicle", "VIN", "Unit", "Policy", "Renewal"], rows),
             p_(f"{s.plain()}, {v.name}")], sender=s, dest=o)
def C_me_annual(r):
    o = org(r, "me"); s = clinician(r, o)
    rows = [[m, r.randint(40, 900), r.randint(40, 900)] for m in ["Natural", "Accident", "Suicide", "Homicide", "Undetermined", "Pending"]]
    return cdoc("annual-report", f"{TODAY.year - 1} Annual Report - summary", o, [p_(f"The {TODAY.year - 1} annual report is published. Total deaths reported to the office: {r.randint(2500, 5200)}; jurisdiction accepted: {r.randint(900, 2100)}; autopsies: {r.randint(300, 800)}."),
             tbl(["Manner of death", str(TODAY.year - 1), str(TODAY.year - 2)], rows), p_(f"Drug-involved deaths fell {r.randint(5, 25)}% year over year. Counts under 10 in any sub-table are suppressed in the public report.\n\n{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=org(r, "hospital"))
def C_me_fees(r):
    o = org(r, "me"); s = clinician(r, o)
    return cdoc("policy-notice", "Fee schedule for reports and records requests", o, [p_(f"Effective {fd(Dt(TODAY.year + 1, 1, 1), 'long')}, the following fees apply: autopsy report $50; toxicology report $25; investigative report $25; cremation authorization $75. Law enforcement and next-of-kin requests for the autopsy report remain free."),
             p_("Requests must include the case number, the requester's relationship to the decedent and a copy of photo ID. Requests from hospitals for ME records follow the same process."),
             p_(f"{s.plain()}\n{o.name}")], sender=s, dest=org(r, "hospital"))
def C_dsme_classes(r):
    o = org(r, "mnt"); s = clinician(r, o)
    rows = [[soon(r, 5, 80), clock(r, 9, 18), r.choice(["Diabetes Basics (DSMES 1)", "Carb Counting", "Gestational Diabetes Class", "Kidney-friendly Eating", "Prediabetes - National DPP kickoff"]), r.choice(["Hilo office", "video", "community center"]), s.plain()] for _ in range(r.randint(5, 8))]
    return cdoc("community-class", "Class calendar - January/February", o, [p_("Upcoming group classes. Referrals: please use the order in the EHR (G0109 group DSMT). Self-referral is welcome for the Prediabetes program."), tbl(["Date", "Time", "Class", "Location", "Instructor"], rows),
             p_(f"Flyers in English, Tagalog, Ilocano and Spanish available on request.\n{s.plain()}")], sender=s, dest=org(r, "clinic"))
def C_lead_week(r):
    o = org(r, "lead"); s = clinician(r, o)
    return cdoc("public-health-notice", "Childhood lead testing - surveillance update and free testing events", o, [p_(f"County surveillance, {TODAY.year - 1}: {r.randint(4000, 9000)} children under 6 tested ({r.randint(28, 45)}% of 1-2 year olds); {r.randint(60, 180)} had a confirmed BLL >= 3.5 ug/dL. "
             f"ZIP codes with pre-1950 housing account for {r.randint(60, 80)}% of elevated results."),
             p_(f"Free capillary testing events: {fd(soon(r, 10, 40), 'long')} at the WIC office and {fd(soon(r, 41, 70), 'long')} at the {r.choice(['library', 'Head Start center', 'community center'])}. Please remind families that Medicaid requires testing at 12 and 24 months."),
             p_(f"{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=org(r, "clinic"))
def C_birthday(r):
    o = org(r); s = staff(r); b = staff(r)
    return cdoc("staff-birthday", f"Cake in the break room for {b.given}!", o, [p_(f"{b.plain()} turns {r.choice([30, 40, 50, 60])} on {fd(soon(r, 0, 5), 'long')}! Cake and coffee in the break room at {clock(r, 13, 15)}. Card is at the front desk - please sign by Thursday."), p_(s.given)], sender=s, dest=o)
def C_job(r):
    o = org(r, r.choice(["anticoag", "rehab", "nicu", "opo", "poison", "mnt", "infusion"])); s = staff(r)
    role = r.choice(o.titles)
    return cdoc("job-posting", f"Now hiring: {role}", o, [p_(f"{o.name} is hiring a full-time {role} ({r.choice(['day shift', 'hybrid', 'M-F', '3x12'])}). Requirements: current licence/certification, 2 years of experience, BLS. Sign-on bonus ${r.choice([2500, 5000, 7500])}."),
             p_(f"Apply by {fd(soon(r, 10, 30), 'long')} at careers.{o.dom}/job/{digits(r, 6)}. Referral bonus for current employees. EOE.\n\n{s.plain()}, Talent Acquisition")], sender=s, dest=o)
def C_hipaa(r):
    o = org(r); s = staff(r)
    return cdoc("hipaa-reminder", "Annual HIPAA refresher - due date and examples", o, [p_(f"Annual privacy and security training is due {fd(soon(r, 7, 30), 'long')}. This year's module covers e-mail encryption, minimum necessary, and misdirected faxes."),
             p_("Reminder: the examples in the module use sample data only - SSN 078-05-1120 (the famous Woolworth wallet card number), the CMS sample MBI 1EG4-TE5-MK73, and the format 1AA1-AA1-AA11. Never paste real identifiers into training or test systems."),
             p_(f"{s.plain()}, Privacy Office")], sender=s, dest=o)
def C_ooo(r):
    o = org(r); s = clinician(r, o); b = staff(r)
    return cdoc("out-of-office", "Out of office", o, [p_(f"I am out of the office from {fd(soon(r, 0, 3), 'mdy')} through {fd(soon(r, 8, 14), 'mdy')} with limited access to e-mail. For urgent matters please contact {b.plain()} at {o.phone} ext. {r.randint(200, 899)}."), p_(f"{s.plain()}\n{title_for(r, s, o)}")], sender=s, dest=o)
def C_ticket(r):
    o = org(r); s = staff(r); v = vendor(r, "TwinRivers IT")
    return cdoc("it-ticket", f"Ticket INC{digits(r, 7)} updated", v, [p_(f"Your ticket has been updated.\n\nSummary: {r.choice(['Label printer in the dosing room prints blank labels', 'Cannot log in to the registry abstracting software after password reset', 'Scanner at front desk not sending to e-mail', 'VPN drops every 10 minutes on the RPM laptop'])}\n"
             f"Status: {r.choice(['In progress', 'Pending user', 'Resolved'])}\nAsset: {serial(r, 'PC')}  Location: {o.short}\nTechnician: {staff(r).plain()}"), p_(f"Reply to this e-mail to add notes. {v.name} Service Desk")], sender=s, dest=o)
def C_perk(r):
    o = org(r); s = staff(r)
    return cdoc("wellness-perk", "Employee wellness perks for the new year", o, [p_(f"Reminder: employees get a discounted membership at {r.choice(['Anytime Fitness', 'the downtown YMCA', 'Planet Fitness'])}. Show your badge at signup; your member number will start with {r.choice(['WF-', 'EMP', 'MH'])}{digits(r, 3)}."),
             p_(f"Auto and home insurance discounts through our benefits partner - quote line {phone(r)}. Policy numbers are issued by the carrier, not HR.\n\n{s.plain()}, Human Resources")], sender=s, dest=o)
def C_es_notice(r):
    o = org(r); s = staff(r)
    return cdoc("spanish-notice", "Aviso al personal - horario de fin de año", o, [p_(f"Estimado personal: la oficina cerrará el {fd(Dt(TODAY.year, 12, 24), 'es')} a las 12:00 p. m. y el {fd(Dt(TODAY.year + 1, 1, 1), 'es')} todo el día. La capacitación anual de HIPAA vence el {fd(soon(r, 10, 30), 'es')}."),
             p_(f"Por favor actualicen su fecha de cumpleaños en el portal de recursos humanos para la celebración mensual.\n\n{s.plain()}, Recursos Humanos")], sender=s, dest=o)
def C_deid_poison(r):
    o = org(r, "poison"); s = clinician(r, o)
    rows = [[a, r.randint(10, 400), r.randint(10, 400), r.choice(["<10", r.randint(10, 60)])] for a in ["< 1 y", "1-2 y", "3-5 y", "6-12 y", "13-19 y", "20-59 y", "60+ y"]]
    return cdoc("deidentified-stats", "Exposure calls by age band - county health board request", o, [p_("Requested aggregate data for the county health board. Counts under 10 are suppressed; no patient-level data."), tbl(["Age band", "Unintentional", "Intentional", "Admitted"], rows),
             p_(f"{s.plain()}, {title_for(r, s, o)}")], sender=s, dest=org(r, "lead"))
def C_phish(r):
    o = org(r); s = staff(r)
    return cdoc("security-awareness", "Phishing simulation results", o, [p_(f"Last month's simulated phishing e-mail ('Your DocuSign: updated PTO policy') was clicked by {r.randint(4, 19)}% of staff, down from {r.randint(12, 30)}%. {r.randint(30, 70)}% reported it with the Report button - thank you!"),
             p_(f"Tip: external e-mail is tagged [EXTERNAL]. Never enter your credentials from a link in an e-mail.\n\n{s.plain()}, Information Security")], sender=s, dest=o)
CLEAN_NARR = [C_meter_qc, C_warfarin_education, C_blood_supply, C_reagent_lot, C_poison_newsletter, C_opo_metrics, C_nbs_cards, C_nbs_form_rev, C_iis_accounts, C_cancer_committee, C_ncdb_deadline,
              C_shoe_order, C_lcode_fees, C_rehab_schedule, C_telemetry_pm, C_otp_certification, C_pump_calibration, C_cleanroom, C_pump_invoice, C_nicu_reunion, C_mohs_cryostat, C_rpm_firmware,
              C_hah_fleet, C_me_annual, C_me_fees, C_dsme_classes, C_lead_week, C_birthday, C_job, C_hipaa, C_ooo, C_ticket, C_perk, C_es_notice, C_deid_poison, C_phish]

# ================================================================== clean interchange look-alikes
def Q_vxu_spec(r):
    o = org(r, "iis")
    t = ("MSH|^~\\&|<SendingApp>|<SendingFacility>|PSIIS|PSDH|<YYYYMMDDHHMM>||VXU^V04^VXU_V04|<ControlID>|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS\n"
         "PID|1||<MRN>^^^<AssigningAuthority>^MR||<LAST>^<FIRST>^<MIDDLE>||<DOB YYYYMMDD>|<F|M|U>\n"
         "RXA|0|1|<AdminDate>||<CVX>^<VaccineName>^CVX|<Dose>|mL^mL^UCUM||00^New immunization record^NIP001||||||<Lot>|<ExpDate>|<MVX>^^MVX|||CP|A")
    return cdoc("hl7-spec", "PSIIS HL7 2.5.1 VXU local implementation notes", o, [p_("Local requirements on top of the CDC Implementation Guide (release 1.5):"), pre(t),
             p_("MSH-4 must be your PSIIS org code. PID-3 repeats allowed. RXA-15 (lot) and RXA-17 (MVX) required for administered doses. Use processing ID T in the test environment.")], dest=org(r, "clinic"), kind="raw")
def Q_vxu_test(r):
    o = org(r, "iis")
    t = (f"MSH|^~\\&|TESTAPP|TESTCLINIC|PSIIS|PSDH|{TODAY:%Y%m%d}0900||VXU^V04^VXU_V04|TEST{digits(r, 6)}|T|2.5.1\nPID|1||ZZ{digits(r, 6)}^^^TESTCLINIC^MR||ZZTEST^BABYONE^^^^^L||20000101|F\n"
         f"RXA|0|1|{TODAY:%Y%m%d}||08^HEPB-PEDS^CVX|0.5|mL^mL^UCUM||00^New record^NIP001||||||TESTLOT1|20991231|MSD^^MVX|||CP|A")
    return cdoc("hl7-test-patient", "Onboarding - test message accepted", o, [p_("Your test VXU passed validation (ACK AA). Next step: send 25 test messages with the ZZTEST naming convention, processing ID T, then we schedule the production cutover."), pre(t)], dest=org(r, "clinic"), kind="raw")
def Q_x12_guide(r):
    o = org(r, "payer")
    t = "NM1*IL*1*DOE*JOHN*Q***MI*<MEMBER ID>~\nDMG*D8*CCYYMMDD*<M|F|U>~\nCLM*<PATIENT CONTROL #>*<TOTAL CHARGE>***<POS>:B:1*Y*A*Y*Y~\nSV1*HC:<HCPCS>:<MOD>*<CHARGE>*UN*<UNITS>***<DX POINTER>~"
    return cdoc("x12-guide", "Companion guide excerpt - DMEPOS/O&P claims", o, [p_("Companion guide excerpt (837P v5010) for prosthetic and orthotic claims. Placeholders in angle brackets; example names from the TR3."), pre(t),
             p_("Loop 2400: report the KX modifier only when the LCD coverage criteria are met; report the K-level modifier (K0-K4) on lower-limb prosthetic base codes.")], dest=org(r, "onp"), kind="raw")
def Q_fhir_profile(r):
    o = org(r, "rpm")
    j = {"resourceType": "StructureDefinition", "url": "https://fhir.vitalloop.health/StructureDefinition/rpm-bp-observation", "name": "RpmBloodPressure", "status": "active", "kind": "resource",
         "type": "Observation", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/bp", "differential": {"element": [{"id": "Observation.device", "path": "Observation.device", "min": 1},
                                                                                                                              {"id": "Observation.effectiveDateTime", "path": "Observation.effectiveDateTime", "min": 1}]}}
    return cdoc("fhir-profile", "RPM blood pressure profile", o, [p_("Profile for BP readings pushed to partner EHRs (R4). Device reference is required so clinics can audit 99454 day counts."), pre(json.dumps(j, indent=2))], dest=org(r, "clinic"), kind="raw")
def Q_fhir_sample(r):
    o = org(r, "iis")
    j = {"resourceType": "Immunization", "id": "example-synthetic", "meta": {"tag": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST", "display": "test health data"}]},
         "status": "completed", "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "08"}]}, "patient": {"reference": "Patient/example", "display": "Test Patient"},
         "occurrenceDateTime": "2000-01-01", "lotNumber": "TEST-LOT-0001"}
    return cdoc("fhir-example", "Synthetic example for the developer sandbox", o, [p_("Synthetic Immunization example for the sandbox (tagged HTEST). Do not load into production."), pre(json.dumps(j, indent=2))], dest=org(r, "clinic"), kind="raw")
def Q_mbi(r):
    o = org(r, "payer")
    return cdoc("mbi-training", "MBI format - front desk refresher", o, [p_("Medicare Beneficiary Identifier: 11 characters, format 1AA1-AA1-AA11 (positions 2, 5, 8, 9 are letters; S, L, O, I, B, Z are never used). Dashes are not stored."),
             pre("Position:  1  2  3  4  5  6  7  8  9  10 11\nType:      N  A  AN N  A  AN N  A  A  N  N\nExample:   1  E  G  4  T  E  5  M  K  7  3   (CMS sample 1EG4-TE5-MK73)"),
             p_("Use only the CMS sample in training materials.")], dest=org(r, "clinic"), kind="raw")
def Q_ssn(r):
    o = org(r, "registry")
    return cdoc("ssn-training", "Registry software test data - SSN field", o, [p_("For the abstracting software validation, use only these invalid/sample SSNs in the test database: 123-45-6789, 078-05-1120, 987-65-4320 through 987-65-4329 (reserved for advertising)."),
             pre("TEST CASE  NAME              SSN           EXPECTED\nTC-01      TEST, PATIENT A   123-45-6789   EDIT WARNING 'invalid SSN'\nTC-02      TEST, PATIENT B   987-65-4321   EDIT WARNING\nTC-03      TEST, PATIENT C   999999999     'unknown' accepted")], dest=o, kind="raw")
def Q_999(r):
    o = org(r, "payer")
    t = f"ISA*00*          *00*          *ZZ*NORTHFIELD     *ZZ*TESTSUBMITTER  *{TODAY:%y%m%d}*1200*^*00501*000000101*0*T*:~\nGS*FA*NORTHFIELD*TESTSUB*{TODAY:%Y%m%d}*1200*101*X*005010X231A1~\nST*999*0001*005010X231A1~\nAK1*HC*17*005010X222A1~\nAK2*837*0001~\nIK3*NM1*8*2010*8~\nIK4*9*67*7*XX~\nIK5*R*5~\nAK9*R*1*1*0~\nSE*9*0001~"
    return cdoc("x12-999", "Test file rejected - 999", o, [p_("Your TEST 837 (usage indicator T) was rejected: NM1-09 in 2010AA must be a valid NPI. Resubmit in the test environment before requesting production."), pre(t)], dest=org(r, "podiatry"), kind="raw")
def Q_cms_instr(r):
    o = org(r, "payer")
    return cdoc("claim-form-instructions", "CMS-1500 tips for therapeutic shoe claims", o, [p_("Box-by-box reminders (no patient data - see the DME MAC manual for full instructions):"),
             kv(r, [("Box 1a", "Insured's ID - the MBI exactly as on the card"), ("Box 3", "Patient's birth date as MM DD YYYY"), ("Box 17", "Certifying physician (MD/DO managing the diabetes)"), ("Box 21", "Diabetes ICD-10 plus qualifying condition"), ("Box 24D", "A5500/A5513 with KX when criteria met"), ("Box 24J", "Rendering supplier NPI")], "aligned")], dest=org(r, "podiatry"), kind="raw")
def Q_isbt(r):
    o = org(r, "bloodbank")
    return cdoc("label-spec", "ISBT 128 label training - reading the DIN", o, [p_("For the new hires: the Donation Identification Number has 13 characters plus flags and a check character."),
             pre("W0000 26 123456 [flags] [check]\n|     |  |\n|     |  +-- sequence number (6)\n|     +----- year (2)\n+----------- facility identification number (FIN)\nProduct code example: E0336V00 = RBC, AS-1, leukocytes reduced"),
             p_("Training labels use facility code W0000, which is not assigned to any collector.")], dest=o, kind="raw")
def Q_naaccr_layout(r):
    o = org(r, "registry")
    return cdoc("record-layout", "NAACCR v25 fields we validate on import", o, [p_("Reference only - item numbers and formats (no case data):"),
             pre("Item  Name                         Len  Format\n20    Patient ID Number            8    numeric\n240   Date of Birth                8    CCYYMMDD\n390   Date of Diagnosis            8    CCYYMMDD\n400   Primary Site                 4    Cxxx\n522   Histologic Type ICD-O-3      4    nnnn\n2320  Social Security Number       9    numeric, 999999999 = unknown")], dest=o, kind="raw")
CLEAN_RAW = [Q_vxu_spec, Q_vxu_test, Q_x12_guide, Q_fhir_profile, Q_fhir_sample, Q_mbi, Q_ssn, Q_999, Q_cms_instr, Q_isbt, Q_naaccr_layout]

# ================================================================== clean lists
def clist(cat, title, o, hdr, rows, intro, dest=None): return Doc(cat, title, o, ([p_(intro)] if intro else []) + [tbl(hdr, rows)], kind="list", dest=dest or o)
def K_oncall(r):
    o = org(r, r.choice(["poison", "opo", "bloodbank", "hah", "nicu"])); rows = []
    for i in range(r.randint(7, 14)):
        s = clinician(r, o); rows.append([soon(r, i, i), s.with_cred(), r.choice(o.titles), npi(r) if s.cred and "MD" in s.cred else "", phone(r), r.choice(["primary", "backup"])])
    return clist("on-call", "On-call schedule", o, ["Date", "Staff", "Role", "NPI", "Cell", "Tier"], rows, "On-call roster for the next two weeks.")
def K_equipment(r):
    o = org(r); rows = [[r.choice(["Infusion pump", "Centrifuge", "Blood bank refrigerator", "Plasma freezer", "Treadmill", "Cryostat", "Scale", "BP cuff (loaner)"]), serial(r, r.choice(["SN", "BB", "CF", "TM"])), f"AT{digits(r, 5)}", past(r, 10, 360), soon(r, 5, 360), r.choice(["pass", "pass", "due", "out for repair"])] for _ in range(r.randint(8, 14))]
    return clist("equipment-log", "Equipment inventory and PM status", o, ["Equipment", "Serial", "Asset tag", "Last PM", "Next PM", "Status"], rows, "")
def K_lots(r):
    o = org(r, r.choice(["bloodbank", "infusion", "nbs", "anticoag"])); rows = [[r.choice(["Anti-D", "Screening cells", "NBS card", "CoaguChek strips", "Heparin flush 10 u/mL", "Saline flush 10 mL", "Elastomeric 250 mL"]), lot(r), soon(r, 10, 500), r.randint(1, 80), r.choice(["shelf A", "fridge 2", "room temp", "vault"])] for _ in range(r.randint(8, 14))]
    return clist("supply-lots", "Lot and expiry tracking", o, ["Item", "Lot", "Expiry", "On hand", "Location"], rows, "Monthly lot/expiry check.")
def K_training(r):
    o = org(r); rows = [[staff(r).lf(), f"E{digits(r, 6)}", r.choice(["HIPAA", "Bloodborne pathogens", "Diversion control", "Fire safety", "Part 2 confidentiality", "BLS"]), past(r, 1, 300), soon(r, 10, 360), r.choice(["complete", "complete", "overdue"])] for _ in range(r.randint(8, 15))]
    return clist("training-compliance", "Annual training compliance", o, ["Employee", "Employee ID", "Course", "Completed", "Due", "Status"], rows, "Staff training status - managers please follow up on overdue items.")
def K_license(r):
    o = org(r); rows = []
    for _ in range(r.randint(7, 13)):
        s = clinician(r, o); rows.append([s.lf(), s.cred or "staff", f"{r.choice(['RN', 'PH', 'MD', 'DN', 'LD'])}{digits(r, 6)}", soon(r, 30, 700), past(r, 100, 4000), npi(r)])
    return clist("license-roster", "Licence and credential roster", o, ["Name", "Credential", "Licence #", "Licence expiry", "Hire date", "NPI"], rows, "")
def K_po(r):
    o = org(r); v = vendor(r); rows = [[f"PO{digits(r, 7)}", past(r, 1, 40), v.short, r.choice(["reagents", "pump rental", "shoes/inserts", "office supplies", "shredding", "components"]), money(r.uniform(80, 9000)), r.choice(["open", "received", "invoiced"])] for _ in range(r.randint(8, 14))]
    return clist("purchase-orders", "Open purchase orders", o, ["PO", "Date", "Vendor", "Category", "Amount", "Status"], rows, "")
def K_deid(r):
    o = org(r, r.choice(["poison", "lead", "registry", "nbs"])); rows = [[f"{TODAY.year}-W{w:02d}", r.choice(["0-5", "6-12", "13-19", "20-64", "65+"]), r.choice(["<10", r.randint(10, 90)]), r.choice(["<10", r.randint(10, 60)])] for w in range(r.randint(36, 44), 50)]
    return clist("deidentified-counts", "Weekly counts by age band (suppressed)", o, ["Week", "Age band", "Cases", "Follow-ups"], rows[:r.randint(8, 14)], "Aggregate counts; cells under 10 suppressed.")
def K_quality(r):
    o = org(r, r.choice(["opo", "rehab", "anticoag", "nbs"])); rows = [[Dt(TODAY.year, m, 1), f"{r.randint(60, 99)}%", r.randint(20, 400), f"{r.randint(1, 20)}%"] for m in range(1, 12)]
    return clist("quality-by-month", "Quality dashboard by month", o, ["Month", "Measure met", "Denominator", "Exceptions"], rows, "Program quality measure (aggregate).")
def K_es_staff(r):
    o = org(r); rows = [[staff(r, pool="latam").plain(), r.choice(["Enfermera", "Recepción", "Intérprete", "Técnico"]), soon(r, 0, 14), r.choice(["7:00-15:30", "8:00-17:00", "11:00-19:30"]), f"ext. {r.randint(200, 899)}"] for _ in range(r.randint(7, 12))]
    return clist("spanish-staff-list", "Turnos del personal - próximas dos semanas", o, ["Nombre", "Puesto", "Fecha", "Horario", "Extensión"], rows, "")
def K_iis_inventory(r):
    o = org(r, "clinic"); rows = [[v, c, lot(r), soon(r, 20, 500), r.randint(0, 60), r.choice(["VFC", "Private", "317"])] for v, c in r.sample(VAX, r.randint(8, 12))]
    return clist("vaccine-inventory", "PSIIS vaccine inventory reconciliation", o, ["Vaccine", "CVX", "Lot", "Expiry", "Doses on hand", "Funding"], rows, "Monthly inventory reconciliation (required for VFC re-ordering).")
def K_rpm_stock(r):
    o = org(r, "rpm"); rows = [[r.choice(["BP cuff BT105", "Scale BT004", "Glucometer G1", "Pulse ox PX2"]), imei(r), r.choice(["3.4.1", "3.2.9", "1.8.0"]), past(r, 1, 90), r.choice(["warehouse", "in transit", "returned - refurb", "warehouse"])] for _ in range(r.randint(8, 14))]
    return clist("device-inventory", "Unassigned device stock", o, ["Model", "IMEI", "Firmware", "Received", "Status"], rows, "Devices not assigned to any patient (warehouse stock).")
def K_rehab_classes(r):
    o = org(r, "rehab"); rows = [[soon(r, 1, 30), r.choice(["Heart-healthy cooking", "Stress management", "Medication basics", "Breathing techniques", "Exercise at home"]), clock(r, 9, 16), staff(r, "RN").plain(), r.choice(["Room 2", "Gym", "video"])] for _ in range(r.randint(6, 10))]
    return clist("class-schedule", "Education class schedule", o, ["Date", "Topic", "Time", "Educator", "Location"], rows, "")
def K_courier(r):
    o = org(r, r.choice(["nbs", "bloodbank"])); rows = [[f"Route {r.randint(1, 9)}", staff(r).plain(), f"Van {r.randint(10, 40)}", r.choice(["Kearney", "Grand Island", "Hays", "Salina", "Minot"]), clock(r, 7, 17), r.choice(["daily", "M/W/F", "Tue/Thu"])] for _ in range(r.randint(7, 12))]
    return clist("courier-routes", "Courier routes and pickup times", o, ["Route", "Driver", "Vehicle", "Stop", "Pickup", "Days"], rows, "Updated courier schedule.")
def K_directory(r):
    o = org(r); rows = []
    for _ in range(r.randint(8, 14)):
        s = staff(r); rows.append([s.lf(), r.choice(o.titles), f"x{r.randint(2000, 7999)}", mailbox(s, o.dom), past(r, 30, 4000)])
    return clist("staff-directory", "Staff directory", o, ["Name", "Title", "Extension", "E-mail", "Start date"], rows, "")
CLEAN_LIST = [K_oncall, K_equipment, K_lots, K_training, K_license, K_po, K_deid, K_quality, K_es_staff, K_iis_inventory, K_rpm_stock, K_rehab_classes, K_courier, K_directory]

# ================================================================== PDF stamp normalisation (re-typed after batch 17's wiring; keyed on b18/ + file name)
def scrub_pdf(data, name):
    k = hashlib.sha256(("b18/" + name).encode()).hexdigest().upper(); kk = k * 3
    data = re.sub(rb"D:\d{14}", b"D:20261218154500", data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-18T15:45:00", data)
    uid = f"{k[:8]}-{k[8:12]}-{k[12:16]}-{k[16:20]}-{k[20:32]}".lower().encode()
    data = re.sub(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", lambda m: b"uuid:" + uid, data)
    def hex_id(m):
        g0, a, b = m.group(0), m.group(1), m.group(2)
        return g0.replace(a, kk[:len(a)].encode()).replace(b, kk[:len(b)].encode())
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", hex_id, data)
    pos = data.rfind(b"trailer")
    if pos >= 0:                                             # Ghostscript may write the trailer /ID as literal strings; past the xref, so the length may change
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

# ------------------------------------------------------------------ logo (PNG per organisation: a badge with initials, name, rule, contact line)
_LOGOS = {}
def logo_png(o):
    if o.name in _LOGOS: return _LOGOS[o.name]
    from PIL import Image, ImageDraw, ImageFont
    col = tuple(int(o.color[i:i + 2], 16) for i in (0, 2, 4))
    im = Image.new("RGB", (560, 120), "white"); d = ImageDraw.Draw(im)
    kind = sum(map(ord, o.name)) % 4
    if kind == 0: d.rectangle((6, 6, 114, 114), outline=col, width=8)
    elif kind == 1: d.pieslice((6, 6, 114, 114), 200, 520, fill=col)
    elif kind == 2: d.regular_polygon((60, 60, 56), 6, fill=col)
    else: d.ellipse((6, 6, 114, 114), outline=col, width=10); d.ellipse((30, 30, 90, 90), fill=col)
    fb = ImageFont.truetype(FONTS["cond"][1], 34); fn = ImageFont.truetype(FONTS["sans"][1], 24); fr = ImageFont.truetype(FONTS["cond"][0], 16)
    ini = o.initials()[:3]; w = d.textlength(ini, font=fb)
    d.text((60 - w / 2, 42), ini, font=fb, fill=(255, 255, 255) if kind in (1, 2) else col)
    d.text((132, 20), o.short[:30], font=fn, fill=(40, 40, 40)); d.rectangle((132, 58, 548, 61), fill=col)
    d.text((132, 72), f"{o.city}, {o.st}   {o.phone}   {o.dom}", font=fr, fill=(100, 100, 100))
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _LOGOS[o.name] = b.getvalue(); return _LOGOS[o.name]

# ------------------------------------------------------------------ reportlab (invariant on)
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted, Image as RLImage
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
pdfmetrics.registerFont(TTFont("DJSansC", FONTS["cond"][0])); pdfmetrics.registerFont(TTFont("DJSansC-Bold", FONTS["cond"][1]))
def hexcol(h): return colors.HexColor("#" + h)
def rl_pdf(r, doc):
    o = doc.o; t = doc.table(); wide = t is not None and len(t[0]) > 6
    emb = r.random() < 0.35; fam, famb = ("DJSansC", "DJSansC-Bold") if emb else r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold")])
    tx = (lambda s: str(s)) if emb else (lambda s: L1(s))
    ink = hexcol(o.color); deco = r.randrange(3); fax = r.random() < 0.2; dst = "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "mdy", "iso", "d-mon-y"])
    ps = pagesize = landscape(letter) if wide else letter
    body = ParagraphStyle("b", fontName=fam, fontSize=9.5, leading=12.5, spaceAfter=5)
    head = ParagraphStyle("h", parent=body, fontName=famb, fontSize=13, leading=16, textColor=ink, spaceAfter=8)
    sub = ParagraphStyle("s", parent=body, fontName=famb, fontSize=10.5, textColor=ink, spaceBefore=4)
    small = ParagraphStyle("c", parent=body, fontSize=7.5 if wide else 8.2, leading=9.5)
    def P(s, st=body): return Paragraph(esc(tx(s)).replace("\n", "<br/>"), st)
    def deco_fn(c, d):
        w, h = ps; c.saveState()
        if deco == 0:
            c.setFillColor(ink); c.rect(0, h - 0.75 * inch, w, 0.75 * inch, fill=1, stroke=0); c.setFillColor(colors.white); c.setFont(famb, 15); c.drawString(0.6 * inch, h - 0.45 * inch, tx(o.name))
            c.setFont(fam, 7.5); c.drawRightString(w - 0.6 * inch, h - 0.45 * inch, tx(f"{o.addr()}  |  {o.phone}"))
        elif deco == 1:
            c.setFillColor(ink); c.rect(0.6 * inch, h - 0.9 * inch, 0.08 * inch, 0.5 * inch, fill=1, stroke=0); c.setFillColor(colors.black); c.setFont(famb, 13); c.drawString(0.8 * inch, h - 0.6 * inch, tx(o.name))
            c.setFont(fam, 7.5); c.setFillColor(colors.grey); c.drawString(0.8 * inch, h - 0.8 * inch, tx(f"{o.addr()}   Tel {o.phone}   Fax {o.fax}"))
        else:
            c.drawImage(RLImageReader(o), 0.6 * inch, h - 1.0 * inch, width=2.6 * inch, height=0.56 * inch, mask="auto")
        c.setStrokeColor(ink); c.setLineWidth(0.6); c.line(0.6 * inch, 0.6 * inch, w - 0.6 * inch, 0.6 * inch)
        c.setFont(fam, 7); c.setFillColor(colors.grey); c.drawString(0.6 * inch, 0.45 * inch, tx(r_foot[0])); c.drawRightString(w - 0.6 * inch, 0.45 * inch, f"Page {d.page}"); c.restoreState()
    r_foot = [r.choice(["CONFIDENTIAL - contains information protected by law. If received in error, notify the sender.", f"{o.short} | {o.phone}", f"Printed {fd(TODAY, 'mdy')}", o.dom])]
    story = []
    if fax:
        story += [P("FAX", head), Table([[P("To:"), P(doc.dest.name if doc.dest else "")], [P("From:"), P(o.name)], [P("Fax:"), P(doc.dest.fax if doc.dest else o.fax)], [P("Pages:"), P("2 including cover")], [P("Date:"), P(fd(TODAY, "mdy"))]],
                                          colWidths=[1.0 * inch, 4.5 * inch], style=[("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]), Spacer(1, 10)]
    if doc.title and doc.kind != "raw": story.append(P(doc.title, head))
    for b in doc.blocks:
        if b[0] == "h": story.append(P(b[1], sub))
        elif b[0] == "p": story.append(P(b[1]))
        elif b[0] == "pre": story.append(Preformatted(tx(b[1]), ParagraphStyle("m", fontName="Courier", fontSize=7.2, leading=8.6)))
        elif b[0] == "kv":
            items = b[1]
            if len(items) > 5 and r.random() < 0.5:
                half = (len(items) + 1) // 2; rows = []
                for i in range(half):
                    a = items[i]; c2 = items[half + i] if half + i < len(items) else ("", "")
                    rows.append([P(a[0], small), P(a[1], small), P(c2[0], small), P(c2[1], small)])
                tb = Table(rows, colWidths=[1.2 * inch, 2.2 * inch, 1.2 * inch, 2.2 * inch])
                tb.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke), ("BACKGROUND", (2, 0), (2, -1), colors.whitesmoke), ("GRID", (0, 0), (-1, -1), 0.3, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                tb = Table([[P(a, ParagraphStyle("kl", parent=small, fontName=famb, textColor=ink)), P(v, small)] for a, v in items], colWidths=[1.9 * inch, 4.8 * inch])
                tb.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [tb, Spacer(1, 6)]
        elif b[0] == "table":
            hdr, rows = b[1], b[2]; avail = (ps[0] - 1.2 * inch)
            lens = [max(len(str(h)), *(len(cell(x[i], dst)) for x in rows)) if rows else len(str(h)) for i, h in enumerate(hdr)]; tot = sum(min(l, 40) + 2 for l in lens)
            cw = [avail * (min(l, 40) + 2) / tot for l in lens]
            data = [[P(h, ParagraphStyle("th", parent=small, fontName=famb, textColor=colors.white)) for h in hdr]] + [[P(cell(v, dst), small) for v in row] for row in rows]
            tb = Table(data, colWidths=cw, repeatRows=1)
            st = [("BACKGROUND", (0, 0), (-1, 0), ink), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            st += [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F2F2F2")) for i in range(2, len(data), 2)]
            tb.setStyle(TableStyle(st)); story += [tb, Spacer(1, 6)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=ps, leftMargin=0.6 * inch, rightMargin=0.6 * inch, topMargin=1.15 * inch, bottomMargin=0.8 * inch, title=tx(doc.title or doc.cat), author=tx(o.short)).build(story, onFirstPage=deco_fn, onLaterPages=deco_fn)
    return buf.getvalue()
def RLImageReader(o):
    from reportlab.lib.utils import ImageReader
    return ImageReader(io.BytesIO(logo_png(o)))

# ------------------------------------------------------------------ fpdf2 (creation date fixed, /Producer set)
import fpdf as _fpdf
from fpdf import FPDF
from fpdf.fonts import FontFace
class Sheet(FPDF):
    def setup(self, o, fam, uni, ink, look):
        self.o, self.fam, self.uni, self.ink, self.look = o, fam, uni, ink, look
    def t(self, s): return str(s) if self.uni else L1(s)
    def header(self):
        if self.look == 0:
            self.set_fill_color(*self.ink); self.rect(0, 0, self.w, 16, "F"); self.set_text_color(255, 255, 255); self.set_y(4); self.set_font(self.fam, "B", 12); self.cell(0, 6, self.t(self.o.name), align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font(self.fam, "", 7); self.cell(0, 4, self.t(f"{self.o.addr()}  -  {self.o.phone}"), align="C", new_x="LMARGIN", new_y="NEXT"); self.set_y(20)
        elif self.look == 1:
            self.set_y(8); self.set_font(self.fam, "B", 12); self.set_text_color(*self.ink); self.cell(0, 6, self.t(self.o.name), new_x="LMARGIN", new_y="NEXT")
            self.set_font(self.fam, "", 7); self.set_text_color(100, 100, 100); self.cell(0, 4, self.t(f"Phone {self.o.phone} | Fax {self.o.fax} | {self.o.dom}"), new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(*self.ink); self.set_line_width(0.8); self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1); self.ln(5)
        else:
            self.image(io.BytesIO(logo_png(self.o)), x=self.l_margin, y=7, w=62); self.set_y(9); self.set_font(self.fam, "", 7); self.set_text_color(90, 90, 90)
            self.cell(0, 4, self.t(self.o.addr()), align="R", new_x="LMARGIN", new_y="NEXT"); self.cell(0, 4, self.t(f"T {self.o.phone}  F {self.o.fax}"), align="R", new_x="LMARGIN", new_y="NEXT"); self.set_y(25)
        self.set_text_color(25, 25, 25)
    def footer(self):
        self.set_y(-11); self.set_font(self.fam, "", 7); self.set_text_color(120, 120, 120)
        self.cell(0, 4, self.t(f"{self.o.short}  -  page {self.page_no()} of {{nb}}"), align="C")
def fp_pdf(r, doc):
    o = doc.o; uni = r.random() < 0.5; t = doc.table(); wide = t is not None and len(t[0]) > 5; dst = "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "m/d/yy", "iso"])
    pdf = Sheet(orientation="L" if wide else "P", unit="mm", format="Letter")
    pdf.set_creation_date(FIXED_STAMP); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if uni:
        fk = r.choice(list(FONTS)); pdf.add_font("DJ", "", FONTS[fk][0]); pdf.add_font("DJ", "B", FONTS[fk][1]); fam = "DJ"
    else: fam = r.choice(["helvetica", "times"])
    ink = tuple(int(o.color[i:i + 2], 16) for i in (0, 2, 4)); pdf.setup(o, fam, uni, ink, r.randrange(3)); pdf.set_auto_page_break(True, 16); pdf.set_margins(16, 16, 16); pdf.add_page()
    pdf.set_title(pdf.t(doc.title or doc.cat)); pdf.set_author(pdf.t(o.short))
    if doc.title and doc.kind != "raw": pdf.set_font(fam, "B", 12); pdf.set_text_color(*ink); pdf.multi_cell(0, 6, pdf.t(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2); pdf.set_text_color(25, 25, 25)
    kvmode = r.randrange(3)
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(fam, "B", 10.5); pdf.set_text_color(*ink); pdf.multi_cell(0, 5.5, pdf.t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(25, 25, 25)
        elif b[0] == "p": pdf.set_font(fam, "", 9.5); pdf.multi_cell(0, 4.8, pdf.t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "pre": pdf.set_font("courier", "", 7); pdf.multi_cell(0, 3.4, L1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "kv":
            pdf.set_font(fam, "", 9)
            if kvmode == 2:
                for a, v in b[1]:
                    pdf.set_font(fam, "B", 9); pdf.write(4.8, pdf.t(a + ": ")); pdf.set_font(fam, "", 9); pdf.write(4.8, pdf.t(v)); pdf.ln(5)
            else:
                with pdf.table(col_widths=(38, 92), text_align="LEFT", first_row_as_headings=False, borders_layout="HORIZONTAL_LINES" if kvmode == 0 else "ALL", line_height=5) as tb:
                    for a, v in b[1]:
                        row = tb.row(); row.cell(pdf.t(a), style=FontFace(emphasis="BOLD", color=ink)); row.cell(pdf.t(v))
            pdf.ln(3)
        elif b[0] == "table":
            hdr, rows = b[1], b[2]; pdf.set_font(fam, "", 7.5 if wide else 8.5)
            lens = [max(len(str(h)), *(len(cell(x[i], dst)) for x in rows)) if rows else len(str(h)) for i, h in enumerate(hdr)]
            with pdf.table(col_widths=tuple(min(l, 34) + 3 for l in lens), text_align="LEFT", headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ink),
                           cell_fill_color=(242, 242, 242), cell_fill_mode="ROWS", line_height=4.2) as tb:
                row = tb.row()
                for h in hdr: row.cell(pdf.t(h))
                for x in rows:
                    row = tb.row()
                    for v in x: row.cell(pdf.t(cell(v, dst)))
            pdf.ln(3)
    return bytes(pdf.output())

# ------------------------------------------------------------------ hand-written PostScript (distilled by Ghostscript)
def ps_str(s):
    out = []
    for ch in L1(s):
        o_ = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o_ > 126 or o_ < 32: out.append(f"\\{o_:03o}")
        else: out.append(ch)
    return "(" + "".join(out) + ")"
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
    o = doc.o; face = r.choice([("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("Helvetica", "Times-Bold")]); ink = [int(o.color[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    dst = "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "iso", "d-mon-y"])
    hdr = ["%!PS-Adobe-3.0", f"%%Title: {L1(doc.title or doc.cat)}", "%%Creator: b18 form printer", "%%Pages: (atend)", "%%BoundingBox: 0 0 612 792", "%%EndComments",
           "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall",
           "  /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put dup 39 /quotesingle put def currentdict end definefont pop } def",
           f"/F1 /{face[0]} reenc /F2 /{face[1]} reenc /F3 /Courier reenc", "/sf { exch findfont exch scalefont setfont } def"]
    pages = []; cur = []; y = [0]
    def newpage():
        if cur: pages.append(list(cur)); cur.clear()
        y[0] = 700
        cur.extend([f"{ink[0]:.3f} {ink[1]:.3f} {ink[2]:.3f} setrgbcolor", "/F2 14 sf 54 748 moveto " + ps_str(o.name) + " show", "0.5 setlinewidth 54 740 moveto 558 740 lineto stroke",
                    "0.35 setgray /F1 7.5 sf 54 728 moveto " + ps_str(f"{o.addr()}   Tel {o.phone}   Fax {o.fax}") + " show 0 setgray"])
    def line(txt, font="F1", size=9.5, x=54, lead=None):
        if y[0] < 70: newpage()
        cur.append(f"/{font} {size} sf {x} {y[0]} moveto {ps_str(txt)} show"); y[0] -= lead or (size + 3)
    newpage()
    if doc.title and doc.kind != "raw": line(doc.title, "F2", 12.5, lead=20)
    for b in doc.blocks:
        if b[0] == "h": y[0] -= 4; line(b[1], "F2", 10.5)
        elif b[0] == "p":
            for ln in wrap(b[1], 100): line(ln)
            y[0] -= 5
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                for seg in [ln[i:i + 108] for i in range(0, max(len(ln), 1), 108)]: line(seg, "F3", 7, lead=8.6)
            y[0] -= 5
        elif b[0] == "kv":
            w = min(max(len(a) for a, _ in b[1]) * 5.3 + 12, 190)
            for a, v in b[1]:
                if y[0] < 70: newpage()
                cur.append(f"/F2 9 sf 54 {y[0]} moveto {ps_str(a + ':')} show")
                vl = wrap(v, int((504 - w) / 4.7))
                for i, vv in enumerate(vl):
                    cur.append(f"/F1 9 sf {54 + w:.1f} {y[0]} moveto {ps_str(vv)} show"); y[0] -= 12
            y[0] -= 5
        elif b[0] == "table":
            lines = table_lines(b[1], b[2], dst, "cols"); size = 7.2 if max(len(x) for x in lines) < 120 else 5.8
            for i, ln in enumerate(lines):
                line(ln, "F3", size, lead=size + 2.6)
            y[0] -= 6
    pages.append(list(cur))
    out = hdr + ["%%EndProlog"]
    for i, pg in enumerate(pages, 1):
        out += [f"%%Page: {i} {i}", "save"] + pg + [f"0.4 setgray /F1 7 sf 54 40 moveto {ps_str(o.short + ' - confidential')} show 520 40 moveto {ps_str(f'{i} of {len(pages)}')} show", "restore showpage"]
    out += ["%%Trailer", f"%%Pages: {len(pages)}", "%%EOF"]
    return "\n".join(out) + "\n", len(pages)

# ------------------------------------------------------------------ python-docx
import docx as _docx
from docx.shared import Pt, RGBColor, Inches
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
def add_field(par, instr):
    r1 = par.add_run(); f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin"); r1._r.append(f1)
    r2 = par.add_run(); it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; r2._r.append(it)
    r3 = par.add_run(); f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end"); r3._r.append(f3)
TSTYLES = ["Light Grid Accent 2", "Medium Shading 1 Accent 1", "Light List Accent 5", "Table Grid", "Medium Grid 1 Accent 6", "Light Shading Accent 1", "Colorful List Accent 3", "Medium List 1 Accent 4"]
def docx_bytes(r, doc, logo=False):
    o = doc.o; d = _docx.Document(); sec = d.sections[0]; t = doc.table(); dst = "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "mdy", "iso", "d-mon-y", "long"])
    if t is not None and len(t[0]) > 5:
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Inches(0.8)
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Cambria", "Arial", "Garamond"]); st.font.size = Pt(10)
    ink = RGBColor(*(int(o.color[i:i + 2], 16) for i in (0, 2, 4)))
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(2.4)); hp = sec.header.add_paragraph()
    rn = hp.add_run(o.name); rn.bold = True; rn.font.size = Pt(12); rn.font.color.rgb = ink
    p2 = sec.header.add_paragraph(); r2 = p2.add_run(f"{o.addr()}  |  Tel {o.phone}  |  Fax {o.fax}"); r2.font.size = Pt(7.5)
    fp = sec.footer.paragraphs[0]; fp.alignment = WD_ALIGN_PARAGRAPH.CENTER; fr = fp.add_run(r.choice([f"{o.short} - Page ", "Confidential - Page ", "Page "])); fr.font.size = Pt(7.5); add_field(fp, "PAGE")
    if doc.title and doc.kind != "raw":
        hh = d.add_paragraph(); x = hh.add_run(doc.title); x.bold = True; x.font.size = Pt(13); x.font.color.rgb = ink
    kvtab = r.random() < 0.6
    for b in doc.blocks:
        if b[0] == "h":
            x = d.add_paragraph().add_run(b[1]); x.bold = True; x.font.color.rgb = ink
        elif b[0] == "p":
            for para in b[1].split("\n\n"): d.add_paragraph(para)
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                pp = d.add_paragraph(); pp.paragraph_format.space_after = Pt(0); x = pp.add_run(ln); x.font.name = "Courier New"; x.font.size = Pt(7.5)
        elif b[0] == "kv":
            if kvtab:
                tb = d.add_table(rows=0, cols=2); tb.style = "Table Grid"
                for a, v in b[1]:
                    cs = tb.add_row().cells; cs[0].text = ""; rr = cs[0].paragraphs[0].add_run(a); rr.bold = True; cs[1].text = v
                d.add_paragraph()
            else:
                for a, v in b[1]:
                    pp = d.add_paragraph(); pp.paragraph_format.space_after = Pt(1); rr = pp.add_run(a + ": "); rr.bold = True; pp.add_run(v)
        elif b[0] == "table":
            hdr, rows = b[1], b[2]; tb = d.add_table(rows=1, cols=len(hdr)); tb.style = r.choice(TSTYLES)
            for i, h in enumerate(hdr): tb.rows[0].cells[i].text = str(h)
            for x in rows:
                cs = tb.add_row().cells
                for i, v in enumerate(x): cs[i].text = cell(v, dst)
            for row in tb.rows:
                for c in row.cells:
                    for pp in c.paragraphs:
                        for rr in pp.runs: rr.font.size = Pt(8 if len(hdr) > 6 else 9)
            d.add_paragraph()
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ------------------------------------------------------------------ openpyxl / csv
import openpyxl
from openpyxl.styles import Font, PatternFill, Alignment
from openpyxl.utils import get_column_letter
XFMT = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"]
def xlsx_book(r, doc, for_print=False):
    o = doc.o; hdr, rows = doc.table(); wb = openpyxl.Workbook(); ws = wb.active
    es = doc.cat.startswith("spanish"); fmt = "dd/mm/yyyy" if es else r.choice(XFMT)
    if r.random() < 0.22 and not for_print:
        ws.title = r.choice(["About", "Read me", "Info"]); ws["A1"] = doc.title; ws["A2"] = f"Source: {o.name}"; ws["A3"] = f"Run date: {fd(TODAY, 'mdy')}"; ws["A4"] = r.choice(["Internal use only", "Do not forward", "See second tab"])
        ws = wb.create_sheet(r.choice(["Data", "List", "Sheet1", doc.cat[:20]]))
    else: ws.title = r.choice(["Sheet1", "Export", "List", doc.cat[:25]])
    start = 1
    if r.random() < 0.45:
        ws.cell(1, 1, doc.title).font = Font(bold=True, size=13); start = 3 if r.random() < 0.5 else 2
    ink = o.color
    for j, h in enumerate(hdr, 1):
        c = ws.cell(start, j, h); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=ink); c.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, start + 1):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, dtm.datetime): c.number_format = fmt + " hh:mm"
            elif isinstance(v, dtm.date): c.number_format = fmt
    for j, h in enumerate(hdr, 1):
        w = max(len(str(h)), *(len(cell(x[j - 1])) for x in rows)) if rows else len(str(h)); ws.column_dimensions[get_column_letter(j)].width = min(max(w + 2, 9), 44)
    if r.random() < 0.5: ws.freeze_panes = ws.cell(start + 1, 1)
    if r.random() < 0.4: ws.auto_filter.ref = f"A{start}:{get_column_letter(len(hdr))}{start + len(rows)}"
    if for_print:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 1; ws.sheet_properties.pageSetUpPr.fitToPage = True
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    hdr, rows = doc.table(); es = doc.cat.startswith("spanish")
    dst = "dmy" if es else r.choice(["mdy", "iso", "ymd8", "m/d/yyyy", "d-mon-y"])
    kind = r.choice(["comma", "comma", "quoted", "semi", "tsv", "pipe", "report"]); bom = r.random() < 0.25; crlf = r.random() < 0.55
    h = [re.sub(r"[^A-Za-z0-9]+", "_", ascii_of(x)).strip("_").upper() for x in hdr] if r.random() < 0.3 else list(hdr)
    buf = io.StringIO(); nl = "\r\n" if crlf else "\n"
    delim = {"semi": ";", "tsv": "\t", "pipe": "|"}.get(kind, ",")
    w = csv.writer(buf, delimiter=delim, quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL, lineterminator=nl)
    if kind == "report": buf.write(f"{doc.title}{nl}Generated {fd(TODAY, 'mdy')} {hhmm(r)} by {doc.o.short}{nl}{nl}")
    w.writerow(h)
    for row in rows: w.writerow([cell(v, dst) for v in row])
    if kind == "report": buf.write(f"{nl}Total rows: {len(rows)}{nl}")
    data = buf.getvalue()
    ext = {"tsv": "tsv", "pipe": "txt"}.get(kind, "csv")
    return (("\ufeff" if bom else "") + data).encode("utf-8"), ext

# ================================================================== mail assembly (skeleton re-typed after batch 17's wiring; values are this batch's own)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Microsoft Outlook 15.0", "Apple Mail (2.3774.600.62)", "iPhone Mail (21G93)", "Mozilla Thunderbird 115.16.1",
           "Zimbra 9.0.0_GA_4546 (ZimbraWebClient - FF133 (Win)/9.0.0_GA_4546)", "Virtru", "DataMotion SecureMail", "Proofpoint Encryption", "Lotus Notes Release 9.0.1FP10"]
def when(r):
    d = TODAY - DAY(days=r.randint(0, 6))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 21), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=r.choice([-5, -6, -6, -7, -10]))))
def display_for(r, p, o):
    return r.choice([p.plain(), f"{p.family}, {p.given}", p.with_cred(), f"{p.plain()} - {o.short}", f"{p.given} {p.family} ({o.short})", f"{p.family.upper()}, {p.given.upper()}", f"{o.short} | {p.given} {p.family}"])
def new_msg(r, subject, o, sender=None, to=None, cc=None, from_name=None, dest=None):
    s = sender or staff(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else display_for(r, s, o), addr_spec=mailbox(s, o.dom))
    if to is None:
        q = dest or counterpart(r, o); t = staff(r); to = Address(display_name=r.choice([t.plain(), f"{t.family}, {t.given}", "", f"{t.plain()} | {q.short}"]), addr_spec=mailbox(t, q.dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when(r)); m["Message-ID"] = f"<{hexs(r, 12)}{r.choice(['$', '.', '-'])}{hexs(r, 8)}@{r.choice(['mx.', 'mail.', 'outbound.', ''])}{o.dom}>"
    x = r.choice(MAILERS + [None, None])
    if x: m["X-Mailer"] = x
    if r.random() < 0.15: m["Thread-Index"] = "Ad" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(30)) + "=="; m["Content-Language"] = "en-US"
    if r.random() < 0.07: m["Importance"] = "high"; m["X-Priority"] = "2 (High)"
    if r.random() < 0.1: m["X-MS-Has-Attach"] = ""
    return m, s
def set_hdr(m, k, v): del m[k]; m[k] = v
def put_body(r, m, text, html=None, o=None, logo=False):
    if not (logo and o):
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"logo.{hexs(r, 10)}@{o.dom}"
    hh = html or f'<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:10.5pt"><div>{nl2br(text)}</div></body></html>'
    hh = hh.replace("</body>", f'<p><img src="cid:{cid}" alt="{esc(o.short)}" width="280" height="60"></p></body>')
    m.set_content(text); m.add_alternative(hh, subtype="html")
    m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename=re.sub(r"[^a-z0-9]", "", o.short.lower())[:14] + "_sig.png", disposition="inline")
def sig(r, s, o):
    t = title_for(r, s, o)
    return r.choice([f"{s.with_cred()}\n{t}\n{o.name}\n{o.addr()}\nTel {o.phone}  Fax {o.fax}", f"Thank you,\n{s.given}", f"--\n{s.plain()}\n{t} | {o.short}\n{o.phone}",
                     f"{s.plain()}\n{o.short}\n\nThis message may contain confidential information. If you received it in error, please notify the sender and delete it.",
                     f"{s.given}\n\nSent from my iPhone", f"{s.with_cred()} | {t}", f"Regards,\n{s.plain()}\n{o.name}"])
COVER = ["Please see attached.", "Attached as requested.", "See the attached file.", "Sending via secure mail - document attached.", "Here is the list.", "Attached for your records.",
         "Adjunto el archivo.", "FYI, attached.", "Per our call, the document is attached.", "Attached - let me know if you can't open it.", "Please review the attachment and reply with any questions."]
NEUTRAL_SUBJ = ["Document", "Attachment", "Secure message", "[encrypt] file", "Requested file", "Scan", "Fax", "Weekly report", "Your request", "RE: document", "Follow up", "As discussed", "[SECURE] document"]
def cover_note(r, m, s, o, label, carrier):
    x = r.random() if carrier.startswith("pdf") else 1.0
    if x < 0.06:
        set_hdr(m, "From", Address(display_name=f"Xerox AltaLink {o.short[:10]}", addr_spec=f"mfp{r.randint(1, 9)}@{o.dom}")); set_hdr(m, "Subject", "Scan to Email")
        m.set_content(f"Please open the attached document. It was scanned and sent to you using a Xerox multifunction device.\n\nNumber of Images: {r.randint(1, 2)}\nAttachment File Type: PDF\nDevice Name: XRX{hexs(r, 12).upper()}\nDevice Location: {o.short}\n"); return
    if x < 0.11:
        n = r.randint(1, 2); fx = counterpart(r, o).fax
        set_hdr(m, "From", Address(display_name="eFax Corporate", addr_spec=f"efax@{o.dom}")); set_hdr(m, "Subject", f"eFax message from \"{fx}\" - {n} page(s)")
        m["X-Fax-Pages"] = str(n); m.set_content(f"You have received a {n}-page fax at {o.fax}.\n\n* The reference number for this fax is {letters(r, 3, 'abcdefghjkmnpqrstuvwxyz')}{digits(r, 1)}_did{digits(r, 2)}-{digits(r, 10)}-{digits(r, 10)}-{r.randint(10, 99)}.\n"); return
    put_body(r, m, r.choice(COVER) + "\n\n" + sig(r, s, o), o=o, logo=r.random() < (0.42 if label == "clean" else 0.14))
HELLO = ["", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Team,\n\n", "Hi all -\n\n", "Good afternoon -\n\n"]
def addressed(r, doc):
    o = doc.o or org(r)
    if doc.to_patient:
        p = doc.to_patient
        m, s = new_msg(r, doc.subject or doc.title, o, to=Address(display_name=r.choice([p.plain(), p.full(), ""]), addr_spec=personal_addr(r, p)), from_name=r.choice([o.name, o.short, f"{o.short} (do not reply)"]))
        set_hdr(m, "From", Address(display_name=str(m["From"].addresses[0].display_name), addr_spec=r.choice(["no-reply", "donotreply", "notify", "patient.messages", "mychart"]) + "@" + o.dom))
        if r.random() < 0.5: m["Auto-Submitted"] = "auto-generated"
        return o, m, s, ""
    m, s = new_msg(r, doc.subject or doc.title or "Message", o, sender=doc.sender, dest=doc.dest)
    return o, m, s, ("" if doc.sender else sig(r, s, o))
def txt_dst(doc, r): return "dmy" if doc.cat.startswith("spanish") else r.choice(["mdy", "mdy", "iso", "m/d/yy"])
def build_plain(r, doc, label):
    o, m, s, sg = addressed(r, doc)
    hi = "" if doc.to_patient or doc.sender else r.choice(HELLO)
    put_body(r, m, hi + render_text(doc, r.choice(["cols", "cols", "pipe", "tab"]), txt_dst(doc, r)) + ("\n" + sg + "\n" if sg else ""), o=o, logo=r.random() < (0.25 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o, m, s, sg = addressed(r, doc); dst = txt_dst(doc, r)
    html = render_html(doc, letterhead=r.random() < 0.4, look=r.randrange(len(LOOKS)), dst=dst)
    if sg: html = html.replace("</body>", f'<p style="font-size:9pt;color:#666;border-top:1px solid #ddd;padding-top:4px">{nl2br(sg)}</p></body>')
    put_body(r, m, render_text(doc, "cols", dst) + ("\n" + sg + "\n" if sg else ""), html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.22)); return m

def quoted(t, lvl=1): return "\n".join(((">" * lvl) + (" " + ln if ln else "")) for ln in t.rstrip("\n").split("\n"))
NOTES = ["Please see below.", "Forwarding for follow-up.", "Can you take this one?", "Adding {n} - FYI.", "Who owns this?", "Second request - see below.", "As discussed on the phone.",
         "Please review and advise.", "Thanks, received.", "Putting this in the queue.", "Le reenvío para seguimiento.", "Not ours, I think - passing along.", "Need an answer today on this one."]
def gdate(d, r): return f"{WD[d.weekday()][:3]}, {MONTHS[d.month - 1][:3]} {d.day}, {d.year} at {clock(r)}"
_SHAPES = []
def thread_shape(r):
    if not _SHAPES: _SHAPES.append(cycler(r, list(range(10))))
    return _SHAPES[0]()
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = doc.sender or staff(r); subj = doc.subject or doc.title or "Message"
    isg = "" if doc.sender else sig(r, s0, o); inner = render_text(doc, "cols", txt_dst(doc, r)) + ("\n" + isg + "\n" if isg else "")
    sh = thread_shape(r); pre_ = ["FW: ", "Fwd: ", "RE: ", "Re: ", "Fwd: ", "FW: ", "Re: FW: ", "FW: ", "Fwd: ", "Fw: "][sh]
    m, s = new_msg(r, pre_ + subj, o, dest=doc.dest); d0 = TODAY - DAY(days=r.randint(1, 7)); a0 = f"{s0.plain()} <{mailbox(s0, o.dom)}>"
    top = r.choice(NOTES).format(n=staff(r).given) + "\n\n" + sig(r, s, o)
    if sh == 0:
        body = f"{top}\n\n-----Original Message-----\nFrom: {a0}\nSent: {fd(d0, 'wd')}, {d0.year} {clock(r)}\nTo: {s.plain()}\nSubject: {subj}\n\n{inner}"
    elif sh == 1:
        body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {a0}\nDate: {gdate(d0, r)}\nSubject: {subj}\nTo: <{mailbox(s, o.dom)}>\n\n\n{inner}"
    elif sh == 2:
        body = f"{top}\n\nOn {gdate(d0, r)}, {a0} wrote:\n\n{quoted(inner)}\n"
    elif sh == 3:
        body = f"{top}\n\nBegin forwarded message:\n\nFrom: {a0}\nSubject: {subj}\nDate: {fd(d0, 'long')} at {clock(r)} MST\nTo: {s.plain()} <{mailbox(s, o.dom)}>\n\n{inner}"
    elif sh == 4:
        body = f"{top}\n\n-------- Forwarded Message --------\nSubject:\t{subj}\nDate:\t{format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-6))))}\nFrom:\t{a0}\nTo:\t{mailbox(s, o.dom)}\n\n\n{inner}"
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
    elif sh == 8:
        body = (f"{top}\n\n----- Forwarded by {s.plain()}/{ascii_of(o.short).replace(' ', '')} on {d0:%m/%d/%Y} {clock(r)} -----\n\nFrom:\t{s0.plain()}/{ascii_of(o.short).replace(' ', '')}\nTo:\t{s.plain()}/{ascii_of(o.short).replace(' ', '')}@{ascii_of(o.short).split()[0]}\n"
                f"Date:\t{d0:%m/%d/%Y} {clock(r)}\nSubject:\t{subj}\n\n{inner}")
    else:
        im = EmailMessage(policy=SMTP); im["From"] = a0; im["To"] = f"{s.plain()} <{mailbox(s, o.dom)}>"; im["Subject"] = subj
        im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 17), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-6)))); im["Message-ID"] = f"<{hexs(r, 16)}@{o.dom}>"
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 _-]", "", ascii_of(subj))[:40].strip() or "message") + ".eml"); return m
    put_body(r, m, body, o=o, logo=r.random() < 0.1); return m

# ================================================================== header carrier: PHI only in the headers, neutral bodies
HBODIES = ["Please call when you get a chance.", "Thanks - will do.", "Received, thank you.", "See you at 2.", "Done - closing this out.", "Can we talk tomorrow?", "ok thanks", "Gracias, recibido.",
           "Sent from my iPhone", "Let me know if you need anything else.", "Will follow up by phone.", "Noted."]
def hmsg(r, kind, subject, **kw):
    o = org(r, kind) if kind in BY_KIND else org(r); m, s = new_msg(r, subject, o, **kw)
    m.set_content(r.choice(HBODIES) + ("\n\n" + s.given if r.random() < 0.5 else "")); return m, o, s
def box(r, dom, name=None): t = staff(r); return Address(display_name=name if name is not None else t.plain(), addr_spec=mailbox(t, dom))
def HP_subj_inr(r):
    p = patient(r, 55, 92); m, o, s = hmsg(r, "anticoag", f"INR {round(r.uniform(4.6, 7.9), 1)} - HOLD warfarin - {ascii_of(p.caps())} (DOB {fd(p.dob, 'm/d/yyyy')})"); return m
def HP_cc_nbs(r):
    b = baby(r); o = org(r, "nbs"); c = org(r, "clinic")
    m, o, s = hmsg(r, "nbs", "Newborn screen follow-up", cc=box(r, c.dom, f"NBS f/u: {b.family.upper()}, {b.given.upper()} {fd(b.dob, 'mdy')} kit {kit_no(r)} TSH {r.randint(30, 120)}")); return m
def HP_from_otp(r):
    p = patient(r, 22, 60); o = org(r, "otp")
    m, o, s = hmsg(r, "otp", "Guest dosing", from_name=f"{o.short} re: {p.family}, {p.given} - methadone {r.choice([60, 80, 95, 110])}mg guest dose"); return m
def HP_replyto_opat(r):
    p = patient(r, 30, 88); m, o, s = hmsg(r, "infusion", "Weekly labs"); m["Reply-To"] = Address(display_name=f"OPAT - {p.lf()} (vanco trough {round(r.uniform(20, 28), 1)})", addr_spec=f"opat@{o.dom}"); return m
def HP_x_poison(r):
    p = infant(r, 300, 1500); m, o, s = hmsg(r, "poison", "Follow-up call")
    m["X-Poison-Case"] = f"{TODAY.year % 100}-{digits(r, 6)}; pt {ascii_of(p.caps())} {(TODAY - p.dob).days // 365}y; {r.choice(['clonidine', 'button battery', 'amlodipine', 'nicotine pouch'])} ingestion; obs 24h"; return m
def HP_x_opo(r):
    p = patient(r, 20, 70); m, o, s = hmsg(r, "opo", "Referral update")
    m["X-OPO-Referral"] = f"Ref {TODAY.year % 100}{digits(r, 5)} | {ascii_of(p.family).upper()}, {ascii_of(p.given).upper()} | MRN {mrn(r)} | GCS 3 | {r.choice(['anoxic brain injury', 'ICH', 'TBI'])}"; return m
def HP_x_rpm(r):
    p = patient(r, 50, 90); m, o, s = hmsg(r, "rpm", "Alert")
    m["X-RPM-Alert"] = f"BP {r.randint(185, 220)}/{r.randint(105, 125)} | {p.family}, {p.given} | DOB {p.dob.isoformat()} | IMEI {imei(r)}"; return m
def HP_thread_hah(r):
    p = patient(r, 55, 95); m, o, s = hmsg(r, "hah", "RE: tonight")
    m["Thread-Topic"] = f"HaH admit - {p.title()}, {r.choice(['CHF exacerbation', 'pneumonia', 'cellulitis LLE'])}, MRN {mrn(r)}"; return m
def HP_keywords_registry(r):
    p = patient(r, 40, 90); site = r.choice(SITES); m, o, s = hmsg(r, "registry", "Casefinding question")
    m["Keywords"] = f"casefinding, {site[0]}, {ascii_of(p.family)} {ascii_of(p.given)}, DOB {p.dob:%Y%m%d}, accession {TODAY.year}{digits(r, 5)}"; return m
def HP_comments_mohs(r):
    p = patient(r, 60, 92); m, o, s = hmsg(r, "mohs", "Call back")
    m["Comments"] = f"Pt {p.plain()} called - flap dusky, restarted Eliquis; DOB {fd(p.dob, 'm/d/yy')}"; return m
def HP_subj_es(r):
    c = infant(r, 400, 2000); c.given = r.choice(POOLS["latam"][0 if c.sex == "F" else 1]); c.family = r.choice(POOLS["latam"][2])
    m, o, s = hmsg(r, "lead", f"Resultado de plomo {r.choice([8, 12, 14, 19])} µg/dL - {c.given} {c.family}, fecha de nac. {fd(c.dob, 'dmy')}"); return m
def HP_subj_lower(r):
    p = patient(r, 40, 85); d = p.dob
    m, o, s = hmsg(r, "infusion", f"fwd: abx stop date for {p.title().lower()} (born {MONTHS[d.month - 1][:3].lower()} {d.day} {d.year}) - ok to pull picc friday?"); return m
def HP_x_me(r):
    d = patient(r, 20, 80); m, o, s = hmsg(r, "me", "Records")
    m["X-ME-Case"] = f"{me_case(r)} decedent {ascii_of(d.caps())} DOB {fd(d.dob, 'mdy')} suspected {r.choice(['fentanyl toxicity', 'hypothermia', 'fall'])}"; return m
def HP_to_mbi(r):
    p = patient(r, 66, 92); o = org(r, "podiatry")
    m, o, s = hmsg(r, "podiatry", "Claim question", to=Address(display_name=f"Podiatry Billing (re: {ascii_of(p.family).upper()}, {ascii_of(p.given).upper()} MBI {mbi(r)})", addr_spec=f"billing@{o.dom}")); return m
def HP_x_fax(r):
    p = patient(r, 50, 85); m, o, s = hmsg(r, "rehab", "Fax confirmation")
    m["X-Fax-Subject"] = f"Rehab ITP for signature - {p.family}, {p.given} - {r.choice(['I21.4', 'Z95.1', 'Z95.5'])} - DOB {fd(p.dob, 'mdy')}"; return m
def HP_subj_caps_bb(r):
    p = patient(r, 25, 85); ab = r.choice(["K", "E", "JKA", "FYA"])
    m, o, s = hmsg(r, "bloodbank", f"ANTI-{ab} IDENTIFIED - NEED {ab}-NEG UNITS - {ascii_of(p.caps())} MRN {mrn(r)}"); return m
def HP_cc_iis(r):
    c = infant(r, 400, 3000); cl = org(r, "clinic")
    m, o, s = hmsg(r, "iis", "Shot record request", cc=box(r, cl.dom, f"Shot record: {c.lf()} (DOB {c.dob.isoformat()}) PSIIS {iis_id(r)}")); return m
def HP_x_context(r):
    p = patient(r, 50, 90); m, o, s = hmsg(r, "anticoag", "Message from the EHR")
    m["X-Patient-Context"] = f"MRN={mrn(r)}; PT={ascii_of(p.hl7())}; DOB={p.dob:%Y%m%d}; DX=Z79.01,I48.91; ENC={csn(r)}"; return m
def HP_subj_gdm(r):
    p = patient(r, 20, 40, sex="F"); m, o, s = hmsg(r, "mnt", f"GDM follow-up: {p.family}, {p.given} {r.randint(28, 36)} wks - fasting BGs {r.randint(96, 104)}-{r.randint(105, 120)}"); return m
HDR_PHI = [HP_subj_inr, HP_cc_nbs, HP_from_otp, HP_replyto_opat, HP_x_poison, HP_x_opo, HP_x_rpm, HP_thread_hah, HP_keywords_registry, HP_comments_mohs, HP_subj_es, HP_subj_lower,
           HP_x_me, HP_to_mbi, HP_x_fax, HP_subj_caps_bb, HP_cc_iis, HP_x_context, HP_subj_gdm]

def HC_caps(r): m, o, s = hmsg(r, "nbs", f"LAB CLOSED {fd(Dt(TODAY.year, 12, 25), 'm/d/yy')[:5]} - COURIER PICKUP MOVED TO 1400 ON {fd(Dt(TODAY.year, 12, 24), 'mdy')}"); return m
def HC_to_emp(r):
    t = staff(r); o = org(r); m, o, s = hmsg(r, o.kind, "Badge access update", to=Address(display_name=f"{t.family}, {t.given} (Emp #{digits(r, 6)})", addr_spec=mailbox(t, o.dom))); return m
def HC_from_vendor(r):
    v = vendor(r, "Pinnacle Pumps"); m, o, s = hmsg(r, "infusion", "Statement", from_name=f"{v.short} re: INV-{digits(r, 6)} - December rental"); return m
def HC_replyto_payroll(r):
    t = staff(r); m, o, s = hmsg(r, "hospital", "W-2 address changes due Friday"); m["Reply-To"] = Address(display_name=f"Payroll - {t.family}, {t.given} (ext {r.randint(2000, 7999)})", addr_spec=f"payroll@{o.dom}"); return m
def HC_x_po(r): m, o, s = hmsg(r, "bloodbank", "Order confirmation"); m["X-PO-Number"] = f"PO{digits(r, 7)}; vendor Crestline Lab Supply; lot {lot(r)}; exp {soon(r, 100, 500).isoformat()}"; return m
def HC_x_ticket(r): m, o, s = hmsg(r, "otp", "Ticket update"); m["X-Ticket"] = f"INC{digits(r, 7)} | label printer dosing room | asset {serial(r, 'PR')} | tech {staff(r).plain()}"; return m
def HC_x_route(r):
    d = staff(r); m, o, s = hmsg(r, "nbs", "Courier schedule"); m["X-Courier-Route"] = f"Route {r.randint(1, 9)} | Van {r.randint(10, 40)} | driver {d.plain()} | pickup {clock(r, 10, 16)}"; return m
def HC_thread_cryostat(r): m, o, s = hmsg(r, "mohs", "RE: service visit"); m["Thread-Topic"] = f"Cryostat service visit - SN {serial(r, 'CS')} - {fd(soon(r, 2, 9), 'mdy')}"; return m
def HC_keywords(r): m, o, s = hmsg(r, "bloodbank", "Reagent lots"); m["Keywords"] = f"reagent lots, anti-D lot {lot(r)}, screening cells lot {lot(r)}, expiry {soon(r, 60, 300).isoformat()}"; return m
def HC_comments(r): m, o, s = hmsg(r, "nicu", "Reunion RSVP"); m["Comments"] = f"RSVP via web form - NICU graduate reunion - {r.randint(1, 2)} adults, {r.randint(1, 4)} kids - contact {staff(r).plain()}"; return m
def HC_subj_es(r): m, o, s = hmsg(r, "mnt", f"Reunión de personal - jueves {fd(soon(r, 1, 7), 'dmy')} a las 8:00"); return m
def HC_bday(r): t = staff(r); m, o, s = hmsg(r, "rehab", f"Cake for {t.given} - turns {r.choice([40, 50, 60])} on {fd(soon(r, 1, 6), 'm/d/yyyy')}!"); return m
def HC_training(r): m, o, s = hmsg(r, "hospital", "HIPAA refresher - sample SSN 078-05-1120 and MBI 1EG4-TE5-MK73 appear in module 3 (training data)"); return m
def HC_x_registry(r): m, o, s = hmsg(r, "registry", "Submission confirmation"); m["X-Registry-Batch"] = f"NAACCR submission {TODAY:%Y-%m}; {r.randint(200, 700)} records; 0 errors; {r.randint(0, 12)} warnings"; return m
def HC_subj_form(r): m, o, s = hmsg(r, "nbs", f"fwd: card rev {fd(past(r, 20, 60), 'mdy')[:2]}/{TODAY.year} - date of birth box now separate from time of birth"); return m
def HC_cc_ap(r):
    v = vendor(r); m, o, s = hmsg(r, "onp", "Invoice", cc=Address(display_name=f"Accounts Payable - Acct {digits(r, 5)}-{r.randint(1, 9)}", addr_spec=f"ap@{v.dom}")); return m
def HC_x_fax(r): m, o, s = hmsg(r, "podiatry", "Fax sent"); m["X-Fax-Subject"] = f"Fax cover - PO {digits(r, 7)} confirmation - {vendor(r, 'Meridian O&P Supply').name}"; return m
def HC_caps_cred(r):
    d = staff(r, "MD"); m, o, s = hmsg(r, "payer", f"CREDENTIALING: {ascii_of(d.family).upper()}, {ascii_of(d.given).upper()} MD - NPI {npi(r)} - TIN {org(r, 'clinic').tin} - EFFECTIVE {fd(soon(r, 10, 40), 'mdy')}"); return m
def HC_x_firmware(r): m, o, s = hmsg(r, "rpm", "Firmware rollout"); m["X-Device-Firmware"] = f"BT105 fw 3.4.1 wave {r.randint(1, 4)} (IMEI range 35{digits(r, 6)}xxxxxx) start {soon(r, 1, 7).isoformat()}"; return m
HDR_CLEAN = [HC_caps, HC_to_emp, HC_from_vendor, HC_replyto_payroll, HC_x_po, HC_x_ticket, HC_x_route, HC_thread_cryostat, HC_keywords, HC_comments, HC_subj_es, HC_bday, HC_training,
             HC_x_registry, HC_subj_form, HC_cc_ap, HC_x_fax, HC_caps_cred, HC_x_firmware]

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
        self.k += 1; stem = f"b18x{self.k:04d}"; src = os.path.join(self.tmp, kind, "src", f"{stem}.{ext}")
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
    return r.choice([f"{stem}.{ext}", f"{stem}_{TODAY:%Y%m%d}.{ext}", f"{doc.o.initials()}_{stem}.{ext}", f"SCAN_{TODAY:%Y%m%d}_{digits(r, 6)}.{ext}", f"{stem.lower()}_{TODAY:%m%d}.{ext}",
                     f"doc{digits(r, 5)}.{ext}", f"{doc.o.initials()}{digits(r, 4)}.{ext}", f"{stem} ({TODAY:%m-%d-%Y}).{ext}"])
def make_attachment(r, jobs, carrier, doc, name, label):
    logo = r.random() < (0.45 if label == "clean" else 0.12); pdf_name = file_name(r, doc, "pdf")
    if carrier == "pdf-reportlab": return pdf_name, within_two_pages(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return pdf_name, within_two_pages(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return pdf_name, ps_pdf(jobs, r, doc, name)
        if x < 0.7: return pdf_name, scrub_pdf(jobs.distill(within_two_pages(lambda d: (rl_pdf if r.random() < 0.5 else fp_pdf)(r, d), doc)), name)
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
        folder = r.choice(["", "", "", "outbound/", f"{TODAY:%Y%m%d}/", "Reports/", "secure-transfer/"])
        return r.choice(["attachments.zip", f"encrypted_{digits(r, 6)}.zip", f"{doc.cat}.zip", f"{doc.o.initials()}_{TODAY:%Y%m%d}.zip", "Files.zip"]), make_zip([(folder + file_name(r, doc, ext), data)])
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
        part.set_boundary(f"=_b18_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b18-"); jobs = LOJobs(tmp); made = []; rows = []
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
    print(f"wrote {len(rows)} batch-18 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
