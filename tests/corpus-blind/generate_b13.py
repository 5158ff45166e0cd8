#!/usr/bin/python3
"""Batch 13 of the blind DLP corpus: b13-0001.eml ... b13-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a thirteenth author from BRIEF.md (see README "Batch 13").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b12.py's wiring.

Weight on the situations specialty and back-office staff write in: oncology/infusion, behavioural health, OB,
paediatrics, dialysis, wound care, dental, home health, hospice, physical therapy; payer and billing back-and-forth
(denials, appeals, COB, EOB questions, prior auth); school/employer/court forms; lab and pathology addenda; pharmacy
call-backs; care-manager outreach; interpreter requests; release-of-information letters; death and transfer notices.
Hard clean look-alikes of every kind.

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

SEED = 20261214
R = random.Random(SEED)
PREFIX = "b13-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 14)

def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", lat1(str(s))) if ord(c) < 128)
FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "ß": "ss"})
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))

# ================================================================== people (this batch's own pools)
G_F = ["Opal", "Inès", "Chidinma", "Beatriz", "Margarethe", "Zoë", "Thu Trang", "Aaliyah", "Perpetua", "Ileana", "Rosalind", "Kiri",
       "Bernadette", "Nadège", "Xochitl", "Priyanka", "Greta", "Ngozi", "Solveig", "Tamsin", "Dolores", "Mae", "Fernanda", "Hoku",
       "Agnieszka", "Ruth Ann", "Consolata", "Lizbeth", "Marguerite", "Jolene"]
G_M = ["Augustin", "Ezekiel", "Dariusz", "Tomás", "Bao", "Leopold", "Rashad", "Florian", "Cyrus", "Obinna", "Anselm", "Eamon",
       "Matías", "Ignatius", "Benedikt", "Kofi", "Rafael Ángel", "Thanh", "Lorcan", "Jarvis", "Wendell", "Ulises", "Haruto", "Clement",
       "Desmond", "Big John", "Olufemi", "Stanislav", "Reinaldo", "Ivor"]
FAMS = ["Pettibone", "Okonkwo-Reyes", "Delacroix", "van Houten", "de la Fuente", "MacAlister", "Nguyen", "Szczepanski", "Mbeki",
        "Løvland", "Brûlé", "Ibáñez-Ortega", "D'Amato", "St. Germain", "ten Brink", "du Plessis", "Abu-Saleh", "Fitzgerald-Oduya",
        "Haverkamp", "Quiroga", "Wojcik", "Tsosie", "Yellowhorse", "Kealoha", "Villanueva", "Prud'homme", "Zimmermann", "Achterberg",
        "Bouchard", "McGillicuddy", "Oyinlola", "Carrasco Vidal", "Del Real", "Thorvaldsen", "Kowalczyk", "Mäkinen", "Goldfarb",
        "Lindqvist", "Ramírez de Arellano", "Hollowell", "Esquivel", "Bjørnstad", "Le Goff", "Van Zandt", "Costa-Gavras", "Whitlock"]
NICKS = ["Bud", "Sunny", "Dee", "Tito", "Peaches", "Chip", "Lulu", "Red", "Boots", "Pepe", "Gigi", "Hank", "Sissy", "Junior", "Mimi"]
SUFF = ["Jr.", "Sr.", "II", "III", "IV"]
STREETS = ["Wren Hollow Dr", "S Larchmont Ave", "Piper Glen Ct", "County Road 14", "Old Mill Pond Rd", "E Tamarisk St", "Bramble Way",
           "N Saguaro Loop", "Fernleaf Cir", "Riverbend Pkwy", "Apt 3B, 412 Hadley St", "Lot 27 Shady Acres MHP"]
CITIES = [("Bismarck", "ND", "58501", "701"), ("Lubbock", "TX", "79424", "806"), ("Macon", "GA", "31204", "478"), ("Spokane", "WA", "99205", "509"),
          ("Bangor", "ME", "04401", "207"), ("Pueblo", "CO", "81003", "719"), ("Lafayette", "LA", "70503", "337"), ("Erie", "PA", "16505", "814"),
          ("Las Cruces", "NM", "88001", "575"), ("Hilo", "HI", "96720", "808"), ("Dubuque", "IA", "52001", "563"), ("Fresno", "CA", "93721", "559")]
MAILD = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "comcast.net", "proton.me", "aol.com"]

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
    an = MBL + "0123456789"
    s = r.choice("123456789") + r.choice(MBL) + r.choice(an) + r.choice("0123456789") + r.choice(MBL) + r.choice(an) + r.choice("0123456789") + r.choice(MBL) + r.choice(MBL) + r.choice("0123456789") + r.choice("0123456789")
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def mrn(r): return r.choice([dg(r, 8), f"M{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 3)}", dg(r, 6), f"LRH{dg(r, 7)}"])
def memid(r): return r.choice([f"PNH{dg(r, 9)}", f"{dg(r, 9)}-02", f"XJK{dg(r, 8)}", f"H{dg(r, 10)}", f"{dg(r, 11)}"])
def acctno(r): return r.choice([dg(r, 10), f"V{dg(r, 9)}", f"{dg(r, 3)}-{dg(r, 7)}"])
def claimno(r): return r.choice([f"{dg(r, 14)}", f"26{dg(r, 3)}E{dg(r, 8)}", f"CLM{dg(r, 11)}"])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}"])

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fd(d, st="mdy"):
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "iso": f"{d:%Y-%m-%d}", "dmy": f"{d.day:02d}-{MON[d.month-1][:3]}-{d.year}",
            "long": f"{MON[d.month-1]} {d.day}, {d.year}", "ymd8": f"{d:%Y%m%d}", "sp": f"{d:%m %d %Y}", "born": f"born {d.day} {MON[d.month-1]} {d.year}",
            "DMY": f"{d.day:02d}{MON[d.month-1][:3].upper()}{d.year}", "dash": f"{d:%m-%d-%Y}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}",
            "abbr": f"{MON[d.month-1][:3]}. {d.day}, {d.year}", "dot": f"{d:%m.%d.%Y}", "es": f"{d.day} de {MES[d.month-1]} de {d.year}",
            "esn": f"{d:%d/%m/%Y}", "md": f"{d.month}/{d.day}", "wk": f"{d:%a} {d.month}/{d.day}"}[st]
DOBST = ["mdy", "mdy", "m/d/yy", "iso", "dmy", "long", "ymd8", "sp", "born", "DMY", "dash", "m/d/yyyy", "abbr", "dot"]
def tm(r): return f"{r.choice([7, 8, 9, 10, 11, 1, 2, 3, 4])}:{r.choice(['00', '15', '30', '45', '20'])} {r.choice(['AM', 'PM'])}"

class Person:
    def __init__(self, r, a0, a1, sex=None, staff=False):
        self.sex = sex or r.choice("FM")
        self.given = r.choice(G_F if self.sex == "F" else G_M); self.mi = r.choice("ABCDEFGHJKLMNPRSTW")
        self.family = r.choice(FAMS); self.suf = r.choice(SUFF) if self.sex == "M" and r.random() < 0.12 else ""
        self.nick = r.choice(NICKS) if r.random() < 0.1 else ""
        y = TODAY.year - r.randint(a0, a1); self.dob = D(y, r.randint(1, 12), r.randint(1, 28))
        c = r.choice(CITIES); self.city, self.st, self.zip, ac = c
        self.addr = f"{r.randint(11, 9899)} {r.choice(STREETS)}"; self.phone = f"({ac}) {r.randint(201, 989)}-{dg(r, 4)}"
        self.email = f"{re.sub('[^a-z]', '', asc(self.given.translate(FOLD)).lower())[:6]}{r.choice(['.', '_', ''])}{re.sub('[^a-z]', '', asc(self.family.translate(FOLD)).lower())[:8]}{r.randint(1, 99)}@{r.choice(MAILD)}"
    def age(self): return TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
    def sfx(self, comma=False): return (", " if comma else " ") + self.suf if self.suf else ""
    def fl(self): return f"{self.given} {self.mi}. {self.family}{self.sfx()}"
    def short(self): return f"{self.given} {self.family}"
    def lf(self): return f"{self.family}{' ' + self.suf if self.suf else ''}, {self.given} {self.mi}."
    def LF(self): return f"{self.family.upper()}{' ' + self.suf.upper().rstrip('.') if self.suf else ''}, {self.given.upper()} {self.mi}"
    def FL(self): return f"{self.given.upper()} {self.family.upper()}"
    def nk(self): return f'{self.given} "{self.nick}" {self.family}' if self.nick else self.short()
    def ttl(self): return f"{'Ms.' if self.sex == 'F' else 'Mr.'} {self.family}"
    def hl7(self): return f"{self.family.upper()}^{self.given.upper()}^{self.mi}{'^' + self.suf.upper().rstrip('.') if self.suf else ''}"
def pname(r, p): return r.choice([p.fl(), p.lf(), p.LF(), p.short(), p.FL(), p.nk(), p.lf()])
def staffer(r): return Person(r, 26, 64, staff=True)
def clinician(r): p = staffer(r); p.cred = r.choice(["MD", "DO", "NP", "PA-C", "DDS", "DPT", "LCSW", "CNM", "RN"]); return p

class Org:
    def __init__(self, r, name, short, dom, kind, ehr):
        self.name, self.short, self.dom, self.kind, self.ehr = name, short, dom, kind, ehr
        c = r.choice(CITIES); self.addr = f"{r.randint(100, 9800)} {r.choice(['Medical Pkwy', 'Commerce Dr', 'Hospital Ave', 'Main St', 'Professional Plaza'])}, {c[0]}, {c[1]} {c[2]}"
        self.phone = f"({c[3]}) {r.randint(201, 989)}-{dg(r, 4)}"; self.fax = f"({c[3]}) {r.randint(201, 989)}-{dg(r, 4)}"; self.npi = npi(r)
ORG_DEFS = [("Larkspur Regional Hospital", "Larkspur Regional", "larkspurregional.org", "hospital", "Epic"),
            ("Tamarack Oncology & Infusion", "Tamarack Oncology", "tamarackonc.com", "oncology", "OncoEMR"),
            ("Bluestem Behavioral Health", "Bluestem BH", "bluestembh.org", "bh", "Credible"),
            ("Harbor Lights Women's Care", "Harbor Lights OB/GYN", "harborlightswomens.com", "ob", "athenaOne"),
            ("Little Sprouts Pediatrics", "Little Sprouts Peds", "littlesproutspeds.com", "peds", "eClinicalWorks"),
            ("Meridian Kidney Center", "Meridian Kidney", "meridiankidney.com", "dialysis", "Acumen"),
            ("Greystone Wound & Hyperbaric Center", "Greystone Wound", "greystonewound.com", "wound", "Net Health"),
            ("Brightwater Dental Group", "Brightwater Dental", "brightwaterdental.com", "dental", "Dentrix"),
            ("Crescent Home Health & Hospice", "Crescent HH&H", "crescenthhh.org", "home", "HCHB"),
            ("Sandhill Physical Therapy", "Sandhill PT", "sandhillpt.com", "pt", "WebPT"),
            ("Pinecrest Health Plan", "Pinecrest", "pinecresthealthplan.com", "payer", "Facets"),
            ("Kestrel Pharmacy", "Kestrel Rx", "kestrelrx.com", "pharmacy", "PioneerRx"),
            ("Ardent Revenue Partners", "Ardent RCM", "ardentrcm.com", "billing", "Waystar"),
            ("Quarry Ridge Pathology & Lab", "Quarry Ridge Lab", "quarryridgelab.com", "lab", "Sunquest")]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDORS = [Org(R, "Norvell Medical Supply", "Norvell", "norvellmed.com", "vendor", "SAP"), Org(R, "Bitwise Health IT", "Bitwise", "bitwisehealthit.com", "vendor", "ServiceNow"),
           Org(R, "Lumen Linen & Uniform", "Lumen Linen", "lumenlinen.com", "vendor", "NetSuite")]
def org(r, kind=None):
    c = [o for o in ORGS if kind is None or o.kind == kind]; return r.choice(c or ORGS)
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])

# ================================================================== clinical scenarios by service line
# (service line, icd10, lay term, spanish lay term, drug, test/result, plan), sex/age constraints
SX = {
 "oncology": [("C50.912", "malignant neoplasm of left breast", "cáncer de mama", "pembrolizumab 200 mg IV q3w", "ANC 0.8 K/uL (low)", "hold cycle 4 one week, recheck CBC", "F", 30, 85),
              ("C18.7", "sigmoid colon cancer", "cáncer de colon", "FOLFOX (oxaliplatin 85 mg/m2)", "CEA 14.2 ng/mL", "restage CT after cycle 6", None, 35, 88),
              ("C34.11", "right upper lobe lung cancer", "cáncer de pulmón", "carboplatin/pemetrexed", "Hgb 7.9 g/dL", "transfuse 1 unit PRBC before infusion", None, 45, 88),
              ("C61", "prostate cancer", "cáncer de próstata", "leuprolide 22.5 mg IM q3mo", "PSA 0.4 ng/mL", "continue ADT", "M", 50, 88),
              ("C83.30", "diffuse large B-cell lymphoma", "linfoma", "R-CHOP cycle 3", "LDH 412 U/L", "PET after cycle 4", None, 25, 85)],
 "bh": [("F33.1", "major depressive disorder, recurrent, moderate", "depresión", "sertraline 100 mg daily", "PHQ-9 score 17", "weekly CBT, safety plan reviewed", None, 14, 75),
        ("F41.1", "generalized anxiety disorder", "ansiedad", "buspirone 10 mg BID", "GAD-7 score 15", "add group therapy", None, 16, 75),
        ("F43.10", "PTSD", "estrés postraumático", "prazosin 2 mg HS", "PCL-5 score 52", "EMDR intake", None, 18, 70),
        ("F11.20", "opioid use disorder, moderate", "trastorno por uso de opioides", "buprenorphine-naloxone 8-2 mg film", "UDS positive for fentanyl", "increase to 16 mg, weekly visits", None, 19, 65),
        ("F31.81", "bipolar II disorder", "trastorno bipolar", "lamotrigine 150 mg daily", "lithium level n/a", "titrate lamotrigine", None, 18, 70)],
 "ob": [("O24.410", "gestational diabetes, diet controlled", "diabetes gestacional", "glucose meter and strips", "1-hr GTT 168 mg/dL", "nutrition consult, 4x daily fingersticks", "F", 19, 42),
        ("O13.3", "gestational hypertension, third trimester", "hipertensión gestacional", "labetalol 200 mg BID", "BP 152/98, protein/creatinine 0.2", "twice-weekly NST", "F", 19, 43),
        ("O09.523", "elderly multigravida, third trimester", "embarazo de alto riesgo", "aspirin 81 mg daily", "cfDNA low risk", "growth US at 32 weeks", "F", 35, 45),
        ("Z34.82", "normal pregnancy, second trimester", "embarazo normal", "prenatal vitamin", "anatomy US normal, 20w3d", "routine visit in 4 weeks", "F", 18, 40)],
 "peds": [("J45.30", "mild persistent asthma", "asma", "albuterol HFA 90 mcg, 2 puffs q4h PRN", "peak flow 72% of predicted", "school inhaler authorization", None, 5, 16),
          ("T78.05XA", "anaphylaxis to tree nuts", "anafilaxia por nueces", "epinephrine 0.3 mg auto-injector", "IgE cashew class 4", "EpiPen at school, allergy action plan", None, 4, 16),
          ("F90.2", "ADHD, combined type", "TDAH", "methylphenidate ER 18 mg every morning", "Vanderbilt teacher score 32", "school nurse to give noon dose", None, 6, 16),
          ("E10.9", "type 1 diabetes", "diabetes tipo 1", "insulin lispro per carb ratio 1:15", "A1c 8.4%", "CGM alerts to school nurse", None, 4, 17),
          ("G40.909", "epilepsy", "epilepsia", "levetiracetam 250 mg BID", "EEG: left temporal spikes", "seizure action plan for school", None, 3, 17)],
 "dialysis": [("N18.6", "end-stage renal disease on hemodialysis", "insuficiencia renal terminal", "epoetin alfa 4,000 units each treatment", "Kt/V 1.1, K 6.1 mmol/L", "transient chair MWF 2nd shift", None, 30, 88),
              ("I12.0", "hypertensive CKD with ESRD", "enfermedad renal por hipertensión", "sevelamer carbonate 800 mg TID with meals", "phosphorus 7.2 mg/dL", "dietitian review, binder adherence", None, 35, 88)],
 "wound": [("L89.154", "stage 4 sacral pressure injury", "úlcera por presión", "silver alginate dressing daily", "wound 4.2 x 3.1 x 1.8 cm, tunneling at 12 o'clock", "negative pressure wound therapy", None, 45, 95),
           ("E11.621", "diabetic foot ulcer", "úlcera de pie diabético", "cadexomer iodine gel", "wound 2.0 x 1.6 x 0.4 cm, probe to bone negative", "offloading boot, HBO evaluation", None, 35, 85),
           ("L97.412", "chronic ulcer of right heel, fat layer exposed", "úlcera crónica del talón", "collagen dressing 3x weekly", "ABI 0.62", "vascular referral", None, 50, 92)],
 "dental": [("Z95.2", "prosthetic heart valve", "válvula cardíaca protésica", "amoxicillin 2 g 30-60 min before procedure", "INR 2.7", "premedicate before extraction #30", None, 40, 85),
            ("K02.52", "dental caries into dentin", "caries dental", "chlorhexidine 0.12% rinse", "bitewings: caries #3, #14", "two fillings under nitrous", None, 6, 70),
            ("Z96.651", "right knee replacement", "prótesis de rodilla derecha", "none required per ortho", "TKA 2025", "medical clearance for implant", None, 50, 85)],
 "home": [("I50.32", "chronic diastolic heart failure", "insuficiencia cardíaca", "furosemide 40 mg daily", "weight up 3.1 lb in 2 days", "SN visit 3w4, call MD if >3 lb", None, 55, 95),
          ("J44.1", "COPD with exacerbation", "EPOC", "tiotropium 18 mcg inhaled daily", "SpO2 88% on 2 L", "home O2 recert, SN 2w4", None, 50, 95),
          ("Z47.1", "aftercare after joint replacement", "recuperación de prótesis", "enoxaparin 40 mg SC daily", "ROM 0-85 degrees", "PT 3w3, staple removal day 14", None, 50, 92)],
 "hospice": [("C25.9", "pancreatic cancer", "cáncer de páncreas", "morphine sulfate oral solution 20 mg/mL, 5 mg q2h PRN", "PPS 40%", "hospice election, DNR on file", None, 45, 98),
             ("G30.9", "Alzheimer's disease", "enfermedad de Alzheimer", "lorazepam 0.5 mg q6h PRN agitation", "FAST 7c", "continuous care for 48 h", None, 65, 100),
             ("J96.11", "chronic hypoxic respiratory failure", "insuficiencia respiratoria crónica", "morphine 2.5 mg q4h PRN dyspnea", "PPS 30%", "comfort care, family meeting", None, 55, 98)],
 "pt": [("M54.50", "low back pain", "dolor lumbar", "none", "ODI 46%", "PT 2x/week for 6 weeks", None, 20, 80),
        ("M75.101", "right rotator cuff tear", "desgarro del manguito rotador", "ibuprofen 600 mg PRN", "flexion 110 deg, ER 35 deg", "post-op protocol phase 2", None, 30, 80),
        ("S83.511D", "right ACL sprain, subsequent encounter", "lesión del ligamento cruzado", "none", "quad lag 10 deg", "return-to-sport testing at 6 months", None, 14, 45),
        ("Z96.652", "left knee replacement", "prótesis de rodilla izquierda", "acetaminophen 1 g TID", "flexion 98 deg, TUG 14 s", "extend plan of care 4 weeks", None, 50, 90)],
 "general": [("E11.65", "type 2 diabetes with hyperglycemia", "diabetes tipo 2", "insulin glargine 22 units at bedtime", "A1c 10.3%", "endocrine referral", None, 30, 90),
             ("I48.91", "atrial fibrillation", "fibrilación auricular", "apixaban 5 mg BID", "INR not needed; CHA2DS2-VASc 4", "cardiology follow-up", None, 45, 95),
             ("N39.0", "urinary tract infection", "infección urinaria", "nitrofurantoin 100 mg BID x5 days", "urine culture >100K E. coli", "repeat UA if symptoms persist", None, 18, 95),
             ("I63.9", "acute ischemic stroke", "accidente cerebrovascular", "clopidogrel 75 mg daily", "MRI: left MCA infarct", "inpatient rehab transfer", None, 45, 95),
             ("J45.909", "asthma", "asma", "budesonide-formoterol 160/4.5", "FEV1 68% predicted", "step up therapy", None, 12, 80)],
}
LINE_ORG = {"oncology": "oncology", "bh": "bh", "ob": "ob", "peds": "peds", "dialysis": "dialysis", "wound": "wound", "dental": "dental", "home": "home", "hospice": "home", "pt": "pt", "general": "hospital"}
PAYERS = ["Pinecrest Health Plan", "Medicare Part B", "Pinecrest Medicare Advantage", "Aetna Better Health", "UnitedHealthcare", "BCBS of Texas", "Humana", "State Medicaid (CHIP)", "TRICARE East", "Cigna"]

class Case:
    def __init__(self, r, line=None):
        self.line = line or r.choice(list(SX))
        opts = SX[self.line]
        s = r.choice(opts); p = Person(r, s[7], s[8], sex=s[6])
        self.s, self.p = s, p
        self.o = org(r, LINE_ORG[self.line]); self.doc = clinician(r)
        self.mrn, self.mem, self.acct, self.claim, self.ssn, self.mbi = mrn(r), memid(r), acctno(r), claimno(r), ssn(r), mbi(r, r.random() < 0.4)
        self.dos = TODAY - TD(days=r.randint(1, 60)); self.nxt = TODAY + TD(days=r.randint(2, 30)); self.payer = r.choice(PAYERS)
        self.grp = f"GRP-{dg(r, 5)}"; self.csn = dg(r, 10); self.ndc = ndc(r)
    def code(self): return self.s[0]
    def dx(self): return self.s[1]
    def dxc(self): return f"{self.s[1]} ({self.s[0]})"

LBL = {"mrn": ["MRN", "Med Rec #", "Medical Record #", "MR No.", "Chart No", "Patient ID", "Hosp. ID", "EMR #", "Pt Acct/MRN", "Record number"],
       "dob": ["DOB", "D.O.B.", "Date of Birth", "Birth date", "Birthdate", "DOB/Age", "Pt DOB", "Fecha Nac."],
       "mem": ["Member ID", "Mbr ID", "Member #", "Subscriber ID", "Insured's ID Number", "ID#", "Subscriber/Member No.", "Plan ID No.", "Policy #"],
       "acct": ["Acct #", "Account No.", "Guarantor Acct", "HAR", "FIN", "Encounter #", "Visit ID", "CSN"],
       "claim": ["Claim #", "Claim Number", "ICN", "Payer Claim Control #", "Clm No."],
       "ssn": ["SSN", "Social Security No.", "SS#", "Soc Sec Number"], "name": ["Patient", "Patient Name", "Pt Name", "Name", "Client", "Member", "Resident", "Student"]}
def L(r, k): return r.choice(LBL[k])
def dob_s(r, p, st=None): return fd(p.dob, st or r.choice(DOBST))

class Doc:
    def __init__(self, cat, title, o, blocks, subject=None, kind="narr"):
        self.cat, self.title, self.o, self.blocks, self.subject, self.kind = cat, title, o, blocks, subject, kind
    def cut(self, n):
        b = []
        for x in self.blocks:
            if x[0] == "tbl": x = ("tbl", x[1], x[2][:n])
            elif x[0] == "kv": x = ("kv", x[1][:max(n, 4)], x[2])
            elif x[0] == "pre": x = ("pre", "\n".join(x[1].split("\n")[:max(n * 2, 6)]))
            b.append(x)
        return Doc(self.cat, self.title, self.o, b, self.subject, self.kind)
    def table(self):
        for x in self.blocks:
            if x[0] == "tbl": return x[1], x[2]
        return None
def KV(r, items): return ("kv", items, r.choice(["colon", "colon", "aligned", "below", "pipe", "semi"]))
def P(t): return ("p", t)
def H(t): return ("h", t)

def ids(r, c, keys, extra=()):
    p = c.p; out = []
    for k in keys:
        if k == "name": out.append((L(r, "name"), pname(r, p)))
        elif k == "dob": out.append((L(r, "dob"), dob_s(r, p) + (f" ({p.age()} y)" if r.random() < 0.2 else "")))
        elif k == "mrn": out.append((L(r, "mrn"), c.mrn))
        elif k == "mem": out.append((L(r, "mem"), c.mem))
        elif k == "acct": out.append((L(r, "acct"), c.acct))
        elif k == "claim": out.append((L(r, "claim"), c.claim))
        elif k == "ssn": out.append((L(r, "ssn"), c.ssn))
        elif k == "mbi": out.append((r.choice(["MBI", "Medicare ID", "Medicare Beneficiary Identifier", "HICN/MBI"]), c.mbi))
        elif k == "addr": out.append((r.choice(["Address", "Home address", "Res. address"]), f"{c.p.addr}, {c.p.city}, {c.p.st} {c.p.zip}"))
        elif k == "phone": out.append((r.choice(["Phone", "Home ph", "Cell", "Best callback #"]), c.p.phone))
        elif k == "dx": out.append((r.choice(["Dx", "Diagnosis", "ICD-10", "Primary dx", "Reason"]), c.dxc()))
        elif k == "payer": out.append((r.choice(["Payer", "Insurance", "Primary ins.", "Plan"]), c.payer))
    return KV(r, out + list(extra))
def dr(c): return f"{c.doc.given[0]}. {c.doc.family}, {c.doc.cred}" if hasattr(c.doc, "cred") else c.doc.fl()

# ---------------------------------------------------------------- PHI narratives
def P_onc(r):
    c = Case(r, "oncology"); p = c.p
    return Doc("oncology-infusion", "Infusion hold notice", c.o, [P(f"Infusion chair {r.randint(1, 14)} - please hold today's treatment for {pname(r, p)}."),
        ids(r, c, ["mrn", "dob"], [("Regimen", c.s[3]), ("Today's labs", c.s[4])]), P(f"Dr. {c.doc.family} reviewed: {c.s[5]}. Dx {c.dxc()}. Pt notified by phone {c.p.phone}.")],
        subject=r.choice(["Infusion hold", "Tx hold - today", "Chair schedule change"]))
def P_bh(r):
    c = Case(r, "bh"); p = c.p
    return Doc("bh-intake", "Behavioral health referral", c.o, [P(f"Referral for outpatient therapy intake. {p.ttl()} ({p.age()} yo) was seen in the ED for {c.dx()}; {c.s[4]}."),
        ids(r, c, ["name", "dob", "mem", "phone"], [("Current med", c.s[3]), ("ICD-10", c.code())]), P(f"Plan: {c.s[5]}. Please call the patient directly; OK to leave voicemail: {r.choice(['yes', 'no - use cell only'])}.")],
        subject=r.choice(["BH referral", "Therapy intake request", "Referral - outpatient counseling"]))
def P_ob(r):
    c = Case(r, "ob"); p = c.p; ga = r.randint(14, 37)
    return Doc("ob-prenatal", "Prenatal update", c.o, [P(f"{pname(r, p)}, G{r.randint(1, 5)}P{r.randint(0, 3)} at {ga}w{r.randint(0, 6)}d, EDD {fd(TODAY + TD(weeks=40 - ga), r.choice(['mdy', 'long', 'iso']))}."),
        ids(r, c, ["dob", "mrn", "payer"], [("Problem", c.dxc()), ("Result", c.s[4])]), P(f"{c.s[5].capitalize()}. Rx: {c.s[3]}. Next OB visit {fd(c.nxt, 'long')} with {dr(c)}.")],
        subject=r.choice(["Prenatal update", "OB note for MFM", "L&D pre-registration"]))
def P_school(r):
    c = Case(r, "peds"); p = c.p; g = Person(r, 28, 50)
    return Doc("school-form", "School medication authorization", c.o, [H("Medication Authorization for School"),
        KV(r, [(L(r, "name") if r.random() < 0.3 else "Student", p.fl()), ("Date of birth", dob_s(r, p)), ("School / grade", f"{r.choice(['Lincoln Elementary', 'Cedar Ridge Middle', 'Riverside K-8', 'St. Brigid School'])} / {min(12, max(1, p.age() - 5))}"),
                ("Parent/guardian", f"{g.given} {p.family} {g.phone}"), ("Diagnosis", c.dxc()), ("Medication & dose", c.s[3]), ("Prescriber", f"{dr(c)}  NPI {npi(r)}")]),
        P(f"Notes: {c.s[5]}. {c.s[4]}. Valid for school year 2026-27.")], subject=r.choice(["School form", "Med authorization for school nurse", "Forms for school"]))
def P_dialysis(r):
    c = Case(r, "dialysis"); p = c.p
    return Doc("dialysis-transient", "Transient dialysis request", c.o, [P(f"Requesting transient treatments for {pname(r, p)} visiting family {fd(c.nxt, 'md')}-{fd(c.nxt + TD(days=10), 'md')}."),
        ids(r, c, ["dob", "mbi", "payer", "dx"], [("EDW", f"{r.uniform(58, 110):.1f} kg"), ("Access", r.choice(["L AVF", "R AVG", "R IJ tunneled catheter"])), ("Last labs", c.s[4])]),
        P(f"Meds given in-center: {c.s[3]}. Hep B sAg negative {fd(TODAY - TD(days=40))}. Packet to follow by fax.")], subject="Transient treatment request")
def P_wound(r):
    c = Case(r, "wound"); p = c.p
    return Doc("wound-care", "Wound clinic visit", c.o, [P(f"Weekly wound check {fd(c.dos, 'mdy')} - {pname(r, p)}"),
        ids(r, c, ["mrn", "dob"], [("Wound", c.dxc()), ("Measurement", c.s[4]), ("Dressing", c.s[3])]), P(f"Plan: {c.s[5]}. Home health ({org(r, 'home').short}) to do dressing changes; photos in {c.o.ehr}.")],
        subject=r.choice(["Wound update", "Wound measurements this week", "Wound care orders"]))
def P_dental(r):
    c = Case(r, "dental"); p = c.p
    return Doc("dental-clearance", "Medical clearance request", c.o, [P(f"Dear Dr. {c.doc.family},"), P(f"Our mutual patient {p.fl()} (DOB {dob_s(r, p)}) is scheduled for {r.choice(['extraction #30', 'implant #19', 'SRP 4 quads', 'two composite fillings'])} on {fd(c.nxt, 'long')}. History: {c.dx()}; {c.s[4]}."),
        P(f"Please confirm: {c.s[3]}; {c.s[5]}. Fax the signed clearance to {c.o.fax}.")], subject=r.choice(["Clearance request", "Pre-med question for dental procedure"]))
def P_homehealth(r):
    c = Case(r, "home"); p = c.p
    return Doc("home-health-soc", "Home health start of care", c.o, [H("Start of Care / OASIS summary"),
        ids(r, c, ["name", "dob", "mbi", "addr", "phone"], [("Primary dx", c.dxc()), ("Orders", c.s[5]), ("Meds reviewed", c.s[3])]),
        P(f"SOC visit {fd(c.dos)} by RN {staffer(r).short()}. Finding: {c.s[4]}. Caregiver: daughter at same address.")], subject="SOC summary")
def P_hospice(r):
    c = Case(r, "hospice"); p = c.p
    return Doc("hospice-election", "Hospice election notice", org(r, "home"), [P(f"Notice of election of hospice benefit effective {fd(c.dos, r.choice(['mdy', 'long']))}."),
        ids(r, c, ["name", "dob", "mbi"], [("Terminal dx", c.dxc()), ("Attending", dr(c))]), P(f"{c.s[4]}; {c.s[5]}. Comfort kit: {c.s[3]}. Please discontinue curative orders.")],
        subject=r.choice(["Hospice election", "NOE submitted", "Hospice admit"]))
def P_death(r):
    c = Case(r, r.choice(["hospice", "general", "oncology", "dialysis"])); p = c.p; t = f"{r.randint(0, 23):02d}{r.choice(['05', '22', '40', '51'])}"
    return Doc("death-notice", "Death notification", c.o, [P(f"This is to notify you that {pname(r, p)} expired on {fd(c.dos, r.choice(['mdy', 'long', 'iso']))} at {t}."),
        ids(r, c, ["dob", r.choice(["mrn", "mem", "mbi"])], [("Cause / dx", c.dxc()), ("Pronounced by", dr(c)), ("Funeral home", r.choice(["Hartwell & Sons", "Sunset Memorial Chapel", "Ochoa Funeral Home"]))]),
        P("Please close open referrals and stop any scheduled deliveries.")], subject=r.choice(["Death notice", "Patient expired - please update", "Deceased notification"]))
def P_transfer(r):
    c = Case(r, r.choice(["general", "dialysis", "wound", "bh"])); p = c.p
    return Doc("transfer-notice", "Interfacility transfer", c.o, [P(f"Accepted transfer: {pname(r, p)}, {p.age()}{p.sex}, from {org(r).name} to {c.o.name}, bed {r.randint(2, 9)}{r.choice('WEN')}-{r.randint(1, 40)}."),
        ids(r, c, ["dob", "mrn", "payer"], [("Reason", c.dxc()), ("Accepting", dr(c)), ("Isolation", r.choice(["none", "contact - MRSA", "droplet"]))]), P(f"Report called to charge RN. Current med: {c.s[3]}.")],
        subject=r.choice(["Transfer accepted", "Transfer center - bed assignment", "Incoming transfer"]))
def P_appeal(r):
    c = Case(r); p = c.p
    return Doc("denial-appeal", "Level 1 appeal", c.o, [P(f"RE: Appeal of denied claim {c.claim} - {p.lf()}"),
        ids(r, c, ["mem", "dob"], [("Date of service", fd(c.dos)), ("Denial reason", r.choice(["CO-50 not medically necessary", "CO-197 no precert", "CO-16 missing info", "CO-11 dx inconsistent with procedure"])), ("Billed", f"${r.randint(180, 14000):,}.00")]),
        P(f"The service treated {c.dxc()}. Enclosed are records showing {c.s[4]} and the plan to {c.s[5]}. We request reconsideration.")], subject=r.choice(["Appeal", "Appeal - denied claim", "Reconsideration request"]))
def P_cob(r):
    c = Case(r); p = c.p; sp = Person(r, 30, 70)
    return Doc("cob-question", "Coordination of benefits", c.o, [P(f"COB questionnaire came back for {pname(r, p)}. Spouse {sp.given} {p.family} has employer coverage through {r.choice(['Cigna', 'Aetna', 'Anthem'])} (sub ID {memid(r)})."),
        ids(r, c, ["mem", "dob", "ssn"], [("Claim held", c.claim)]), P(f"Claims for the {c.dx()} visits since {fd(c.dos)} are pending until primary is confirmed. Can you update the eligibility file?")],
        subject=r.choice(["COB update", "Other insurance on file?", "COB - claims pending"]))
def P_eob(r):
    c = Case(r); p = c.p
    return Doc("eob-question", "EOB question", org(r, "payer"), [P(f"Member called re: EOB dated {fd(TODAY - TD(days=r.randint(5, 30)))}. {p.ttl()} doesn't understand why {c.dx()} visit on {fd(c.dos, 'long')} applied ${r.randint(40, 900)}.00 to deductible."),
        ids(r, c, ["name", "mem", "claim", "phone"]), P("Please review CARC/RARC and call member back within 2 business days.")], subject=r.choice(["EOB question - call back", "Member inquiry", "Explanation of benefits"]))
def P_pa(r):
    c = Case(r); p = c.p
    return Doc("prior-auth", "Prior authorization request", c.o, [H("Prior Authorization Request"),
        ids(r, c, ["name", "dob", "mem", "payer"], [("Requested", r.choice(["MRI lumbar spine w/o contrast (72148)", "PET/CT (78815)", "Humira 40 mg/0.4 mL", "Outpatient PT 12 visits", "CGM Dexcom G7", "TMS 36 sessions"])), ("ICD-10", c.code()), ("Ordering NPI", npi(r))]),
        P(f"Clinical: {c.dx()}; {c.s[4]}. Plan to {c.s[5]}.")], subject=r.choice(["PA request", "Prior auth - urgent", "Precert"]))
def P_rtw(r):
    c = Case(r, r.choice(["pt", "general", "bh", "ob"])); p = c.p
    return Doc("employer-form", "Work status / FMLA certification", c.o, [H(r.choice(["Return to Work Note", "FMLA Certification (WH-380-E) attachment", "Work Status Report"])),
        KV(r, [("Employee", p.fl()), ("Date of birth", dob_s(r, p)), ("Employer", r.choice(["Dakota Freight Lines", "City of Erie Public Works", "Walgreen warehouse #12", "Mercy Unified School District"])),
               ("Condition", c.dxc()), ("Off work", f"{fd(c.dos)} through {fd(c.nxt)}"), ("Restrictions", r.choice(["no lifting > 15 lb", "seated duty only", "intermittent leave 2 days/month", "none after return date"]))]),
        P(f"Certified by {dr(c)}.")], subject=r.choice(["Work note", "FMLA paperwork", "RTW form"]))
def P_court(r):
    c = Case(r, r.choice(["bh", "general", "peds", "pt"])); p = c.p
    return Doc("court-records", "Response to subpoena", c.o, [P(f"Re: {r.choice(['Cause No.', 'Case No.', 'Docket'])} {r.randint(2024, 2026)}-CV-{dg(r, 5)}; records of {p.LF()}"),
        ids(r, c, ["dob", "mrn"], [("Dates produced", f"{fd(c.dos - TD(days=200))} - {fd(c.dos)}"), ("Pages", str(r.randint(12, 340)))]),
        P(f"Records include treatment for {c.dx()}. {'Psychotherapy notes withheld under 45 CFR 164.508.' if c.line == 'bh' else 'Certification of custodian attached.'}")], subject="Subpoena response")
def P_path(r):
    c = Case(r, r.choice(["oncology", "general"])); p = c.p
    return Doc("path-addendum", "Pathology addendum", org(r, "lab"), [H("ADDENDUM REPORT"),
        ids(r, c, ["name", "dob", "mrn"], [("Accession", f"S26-{dg(r, 5)}"), ("Collected", fd(c.dos))]),
        P(f"Addendum: {r.choice(['HER2 IHC 3+ (positive)', 'ER 95%, PR 40%', 'margins re-reviewed: deep margin involved', 'MLH1/PMS2 loss - refer for Lynch evaluation', 'Ki-67 35%'])}. Final diagnosis unchanged: {c.dxc()}. Dr. {c.doc.family} notified {fd(TODAY)}.")],
        subject=r.choice(["Path addendum", "Addended report", "Amended pathology"]))
def P_rxcall(r):
    c = Case(r, r.choice(["general", "bh", "peds", "oncology"])); p = c.p
    return Doc("pharmacy-callback", "Pharmacy call-back", org(r, "pharmacy"), [P(f"Kestrel Pharmacy calling back about {pname(r, p)} - Rx for {c.s[3]}."),
        KV(r, [("DOB", dob_s(r, p)), ("Rx #", dg(r, 7)), ("NDC", c.ndc), ("Issue", r.choice(["PA required by plan", "interaction with fluconazole", "quantity exceeds plan limit", "refill too soon", "dose clarification"]))]),
        P(f"Prescriber {dr(c)}. Please call the pharmacist at {org(r, 'pharmacy').phone}.")], subject=r.choice(["Rx clarification", "Call back re prescription", "Pharmacy question"]))
def P_cm(r):
    c = Case(r); p = c.p
    return Doc("care-manager-outreach", "Care management outreach", org(r, "payer"), [P(f"Outreach attempt #{r.randint(1, 3)} for {p.fl()} ({c.mem}) after ED visit {fd(c.dos, 'md')} for {c.dx()}."),
        P(f"Reached {r.choice(['member', 'daughter', 'husband', 'voicemail'])} at {p.phone}. Gaps: {r.choice(['A1c overdue', 'no PCP visit in 12 months', 'statin not filled', 'missed dialysis x2'])}. Med: {c.s[3]}."),
        P(f"Next call {fd(c.nxt, 'wk')}.")], subject=r.choice(["CM outreach", "Transition of care call", "Care mgmt note"]))
def P_interp(r):
    c = Case(r); p = c.p; lang = r.choice(["Spanish", "Vietnamese", "ASL", "Haitian Creole", "Somali", "Marshallese", "Navajo"])
    return Doc("interpreter-request", "Interpreter request", c.o, [P(f"Need a {lang} interpreter ({r.choice(['in person', 'video', 'phone'])}) for {pname(r, p)} on {fd(c.nxt, 'long')} at {tm(r)}."),
        ids(r, c, ["mrn", "dob"], [("Visit", f"{c.o.short} - {c.dx()}"), ("Provider", dr(c))]), P("Please confirm in the scheduling tool.")], subject=f"{lang} interpreter request")
def P_roi(r):
    c = Case(r); p = c.p
    return Doc("roi-letter", "Release of information", c.o, [P(f"Dear {r.choice(['Records Custodian', 'Sir or Madam', 'Ms. Haverkamp'])},"),
        P(f"Enclosed please find records for {p.fl()}, date of birth {dob_s(r, p)}, per the authorization signed {fd(TODAY - TD(days=r.randint(3, 40)))}."),
        ids(r, c, ["mrn"], [("Requester", r.choice(["Whitford Law LLP", "Social Security Administration (DDS)", "MetLife disability claims", "patient"])), ("Records", f"{c.dx()}, visits {fd(c.dos - TD(days=90))}-{fd(c.dos)}"), ("Invoice", f"ROI-{dg(r, 6)}")])],
        subject=r.choice(["ROI request fulfilled", "Records release", "Medical records"]))
def P_es(r):
    c = Case(r); p = c.p
    return Doc("spanish-phi", "Resultados", c.o, [P(f"Estimada {p.fl()}:" if p.sex == "F" else f"Estimado {p.fl()}:"),
        P(f"Le escribimos sobre su {r.choice(['cita', 'resultado', 'tratamiento'])} del {fd(c.dos, 'es')}. Diagnóstico: {c.s[2]} ({c.code()})."),
        KV(r, [("Fecha de nacimiento", fd(p.dob, r.choice(["esn", "es"]))), ("Número de expediente", c.mrn), ("Número de afiliado", c.mem), ("Medicamento", c.s[3])]),
        P(f"Próxima cita: {fd(c.nxt, 'es')}. Llame al {c.o.phone}.")], subject=r.choice(["Sus resultados", "Recordatorio de cita", "Información de su tratamiento"]))
def P_chat(r):
    c = Case(r); p = c.p
    t = r.choice([f"{p.short()} came back again - {c.s[4]}. Dr. {c.doc.family} wants to {c.s[5]}.",
                  f"Heads up, {p.ttl()} in {r.randint(1, 30)} is the one with {c.dx()}. Started {c.s[3]} this morning.",
                  f"Can someone call {p.nk()}'s daughter back? She's asking about the {c.dx()} and whether {c.s[3]} is still going.",
                  f"{p.LF()} - {c.s[4]}. Family aware. Plan: {c.s[5]}."])
    return Doc("nolabel-chatter", "Quick update", c.o, [P(t), P(r.choice(["Thanks!", "Will chart it.", "Let me know.", "I'll be at the desk until 7."]))], subject=r.choice(["Quick update", "quick q", "FYI", "following up"]))
def P_pt(r):
    c = Case(r, "pt"); p = c.p
    return Doc("pt-progress", "PT progress note", c.o, [H("Physical Therapy Re-evaluation"), ids(r, c, ["name", "dob", "mem"], [("Dx", c.dxc()), ("Visits used", f"{r.randint(6, 20)} of {r.randint(20, 30)}"), ("Objective", c.s[4])]),
        P(f"Assessment: progressing. {c.s[5]}. Signed {c.doc.given} {c.doc.family}, DPT.")], subject=r.choice(["PT re-eval", "Plan of care for signature", "Progress note"]))
def P_lab(r):
    c = Case(r, r.choice(["general", "dialysis", "ob", "oncology"])); p = c.p
    return Doc("lab-addendum", "Corrected lab report", org(r, "lab"), [P(r.choice(["CORRECTED REPORT - previous result reported in error.", "Critical value called and read back."])),
        ids(r, c, ["name", "dob", "acct"], [("Test", c.s[4].split(" ")[0]), ("Result", c.s[4]), ("Called to", f"{staffer(r).short()} RN {tm(r)}")]), P(f"Ordering: {dr(c)}. Clinical hx: {c.code()}.")],
        subject=r.choice(["Corrected result", "Critical value", "Lab addendum"]))
PHI_NARR = [P_onc, P_bh, P_ob, P_school, P_dialysis, P_wound, P_dental, P_homehealth, P_hospice, P_death, P_transfer, P_appeal, P_cob, P_eob, P_pa,
            P_rtw, P_court, P_path, P_rxcall, P_cm, P_interp, P_roi, P_es, P_chat, P_pt, P_lab]

# ---------------------------------------------------------------- PHI interchange
def hts(r, d): return f"{d:%Y%m%d}{r.randint(6, 22):02d}{r.choice(['05', '17', '32', '48'])}"
def R_adt(r):
    c = Case(r); p = c.p; ev = r.choice(["A01", "A03", "A02", "A04"])
    t = "\r".join([f"MSH|^~\\&|{c.o.ehr.upper()}|{c.o.short.upper().replace(' ', '')}|HIE|STATE|{hts(r, c.dos)}||ADT^{ev}|{dg(r, 9)}|P|2.5.1",
                   f"EVN|{ev}|{hts(r, c.dos)}", f"PID|1||{c.mrn}^^^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{p.addr}^^{p.city}^{p.st}^{p.zip}||{p.phone}|||||{c.acct}|{c.ssn.replace('-', '')}",
                   f"PV1|1|{r.choice(['I', 'O', 'E'])}|{r.choice(['4W', 'ICU', 'DIAL', 'ONC'])}^{r.randint(1, 30)}^A||||{npi(r)}^{c.doc.family.upper()}^{c.doc.given.upper()}", f"DG1|1||{c.code()}^{c.dx().upper()}^I10"])
    return Doc("hl7-adt", "ADT", c.o, [P(f"ADT {ev} that errored in the engine - can you see why it didn't file?"), ("pre", t.replace("\r", "\n"))], subject=f"ADT {ev} error", kind="raw")
def R_oru(r):
    c = Case(r, r.choice(["oncology", "general", "dialysis"])); p = c.p
    t = "\n".join([f"MSH|^~\\&|LAB|QRL|{c.o.ehr.upper()}|{c.o.short.upper().replace(' ', '')}|{hts(r, c.dos)}||ORU^R01|{dg(r, 8)}|P|2.3", f"PID|1||{c.mrn}||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}",
                   f"OBR|1|{dg(r, 8)}|S26-{dg(r, 5)}|88305^SURGICAL PATHOLOGY|||{hts(r, c.dos)}", f"OBX|1|TX|22637-3^PATH REPORT.FINAL DX||{c.dx().upper()}||||||C",
                   f"OBX|2|TX|22637-3^ADDENDUM||{c.s[4]}||||||C", "NTE|1||Corrected result - supersedes prior report"])
    return Doc("hl7-oru", "ORU", org(r, "lab"), [P("Corrected ORU going out to the clinic - resend?"), ("pre", t)], subject="ORU corrected result", kind="raw")
def R_837(r):
    c = Case(r); p = c.p; amt = r.randint(95, 4800)
    t = "~\n".join([f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}*{p.mi}***MI*{c.mem}", f"N3*{asc(p.addr).upper()}", f"N4*{asc(p.city).upper()}*{p.st}*{p.zip}",
                    f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"CLM*{c.acct}*{amt}***11:B:1*Y*A*Y*Y", f"HI*ABK:{c.code().replace('.', '')}", f"SV1*HC:{r.choice(['99214', '97110', '90837', '96413', '90935'])}*{amt}*UN*1***1",
                    f"DTP*472*D8*{c.dos:%Y%m%d}"]) + "~"
    return Doc("x12-837", "837P", org(r, "billing"), [P(f"Rejected 837P loop 2010BA - payer says subscriber not found. Segment below:"), ("pre", t)], subject="837 rejection", kind="raw")
def R_835(r):
    c = Case(r); p = c.p; amt = r.randint(150, 3000)
    t = "~\n".join([f"CLP*{c.acct}*4*{amt}*0*{r.randint(0, 80)}*MC*{c.claim}*11*1", f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}",
                    f"DTM*232*{c.dos:%Y%m%d}", f"CAS*CO*{r.choice(['50', '197', '16', '97'])}*{amt}", f"SVC*HC:{r.choice(['99213', '97140', '90834'])}*{amt}*0"]) + "~"
    return Doc("x12-835", "835", org(r, "billing"), [P("Denied line from today's ERA - do we appeal?"), ("pre", t)], subject="ERA denial", kind="raw")
def R_271(r):
    c = Case(r); p = c.p
    t = "~\n".join([f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}", f"DTP*291*RD8*{TODAY.year}0101-{TODAY.year}1231",
                    f"EB*1*IND*30*MC*{c.payer.upper()}", f"EB*R*IND*30***{r.choice(['COB PRIMARY', 'OTHER PAYER PRIMARY'])}", f"MSG*OTHER COVERAGE ON FILE"]) + "~"
    return Doc("x12-271", "271", c.o, [P(f"271 shows other coverage for this member, scheduled {fd(c.nxt)} for {c.dx()}:"), ("pre", t)], subject="Elig 271 - COB flag", kind="raw")
def R_fhir(r):
    c = Case(r); p = c.p
    if r.random() < 0.5:
        j = {"resourceType": "Patient", "id": dg(r, 6), "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": c.mrn}],
             "name": [{"family": p.family, "given": [p.given, p.mi]}], "gender": "female" if p.sex == "F" else "male", "birthDate": f"{p.dob:%Y-%m-%d}",
             "telecom": [{"system": "phone", "value": p.phone}], "address": [{"line": [p.addr], "city": p.city, "state": p.st, "postalCode": p.zip}]}
        intro = f"Patient resource the portal is sending - he/she has {c.dx()} and the condition isn't linking:"
    else:
        j = {"resourceType": "Condition", "subject": {"reference": f"Patient/{dg(r, 6)}", "display": p.fl()}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c.code(), "display": c.dx()}]},
             "onsetDateTime": f"{c.dos:%Y-%m-%d}", "recorder": {"display": dr(c)}}
        intro = "Condition resource from the payer API (member in our CM program):"
    return Doc("fhir-json", "FHIR", c.o, [P(intro), ("pre", json.dumps(j, indent=1, ensure_ascii=False))], subject="FHIR payload question", kind="raw")
def R_1500(r):
    c = Case(r); p = c.p
    return Doc("cms-1500", "CMS-1500 data", org(r, "billing"), [P("Keyed from the paper 1500 - box 21 looks wrong:"),
        KV(r, [("1a. INSURED'S I.D. NUMBER", c.mem), ("2. PATIENT'S NAME (Last, First, MI)", f"{p.family.upper()}, {p.given.upper()}, {p.mi}"), ("3. PATIENT'S BIRTH DATE", f"{p.dob:%m %d %Y}  {p.sex}"),
               ("5. PATIENT'S ADDRESS", f"{p.addr}, {p.city} {p.st} {p.zip}"), ("21. ICD Ind 0  A.", c.code()), ("24A. DATE(S) OF SERVICE", f"{c.dos:%m %d %y}"), ("26. PATIENT'S ACCOUNT NO.", c.acct), ("33a. NPI", c.o.npi)])],
        subject="1500 keying question", kind="raw")
PHI_RAW = [R_adt, R_oru, R_837, R_835, R_271, R_fhir, R_1500]

# ---------------------------------------------------------------- PHI lists (each with a real date column)
def plist(r, cat, title, o, hdr, rowf, n=None, intro=None):
    rows = [rowf(r) for _ in range(n or r.randint(5, 11))]
    return Doc(cat, title, o, [P(intro or title), ("tbl", hdr, rows)], subject=title, kind="list")
def _c(r, line=None): return Case(r, line)
def Lx_chairs(r):
    o = org(r, "dialysis")
    def row(r): c = _c(r, "dialysis"); return [c.p.lf(), c.p.dob, r.choice(["MWF", "TTS"]), r.choice(["1st", "2nd", "3rd"]), c.s[4].split(",")[0], c.mbi]
    return plist(r, "dialysis-schedule", "Chair assignments - transient patients", o, ["Patient", "DOB", "Days", "Shift", "Last lab", "MBI"], row)
def Lx_infusion(r):
    o = org(r, "oncology")
    def row(r): c = _c(r, "oncology"); return [c.p.LF(), c.mrn, c.nxt, c.s[3], c.code(), r.choice(["labs OK", "hold - ANC", "pending CBC"])]
    return plist(r, "infusion-schedule", "Infusion schedule", o, ["Name", "MRN", "Appt", "Regimen", "Dx", "Status"], row)
def Lx_hospice(r):
    o = org(r, "home")
    def row(r): c = _c(r, "hospice"); return [c.p.fl(), c.p.dob, c.dos, c.dx(), r.choice(["RHC", "GIP", "CHC"]), c.p.phone]
    return plist(r, "hospice-census", "Hospice census", o, ["Patient", "Birth date", "Admit", "Terminal dx", "LOC", "Phone"], row)
def Lx_hhvisits(r):
    o = org(r, "home")
    def row(r): c = _c(r, "home"); return [c.p.lf(), f"{c.p.addr}, {c.p.city}", c.nxt, r.choice(["SN", "PT", "OT", "HHA", "MSW"]), c.code()]
    return plist(r, "home-visit-list", "Home visit route", o, ["Patient", "Address", "Visit date", "Discipline", "ICD-10"], row)
def Lx_denials(r):
    o = org(r, "billing")
    def row(r): c = _c(r); return [c.p.LF(), c.mem, c.claim, c.dos, r.choice(["CO-50", "CO-197", "CO-16", "PR-204", "CO-22 (COB)"]), f"{r.randint(90, 9000)}.00"]
    return plist(r, "denials-worklist", "Denials worklist", o, ["Patient", "Member ID", "Claim #", "DOS", "CARC", "Amount"], row)
def Lx_rxcalls(r):
    o = org(r, "pharmacy")
    def row(r): c = _c(r); return [c.p.fl(), c.p.dob, c.s[3], c.ndc, r.choice(["PA needed", "DUR interaction", "refill too soon", "call prescriber"]), c.p.phone]
    return plist(r, "pharmacy-callbacks", "Pharmacy call-back queue", o, ["Patient", "DOB", "Drug", "NDC", "Reason", "Phone"], row)
def Lx_interp(r):
    o = org(r)
    def row(r): c = _c(r); return [c.p.lf(), c.mrn, c.nxt, r.choice(["Spanish", "Vietnamese", "ASL", "Arabic", "Somali", "Karen"]), c.o.short, c.dx()]
    return plist(r, "interpreter-schedule", "Interpreter requests this week", o, ["Patient", "MRN", "Date", "Language", "Clinic", "Visit reason"], row)
def Lx_school(r):
    o = org(r, "peds")
    def row(r): c = _c(r, "peds"); return [c.p.fl(), c.p.dob, r.choice(["Lincoln Elem.", "Cedar Ridge MS", "Riverside K-8"]), c.s[3], TODAY - TD(days=r.randint(1, 20))]
    return plist(r, "school-forms", "School medication forms faxed", o, ["Student", "DOB", "School", "Medication", "Faxed"], row)
def Lx_wound(r):
    o = org(r, "wound")
    def row(r): c = _c(r, "wound"); return [c.p.LF(), c.mrn, c.dos, c.code(), f"{r.uniform(0.5, 6):.1f} x {r.uniform(0.5, 4):.1f} x {r.uniform(0.1, 2):.1f}", r.choice(["improving", "stalled", "worse"])]
    return plist(r, "wound-rounds", "Wound rounds", o, ["Patient", "MRN", "Last measured", "ICD-10", "L x W x D (cm)", "Trend"], row)
def Lx_cm(r):
    o = org(r, "payer")
    def row(r): c = _c(r); return [c.p.lf(), c.mem, c.p.dob, c.dx(), c.dos, r.choice(["reached", "left VM", "wrong number", "declined"])]
    return plist(r, "cm-outreach-list", "High-risk outreach list", o, ["Member", "Member ID", "DOB", "Condition", "ED visit", "Outcome"], row)
def Lx_es(r):
    o = org(r)
    def row(r): c = _c(r); return [c.p.fl(), c.p.dob, c.nxt, c.s[2], c.p.phone]
    return plist(r, "spanish-list", "Lista de pacientes - citas de seguimiento", o, ["Paciente", "Fecha de nacimiento", "Cita", "Diagnóstico", "Teléfono"], row)
def Lx_roi(r):
    o = org(r)
    def row(r): c = _c(r); return [c.p.LF(), c.mrn, TODAY - TD(days=r.randint(1, 30)), r.choice(["attorney", "SSA/DDS", "insurer", "patient", "court order"]), c.dx()]
    return plist(r, "roi-log", "ROI log", o, ["Patient", "MRN", "Received", "Requester", "Records for"], row)
PHI_LIST = [Lx_chairs, Lx_infusion, Lx_hospice, Lx_hhvisits, Lx_denials, Lx_rxcalls, Lx_interp, Lx_school, Lx_wound, Lx_cm, Lx_es, Lx_roi]

# ---------------------------------------------------------------- clean narratives
TOPICS = ["hand hygiene", "pressure injury prevention", "sepsis bundles", "peritoneal dialysis training", "postpartum hemorrhage drills", "RSV season",
          "fall prevention in home health", "suicide risk screening", "opioid tapering", "pediatric asthma action plans", "hospice eligibility", "dental antibiotic prophylaxis"]
def C_sched(r):
    o = org(r); rows = [f"{fd(TODAY + TD(days=i), 'wk')}: {clinician(r).short()} ({r.choice(['days', 'nights', 'call'])})" for i in range(r.randint(4, 7))]
    return Doc("provider-schedule", "Provider coverage", o, [P(f"{o.short} coverage for the holiday weeks:"), P("\n".join(rows)), P(f"Swaps go through {staffer(r).short()} by {fd(TODAY + TD(days=3), 'long')}.")], subject="Holiday coverage")
def C_training(r):
    o = org(r)
    return Doc("training-record", "Training environment", o, [P(f"For Thursday's {o.ehr} class, use only the sample patient below (TRAIN environment - not a real person)."),
        KV(r, [("Patient", r.choice(["TEST, PATIENT ONE", "ZZTRAIN, DIALYSIS", "SAMPLE, INFUSION B"])), ("DOB", "01/01/1950"), ("MRN", "TRN" + dg(r, 5)), ("SSN", r.choice(["078-05-1120", "123-45-6789", "219-09-9999"])), ("MBI", "1EG4-TE5-MK73")]),
        P("Do not search real patients during training; access is audited.")], subject="Training class - sample record")
def C_deid(r):
    o = org(r)
    return Doc("deidentified-stats", "Quarterly metrics (de-identified)", o, [P(f"Q3 summary for {o.short} - aggregate counts only, no patient identifiers."),
        KV(r, [("Unique patients", str(r.randint(800, 9000))), ("Median age", str(r.randint(38, 71))), ("30-day readmission", f"{r.uniform(8, 19):.1f}%"), ("Denial rate", f"{r.uniform(4, 14):.1f}%"), ("Avg days in A/R", str(r.randint(31, 58)))]),
        P("Cells under 11 are suppressed per the data-sharing agreement.")], subject="Q3 dashboard")
def C_vendor(r):
    v = r.choice(VENDORS); o = org(r)
    return Doc("vendor-invoice", "Invoice", v, [P(f"Invoice INV-{dg(r, 7)} for {o.name}, PO {dg(r, 8)}, due {fd(TODAY + TD(days=30), 'long')}."),
        KV(r, [("Customer #", dg(r, 6)), ("Item", r.choice(["Foam dressing 4x4 REF 66801", "Hemodialysis bloodline set REF BL-220", "Exam gloves nitrile M", "Scrub tops (ceil blue)"])), ("Lot", f"{dg(r, 2)}{r.choice('ABCK')}{dg(r, 4)}"), ("Amount", f"${r.randint(120, 24000):,}.{dg(r, 2)}")])],
        subject=f"Invoice {dg(r, 7)}")
def C_ticket(r):
    o = org(r); s = staffer(r)
    return Doc("it-ticket", "IT ticket", o, [P(f"INC{dg(r, 7)} opened by {s.fl()} (ext {dg(r, 4)}): {r.choice(['label printer in infusion bay offline', 'dictation app crashes on login', 'fax server queue stuck', 'badge reader at dialysis entrance'])}."),
        KV(r, [("Asset tag", f"AT-{dg(r, 6)}"), ("Priority", r.choice(["P3", "P4"])), ("Assigned", f"{staffer(r).short()} (Bitwise)"), ("Opened", fd(TODAY - TD(days=1)))])], subject="Ticket update")
def C_news(r):
    o = org(r); t = r.choice(TOPICS)
    return Doc("newsletter", "Clinical newsletter", o, [H(f"{o.short} Clinical Digest - {MON[TODAY.month - 1]} {TODAY.year}"), P(f"This month: {t}. {clinician(r).short()} shares what changed after the {fd(TODAY - TD(days=40), 'long')} practice council."),
        P(f"Nationally, about {r.randint(2, 30)}% of adults are affected; early screening matters. No patient information is included in this newsletter.")], subject=f"Digest: {t}")
def C_formnotice(r):
    o = org(r)
    return Doc("form-notice", "Form revision notice", o, [P(f"The registration form (rev. {fd(TODAY - TD(days=r.randint(10, 60)))}) now requires the Date of Birth field and the preferred language field."),
        P(f"Old versions must be recycled by {fd(TODAY + TD(days=14), 'long')}. Questions: {staffer(r).short()}, Patient Access.")], subject="Registration form update")
def C_bday(r):
    o = org(r); s = staffer(r)
    return Doc("staff-birthday", "Birthday", o, [P(f"Help us celebrate {s.short()}'s birthday on {fd(TODAY + TD(days=2), 'long')}! Cake in the {r.choice(['infusion', 'PT gym', 'billing office', 'dialysis'])} break room at 2:30."),
        P("Card is at the front desk.")], subject=f"Birthday cake for {s.given}")
def C_job(r):
    o = org(r)
    return Doc("job-posting", "Job posting", o, [P(f"Now hiring: {r.choice(['Dialysis RN', 'Hospice Aide', 'Pediatric Dental Assistant', 'Appeals Specialist', 'Medical Interpreter (Spanish)', 'Wound Care Nurse'])} - req {dg(r, 6)}."),
        P(f"Posting closes {fd(TODAY + TD(days=21), 'long')}. Apply on the careers site; referral bonus ${r.choice([500, 1000, 2500])}.")], subject="Job posting")
def C_policy(r):
    o = org(r)
    return Doc("policy-notice", "Policy update", o, [P(f"Policy {r.choice(['ROI-004', 'INT-112', 'HOS-031', 'BIL-220'])} ({r.choice(['release of information', 'interpreter services', 'death pronouncement by RN', 'appeal timelines'])}) was revised effective {fd(TODAY + TD(days=20))}."),
        P("Key change: requests must be logged within 1 business day. Attestation due in the LMS.")], subject="Policy revision")
def C_hipaa(r):
    o = org(r)
    return Doc("hipaa-reminder", "HIPAA reminder", o, [P(f"Annual HIPAA and privacy training is due {fd(TODAY + TD(days=17), 'long')}. Remember: use secure e-mail for anything with patient names, dates of birth or record numbers."),
        P(f"Compliance hotline: {o.phone}.")], subject="HIPAA training due")
def C_es(r):
    o = org(r)
    return Doc("spanish-notice", "Aviso al personal", o, [P(f"Aviso: la junta de personal será el {fd(TODAY + TD(days=5), 'es')} a las 8:00."), P("Temas: horarios de vacaciones, nuevos formularios de admisión, capacitación de intérpretes. Gracias.")],
        subject="Aviso al personal")
def C_bulletin(r):
    o = org(r, "payer")
    return Doc("payer-bulletin", "Provider bulletin", o, [P(f"Effective {fd(TODAY + TD(days=45), 'long')}, prior authorization is no longer required for CPT 97110 and 97140 (first 12 visits)."),
        P(f"Appeals must be filed within 60 days of the EOB date. Provider services: {o.phone}. This bulletin contains no member information.")], subject="Provider bulletin")
def C_grand(r):
    o = org(r); sp = clinician(r)
    return Doc("grand-rounds", "Grand rounds", o, [P(f"Grand rounds {fd(TODAY + TD(days=6), 'long')}: \"{r.choice(TOPICS).capitalize()}\" - {sp.short()}, {sp.cred} (NPI {npi(r)})."),
        P("1.0 CME. Cases are de-identified composites.")], subject="Grand rounds")
def C_recall(r):
    o = org(r); v = r.choice(VENDORS)
    return Doc("product-recall", "Product recall", o, [P(f"{v.name} recall notice: {r.choice(['dialyzer', 'NPWT canister', 'infusion set', 'pediatric nebulizer mask'])} lots {dg(r, 6)}, {dg(r, 6)} - FDA Class II."),
        P("Pull from supply rooms and return to Materials Management.")], subject="Recall notice")
def C_gym(r):
    o = org(r); s = staffer(r)
    return Doc("wellness-perk", "Employee wellness", o, [P(f"{s.short()}, your gym reimbursement for member #{dg(r, 9)} ({r.choice(['Anytime Fitness', 'YMCA', 'Planet Fitness'])}) was approved. Fleet policy {r.choice(['PAP', 'CA'])}-{dg(r, 8)} renews {fd(TODAY + TD(days=30))}.")],
        subject="Wellness reimbursement")
def C_blankform(r):
    o = org(r)
    return Doc("blank-form", "Blank form template", o, [H(r.choice(["School Medication Authorization (blank)", "Authorization to Release Health Information - template", "Interpreter Request Form - template"])),
        KV(r, [("Patient/Student name", "____________________"), ("Date of birth", "__/__/____"), ("MRN", "__________"), ("Signature", "____________ Date ______")]), P(f"Form rev. {fd(TODAY - TD(days=90))}. Print on letterhead.")],
        subject="Blank form for the binder")
def C_interpnotice(r):
    o = org(r)
    return Doc("interpreter-notice", "Interpreter services", o, [P(f"Video interpreter carts are now on every floor. Languages: Spanish, Vietnamese, ASL, Somali, Marshallese."),
        P(f"Vendor account {dg(r, 7)}; support line {o.phone}. {staffer(r).short()} is the new language access coordinator.")], subject="Language access update")
CLEAN_NARR = [C_sched, C_training, C_deid, C_vendor, C_ticket, C_news, C_formnotice, C_bday, C_job, C_policy, C_hipaa, C_es, C_bulletin, C_grand, C_recall, C_gym, C_blankform, C_interpnotice]

def Q_hl7(r): o = org(r); return Doc("hl7-spec", "HL7 spec", o, [P("ADT mapping for the HIE feed (placeholders only):"), ("pre", "MSH|^~\\&|{SENDING_APP}|{FACILITY}|HIE|STATE|{YYYYMMDDHHMM}||ADT^A01|{CONTROL_ID}|P|2.5.1\nPID|1||{MRN}^^^MR||{LAST}^{FIRST}^{MI}||{DOB_YYYYMMDD}|{SEX}\nPV1|1|I|{UNIT}^{ROOM}^{BED}")], subject="HL7 mapping", kind="raw")
def Q_x12(r): o = org(r); return Doc("x12-guide", "837 companion guide", o, [P("Companion guide, loop 2010BA (test indicator T):"), ("pre", "ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *261201*0930*^*00501*000000001*0*T*:~\nNM1*IL*1*{SUBSCRIBER_LAST}*{SUBSCRIBER_FIRST}****MI*{MEMBER_ID}~\nDMG*D8*{CCYYMMDD}*{GENDER}~")], subject="Companion guide", kind="raw")
def Q_fhir(r): o = org(r); return Doc("fhir-profile", "FHIR profile", o, [P("Patient profile example from the IG (synthetic):"), ("pre", json.dumps({"resourceType": "Patient", "id": "example", "name": [{"family": "{{family}}", "given": ["{{given}}"]}], "birthDate": "{{yyyy-mm-dd}}", "meta": {"tag": [{"code": "SYNTH"}]}}, indent=1))], subject="FHIR IG", kind="raw")
def Q_ack(r): o = org(r); return Doc("hl7-ack", "ACK", o, [P("Engine returned AE on the batch - only the ACK is below:"), ("pre", f"MSH|^~\\&|HIE|STATE|{o.ehr.upper()}|{o.short.upper().replace(' ', '')}|{TODAY:%Y%m%d}1015||ACK|{dg(r, 8)}|P|2.5.1\nMSA|AE|{dg(r, 8)}\nERR|||207^Application internal error^HL70357")], subject="ACK errors", kind="raw")
def Q_test(r): o = org(r); return Doc("hl7-test-patient", "Test message", o, [P("Synthetic test message for the TST interface (processing id T):"), ("pre", f"MSH|^~\\&|LAB|QRL|EHR|TST|{TODAY:%Y%m%d}0800||ORU^R01|{dg(r, 6)}|T|2.3\nPID|1||TEST0001||ZZTEST^DIALYSIS^A||19000101|U\nOBX|1|NM|2160-0^CREATININE||9.9|mg/dL")], subject="TST interface", kind="raw")
def Q_999(r): o = org(r, "billing"); return Doc("x12-999", "999 ack", o, [P("999 from the clearinghouse - accepted, nothing to fix:"), ("pre", f"ST*999*0001*005010X231A1~\nAK1*HC*{dg(r, 5)}*005010X222A1~\nAK9*A*1*1*1~\nSE*4*0001~")], subject="999 accepted", kind="raw")
CLEAN_RAW = [Q_hl7, Q_x12, Q_fhir, Q_ack, Q_test, Q_999]

def klist(r, cat, title, hdr, rowf, intro=None):
    rows = [rowf(r) for _ in range(r.randint(5, 11))]
    return Doc(cat, title, org(r), [P(intro or title), ("tbl", hdr, rows)], subject=title, kind="list")
def K_oncall(r): return klist(r, "on-call", "On-call roster", ["Provider", "NPI", "Date", "Service", "Pager"], lambda r: [f"{clinician(r).lf()}", npi(r), TODAY + TD(days=r.randint(0, 14)), r.choice(["Nephrology", "Hospice", "Peds", "BH", "OB"]), dg(r, 4)])
def K_cred(r): return klist(r, "credentialing", "Credentialing expirations", ["Clinician", "NPI", "License exp.", "Board"], lambda r: [clinician(r).fl(), npi(r), TODAY + TD(days=r.randint(20, 300)), r.choice(["ABIM", "ABP", "ABPN", "ADA", "APTA"])])
def K_inv(r): return klist(r, "pharmacy-inventory", "Inventory - short-dated", ["Drug", "NDC", "Lot", "Expires", "Qty"], lambda r: [r.choice(["epoetin alfa 4,000 u/mL", "sevelamer 800 mg", "ondansetron 4 mg ODT", "amoxicillin 500 mg"]), ndc(r), f"{r.choice('ABKL')}{dg(r, 5)}", TODAY + TD(days=r.randint(10, 90)), r.randint(1, 60)])
def K_po(r): return klist(r, "purchase-orders", "Open POs", ["PO", "Vendor", "Ordered", "Amount"], lambda r: [f"PO-{dg(r, 7)}", r.choice(VENDORS).name, TODAY - TD(days=r.randint(1, 30)), f"{r.randint(100, 40000)}.00"])
def K_train(r): return klist(r, "training-compliance", "Annual competencies", ["Employee", "Emp ID", "Due", "Status"], lambda r: [staffer(r).lf(), f"E{dg(r, 6)}", TODAY + TD(days=r.randint(-5, 45)), r.choice(["complete", "overdue", "in progress"])])
def K_deid(r): return klist(r, "deidentified-stats", "Visits by age band (aggregate)", ["Age band", "Week of", "Visits", "No-show %"], lambda r: [r.choice(["0-17", "18-44", "45-64", "65+"]), TODAY - TD(weeks=r.randint(1, 12)), r.randint(11, 900), f"{r.uniform(3, 22):.1f}"])
def K_test(r): return klist(r, "test-patients", "TRAIN patients for go-live", ["Test patient", "DOB", "MRN"], lambda r: [f"ZZTEST, {r.choice(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'])}", D(1900, 1, 1), f"TST{dg(r, 5)}"])
def K_interp(r): return klist(r, "interpreter-roster", "Staff interpreters", ["Interpreter", "Language", "Shift date", "Ext"], lambda r: [staffer(r).fl(), r.choice(["Spanish", "Vietnamese", "ASL", "Arabic"]), TODAY + TD(days=r.randint(0, 10)), dg(r, 4)])
def K_denagg(r): return klist(r, "denial-summary", "Denials by reason (aggregate)", ["CARC", "Month", "Count", "Dollars"], lambda r: [r.choice(["CO-50", "CO-197", "CO-16", "CO-22", "PR-1"]), D(2026, r.randint(6, 11), 1), r.randint(3, 400), f"{r.randint(1000, 90000)}.00"])
def K_chairs(r): return klist(r, "chair-capacity", "Dialysis chair capacity", ["Clinic", "Date", "Open chairs", "Shift"], lambda r: [r.choice(["Meridian North", "Meridian East", "Meridian Downtown"]), TODAY + TD(days=r.randint(0, 14)), r.randint(0, 5), r.choice(["1st", "2nd", "3rd"])])
CLEAN_LIST = [K_oncall, K_cred, K_inv, K_po, K_train, K_deid, K_test, K_interp, K_denagg, K_chairs]

# ================================================================== renderers
def cs(v, st="mdy"): return fd(v, st) if isinstance(v, D) else str(v)
def kv_text(items, sty):
    if sty == "aligned": w = max(len(k) for k, _ in items) + 2; return "\n".join(f"{k.rstrip(':'):<{w}}{v}" for k, v in items)
    if sty == "below": return "\n".join(f"{k.rstrip(':')}:\n    {v}" for k, v in items)
    if sty == "pipe": return "\n".join(f"{k} | {v}" for k, v in items)
    if sty == "semi": return "; ".join(f"{k} {v}" for k, v in items)
    return "\n".join(f"{k.rstrip(':')}: {v}" for k, v in items)
def render_text(doc, dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] in ("p", "pre"): out.append(b[1])
        elif b[0] == "h": out.append(b[1].upper())
        elif b[0] == "kv": out.append(kv_text(b[1], b[2]))
        elif b[0] == "tbl":
            rows = [b[1]] + [[cs(v, dst) for v in row] for row in b[2]]; w = [max(len(str(x[i])) for x in rows) for i in range(len(b[1]))]
            out.append("\n".join("  ".join(str(x[i]).ljust(w[i]) for i in range(len(w))).rstrip() for x in rows))
    return "\n\n".join(out) + "\n"
def render_html(doc):
    h = [f"<html><head><meta charset=\"utf-8\"><title>{hx(doc.title)}</title></head><body style=\"font-family:Calibri,Arial,sans-serif;font-size:11pt\">"]
    if doc.o: h.append(f"<div style=\"color:#2f4f6f;font-weight:bold\">{hx(doc.o.name)}</div>")
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "h": h.append(f"<h3>{hx(b[1])}</h3>")
        elif b[0] == "pre": h.append(f"<pre style=\"font-size:9pt\">{hx(b[1])}</pre>")
        elif b[0] == "kv": h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\">" + "".join(f"<tr><td style=\"background:#eef\"><b>{hx(k)}</b></td><td>{hx(str(v))}</td></tr>" for k, v in b[1]) + "</table>")
        elif b[0] == "tbl": h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\"><tr>" + "".join(f"<th>{hx(x)}</th>" for x in b[1]) + "</tr>" + "".join("<tr>" + "".join(f"<td>{hx(cs(v))}</td>" for v in row) + "</tr>" for row in b[2]) + "</table>")
    return "\n".join(h) + "\n</body></html>\n"

def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b13/ + file name (re-typed after batch 12's helper)"""
    h = hashlib.sha256(("b13/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261213170000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-13T17:00:00", data)
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
from reportlab.platypus import BaseDocTemplate, SimpleDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.lib import colors
from reportlab.lib.units import inch
SS = getSampleStyleSheet()
CELL = ParagraphStyle("cell13", parent=SS["BodyText"], fontSize=8.5, leading=10.5)
def rx(s): return hx(lat1(str(s))).replace("\n", "<br/>")
def rl_pdf(r, doc):
    buf = io.BytesIO(); o = doc.o; tint = r.choice([colors.HexColor("#1d4e5f"), colors.HexColor("#5b2a86"), colors.HexColor("#7a3b00"), colors.HexColor("#234d20")])
    def deco(cv, _d):
        cv.saveState(); cv.setFillColor(tint); cv.rect(0, 10.45 * inch, 8.5 * inch, 0.55 * inch, fill=1, stroke=0)
        cv.setFillColor(colors.white); cv.setFont("Helvetica-Bold", 13); cv.drawString(0.6 * inch, 10.65 * inch, lat1(o.name if o else "Memo"))
        cv.setFont("Helvetica", 7.5); cv.setFillColor(colors.grey); cv.drawString(0.6 * inch, 0.45 * inch, lat1(f"{o.addr if o else ''}  |  Tel {o.phone if o else ''}  |  Fax {o.fax if o else ''}"))
        cv.drawRightString(7.9 * inch, 0.45 * inch, f"Page {cv.getPageNumber()}"); cv.restoreState()
    story = []; twocol = doc.kind == "narr" and r.random() < 0.3; pairs = r.random() < 0.4
    for b in doc.blocks:
        if b[0] == "p": story += [Paragraph(rx(b[1]), SS["BodyText"]), Spacer(1, 4)]
        elif b[0] == "h": story.append(Paragraph(rx(b[1]), SS["Heading3"]))
        elif b[0] == "pre": story.append(Preformatted(lat1(b[1]), ParagraphStyle("pre13", fontName="Courier", fontSize=7, leading=8.5)))
        elif b[0] == "kv":
            cells = [[Paragraph(f"<b>{rx(k)}</b>", CELL), Paragraph(rx(v), CELL)] for k, v in b[1]]
            if pairs and not twocol: cells = [cells[i] + (cells[i + 1] if i + 1 < len(cells) else [Paragraph("", CELL)] * 2) for i in range(0, len(cells), 2)]; cw = [1.3 * inch, 2.2 * inch] * 2
            else: cw = [1.4 * inch, 1.6 * inch] if twocol else [2.0 * inch, 4.6 * inch]
            t = Table(cells, colWidths=cw); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")] + [("BACKGROUND", (i, 0), (i, -1), colors.HexColor("#eef2f5")) for i in range(0, len(cw), 2)]))
            story += [t, Spacer(1, 6)]
        elif b[0] == "tbl":
            data = [[Paragraph(f"<b>{rx(x)}</b>", CELL) for x in b[1]]] + [[Paragraph(rx(cs(v)), CELL) for v in row] for row in b[2]]
            t = Table(data, repeatRows=1); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6ee"))] + [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f7f7f7")) for i in range(2, len(data), 2)]))
            story.append(t)
    if twocol:
        d = BaseDocTemplate(buf, pagesize=letter, title=lat1(doc.title), author=lat1(o.short if o else ""))
        w = (8.5 * inch - 1.2 * inch - 0.3 * inch) / 2
        d.addPageTemplates([PageTemplate(id="two", frames=[Frame(0.6 * inch, 0.8 * inch, w, 9.4 * inch, id="l"), Frame(0.6 * inch + w + 0.3 * inch, 0.8 * inch, w, 9.4 * inch, id="r")], onPage=deco)])
        d.build(story)
    else:
        d = SimpleDocTemplate(buf, pagesize=letter, topMargin=1.3 * inch, bottomMargin=0.8 * inch, leftMargin=0.7 * inch, rightMargin=0.7 * inch, title=lat1(doc.title))
        d.build(story, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()

def ps_str(t): return "(" + lat1(t).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
def wrap(t, n):
    out = []
    for para in str(t).split("\n"):
        ln = ""
        for w in para.split(" "):
            if len(ln) + len(w) + 1 > n and ln: out.append(ln); ln = w
            else: ln = (ln + " " + w).strip()
        out.append(ln)
    return out
def ps_doc(r, doc):
    lines = []
    for b in doc.blocks:
        if b[0] == "p": lines += [("F", x) for x in wrap(b[1], 88)] + [("F", "")]
        elif b[0] == "h": lines += [("B", b[1].upper()), ("F", "")]
        elif b[0] == "pre": lines += [("C", x[:100]) for x in b[1].split("\n")] + [("F", "")]
        elif b[0] == "kv": lines += [("C", f"{k.rstrip(':')[:34]:<36}{v}"[:100]) for k, v in b[1]] + [("F", "")]
        elif b[0] == "tbl":
            rows = [b[1]] + [[cs(v) for v in row] for row in b[2]]; w = [min(26, max(len(str(x[i])) for x in rows)) for i in range(len(b[1]))]
            lines += [("C", " ".join(str(x[i])[:w[i]].ljust(w[i]) for i in range(len(w)))[:110]) for x in rows] + [("F", "")]
    ps = ["%!PS-Adobe-3.0", f"%%Title: {asc(doc.title)}", "%%Pages: 1", "%%EndComments",
          "/re { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding def currentdict end definefont pop } def",
          "/HL /Helvetica re /HB /Helvetica-Bold re /CL /Courier re", "0.85 setgray 36 742 540 30 rectfill 0 setgray",
          f"/HB findfont 14 scalefont setfont 46 752 moveto {ps_str(doc.o.name if doc.o else 'Memo')} show"]
    y = 715
    for kind, t in lines[:62]:
        font = {"F": "/HL findfont 9.5", "B": "/HB findfont 10.5", "C": "/CL findfont 7.6"}[kind]
        ps.append(f"{font} scalefont setfont 46 {y} moveto {ps_str(t)} show"); y -= 10.5
    ps += [f"/HL findfont 7 scalefont setfont 46 30 moveto {ps_str((doc.o.addr + '  Fax ' + doc.o.fax) if doc.o else '')} show", "showpage", "%%EOF"]
    return ("\n".join(ps) + "\n").encode("latin-1")
def ps_pdf(ctx, r, doc, key):
    src = ctx.path(".ps")
    with open(src, "wb") as f: f.write(ps_doc(r, doc))
    return norm_pdf(gs_distill(src, ctx.path(".pdf")), key)

from fpdf import FPDF
import fpdf as _fpdf
def fp_pdf(r, doc):
    uni = r.random() < 0.5; pdf = FPDF(format="letter"); pdf.set_auto_page_break(True, 18)
    pdf.set_creation_date(dtm.datetime(2026, 12, 13, 17, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if uni: pdf.add_font("DV", "", DJ); pdf.add_font("DV", "B", DJB); F = "DV"
    else: F = "Helvetica"
    T = (lambda s: str(s)) if uni else (lambda s: lat1(str(s)))
    pdf.add_page(); o = doc.o
    pdf.set_fill_color(*r.choice([(214, 232, 240), (236, 226, 246), (240, 232, 214)])); pdf.rect(10, 8, 195.9, 16, "F")
    pdf.set_font(F, "B", 13); pdf.set_xy(14, 11); pdf.cell(0, 6, T(o.name if o else doc.title))
    pdf.set_font(F, "", 7.5); pdf.set_xy(14, 17); pdf.cell(0, 4, T(f"{o.addr}  Tel {o.phone}  Fax {o.fax}" if o else ""))
    pdf.set_y(30); mode = r.choice(["letter", "form", "twocol"]) if doc.kind == "narr" else "letter"
    if r.random() < 0.25:
        pdf.set_text_color(190, 30, 30); pdf.set_font(F, "B", 12)
        with pdf.rotation(12, 170, 40): pdf.text(150, 40, T(f"{r.choice(['RECEIVED', 'FAXED', 'SCANNED'])} {fd(TODAY - TD(days=r.randint(0, 4)), 'md')}"))
        pdf.set_text_color(0, 0, 0)
    if mode == "twocol":
        txt = []
        for b in doc.blocks:
            if b[0] in ("p", "h", "pre"): txt.append(b[1])
            elif b[0] == "kv": txt.append("\n".join(f"{k.rstrip(':')}: {v}" for k, v in b[1]))
            elif b[0] == "tbl": txt.append(render_text(Doc(doc.cat, "", None, [b])))
        pdf.set_font(F, "", 9.5)
        with pdf.text_columns(ncols=2, gutter=8, text_align="J") as cols:
            for t in txt: cols.write(T(t) + "\n\n")
        return bytes(pdf.output())
    for b in doc.blocks:
        if b[0] == "h": pdf.set_font(F, "B", 11.5); pdf.multi_cell(0, 6, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif b[0] == "p": pdf.set_font(F, "", 10); pdf.multi_cell(0, 5, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "pre": pdf.set_font("Courier", "", 7.2); pdf.multi_cell(0, 3.6, lat1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "kv" and mode == "form":
            items = b[1]; w = 93
            for i in range(0, len(items), 2):
                y = pdf.get_y()
                for j, (k, v) in enumerate(items[i:i + 2]):
                    x = 12 + j * (w + 4); pdf.rect(x, y, w, 12)
                    pdf.set_font(F, "", 6.5); pdf.set_xy(x + 1.5, y + 0.8); pdf.cell(w - 3, 3, T(k.rstrip(":").upper()))
                    pdf.set_font(F, "B", 9); pdf.set_xy(x + 1.5, y + 5); pdf.cell(w - 3, 5, T(v)[:60])
                pdf.set_y(y + 14)
            pdf.ln(2)
        elif b[0] == "kv":
            pdf.set_font(F, "", 9.5)
            with pdf.table(col_widths=(55, 135), text_align="LEFT", first_row_as_headings=False, line_height=5.5) as t:
                for k, v in b[1]: rw = t.row(); rw.cell(T(k)); rw.cell(T(v))
            pdf.ln(3)
        elif b[0] == "tbl":
            pdf.set_font(F, "", 7.8)
            with pdf.table(text_align="LEFT", line_height=4.6, headings_style=_fpdf.FontFace(emphasis="BOLD", fill_color=(225, 225, 225))) as t:
                for row in [b[1]] + [[cs(v) for v in x] for x in b[2]]:
                    rw = t.row()
                    for v in row: rw.cell(T(v))
    return bytes(pdf.output())

import docx as _docx
from docx.shared import Pt, Inches, RGBColor
def docx_bytes(r, doc, logo=False):
    d = _docx.Document(); st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria"]); st.font.size = Pt(10.5)
    sec = d.sections[0]; hp = sec.header.paragraphs[0]
    if logo and doc.o: hp.add_run().add_picture(io.BytesIO(logo_png(doc.o)), width=Inches(2.2))
    else: ru = hp.add_run(lat1(doc.o.name) if doc.o else doc.title); ru.bold = True; ru.font.color.rgb = RGBColor(0x2f, 0x4f, 0x6f)
    sec.footer.paragraphs[0].text = r.choice(["CONFIDENTIAL", f"{doc.o.short if doc.o else ''} | {doc.o.phone if doc.o else ''}", "Page 1", f"Printed {fd(TODAY)}"])
    for b in doc.blocks:
        if b[0] == "h": d.add_heading(b[1], level=2)
        elif b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "pre": p = d.add_paragraph(); ru = p.add_run(b[1]); ru.font.name = "Courier New"; ru.font.size = Pt(7.5)
        elif b[0] == "kv":
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for k, v in b[1]: c = t.add_row().cells; c[0].text = k; c[1].text = str(v); c[0].paragraphs[0].runs[0].bold = True
            d.add_paragraph("")
        elif b[0] == "tbl":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1"])
            for i, x in enumerate(b[1]): t.rows[0].cells[i].text = x
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cs(v)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

import openpyxl
from openpyxl.styles import Font, PatternFill
def xlsx_bytes(r, doc):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = r.choice(["Sheet1", "List", "Export", "Worklist"])[:31]
    hdr, rows = doc.table() or (["Item"], [[x[1]] for x in doc.blocks if x[0] == "p"])
    row0 = 1
    if r.random() < 0.4: ws.cell(1, 1, lat1(doc.title)).font = Font(bold=True, size=12); row0 = 3
    for i, x in enumerate(hdr, 1): c = ws.cell(row0, i, x); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor=r.choice(["DDEBF7", "E2EFDA", "FCE4D6"]))
    nf = r.choice(["mm/dd/yyyy", "m/d/yy", "yyyy-mm-dd", "d-mmm-yyyy"])
    for j, row in enumerate(rows, row0 + 1):
        for i, v in enumerate(row, 1):
            c = ws.cell(j, i, v)
            if isinstance(v, D): c.number_format = nf
    for i in range(1, len(hdr) + 1): ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = 18
    ws.freeze_panes = ws.cell(row0 + 1, 1)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    hdr, rows = doc.table() or (["Line"], [[x[1]] for x in doc.blocks if x[0] == "p"])
    kind = r.choice(["csv", "csv", "quoted", "tsv", "semi", "pipe"]); dst = r.choice(["mdy", "iso", "ymd8", "m/d/yyyy"])
    s = io.StringIO(); delim = {"csv": ",", "quoted": ",", "tsv": "\t", "semi": ";", "pipe": "|"}[kind]
    w = csv.writer(s, delimiter=delim, quoting=csv.QUOTE_ALL if kind == "quoted" else csv.QUOTE_MINIMAL, lineterminator=r.choice(["\r\n", "\n"]))
    w.writerow(hdr)
    for row in rows: w.writerow([cs(v, dst) for v in row])
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, {"csv": "csv", "quoted": "csv", "tsv": "tsv", "semi": "csv", "pipe": "txt"}[kind]

from PIL import Image, ImageDraw
_LOGO = {}
def logo_png(o):
    if o.name not in _LOGO:
        h = int(hashlib.sha256(o.name.encode()).hexdigest()[:6], 16); col = (h >> 16 & 0x7f, h >> 8 & 0x7f, h & 0x7f)
        im = Image.new("RGB", (320, 80), "white"); dr_ = ImageDraw.Draw(im)
        dr_.ellipse((8, 8, 72, 72), fill=col); dr_.polygon([(40, 18), (60, 60), (20, 60)], fill="white")
        dr_.text((86, 22), asc(o.short), fill=col); dr_.text((86, 44), asc(o.name)[:36], fill=(90, 90, 90))
        b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[o.name] = b.getvalue()
    return _LOGO[o.name]

# ================================================================== mail assembly (wiring re-typed after generate_b12.py)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18227", "Apple Mail (2.3826.400.131)", "iPhone Mail (22C161)", "Mozilla Thunderbird 128.5.2", "Kno2 Secure Messaging", "Zimbra 10.1"]
TITLES = ["Intake Coordinator", "Infusion RN", "Dialysis Social Worker", "Appeals Specialist", "HIM / ROI Specialist", "Care Manager, RN", "Pharmacy Technician",
          "Front Desk Lead", "Hospice Liaison", "Billing Rep II", "Language Access Coordinator", "Clinic Supervisor", "Prior Auth Coordinator"]
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given.translate(FOLD)).lower())}.{re.sub('[^a-z]', '', asc(p.family.translate(FOLD)).lower())}@{dom}"
def sig_block(r, s, o):
    return r.choice([f"{s.short()}\n{r.choice(TITLES)} | {o.name}\nPh {o.phone}  Fax {o.fax}", f"Thanks,\n{s.given}", f"{s.given} {s.family[:1]}.",
                     f"--\n{s.fl()}\n{r.choice(TITLES)}\n{o.addr}\nCONFIDENTIALITY NOTICE: This e-mail may contain protected information. If received in error, notify the sender and delete it."])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 9))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-r.choice([5, 6, 7, 10]))))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([s.short(), f"{s.family}, {s.given}", f"{s.short()} ({o.short})"]), addr_spec=mbox(s, o.dom))
    if to is None: t = staffer(r); to = Address(display_name=r.choice([t.short(), f"{t.family}, {t.given}", ""]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 16)}.{dg(r, 7)}@{o.dom}>"
    x = r.choice(MAILERS + [None])
    if x: m["X-Mailer"] = x
    return m, s
