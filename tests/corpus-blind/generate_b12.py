#!/usr/bin/python3
"""Batch 12 of the blind DLP corpus: b12-0001.eml ... b12-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a twelfth author from BRIEF.md (see README "Batch 12").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b11.py's wiring.

Weight on: names in many shapes (ALL CAPS, "Last, First M.", hyphenated/double surnames, particles, suffixes, accents,
one-word names, initials); identifier labels in many wordings (with/without colons, value on the next line, in table
cells); birth dates in many formats; PHI with no identifier label (result letters, portal replies, nurse call-backs,
bed/transport requests, census, no-show/recall lists, care-coordination chatter); Spanish and bilingual mail; pasted
HL7 v2 / X12 / FHIR; header-carried PHI; table/form/two-column PDFs; hard clean look-alikes.

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

SEED = 20261213
R = random.Random(SEED)
PREFIX = "b12-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 13)

def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", lat1(str(s))) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))

# ================================================================== people
GF = ["Marisol", "Dorothea", "Nkechi", "Siobhan", "Yesenia", "Hyun-joo", "Renée", "Anaïs", "Fatima", "Wilhelmina", "LaShonda", "Océane",
      "Ximena", "Ayasha", "Theodora", "Mercedes", "Giulia", "Brigid", "Mai Linh", "Ewa", "Zainab", "Henrietta", "Lupita", "Ingeborg",
      "Chiamaka", "Consuelo", "Raquel", "Tovah", "Annelise", "Saoirse", "María del Carmen", "Imani"]
GM = ["Thaddeus", "Osvaldo", "Kwame", "Bartosz", "Émile", "Jorge Luis", "Dmitri", "Abdulrahman", "Cornelius", "Hamish", "Joaquín",
      "DeShawn", "Anselm", "Mihai", "Søren", "Ignatius", "Wendell", "Rohan", "Ulises", "Teodoro", "Kenji", "Florian", "Obadiah",
      "Nicolás", "Raymundo", "Eamon", "Darnell", "Vikram", "Pieter", "Amadou", "José Ángel", "Lorenzo"]
FAM = ["Whitcombe", "Oyelaran", "Ferreira-Lindqvist", "de los Santos", "van der Meulen", "al-Haddad", "O'Shaughnessy", "Castillo Ramírez",
       "Peña Villalobos", "Kaczmarczyk", "Abernethy-Cole", "St. Clair", "Delacroix-Munro", "Szabó", "Çelik", "Müller-Brandt", "Halvorsen",
       "Tsosie", "Begaye", "Kealoha", "Papadakis", "Le Blanc", "von Richter", "Dao", "Ibekwe", "MacAskill", "Nwachukwu", "Quiñones",
       "Vang", "Thibodeaux", "de Jesús Ortega", "DuBois", "Bjornstad", "Hernández-Ybarra", "Achterberg", "Yazzie", "Mancuso", "Truong",
       "Fitzgerald-Kamau", "da Costa Pereira", "Bello", "Lindgren", "Rahimi", "Ó Ceallaigh", "Gutiérrez", "Prewitt", "Sandoval", "Wójcik"]
PART_M = ["bin Rashid", "bin Hamzah", "al-Amin"]
PART_F = ["binti Yusof", "binti Ismail", "al-Sayegh"]
MONO = ["Suryakant", "Aroha", "Bhagwati", "Tenzin", "Sunshine", "Ramadhani"]
SUFF = ["Jr.", "Sr.", "II", "III", "IV"]
STREETS = ["Juniper Hollow Rd", "W Cottonwood Ave", "Ridgeback Ct", "Old Quarry Ln", "N Bayberry St", "Fallow Deer Dr", "E Sagebrush Way",
           "Kingfisher Loop", "Harrow Gate Rd", "S Mesquite Pl", "Bellflower Ter", "Chickadee Ln", "Orchard Knob Rd", "Tumbleweed Trl"]
CITIES = [("Amarillo", "TX", "79106", "806"), ("Duluth", "MN", "55803", "218"), ("Asheville", "NC", "28806", "828"), ("Yakima", "WA", "98902", "509"),
          ("Las Cruces", "NM", "88001", "575"), ("Dubuque", "IA", "52001", "563"), ("Macon", "GA", "31204", "478"), ("Flagstaff", "AZ", "86001", "928"),
          ("Erie", "PA", "16509", "814"), ("Billings", "MT", "59101", "406"), ("Salinas", "CA", "93901", "831"), ("Joplin", "MO", "64801", "417")]
MAILD = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "att.net", "hotmail.com", "aol.com"]

def luhn(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch) * (2 if i % 2 == 0 else 1); s += d - 9 if d > 9 else d
    return str((10 - s % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn("80840" + b)
def ssn(r):
    a = r.choice([x for x in range(1, 900) if x != 666]); return f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
MBL = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=False):
    an = lambda: r.choice(MBL + "0123456789")
    s = f"{r.randint(1, 9)}{r.choice(MBL)}{an()}{r.randint(0, 9)}{r.choice(MBL)}{an()}{r.randint(0, 9)}{r.choice(MBL)}{r.choice(MBL)}{r.randint(0, 9)}{r.randint(0, 9)}"
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def mrn(r): return r.choice([dg(r, 7), dg(r, 8), f"{dg(r, 3)}-{dg(r, 4)}", f"E{dg(r, 8)}", f"00{dg(r, 7)}"])
def memid(r): return r.choice([f"YHP{dg(r, 9)}", f"{dg(r, 9)}01", f"W{dg(r, 9)}", f"MQX{dg(r, 8)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 4)}-00", f"ZGA{dg(r, 9)}"])
def acctno(r): return r.choice([dg(r, 9), dg(r, 10), f"7{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}"])
def claimno(r): return r.choice([dg(r, 15), f"{TODAY:%y}{dg(r, 11)}", f"CL{dg(r, 10)}", dg(r, 13)])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"])

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fd(d, st="mdy"):
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "iso": d.isoformat(), "dmy": f"{d.day:02d}-{MON[d.month - 1][:3]}-{d.year}",
            "long": f"{MON[d.month - 1]} {d.day}, {d.year}", "ymd8": f"{d:%Y%m%d}", "sp": f"{d:%m %d %Y}", "born": f"born {d.day} {MON[d.month - 1]} {d.year}",
            "DMY": f"{d.day:02d}{MON[d.month - 1][:3].upper()}{d.year}", "dash": f"{d:%m-%d-%Y}", "dot": f"{d:%m.%d.%Y}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}",
            "es": f"{d.day} de {MES[d.month - 1]} de {d.year}", "esn": f"{d:%d/%m/%Y}", "md": f"{d.month}/{d.day}", "abbr": f"{MON[d.month - 1][:3]} {d.day} {d.year}"}[st]
DOBST = ["mdy", "mdy", "mdy", "m/d/yy", "iso", "dmy", "long", "ymd8", "sp", "DMY", "dash", "m/d/yyyy", "abbr", "dot"]
def tm(r): return r.choice([f"{r.randint(7, 11)}:{r.choice(['00', '10', '15', '30', '40', '45'])} AM", f"{r.randint(1, 4)}:{r.choice(['00', '15', '20', '30', '45'])} PM"])
def tm24(r): return f"{r.randint(6, 22):02d}{r.choice(['00', '15', '30', '45'])}"

class Person:
    def __init__(self, r, lo=1, hi=96, staff=False):
        self.sex = r.choice("FM"); self.mono = (not staff) and r.random() < 0.04
        self.given = r.choice(GF if self.sex == "F" else GM)
        self.family = r.choice(PART_F if self.sex == "F" else PART_M) if r.random() < 0.05 else r.choice(FAM)
        if self.mono: self.given, self.family = "", r.choice(MONO)
        self.mid = "" if self.mono or r.random() < 0.35 else r.choice("ABCDEFGHJKLMNPRSTW")
        self.suf = r.choice(SUFF) if self.sex == "M" and not self.mono and r.random() < 0.13 else ""
        y = TODAY.year - r.randint(lo, hi); self.dob = D(y, r.randint(1, 12), r.randint(1, 28))
        c = r.choice(CITIES); self.city, self.st, self.zip, ac = c
        self.addr = f"{r.randint(12, 9899)} {r.choice(STREETS)}" + (f" Apt {r.randint(1, 40)}{r.choice('ABC')}" if r.random() < 0.25 else "")
        self.phone = f"({ac}) {r.randint(201, 989)}-{dg(r, 4)}"
        g = re.sub("[^a-z]", "", asc(self.given).lower()) or "x"; f = re.sub("[^a-z]", "", asc(self.family).lower())
        self.email = r.choice([f"{g}.{f}{r.randint(1, 99)}", f"{g[0]}{f}", f"{f}{g[:3]}{dg(r, 2)}"]) + "@" + r.choice(MAILD)
    def fsuf(self): return self.family + (" " + self.suf if self.suf else "")
    def fl(self):
        if self.mono: return self.family
        return " ".join(x for x in [self.given, self.mid + "." if self.mid else "", self.fsuf()] if x)
    def lf(self):
        if self.mono: return f"{self.family}, FNU"
        return f"{self.fsuf()}, {self.given}" + (f" {self.mid}." if self.mid else "")
    def LF(self):
        if self.mono: return f"{self.family.upper()}, FNU"
        return asc(f"{self.family}, {self.given}" + (f" {self.mid}" if self.mid else "") + (f" {self.suf.rstrip('.')}" if self.suf else "")).upper()
    def FL(self): return self.fl().upper()
    def ini(self):
        if self.mono: return self.family
        return " ".join(w[0] + "." for w in self.given.split()) + (f" {self.mid}." if self.mid else "") + " " + self.fsuf()
    def hl7(self): return "^".join([asc(self.family).upper(), asc(self.given).upper() or "FNU", self.mid, self.suf.rstrip(".").upper()]).rstrip("^")
    def ttl(self): return ("Mr. " if self.sex == "M" else "Ms. ") + self.family
    def first(self): return self.given.split()[0] if self.given else self.family
    def nm(self, r): return r.choice([self.fl(), self.lf(), self.LF(), self.FL(), self.ini(), self.fl()])
    def age(self): return TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
    def sx(self): return self.sex
def staffer(r): return Person(r, 24, 66, staff=True)

class Org:
    def __init__(self, r, name, short, dom, kind, ehr):
        self.name, self.short, self.dom, self.kind, self.ehr = name, short, dom, kind, ehr
        c = r.choice(CITIES); self.city, self.st, self.zip, ac = c
        self.addr = f"{r.randint(100, 4999)} {r.choice(['Medical Center Dr', 'Hospital Way', 'Health Pkwy', 'Campus Blvd', 'Commerce St'])}, {self.city}, {self.st} {self.zip}"
        self.phone = f"({ac}) {r.randint(201, 989)}-{dg(r, 4)}"; self.fax = f"({ac}) {r.randint(201, 989)}-{dg(r, 4)}"; self.npi = npi(r)
ORG_DEFS = [("Cottonwood Valley Medical Center", "Cottonwood Valley", "cvmc-health.org", "hospital", "Epic"),
            ("Lakeshore Family Health Partners", "Lakeshore FHP", "lakeshorefhp.com", "clinic", "athenaOne"),
            ("Redstone Diagnostic Laboratories", "Redstone Labs", "redstonelabs.com", "lab", "Sunquest"),
            ("Blue Heron Community Pharmacy", "Blue Heron Rx", "blueheronrx.com", "pharmacy", "PioneerRx"),
            ("Granite Peak Health Plan", "Granite Peak", "granitepeakhp.com", "payer", "Facets"),
            ("St. Brendan's Hospital", "St. Brendan's", "stbrendans.org", "hospital", "Cerner"),
            ("Mesa Verde Orthopedic Institute", "Mesa Verde Ortho", "mvortho.com", "clinic", "ModMed"),
            ("Clearwater Kidney Associates", "Clearwater Kidney", "clearwaterkidney.com", "clinic", "eClinicalWorks"),
            ("Northwind Home Health & Hospice", "Northwind HH", "northwindhh.org", "homehealth", "HCHB"),
            ("Sunridge Behavioral Health", "Sunridge BH", "sunridgebh.org", "clinic", "Netsmart"),
            ("Pinecrest Women's Health", "Pinecrest WH", "pinecrestwh.com", "clinic", "NextGen"),
            ("Harborview Revenue Solutions", "Harborview RCM", "harborviewrcm.com", "billing", "Waystar")]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDORS = [Org(R, "Tidewater Surgical Supply", "Tidewater", "tidewatersurgical.com", "vendor", "Oracle"),
           Org(R, "Brightline Clinical IT", "Brightline IT", "brightlineit.com", "vendor", "Zendesk"),
           Org(R, "Keystone Linen & Uniform", "Keystone Linen", "keystonelinen.com", "vendor", "QuickBooks")]
def org(r): return r.choice(ORGS)
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])

# ================================================================== scenarios
# icd, description, lay term, Spanish, medication, test, result, plan
SC = [("I48.91", "unspecified atrial fibrillation", "AFib", "fibrilación auricular", "apixaban 5 mg tablet", "TSH", "0.18 mIU/L (low)", "continue apixaban, cardiology visit in 2 weeks"),
      ("E11.65", "type 2 diabetes mellitus with hyperglycemia", "diabetes", "diabetes tipo 2", "insulin glargine 100 units/mL", "Hemoglobin A1c", "9.8 %", "increase glargine to 22 units nightly"),
      ("N18.4", "chronic kidney disease, stage 4", "CKD 4", "enfermedad renal crónica etapa 4", "sevelamer carbonate 800 mg", "eGFR", "21 mL/min/1.73m2", "vascular access referral"),
      ("C50.911", "malignant neoplasm of unspecified site of right female breast", "breast cancer", "cáncer de mama", "anastrozole 1 mg tablet", "Core biopsy", "invasive ductal carcinoma, ER+/PR+", "surgical oncology consult"),
      ("J44.1", "COPD with (acute) exacerbation", "COPD flare", "EPOC con exacerbación", "prednisone 40 mg x5 days", "Chest X-ray", "hyperinflation, no infiltrate", "pulmonary rehab referral"),
      ("F32.A", "depression, unspecified", "depression", "depresión", "sertraline 50 mg tablet", "PHQ-9", "17 (moderately severe)", "therapy intake and med follow-up in 4 weeks"),
      ("I50.22", "chronic systolic (congestive) heart failure", "CHF", "insuficiencia cardíaca", "furosemide 40 mg tablet", "BNP", "1,240 pg/mL", "daily weights, call if up 3 lb"),
      ("Z79.01", "long term (current) use of anticoagulants", "on warfarin", "anticoagulación", "warfarin 5 mg tablet", "INR", "3.9", "hold tonight's dose, recheck Thursday"),
      ("O24.419", "gestational diabetes mellitus in pregnancy, unspecified control", "gestational diabetes", "diabetes gestacional", "insulin NPH", "1-hr glucose challenge", "188 mg/dL", "3-hr GTT and nutrition consult"),
      ("M17.11", "unilateral primary osteoarthritis, right knee", "R knee OA", "artrosis de rodilla", "meloxicam 15 mg tablet", "MRI right knee", "tricompartmental OA, medial meniscus tear", "total knee arthroplasty scheduled"),
      ("A41.9", "sepsis, unspecified organism", "sepsis", "sepsis", "piperacillin-tazobactam 4.5 g IV", "Blood culture", "gram-negative rods 2/2 bottles", "ID consult, repeat cultures"),
      ("B20", "human immunodeficiency virus [HIV] disease", "HIV", "VIH", "bictegravir/emtricitabine/tenofovir AF", "HIV-1 viral load", "<20 copies/mL (undetectable)", "continue current regimen"),
      ("F10.20", "alcohol dependence, uncomplicated", "alcohol use disorder", "trastorno por consumo de alcohol", "naltrexone 50 mg tablet", "AST/ALT", "112/87 U/L", "IOP referral"),
      ("D50.9", "iron deficiency anemia, unspecified", "iron deficiency anemia", "anemia por deficiencia de hierro", "ferrous sulfate 325 mg", "Hemoglobin", "7.9 g/dL", "IV iron infusion x2"),
      ("K50.90", "Crohn's disease, unspecified, without complications", "Crohn's", "enfermedad de Crohn", "adalimumab 40 mg/0.4 mL pen", "Fecal calprotectin", "640 ug/g", "GI follow-up, continue biologic"),
      ("G40.909", "epilepsy, unspecified, not intractable, without status epilepticus", "seizure disorder", "epilepsia", "levetiracetam 750 mg tablet", "Levetiracetam level", "8 ug/mL (low)", "adherence counselling, EEG"),
      ("I63.9", "cerebral infarction, unspecified", "stroke", "accidente cerebrovascular", "clopidogrel 75 mg tablet", "CT head", "acute L MCA territory infarct", "inpatient rehab placement")]
FEMALE_DX = {"C50.911", "O24.419"}
PEDS_OK = {"J44.1", "F32.A", "D50.9", "K50.90", "G40.909", "E11.65"}
PAYERS = ["Granite Peak Health Plan", "Aetna", "Humana Gold Plus", "UnitedHealthcare Community Plan", "Medicare Part A/B", "Texas Medicaid", "Cigna", "BCBS"]

class Case:
    def __init__(self, r, lo=None, hi=94):
        if lo is None: lo = 1 if r.random() < 0.08 else 18
        self.p = Person(r, lo, hi); self.s = r.choice(SC)
        while (self.s[0] in FEMALE_DX and self.p.sex != "F") or (self.s[0].startswith("O") and not 16 <= self.p.age() <= 45) or (self.p.age() < 18 and self.s[0] not in PEDS_OK):
            self.s = r.choice(SC)
        self.mrn = mrn(r); self.mem = memid(r); self.acct = acctno(r); self.claim = claimno(r)
        self.ssn = ssn(r); self.mbi = mbi(r, r.random() < 0.4); self.dos = TODAY - TD(days=r.randint(1, 60)); self.payer = r.choice(PAYERS)
        self.dr = f"Dr. {staffer(r).family}"; self.npi = npi(r); self.room = f"{r.randint(2, 7)}{r.choice('NSEW')}-{r.randint(1, 40):02d}{r.choice(['', 'A', 'B'])}"
    def code(self): return self.s[0]
    def dx(self): return self.s[1]
    def lay(self): return self.s[2]

# ---- identifier label vocabulary (label text includes its own punctuation, or none)
LBL = {"mrn": ["MRN", "MRN:", "Med Rec #", "Med Rec No.", "Medical Record Number:", "MR#", "Chart #:", "Pt ID", "EMPI:", "Patient ID:", "Hosp #"],
       "dob": ["DOB", "DOB:", "D.O.B.", "Date of Birth:", "Birthdate", "Birth Date:", "Pt DOB", "Born:", "Patient Date of Birth"],
       "mem": ["Member ID", "Mbr ID:", "Member #", "Subscriber ID:", "Insured's ID Number", "ID#", "Policy/Member No.", "Ins ID:", "Mbr#", "Member Identification Number:"],
       "acct": ["Acct #", "Account No.", "HAR:", "FIN", "CSN:", "Encounter #", "Visit ID:", "Patient Acct No", "Guarantor Acct:", "Enc #"],
       "claim": ["Claim #", "Claim No.", "ICN:", "Payer Claim Control Number", "Clm#", "Claim ID:"],
       "name": ["Patient:", "Patient Name", "Pt Name:", "Name:", "Member Name:", "Re:", "PATIENT", "Insured's Name", "Client:", "Name (Last, First)"],
       "ssn": ["SSN", "SSN:", "Social Security #", "Soc Sec No.", "SS#:", "Social Security Number"],
       "phone": ["Phone:", "Ph", "Home phone", "Best contact #:", "Tel:", "Cell"],
       "addr": ["Address:", "Home address", "Addr:", "Street address", "Residence:"]}
def L(r, k): return r.choice(LBL[k])
def dob_s(r, p, sty=None): return fd(p.dob, sty or r.choice(DOBST))
def pname(r, p): return r.choice([p.fl(), p.lf(), p.LF(), p.lf(), p.FL(), p.ini()])

class Doc:
    def __init__(self, cat, title, o, blocks, kind="narr", subject=None):
        self.cat, self.title, self.o, self.blocks, self.kind, self.subject = cat, title, o, blocks, kind, subject
    def cut(self, n):
        b = [(x[0], x[1], x[2][:n]) if x[0] == "tbl" else x for x in self.blocks]
        return Doc(self.cat, self.title, self.o, b, self.kind, self.subject)
def KV(r, items): return ("kv", items, r.choice(["colon", "colon", "space", "next", "pipe"]))

# ================================================================== PHI narratives
def P_resultletter(r):
    c = Case(r, 18, 90); o = org(r); p = c.p
    b = [("p", f"{fd(TODAY - TD(days=r.randint(0, 3)), 'long')}"), ("p", f"{p.fl()}\n{p.addr}\n{p.city}, {p.st} {p.zip}"),
         ("p", f"Dear {r.choice([p.ttl(), p.first(), p.fl()])},"),
         ("p", f"Your recent {c.s[5]} from {fd(c.dos, 'long')} came back {c.s[6]}. {r.choice(['This is consistent with your', 'This fits with your known', 'We are following this because of your'])} {c.lay()}. Our plan: {c.s[7]}."),
         ("p", f"Please keep taking your {c.s[4]} as prescribed. If you have questions call the nurse line at {o.phone}."),
         ("p", f"Sincerely,\n{c.dr}, {r.choice(['MD', 'DO', 'NP', 'PA-C'])}\n{o.name}")]
    if r.random() < 0.5: b.insert(2, KV(r, [(L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), c.mrn)]))
    return Doc("result-letter", "Your test results", o, b, subject=r.choice(["Your test results", f"Results letter - {p.lf()}", "Lab results letter"]))
def P_portal(r):
    c = Case(r, 20, 85); o = org(r); p = c.p; n = staffer(r)
    b = [("p", f"{p.fl()} wrote ({fd(TODAY - TD(days=1), 'm/d/yyyy')} {tm(r)}):\n\"{r.choice(['I have been dizzy since starting the new {}.', 'Can I get a refill of my {}?', 'Is it okay to skip a dose of {}?']).format(c.s[4])} {r.choice(['Also my feet are swelling.', 'Pharmacy said they need a new script.', 'I ran out Tuesday.'])}\""),
         ("p", f"Reply from {n.fl()}, RN:\nHi {p.first()}, I spoke with {c.dr}. Because of your {c.lay()} and your last {c.s[5]} ({c.s[6]}), {c.s[7]}. A new prescription for {c.s[4]} was sent to your pharmacy. - {n.given}")]
    return Doc("portal-reply", f"{o.ehr} patient message", o, b, subject=r.choice(["RE: Patient Advice Request", "Portal message reply", "RE: Medication question"]))
def P_callback(r):
    c = Case(r, 30, 92); o = org(r); p = c.p; n = staffer(r)
    b = [("p", r.choice([f"Called {p.fl()} back at {tm(r)} re: {c.s[5]} {c.s[6]}.", f"Returned call to {p.fl()} ({p.phone}).", f"LVM for {p.fl()}, then reached daughter on 2nd try.", f"{p.lf()} - returned call {tm(r)}."])),
         ("p", f"{r.choice(['Pt reports', 'She states', 'He says', 'Patient states'])} {r.choice(['increased fatigue', 'no bleeding', 'mild nausea', 'worse shortness of breath', 'missed two doses'])}. Hx {c.lay()}, on {c.s[4]}. Per {c.dr}: {c.s[7]}. Pt verbalized understanding."),
         ("p", f"- {n.given} {n.family[0]}., RN  {fd(TODAY, 'm/d/yy')}")]
    return Doc("nurse-callback", "Nurse call-back note", o, b, subject=r.choice(["call back note", "Phone note", f"callback {p.family}", "tele note - please cosign"]))
def P_bed(r):
    c = Case(r, 25, 95); o = org(r); p = c.p
    b = [("p", r.choice(["Bed request from ED:", "Transfer center - bed request", "Need a bed please:"])),
         KV(r, [("Patient", pname(r, p)), ("Age/Sex", f"{p.age()}{p.sex}"), (L(r, "mrn"), c.mrn), ("Admit dx", f"{c.dx()} ({c.code()})"),
                ("Level of care", r.choice(["Tele", "Med/Surg", "Step-down", "ICU", "Obs"])), ("Isolation", r.choice(["None", "Contact - MRSA", "Droplet", "C. diff enteric"])),
                ("Attending", c.dr), ("Requested", f"{fd(TODAY, 'md')} {tm24(r)}")])]
    return Doc("bed-request", "Bed request", o, b, subject=r.choice(["Bed request", f"Bed req {tm24(r)}", "RE: bed?"]))
def P_transport(r):
    c = Case(r, 40, 95); o = org(r); p = c.p
    b = [("p", f"Please schedule {r.choice(['BLS', 'ALS', 'wheelchair van', 'stretcher'])} transport for the patient below."),
         KV(r, [(L(r, "name"), pname(r, p)), (L(r, "dob"), dob_s(r, p)), ("Pick-up", f"{o.name}, room {c.room}"), ("Destination", f"{p.addr}, {p.city}, {p.st}"),
                ("Date/Time", f"{fd(TODAY + TD(days=1), 'mdy')} {tm(r)}"), ("Diagnosis", c.lay()), ("O2", r.choice(["2 L NC", "room air", "4 L NC"])),
                (L(r, "mem"), c.mem), ("Payer", c.payer)])]
    return Doc("transport-request", "Transport request", o, b, subject=r.choice(["Transport request", "Ambulance transport - tomorrow", "Discharge transport"]))
def P_referral(r):
    c = Case(r, 5, 90); o = org(r); p = c.p; to = partner(r, o)
    b = [("p", f"To: {to.name} - {r.choice(['Intake', 'Referrals', 'New patient scheduling'])}\nFax {to.fax}"), ("h", "REFERRAL"),
         KV(r, [(L(r, "name"), pname(r, p)), (L(r, "dob"), dob_s(r, p)), (L(r, "phone"), p.phone), (L(r, "mem"), c.mem), ("Insurance", c.payer),
                ("Reason", f"{c.dx()} - {c.code()}"), ("Referring provider", f"{c.dr}  NPI {c.npi}"), ("Urgency", r.choice(["Routine", "Urgent - within 7 days", "ASAP"]))]),
         ("p", f"Notes: {c.s[5]} {c.s[6]}. {c.s[7]}.")]
    return Doc("referral", "Referral", o, b, subject=r.choice(["Referral", "New referral", "Referral packet", "Outgoing referral"]))
def P_pa(r):
    c = Case(r, 18, 80); o = org(r); p = c.p
    b = [("h", r.choice(["Prior Authorization Request", "Precertification Request", "Pharmacy PA form"])),
         KV(r, [("Member name", pname(r, p)), (L(r, "mem"), c.mem), (L(r, "dob"), dob_s(r, p)), ("Health plan", c.payer),
                ("Requested", r.choice([c.s[4], "MRI " + c.lay(), c.s[7]])), ("ICD-10", c.code()), ("CPT/HCPCS", r.choice(["70553", "27447", "J0135", "97110", "93306"])),
                ("Prescriber NPI", c.npi), ("Contact", o.phone)]),
         ("p", f"Clinical rationale: patient with {c.dx()}; {c.s[5]} {c.s[6]}. Failed {r.choice(['metformin', 'NSAIDs and PT x6 weeks', 'two SSRIs', 'oral iron'])}.")]
    return Doc("prior-auth", "Prior authorization", o, b, subject=r.choice(["PA request", "Prior auth - urgent", "Precert"]))
def P_claim(r):
    c = Case(r, 1, 90); o = org(r); p = c.p
    b = [("p", f"Hello, calling about a {r.choice(['denied', 'pended', 'underpaid'])} claim for {pname(r, p)}."),
         KV(r, [(L(r, "claim"), c.claim), (L(r, "mem"), c.mem), ("DOS", fd(c.dos, r.choice(['mdy', 'm/d/yy', 'iso']))), (L(r, "acct"), c.acct),
                ("Billed", f"${r.randint(120, 18000):,}.00"), ("Denial", r.choice(["CO-16 missing info", "CO-197 no precert", "CO-50 not medically necessary", "PR-1 deductible"])),
                ("Dx", c.code())]),
         ("p", r.choice(["Can you reprocess? Records attached on our side.", "Please advise on appeal deadline.", "We believe this should pay at the in-network rate."]))]
    return Doc("claim-inquiry", "Claim inquiry", o, b, subject=r.choice(["Claim question", "Denial - please review", "Claim status"]))
def P_es(r):
    c = Case(r, 1, 85); o = org(r); p = c.p
    b = [("p", r.choice(["Estimada familia:", "Buenos días,", "Hola,"])),
         KV(r, [(r.choice(["Paciente:", "Nombre del paciente", "Nombre:"]), pname(r, p)), (r.choice(["Fecha de nacimiento:", "Fecha de nac.", "F. nacimiento"]), fd(p.dob, r.choice(["es", "esn", "mdy"]))),
                (r.choice(["Número de afiliado:", "No. de afiliado", "ID de miembro"]), c.mem), (r.choice(["Expediente:", "No. de expediente"]), c.mrn)]),
         ("p", f"Le informamos que el resultado de {c.s[5]} fue {c.s[6]}, compatible con {c.s[3]}. {r.choice(['Tiene cita de seguimiento el', 'Su próxima cita es el', 'Favor de presentarse el'])} {fd(TODAY + TD(days=r.randint(3, 20)), 'es')} a las {tm(r)}.")]
    if r.random() < 0.5: b.append(("p", f"English: {p.fl()}'s {c.s[5]} result is {c.s[6]} ({c.lay()}). Follow-up scheduled."))
    return Doc("spanish-result", "Resultados", o, b, subject=r.choice(["Resultados de laboratorio", "Aviso de cita / Appointment notice", "Seguimiento"]))
def P_coord(r):
    c = Case(r, 20, 90); o = org(r); p = c.p; q = Case(r, 20, 90)
    b = [("p", r.choice(["Quick huddle notes:", "Care coordination update -", "Hey team,"])),
         ("p", f"- {p.fl()}{r.choice(['', ', ' + fd(p.dob, 'born') + ','])} in {c.room}: {c.lay()}, still on {c.s[4]}; {c.s[7]}. {r.choice(['SW working on SNF placement.', 'Daughter wants a family meeting Friday.', 'Home health ordered.'])}"),
         ("p", f"- {q.p.lf()}: {q.lay()}, {q.s[5]} {q.s[6]} this morning, {r.choice(['needs repeat', 'MD aware', 'plan d/c tomorrow if stable'])}."),
         ("p", r.choice(["Let me know if anything changes.", "Will update at 3pm.", "Thanks all."]))]
    return Doc("care-coordination", "Care coordination", o, b, subject=r.choice(["huddle", "care coord", "RE: patients for tomorrow", "4W updates"]))
def P_discharge(r):
    c = Case(r, 18, 95); o = org(r); p = c.p
    b = [("h", "DISCHARGE SUMMARY"),
         KV(r, [(L(r, "name"), pname(r, p)), (L(r, "mrn"), c.mrn), (L(r, "acct"), c.acct), (L(r, "dob"), dob_s(r, p)),
                ("Admitted", fd(c.dos, "mdy")), ("Discharged", fd(c.dos + TD(days=r.randint(2, 9)), "mdy"))]),
         ("p", f"Principal diagnosis: {c.dx()} ({c.code()}). Hospital course: treated with {c.s[4]}; {c.s[5]} {c.s[6]}."),
         ("p", f"Disposition: {r.choice(['home with home health', 'SNF', 'home', 'inpatient rehab'])}. Follow-up: {c.s[7]}.")]
    return Doc("discharge-summary", "Discharge summary", o, b, subject=r.choice(["D/C summary", "Discharge summary", "Discharge paperwork"]))
def P_billing(r):
    c = Case(r, 18, 85); o = org(r); p = c.p
    b = [("p", f"Re: guarantor dispute - {pname(r, p)}"),
         ("p", f"{p.first()} called disputing the balance of ${r.randint(60, 6000):,}.{dg(r, 2)} for the {c.lay()} visit on {fd(c.dos, 'long')}. States {c.payer} should have paid."),
         KV(r, [(L(r, "acct"), c.acct), (L(r, "mem"), c.mem), (L(r, "phone"), p.phone), (L(r, "addr"), f"{p.addr}, {p.city} {p.st} {p.zip}")])]
    return Doc("billing-dispute", "Billing dispute", o, b, subject=r.choice(["Balance dispute", "Patient billing complaint", "Acct review"]))
def P_ssn(r):
    c = Case(r, 18, 80); o = org(r); p = c.p
    b = [("p", r.choice(["Registration fix needed - wrong SSN on file.", "Can you update the demographics for this patient?", "Missing SSN for self-pay application."])),
         KV(r, [(L(r, "name"), pname(r, p)), (L(r, "ssn"), c.ssn), (L(r, "dob"), dob_s(r, p)), (L(r, "mrn"), c.mrn)]),
         ("p", f"Admitted {fd(c.dos, 'm/d/yy')} for {c.lay()}.")]
    return Doc("registration-ssn", "Registration", o, b, subject=r.choice(["Demographics update", "Registration correction", "charity care app"]))
def P_ub04(r):
    c = Case(r, 18, 90); o = org(r); p = c.p
    b = [("h", r.choice(["UB-04 DATA", "CMS-1500 (02/12) key fields"])),
         KV(r, [("2. Patient's Name (Last, First, MI)", p.LF()), ("3. Patient's Birth Date", fd(p.dob, r.choice(["sp", "mdy", "m/d/yy"]))), ("1a. Insured's ID Number", r.choice([c.mem, c.mbi])),
                ("5. Patient's Address", f"{p.addr}, {p.city}, {p.st} {p.zip}"), ("21. Diagnosis A", c.code()), ("24J. Rendering NPI", c.npi),
                ("26. Patient's Account No.", c.acct), ("28. Total Charge", f"{r.randint(200, 9000)} 00")])]
    return Doc("cms-1500", "Claim form fields", o, b, subject=r.choice(["claim form data", "1500 fields for resubmission", "UB data"]))
def P_mbi(r):
    c = Case(r, 66, 95); o = org(r); p = c.p
    b = [("p", f"Eligibility check for {pname(r, p)}:"),
         KV(r, [(r.choice(["MBI", "Medicare #", "Medicare Beneficiary Identifier:", "HICN/MBI"]), c.mbi), (L(r, "dob"), dob_s(r, p)),
                ("Part A eff", fd(D(p.dob.year + 65, p.dob.month, 1), "mdy")), ("Hospice", r.choice(["no election on file", "election 11/2026"]))]),
         ("p", f"Needed for {c.lay()} {r.choice(['admission', 'home health start of care', 'SNF placement'])}.")]
    return Doc("eligibility-mbi", "Medicare eligibility", o, b, subject=r.choice(["Elig check", "Medicare eligibility", "MBI lookup"]))
def P_appt(r):
    c = Case(r); o = org(r); p = c.p; d = TODAY + TD(days=r.randint(1, 10))
    b = [("p", r.choice([f"Hi {p.fl()},", f"Dear {p.ttl()} ({p.fl()}),", f"{p.LF()}:", f"Hello {p.first()} - reminder for {p.fl()}"])),
         ("p", f"This is a reminder of your {r.choice(['follow-up', 'procedure', 'new patient'])} visit for {c.lay()} with {c.dr} on {fd(d, r.choice(['long', 'mdy', 'abbr']))} at {tm(r)}, {o.name}."),
         ("p", r.choice([f"Please bring your {c.s[4]} bottles and your {c.payer} card.", "Nothing to eat after midnight the night before.", f"We will repeat your {c.s[5]} that day."])),
         ("p", f"Reply C to confirm or call {o.phone}.")]
    if r.random() < 0.4: b.insert(1, ("p", f"{L(r, 'dob')} {dob_s(r, p)}"))
    return Doc("appointment-reminder", "Appointment reminder", o, b, subject=r.choice(["Appointment reminder", "Your upcoming visit", "Reminder: appointment tomorrow"]))
def P_rxreq(r):
    c = Case(r); o = [x for x in ORGS if x.kind == "pharmacy"][0]; p = c.p
    b = [("p", r.choice(["Refill authorization request", "RX RENEWAL REQUEST", "Pharmacy refill request - please respond"])),
         KV(r, [(L(r, "name"), pname(r, p)), (L(r, "dob"), dob_s(r, p)), ("Drug", c.s[4]), ("NDC", ndc(r)), ("Sig", r.choice(["1 tab PO daily", "1 tab PO BID", "as directed"])),
                ("Qty/Days", f"{r.choice([30, 60, 90])}/{r.choice([30, 90])}"), ("Last fill", fd(c.dos, "m/d/yy")), ("Prescriber", f"{c.dr} NPI {c.npi}")]),
         ("p", r.choice(["No refills remaining.", "Patient out of medication.", "Prior auth may be needed."]))]
    return Doc("refill-request", "Refill request", o, b, subject=r.choice(["Refill request", "Rx renewal", "Refill auth needed"]))
def P_chat(r):
    cs_ = [Case(r) for _ in range(r.randint(2, 4))]; o = org(r)
    lines = [r.choice(["who's still on the list for today?", "quick run-down before I leave:", "ok here's where we are"])]
    for c in cs_:
        lines.append(r.choice([f"{c.p.fl()} - {c.s[5]} back, {c.s[6]}, {r.choice(['MD notified', 'waiting on callback', 'will call tomorrow'])}",
                               f"{c.p.first()} {c.p.family} in {c.room} going home on {c.s[4]}", f"{c.p.LF()} no-showed again ({c.lay()}), 3rd time",
                               f"{c.p.ttl()} ({c.p.fl()}) family wants hospice info, {c.lay()}"]))
    return Doc("team-chatter", "team", o, [("p", "\n".join(lines))], subject=r.choice(["list", "today", "RE: end of day", "handoff"]))
PHI_NARR = [P_resultletter, P_portal, P_callback, P_bed, P_transport, P_referral, P_pa, P_claim, P_es, P_coord, P_discharge, P_billing, P_ssn, P_ub04, P_mbi, P_appt, P_rxreq, P_chat]

def P_adt(r):
    c = Case(r); o = org(r); p = c.p; ts = f"{TODAY:%Y%m%d}{tm24(r)}"
    t = (f"MSH|^~\\&|{o.ehr.upper()}|{asc(o.short).upper().replace(' ', '')}|ADTRCV|HIE|{ts}||ADT^A01|{dg(r, 10)}|P|2.5.1\n"
         f"EVN|A01|{ts}\nPID|1||{c.mrn}^^^MRN||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{asc(p.addr)}^^{p.city}^{p.st}^{p.zip}||{p.phone}|||||{c.acct}|{c.ssn.replace('-', '')}\n"
         f"PV1|1|I|{c.room}^^^{asc(o.short).upper()[:6]}||||{c.npi}^{c.dr.split()[-1].upper()}\nDG1|1||{c.code()}^{c.dx()}^I10")
    return Doc("hl7-adt", "ADT", o, [("p", r.choice(["Interface dropped this one, pasting the raw message:", "Here is the A01 that errored:", "ADT from last night:"])), ("pre", t)], "raw", r.choice(["ADT error", "interface issue - A01", "HL7 msg"]))
def P_oru(r):
    c = Case(r); o = org(r); p = c.p
    t = (f"MSH|^~\\&|LAB|{asc(o.short).upper().replace(' ', '')}|||{TODAY:%Y%m%d}{tm24(r)}||ORU^R01|{dg(r, 9)}|P|2.3\nPID|||{c.mrn}||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}\n"
         f"OBR|1||{dg(r, 8)}|{c.s[5].upper()[:12]}\nOBX|1|ST|{c.s[5][:10]}||{c.s[6]}||||||F")
    return Doc("hl7-oru", "ORU", o, [("p", "Result below did not file to the chart, can you check?"), ("pre", t)], "raw", r.choice(["ORU not filing", "result interface", "RE: missing result"]))
def P_837(r):
    c = Case(r); o = org(r); p = c.p; nm = asc(p.family).upper(), asc(p.given).upper() or "FNU"
    t = (f"NM1*IL*1*{nm[0]}*{nm[1]}*{p.mid}***MI*{c.mem}~\nDMG*D8*{p.dob:%Y%m%d}*{p.sex}~\nCLM*{c.acct}*{r.randint(150, 9000)}***11:B:1*Y*A*Y*Y~\n"
         f"HI*ABK:{c.code().replace('.', '')}~\nNM1*82*1*{asc(staffer(r).family).upper()}*****XX*{c.npi}~\nDTP*472*D8*{c.dos:%Y%m%d}~")
    return Doc("x12-837", "837P", o, [("p", "Clearinghouse rejected this loop - segment pasted below."), ("pre", t)], "raw", r.choice(["837 rejection", "claim reject 2010BA", "EDI question"]))
def P_835(r):
    c = Case(r); o = org(r); p = c.p
    t = (f"CLP*{c.acct}*4*{r.randint(200, 5000)}*0**MC*{c.claim}*11~\nCAS*CO*{r.choice(['16', '197', '50'])}*{r.randint(200, 5000)}~\n"
         f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper() or 'FNU'}****MI*{c.mem}~\nDTM*232*{c.dos:%Y%m%d}~")
    return Doc("x12-835", "835", o, [("p", "Denied on the 835, see CLP below:"), ("pre", t)], "raw", r.choice(["835 denial", "ERA question", "remit"]))
def P_271(r):
    c = Case(r); o = org(r); p = c.p
    t = (f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper() or 'FNU'}****MI*{c.mem}~\nDMG*D8*{p.dob:%Y%m%d}~\nEB*1*IND*30**{r.choice(['GOLD PPO', 'BRONZE HMO', 'MEDICAID MCO'])}~\n"
         f"MSG*PATIENT HAS ACTIVE {c.lay().upper()} CASE MANAGEMENT~")
    return Doc("x12-271", "271", o, [("p", "271 came back like this, is the member active?"), ("pre", t)], "raw", "271 response")
def P_fhir(r):
    c = Case(r); o = org(r); p = c.p
    if r.random() < 0.5:
        res = {"resourceType": "Patient", "id": dg(r, 6), "identifier": [{"type": {"text": "MRN"}, "value": c.mrn}], "name": [{"family": p.family, "given": [x for x in [p.given, p.mid] if x]}],
               "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(), "address": [{"line": [p.addr], "city": p.city, "state": p.st, "postalCode": p.zip}]}
        if r.random() < 0.6: res["extension"] = [{"url": "http://example.org/fhir/condition-note", "valueString": c.dx()}]
        t = json.dumps(res, indent=2, ensure_ascii=False)
    elif r.random() < 0.5:
        res = {"resourceType": "Observation", "status": "final", "code": {"text": c.s[5]}, "subject": {"reference": f"Patient/{dg(r, 6)}", "display": p.fl()}, "effectiveDateTime": c.dos.isoformat(), "valueString": c.s[6]}
        t = json.dumps(res, indent=1, ensure_ascii=False)
    else:
        t = (f'<Patient xmlns="http://hl7.org/fhir">\n  <identifier><system value="urn:oid:2.16.840.1.113883.3.{dg(r, 4)}"/><value value="{c.mrn}"/></identifier>\n'
             f'  <name><family value="{hx(p.family)}"/><given value="{hx(p.given or p.family)}"/></name>\n  <birthDate value="{p.dob.isoformat()}"/>\n</Patient>\n'
             f'<!-- {c.lay()} registry -->')
    return Doc("fhir", "FHIR", o, [("p", r.choice(["Payload from the API call:", "This is what the app sent:", "FHIR response below"])), ("pre", t)], "raw", r.choice(["FHIR payload", "API response", "app integration"]))
PHI_RAW = [P_adt, P_oru, P_837, P_835, P_271, P_fhir]

# ---- PHI lists (date objects kept for real date cells)
PTCOL = ["Patient", "Patient Name", "Name", "PATIENT NAME (LAST, FIRST)", "Pt", "Last, First", "Member"]
def plist(r, cat, title, hdr_fn, row_fn, n=None):
    o = org(r); n = n or r.randint(5, 9); pc = r.choice(PTCOL); rows = []
    for _ in range(n): c = Case(r); rows.append(row_fn(r, c))
    intro = r.choice([f"Run {fd(TODAY, r.choice(['mdy', 'long', 'iso']))} {tm24(r)} from {o.ehr}.", "Please work this list today and document outreach.", f"{o.short} - {len(rows)} patients.", "Updated list below."])
    return Doc(cat, title, o, [("p", intro), ("tbl", hdr_fn(r, pc), rows)], "list", title)
def L_census(r): return plist(r, "census", r.choice(["Unit census", "4 West census 0600", "Midnight census"]), lambda r, pc: ["Rm", pc, r.choice(["DOB", "Birth Date", "D.O.B."]), "Admit", "Dx", "Attending"], lambda r, c: [c.room, c.p.lf(), c.p.dob, c.dos, c.lay(), c.dr])
def L_noshow(r): return plist(r, "no-show-list", "No-show list", lambda r, pc: [pc, r.choice(["MRN", "Med Rec #", "Chart"]), "Appt date", "Visit type", "Phone"], lambda r, c: [c.p.LF(), c.mrn, c.dos, f"{c.lay()} f/u", c.p.phone])
def L_recall(r): return plist(r, "recall-list", r.choice(["Recall list - overdue", "Colonoscopy recall", "Diabetic eye exam recall"]), lambda r, pc: [pc, "DOB", "Last seen", "Due for", "Cell"], lambda r, c: [c.p.fl(), c.p.dob, c.dos - TD(days=400), r.choice(["A1c", "colonoscopy", "retinal exam"] + (["mammogram", "Pap smear"] if c.p.sex == "F" else ["AAA screen"])), c.p.phone])
def L_bedboard(r): return plist(r, "bed-board", "ED boarders awaiting beds", lambda r, pc: [pc, "Age", "Request", "Dx", "Iso", "Arrived"], lambda r, c: [c.p.lf(), c.p.age(), r.choice(["Tele", "ICU", "M/S"]), c.code(), r.choice(["", "Contact", "Droplet"]), c.dos])
def L_transport(r): return plist(r, "transport-board", "Discharge transports", lambda r, pc: [pc, "DOB", "From", "To", "Date", "Mode"], lambda r, c: [c.p.LF(), c.p.dob, c.room, f"{c.p.city} home", TODAY + TD(days=1), r.choice(["BLS", "W/C van", "ALS"])])
def L_refill(r): return plist(r, "refill-queue", "Refill requests", lambda r, pc: [pc, "DOB", "Drug", "NDC", "Last fill", "Prescriber"], lambda r, c: [c.p.lf(), c.p.dob, c.s[4], ndc(r), c.dos, c.dr])
def L_labs(r): return plist(r, "lab-worklist", "Critical values - call list", lambda r, pc: [pc, "MRN", "Test", "Result", "Collected"], lambda r, c: [c.p.LF(), c.mrn, c.s[5], c.s[6], c.dos])
def L_claims(r): return plist(r, "claims-worklist", "Open denials", lambda r, pc: [pc, "Member ID", "Claim #", "DOS", "Dx", "Billed"], lambda r, c: [c.p.lf(), c.mem, c.claim, c.dos, c.code(), f"{r.randint(90, 9000)}.00"])
def L_es(r): return plist(r, "spanish-list", "Lista de citas", lambda r, pc: ["Paciente", "Fecha de nacimiento", "Cita", "Motivo"], lambda r, c: [c.p.fl(), c.p.dob, TODAY + TD(days=r.randint(1, 9)), c.s[3]])
PHI_LIST = [L_census, L_noshow, L_recall, L_bedboard, L_transport, L_refill, L_labs, L_claims, L_es]

# ================================================================== clean narratives
TOPICS = ["atrial fibrillation", "sepsis early recognition", "heart failure readmissions", "gestational diabetes", "COPD inhaler technique", "opioid stewardship", "breast cancer screening"]
def C_schedule(r):
    o = org(r); rows = [f"{fd(TODAY + TD(days=i), 'abbr')}: {staffer(r).fl()} (days), {staffer(r).lf()} (nights)" for i in range(1, r.randint(4, 7))]
    return Doc("staff-schedule", "Charge nurse coverage", o, [("p", "Charge coverage for next week:"), ("p", "\n".join(rows)), ("p", "Swap requests to the unit manager by Friday.")], subject="Charge coverage next week")
def C_training_ssn(r):
    o = org(r)
    return Doc("training-ssn", "Registration training", o, [("p", "For Tuesday's registration class use only the sample data below - never a real patient."),
        KV(r, [("Sample name", "TRAINPATIENT, ALPHA"), ("Sample SSN", r.choice(["078-05-1120", "123-45-6789", "987-65-4320"])), ("Sample DOB", "01/01/1900"), ("Sample MRN", "TRN0000001")]),
        ("p", "SSNs starting with 9 or 000 are rejected by the system; that is expected in the training domain.")], subject="Registration class - sample data")
def C_training_mbi(r):
    o = org(r)
    return Doc("training-mbi", "MBI job aid", o, [("p", "Reminder for the billing team: Medicare Beneficiary Identifiers have 11 characters, format 1AA1-AA1-AA11 (no S, L, O, I, B or Z)."),
        ("p", "CMS's published example is 1EG4-TE5-MK73. Enter without dashes in the 837 (1EG4TE5MK73). Do not paste real MBIs in Teams chats.")], subject="Job aid: MBI format")
def C_deid(r):
    o = org(r); t = r.choice(TOPICS)
    return Doc("deidentified-stats", "Quality dashboard", o, [("p", f"Q{r.randint(1, 4)} {t} dashboard (de-identified, aggregate):"),
        KV(r, [("Encounters", str(r.randint(200, 3000))), ("Median age", str(r.randint(45, 75))), ("30-day readmit", f"{r.uniform(8, 21):.1f}%"), ("Mortality", f"{r.uniform(0.5, 4):.1f}%")]),
        ("p", "Cells under 11 are suppressed per data-use policy.")], subject=f"{t.title()} dashboard")
def C_vendor(r):
    o = org(r); v = r.choice(VENDORS)
    return Doc("vendor-invoice", "Invoice", v, [("p", f"Invoice {dg(r, 7)} for {o.name}"), KV(r, [("PO #", f"PO{dg(r, 8)}"), ("Account No.", f"CUST-{dg(r, 6)}"), ("Item", r.choice(["nitrile gloves M", "IV start kits", "scrub tops"])),
        ("Lot", f"LOT{dg(r, 6)}"), ("REF", f"{dg(r, 5)}-{dg(r, 3)}"), ("Amount due", f"${r.randint(200, 40000):,}.00"), ("Due date", fd(TODAY + TD(days=30), "mdy"))])], subject=f"Invoice {dg(r, 7)}")
def C_ticket(r):
    o = org(r); s = staffer(r)
    return Doc("it-ticket", "IT ticket", VENDORS[1], [("p", f"Ticket INC{dg(r, 7)} opened by {s.fl()} ({o.short})"), KV(r, [("Asset tag", f"CV-{dg(r, 6)}"), ("Location", f"{r.randint(2, 7)}W nurses station"),
        ("Issue", r.choice(["label printer offline", "badge reader not scanning", "Citrix session freezing"])), ("Priority", "P3"), ("Opened", fd(TODAY, "mdy"))])], subject="Ticket update")
def C_newsletter(r):
    o = org(r); t = r.choice(TOPICS); s = staffer(r)
    return Doc("newsletter", "Newsletter", o, [("h", f"{o.short} Clinical Bulletin"), ("p", f"This month: {t}. {s.fl()}, RN, shares tips: \"Early recognition saves lives.\" Our unit cut {t} events {r.randint(10, 40)}% this year."),
        ("p", f"Lunch & learn {fd(TODAY + TD(days=9), 'long')} at noon, room B{r.randint(100, 300)}.")], subject=f"Clinical Bulletin - {MON[TODAY.month - 1]}")
def C_formrev(r):
    o = org(r)
    return Doc("form-revision", "Form revision", o, [("p", f"Form REG-{r.randint(10, 90)} (Patient Registration) has been revised, rev. {fd(TODAY - TD(days=r.randint(5, 40)), 'mdy')}."),
        ("p", f"Changes: Date of Birth field moved to the top; MRN and Member ID fields now required. Old versions may be used until {fd(TODAY + TD(days=30), 'long')}.")], subject="Form revision notice")
def C_birthday(r):
    o = org(r); s = staffer(r)
    return Doc("staff-birthday", "Birthday", o, [("p", f"Shh! {s.fl()} turns {r.choice(['40', '50', '30'])} on {fd(TODAY + TD(days=3), 'long')}. Cake in the 3 East break room at 2:30."),
        ("p", "Card is at the front desk - please sign.")], subject=f"Birthday cake for {s.given}!")
def C_job(r):
    o = org(r)
    return Doc("job-posting", "Job posting", o, [("h", r.choice(["RN - Telemetry (Nights)", "Patient Access Representative", "Coding Specialist II"])),
        ("p", f"Req #{dg(r, 6)}. {o.name} is hiring. Sign-on bonus. Apply by {fd(TODAY + TD(days=21), 'mdy')}."), ("p", "Requirements: current license, BLS, 2 years experience.")], subject="Now hiring")
def C_policy(r):
    o = org(r)
    return Doc("policy", "Policy update", o, [("p", f"Policy {r.choice(['PC-114', 'ADM-22', 'IC-07'])} \"{r.choice(['Patient identification', 'Minimum necessary', 'Secure e-mail'])}\" updated effective {fd(TODAY + TD(days=14), 'long')}."),
        ("p", "Use two identifiers (name and date of birth) before every procedure. Send PHI outside the organisation only with [secure] in the subject line.")], subject="Policy update")
def C_hipaa(r):
    o = org(r)
    return Doc("hipaa-reminder", "HIPAA training", o, [("p", f"Annual HIPAA privacy and security training is due {fd(TODAY + TD(days=r.randint(7, 30)), 'long')}."),
        ("p", "Module takes ~25 minutes. Questions: privacy office ext. " + dg(r, 4) + ".")], subject="HIPAA training due")
def C_es(r):
    o = org(r)
    return Doc("spanish-notice", "Aviso", o, [("p", f"Aviso para el personal: la clínica de vacunas contra la influenza será el {fd(TODAY + TD(days=5), 'es')} en la cafetería."),
        ("p", "Traiga su gafete de empleado. Staff flu clinic - bring your badge.")], subject="Clínica de vacunas / Flu clinic")
def C_gymcar(r):
    o = org(r)
    if r.random() < 0.5:
        return Doc("gym-member", "Wellness", o, [("p", f"Your corporate wellness enrollment is confirmed. FitCore member #{dg(r, 9)}, start {fd(TODAY + TD(days=1), 'mdy')}.")], subject="Wellness program")
    return Doc("fleet-insurance", "Fleet insurance", o, [("p", f"Auto policy {r.choice(['PAP', 'BAP'])}{dg(r, 9)} renewed for the courier vans. VIN 1FTBR{dg(r, 4)}KKB{dg(r, 5)}. Claim # {dg(r, 8)} (fender, parking garage) closed.")], subject="Fleet auto policy")
def C_grand(r):
    o = org(r); s = staffer(r)
    return Doc("grand-rounds", "Grand rounds", o, [("p", f"Medicine Grand Rounds {fd(TODAY + TD(days=4), 'long')} 8:00 AM: \"{r.choice(TOPICS).title()}: 2026 update\"."),
        ("p", f"Speaker: {s.fl()}, MD (NPI {npi(r)}). CME 1.0. No patient cases will be presented.")], subject="Grand rounds this week")
def C_tipsheet(r):
    o = org(r)
    return Doc("tip-sheet", "Tip sheet", o, [("h", f"{o.ehr} tip sheet: registering a newborn"), ("p", "Practice in the PLAYGROUND environment only. Use the sample record below."),
        KV(r, [("Patient", "ZZTEST, BABYGIRL"), ("DOB", "01/01/2000"), ("MRN", "PLY0000042"), ("Member ID", "TEST00000001")]),
        ("p", "Never use a real patient record for practice; it is a reportable privacy event.")], subject="Tip sheet - newborn registration")
def C_census_counts(r):
    o = org(r)
    return Doc("census-counts", "Bed status", o, [("p", f"House census {tm24(r)}: {r.randint(180, 320)} inpatients, {r.randint(0, 25)} ED holds, {r.randint(3, 30)} pending discharges."),
        KV(r, [("4 West", f"{r.randint(20, 32)}/32"), ("ICU", f"{r.randint(10, 20)}/20"), ("Tele", f"{r.randint(18, 28)}/28"), ("Peds", f"{r.randint(2, 12)}/14")]),
        ("p", "Surge plan level: " + r.choice(["green", "yellow", "orange"]) + ". No patient details in this e-mail by design.")], subject="Bed status / capacity")
def C_product_recall(r):
    o = org(r)
    return Doc("product-recall", "Recall notice", VENDORS[0], [("p", f"URGENT: Medical device recall (Class {r.choice(['I', 'II'])}) - {r.choice(['infusion set', 'suction canister', 'IV catheter 20G'])}"),
        KV(r, [("REF", f"{dg(r, 5)}"), ("Lot numbers", ", ".join(f"{dg(r, 7)}" for _ in range(3))), ("Expiration", fd(TODAY + TD(days=300), "iso")), ("Customer #", dg(r, 7))]),
        ("p", f"Quarantine affected stock and return the response form by {fd(TODAY + TD(days=10), 'long')}.")], subject="Product recall notice")
def C_noshow_stats(r):
    o = org(r)
    return Doc("access-metrics", "Access metrics", o, [("p", f"{MON[TODAY.month - 2]} access metrics (all clinics):"),
        KV(r, [("No-show rate", f"{r.uniform(6, 18):.1f}%"), ("Same-day cancels", str(r.randint(40, 400))), ("3rd next available", f"{r.randint(4, 40)} days"), ("Recall letters sent", str(r.randint(200, 2000)))]),
        ("p", "Reminder texts now go out 48 and 24 hours before each visit.")], subject="Access metrics")
CLEAN_NARR = [C_schedule, C_training_ssn, C_training_mbi, C_deid, C_vendor, C_ticket, C_newsletter, C_formrev, C_birthday, C_job, C_policy, C_hipaa, C_es, C_gymcar, C_grand, C_tipsheet, C_census_counts, C_product_recall, C_noshow_stats]

def Q_hl7(r): return Doc("hl7-spec", "HL7 spec", org(r), [("p", "Interface spec draft, section 4.2 - ADT A04 layout:"), ("pre", "MSH|^~\\&|<SEND_APP>|<SEND_FAC>|<RCV_APP>|<RCV_FAC>|<YYYYMMDDHHMM>||ADT^A04|<CTRL_ID>|P|2.5.1\nPID|1||<MRN>^^^<AUTH>^MR||<LAST>^<FIRST>^<MI>||<DOB YYYYMMDD>|<SEX>\nPV1|1|O|<LOC>")], "raw", "ADT spec draft")
def Q_x12(r): return Doc("x12-guide", "EDI", org(r), [("p", "Companion guide excerpt (test file, ISA15 = T):"), ("pre", f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*GRANITEPK      *{TODAY:%y%m%d}*1030*^*00501*{dg(r, 9)}*0*T*:~\nNM1*IL*1*{{SUBSCRIBER_LAST}}*{{FIRST}}****MI*{{MEMBER_ID}}~\nAK9*A*1*1*1~")], "raw", "EDI companion guide")
def Q_fhir(r): return Doc("fhir-profile", "FHIR", org(r), [("p", "Profile template for the new app (placeholders only):"), ("pre", json.dumps({"resourceType": "Patient", "identifier": [{"system": "urn:oid:<ORG_OID>", "value": "{{mrn}}"}], "name": [{"family": "{{family}}", "given": ["{{given}}"]}], "birthDate": "{{yyyy-mm-dd}}"}, indent=2))], "raw", "FHIR profile")
def Q_ack(r): return Doc("hl7-ack", "ACK", org(r), [("p", "Interface engine is returning this ACK for every message since the upgrade - no PID, just the ack:"), ("pre", f"MSH|^~\\&|ADTRCV|HIE|{org(r).ehr.upper()}|CVMC|{TODAY:%Y%m%d}{tm24(r)}||ACK^A01|{dg(r, 8)}|P|2.5.1\nMSA|AE|{dg(r, 10)}|Field PV1-3 invalid\nERR|^^^207&Application internal error")], "raw", "ACK errors since upgrade")
def Q_testmsg(r): return Doc("hl7-test-patient", "TEST", org(r), [("p", "TEST environment only - please validate mapping with this synthetic message:"), ("pre", f"MSH|^~\\&|LAB|TST|||{TODAY:%Y%m%d}0900||ORU^R01|T{dg(r, 6)}|T|2.3\nPID|||TST{dg(r, 5)}||ZZTEST^INTERFACE||19000101|U\nOBX|1|NM|2345-7^GLUCOSE||999|mg/dL|||||F")], "raw", "TST mapping validation")
def Q_cap(r): return Doc("fhir-capability", "FHIR", org(r), [("p", "Vendor's CapabilityStatement for the new scheduling API:"), ("pre", json.dumps({"resourceType": "CapabilityStatement", "status": "active", "date": TODAY.isoformat(), "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"], "rest": [{"mode": "server", "resource": [{"type": "Patient", "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": [{"name": "birthdate", "type": "date"}, {"name": "identifier", "type": "token"}]}, {"type": "Appointment", "interaction": [{"code": "read"}]}]}]}, indent=2))], "raw", "FHIR CapabilityStatement")
def Q_ta1(r): return Doc("x12-ta1", "TA1", org(r), [("p", "Got a TA1 back from the clearinghouse (envelope only, no claims):"), ("pre", f"ISA*00*          *00*          *ZZ*WAYSTAR        *ZZ*{dg(r, 9)}      *{TODAY:%y%m%d}*1412*^*00501*{dg(r, 9)}*0*P*:~\nTA1*{dg(r, 9)}*{TODAY:%y%m%d}*1410*R*022~\nIEA*0*{dg(r, 9)}~")], "raw", "TA1 reject")
CLEAN_RAW = [Q_hl7, Q_x12, Q_fhir, Q_ack, Q_testmsg, Q_cap, Q_ta1]

def clist(r, cat, title, hdr, rowf, n=None):
    o = org(r); intro = r.choice([f"Current as of {fd(TODAY, r.choice(['mdy', 'long']))}.", "See below; questions to the unit manager.", f"{o.short} - internal use.", "Updated list below."])
    return Doc(cat, title, o, [("p", intro), ("tbl", hdr, [rowf(r) for _ in range(n or r.randint(5, 9))])], "list", title)
def K_sched(r): return clist(r, "staff-schedule", "Nursing schedule", ["Staff", "Date", "Shift", "Unit"], lambda r: [staffer(r).lf(), TODAY + TD(days=r.randint(1, 14)), r.choice(["D", "N", "E"]), r.choice(["4W", "ICU", "ED"])])
def K_oncall(r): return clist(r, "on-call", "On-call physicians", ["Physician", "NPI", "Date", "Service"], lambda r: [f"{staffer(r).LF()}, MD", npi(r), TODAY + TD(days=r.randint(1, 30)), r.choice(["Hospitalist", "Cardiology", "OB"])])
def K_inv(r): return clist(r, "pharmacy-inventory", "Pharmacy inventory", ["Drug", "NDC", "Lot", "Expiration", "Qty"], lambda r: [r.choice(SC)[4], ndc(r), f"{r.choice('ABCKX')}{dg(r, 5)}", TODAY + TD(days=r.randint(60, 600)), r.randint(2, 200)])
def K_po(r): return clist(r, "purchase-orders", "Open purchase orders", ["PO", "Vendor", "Date", "Amount"], lambda r: [f"PO{dg(r, 8)}", r.choice(VENDORS).name, TODAY - TD(days=r.randint(1, 40)), f"{r.randint(100, 50000)}.00"])
def K_train(r): return clist(r, "training-compliance", "Training compliance", ["Employee", "Employee ID", "Due", "Status"], lambda r: [staffer(r).fl(), f"{dg(r, 6)}", TODAY + TD(days=r.randint(-10, 30)), r.choice(["Complete", "Overdue", "In progress"])])
def K_deid(r): return clist(r, "deidentified-stats", "Admissions by age band (de-identified)", ["Age band", "Month", "Admissions", "LOS (avg)"], lambda r: [r.choice(["0-17", "18-44", "45-64", "65-79", "80+"]), D(2026, r.randint(1, 11), 1), r.randint(11, 400), f"{r.uniform(2, 7):.1f}"])
def K_test(r): return clist(r, "test-patients", "Test patients - TRAIN environment", ["Test patient", "DOB", "MRN"], lambda r: [f"ZZZTEST, {r.choice(['ONE', 'TWO', 'PEDS', 'OB', 'ADULT'])}", D(1900, 1, 1), f"TST{dg(r, 6)}"])
def K_rooms(r): return clist(r, "room-bookings", "Conference room bookings", ["Room", "Date", "Booked by", "Purpose"], lambda r: [f"B{r.randint(100, 300)}", TODAY + TD(days=r.randint(1, 10)), staffer(r).fl(), r.choice(["Budget review", "Epic upgrade", "Nursing council"])])
CLEAN_LIST = [K_sched, K_oncall, K_inv, K_po, K_train, K_deid, K_test, K_rooms]

# ================================================================== renderers
def cs(v, st="mdy"): return fd(v, st) if isinstance(v, D) else str(v)
def kv_text(items, sty):
    w = max(len(k) for k, _ in items) + 2; out = []
    for k, v in items:
        if sty == "colon": out.append(f"{k}{'' if k.endswith((':', '#')) else ':'} {v}")
        elif sty == "space": out.append(f"{k.rstrip(':').ljust(w)}{v}")
        elif sty == "next": out.append(f"{k}\n    {v}")
        else: out.append(f"{k.rstrip(':')} | {v}")
    return "\n".join(out)
def render_text(doc, dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] in ("p", "h", "pre"): out.append(b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], b[2]))
        elif b[0] == "tbl":
            rows = [b[1]] + [[cs(x, dst) for x in row] for row in b[2]]; ws = [max(len(str(rw[i])) for rw in rows) for i in range(len(b[1]))]
            out.append("\n".join("  ".join(str(x).ljust(ws[i]) for i, x in enumerate(rw)).rstrip() for rw in rows))
    return "\n\n".join(out) + "\n"
def render_html(doc):
    h = ['<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">']
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "h": h.append(f"<h3>{hx(b[1])}</h3>")
        elif b[0] == "pre": h.append(f"<pre>{hx(b[1])}</pre>")
        elif b[0] == "kv": h.append('<table border="1" cellpadding="3" style="border-collapse:collapse">' + "".join(f"<tr><td><b>{hx(k)}</b></td><td>{hx(str(v))}</td></tr>" for k, v in b[1]) + "</table>")
        elif b[0] == "tbl": h.append('<table border="1" cellpadding="3" style="border-collapse:collapse"><tr>' + "".join(f"<th>{hx(x)}</th>" for x in b[1]) + "</tr>" + "".join("<tr>" + "".join(f"<td>{hx(cs(x))}</td>" for x in row) + "</tr>" for row in b[2]) + "</table>")
    return "\n".join(h) + "</body></html>"

def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b12/ + file name (re-typed after batch 11's helper)"""
    h = hashlib.sha256(("b12/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261212170000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-12T17:00:00", data)
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
from reportlab.platypus import BaseDocTemplate, SimpleDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, Preformatted, FrameBreak
from reportlab.lib import colors
from reportlab.lib.units import inch
SS = getSampleStyleSheet()
SMALL = ParagraphStyle("sm", parent=SS["BodyText"], fontSize=8.5, leading=10)
def rx(s): return hx(lat1(str(s))).replace("\n", "<br/>")
def rl_pdf(r, doc):
    buf = io.BytesIO(); o = doc.o; lay = r.choice(["plain", "plain", "twocol", "boxed"])
    band = r.choice([colors.HexColor("#1f4e79"), colors.HexColor("#2e7d32"), colors.HexColor("#6a1b9a"), colors.HexColor("#b35900")])
    def head(c, d):
        c.saveState(); c.setFillColor(band); c.rect(0.6 * inch, 10.25 * inch, 7.3 * inch, 0.32 * inch, fill=1, stroke=0)
        c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 11); c.drawString(0.7 * inch, 10.35 * inch, lat1(o.name))
        c.setFillColor(colors.black); c.setFont("Helvetica", 7.5); c.drawString(0.6 * inch, 0.5 * inch, lat1(f"{o.addr}  |  Tel {o.phone}  |  Fax {o.fax}")); c.restoreState()
    fl = [Paragraph(rx(doc.title), SS["Heading2"])]
    for b in doc.blocks:
        if b[0] == "p": fl.append(Paragraph(rx(b[1]), SS["BodyText"]))
        elif b[0] == "h": fl.append(Paragraph(rx(b[1]), SS["Heading3"]))
        elif b[0] == "pre": fl.append(Preformatted(lat1(b[1]), ParagraphStyle("pre", fontName="Courier", fontSize=7, leading=8.5)))
        elif b[0] == "kv":
            data = [[Paragraph("<b>" + rx(k) + "</b>", SMALL), Paragraph(rx(v), SMALL)] for k, v in b[1]]
            if lay == "boxed" and len(data) > 3:   # two label/value pairs per row
                data = [data[i] + (data[i + 1] if i + 1 < len(data) else ["", ""]) for i in range(0, len(data), 2)]
            t = Table(data, colWidths=None); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7"))]))
            fl += [t, Spacer(1, 6)]
        elif b[0] == "tbl":
            data = [[Paragraph("<b>" + rx(x) + "</b>", SMALL) for x in b[1]]] + [[Paragraph(rx(cs(x)), SMALL) for x in row] for row in b[2]]
            t = Table(data, repeatRows=1); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            fl += [t, Spacer(1, 6)]
    if lay == "twocol" and doc.kind != "list":
        d = BaseDocTemplate(buf, pagesize=letter, title=lat1(doc.title), author=lat1(o.short))
        w = (7.3 * inch - 0.3 * inch) / 2
        d.addPageTemplates([PageTemplate(id="two", frames=[Frame(0.6 * inch, 0.8 * inch, w, 9.3 * inch, id="c1"), Frame(0.6 * inch + w + 0.3 * inch, 0.8 * inch, w, 9.3 * inch, id="c2")], onPage=head)])
        d.build(fl)
    else:
        d = SimpleDocTemplate(buf, pagesize=letter, title=lat1(doc.title), author=lat1(o.short), topMargin=1.05 * inch, leftMargin=0.6 * inch, rightMargin=0.6 * inch)
        d.build(fl, onFirstPage=head, onLaterPages=head)
    return buf.getvalue()

