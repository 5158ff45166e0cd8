#!/usr/bin/python3
"""Batch 14 of the blind DLP corpus: b14-0001.eml ... b14-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a fourteenth author from BRIEF.md (see README "Batch 14").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b13.py's wiring.

Voices: an academic medical center, a rural critical-access hospital, a pediatric practice, a behavioral-health agency,
a skilled-nursing facility, a payer's utilization-management team and a billing vendor -- terse hand-offs, threads
with the PHI deep in the quoted part, mobile mail, calendar notices, lab/imaging/pathology, referrals and consult
replies, transitions of care, payer letters, patient letters and portal replies, interpreter and transport
coordination, and lists of every kind.  Hard clean look-alikes of every kind.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261215
R = random.Random(SEED)
PREFIX = "b14-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 15)

# ================================================================== small helpers
def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", lat1(str(s))) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def luhn_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn_digit("80840" + b)
def ssn(r):
    a = r.choice([x for x in range(1, 900) if x != 666])
    return f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    an = MBI_L + "0123456789"
    s = f"{r.randint(1, 9)}{r.choice(MBI_L)}{r.choice(an)}{r.randint(0, 9)}{r.choice(MBI_L)}{r.choice(an)}{r.randint(0, 9)}{r.choice(MBI_L)}{r.choice(MBI_L)}{r.randint(0, 9)}{r.randint(0, 9)}"
    if dash is None: dash = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def mrn(r): return r.choice([dg(r, 7), f"CU{dg(r, 8)}", f"{dg(r, 3)}-{dg(r, 4)}", f"SV{dg(r, 6)}", dg(r, 9), f"E{dg(r, 7)}"])
def memid(r): return r.choice([f"KSH{dg(r, 9)}", f"{dg(r, 9)}01", f"W{dg(r, 8)}", f"KS-{dg(r, 4)}-{dg(r, 5)}", f"ZQX{dg(r, 8)}"])
def acct(r): return r.choice([dg(r, 9), f"A{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}", f"LRP{dg(r, 7)}"])
def claimno(r): return r.choice([dg(r, 13), f"26{dg(r, 3)}{dg(r, 8)}", f"C{dg(r, 12)}"])
def authno(r): return r.choice([f"UM{dg(r, 8)}", f"A26-{dg(r, 6)}", f"PA{dg(r, 7)}"])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"])
def phone(r): return f"({r.choice(['406', '509', '541', '208', '971', '360'])}) {r.randint(201, 989)}-{dg(r, 4)}"
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fd(d, st="mdy"):
    m3 = MON[d.month - 1][:3]
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "iso": f"{d:%Y-%m-%d}", "dmon": f"{d.day:02d}-{m3}-{d.year}",
            "long": f"{MON[d.month - 1]} {d.day}, {d.year}", "compact": f"{d:%Y%m%d}", "spaced": f"{d:%m %d %Y}", "born": f"born {d.day} {MON[d.month - 1]} {d.year}",
            "DMON": f"{d.day:02d}{m3.upper()}{d.year}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}", "dash": f"{d:%m-%d-%Y}", "abbr": f"{m3} {d.day} {d.year}",
            "md": f"{d.month}/{d.day}", "es": f"{d.day} de {MES[d.month - 1]} de {d.year}", "esn": f"{d:%d/%m/%Y}", "wk": f"{d:%a} {d.month}/{d.day}"}[st]
DOBST = ["mdy", "mdy", "m/d/yy", "iso", "dmon", "long", "compact", "spaced", "born", "DMON", "m/d/yyyy", "dash", "abbr"]
def tm(r): return f"{r.choice([6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5])}:{r.choice(['00', '10', '15', '30', '40', '45'])} {r.choice(['AM', 'PM'])}"

# ================================================================== people
NAMES = {
    "pac": (["Sione", "Malia", "Losaline", "Tevita", "Leilani", "Keoni", "Mele", "Iosefa", "Kalani", "Ana Lupe"], ["Tuilagi", "Faleolo", "Taufa", "Fifita", "Kahananui", "Kealoha", "Leota", "Tupou", "Aumua", "Sablan", "Fonoti", "Mafileo"]),
    "vi": (["Lan", "Minh", "Thảo", "Hùng", "Phương", "Tuấn", "Hạnh", "Quang"], ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"]),
    "so": (["Abdirahman", "Hodan", "Fadumo", "Mohamed", "Ayaan", "Abdiwali", "Hamdi", "Sahra", "Liban"], ["Warsame", "Farah", "Mohamed", "Hassan", "Osman", "Abdi", "Yusuf", "Egal", "Jama"]),
    "nav": (["Lorenzo", "Darlene", "Shaun", "Tanya", "Wilson", "Roberta", "Kee", "Marilyn", "Delbert"], ["Begay", "Yazzie", "Tsosie", "Nez", "Benally", "Etsitty", "Manygoats", "Tohannie", "Bitsui", "Largo"]),
    "ru": (["Svetlana", "Dmitri", "Oksana", "Yevgeny", "Anastasia", "Pyotr", "Lyudmila", "Galina", "Arkady"], ["Kuznetsov", "Volkov", "Smirnov", "Orlov", "Lebedev", "Sokolov", "Zaitsev", "Belyakov"]),
    "fil": (["Maria Luz", "Jose Ramon", "Rowena", "Ma. Cristina", "Rodel", "Jocelyn", "Arnel", "Marivic", "Ferdinand"], ["dela Cruz", "Bautista", "Macaraeg", "de los Santos", "Villanueva", "Dimaculangan", "Pangilinan", "Sarmiento"]),
    "pt": (["João", "Maria da Conceição", "Rui", "Graça", "Tiago", "Fernanda", "Conceição", "Duarte"], ["Pereira da Silva", "dos Santos", "Medeiros", "Furtado", "Rebelo", "Sousa Cabral", "Amaral", "Tavares"]),
    "ht": (["Mackenson", "Widline", "Jean-Robert", "Nadège", "Fritznel", "Guerline", "Wislande", "Jean-Claude", "Rose-Mithe"], ["Jean-Baptiste", "Pierre-Louis", "Joseph", "Célestin", "Dorvil", "Saint-Fleur", "Exantus", "Métellus"]),
    "ko": (["Min-jun", "Ji-woo", "Seo-yeon", "Hyun-woo", "Eun-ji", "Sang-hoon", "Mi-kyung", "Dong-hyun"], ["Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Yoon", "Han"]),
    "us": (["Brittany", "Cody", "Tammy", "Dwayne", "Kayla", "Earl", "Shelby", "Rhonda", "Travis", "Wanda"], ["Hollister", "McCrory", "Pruitt", "Whitfield", "Dunaway", "Sizemore", "O'Bannon", "Van Buskirk", "LaRue", "Kowalczyk"]),
}
MIDDLE = {"vi": ["Thị", "Văn", "Ngọc", "Đức", "Minh"], "ru": ["Ivanovna", "Sergeyevich", "Petrovna", "Nikolaevich", "A."], "so": ["Ali", "Nur", "Aden", "Ismail"]}
NICK = {"Jose Ramon": "Jojo", "Ferdinand": "Bongbong", "Rodel": "Dodong", "Dmitri": "Dima", "Yevgeny": "Zhenya", "Anastasia": "Nastya", "Lorenzo": "Ren",
        "Mackenson": "Mack", "Rowena": "Weng", "Abdirahman": "Abdi", "Tevita": "Vita", "Cody": "Bubba", "Ma. Cristina": "Tina", "Jean-Robert": "Bobby", "Kayla": "Kay"}
FEM = {"Malia", "Losaline", "Leilani", "Mele", "Kalani", "Ana Lupe", "Lan", "Thảo", "Phương", "Hạnh", "Hodan", "Fadumo", "Ayaan", "Hamdi", "Sahra", "Darlene", "Tanya", "Roberta", "Marilyn",
       "Svetlana", "Oksana", "Anastasia", "Lyudmila", "Galina", "Maria Luz", "Rowena", "Ma. Cristina", "Jocelyn", "Marivic", "Maria da Conceição", "Graça", "Fernanda", "Conceição",
       "Widline", "Nadège", "Guerline", "Wislande", "Rose-Mithe", "Ji-woo", "Seo-yeon", "Eun-ji", "Mi-kyung", "Brittany", "Tammy", "Kayla", "Shelby", "Rhonda", "Wanda"}
FOLD = str.maketrans({"ʻ": "", "’": "'", "Đ": "D", "đ": "d"})
class Person:
    def __init__(self, r, lo=0, hi=95, staff=False, culture=None):
        self.cul = culture or r.choice(list(NAMES)); gv, fm = NAMES[self.cul]
        self.given, self.family = r.choice(gv), r.choice(fm)
        if self.cul == "ru" and self.given in FEM: self.family += "a"
        self.sex = "F" if self.given in FEM else "M"
        mids = [x for x in MIDDLE.get(self.cul, []) if not (self.cul == "ru" and x.endswith("ch" if self.sex == "F" else "na"))] or ["A."]
        if self.cul == "vi": mids = [x for x in mids if x != ("Văn" if self.sex == "F" else "Thị")]
        self.mid = r.choice(mids) if self.cul in MIDDLE and r.random() < 0.6 else r.choice("ABCDEJKLMRST") + "." if r.random() < 0.35 else ""
        self.suffix = r.choice(["Jr.", "Sr.", "III", "II"] if lo >= 30 else ["Jr.", "III"]) if self.cul in ("us", "nav", "fil") and self.sex == "M" and r.random() < 0.18 and not staff else ""
        if self.cul == "so" and r.random() < 0.4: self.family = r.choice(fm) + " " + self.family if r.random() < 0.5 else self.family
        self.nick = NICK.get(self.given) if r.random() < 0.5 else None
        age = r.randint(lo, hi); self.dob = TODAY - TD(days=age * 365 + r.randint(0, 364))
        self.phone = phone(r); self.addr = f"{r.randint(12, 9899)} {r.choice(['Juniper', 'Old Mill', 'Canyon View', 'Tamarack', 'Lakeshore', 'Route 9', 'Chief Joseph', 'Orchard'])} {r.choice(['Rd', 'St', 'Dr', 'Ln', 'Ave'])}, {r.choice(['Ellisford', 'Sagebrush Flat', 'Port Wenham', 'Tillicum', 'Kettle Falls', 'Marlow Bay'])}, {r.choice(['WA', 'OR', 'ID', 'MT'])} {r.randint(83001, 99399)}"
        self.email = f"{asc(self.given).split()[0].lower().replace('-', '')}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'])}"
    def age(self): return (TODAY - self.dob).days // 365
    def native(self): return f"{self.family} {self.mid + ' ' if self.mid and self.cul == 'vi' else ''}{self.given}" if self.cul in ("vi", "ko") else self.fl()
    def fl(self): return f"{self.given}{' ' + self.mid if self.mid and self.cul not in ('vi',) else ''} {self.family}{' ' + self.suffix if self.suffix else ''}"
    def short(self): return f"{self.given} {self.family}"
    def lf(self): return f"{self.family}{' ' + self.suffix if self.suffix else ''}, {self.given}{' ' + self.mid if self.mid else ''}"
    def LF(self): return self.lf().upper()
    def FL(self): return self.fl().upper()
    def ini(self): return f"{self.given[0]}. {self.mid[0] + '. ' if self.mid else ''}{self.family}"
    def nk(self): return f'{self.given} "{self.nick}" {self.family}' if self.nick else self.short()
    def hl7(self): return f"{asc(self.family).upper()}^{asc(self.given).upper()}^{asc(self.mid[:1]).upper()}^{self.suffix.rstrip('.').upper()}"
    def mrs(self): return f"{'Ms.' if self.sex == 'F' else 'Mr.'} {self.family}"
def pname(r, p): return r.choice([p.fl(), p.lf(), p.LF(), p.short(), p.FL(), p.nk(), p.ini(), p.native(), p.lf()])
def staffer(r): return Person(r, 24, 66, staff=True)
CREDS = ["MD", "DO", "NP", "PA-C", "RN", "LCSW", "LPC", "PharmD", "RN, CCM"]
def clin(r): p = staffer(r); p.cred = r.choice(CREDS[:4]); return p
def dr(p): return f"{p.given[0]}. {p.family}, {getattr(p, 'cred', 'MD')}"

# ================================================================== organisations
class Org:
    def __init__(self, kind, name, short, dom, ehr, addr, tel):
        self.kind, self.name, self.short, self.dom, self.ehr, self.addr = kind, name, short, dom, ehr, addr
        self.phone = tel; self.fax = tel[:-4] + str(int(tel[-4:]) + 7).zfill(4)[-4:]; self.npi = npi(R)
ORGS = [Org("amc", "Cascadia University Medical Center", "CUMC", "cascadiaumc.org", "Epic", "1400 Foundry Hill Rd, Tillicum, WA 98402", "(253) 555-0140"),
        Org("cah", "Sagebrush Valley Critical Access Hospital", "Sagebrush Valley", "sagebrushvalleyhosp.org", "Meditech Expanse", "22 Depot St, Sagebrush Flat, MT 59263", "(406) 555-0122"),
        Org("peds", "Little Harbor Pediatrics", "Little Harbor Peds", "littleharborpeds.com", "athenaOne", "880 Wharf Ave Ste 3, Port Wenham, WA 98368", "(360) 555-0188"),
        Org("bh", "Riverbend Behavioral Health Services", "Riverbend BHS", "riverbendbhs.org", "Credible", "310 Ferry Landing, Kettle Falls, WA 99141", "(509) 555-0176"),
        Org("snf", "Maple Terrace Nursing & Rehabilitation", "Maple Terrace", "mapleterrace-snf.com", "PointClickCare", "45 Arbor Ct, Ellisford, OR 97016", "(971) 555-0131"),
        Org("payer", "Keystone Summit Health Plan", "Keystone Summit", "keystonesummithp.com", "Jiva UM", "PO Box 40712, Boise, ID 83711", "(208) 555-0160"),
        Org("billing", "Ledgerline Revenue Partners", "Ledgerline", "ledgerlinerev.com", "Ledgerline AR", "9 Ridgeway Plaza, Marlow Bay, OR 97420", "(541) 555-0109")]
VENDORS = [Org("vendor", "Brightwater Medical Supply", "Brightwater", "brightwatermed.com", "-", "700 Commerce Loop, Tacoma, WA 98421", "(253) 555-0199"),
           Org("vendor", "Quillon Health IT", "Quillon", "quillonhit.com", "-", "55 Cedar Park, Spokane, WA 99201", "(509) 555-0150"),
           Org("vendor", "Mesa Ride Medical Transport", "Mesa Ride", "mesaride.com", "-", "12 Airport Way, Missoula, MT 59808", "(406) 555-0193"),
           Org("vendor", "LinguaBridge Interpreting", "LinguaBridge", "linguabridge.net", "-", "200 Harbor St, Portland, OR 97204", "(971) 555-0117")]
def org(r, kind=None):
    if kind: return [o for o in ORGS + VENDORS if o.kind == kind][0] if kind != "vendor" else r.choice(VENDORS)
    return r.choice(ORGS)
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])

# ================================================================== clinical facts
DX = {"amc": [("I21.4", "NSTEMI", "heparin drip, cath lab in the morning"), ("C50.911", "malignant neoplasm of right breast", "starts AC-T"), ("C18.2", "adenocarcinoma of ascending colon", "right hemicolectomy"),
              ("I63.9", "acute ischemic stroke", "tPA given, neuro checks q1h"), ("A41.9", "sepsis, unspecified organism", "pip-tazo, lactate trending down"), ("N17.9", "acute kidney injury", "holding lisinopril")],
      "cah": [("J18.9", "community-acquired pneumonia", "ceftriaxone 1 g daily"), ("S72.001A", "right femoral neck fracture", "needs ortho - transfer"), ("J44.1", "COPD exacerbation", "prednisone 40 mg x5d"),
              ("E10.10", "type 1 diabetes with DKA", "insulin drip"), ("I50.23", "acute on chronic systolic heart failure", "furosemide 40 mg IV BID")],
      "peds": [("J45.909", "asthma, unspecified", "albuterol HFA with spacer"), ("J21.0", "RSV bronchiolitis", "nasal suction, supportive"), ("H66.91", "acute otitis media, right ear", "amoxicillin 400 mg/5 mL"),
               ("F90.0", "ADHD, predominantly inattentive", "methylphenidate ER 18 mg"), ("Z77.011", "lead exposure", "venous lead 12 mcg/dL"), ("R56.00", "simple febrile seizure", "EEG not needed, recheck")],
      "bh": [("F32.A", "depression, unspecified", "sertraline 50 mg"), ("F41.1", "generalized anxiety disorder", "buspirone 10 mg BID"), ("F20.9", "schizophrenia", "paliperidone LAI monthly"),
             ("F10.20", "alcohol use disorder, moderate", "naltrexone 50 mg"), ("F43.10", "PTSD", "prazosin 2 mg at bedtime"), ("F31.9", "bipolar disorder", "lithium level 1.4")],
      "snf": [("L89.153", "stage 3 sacral pressure injury", "wound vac"), ("G30.1", "late-onset Alzheimer's disease", "donepezil 10 mg"), ("Z96.651", "s/p right TKA", "PT/OT 5x/week"),
              ("N39.0", "urinary tract infection", "nitrofurantoin 100 mg BID"), ("R29.6", "repeated falls", "bed alarm, PT eval")],
      "payer": [("M17.11", "primary osteoarthritis, right knee", "TKA requested"), ("M54.16", "lumbar radiculopathy", "MRI L-spine requested"), ("G47.33", "obstructive sleep apnea", "CPAP auto-titration"),
                ("E66.01", "morbid obesity", "bariatric surgery request"), ("I48.91", "atrial fibrillation", "ablation requested")],
      "billing": [("E11.9", "type 2 diabetes", "office visit 99214"), ("I10", "essential hypertension", "99213"), ("K35.80", "acute appendicitis", "laparoscopic appendectomy 44970"), ("D50.9", "iron deficiency anemia", "iron infusion J1756")]}
LABS = [("Hemoglobin", "6.8 g/dL", "critical"), ("Potassium", "6.3 mmol/L", "critical"), ("Troponin I", "0.48 ng/mL", "high"), ("Hemoglobin A1c", "9.6 %", "high"), ("INR", "4.2", "critical"),
        ("Lead, venous", "12 mcg/dL", "high"), ("Lithium", "1.6 mmol/L", "high"), ("TSH", "11.4 mIU/L", "high"), ("BNP", "1,380 pg/mL", "high"), ("Sodium", "121 mmol/L", "critical"), ("Lactate", "4.1 mmol/L", "critical")]
IMG = [("CT head w/o contrast", "Acute infarct in the left MCA territory. No hemorrhage."), ("MRI lumbar spine", "L4-5 disc extrusion contacting the traversing left L5 nerve root."),
       ("Chest X-ray 2 views", "Right lower lobe consolidation consistent with pneumonia."), ("Ultrasound RUQ", "Cholelithiasis with gallbladder wall thickening; findings suggest acute cholecystitis."),
       ("CT abdomen/pelvis with contrast", "Dilated appendix 11 mm with periappendiceal stranding, consistent with acute appendicitis."), ("Mammogram, diagnostic", "3.1 cm irregular spiculated mass, right breast 10 o'clock. BI-RADS 5.")]
PATH = [("Right breast, 10:00, core biopsy", "Invasive ductal carcinoma, grade 2; ER positive, PR positive, HER2 negative (1+)"), ("Colon, ascending, biopsy", "Invasive adenocarcinoma, moderately differentiated"),
        ("Skin, left cheek, shave", "Basal cell carcinoma, nodular type, margins involved"), ("Prostate, 12-core biopsy", "Adenocarcinoma, Gleason 3+4=7 (Grade Group 2) in 4 of 12 cores"),
        ("Appendix, appendectomy", "Acute suppurative appendicitis with periappendicitis")]
LANGS = ["Somali", "Vietnamese", "Russian", "Tongan", "Samoan", "Haitian Creole", "Korean", "Portuguese", "Tagalog", "Navajo", "Spanish"]
CUL_LANG = {"so": "Somali", "vi": "Vietnamese", "ru": "Russian", "pac": "Tongan", "ht": "Haitian Creole", "ko": "Korean", "pt": "Portuguese", "fil": "Tagalog", "nav": "Navajo"}

class Case:
    def __init__(self, r, kind=None, lo=None, hi=None):
        self.o = org(r, kind) if kind else r.choice(ORGS[:5]); k = self.o.kind
        lo, hi = lo if lo is not None else {"peds": 0, "snf": 68}.get(k, 19), hi if hi is not None else {"peds": 17, "snf": 98}.get(k, 89)
        self.p = Person(r, lo, hi); self.dx = r.choice(DX[k if k in DX else "amc"]); self.doc = clin(r)
        self.mrn, self.mem, self.acct, self.claim, self.ssn, self.mbi, self.auth = mrn(r), memid(r), acct(r), claimno(r), ssn(r), mbi(r), authno(r)
        self.csn = dg(r, 10); self.fin = dg(r, 8)
        self.dos = TODAY - TD(days=r.randint(1, 40)); self.nxt = TODAY + TD(days=r.randint(1, 30)); self.lab = r.choice(LABS)
    def code(self): return self.dx[0]
    def dxs(self): return f"{self.dx[1]} ({self.dx[0]})"
    def lang(self): return CUL_LANG.get(self.p.cul, "Spanish")

LBL = {"name": ["Patient", "Pt Name", "Patient Name", "Name", "Member", "Resident", "Client", "Pt", "PATIENT"],
       "dob": ["DOB", "D.O.B.", "Date of Birth", "Birth Date", "DOB/Age", "Birthdate", "Pt DOB", "Born"],
       "mrn": ["MRN", "Med Rec #", "Medical Record No.", "MR#", "Chart #", "Patient ID", "EMR ID", "Hosp #"],
       "mem": ["Member ID", "Mbr ID", "Member #", "Subscriber ID", "Insured's ID Number", "ID#", "Subscriber No.", "Plan Member ID"],
       "acct": ["Acct #", "Account No.", "Guarantor Acct", "HAR", "Pt Acct", "Account"],
       "claim": ["Claim #", "Claim No.", "ICN", "Payer Claim #", "Clm Nbr"],
       "enc": ["CSN", "FIN", "Encounter #", "Visit ID", "Enc No."],
       "ssn": ["SSN", "Social Security #", "SS#", "Soc. Sec. No."],
       "mbi": ["MBI", "Medicare ID", "Medicare Beneficiary ID", "Medicare #"],
       "dx": ["Dx", "Diagnosis", "Primary Dx", "ICD-10", "Reason", "Problem"],
       "phone": ["Phone", "Ph", "Home phone", "Cell", "Contact #"],
       "addr": ["Address", "Home address", "Pickup address", "Addr"]}
def L(r, k): return r.choice(LBL[k])
def dob_s(r, p, st=None):
    s = fd(p.dob, st or r.choice(DOBST))
    return s + f" ({p.age()}y)" if r.random() < 0.2 and not s.startswith("born") else s
def ids(r, c, keys):
    out = [(L(r, "name"), pname(r, c.p))]
    for k in keys:
        v = {"dob": lambda: dob_s(r, c.p), "mrn": lambda: c.mrn, "mem": lambda: c.mem, "acct": lambda: c.acct, "claim": lambda: c.claim, "enc": lambda: c.csn,
             "ssn": lambda: c.ssn, "mbi": lambda: c.mbi, "dx": lambda: c.dxs(), "phone": lambda: c.p.phone, "addr": lambda: c.p.addr}[k]()
        out.append((L(r, k), v))
    return out

# ================================================================== document model
class Doc:
    def __init__(self, cat, title, o, blocks, subject=None, kind="narr"):
        self.cat, self.title, self.o, self.blocks, self.subject, self.kind = cat, title, o, blocks, subject, kind
    def cut(self, n):
        b = []
        for x in self.blocks:
            if x[0] == "table": b.append(("table", x[1], x[2][:n]))
            else: b.append(x)
        return Doc(self.cat, self.title, self.o, b, self.subject, self.kind)
def KV(r, items): return ("kv", items, r.choice(["colon", "colon", "aligned", "below", "pipe", "run", "dash"]))
def P(t): return ("p", t)
def H(t): return ("h", t)
def PRE(t): return ("pre", t)
def TBL(hdr, rows): return ("table", hdr, rows)

# ================================================================== PHI narratives
def P_handoff(r):
    c = Case(r, r.choice(["amc", "cah", "snf"])); p = c.p; b = r.choice(["bed 12", "rm 4", "ED bay 7", "3W-21", "ICU 6", "hall B rm 118"])
    t = r.choice([f"{b} - {p.short()} {p.age()}{p.sex}, {c.dx[1]}. {c.dx[2]}. {c.lab[0].lower()} {c.lab[1]} at {tm(r)}, {dr(c.doc)} aware. fam at bedside, speaks {c.lang()}.",
                  f"handing off {pname(r, p)} ({b}) - {c.dx[1]}, {c.dx[2]}. code status full. watch the {c.lab[0]} ({c.lab[1]}). needs {c.lang()} interp for AM rounds",
                  f"heads up: {p.nk()} back in {b}. {c.dx[1]} again - {c.dx[2]}. Pt asked that daughter not be told. pls chart by 1900"])
    return Doc("handoff-chatter", "handoff", c.o, [P(t), P(r.choice(["Sent from my iPhone", "Sent from my Galaxy", "-- sent from mobile, pls excuse typos", "Get Outlook for iOS"]))], subject=r.choice(["handoff", "fyi", "bed " + b.split()[-1], "night shift", "update", "pt update"]))
def P_calendar(r):
    c = Case(r); p = c.p; when = f"{fd(c.nxt, r.choice(['long', 'wk', 'mdy']))} at {tm(r)}"
    what = r.choice(["colonoscopy (prep instructions mailed)", "MRI brain w/wo contrast", "follow-up for " + c.dx[1], "2-week well-child check and vaccines", "intake with therapist", "cardiology consult"])
    return Doc("calendar-notice", "Appointment scheduled", c.o, [H("Appointment scheduled"), KV(r, ids(r, c, r.sample(["dob", "mrn", "phone"], 2)) + [("When", when), ("Visit", what), ("Provider", dr(c.doc)), ("Location", c.o.short + ", " + r.choice(["Clinic 2B", "Imaging, Level 1", "Suite 300", "Telehealth"]))]),
        P(r.choice(["Reminder call placed, left message on cell.", "Interpreter booked: " + c.lang() + ".", "Ride booked with Mesa Ride, pickup 60 min before.", "Invite sent to patient portal."]))], subject=r.choice(["Scheduled: ", "Appt booked - ", "Calendar: "]) + what.split(" (")[0])
def P_critlab(r):
    c = Case(r, r.choice(["amc", "cah", "peds", "bh"])); p = c.p; lab = c.lab
    return Doc("lab-critical", "Critical value notification", c.o, [H("CRITICAL VALUE - called to provider"), KV(r, ids(r, c, ["dob", "mrn", "enc"]) + [("Test", lab[0]), ("Result", f"{lab[1]} ({lab[2].upper()})"), ("Collected", f"{fd(TODAY - TD(days=r.randint(0, 2)), 'mdy')} {tm(r)}"), ("Called to", dr(c.doc)), ("Read back", "yes")]),
        P(f"Per lab policy the value was phoned within 30 minutes. Ordering dx: {c.dxs()}.")], subject="Critical value " + lab[0])
def P_imaging(r):
    c = Case(r, r.choice(["amc", "cah"])); p = c.p; st, imp = r.choice(IMG)
    return Doc("imaging-report", "Radiology report", c.o, [H(st.upper()), KV(r, ids(r, c, ["dob", "mrn"]) + [("Accession", f"RAD{dg(r, 8)}"), ("Exam date", fd(c.dos, "mdy")), ("Ordering", dr(c.doc))]),
        P("CLINICAL HISTORY: " + c.dx[1] + "."), P("IMPRESSION: " + imp), P(f"Electronically signed by {dr(clin(r))} on {fd(c.dos, 'mdy')}.")], subject="Rad report - " + r.choice([p.family, p.LF(), "your pt"]))
def P_path(r):
    c = Case(r, r.choice(["amc", "cah"]), 30, 85); p = c.p; site, dx = r.choice(PATH); acc = f"S26-{r.randint(1000, 29999)}"
    return Doc("pathology-report", "Surgical pathology report", c.o, [H("SURGICAL PATHOLOGY"), KV(r, ids(r, c, ["dob", "mrn"]) + [("Accession", acc), ("Received", fd(c.dos, "dmon")), ("Submitting", dr(c.doc))]),
        P("SPECIMEN: " + site), P("FINAL DIAGNOSIS: " + dx), P(r.choice(["Case to be presented at tumor board Thursday.", "Results released to the patient portal after 72 h.", "Dr. " + c.doc.family + " notified by phone."]))], subject=f"Path {acc}")
def P_referral(r):
    c = Case(r); p = c.p; spec = r.choice({"peds": ["Pediatric Pulmonology", "Developmental Pediatrics", "Pediatric ENT"], "bh": ["Psychiatry", "Addiction Medicine"]}.get(c.o.kind, ["Cardiology", "Gastroenterology", "Orthopedics", "Neurology", "Oncology", "Nephrology"]))
    return Doc("referral", "Referral", c.o, [H(f"Referral to {spec}"), KV(r, ids(r, c, r.sample(["dob", "mrn", "mem", "phone"], 3)) + [("Reason", c.dxs()), ("Urgency", r.choice(["routine", "urgent (within 7 days)", "stat"]))]),
        P(f"Dear colleague, I am referring {p.mrs() if r.random() < 0.5 else p.short()} for evaluation of {c.dx[1]}. Current treatment: {c.dx[2]}. Recent {c.lab[0]} {c.lab[1]}. Please call {c.o.phone} with questions."), P(dr(c.doc))], subject=f"Referral - {spec}")
def P_consult(r):
    c = Case(r, "amc"); p = c.p; pcp = clin(r)
    return Doc("consult-reply", "Consult note", c.o, [P(f"Dr. {pcp.family},"), P(f"Thank you for asking me to see {pname(r, p)} ({dob_s(r, p)}) regarding {c.dx[1]}. "
        f"Assessment: {c.dxs()}. Plan: {c.dx[2]}; return in {r.choice(['2 weeks', '6 weeks', '3 months'])}. I discussed the findings with the patient and {r.choice(['her husband', 'his son', 'their daughter', 'the family via ' + c.lang() + ' interpreter'])}."),
        P(f"Sincerely,\n{dr(c.doc)}\n{c.o.name}  MRN {c.mrn}")], subject="Consult reply")
def P_transition(r):
    c = Case(r, r.choice(["amc", "cah"]), 66, 96); p = c.p; snf = org(r, "snf")
    return Doc("discharge-transition", "Transition of care", c.o, [H("Discharge / transition of care"), KV(r, ids(r, c, ["dob", "mrn", "mbi"]) + [("Admit", fd(c.dos, "mdy")), ("Discharge", fd(TODAY, "mdy")), ("To", snf.name), ("Principal dx", c.dxs())]),
        P(f"Hospital course: admitted with {c.dx[1]}; {c.dx[2]}. Meds at discharge: {r.choice(['apixaban 5 mg BID', 'metoprolol 25 mg BID', 'insulin glargine 18 units nightly', 'furosemide 40 mg daily'])}. Code status: {r.choice(['DNR/DNI', 'full code', 'DNR, OK to intubate'])}."),
        P(f"Follow-up with {dr(c.doc)} in 1-2 weeks. Wound care and PT per attached orders.")], subject=f"Transition packet - {r.choice([p.LF(), p.family, 'tomorrow AM transfer'])}")
def P_um(r):
    c = Case(r, "payer"); p = c.p; days = r.randint(1, 5); fac = org(r, r.choice(["amc", "cah", "snf"]))
    return Doc("um-review", "Concurrent review", org(r, "payer"), [P(f"UM concurrent review - {fac.short}"), KV(r, ids(r, c, ["mem", "dob"]) + [("Auth #", c.auth), ("Level of care", r.choice(["inpatient acute", "SNF skilled", "observation"])), ("Dx", c.dxs()), ("Days approved", f"{days} (through {fd(TODAY + TD(days=days), 'md')})")]),
        P(r.choice(["Meets InterQual criteria day 3. Next review Thursday.", "Does not meet criteria for continued stay - sent to MD reviewer; P2P offered.", "Pending clinicals from the facility; please fax PT notes."]))], subject="Review " + c.auth)
def P_pa_letter(r):
    c = Case(r, "payer"); p = c.p; ok = r.random() < 0.5
    return Doc("pa-determination", "Prior authorization determination", org(r, "payer"), [P(f"{p.fl()}\n{p.addr}"), P(f"Dear {p.mrs()},"),
        P(f"We reviewed the request from {dr(c.doc)} for {c.dx[2]} for {c.dx[1]} (ICD-10 {c.code()}). The request is {'APPROVED from ' + fd(TODAY, 'long') + ' through ' + fd(TODAY + TD(days=90), 'long') if ok else 'DENIED because the records do not show 6 weeks of conservative treatment'}."),
        KV(r, [(L(r, "mem"), c.mem), ("Reference #", c.auth), ("Date of birth", fd(p.dob, r.choice(DOBST)))]), P("You may appeal within 60 days. Call Member Services at (208) 555-0160, TTY 711.")], subject="Authorization " + ("approved" if ok else "decision"))
def P_billing(r):
    c = Case(r, "billing"); p = c.p; bal = f"${r.randint(40, 4800)}.{dg(r, 2)}"; fac = org(r, r.choice(["amc", "cah", "peds"]))
    return Doc("billing-dispute", "Account note", org(r, "billing"), [P(f"Client: {fac.name}"), KV(r, ids(r, c, r.sample(["acct", "claim", "dob", "mem"], 3)) + [("DOS", fd(c.dos, "mdy")), ("Service", c.dx[2]), ("Balance", bal)]),
        P(r.choice([f"Guarantor called disputing the balance - says {p.given} was covered by Medicaid on the DOS. Please verify eligibility and re-bill.", "Denied CO-197 (no auth). UM ref not found; requesting retro auth.", f"Patient on payment plan; {r.choice(['son', 'wife', 'guardian'])} asked for itemized bill with dx {c.code()}."]))], subject="Acct " + c.acct)
def P_portal(r):
    c = Case(r, r.choice(["amc", "peds", "cah"])); p = c.p; lab = c.lab
    return Doc("portal-reply", "Portal reply", c.o, [P(f"Hi {p.given if r.random() < 0.5 else p.mrs()},"), P(r.choice([f"Your {lab[0]} came back at {lab[1]}, which is {lab[2]}. {dr(c.doc)} would like to adjust your treatment ({c.dx[2]}) and recheck in 2 weeks.",
        f"Dr. {c.doc.family} reviewed your message about your {c.dx[1]}. The plan stays the same for now ({c.dx[2]}); please come in {fd(c.nxt, 'wk')}.",
        f"{p.given}'s {lab[0].lower()} was {lab[1]}. We'd like to see {p.given} again on {fd(c.nxt, 'long')}."])), P(f"{c.o.short} care team\n(replying to MyChart message #{dg(r, 7)})")], subject="RE: question about my results")
def P_letter(r):
    c = Case(r); p = c.p
    sal = f"Dear parent or guardian of {p.given}," if c.o.kind == "peds" else f"Dear {p.mrs()},"
    return Doc("result-letter", "Result letter", c.o, [P(fd(TODAY, "long")), P(f"{p.fl()}\n{p.addr}"), P(sal),
        P(f"Your recent test results: {c.lab[0]} {c.lab[1]}. Based on this result and your history of {c.dx[1]}, please schedule a visit with {dr(c.doc)}."), P(f"{L(r, 'mrn')}: {c.mrn}"), P("Sincerely,\n" + c.o.name)], subject="Results letter")
def P_interp(r):
    c = Case(r, r.choice(["amc", "cah", "peds", "bh", "snf"])); p = c.p; lang = c.lang()
    return Doc("interpreter-transport", "Interpreter and ride", c.o, [P(r.choice(["Need interpreter + ride:", "Booking request:", "Please arrange:"])),
        KV(r, [(L(r, "name"), pname(r, p)), (L(r, "dob"), dob_s(r, p)), ("Language", lang + (" (dialect: Maay)" if lang == "Somali" and r.random() < 0.4 else "")), ("Appt", f"{fd(c.nxt, 'wk')} {tm(r)} - {c.dx[1]} follow-up"), (L(r, "addr"), p.addr), ("Mobility", r.choice(["wheelchair", "ambulatory", "stretcher", "walker"]))]),
        P(r.choice(["Pt is hard of hearing - in-person interpreter preferred.", "Call daughter first, pt does not answer unknown numbers.", "Medicaid trip, prior auth on file."]))], subject=f"{lang} interp + transport {fd(c.nxt, 'md')}")
def P_peds(r):
    c = Case(r, "peds"); p = c.p; par = Person(r, 22, 50, culture=p.cul)
    return Doc("peds-visit", "Visit summary", c.o, [P(f"Parent/guardian: {par.short()}"), KV(r, ids(r, c, ["dob", "mrn"]) + [("Visit", fd(c.dos, "mdy")), ("Dx", c.dxs()), ("Vaccines given", r.choice(["DTaP-IPV, MMRV", "influenza (quadrivalent)", "none - parent declined"]))]),
        P(f"Plan: {c.dx[2]}. School note given. Return {fd(c.nxt, 'long')}.")], subject=r.choice(["Visit summary", "School note", "Peds f/u"]))
def P_bh(r):
    c = Case(r, "bh", 16, 70); p = c.p
    return Doc("bh-followup", "Crisis follow-up", c.o, [P(r.choice([f"Client {p.short()} seen by mobile crisis last night. {c.dxs()}. Safety plan updated, denies SI today. {c.dx[2]}.",
        f"{p.nk()} missed LAI injection {fd(c.dos, 'md')}; sister says off meds 2 wks. {c.dx[1]}. Outreach today.", f"Intake done for {pname(r, p)} ({dob_s(r, p)}). Dx {c.code()}. ROI signed for PCP only."])),
        KV(r, [("Client ID", c.mrn), (L(r, "dob"), dob_s(r, p)), ("Clinician", f"{clin(r).short()}, LCSW")])], subject=r.choice(["crisis f/u", "client update", "intake"]))
def P_snf(r):
    c = Case(r, "snf"); p = c.p
    return Doc("snf-incident", "Resident update", c.o, [P(f"Resident: {pname(r, p)}   Room {r.randint(101, 260)}{r.choice('AB')}"), P(r.choice([f"Unwitnessed fall at {tm(r)}, found on floor next to bed. Small skin tear L forearm. Neuro checks started. Dx on file: {c.dxs()}.",
        f"Weekly wound measurement: sacrum 4.2 x 3.1 x 0.6 cm, {c.dx[1]}. {c.dx[2]}.", f"Family meeting re: {c.dx[1]}; daughter is POA. Hospice eval requested."])), KV(r, [(L(r, "dob"), dob_s(r, p)), (L(r, "mbi"), c.mbi)])], subject="Resident update - " + p.family)
def P_es(r):
    c = Case(r); p = c.p
    return Doc("spanish-phi", "Resultados", c.o, [P(f"Estimado/a {p.short()}:"), P(f"Sus resultados de {c.lab[0]} del {fd(c.dos, 'es')}: {c.lab[1]}. Diagnóstico: {c.dx[1]} ({c.code()})."),
        KV(r, [("Paciente", p.fl()), ("Fecha de nacimiento", fd(p.dob, r.choice(["esn", "es", "mdy"]))), (r.choice(["Número de expediente", "Número de afiliado"]), c.mrn)]), P("Llame a la clínica para su próxima cita.")], subject="Sus resultados")
def P_elig(r):
    c = Case(r, "billing"); p = c.p
    return Doc("eligibility-check", "Eligibility", org(r, "billing"), [P("Elig check for tomorrow's add-on:"), KV(r, ids(r, c, ["mem", "dob"]) + [("Payer", "Keystone Summit"), ("Status", r.choice(["ACTIVE", "TERMED " + fd(TODAY - TD(days=20), 'mdy')])), ("Copay", f"${r.choice([20, 35, 50])}"), ("Scheduled for", c.dx[2])])], subject="elig")
def P_transfer(r):
    c = Case(r, "cah"); p = c.p; amc = org(r, "amc")
    return Doc("rural-transfer", "Transfer request", c.o, [P(f"Transfer request to {amc.short} transfer center"), KV(r, ids(r, c, ["dob", "mrn"]) + [("Dx", c.dxs()), ("Vitals", f"BP {r.randint(80, 190)}/{r.randint(40, 110)}, HR {r.randint(50, 140)}, SpO2 {r.randint(84, 99)}%"), ("Mode", r.choice(["fixed wing", "ground ALS", "rotor"]))]),
        P(f"Accepting: {dr(clin(r))}. Pt's wife driving separately, phone {p.phone}.")], subject="Transfer - " + c.dx[1])
def P_refill(r):
    c = Case(r, r.choice(["bh", "peds", "amc"])); p = c.p
    return Doc("refill-request", "Refill request", c.o, [P(f"Refill request from pharmacy for {pname(r, p)}, {L(r, 'dob')} {dob_s(r, p)}:"), P(f"{c.dx[2]} - last filled {fd(c.dos, 'mdy')}, NDC {ndc(r)}. Indication {c.code()}."), P("OK to send 90-day? - MA")], subject="refill")
def P_nolabel(r):
    c = Case(r); p = c.p
    return Doc("nolabel-chatter", "note", c.o, [P(r.choice([f"{p.short()} called again about the {c.dx[1]} - she wants to know if {c.dx[2]} is causing the nausea.", f"Can someone call {p.given} {p.family} back? His {c.lab[0]} was {c.lab[1]} and he hasn't picked up the new script.",
        f"{p.FL()} - came in today, {c.dx[1]}, {c.dx[2]}. Wants copies sent to the school."])), P(r.choice(["thx", "ty!", "-K", "Sent from my iPhone"]))], subject=r.choice(["call back", "quick q", "pt message", "?"]))
PHI_NARR = [P_handoff, P_calendar, P_critlab, P_imaging, P_path, P_referral, P_consult, P_transition, P_um, P_pa_letter, P_billing, P_portal, P_letter, P_interp, P_peds, P_bh, P_snf, P_es, P_elig, P_transfer, P_refill, P_nolabel]

# ================================================================== PHI interchange
def hts(r, d): return f"{d:%Y%m%d}{r.randint(0, 23):02d}{r.choice(['04', '19', '33', '51'])}"
def R_adt(r):
    c = Case(r, r.choice(["amc", "cah", "snf"])); p = c.p; ev = r.choice(["A01", "A03", "A08", "A04"])
    msg = (f"MSH|^~\\&|{c.o.ehr.split()[0].upper()}|{asc(c.o.short).upper().replace(' ', '')}|HIE|STATE|{hts(r, TODAY)}||ADT^{ev}|{dg(r, 9)}|P|2.5.1\r"
           f"EVN|{ev}|{hts(r, TODAY)}\rPID|1||{c.mrn}^^^{asc(c.o.short).upper()[:4]}^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{asc(p.addr.split(',')[0])}^^{asc(p.addr.split(',')[1].strip())}^{p.addr.split(',')[2].split()[0]}^{p.addr.split()[-1]}||{re.sub('[^0-9]', '', p.phone)}|||||{c.fin}|{c.ssn.replace('-', '')}\r"
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['3W', 'ICU', 'ED', 'MED'])}^{r.randint(1, 40)}^A|||||{c.doc.npi if hasattr(c.doc, 'npi') else npi(r)}^{asc(c.doc.family).upper()}^{asc(c.doc.given).upper()}\r"
           f"DG1|1||{c.code()}^{c.dx[1]}^I10")
    return Doc("hl7-adt", "ADT", c.o, [P(r.choice(["Interface rejected this one, PID-7 ok?", "ADT from last night - duplicate?", "Here is the raw message:"])), PRE(msg.replace("\r", "\n"))], subject=f"ADT^{ev} error", kind="raw")
def R_oru(r):
    c = Case(r, r.choice(["amc", "cah", "peds"])); p = c.p; lab = c.lab; v, u = lab[1].split(" ", 1)
    msg = (f"MSH|^~\\&|LAB|{asc(c.o.short).upper().replace(' ', '')}|EHR|CLIN|{hts(r, TODAY)}||ORU^R01|{dg(r, 8)}|P|2.5.1\nPID|1||{c.mrn}^^^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}\n"
           f"OBR|1|{dg(r, 8)}|{dg(r, 8)}|{lab[0].upper().replace(' ', '')}||{hts(r, c.dos)}\nOBX|1|NM|{lab[0]}||{v.replace(',', '')}|{u}||{'HH' if lab[2] == 'critical' else 'H'}|||F")
    return Doc("hl7-oru", "ORU", c.o, [P("Result didn't file to the chart - message below."), PRE(msg)], subject="ORU not filing", kind="raw")
def R_837(r):
    c = Case(r, "billing"); p = c.p; amt = f"{r.randint(90, 3200)}"
    x = (f"ISA*00*          *00*          *ZZ*LEDGERLINE     *ZZ*KSHP           *{TODAY:%y%m%d}*0815*^*00501*{dg(r, 9)}*0*P*:~\nGS*HC*LEDGERLINE*KSHP*{TODAY:%Y%m%d}*0815*{dg(r, 4)}*X*005010X222A1~\n"
         f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~\nN3*{asc(p.addr.split(',')[0]).upper()}~\nDMG*D8*{p.dob:%Y%m%d}*{p.sex}~\nCLM*{c.acct}*{amt}***11:B:1*Y*A*Y*Y~\n"
         f"HI*ABK:{c.code().replace('.', '')}~\nSV1*HC:{r.choice(['99214', '99213', '44970', '96365'])}*{amt}*UN*1***1~\nDTP*472*D8*{c.dos:%Y%m%d}~")
    return Doc("x12-837", "837P", org(r, "billing"), [P("Rejected at the clearinghouse - subscriber loop below:"), PRE(x)], subject="837 reject", kind="raw")
def R_835(r):
    c = Case(r, "billing"); p = c.p; b = r.randint(200, 3000); pd = int(b * r.uniform(0.2, 0.8))
    x = (f"ST*835*{dg(r, 4)}~\nBPR*I*{pd}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}~\nCLP*{c.acct}*1*{b}*{pd}*{b - pd}*12*{c.claim}*11*1~\nNM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~\n"
         f"CAS*PR*1*{b - pd}~\nDTM*232*{c.dos:%Y%m%d}~\nSVC*HC:{r.choice(['99214', '80053', '71046'])}*{b}*{pd}~")
    return Doc("x12-835", "835", org(r, "billing"), [P(f"Patient says the {b - pd} is wrong - remit line:"), PRE(x)], subject="835 question", kind="raw")
def R_271(r):
    c = Case(r, "payer"); p = c.p
    x = (f"ST*271*0001*005010X279A1~\nHL*3*2*22*0~\nNM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~\nDMG*D8*{p.dob:%Y%m%d}*{p.sex}~\n"
         f"EB*1*IND*30**KEYSTONE GOLD~\nEB*B*IND*98***27*35~\nMSG*MEMBER IN CASE MGMT - {c.dx[1].upper()}~")
    return Doc("x12-271", "271", org(r, "payer"), [P("271 back for the add-on:"), PRE(x)], subject="271 response", kind="raw")
def R_fhir(r):
    c = Case(r); p = c.p
    if r.random() < 0.5:
        res = {"resourceType": "Patient", "id": dg(r, 6), "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": c.mrn}],
               "name": [{"family": p.family, "given": p.given.split() + ([p.mid] if p.mid else [])}], "gender": "female" if p.sex == "F" else "male", "birthDate": f"{p.dob:%Y-%m-%d}",
               "telecom": [{"system": "phone", "value": p.phone}], "communication": [{"language": {"text": c.lang()}}]}
        return Doc("fhir-json", "FHIR Patient", c.o, [P("Patient resource from the bulk export that failed validation:"), PRE(json.dumps(res, indent=2, ensure_ascii=False))], subject="FHIR export", kind="raw")
    lab = c.lab; v = lab[1].split()[0].replace(",", "")
    x = (f'<Observation xmlns="http://hl7.org/fhir">\n  <status value="final"/>\n  <code><text value="{lab[0]}"/></code>\n  <subject><reference value="Patient/{dg(r, 6)}"/><display value="{hx(p.fl())}"/></subject>\n'
         f'  <effectiveDateTime value="{c.dos:%Y-%m-%d}"/>\n  <valueQuantity><value value="{v}"/><unit value="{hx(lab[1].split(" ", 1)[1])}"/></valueQuantity>\n  <interpretation><text value="{lab[2]}"/></interpretation>\n'
         f'  <note><text value="MRN {c.mrn}; DOB {p.dob:%Y-%m-%d}"/></note>\n</Observation>')
    return Doc("fhir-xml", "FHIR Observation", c.o, [P("Observation XML the HIE bounced:"), PRE(x)], subject="FHIR Observation", kind="raw")
def R_ub04(r):
    c = Case(r, "billing", 30, 92); p = c.p; fac = org(r, r.choice(["amc", "cah", "snf"]))
    t = "\n".join([f"FL 1   {fac.name}", f"FL 3a  PAT CNTL #   {c.acct}", f"FL 6   STATEMENT PERIOD {c.dos:%m%d%y} - {TODAY:%m%d%y}", f"FL 8b  PATIENT NAME  {asc(p.LF())}", f"FL 10  BIRTHDATE     {p.dob:%m%d%Y}",
                   f"FL 60  INSURED'S UNIQUE ID  {c.mbi if r.random() < 0.5 else c.mem}", f"FL 67  PRIN DX  {c.code().replace('.', '')}", f"FL 42/44  0120 / {r.choice(['0250', '0300', '0420'])}   TOTAL {r.randint(2000, 45000)}.00"])
    return Doc("ub04-text", "UB-04", org(r, "billing"), [P("UB-04 fields as keyed - please check FL 60 before we drop the claim:"), PRE(t)], subject="UB-04 review", kind="raw")
def R_1500(r):
    c = Case(r, "billing"); p = c.p
    t = "\n".join([f"1a. INSURED'S I.D. NUMBER      {c.mem}", f"2.  PATIENT'S NAME            {asc(p.family).upper()}, {asc(p.given).upper()}", f"3.  PATIENT'S BIRTH DATE      {p.dob:%m %d %Y}  SEX {p.sex}",
                   f"5.  PATIENT'S ADDRESS         {asc(p.addr)}", f"21. DIAGNOSIS  A. {c.code()}", f"24A DOS {c.dos:%m %d %y}   24D CPT {r.choice(['99213', '99395', '90837', '97110'])}   24F $ {r.randint(80, 400)}.00",
                   f"26. PATIENT'S ACCOUNT NO.     {c.acct}"])
    return Doc("cms-1500", "CMS-1500", org(r, "billing"), [P("1500 image keyed by the scanning vendor:"), PRE(t)], subject="CMS-1500 keying", kind="raw")
PHI_RAW = [R_adt, R_oru, R_837, R_835, R_271, R_fhir, R_ub04, R_1500]

# ================================================================== PHI lists (each with a real date column)
def plist(r, cat, title, o, hdr, rowf, n=None, intro=None):
    rows = [rowf(r) for _ in range(n or r.randint(5, 11))]
    return Doc(cat, title, o, ([P(intro)] if intro else []) + [TBL(hdr, rows)], subject=title, kind="list")
def Lp_census(r):
    o = org(r, r.choice(["amc", "cah"]))
    def row(r): c = Case(r, o.kind); return [f"{r.choice(['3W', '4E', 'ICU', 'MS'])}-{r.randint(1, 30):02d}", c.p.lf(), c.mrn, c.p.dob, c.dx[1], c.dos]
    return plist(r, "census-list", "Unit census", o, ["Bed", "Patient", "MRN", "DOB", "Dx", "Admit date"], row, intro="Census at 0600 for bed huddle")
def Lp_noshow(r):
    o = org(r, r.choice(["peds", "bh", "amc"]))
    def row(r): c = Case(r, o.kind); return [c.p.short(), c.p.dob, c.p.phone, TODAY - TD(days=r.randint(1, 9)), r.choice(["follow-up", "med check", "well child", "therapy"]), r.randint(1, 4)]
    return plist(r, "no-show-list", "No-show list", o, ["Patient", "DOB", "Phone", "Missed appt", "Visit type", "# no-shows"], row)
def Lp_um(r):
    o = org(r, "payer")
    def row(r): c = Case(r, "payer"); return [c.mem, c.p.LF(), c.p.dob, c.auth, c.dx[0], TODAY + TD(days=r.randint(0, 5)), r.choice(["pending clinicals", "MD review", "approved 3d", "P2P scheduled"])]
    return plist(r, "um-worklist", "UM worklist", o, ["Member ID", "Member", "DOB", "Auth", "ICD-10", "Next review", "Status"], row)
def Lp_ar(r):
    o = org(r, "billing")
    def row(r): c = Case(r, "billing"); return [c.acct, c.p.lf(), c.dos, c.claim, c.dx[0], f"{r.randint(50, 9000)}.00", r.choice(["CO-197", "CO-16", "PR-1", "CO-50", "OA-23"])]
    return plist(r, "ar-worklist", "Denials worklist", o, ["Account", "Patient", "DOS", "Claim #", "Dx", "Balance", "CARC"], row)
def Lp_transport(r):
    o = org(r, r.choice(["snf", "cah", "bh"]))
    def row(r): c = Case(r, o.kind); return [TODAY + TD(days=r.randint(0, 6)), tm(r), c.p.fl(), c.p.addr, r.choice(["dialysis", "oncology infusion", "wound clinic", "MRI", "psych appt"]), r.choice(["wheelchair", "ambulatory", "stretcher"])]
    return plist(r, "transport-schedule", "Ride schedule", o, ["Date", "Pickup", "Rider", "Pickup address", "Going to", "Mobility"], row)
def Lp_interp(r):
    o = org(r, r.choice(["amc", "peds", "cah"]))
    def row(r): c = Case(r, o.kind); return [TODAY + TD(days=r.randint(0, 6)), tm(r), c.p.native(), c.mrn, c.lang(), r.choice(["consent for surgery", "discharge teaching", "results visit", "well child"])]
    return plist(r, "interpreter-schedule", "Interpreter bookings", o, ["Date", "Time", "Patient", "MRN", "Language", "Encounter"], row)
def Lp_snf(r):
    o = org(r, "snf")
    def row(r): c = Case(r, "snf"); return [c.p.LF(), c.p.dob, c.mbi, TODAY - TD(days=r.randint(0, 20)), c.dx[1], r.choice(["CUMC", "Sagebrush Valley", "home"])]
    return plist(r, "snf-admissions", "Admissions this week", o, ["Resident", "DOB", "MBI", "Admitted", "Primary dx", "From"], row)
def Lp_vax(r):
    o = org(r, "peds")
    def row(r): c = Case(r, "peds"); return [c.p.lf(), c.p.dob, c.mrn, r.choice(["MMR #2", "DTaP #5", "HPV #1", "Tdap", "flu"]), TODAY + TD(days=r.randint(-30, 30)), Person(r, 22, 50, culture=c.p.cul).short()]
    return plist(r, "immunization-due", "Vaccines overdue", o, ["Child", "DOB", "MRN", "Vaccine due", "Due date", "Parent"], row)
def Lp_bh(r):
    o = org(r, "bh")
    def row(r): c = Case(r, "bh", 16, 70); return [c.p.short(), c.mrn, c.p.dob, c.dx[0], c.dx[1], TODAY + TD(days=r.randint(1, 21)), r.choice(["high", "moderate", "low"])]
    return plist(r, "bh-caseload", "Caseload review", o, ["Client", "Client ID", "DOB", "ICD-10", "Dx", "Next contact", "Risk"], row)
def Lp_es(r):
    o = org(r, r.choice(["peds", "amc"]))
    def row(r): c = Case(r, o.kind); return [c.p.fl(), c.p.dob, c.nxt, c.p.phone, c.dx[1]]
    return plist(r, "spanish-list", "Citas de la semana", o, ["Paciente", "Fecha de nacimiento", "Cita", "Teléfono", "Motivo"], row)
def Lp_critlog(r):
    o = org(r, r.choice(["amc", "cah"]))
    def row(r): c = Case(r, o.kind); return [TODAY - TD(days=r.randint(0, 3)), c.p.LF(), c.mrn, c.lab[0], c.lab[1], dr(c.doc)]
    return plist(r, "critical-log", "Critical call log", o, ["Date", "Patient", "MRN", "Test", "Value", "Called to"], row)
PHI_LIST = [Lp_census, Lp_noshow, Lp_um, Lp_ar, Lp_transport, Lp_interp, Lp_snf, Lp_vax, Lp_bh, Lp_es, Lp_critlog]

# ================================================================== clean narratives
def C_schedule(r):
    o = org(r); rows = [(f"{fd(TODAY + TD(days=i), 'wk')}", clin(r).short() + ", " + r.choice(["MD", "NP", "PA-C"])) for i in range(r.randint(4, 7))]
    return Doc("staff-schedule", "Coverage schedule", o, [P(f"{o.short} - {r.choice(['hospitalist', 'ED', 'peds clinic', 'crisis line'])} coverage next week:"), KV(r, rows), P("Swaps through the scheduler please, not by text.")], subject="Coverage next week")
def C_training(r):
    o = org(r)
    return Doc("training-record", "EHR training", o, [P(f"{o.ehr} training environment - use these TEST records only:"), KV(r, [("Patient", "ZZTEST, SUNFLOWER"), ("DOB", "01/01/1950"), ("MRN", "TRN000123"), ("SSN (sample)", "123-45-6789"), ("MBI (CMS example)", "1EG4-TE5-MK73"), ("MBI format", "1AA1-AA1-AA11")]),
        P("Never search a real patient in the TRN environment. Class on " + fd(TODAY + TD(days=r.randint(3, 20)), "long") + ", room B-114.")], subject="Training environment test patients")
def C_stats(r):
    o = org(r); n = r.randint(800, 9000)
    return Doc("deidentified-stats", "Quality dashboard", o, [H("Q3 readmissions (aggregate, de-identified)"), KV(r, [("Discharges", str(n)), ("30-day readmits", f"{r.uniform(8, 17):.1f}%"), ("Heart failure", f"{r.uniform(15, 24):.1f}%"), ("COPD", f"{r.uniform(12, 22):.1f}%"), ("Median age", str(r.randint(58, 74)))]),
        P("Cells under 11 suppressed per policy. No patient-level data is shared in this report.")], subject="Q3 readmission numbers")
def C_invoice(r):
    v = org(r, "vendor"); o = org(r)
    return Doc("vendor-invoice", "Invoice", v, [P(f"Invoice INV-{dg(r, 6)} for {o.name}"), KV(r, [("PO #", f"PO{dg(r, 7)}"), ("Invoice date", fd(TODAY - TD(days=r.randint(1, 20)), "mdy")), ("Due", fd(TODAY + TD(days=30), "mdy")), ("Amount", f"${r.randint(300, 40000)}.{dg(r, 2)}"), ("Remit to", v.addr)]),
        P("ACH details on file. Questions: ar@" + v.dom)], subject="Invoice")
def C_ticket(r):
    o = org(r); s = staffer(r)
    return Doc("it-ticket", "IT ticket", o, [P(f"INC{dg(r, 7)} - {r.choice(['Badge reader down at north entrance', 'Zebra label printer offline in lab', 'VPN token resync', 'Vocera badge not pairing'])}"), KV(r, [("Requester", s.short()), ("Employee ID", f"E{dg(r, 6)}"), ("Asset tag", f"IT-{dg(r, 6)}"), ("Opened", fd(TODAY - TD(days=1), "mdy")), ("Priority", "P3")]), P("Resolved - replaced power supply.")], subject="Ticket update")
def C_news(r):
    o = org(r); dz = r.choice(["RSV season", "measles", "colorectal cancer screening", "heart failure", "suicide prevention", "falls in older adults"])
    return Doc("newsletter", "Newsletter", o, [H(f"{o.short} Monthly - {dz}"), P(f"This month we focus on {dz}. Nationally, thousands of people are affected each year; early screening and education make a difference. Our clinics will host a free community event on {fd(TODAY + TD(days=12), 'long')}."),
        P("Staff spotlight: the night team on 4E hit 100% hand-hygiene compliance. Congratulations!")], subject=f"Newsletter: {dz}")
def C_policy(r):
    o = org(r)
    return Doc("policy-notice", "Policy update", o, [H(r.choice(["Interpreter use policy", "Patient transport policy", "Release of information turnaround", "Critical value call-back policy"])), P(f"Effective {fd(TODAY + TD(days=15), 'long')}, policy {r.choice(['ADM', 'NUR', 'HIM'])}-{r.randint(100, 499)} is revised. Key points: use qualified interpreters for all clinical conversations; family members may not interpret except in emergencies; document the interpreter ID in the note."), P("Questions to the compliance office.")], subject="Policy update")
def C_es(r):
    o = org(r)
    return Doc("spanish-notice", "Aviso al personal", o, [P("Aviso para todo el personal:"), P(f"La capacitación anual de HIPAA vence el {fd(TODAY + TD(days=20), 'es')}. El estacionamiento norte estará cerrado el {fd(TODAY + TD(days=5), 'es')}."), P("Gracias, Recursos Humanos")], subject="Aviso al personal")
def C_form(r):
    o = org(r); rev = TODAY - TD(days=r.randint(10, 90))
    return Doc("form-revision", "Form revision", o, [P(f"Registration form REG-{r.randint(10, 99)} revised {fd(rev, 'mdy')}: the 'Date of Birth' field now uses MM/DD/YYYY and the 'Preferred language' box was added."), P(f"Old forms must be recycled by {fd(TODAY + TD(days=30), 'mdy')}.")], subject="Form revision - DOB field")
def C_bday(r):
    o = org(r); s = staffer(r)
    return Doc("staff-birthday", "Birthday", o, [P(f"Join us in the break room on {fd(TODAY + TD(days=r.randint(1, 7)), 'wk')} at 2:30 to celebrate {s.given} {s.family}'s birthday! Cake from Rosie's. Card is at the nurses' station.")], subject="Birthday cake!")
def C_job(r):
    o = org(r)
    return Doc("job-posting", "Job posting", o, [H(r.choice(["RN - Med/Surg, nights", "Utilization Review Nurse (remote)", "Medical Biller II", "Peds MA", "Behavioral Health Case Manager", "CNA - long-term care"])), P(f"{o.name} is hiring. Sign-on bonus ${r.choice([2500, 5000, 10000])}. Apply by {fd(TODAY + TD(days=21), 'long')}. Requisition R-{dg(r, 6)}."), P("EOE")], subject="Now hiring")
def C_hipaa(r):
    o = org(r)
    return Doc("hipaa-reminder", "HIPAA reminder", o, [P(f"Reminder: annual HIPAA privacy and security training is due {fd(TODAY + TD(days=r.randint(5, 30)), 'long')}. Don't text patient details from personal phones; use secure chat. Report lost devices to the service desk right away.")], subject="HIPAA training due")
def C_meeting(r):
    o = org(r); s = staffer(r)
    return Doc("meeting-invite", "Meeting", o, [H("Invitation"), KV(r, [("Organizer", s.short()), ("When", f"{fd(TODAY + TD(days=r.randint(1, 14)), 'long')} {tm(r)}"), ("Where", r.choice(["Teams", "Conf Rm 3B", "Admin boardroom"])), ("Topic", r.choice(["Transfer center workflow", "UM denial trends", "Interpreter vendor contract", "SNF partner huddle", "Epic upgrade dress rehearsal"]))]), P("Agenda to follow.")], subject="Invitation: " + r.choice(["workflow huddle", "monthly ops", "vendor review"]))
def C_bulletin(r):
    o = org(r, "payer")
    return Doc("payer-bulletin", "Provider bulletin", o, [P(f"Provider bulletin {TODAY:%Y}-{r.randint(10, 40)}: effective {fd(TODAY + TD(days=30), 'long')}, MRI of the lumbar spine (CPT 72148) requires prior authorization for all commercial plans. Submit through the portal. Gold-card providers are exempt.")], subject="Provider bulletin")
def C_transport(r):
    v = org(r, "vendor")
    return Doc("transport-contract", "Contract renewal", v, [P(f"{v.name} contract {r.choice(['MSA', 'SOW'])}-{dg(r, 5)} renews {fd(TODAY + TD(days=45), 'mdy')}. Rates: wheelchair ${r.randint(45, 80)}/trip, stretcher ${r.randint(120, 220)}/trip, interpreter ${r.randint(40, 70)}/hr, mileage ${r.uniform(2, 4):.2f}."), P("Certificate of insurance attached on request; fleet policy #" + f"CA-{dg(r, 8)}.")], subject="Contract renewal")
def C_gym(r):
    o = org(r)
    return Doc("wellness-perk", "Wellness", o, [P(f"Employee perk: show your badge at Summit Fitness for 20% off. Your gym member # is printed on the welcome card (e.g. SF-{dg(r, 7)}). Step challenge starts {fd(TODAY + TD(days=7), 'long')}.")], subject="Wellness perk")
def C_recall(r):
    v = org(r, "vendor")
    return Doc("product-recall", "Recall", v, [P(f"Voluntary recall: {r.choice(['IV extension set', 'pulse oximeter probe', 'enteral feeding pump tubing'])} REF {dg(r, 6)}, lots {dg(r, 7)} and {dg(r, 7)}, expiry {fd(TODAY + TD(days=200), 'iso')}. Quarantine and reply with counts. No adverse events reported.")], subject="Product recall")
def C_ooo(r):
    o = org(r); s = staffer(r)
    return Doc("out-of-office", "OOO", o, [P(f"I am out of the office until {fd(TODAY + TD(days=r.randint(2, 10)), 'long')}. For urgent UM/referral questions call {o.phone} or e-mail intake@{o.dom}. - {s.short()}")], subject="Automatic reply")
CLEAN_NARR = [C_schedule, C_training, C_stats, C_invoice, C_ticket, C_news, C_policy, C_es, C_form, C_bday, C_job, C_hipaa, C_meeting, C_bulletin, C_transport, C_gym, C_recall, C_ooo]

# ================================================================== clean interchange look-alikes
def Q_hl7(r): o = org(r); return Doc("hl7-spec", "HL7 mapping", o, [P("Field mapping for the new ADT feed (placeholders):"), PRE("MSH|^~\\&|<SendingApp>|<Facility>|HIE|STATE|<YYYYMMDDHHMMSS>||ADT^A04|<ControlID>|P|2.5.1\nPID|1||<MRN>^^^<AA>^MR||<Family>^<Given>^<Middle>||<YYYYMMDD>|<Sex>\nPV1|1|O|<Location>")], subject="ADT mapping", kind="raw")
def Q_test(r): o = org(r); return Doc("hl7-test-patient", "Test ORU", o, [P("Test ORU for validation (processing id T, test patient):"), PRE(f"MSH|^~\\&|LAB|TEST|EHR|TEST|{TODAY:%Y%m%d}0900||ORU^R01|T{dg(r, 5)}|T|2.5.1\nPID|1||TEST{dg(r, 4)}^^^MR||ZZTEST^PATIENT^ONE||19000101|U\nOBX|1|NM|2951-2^SODIUM||140|mmol/L||N|||F")], subject="Test ORU", kind="raw")
def Q_x12(r): o = org(r, "billing"); return Doc("x12-guide", "Companion guide", o, [P("Companion guide example (usage indicator T, dummy values):"), PRE("ISA*00*          *00*          *ZZ*SENDERID       *ZZ*RECEIVERID     *YYMMDD*HHMM*^*00501*000000001*0*T*:~\nNM1*IL*1*DOE*JANE****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*F~")], subject="837 companion guide", kind="raw")
def Q_fhir(r): o = org(r); return Doc("fhir-profile", "FHIR example", o, [P("Example Patient from our IG (synthetic, do not load):"), PRE(json.dumps({"resourceType": "Patient", "id": "example-synthetic", "meta": {"tag": [{"code": "SUBSETTED"}]}, "name": [{"family": "<family>", "given": ["<given>"]}], "birthDate": "YYYY-MM-DD"}, indent=2))], subject="FHIR IG example", kind="raw")
def Q_mbi(r): o = org(r, "billing"); return Doc("mbi-training", "MBI training", o, [P("Billing team refresher on the Medicare Beneficiary Identifier:"), PRE("Format:   1AA1-AA1-AA11  (11 characters, dashes are display only)\nExample:  1EG4-TE5-MK73  (CMS published example - not a real person)\nLetters S, L, O, I, B, Z are never used."), P("Quiz next week.")], subject="MBI refresher", kind="raw")
def Q_999(r): o = org(r, "billing"); return Doc("x12-999", "999", o, [P("Batch accepted - 999 below, nothing to work:"), PRE(f"ST*999*0001*005010X231A1~\nAK1*HC*{dg(r, 6)}*005010X222A1~\nAK9*A*{r.randint(1, 40)}*{r.randint(1, 40)}*{r.randint(1, 40)}~\nSE*4*0001~")], subject="999 accepted", kind="raw")
CLEAN_RAW = [Q_hl7, Q_test, Q_x12, Q_fhir, Q_mbi, Q_999]

# ================================================================== clean lists
def klist(r, cat, title, hdr, rowf, intro=None, o=None):
    rows = [rowf(r) for _ in range(r.randint(5, 11))]
    return Doc(cat, title, o or org(r), ([P(intro)] if intro else []) + [TBL(hdr, rows)], subject=title, kind="list")
def K_dir(r): return klist(r, "staff-directory", "Staff directory", ["Name", "Title", "Ext", "Start date", "Pager"], lambda r: [staffer(r).lf(), r.choice(["RN", "Unit clerk", "UR nurse", "Biller", "MA", "Therapist", "CNA"]), dg(r, 4), TODAY - TD(days=r.randint(30, 4000)), dg(r, 5)])
def K_oncall(r): return klist(r, "on-call", "On-call", ["Date", "Service", "Provider", "NPI", "Cell"], lambda r: [TODAY + TD(days=r.randint(0, 13)), r.choice(["Hospitalist", "Peds", "Psych", "Ortho"]), dr(clin(r)), npi(r), phone(r)])
def K_train(r): return klist(r, "training-compliance", "Training compliance", ["Employee", "Emp ID", "Course", "Due", "Status"], lambda r: [staffer(r).short(), f"E{dg(r, 6)}", r.choice(["HIPAA 2026", "Fire safety", "Restraints", "Bloodborne pathogens"]), TODAY + TD(days=r.randint(-10, 40)), r.choice(["done", "overdue", "assigned"])])
def K_stats(r): return klist(r, "deidentified-stats", "ED visits by week (aggregate)", ["Week of", "Age band", "Visits", "Left w/o being seen %"], lambda r: [TODAY - TD(weeks=r.randint(1, 12)), r.choice(["0-17", "18-39", "40-64", "65+"]), r.randint(40, 900), f"{r.uniform(0.5, 6):.1f}"])
def K_po(r): return klist(r, "purchase-orders", "Open purchase orders", ["PO", "Vendor", "Order date", "Amount", "Buyer"], lambda r: [f"PO{dg(r, 7)}", org(r, "vendor").name, TODAY - TD(days=r.randint(1, 40)), f"{r.randint(100, 50000)}.00", staffer(r).short()])
def K_lots(r): return klist(r, "supply-lots", "Short-dated stock", ["Item", "REF", "Lot", "Expiry", "Qty"], lambda r: [r.choice(["Foley kit 16Fr", "IV start kit", "Wound vac canister", "Peds nebulizer mask", "Naloxone 4 mg nasal"]), dg(r, 6), f"L{dg(r, 6)}", TODAY + TD(days=r.randint(10, 120)), r.randint(1, 80)])
def K_shifts(r): return klist(r, "shift-schedule", "Night shift schedule", ["Date", "Nurse", "Unit", "Charge?"], lambda r: [TODAY + TD(days=r.randint(0, 13)), staffer(r).fl(), r.choice(["3W", "4E", "ICU", "SNF hall B", "Crisis unit"]), r.choice(["Y", "N"])])
def K_interp(r): return klist(r, "interpreter-roster", "Interpreter roster", ["Interpreter", "Language", "Cert #", "Available", "Vendor"], lambda r: [staffer(r).short(), r.choice(LANGS), f"CHI-{dg(r, 5)}", TODAY + TD(days=r.randint(0, 10)), r.choice(["staff", "LinguaBridge"])])
def K_assets(r): return klist(r, "it-assets", "Laptop refresh", ["Asset tag", "Serial", "Assigned to", "Ship date", "Model"], lambda r: [f"IT-{dg(r, 6)}", hexs(r, 10).upper(), staffer(r).lf(), TODAY + TD(days=r.randint(1, 20)), r.choice(["Latitude 5450", "ThinkPad T14", "Surface Pro 10"])])
def K_rooms(r): return klist(r, "room-bookings", "Conference room bookings", ["Date", "Room", "Booked by", "Meeting"], lambda r: [TODAY + TD(days=r.randint(0, 10)), r.choice(["3B", "Boardroom", "Library", "Sim lab"]), staffer(r).short(), r.choice(["UM huddle", "Budget", "Tumor board prep", "Skills fair"])])
def K_vans(r): return klist(r, "fleet-list", "Van fleet", ["Unit", "VIN (last 6)", "Insurance policy", "Renewal", "Driver"], lambda r: [f"VAN-{r.randint(1, 30)}", dg(r, 6), f"CA-{dg(r, 8)}", TODAY + TD(days=r.randint(20, 300)), staffer(r).short()], o=org(r, "vendor"))
def K_es(r): return klist(r, "spanish-staff-list", "Turnos del personal", ["Fecha", "Empleado", "Unidad", "Turno"], lambda r: [TODAY + TD(days=r.randint(0, 13)), staffer(r).short(), r.choice(["Urgencias", "Pediatría", "3 Oeste"]), r.choice(["día", "noche"])])
CLEAN_LIST = [K_dir, K_oncall, K_train, K_stats, K_po, K_lots, K_shifts, K_interp, K_assets, K_rooms, K_vans, K_es]

# ================================================================== renderers
def cs(v, st="mdy"): return fd(v, st) if isinstance(v, D) else str(v)
def kv_text(items, sty):
    w = max(len(k) for k, _ in items) + 2
    if sty == "aligned": return "\n".join(f"{k:<{w}}{v}" for k, v in items)
    if sty == "below": return "\n".join(f"{k}:\n    {v}" for k, v in items)
    if sty == "pipe": return "\n".join(f"{k} | {v}" for k, v in items)
    if sty == "run": return "; ".join(f"{k} {v}" for k, v in items)
    if sty == "dash": return "\n".join(f"- {k} - {v}" for k, v in items)
    return "\n".join(f"{k}: {v}" for k, v in items)
def render_text(doc, dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] == "kv": out.append(kv_text(b[1], b[2]))
        elif b[0] == "p": out.append(b[1])
        elif b[0] == "h": out.append(b[1].upper() if len(b[1]) < 40 else b[1])
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "table":
            rows = [b[1]] + [[cs(v, dst) for v in row] for row in b[2]]
            w = [max(len(str(x[i])) for x in rows) for i in range(len(b[1]))]
            out.append("\n".join("  ".join(str(x[i]).ljust(w[i]) for i in range(len(w))).rstrip() for x in rows))
    return "\n\n".join(out) + "\n"
def render_html(doc):
    o = doc.o; h = [f"<html><head><meta charset=\"utf-8\"><title>{hx(doc.title)}</title></head><body style=\"font-family:Arial,sans-serif;font-size:10pt\">",
                    f"<p style=\"color:#1d4e6b;font-weight:bold\">{hx(o.name if o else '')}</p>"]
    for b in doc.blocks:
        if b[0] == "kv": h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\">" + "".join(f"<tr><td><b>{hx(k)}</b></td><td>{hx(v)}</td></tr>" for k, v in b[1]) + "</table>")
        elif b[0] == "p": h.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "h": h.append(f"<h3>{hx(b[1])}</h3>")
        elif b[0] == "pre": h.append(f"<pre>{hx(b[1])}</pre>")
        elif b[0] == "table":
            h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\"><tr>" + "".join(f"<th>{hx(x)}</th>" for x in b[1]) + "</tr>" +
                     "".join("<tr>" + "".join(f"<td>{hx(cs(v))}</td>" for v in row) + "</tr>" for row in b[2]) + "</table>")
    return "\n".join(h) + "\n</body></html>\n"

def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b14/ + file name (re-typed after batch 13's helper)"""
    h = hashlib.sha256(("b14/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261214170000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-14T17:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out); return int(m.group(1)) if m else 99

from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.lib import colors
SS14 = getSampleStyleSheet()
C14 = ParagraphStyle("c14", parent=SS14["BodyText"], fontSize=8.5, leading=10.5)
def rx(s): return hx(lat1(str(s))).replace("\n", "<br/>")
def rl_pdf(r, doc):
    buf = io.BytesIO(); o = doc.o; band = r.choice([colors.HexColor("#2b5d7c"), colors.HexColor("#5b7f3a"), colors.HexColor("#7a3b5e"), colors.HexColor("#444444")])
    def page(cv, d):
        cv.saveState(); cv.setFillColor(band); cv.rect(36, 740, 540, 26, fill=1, stroke=0); cv.setFillColor(colors.white); cv.setFont("Helvetica-Bold", 11)
        cv.drawString(44, 749, lat1(o.name if o else doc.title)); cv.setFillColor(colors.grey); cv.setFont("Helvetica", 7); cv.drawString(36, 24, lat1(f"{o.addr}  |  {o.phone}" if o else "")); cv.restoreState()
    sd = SimpleDocTemplate(buf, pagesize=letter, topMargin=84, bottomMargin=48, leftMargin=40, rightMargin=40, title=lat1(doc.title), author=lat1(o.short if o else ""))
    st = []
    for b in doc.blocks:
        if b[0] == "kv":
            if r.random() < 0.4 and len(b[1]) > 3:
                it = b[1] + ([("", "")] if len(b[1]) % 2 else []); data = [[Paragraph("<b>" + rx(it[i][0]) + "</b>", C14), Paragraph(rx(it[i][1]), C14), Paragraph("<b>" + rx(it[i + 1][0]) + "</b>", C14), Paragraph(rx(it[i + 1][1]), C14)] for i in range(0, len(it), 2)]
                t = Table(data, colWidths=[85, 175, 85, 175])
            else:
                t = Table([[Paragraph("<b>" + rx(k) + "</b>", C14), Paragraph(rx(v), C14)] for k, v in b[1]], colWidths=[140, 380])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st += [t, Spacer(1, 8)]
        elif b[0] == "p": st += [Paragraph(rx(b[1]), SS14["BodyText"]), Spacer(1, 4)]
        elif b[0] == "h": st.append(Paragraph(rx(b[1]), SS14["Heading3"]))
        elif b[0] == "pre": st.append(Preformatted(lat1(b[1]), ParagraphStyle("pre14", fontName="Courier", fontSize=6.6, leading=8.2)))
        elif b[0] == "table":
            data = [[Paragraph("<b>" + rx(x) + "</b>", C14) for x in b[1]]] + [[Paragraph(rx(cs(v)), C14) for v in row] for row in b[2]]
            t = Table(data, repeatRows=1); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee"))] +
                     [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f4f4f4")) for i in range(2, len(data), 2)])); st.append(t)
    sd.build(st, onFirstPage=page, onLaterPages=page); return buf.getvalue()

def ps_str(t): return "(" + lat1(t).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
def wrap(t, n):
    out = []
    for para in t.split("\n"):
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > n and line: out.append(line); line = w
            else: line = (line + " " + w).strip()
        out.append(line)
    return out
def ps_doc(r, doc):
    lines = [(doc.o.name if doc.o else doc.title, "HB")]
    for ln in render_text(doc).split("\n"):
        for w in wrap(ln, 92): lines.append((w, "C" if any(b[0] in ("pre", "table") for b in doc.blocks) else "H"))
    lines = lines[:100]
    ps = ["%!PS-Adobe-3.0", "%%Pages: 2", "/enc { dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding def currentdict end } def",
          "/HB /Helvetica-Bold findfont enc definefont pop /H /Helvetica findfont enc definefont pop /C /Courier findfont enc definefont pop"]
    y = 0; pg = 0
    for i, (t, f) in enumerate(lines):
        if i % 52 == 0:
            if pg: ps.append("showpage")
            pg += 1; y = 740; ps.append(f"%%Page: {pg} {pg}"); ps.append("0.85 setgray 36 752 540 20 rectfill 0 setgray")
        sz = 11 if f == "HB" else (7.5 if f == "C" else 9); ps.append(f"/{f} findfont {sz} scalefont setfont 40 {y} moveto {ps_str(t)} show"); y -= 14 if f == "HB" else 12.5
    ps.append("showpage"); ps.append("%%EOF"); return "\n".join(ps) + "\n"
def ps_pdf(ctx, r, doc, key):
    p = ctx.path(".ps")
    with open(p, "w", encoding="latin-1") as f: f.write(ps_doc(r, doc))
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)

import fpdf as _fpdf
from fpdf import FPDF
def fp_pdf(r, doc):
    uni = r.random() < 0.5; pdf = FPDF(format="letter"); pdf.set_auto_page_break(True, 18)
    pdf.set_creation_date(dtm.datetime(2026, 12, 14, 17, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if uni: pdf.add_font("DJ", "", DJ); pdf.add_font("DJ", "B", DJB); F = "DJ"
    else: F = "Helvetica"
    T = (lambda s: str(s)) if uni else (lambda s: lat1(str(s)))
    pdf.add_page(); o = doc.o
    pdf.set_font(F, "B", 13); pdf.cell(0, 8, T(o.name if o else doc.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(F, "", 8); pdf.cell(0, 5, T(f"{o.addr}   Tel {o.phone}   Fax {o.fax}" if o else ""), new_x="LMARGIN", new_y="NEXT"); pdf.line(10, pdf.get_y() + 1, 205, pdf.get_y() + 1); pdf.ln(4)
    boxed = r.random() < 0.4
    for b in doc.blocks:
        if b[0] == "kv":
            if boxed:
                for k, v in b[1]:
                    pdf.set_font(F, "", 6.5); pdf.cell(0, 4, T(k).upper(), new_x="LMARGIN", new_y="NEXT"); pdf.set_font(F, "", 9.5); pdf.multi_cell(0, 6, T(v), border=1, new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
            else:
                for k, v in b[1]:
                    pdf.set_font(F, "B", 9); pdf.cell(48, 6, T(k)); pdf.set_font(F, "", 9); pdf.multi_cell(0, 6, T(v), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "p": pdf.set_font(F, "", 9.5); pdf.multi_cell(0, 5.2, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "h": pdf.set_font(F, "B", 11); pdf.cell(0, 7, T(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "pre": pdf.set_font("Courier", "", 6.8); pdf.multi_cell(0, 3.6, lat1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "table":
            pdf.set_font(F, "", 7.5)
            with pdf.table(first_row_as_headings=True, line_height=4.6) as t:
                for row in [b[1]] + [[cs(v) for v in rw] for rw in b[2]]:
                    tr = t.row()
                    for v in row: tr.cell(T(v))
    if r.random() < 0.2:
        pdf.set_font("Helvetica", "B", 20); pdf.set_text_color(190, 30, 30)
        with pdf.rotation(18, 150, 40): pdf.text(130, 40, r.choice(["FAXED", "RECEIVED", "COPY"]))
        pdf.set_text_color(0, 0, 0)
    return bytes(pdf.output())

import docx as _docx
from docx.shared import Pt, Inches
def logo_png(o):
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (240, 60), "white"); d = ImageDraw.Draw(im)
    hcol = int(hashlib.sha256(o.name.encode()).hexdigest()[:6], 16)
    d.ellipse((6, 8, 50, 52), fill=((hcol >> 16) & 255, (hcol >> 8) & 200, hcol & 180)); d.rectangle((60, 22, 230, 38), fill=(60, 90, 120)); d.text((64, 24), asc(o.short)[:26], fill="white")
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); return b.getvalue()
def docx_bytes(r, doc, logo=False):
    d = _docx.Document(); sec = d.sections[0]; o = doc.o
    if any(b[0] == "table" and len(b[1]) > 5 for b in doc.blocks):
        from docx.enum.section import WD_ORIENT
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
        sec.left_margin = sec.right_margin = Inches(0.6)
    hp = sec.header.paragraphs[0]
    if logo and o: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.8)); hp.add_run("   ")
    hp.add_run(o.name if o else doc.title).bold = True
    sec.footer.paragraphs[0].text = f"{o.addr} | {o.phone}" if o else ""
    for b in doc.blocks:
        if b[0] == "kv":
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for k, v in b[1]: c = t.add_row().cells; c[0].text = k; c[1].text = str(v)
            d.add_paragraph("")
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "h": d.add_heading(b[1], level=2)
        elif b[0] == "pre":
            pp = d.add_paragraph(); run = pp.add_run(b[1]); run.font.name = "Courier New"; run.font.size = Pt(7.5)
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1"])
            for i, x in enumerate(b[1]): t.rows[0].cells[i].text = x
            for row in b[2]:
                cc = t.add_row().cells
                for i, v in enumerate(row): cc[i].text = cs(v)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())
def xlsx_bytes(r, doc):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = re.sub(r"[^A-Za-z0-9 ]", "", asc(doc.title))[:28] or "Sheet1"
    tb = [b for b in doc.blocks if b[0] == "table"]
    if not tb:
        for b in doc.blocks:
            if b[0] == "kv":
                for k, v in b[1]: ws.append([k, v])
            elif b[0] in ("p", "h", "pre"):
                for ln in b[1].split("\n"): ws.append([ln])
        bio = io.BytesIO(); wb.save(bio); return fix_zip(bio.getvalue())
    hdr, rows = tb[0][1], tb[0][2]
    if r.random() < 0.5: ws.append([doc.title + (f" - {doc.o.short}" if doc.o else "")]); ws.append([])
    ws.append(hdr); hr = ws.max_row
    for c in ws[hr]: c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor=r.choice(["DDEBF7", "E2EFDA", "FCE4D6"]))
    nf = r.choice(["mm/dd/yyyy", "m/d/yy", "yyyy-mm-dd", "dd-mmm-yyyy"])
    for row in rows:
        ws.append(list(row))
        for c in ws[ws.max_row]:
            if isinstance(c.value, D): c.number_format = nf
    ws.freeze_panes = ws.cell(row=hr + 1, column=1)
    for i in range(len(hdr)): ws.column_dimensions[chr(65 + i)].width = 18
    bio = io.BytesIO(); wb.save(bio); return fix_zip(bio.getvalue())
def csv_bytes(r, doc):
    tb = [b for b in doc.blocks if b[0] == "table"]
    if tb: hdr, rows = tb[0][1], tb[0][2]
    else:
        kvs = [b for b in doc.blocks if b[0] == "kv"]; items = kvs[0][1] if kvs else [("text", doc.blocks[0][1])]
        hdr, rows = [k for k, _ in items], [[v for _, v in items]]
    sty = r.choice(["comma", "comma", "quoted", "tsv", "semi", "pipe"]); dst = r.choice(["mdy", "iso", "compact", "m/d/yyyy"])
    b = io.StringIO(); le = r.choice(["\r\n", "\n"])
    w = csv.writer(b, delimiter={"tsv": "\t", "semi": ";", "pipe": "|"}.get(sty, ","), quoting=csv.QUOTE_ALL if sty == "quoted" else csv.QUOTE_MINIMAL, lineterminator=le)
    w.writerow(hdr)
    for row in rows: w.writerow([cs(v, dst) for v in row])
    data = ("\ufeff" if r.random() < 0.25 else "") + b.getvalue()
    return data.encode("utf-8"), {"tsv": "tsv", "pipe": "txt"}.get(sty, "csv")

# ================================================================== mail assembly (skeleton re-typed after batch 13's wiring)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18324", "iPhone Mail (22B91)", "iPad Mail (22B91)", "Android Mail", "Mozilla Thunderbird 128.5.2", "Epic Secure Chat Relay", "DataMotion SecureMail"]
TITLES = ["Charge RN, 3W", "UM Nurse Reviewer", "Transfer Center RN", "Patient Access Rep", "Intake Specialist", "Billing Analyst", "Care Coordinator", "MDS Coordinator",
          "Referral Coordinator", "Language Services Scheduler", "Clinic Manager", "Pathology Assistant", "Radiology Scheduler", "Social Worker, MSW"]
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given.translate(FOLD)).lower())[:12]}.{re.sub('[^a-z]', '', asc(p.family.translate(FOLD)).lower())}@{dom}"
def sig_block(r, s, o):
    return r.choice([f"{s.short()}\n{r.choice(TITLES)}\n{o.name}\nP {o.phone} | F {o.fax}", f"- {s.given}", f"Thanks\n{s.given} {s.family[:1]}.", "Sent from my iPhone",
                     f"{s.fl()} | {r.choice(TITLES)} | {o.short}\nThis message may contain confidential information intended only for the addressee. If you received it in error, please delete it and notify the sender."])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 8))
    return dtm.datetime(d.year, d.month, d.day, r.randint(5, 22), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-r.choice([7, 7, 8, 6]))))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([s.short(), f"{s.family}, {s.given}", f"{s.short()} - {o.short}", s.FL()]), addr_spec=mbox(s, o.dom))
    if to is None: t = staffer(r); to = Address(display_name=r.choice([t.short(), f"{t.family}, {t.given}", ""]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 12)}-{dg(r, 6)}@{o.dom}>"
    x = r.choice(MAILERS + [None, None])
    if x: m["X-Mailer"] = x
    return m, s