def sethdr(m, k, v): del m[k]; m[k] = v
def set_body(r, m, text, html=None, o=None, logo=False):
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"sig{hexs(r, 12)}@{o.dom}"; h = html or "<html><body><p>" + hx(text).replace("\n", "<br>") + "</p></body></html>"
    h = h.replace("</body>", f'<p><img src="cid:{cid}" width="240" height="60" alt="{hx(o.short)}"></p></body>')
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename="logo.png", disposition="inline")
COVERS = ["Please see the attached.", "Attached.", "Here is the file you asked for.", "Attached for your records.", "See attached - thanks!", "Adjunto el archivo.", "Sent via secure mail - attachment enclosed.", "Per our call, attached."]
GEN_SUBJ = ["Attachment", "Scanned document", "Fax received", "[SECURE] document", "Requested records", "File", "Docs", "[EXT] attachment", "From the copier"]
def cover(r, m, s, o, label):
    x = r.random()
    if x < 0.08:
        sethdr(m, "From", Address(display_name="Xerox AltaLink C8170", addr_spec=f"scanner{r.randint(1, 6)}@{o.dom}")); m.set_content(f"Scan to e-mail.\nPages: {r.randint(1, 2)}\nResolution: 200 dpi\n"); return
    if x < 0.14:
        sethdr(m, "From", Address(display_name="RightFax", addr_spec=f"rightfax@{o.dom}")); m["X-RightFax-Pages"] = str(r.randint(1, 3)); m.set_content(f"You have received a fax from {r.choice([x.fax for x in ORGS])}.\nPages: {r.randint(1, 3)}\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < (0.4 if label == "clean" else 0.2))
def build_plain(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o)
    set_body(r, m, r.choice(["", "Hi,\n\n", "Hello,\n\n", "Morning all,\n\n", "Team -\n\n"]) + render_text(doc, r.choice(["mdy", "m/d/yy", "iso", "long"])) + "\n" + sig_block(r, s, o) + "\n", o=o, logo=r.random() < (0.3 if label == "clean" else 0.12)); return m
def build_html(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o); sig = sig_block(r, s, o)
    html = render_html(doc).replace("</body>", "<p style=\"color:#555\">" + hx(sig).replace("\n", "<br>") + "</p></body>")
    set_body(r, m, render_text(doc) + "\n" + sig + "\n", html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.3)); return m