# ---- hand-written PostScript (distilled by ghostscript)
def ps_str(t):
    out = []
    for ch in lat1(t):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def wrap(t, n):
    out = []
    for para in t.split("\n"):
        line = ""
        for w in para.split(" "):
            if line and len(line) + 1 + len(w) > n: out.append(line); line = w
            else: line = (line + " " + w) if line else w
        out.append(line)
    return out
def ps_doc(r, doc):
    o = doc.o; items = []   # (font, size, text)
    for b in doc.blocks:
        if b[0] == "p": items += [("/HelvISO", 10, ln) for ln in wrap(b[1], 92)] + [("/HelvISO", 10, "")]
        elif b[0] == "h": items += [("/HelvBISO", 11.5, b[1]), ("/HelvISO", 6, "")]
        elif b[0] == "kv": items += [("/CourISO", 9, ln) for ln in kv_text(b[1], r.choice(["colon", "space"])).split("\n")] + [("/HelvISO", 8, "")]
        else: items += [("/CourISO", 7.5, ln[:118]) for ln in render_text(Doc("", "", o, [b])).rstrip("\n").split("\n")] + [("/HelvISO", 8, "")]
    hdr = ["%!PS-Adobe-3.0", f"%%Title: {asc(doc.title)}", f"%%Creator: {o.ehr} print service", "%%Pages: (atend)", "%%EndComments",
           "/reenc { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop } def",
           "/HelvISO /Helvetica reenc /HelvBISO /Helvetica-Bold reenc /CourISO /Courier reenc"]
    pages = []; cur = []; y = 700
    def head():
        return ["0.85 setgray 36 730 540 34 rectfill 0 setgray", f"/HelvBISO findfont 14 scalefont setfont 46 742 moveto {ps_str(o.name)} show",
                f"/HelvISO findfont 7.5 scalefont setfont 36 24 moveto {ps_str(o.addr + '   Tel ' + o.phone + '   Fax ' + o.fax)} show",
                f"/HelvBISO findfont 12 scalefont setfont 36 710 moveto {ps_str(doc.title)} show"]
    for f, sz, t in items:
        if y < 48:
            pages.append(cur); cur = []; y = 740
            if len(pages) == 2: break
        y -= sz + 3
        if t: cur.append(f"{f} findfont {sz} scalefont setfont 36 {y:.1f} moveto {ps_str(t)} show")
    if cur and len(pages) < 2: pages.append(cur)
    body = []
    for i, pg in enumerate(pages, 1): body += [f"%%Page: {i} {i}"] + (head() if i == 1 else []) + pg + ["showpage"]
    return "\n".join(hdr + body + ["%%Trailer", f"%%Pages: {len(pages)}", "%%EOF"]) + "\n"