def sethdr(m, k, v): del m[k]; m[k] = v
def set_body(r, m, text, html=None, o=None, logo=False):
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"logo{hexs(r, 10)}@{o.dom}"; h = html or "<html><body><p>" + hx(text).replace("\n", "<br>") + "</p></body></html>"
    h = h.replace("</body>", f'<p><img src="cid:{cid}" width="240" height="60" alt="{hx(o.short)}"></p></body>')
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename="logo.png", disposition="inline")
COVERS = ["Attached.", "Please see attached.", "Here you go.", "Attached per your request.", "See the attachment - let me know if you need anything else.", "Adjunto documento.", "File attached (secure).", "As discussed on the phone, attached."]
GEN_SUBJ = ["Attachment", "Scan", "Incoming fax", "[Secure] Document", "Requested", "doc", "FYI", "[EXTERNAL] File", "Scanned from MFP"]
def cover(r, m, s, o, label):
    x = r.random()
    if x < 0.08:
        sethdr(m, "From", Address(display_name="Ricoh IM C4500", addr_spec=f"mfp{r.randint(1, 9)}@{o.dom}")); m.set_content(f"Scanned document.\nDevice: IM C4500\nPages: {r.randint(1, 2)}\n"); return
    if x < 0.14:
        sethdr(m, "From", Address(display_name="eFax Corporate", addr_spec=f"efax@{o.dom}")); m["X-eFax-Pages"] = str(r.randint(1, 3)); m.set_content(f"A fax from {r.choice([x.fax for x in ORGS])} has been delivered to your inbox.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < (0.4 if label == "clean" else 0.2))
def build_plain(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o)
    set_body(r, m, r.choice(["", "Hi,\n\n", "Hey -\n\n", "Good morning,\n\n", "All,\n\n"]) + render_text(doc, r.choice(["mdy", "m/d/yy", "iso", "long", "dmon"])) + "\n" + sig_block(r, s, o) + "\n", o=o, logo=r.random() < (0.3 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o); sig = sig_block(r, s, o)
    html = render_html(doc).replace("</body>", "<p style=\"color:#666\">" + hx(sig).replace("\n", "<br>") + "</p></body>")
    set_body(r, m, render_text(doc) + "\n" + sig + "\n", html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.3)); return m
def quote(t, lv=1): return "\n".join((">" * lv + " " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
CHATTER = ["Looping in {n}.", "Can you take this one?", "see below", "Who has this pt?", "not ours - sending to the right team", "ok thanks", "Adding UM.", "Any update?", "pls advise", "Got it, will call today."]
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = staffer(r); subj = doc.subject or doc.title; inner = render_text(doc) + "\n" + sig_block(r, s0, o)
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "RE: RE: ", "Re: Fwd: "]) + subj, o); st = r.randrange(6); d0 = TODAY - TD(days=r.randint(1, 6))
    top = r.choice(CHATTER).format(n=staffer(r).given) + "\n\n" + sig_block(r, s, o)
    frm = f"{s0.short()} <{mbox(s0, o.dom)}>"
    if st == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {frm}\nSent: {fd(d0, 'long')} {tm(r)}\nTo: {s.short()}\nSubject: {subj}\n\n{inner}"
    elif st == 1: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm}\nDate: {fd(d0, 'wk')}, {d0.year} at {tm(r)}\nSubject: {subj}\nTo: <{mbox(s, o.dom)}>\n\n{inner}"
    elif st == 2: body = f"{top}\n\nOn {fd(d0, 'abbr')}, at {tm(r)}, {frm} wrote:\n\n{quote(inner)}"
    elif st == 3:
        s1 = staffer(r); mid = r.choice(CHATTER).format(n=s.given) + "\n" + sig_block(r, s1, o)
        body = (f"{top}\n\nOn {fd(TODAY - TD(days=1), 'abbr')}, at {tm(r)}, {s1.short()} <{mbox(s1, o.dom)}> wrote:\n\n{quote(mid)}\n>\n"
                f"> On {fd(d0, 'abbr')}, at {tm(r)}, {frm} wrote:\n>\n{quote(inner, 2)}")
    elif st == 4:
        s1 = staffer(r); mid = r.choice(CHATTER).format(n=s.given) + "\n\n" + sig_block(r, s1, o)
        body = (f"{top}\n\n________________________________\nFrom: {s1.short()} <{mbox(s1, o.dom)}>\nSent: {fd(TODAY - TD(days=1), 'long')} {tm(r)}\nTo: {s.short()}\nSubject: RE: {subj}\n\n{mid}\n\n"
                f"________________________________\nFrom: {frm}\nSent: {fd(d0, 'long')} {tm(r)}\nTo: {s1.short()}\nSubject: {subj}\n\n{inner}")
    else:
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = mbox(s, o.dom); im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, 9, 41, tzinfo=dtm.timezone(TD(hours=-8))))
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename="original.eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.15); return m