def quote(t): return "\n".join(("> " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = staffer(r); subj = doc.subject or doc.title; inner = render_text(doc) + "\n" + sig_block(r, s0, o)
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "RE: RE: ", "FW: RE: "]) + subj, o); st = r.randrange(5); d0 = TODAY - TD(days=r.randint(1, 7))
    top = r.choice(["Can you work this one?", "FYI below.", "Please see the thread.", "Who owns this?", "Forwarding - not sure this is ours.", "Adding you - see below.", "Reenvío, ver abajo."]) + "\n\n" + sig_block(r, s, o)
    frm = f"{s0.short()} <{mbox(s0, o.dom)}>"
    if st == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {frm}\nSent: {fd(d0, 'wk')}/{d0.year} {tm(r)}\nTo: {s.short()}\nSubject: {subj}\n\n{inner}"
    elif st == 1: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm}\nDate: {fd(d0, 'long')}, {tm(r)}\nSubject: {subj}\nTo: <{mbox(s, o.dom)}>\n\n{inner}"
    elif st == 2: body = f"{top}\n\nOn {fd(d0, 'abbr')}, at {tm(r)}, {frm} wrote:\n\n{quote(inner)}"
    elif st == 3: body = f"{top}\n\n________________________________\nFrom: {frm}\nSent: {fd(d0, 'long')} {tm(r)}\nTo: {s.short()}\nSubject: {subj}\n\n{inner}"
    else:
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = mbox(s, o.dom); im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, 14, 12, tzinfo=dtm.timezone(TD(hours=-6))))
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename="forwarded.eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.2); return m