def ps_pdf(ctx, r, doc, key):
    p = ctx.path(".ps")
    with open(p, "wb") as f: f.write(ps_doc(r, doc).encode("latin-1"))
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)

import fpdf as _fpdf
from fpdf import FPDF
def fp_pdf(r, doc):
    o = doc.o; lay = r.choice(["letter", "form", "grid", "cols"]); uni = r.random() < 0.5
    pdf = FPDF(format="letter"); pdf.set_auto_page_break(True, 15)
    pdf.set_creation_date(dtm.datetime(2026, 12, 12, 17, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    pdf.set_title(asc(doc.title)); pdf.set_author(asc(o.short))
    if uni: pdf.add_font("DJ", "", DJ); pdf.add_font("DJ", "B", DJB); F = "DJ"; T = str
    else: F = "Helvetica"; T = lat1
    pdf.add_page(); rgb = r.choice([(20, 70, 120), (0, 110, 90), (120, 30, 60), (70, 70, 70)])
    pdf.set_fill_color(*rgb); pdf.rect(10, 8, 196, 14, style="F"); pdf.set_text_color(255, 255, 255); pdf.set_font(F, "B", 13)
    pdf.set_xy(13, 10); pdf.cell(0, 10, T(o.name)); pdf.set_text_color(0, 0, 0); pdf.set_font(F, "", 8); pdf.set_xy(10, 23)
    pdf.cell(0, 5, T(f"{o.addr} - Phone {o.phone} - Fax {o.fax}"), new_x="LMARGIN", new_y="NEXT"); pdf.ln(3)
    pdf.set_font(F, "B", 12); pdf.cell(0, 8, T(doc.title), new_x="LMARGIN", new_y="NEXT")
    if lay == "cols" and doc.kind == "narr":
        pdf.set_font(F, "", 9.5)
        with pdf.text_columns(ncols=2, gutter=8, text_align="J") as cols:
            for b in doc.blocks:
                if b[0] == "kv": cols.write(text=T(kv_text(b[1], "colon")) + "\n\n")
                elif b[0] == "tbl": cols.write(text=T(render_text(Doc("", "", o, [b]))) + "\n")
                else: cols.write(text=T(b[1]) + "\n\n")
        return bytes(pdf.output())
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(F, "B", 11); pdf.multi_cell(0, 6, T(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "p": pdf.set_font(F, "", 10); pdf.multi_cell(0, 5, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "pre": pdf.set_font("Courier", "", 7.5); pdf.multi_cell(0, 3.8, lat1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "kv":
            if lay == "form":   # boxed fields, caption above value, two per row
                x0 = 10; w = 96
                for i, (k, v) in enumerate(b[1]):
                    x = x0 + (i % 2) * (w + 4); y = pdf.get_y()
                    if i % 2 == 0 and y > 250: pdf.add_page(); y = pdf.get_y()
                    pdf.rect(x, y, w, 12); pdf.set_xy(x + 1, y + 0.5); pdf.set_font(F, "", 6.5); pdf.set_text_color(90, 90, 90); pdf.cell(w - 2, 3.5, T(k.rstrip(":").upper()))
                    pdf.set_text_color(0, 0, 0); pdf.set_xy(x + 1, y + 5); pdf.set_font(F, "", 9.5); pdf.cell(w - 2, 6, T(str(v))[:60])
                    if i % 2 == 1 or i == len(b[1]) - 1: pdf.set_xy(x0, y + 14)
                    else: pdf.set_xy(x0, y)
                pdf.ln(2)
            else:
                pdf.set_font(F, "", 9.5)
                with pdf.table(col_widths=(35, 65), first_row_as_headings=False, line_height=5) as t:
                    for k, v in b[1]: row = t.row(); row.cell(T(k)); row.cell(T(str(v)))
                pdf.ln(3)
        elif b[0] == "tbl":
            pdf.set_font(F, "", 8 if len(b[1]) > 5 else 9)
            with pdf.table(line_height=4.5, headings_style=_fpdf.FontFace(emphasis="BOLD", fill_color=(225, 232, 240))) as t:
                row = t.row()
                for x in b[1]: row.cell(T(x))
                for rw in b[2]:
                    row = t.row()
                    for x in rw: row.cell(T(cs(x, "mdy")))
            pdf.ln(3)
    if r.random() < 0.3:
        y = min(pdf.get_y() + 8, 250); pdf.set_draw_color(190, 30, 30); pdf.set_text_color(190, 30, 30); pdf.set_font("Helvetica", "B", 16)
        with pdf.rotation(angle=r.choice([12, 18, -10]), x=150, y=y):
            pdf.set_xy(120, y - 6); pdf.cell(62, 12, r.choice(["RECEIVED", "FAXED", "SCANNED", "COPY"]) + " " + fd(TODAY - TD(days=r.randint(0, 4)), "dmy").upper(), border=1, align="C")
        pdf.set_draw_color(0, 0, 0); pdf.set_text_color(0, 0, 0); pdf.set_xy(10, y + 10)
    if lay == "letter" or r.random() < 0.3:
        pdf.set_font(F, "", 7); pdf.set_text_color(110, 110, 110)
        pdf.multi_cell(0, 3.5, T("CONFIDENTIAL: intended only for the addressee. If received in error, notify the sender and destroy all copies."), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

import docx as _docx
from docx.shared import Pt, Inches, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
def docx_bytes(r, doc, logo=False):
    d = _docx.Document(); o = doc.o; sec = d.sections[0]
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria"]); st.font.size = Pt(10.5)
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(2.2)); hp = sec.header.add_paragraph()
    hr = hp.add_run(f"{o.name}  |  {o.phone}"); hr.font.size = Pt(8); hr.font.color.rgb = RGBColor(0x44, 0x55, 0x66)
    fp = sec.footer.paragraphs[0]; fp.text = r.choice(["Confidential", f"Printed from {o.ehr}", f"{o.short} - internal", "Page 1"]); fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_heading(doc.title, level=r.choice([1, 2]))
    for b in doc.blocks:
        if b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "h": d.add_heading(b[1], level=3)
        elif b[0] == "pre":
            p = d.add_paragraph(); run = p.add_run(b[1]); run.font.name = "Courier New"; run.font.size = Pt(8)
        elif b[0] == "kv":
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for k, v in b[1]: c = t.add_row().cells; c[0].text = k; c[1].text = str(v)
            d.add_paragraph()
        elif b[0] == "tbl":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1"])
            for i, x in enumerate(b[1]): t.rows[0].cells[i].text = x
            dst = r.choice(["mdy", "m/d/yy", "iso"])
            for rw in b[2]:
                c = t.add_row().cells
                for i, x in enumerate(rw): c[i].text = cs(x, dst)
    bio = io.BytesIO(); d.save(bio); return fix_zip(bio.getvalue())

import openpyxl
from openpyxl.styles import Font, PatternFill
def xlsx_bytes(r, doc):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = r.choice(["Sheet1", "List", "Export", doc.cat[:20]])
    tb = [b for b in doc.blocks if b[0] == "tbl"][0]; nf = r.choice(["mm/dd/yyyy", "m/d/yy", "yyyy-mm-dd", "dd-mmm-yyyy"]); row0 = 1
    if r.random() < 0.6: ws.cell(1, 1, f"{doc.o.short} - {doc.title}").font = Font(bold=True, size=12); row0 = 3
    for j, h in enumerate(tb[1], 1):
        c = ws.cell(row0, j, h); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="DDE6F0")
    for i, rw in enumerate(tb[2], row0 + 1):
        for j, v in enumerate(rw, 1):
            c = ws.cell(i, j, v)
            if isinstance(v, D): c.number_format = nf
    for j in range(1, len(tb[1]) + 1): ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = 18
    ws.freeze_panes = ws.cell(row0 + 1, 1)
    wb.properties.creator = doc.o.short; wb.properties.created = wb.properties.modified = dtm.datetime(2026, 12, 12, 17, 0)
    bio = io.BytesIO(); wb.save(bio); return fix_zip(bio.getvalue())
def csv_bytes(r, doc):
    tb = [b for b in doc.blocks if b[0] == "tbl"][0]; v = r.randrange(5); dst = r.choice(["mdy", "iso", "ymd8", "m/d/yyyy"])
    rows = [tb[1]] + [[cs(x, dst) for x in rw] for rw in tb[2]]; s = io.StringIO()
    delim, ext = [(",", "csv"), (",", "csv"), ("\t", "tsv"), ("|", "txt"), (";", "csv")][v]
    w = csv.writer(s, delimiter=delim, quoting=csv.QUOTE_ALL if r.random() < 0.3 else csv.QUOTE_MINIMAL, lineterminator=r.choice(["\r\n", "\n"]))
    for rw in rows: w.writerow(rw)
    t = s.getvalue()
    if ext == "csv" and r.random() < 0.3: t = "\ufeff" + t
    return t.encode("utf-8"), ext

from PIL import Image, ImageDraw, ImageFont
_LOGO = {}
def logo_png(o):
    if o.dom not in _LOGO:
        hsh = hashlib.sha256(o.dom.encode()).digest(); col = (hsh[0] // 2, 60 + hsh[1] // 3, 100 + hsh[2] // 3)
        im = Image.new("RGB", (320, 80), "white"); dr = ImageDraw.Draw(im)
        dr.rounded_rectangle((4, 8, 68, 72), 12, fill=col); dr.rectangle((30, 18, 42, 62), fill="white"); dr.rectangle((14, 34, 58, 46), fill="white")
        f = ImageFont.truetype(DJB, 20); dr.text((80, 16), asc(o.short), fill=col, font=f); dr.text((80, 44), asc(o.city + ", " + o.st), fill=(90, 90, 90), font=ImageFont.truetype(DJ, 13))
        b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[o.dom] = b.getvalue()
    return _LOGO[o.dom]

# ================================================================== mail assembly (skeleton re-typed after batch 11)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18129", "Apple Mail (2.3826.400.131)", "iPhone Mail (22C161)", "Mozilla Thunderbird 128.5.2", "Epic Secure Chat relay"]
TITLES = ["RN Case Manager", "Patient Access Specialist", "HIM Coordinator", "Charge RN", "Billing Representative", "Unit Secretary", "Clinical Pharmacist", "Transfer Center RN", "Referral Coordinator", "Practice Manager"]
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given).lower())[:1] or 'x'}{re.sub('[^a-z]', '', asc(p.family).lower())}@{dom}"
def sig_block(r, s, o):
    return r.choice([f"{s.fl()}\n{r.choice(TITLES)}\n{o.name}\nP {o.phone} | F {o.fax}", f"Thank you,\n{s.given}", f"-{s.given[:1]}{s.family[:1]}",
                     f"{s.fl()}, {r.choice(TITLES)} | {o.short}\nThis message may contain confidential information. If you are not the intended recipient, please delete it."])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 8))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 20), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-r.choice([5, 6, 7, 8]))))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([s.fl(), f"{s.family}, {s.given}"]), addr_spec=mbox(s, o.dom))
    if to is None: t = staffer(r); to = Address(display_name=r.choice([t.fl(), f"{t.family}, {t.given}", ""]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 20)}.{dg(r, 6)}@{o.dom}>"
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
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename="image001.png", disposition="inline")
COVERS = ["Please see attached.", "Attached as requested.", "See attached.", "Attached - let me know if you need anything else.", "Adjunto el documento solicitado.", "Attached for your review.", "Sending securely, see attachment."]
GEN_SUBJ = ["Document", "Scan", "Fax", "[secure] attachment", "Requested file", "Report", "Attached", "[EXTERNAL] document"]
def cover(r, m, s, o, label):
    if r.random() < 0.1:
        sethdr(m, "From", Address(display_name="RICOH MP C4504", addr_spec=f"scan{r.randint(1, 9)}@{o.dom}")); m.set_content(f"Please find the scanned document.\nNumber of pages: {r.randint(1, 3)}\nFile format: PDF\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < (0.35 if label == "clean" else 0.2))
def build_plain(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o)
    set_body(r, m, r.choice(["", "Hi,\n\n", "Good morning,\n\n", "Hello team,\n\n"]) + render_text(doc, r.choice(["mdy", "m/d/yy", "iso"])) + "\n" + sig_block(r, s, o) + "\n", o=o, logo=r.random() < (0.25 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o); sig = sig_block(r, s, o)
    html = render_html(doc).replace("</body>", "<p>" + hx(sig).replace("\n", "<br>") + "</p></body>")
    set_body(r, m, render_text(doc) + "\n" + sig + "\n", html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.3)); return m
def quote(t): return "\n".join(("> " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = staffer(r); subj = doc.subject or doc.title; inner = render_text(doc) + "\n" + sig_block(r, s0, o)
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "RE: FW: ", "FW: RE: "]) + subj, o); st = r.randrange(5); d0 = TODAY - TD(days=r.randint(1, 6))
    top = r.choice(["See below - can you take care of this?", "FYI", "Forwarding per our call.", "Please review and advise.", "Looping you in.", "Ver abajo, gracias."]) + "\n\n" + sig_block(r, s, o)
    frm = f"{s0.fl()} <{mbox(s0, o.dom)}>"
    if st == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {frm}\nSent: {MON[d0.month - 1][:3]} {d0.day}, {d0.year} {tm(r)}\nTo: {s.fl()}\nSubject: {subj}\n\n{inner}"
    elif st == 1: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm}\nDate: {fd(d0, 'long')} at {tm(r)}\nSubject: {subj}\nTo: <{mbox(s, o.dom)}>\n\n{inner}"
    elif st == 2: body = f"{top}\n\nOn {fd(d0, 'long')} at {tm(r)}, {frm} wrote:\n{quote(inner)}"
    elif st == 3: body = f"{top}\n\n________________________________\nFrom: {frm}\nSent: {fd(d0, 'long')}\nSubject: {subj}\n\n{inner}"
    else:
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = mbox(s, o.dom); im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, 10, 5, tzinfo=dtm.timezone(TD(hours=-5))))
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename="original message.eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.2); return m