# ================================================================== header carrier (this batch's own shapes)
HBODY = ["Ok to proceed?", "Call the unit when you can.", "Thanks!", "Done.", "Will update EOD.", "Please confirm receipt.", "Reply all pls.", "On it.", "Gracias!", "Sent from my iPhone", "See you there."]
def hbody(r, m, s, o): m.set_content(r.choice(HBODY) + "\n\n" + r.choice([s.given, s.short(), "- " + s.given[:1]]) + "\n")
def HP_cal(r, c): p = c.p; return new_msg(r, f"Accepted: Family meeting - {p.short()} ({c.dx[1]}) {fd(c.nxt, 'md')} {tm(r)}", c.o)
def HP_ptsubj(r, c): p = c.p; return new_msg(r, f"{p.LF()} {p.age()}{p.sex} {c.dx[1]} - needs bed tonight", c.o)
def HP_to(r, c): p = c.p; return new_msg(r, "Your appointment", c.o, to=Address(display_name=f"{p.lf()} - MRN {c.mrn}", addr_spec=p.email))
def HP_cc(r, c): p = c.p; return new_msg(r, "Results", c.o, cc=Address(display_name=f"{p.short()} (patient, DOB {fd(p.dob, 'm/d/yy')})", addr_spec=p.email))
def HP_um(r, c): p = c.p; m, s = new_msg(r, "Review due", org(r, "payer")); m["X-UM-Case"] = f"{c.auth} | {p.LF()} | mbr {c.mem} | {c.code()} inpatient day {r.randint(2, 6)}"; return m, s
def HP_bill(r, c): p = c.p; m, s = new_msg(r, "Account note", org(r, "billing")); m["X-Billing-Ref"] = f"Acct {c.acct} / {p.lf()} / DOS {fd(c.dos, 'mdy')} / {c.dx[1]}"; return m, s
def HP_thread(r, c): p = c.p; m, s = new_msg(r, "RE: consult", c.o); m["Thread-Topic"] = f"{p.native()} - consult re {c.dx[1]}"; m["Thread-Index"] = "AdnE" + hexs(r, 20); return m, s
def HP_interp(r, c): p = c.p; m, s = new_msg(r, "Interpreter booking", org(r, "vendor"), from_name="LinguaBridge Scheduling"); m["X-Appointment-Note"] = f"{c.lang()} interpreter for {p.short()}, MRN {c.mrn}, {tm(r)} - {c.dx[1]}"; return m, s
def HP_kw(r, c): p = c.p; m, s = new_msg(r, "Admission", org(r, "snf")); m["Keywords"] = f"SNF admit, {p.LF()}, MBI {c.mbi}, {c.code()}"; return m, s
def HP_from(r, c): p = c.p; return new_msg(r, "New portal message", c.o, from_name=f"Portal: {p.short()} (DOB {fd(p.dob, 'mdy')}) re {c.dx[1]}")
def HP_replyto(r, c): p = c.p; m, s = new_msg(r, "Ride confirmed", org(r, "vendor"), from_name="Mesa Ride Dispatch"); m["Reply-To"] = Address(display_name=f"Dispatch re {p.short()} - dialysis pickup {p.addr.split(',')[0]}", addr_spec="dispatch@mesaride.com"); return m, s
def HP_es(r, c): p = c.p; return new_msg(r, f"Resultado de laboratorio - {p.fl()} - fecha de nacimiento {fd(p.dob, 'esn')}", c.o)
def HP_path(r, c): p = c.p; return new_msg(r, f"Invitation: tumor board - {p.LF()} S26-{r.randint(1000, 29999)} ({r.choice(PATH)[1].split(',')[0]})", org(r, "amc"))
def HP_doc(r, c): p = c.p; m, s = new_msg(r, "Scan to folder", c.o, from_name="Capture Server"); m["X-Document-Index"] = f"PT={asc(p.fl())}|DOB={p.dob:%Y-%m-%d}|DOC=Discharge summary|DX={c.code()}"; return m, s
def HP_noshow(r, c): p = c.p; return new_msg(r, f"No-show x{r.randint(2, 4)} - {p.nk()} ({c.dx[1]} f/u) - discharge from practice?", org(r, "peds"))
def HP_orig(r, c): p = c.p; m, s = new_msg(r, "Fwd", c.o); m["X-Original-Subject"] = f"Critical {c.lab[0]} {c.lab[1]} - {p.LF()} MRN {c.mrn}"; return m, s
def HP_ssn(r, c): p = c.p; return new_msg(r, f"Registration fix: {p.short()} SSN {c.ssn} entered on wrong chart", c.o)
def HP_bh(r, c): p = c.p; m, s = new_msg(r, "Client", org(r, "bh")); m["X-Case-Summary"] = f"Client {p.short()} ({fd(p.dob, 'dmon')}) - {c.dx[1]}, crisis plan updated"; return m, s
def HP_comments(r, c): p = c.p; m, s = new_msg(r, "Referral", c.o); m["Comments"] = f"Referral for {p.ini()} ({fd(p.dob, 'iso')}) to {r.choice(['cardiology', 'GI', 'psychiatry'])}: {c.dxs()}"; return m, s
HDR_PHI = [HP_cal, HP_ptsubj, HP_to, HP_cc, HP_um, HP_bill, HP_thread, HP_interp, HP_kw, HP_from, HP_replyto, HP_es, HP_path, HP_doc, HP_noshow, HP_orig, HP_ssn, HP_bh, HP_comments]
def build_header_phi(r, fn):
    c = Case(r); m, s = fn(r, c); hbody(r, m, s, c.o); return m