# ================================================================== header carrier (this batch's own shapes)
HB = ["Call me when you get this.", "Thanks.", "See chart.", "Per our conversation.", "Will follow up tomorrow.", "Please advise.", "Got it - done.", "Noted.", "Gracias.", "Left you a voicemail too."]
def hb(r, m, s, o): m.set_content(r.choice(HB) + "\n\n" + sig_block(r, s, o) + "\n")
def HX_chemo(r, c): p = c.p; return new_msg(r, f"Chemo hold - {p.LF()} ({c.code()}) C{r.randint(2, 6)}D1 moved", c.o)
def HX_toname(r, c): p = c.p; return new_msg(r, "Paperwork", c.o, to=Address(display_name=f"{p.lf()} (DOB {dob_s(r, p, 'm/d/yy')})", addr_spec=p.email))
def HX_guardian(r, c): p = c.p; return new_msg(r, "Forms", c.o, cc=Address(display_name=f"Parent of {p.short()} - MRN {c.mrn}", addr_spec=p.email))
def HX_thread(r, c): p = c.p; m, s = new_msg(r, "RE: appeal", c.o); m["Thread-Topic"] = f"Appeal - {p.short()} - claim {c.claim} - {c.dx()}"; m["Thread-Index"] = "AdmC" + hexs(r, 20); return m, s
def HX_keywords(r, c): p = c.p; m, s = new_msg(r, "NOE", c.o); m["Keywords"] = f"hospice election; {p.LF()}; MBI {c.mbi}; {c.code()}"; return m, s
def HX_comments(r, c): p = c.p; m, s = new_msg(r, "Addendum", c.o); m["Comments"] = f"Path addendum for {p.fl()}, DOB {dob_s(r, p)}: {c.dx()}"; return m, s
def HX_rightfax(r, c): p = c.p; m, s = new_msg(r, "Fax delivered", c.o, from_name="RightFax"); m["X-RightFax-Cover-Comments"] = f"{p.short()} {dob_s(r, p, 'dash')} - transient dialysis, {c.code()}"; return m, s
def HX_scanner(r, c): p = c.p; m, s = new_msg(r, "Scan complete", c.o, from_name="Kofax Capture"); m["X-Scan-Document-Name"] = f"ROI_{asc(p.family).replace(' ', '')}_{asc(p.given).replace(' ', '')}_{p.dob:%Y%m%d}_{c.code()}"; return m, s
def HX_snow(r, c): p = c.p; m, s = new_msg(r, f"RITM{dg(r, 7)} updated", c.o, from_name="ServiceNow"); m["X-ServiceNow-Short-Description"] = f"Merge duplicate MRN {c.mrn} / {mrn(r)} - {p.LF()} DOB {dob_s(r, p, 'mdy')}"; return m, s
def HX_ehr(r, c): p = c.p; m, s = new_msg(r, "In Basket message", c.o); m["X-EHR-Patient-Context"] = f"mrn={c.mrn};name={p.hl7()};csn={c.csn};dx={c.code()}"; return m, s
def HX_es(r, c): p = c.p; return new_msg(r, f"Intérprete para {p.short()} - cita de {c.s[2]} el {fd(c.nxt, 'esn')}", c.o)
def HX_from(r, c): p = c.p; return new_msg(r, "Refill", org(r, "pharmacy"), from_name=f"Kestrel Rx re: {p.short()} - {c.s[3]}")
def HX_replyto(r, c): p = c.p; m, s = new_msg(r, "Appeal received", org(r, "payer")); m["Reply-To"] = Address(display_name=f"Appeals - Mbr {c.mem} {p.LF()}", addr_spec=f"appeals@{org(r, 'payer').dom}"); return m, s
def HX_zendesk(r, c): p = c.p; m, s = new_msg(r, f"[Ticket #{dg(r, 6)}] updated", org(r, "payer"), from_name="Member Support"); m["X-Zendesk-Ticket-Subject"] = f"EOB question - {p.short()} claim {c.claim} ({c.dx()})"; return m, s
def HX_death(r, c): p = c.p; return new_msg(r, f"Death notice: {p.FL()} expired {fd(c.dos, 'md')} - {c.dx()}", c.o)
def HX_school(r, c): p = c.p; return new_msg(r, f"School form for {p.nk()} (age {p.age()}) - {c.s[3].split(' ')[0]} authorization", c.o)
def HX_transfer(r, c): p = c.p; m, s = new_msg(r, "Transfer packet", c.o); m["X-Kno2-Subject"] = f"Transfer {p.lf()} to {org(r).short} - {c.dxc()}"; return m, s
def HX_ssn(r, c): p = c.p; return new_msg(r, f"COB update - subscriber {p.short()} SSN {c.ssn}", org(r, "payer"))
def HX_cm(r, c): p = c.p; m, s = new_msg(r, "Outreach", org(r, "payer")); m["X-Care-Program"] = f"CM outreach: {p.lf()}, {c.mem}, {c.dx()}"; return m, s
def HX_pt(r, c): p = c.p; return new_msg(r, f"PT re-eval due - {p.family}, {p.given} - {c.code()} - visit {fd(c.nxt, 'md')}", c.o)
HDR_PHI = [(HX_chemo, "oncology"), (HX_toname, None), (HX_guardian, "peds"), (HX_thread, None), (HX_keywords, "hospice"), (HX_comments, "oncology"), (HX_rightfax, "dialysis"),
           (HX_scanner, None), (HX_snow, None), (HX_ehr, None), (HX_es, None), (HX_from, None), (HX_replyto, None), (HX_zendesk, None), (HX_death, None), (HX_school, "peds"),
           (HX_transfer, None), (HX_ssn, None), (HX_cm, None), (HX_pt, "pt")]