# ================================================================== header carrier
HDR_BODY = ["Please call me when you can.", "Thanks!", "See Epic.", "Can you take a look today?", "Following up on this.", "Done - thanks.", "Got it, will do.", "Please advise.", "Gracias."]
def hb(r, m, s, o): m.set_content(r.choice(HDR_BODY) + "\n\n" + sig_block(r, s, o) + "\n")
def HP_bed(r, o, c): p = c.p; return new_msg(r, f"Bed request {r.choice(['4W tele', 'ICU', '5E med/surg'])} - {p.LF()} {p.age()}{p.sex} {c.lay()}", o)
def HP_transport(r, o, c): p = c.p; return new_msg(r, f"Transport: {p.ttl()} (DOB {dob_s(r, p)}) to dialysis {tm(r)}", o)
def HP_to(r, o, c): p = c.p; return new_msg(r, "Appointment follow-up", o, to=Address(display_name=f"Patient: {p.lf()} - MRN {c.mrn}", addr_spec=p.email))
def HP_cc(r, o, c): p = c.p; return new_msg(r, "Question", o, cc=Address(display_name=f"{p.lf()} (Mbr {c.mem} - {c.lay()} case mgmt)", addr_spec=p.email))
def HP_xpat(r, o, c): p = c.p; m, s = new_msg(r, "Chart note", o); m["X-EMR-Context"] = f"enc={c.acct}; pt={p.hl7()}; dob={p.dob:%Y%m%d}; dx={c.code()}"; return m, s
def HP_origsubj(r, o, c): p = c.p; m, s = new_msg(r, "[Encrypted message]", o); m["X-Original-Subject"] = f"Path results {p.fl()} - {c.s[6]}"; return m, s
def HP_thread(r, o, c): p = c.p; m, s = new_msg(r, "RE: update", o); m["Thread-Topic"] = f"{p.fl()} - {c.s[5]} {c.s[6]}"; m["Thread-Index"] = "AdlB" + hexs(r, 18); return m, s
def HP_keywords(r, o, c): p = c.p; m, s = new_msg(r, "Scanned record", o); m["Keywords"] = f"{p.lf()}, {fd(p.dob, 'iso')}, {c.code()}"; return m, s
def HP_secure(r, o, c): p = c.p; return new_msg(r, f"[secure] {p.fl()} DOB {fd(p.dob, 'm/d/yy')} {c.s[5]} {c.s[6]}", o)
def HP_es(r, o, c): p = c.p; return new_msg(r, f"Cita de seguimiento - {'Sra.' if p.sex == 'F' else 'Sr.'} {p.fl()} - {c.s[3]}", o)
def HP_noshow(r, o, c): p = c.p; return new_msg(r, f"No-show x3 - {p.LF()} MRN {c.mrn} - dismiss from practice?", o)
def HP_recall(r, o, c): p = c.p; return new_msg(r, f"Recall: {p.fl()} overdue {r.choice(['colonoscopy', 'mammogram', 'A1c', 'INR check'])} ({c.lay()})", o)
def HP_hl7(r, o, c): p = c.p; return new_msg(r, f"A08 failed: PID|1||{c.mrn}||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}", o)
def HP_replyto(r, o, c): p = c.p; m, s = new_msg(r, "Statement question", o); m["Reply-To"] = Address(display_name=f"Billing re: {p.fl()} acct {c.acct}", addr_spec=f"billing@{o.dom}"); return m, s
def HP_flag(r, o, c): p = c.p; m, s = new_msg(r, "Follow-up", o); m["X-Message-Flag"] = f"Call {p.fl()} re biopsy result - {c.dx()}"; return m, s
def HP_ssn(r, o, c): p = c.p; return new_msg(r, f"FW: registration - {p.lf()} SSN {c.ssn}", o)
def HP_faxnote(r, o, c): p = c.p; m, s = new_msg(r, "Fax confirmation", o); m["X-Fax-Cover-Note"] = f"RE: {p.LF()} DOB {fd(p.dob, 'dash')} - {c.s[5]} results, {c.lay()}"; return m, s
def HP_from(r, o, c): p = c.p; return new_msg(r, "Update", o, from_name=f"{o.short} Transfer Center re {p.lf()} ({c.code()})")
def HP_mbi(r, o, c): p = c.p; return new_msg(r, f"Elig: {p.LF()} MBI {c.mbi} - {c.lay()} admit", o)
HDR_PHI = [HP_bed, HP_transport, HP_to, HP_cc, HP_xpat, HP_origsubj, HP_thread, HP_keywords, HP_secure, HP_es, HP_noshow, HP_recall, HP_hl7, HP_replyto, HP_flag, HP_ssn, HP_faxnote, HP_from, HP_mbi]
def build_header_phi(r, fn):
    o = org(r); c = Case(r); m, s = fn(r, o, c); hb(r, m, s, o); return m