def HC_cal(r, o): return new_msg(r, f"Accepted: Nurse practice council {fd(TODAY + TD(days=8), 'md')} {tm(r)}", o)
def HC_subj(r, o): s = staffer(r); return new_msg(r, f"{s.LF()} - night charge RN for 3W tonight", o)
def HC_to(r, o): s = staffer(r); return new_msg(r, "Onboarding", o, to=Address(display_name=f"{s.lf()} - Employee #{dg(r, 6)}", addr_spec=mbox(s, o.dom)))
def HC_cc(r, o): s = staffer(r); return new_msg(r, "Interview", o, cc=Address(display_name=f"{s.short()} (candidate)", addr_spec=f"{asc(s.given).lower()[:6]}{dg(r, 2)}@gmail.com"))
def HC_um(r, o): m, s = new_msg(r, "Staff meeting", org(r, "payer")); m["X-UM-Case"] = "none - UM team meeting notes"; return m, s
def HC_bill(r, o): m, s = new_msg(r, "Vendor invoice", org(r, "billing")); m["X-Billing-Ref"] = f"Vendor INV-{dg(r, 6)} / PO{dg(r, 7)} / Net 30"; return m, s
def HC_thread(r, o): m, s = new_msg(r, "RE: parking", o); m["Thread-Topic"] = "North garage closure - staff parking"; m["Thread-Index"] = "AdnF" + hexs(r, 20); return m, s
def HC_interp(r, o): m, s = new_msg(r, "Interpreter training", org(r, "vendor"), from_name="LinguaBridge Scheduling"); m["X-Appointment-Note"] = f"Medical terminology workshop, {fd(TODAY + TD(days=9), 'md')} 1:00 PM"; return m, s
def HC_kw(r, o): m, s = new_msg(r, "Survey prep", org(r, "snf")); m["Keywords"] = "state survey, mock tracer, dining audit"; return m, s
def HC_from(r, o): return new_msg(r, "Portal maintenance", o, from_name=f"{o.short} Patient Portal (no-reply)")
def HC_replyto(r, o): m, s = new_msg(r, "Driver schedule", org(r, "vendor"), from_name="Mesa Ride Dispatch"); m["Reply-To"] = Address(display_name="Dispatch - driver scheduling", addr_spec="dispatch@mesaride.com"); return m, s
def HC_es(r, o): return new_msg(r, f"Reunión del personal - {fd(TODAY + TD(days=4), 'esn')}", o)
def HC_path(r, o): return new_msg(r, f"Invitation: pathology grand rounds - {fd(TODAY + TD(days=10), 'long')}", org(r, "amc"))
def HC_doc(r, o): m, s = new_msg(r, "Scan to folder", o, from_name="Capture Server"); m["X-Document-Index"] = f"DEPT=AP|DOC=Invoice|VENDOR=Brightwater|DATE={TODAY:%Y-%m-%d}"; return m, s
def HC_noshow(r, o): return new_msg(r, "No-show rate down to 6% - thanks, front desk!", org(r, "peds"))
def HC_orig(r, o): m, s = new_msg(r, "Fwd", o); m["X-Original-Subject"] = f"Lab analyzer PM scheduled {fd(TODAY + TD(days=3), 'md')}"; return m, s
def HC_ssn(r, o): return new_msg(r, "Reminder: sample SSN 078-05-1120 in the training deck is not a real number", o)
def HC_bh(r, o): m, s = new_msg(r, "Team", org(r, "bh")); m["X-Case-Summary"] = "Staff debrief - Friday 3 PM, room 2"; return m, s
def HC_birthday(r, o): s = staffer(r); return new_msg(r, f"Happy birthday {s.given}! Cake at 2 - {fd(TODAY + TD(days=1), 'md')}", o)
HDR_CLEAN = [HC_cal, HC_subj, HC_to, HC_cc, HC_um, HC_bill, HC_thread, HC_interp, HC_kw, HC_from, HC_replyto, HC_es, HC_path, HC_doc, HC_noshow, HC_orig, HC_ssn, HC_bh, HC_birthday]
def build_header_clean(r, fn):
    o = org(r); m, s = fn(r, o); hbody(r, m, s, o); return m