def build_header_phi(r, spec):
    fn, line = spec; c = Case(r, line); m, s = fn(r, c); hb(r, m, s, c.o); return m
def HY_chemo(r, o): return new_msg(r, f"Chemo chair schedule - {r.randint(2, 5)} chairs closed {fd(TODAY + TD(days=4), 'md')}", o)
def HY_toname(r, o): s = staffer(r); return new_msg(r, "Badge paperwork", o, to=Address(display_name=f"{s.family}, {s.given} (Float Pool RN)", addr_spec=mbox(s, o.dom)))
def HY_guardian(r, o): s = staffer(r); return new_msg(r, "Schedule", o, cc=Address(display_name=f"{s.short()} - Emp {dg(r, 6)}", addr_spec=mbox(s, o.dom)))
def HY_thread(r, o): m, s = new_msg(r, "RE: appeals training", o); m["Thread-Topic"] = "Appeals training - new 60-day timeline"; m["Thread-Index"] = "AdmD" + hexs(r, 20); return m, s
def HY_keywords(r, o): m, s = new_msg(r, "Budget", o); m["Keywords"] = "FY27 budget; dialysis chairs; capital request"; return m, s
def HY_comments(r, o): m, s = new_msg(r, "Invoice", o); m["Comments"] = f"Norvell invoice {dg(r, 7)} scanned for AP"; return m, s
def HY_rightfax(r, o): m, s = new_msg(r, "Fax delivered", o, from_name="RightFax"); m["X-RightFax-Cover-Comments"] = f"Vendor W-9 for Lumen Linen, PO {dg(r, 8)}"; return m, s
def HY_scanner(r, o): m, s = new_msg(r, "Scan complete", o, from_name="Kofax Capture"); m["X-Scan-Document-Name"] = f"AP_Invoice_Norvell_{TODAY:%Y%m%d}_{dg(r, 4)}"; return m, s
def HY_snow(r, o): m, s = new_msg(r, f"INC{dg(r, 7)} updated", o, from_name="ServiceNow"); m["X-ServiceNow-Short-Description"] = f"Printer offline 3rd floor - asset AT-{dg(r, 6)}"; return m, s
def HY_ehr(r, o): m, s = new_msg(r, "Build note", o); m["X-EHR-Patient-Context"] = f"env=TRN;mrn=TRN{dg(r, 5)};name=ZZTEST^TRAINING;dx=none"; return m, s
def HY_es(r, o): return new_msg(r, f"Capacitación de intérpretes - {fd(TODAY + TD(days=6), 'esn')}", o)
def HY_from(r, o): return new_msg(r, "Formulary", org(r, "pharmacy"), from_name="Kestrel Rx - formulary update")
def HY_replyto(r, o): m, s = new_msg(r, "Appeals mailbox", org(r, "payer")); m["Reply-To"] = Address(display_name="Appeals - general inbox", addr_spec=f"appeals@{org(r, 'payer').dom}"); return m, s
def HY_zendesk(r, o): m, s = new_msg(r, f"[Ticket #{dg(r, 6)}] updated", org(r, "payer"), from_name="Provider Support"); m["X-Zendesk-Ticket-Subject"] = "Password reset for provider portal"; return m, s
def HY_retire(r, o): s = staffer(r); return new_msg(r, f"Retirement party for {s.short()} - {fd(TODAY + TD(days=9), 'md')}", o)
def HY_school(r, o): return new_msg(r, f"School physical forms - new template rev {fd(TODAY - TD(days=60), 'mdy')}", o)
def HY_transfer(r, o): m, s = new_msg(r, "Phone tree", o); m["X-Kno2-Subject"] = "Transfer center phone tree change effective Monday"; return m, s
def HY_ssn(r, o): return new_msg(r, "Training deck: sample SSN 219-09-9999 and 078-05-1120 are not valid", o)
def HY_cm(r, o): m, s = new_msg(r, "Wellness", o); m["X-Care-Program"] = "Employee wellness - diabetes prevention class (staff)"; return m, s
def HY_pt(r, o): return new_msg(r, f"PT gym closed {fd(TODAY + TD(days=10), 'md')} - holiday hours", org(r, "pt"))
HDR_CLEAN = [HY_chemo, HY_toname, HY_guardian, HY_thread, HY_keywords, HY_comments, HY_rightfax, HY_scanner, HY_snow, HY_ehr, HY_es, HY_from, HY_replyto, HY_zendesk,
             HY_retire, HY_school, HY_transfer, HY_ssn, HY_cm, HY_pt]
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
        self.n += 1; base = f"b13_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
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
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:28] or "document"
    return r.choice([f"{base}.{ext}", f"{base}_{TODAY:%Y%m%d}.{ext}", f"DOC{dg(r, 8)}.{ext}", f"{doc.cat}.{ext}", f"fax_{dg(r, 6)}.{ext}"])
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
        folder = r.choice(["", "", "export/", f"ROI_{TODAY:%Y%m%d}/"])
        return r.choice(["documents.zip", f"encrypted_{dg(r, 5)}.zip", f"{doc.cat}.zip", "scan.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.65 else "_raw" if x < 0.85 else "_list")]
    if carrier in ("pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "zip"): return cyc[L_ + ("_narr" if x < 0.62 else "_raw" if x < 0.74 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.7 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b13_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b13-"); ctx = Ctx(tmp); built = []; rows = []
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
    print(f"wrote {len(rows)} batch-13 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