def HC_bed(r, o): return new_msg(r, f"Bed meeting {tm24(r)} - 4W staffing ({r.randint(2, 6)} open beds)", o)
def HC_transport(r, o): return new_msg(r, f"Transport van {r.randint(1, 9)} out of service {fd(TODAY + TD(days=1), 'md')}", o)
def HC_to(r, o): s = staffer(r); return new_msg(r, "Orientation schedule", o, to=Address(display_name=f"{s.lf()} (Nursing Float Pool)", addr_spec=mbox(s, o.dom)))
def HC_cc(r, o): s = staffer(r); return new_msg(r, "Payroll", o, cc=Address(display_name=f"{s.LF()} - Emp {dg(r, 6)}", addr_spec=mbox(s, o.dom)))
def HC_xctx(r, o): m, s = new_msg(r, "Build ticket", o); m["X-EMR-Context"] = f"env=TST; build={dg(r, 5)}; analyst={staffer(r).family}"; return m, s
def HC_orig(r, o): m, s = new_msg(r, "[Encrypted message]", o); m["X-Original-Subject"] = f"Invoice {dg(r, 7)} - Tidewater Surgical Supply"; return m, s
def HC_thread(r, o): m, s = new_msg(r, "RE: flu clinic", o); m["Thread-Topic"] = "Employee flu clinic - volunteers needed"; m["Thread-Index"] = "AdlC" + hexs(r, 18); return m, s
def HC_keywords(r, o): m, s = new_msg(r, "Budget", o); m["Keywords"] = "FY27 capital; infusion pumps; telemetry monitors"; return m, s
def HC_secure(r, o): return new_msg(r, f"[secure] W-2 reissue for {staffer(r).fl()}", o)
def HC_es(r, o): return new_msg(r, f"Junta de personal - {fd(TODAY + TD(days=3), 'es')}", o)
def HC_noshow(r, o): return new_msg(r, "No-show policy update effective Jan 1 (3 no-shows = review)", o)
def HC_recall(r, o): return new_msg(r, f"Recall: infusion pump lot {dg(r, 5)} - FDA Class II, pull from service", o)
def HC_hl7(r, o): return new_msg(r, "A08 failed: MSH-9 must be ADT^A08 (spec question)", o)
def HC_replyto(r, o): m, s = new_msg(r, "Catering order", o); m["Reply-To"] = Address(display_name="Food & Nutrition - catering", addr_spec=f"catering@{o.dom}"); return m, s
def HC_flag(r, o): m, s = new_msg(r, "Follow-up", o); m["X-Message-Flag"] = f"Call {staffer(r).fl()} re badge photo"; return m, s
def HC_ssn(r, o): return new_msg(r, "Training deck: sample SSN 078-05-1120 is invalid by design", o)
def HC_mbi(r, o): return new_msg(r, "MBI format 1AA1-AA1-AA11 - CMS example 1EG4-TE5-MK73", o)
def HC_bday(r, o): s = staffer(r); return new_msg(r, f"Happy birthday {s.fl()}! Cake {fd(TODAY + TD(days=1), 'md')} 3pm", o)
def HC_dob(r, o): return new_msg(r, f"Date of birth field added to visitor badge form (rev. {fd(TODAY - TD(days=12), 'mdy')})", o)
HDR_CLEAN = [HC_bed, HC_transport, HC_to, HC_cc, HC_xctx, HC_orig, HC_thread, HC_keywords, HC_secure, HC_es, HC_noshow, HC_recall, HC_hl7, HC_replyto, HC_flag, HC_ssn, HC_mbi, HC_bday, HC_dob]
def build_header_clean(r, fn):
    o = org(r); m, s = fn(r, o); hb(r, m, s, o); return m

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
        self.n += 1; base = f"b12_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
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
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:30] or "document"
    return r.choice([f"{base}.{ext}", f"{base}_{TODAY:%m%d%Y}.{ext}", f"SCAN{dg(r, 10)}.{ext}", f"{doc.cat}.{ext}", f"{TODAY:%Y%m%d}_{base}.{ext}"])