# ================================================================== producers and LibreOffice batching
class Pending:
    def __init__(self, path, key, gs=False): self.path, self.key, self.gs = path, key, gs
class Ctx:
    OUTEXT = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0; self.lo = {k: [] for k in self.OUTEXT}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf): self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False):
        self.n += 1; base = f"b14_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p); return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{self.OUTEXT[kind]}"), key, gs)
    def run(self): run_lo(self)
    def get(self, pend):
        with open(pend.path, "rb") as f: data = f.read()
        if pend.path.endswith(".pdf"):
            if pend.gs:
                src = self.path(".pdf")
                with open(src, "wb") as f: f.write(data)
                data = gs_distill(src, self.path(".pdf"))
            return norm_pdf(data, pend.key)
        return fix_zip(data)
def fit_pdf(make, doc):
    for n in (None, 6, 3):
        data = make(doc if n is None else doc.cut(n))
        if pdf_pages(data) <= 2: return data
    return data
def gs_redistill(ctx, data, key):
    p = ctx.path(".pdf")
    with open(p, "wb") as f: f.write(data)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:26] or "document"
    return r.choice([f"{base}.{ext}", f"{base}_{TODAY:%m%d%Y}.{ext}", f"SCAN_{dg(r, 9)}.{ext}", f"{doc.cat}.{ext}", f"{base.lower()}-{dg(r, 4)}.{ext}"])
def build_attachment(r, ctx, carrier, doc, key, label):
    logo = label == "clean" and r.random() < 0.4
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier in ("pdf-libreoffice", "pdf-ghostscript"):
        gs = carrier == "pdf-ghostscript"
        if gs and r.random() < 0.35: return fname_for(r, doc, "pdf"), ps_pdf(ctx, r, doc.cut(8), key)
        if gs and r.random() < 0.5: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: (fp_pdf if r.random() < 0.5 else rl_pdf)(r, d), doc), key)
        if r.random() < 0.6: return fname_for(r, doc, "pdf"), ctx.add("docx2pdf", docx_bytes(r, doc.cut(8), logo), "docx", key, gs)
        return fname_for(r, doc, "pdf"), ctx.add("html2pdf", render_html(doc.cut(8)), "html", key, gs)
    if carrier == "docx":
        if r.random() < 0.3: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(doc), "html", key)
        return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo)
    if carrier == "xlsx":
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv": data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list" and x < 0.4: data, ext = csv_bytes(r, doc)
        elif doc.kind == "list" and x < 0.7: data, ext = xlsx_bytes(r, doc), "xlsx"
        elif x < 0.8: data, ext = fit_pdf(lambda d: (fp_pdf if r.random() < 0.5 else rl_pdf)(r, d), doc), "pdf"
        else: data, ext = docx_bytes(r, doc, logo), "docx"
        folder = r.choice(["", "", "outbound/", f"batch_{TODAY:%Y%m%d}/"])
        return r.choice(["files.zip", f"secure_{dg(r, 6)}.zip", f"{doc.cat}.zip", "export.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
    raise ValueError(carrier)

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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.66 else "_raw" if x < 0.84 else "_list")]
    if carrier in ("pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "zip"): return cyc[L_ + ("_narr" if x < 0.6 else "_raw" if x < 0.72 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.7 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b14_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # Python's folder drops the quotes of a long display name with specials: keep such a header on one line
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b14-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m = build_header_phi(R, hcyc["phi"]()) if label == "phi" else build_header_clean(R, hcyc["clean"]())
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc, label)
            elif carrier == "html": m = build_html(R, doc, label)
            elif carrier == "forwarded": m = build_forwarded(R, doc, label)
            else:
                o = doc.o or org(R); m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.6 else (doc.subject or doc.title), o); cover(R, m, s, o, label)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc, fname, label))); continue
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
    print(f"wrote {len(rows)} batch-14 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