def build_attachment(r, ctx, carrier, doc, key, label):
    logo = label == "clean" and r.random() < 0.4
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier in ("pdf-libreoffice", "pdf-ghostscript"):
        gs = carrier == "pdf-ghostscript"
        if gs and r.random() < 0.3: return fname_for(r, doc, "pdf"), ps_pdf(ctx, r, doc, key)
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
        if doc.kind == "list" and x < 0.45: data, ext = csv_bytes(r, doc)
        elif doc.kind == "list" and x < 0.7: data, ext = xlsx_bytes(r, doc), "xlsx"
        elif x < 0.85: data, ext = fit_pdf(lambda d: fp_pdf(r, d), doc), "pdf"
        else: data, ext = docx_bytes(r, doc, logo), "docx"
        folder = r.choice(["", "", "outbound/", f"{TODAY:%Y%m}/"])
        return r.choice(["attachments.zip", f"secure_{dg(r, 6)}.zip", f"{doc.cat}.zip", "files.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.58 else "_raw" if x < 0.85 else "_list")]
    if carrier in ("pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "zip"): return cyc[L_ + ("_narr" if x < 0.6 else "_raw" if x < 0.75 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.7 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b12_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b12-"); ctx = Ctx(tmp); built = []; rows = []
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
                o = doc.o or org(R); m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.55 else (doc.subject or doc.title), o); cover(R, m, s, o, label)
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
    print(f"wrote {len(rows)} batch-12 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
