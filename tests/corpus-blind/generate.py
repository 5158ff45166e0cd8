#!/usr/bin/python3
"""Blind DLP test corpus generator (see README.md / BRIEF.md).

Writes msg-NNNN.eml and manifest.tsv into the directory of this script.
Deterministic: one random.Random(SEED), fixed run order.
"""
import base64, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil
import subprocess, sys, tempfile, unicodedata, zipfile
from email.message import EmailMessage
from email import policy
from email.utils import format_datetime, formataddr

SEED = 20260611
OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)
D8 = dtm.date
DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
DEJAVU_B = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'

# ----------------------------------------------------------------- pools
FIRST_F = ["Mary", "Jennifer", "Linda", "Patricia", "Ashley", "Jessica", "María", "Guadalupe", "Ana", "Lucía",
           "Ximena", "Mei", "Xiu Ying", "Yuki", "Priya", "Aisha", "Fatima", "Ngoc Anh", "Thi Lan", "Soo-jin",
           "Renée", "Zoë", "Chloé", "Ingrid", "Siobhan", "Keisha", "Latoya", "Brittany", "Margaret", "Dorothy",
           "Hannah", "Olga", "Agnieszka", "Françoise", "Inés", "Begoña", "Rosalía", "Dolores", "Marisol", "Beatriz"]
FIRST_M = ["James", "Robert", "Michael", "William", "David", "José", "Juan", "Luis", "Jesús", "Carlos",
           "Alejandro", "Wei", "Hiroshi", "Raj", "Arjun", "Minh", "Quang", "Jae-won", "Mohammed", "Omar",
           "Björn", "François", "Jürgen", "Søren", "Liam", "DeShawn", "Tyrone", "Cody", "Earl", "Gerald",
           "Thaddeus", "Nikolai", "Giovanni", "Andrés", "Ramón", "Patrick", "Seamus", "Efraín", "Joaquín", "Kwame"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Walker", "Young", "Hernández", "García", "Martínez", "Rodríguez", "López", "González",
        "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Nguyen", "Tran", "Le", "Pham", "Kim", "Park",
        "Choi", "Wang", "Li", "Zhang", "Chen", "Liu", "Tanaka", "Sato", "Yamamoto", "Patel", "Shah", "Singh",
        "Gupta", "Khan", "Ali", "Müller", "Schröder", "Björklund", "Øvergaard", "Dubois", "Lefèvre", "O'Brien",
        "O'Connor", "McAllister", "MacDonald", "Kowalski", "Nowak", "Rossi", "Esposito", "Papadopoulos",
        "Okafor", "Adeyemi", "Mensah", "Washington", "Yazzie", "Begay", "Nakamura", "Castañeda", "Ibáñez"]
PARTICLE = ["de la Cruz", "De La Rosa", "van der Berg", "Van Buren", "de Souza", "da Silva", "del Toro",
            "van den Heuvel", "von Stein", "Di Napoli", "St. Clair", "Le Blanc", "ten Brink", "de los Santos"]
HISP_F = ["María", "Guadalupe", "Ana", "Lucía", "Ximena", "Inés", "Begoña", "Rosalía", "Dolores", "Marisol", "Beatriz", "María José", "Yolanda", "Consuelo"]
HISP_M = ["José", "Juan", "Luis", "Jesús", "Carlos", "Alejandro", "Andrés", "Ramón", "Efraín", "Joaquín", "Juan Carlos", "Héctor", "Rigoberto"]
HISP_L = ["Hernández", "García", "Martínez", "Rodríguez", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Castañeda", "Ibáñez", "de la Cruz", "Villaseñor", "Núñez", "Ortiz"]
SUFFIX = ["Jr.", "Sr.", "II", "III", "IV"]
STREETS = ["Maple Ave", "Oak St", "Pine Ridge Rd", "Elm Street", "Cedar Ln", "Washington Blvd", "Lincoln Way",
           "Sunset Dr", "Mission St", "Calle Loma Alta", "River Rd", "Highland Ave", "Church St", "Mill Pond Ct",
           "Old County Rd", "Magnolia Pl", "Juniper Way", "Avenida del Sol", "Harbor View Dr", "Prairie Ln"]
CITIES = [("Springfield", "IL", "627"), ("Fresno", "CA", "937"), ("El Paso", "TX", "799"),
          ("Tucson", "AZ", "857"), ("Dayton", "OH", "454"), ("Albany", "NY", "122"), ("Tacoma", "WA", "984"),
          ("Lowell", "MA", "018"), ("Macon", "GA", "312"), ("Boise", "ID", "837"), ("Duluth", "MN", "558"),
          ("Laredo", "TX", "780"), ("Santa Fe", "NM", "875"), ("Hialeah", "FL", "330"), ("Gary", "IN", "464")]
AREA = ["217", "559", "915", "520", "937", "518", "253", "978", "478", "208", "218", "956", "505", "305", "219"]
ORGS = [  # name, domain, kind
    ("Riverbend Regional Medical Center", "riverbendrmc.org", "hospital"),
    ("St. Agnes Community Hospital", "stagneshosp.org", "hospital"),
    ("Lakeshore Family Clinic", "lakeshorefamilyclinic.com", "clinic"),
    ("Mesa Verde Health", "mesaverdehealth.org", "clinic"),
    ("Northfield Diagnostic Laboratories", "northfieldlabs.com", "lab"),
    ("Bayview Community Pharmacy", "bayviewrx.com", "pharmacy"),
    ("Summit Health Plan", "summithealthplan.com", "payer"),
    ("Cascadia Mutual Health Insurance", "cascadiamutual.com", "payer"),
    ("Pioneer Valley Orthopedics", "pvortho.com", "clinic"),
    ("Sierra Oncology Associates", "sierraonc.com", "clinic"),
]
ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
       ("J45.909", "Unspecified asthma, uncomplicated"), ("F32.A", "Depression, unspecified"),
       ("C50.911", "Malignant neoplasm of unspecified site of right female breast"),
       ("E78.5", "Hyperlipidemia, unspecified"), ("J44.9", "Chronic obstructive pulmonary disease, unspecified"),
       ("N18.30", "Chronic kidney disease, stage 3 unspecified"), ("I48.91", "Unspecified atrial fibrillation"),
       ("I50.9", "Heart failure, unspecified"), ("E03.9", "Hypothyroidism, unspecified"),
       ("F41.1", "Generalized anxiety disorder"), ("M54.50", "Low back pain, unspecified"),
       ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
       ("J06.9", "Acute upper respiratory infection, unspecified"), ("N39.0", "Urinary tract infection, site not specified"),
       ("R07.9", "Chest pain, unspecified"), ("R51.9", "Headache, unspecified"), ("E66.9", "Obesity, unspecified"),
       ("Z23", "Encounter for immunization"), ("O80", "Encounter for full-term uncomplicated delivery"),
       ("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"),
       ("I63.9", "Cerebral infarction, unspecified"),
       ("G43.909", "Migraine, unspecified, not intractable, without status migrainosus"),
       ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"),
       ("F20.9", "Schizophrenia, unspecified"), ("F31.9", "Bipolar disorder, unspecified"),
       ("F10.20", "Alcohol dependence, uncomplicated"), ("F11.20", "Opioid dependence, uncomplicated"),
       ("B20", "Human immunodeficiency virus [HIV] disease"), ("B18.2", "Chronic viral hepatitis C"),
       ("A41.9", "Sepsis, unspecified organism"), ("J18.9", "Pneumonia, unspecified organism"),
       ("U07.1", "COVID-19"), ("J02.9", "Acute pharyngitis, unspecified"),
       ("L03.115", "Cellulitis of right lower limb"), ("M17.11", "Unilateral primary osteoarthritis, right knee"),
       ("M81.0", "Age-related osteoporosis without current pathological fracture"),
       ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"),
       ("S06.0X0A", "Concussion without loss of consciousness, initial encounter"),
       ("C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung"),
       ("C61", "Malignant neoplasm of prostate"), ("C18.9", "Malignant neoplasm of colon, unspecified"),
       ("D64.9", "Anemia, unspecified"), ("D50.9", "Iron deficiency anemia, unspecified"),
       ("E55.9", "Vitamin D deficiency, unspecified"), ("E86.0", "Dehydration"),
       ("K57.30", "Diverticulosis of large intestine without perforation or abscess without bleeding"),
       ("K35.80", "Unspecified acute appendicitis"), ("N17.9", "Acute kidney failure, unspecified"),
       ("R10.9", "Unspecified abdominal pain"), ("R55", "Syncope and collapse"),
       ("Z79.4", "Long term (current) use of insulin"), ("Z79.01", "Long term (current) use of anticoagulants"),
       ("E10.9", "Type 1 diabetes mellitus without complications"), ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
       ("O24.419", "Gestational diabetes mellitus in pregnancy, unspecified control"),
       ("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type"),
       ("G30.9", "Alzheimer's disease, unspecified"), ("Z51.11", "Encounter for antineoplastic chemotherapy"),
       ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"),
       ("I82.401", "Acute embolism and thrombosis of unspecified deep veins of right lower extremity"),
       ("M06.9", "Rheumatoid arthritis, unspecified"), ("K50.90", "Crohn's disease, unspecified, without complications"),
       ("L40.0", "Psoriasis vulgaris"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)")]
CPT = [("99213", "Office/outpatient visit, established, low MDM"), ("99214", "Office/outpatient visit, established, moderate MDM"),
       ("80053", "Comprehensive metabolic panel"), ("85025", "CBC with automated differential"),
       ("83036", "Hemoglobin A1c"), ("71046", "Chest X-ray, 2 views"), ("93000", "Electrocardiogram, complete"),
       ("36415", "Routine venipuncture"), ("99284", "Emergency department visit, moderate MDM"),
       ("97110", "Therapeutic exercises, each 15 min"), ("70450", "CT head/brain without contrast"),
       ("72148", "MRI lumbar spine without contrast"), ("81001", "Urinalysis, automated, with microscopy"),
       ("G0439", "Annual wellness visit, subsequent"), ("E0601", "CPAP device")]
DRUGS = ["metformin 500 mg tablet", "lisinopril 10 mg tablet", "atorvastatin 40 mg tablet", "levothyroxine 75 mcg tablet",
         "amlodipine 5 mg tablet", "sertraline 50 mg tablet", "albuterol HFA 90 mcg inhaler", "insulin glargine 100 units/mL pen",
         "apixaban 5 mg tablet", "warfarin 5 mg tablet", "buprenorphine/naloxone 8 mg/2 mg film", "adalimumab 40 mg/0.4 mL pen",
         "semaglutide 1 mg/0.75 mL pen", "tamoxifen 20 mg tablet", "oxycodone 5 mg tablet", "quetiapine 100 mg tablet",
         "lithium carbonate 300 mg capsule", "bictegravir/emtricitabine/tenofovir alafenamide tablet", "montelukast 10 mg tablet",
         "gabapentin 300 mg capsule", "furosemide 40 mg tablet", "methotrexate 2.5 mg tablet", "sofosbuvir/velpatasvir tablet",
         "escitalopram 10 mg tablet", "carvedilol 12.5 mg tablet", "prednisone 20 mg tablet", "lamotrigine 100 mg tablet"]
LABS = [("Hemoglobin A1c", "%", lambda r: f"{r.uniform(5.6, 11.9):.1f}", "4.0-5.6"),
        ("LDL cholesterol", "mg/dL", lambda r: str(r.randint(62, 212)), "<100"),
        ("Potassium", "mmol/L", lambda r: f"{r.uniform(2.9, 6.1):.1f}", "3.5-5.1"),
        ("Creatinine", "mg/dL", lambda r: f"{r.uniform(0.6, 3.8):.2f}", "0.60-1.20"),
        ("eGFR", "mL/min/1.73m2", lambda r: str(r.randint(18, 95)), ">59"),
        ("TSH", "uIU/mL", lambda r: f"{r.uniform(0.1, 12.5):.2f}", "0.45-4.50"),
        ("PSA, total", "ng/mL", lambda r: f"{r.uniform(0.4, 14.0):.1f}", "0.0-4.0"),
        ("INR", "", lambda r: f"{r.uniform(0.9, 4.8):.1f}", "2.0-3.0 (therapeutic)"),
        ("Hemoglobin", "g/dL", lambda r: f"{r.uniform(6.8, 16.0):.1f}", "12.0-15.5"),
        ("WBC", "x10^3/uL", lambda r: f"{r.uniform(2.1, 22.0):.1f}", "4.5-11.0"),
        ("Troponin I, high sensitivity", "ng/L", lambda r: str(r.randint(3, 880)), "<35"),
        ("HIV-1 RNA, quantitative", "copies/mL", lambda r: r.choice(["<20", "48", "1,250", "36,400"]), "<20"),
        ("Hepatitis C antibody", "", lambda r: r.choice(["Reactive", "Nonreactive"]), "Nonreactive"),
        ("hCG, quantitative", "mIU/mL", lambda r: str(r.randint(2, 48000)), "<5"),
        ("SARS-CoV-2 RNA (PCR)", "", lambda r: r.choice(["Detected", "Not detected"]), "Not detected"),
        ("Vitamin D, 25-hydroxy", "ng/mL", lambda r: str(r.randint(7, 64)), "30-100"),
        ("Sodium", "mmol/L", lambda r: str(r.randint(121, 149)), "136-145"),
        ("Urine culture", "", lambda r: r.choice([">100,000 CFU/mL E. coli", "No growth", "Mixed flora"]), "No growth")]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Blue Cross Blue Shield", "Medicaid (state plan)",
          "Medicare Part B", "Tricare", "Summit Health Plan", "Cascadia Mutual", "Molina Healthcare", "Ambetter"]
SPECIALTIES = ["Cardiology", "Endocrinology", "Oncology", "Orthopedics", "Nephrology", "Gastroenterology",
               "Pulmonology", "Neurology", "Behavioral Health", "Rheumatology", "Dermatology", "OB/GYN"]

# ----------------------------------------------------------------- helpers
def lat1(s):
    out = []
    for ch in s:
        try:
            ch.encode('latin-1'); out.append(ch)
        except UnicodeEncodeError:
            d = unicodedata.normalize('NFKD', ch).encode('ascii', 'ignore').decode() or '?'
            out.append({'\u2013': '-', '\u2014': '-', '\u2019': "'", '\u201c': '"', '\u201d': '"'}.get(ch, d))
    return ''.join(out)

def luhn_check(payload):
    tot = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)

def npi(r):
    base = r.choice("12") + ''.join(r.choice("0123456789") for _ in range(8))
    return base + luhn_check("80840" + base)

def ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if s not in ("123-45-6789", "078-05-1120", "219-09-9999"):
            return s

MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    d = "0123456789"
    while True:
        s = (r.choice("123456789") + r.choice(MBI_L) + r.choice(MBI_L + d) + r.choice(d) + r.choice(MBI_L) +
             r.choice(MBI_L + d) + r.choice(d) + r.choice(MBI_L) + r.choice(MBI_L) + r.choice(d) + r.choice(d))
        if s != "1EG4TE5MK73": break
    if dashes is None: dashes = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s

def ndc(r):
    f = r.choice([(5, 4, 2), (4, 4, 2), (5, 3, 2)])
    return '-'.join(''.join(r.choice("0123456789") for _ in range(n)) for n in f)

def digits(r, n): return ''.join(r.choice("0123456789") for _ in range(n))
def mrn(r):
    return r.choice([lambda: "E" + digits(r, 7), lambda: digits(r, 8), lambda: "MR" + digits(r, 6),
                     lambda: "00" + digits(r, 7), lambda: digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 2),
                     lambda: "RRM" + digits(r, 7)])()
def memid(r):
    return r.choice([lambda: ''.join(r.choice("ABCDEFGHJKMNPRSTUVWXYZ") for _ in range(3)) + digits(r, 9),
                     lambda: "W" + digits(r, 9), lambda: "M" + digits(r, 8) + "01", lambda: "SHP" + digits(r, 8),
                     lambda: digits(r, 9) + "-0" + r.choice("123")])()
def acct(r): return r.choice([digits(r, 9), digits(r, 10), "A" + digits(r, 8), "HAR" + digits(r, 8)])
def claimno(r): return r.choice([digits(r, 13), "CLM-" + digits(r, 9), "2" + digits(r, 10) + "0", "E" + digits(r, 11)])
def phone(r):
    a = r.choice(AREA)
    return r.choice([f"({a}) {r.randint(201, 989)}-{digits(r, 4)}", f"{a}-{r.randint(201, 989)}-{digits(r, 4)}",
                     f"{a}.{r.randint(201, 989)}.{digits(r, 4)}"])

def rdate(r, y0, y1):
    a = D8(y0, 1, 1).toordinal(); b = D8(y1, 12, 31).toordinal()
    return D8.fromordinal(r.randint(a, b))

def svc_date(r): return rdate(r, 2025, 2026)

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
def fdate(r, d, style=None):
    styles = ["mdy", "mdy_short", "iso", "dmy_abbr", "long", "compact", "spaced", "mdy_dash", "dmy_long", "abbr_mdy", "m_d_yyyy"]
    s = style or r.choice(styles)
    if s == "mdy": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if s == "mdy_short": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if s == "iso": return d.isoformat()
    if s == "dmy_abbr": return f"{d.day:02d}-{MON[d.month-1][:3]}-{d.year}"
    if s == "long": return f"{MON[d.month-1]} {d.day}, {d.year}"
    if s == "compact": return f"{d.year}{d.month:02d}{d.day:02d}"
    if s == "spaced": return f"{d.month:02d} {d.day:02d} {d.year}"
    if s == "mdy_dash": return f"{d.month:02d}-{d.day:02d}-{d.year}"
    if s == "dmy_long": return f"{d.day} {MON[d.month-1]} {d.year}"
    if s == "abbr_mdy": return f"{MON[d.month-1][:3]} {d.day:02d} {d.year}"
    return f"{d.month}/{d.day}/{d.year}"

MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fdate_es(r, d):
    return r.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} de {MES[d.month-1]} de {d.year}", f"{d.month:02d}/{d.day:02d}/{d.year}"])

class Person:
    def __init__(self, r, minage=0, maxage=99, hisp=False):
        self.sex = r.choice("FM")
        fl = FIRST_F if self.sex == "F" else FIRST_M
        self.first = r.choice((HISP_F if self.sex == "F" else HISP_M) if hisp else fl)
        self.mid = r.choice("ABCDEFGHJKLMNPRSTVW") if r.random() < 0.6 else ""
        x = r.random()
        if hisp:
            two = r.sample(HISP_L, 2)
            self.last = two[0] + ((" " if r.random() < 0.7 else "-") + two[1] if r.random() < 0.4 else "")
        elif x < 0.12: self.last = r.choice(PARTICLE)
        elif x < 0.18: self.last = r.choice(LAST) + "-" + r.choice(LAST)
        else: self.last = r.choice(LAST)
        self.suffix = r.choice(SUFFIX) if (self.sex == "M" and r.random() < 0.15) else ""
        today = D8(2026, 6, 1)
        self.dob = rdate(r, today.year - maxage, today.year - minage - 1)
        self.age = today.year - self.dob.year - ((today.month, today.day) < (self.dob.month, self.dob.day))
        city, st, z = r.choice(CITIES)
        self.addr = f"{r.randint(12, 9899)} {r.choice(STREETS)}" + (f", Apt {r.randint(1, 40)}{r.choice('ABCD')}" if r.random() < 0.3 else "")
        self.city, self.st, self.zip = city, st, z + digits(r, 2)
        self.phone = phone(r)
        base = unicodedata.normalize('NFKD', (self.first[0] + self.last.split()[-1]).lower()).encode('ascii', 'ignore').decode()
        base = re.sub(r"[^a-z]", "", base)
        self.email = f"{base}{r.randint(1, 99)}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com'])}"
        self.mrn, self.ssn, self.mbi, self.mem, self.acct = mrn(r), ssn(r), mbi(r), memid(r), acct(r)
        self.group = r.choice(["GRP", "G", ""]) + digits(r, 6)

    def name(self, r, style=None):
        f, m, l, s = self.first, self.mid, self.last, self.suffix
        styles = ["fl", "fml", "lf", "lfm", "LFM", "FL", "lfs", "fls"]
        st = style or r.choice(styles)
        mi = (m + ".") if m else ""
        if st == "fl": return f"{f} {l}"
        if st == "fml": return " ".join(x for x in [f, mi, l, s] if x)
        if st == "lf": return f"{l}, {f}"
        if st == "lfm": return f"{l}, {f}" + (f" {m}" if m else "")
        if st == "LFM": return (f"{l}, {f}" + (f" {m}" if m else "")).upper()
        if st == "FL": return f"{f} {l}".upper()
        if st == "lfs": return f"{l}{(' ' + s) if s else ''}, {f}" + (f" {m}" if m else "")
        return " ".join(x for x in [f, l, s] if x)
    def hl7(self): return "^".join(unicodedata.normalize('NFKD', x).encode('ascii', 'ignore').decode().upper() for x in [self.last, self.first, self.mid])
    def sal(self): return ("Ms." if self.sex == "F" else "Mr.") + " " + self.last
    def full_addr(self): return f"{self.addr}, {self.city}, {self.st} {self.zip}"

def staff(r): return Person(r, 24, 66)
def doctor(r):
    p = staff(r); p.npi = npi(r); p.cred = r.choice(["MD", "DO", "MD", "NP", "PA-C"]); return p
def drname(r, d):
    return r.choice([f"Dr. {d.first} {d.last}", f"{d.first} {d.last}, {d.cred}", f"Dr. {d.last}", f"{d.last}, {d.first} {d.cred}"])

LBL = {
    "mrn": ["MRN:", "MRN", "MRN#", "Med Rec #", "Medical Record Number:", "MR#:", "Medical Record No.", "Chart #:"],
    "dob": ["DOB:", "DOB", "D.O.B.", "Date of Birth:", "Birthdate:", "Birth Date", "DOB/Age:"],
    "mem": ["Member ID:", "Mbr ID", "Member #", "ID#", "Subscriber ID:", "Insured's ID Number", "Policy/Member No.:", "Member Number:"],
    "acct": ["Acct #:", "Account No.", "Account Number:", "HAR:", "FIN:", "CSN:", "Encounter #:", "Visit ID:", "Guarantor Acct:"],
    "claim": ["Claim #:", "Claim No.", "Claim Number:", "ICN:", "Claim ID", "Payer Claim Control #:"],
    "ssn": ["SSN:", "SSN", "Social Security #:", "Soc Sec No.", "SS#:", "Social Security Number"],
    "mbi": ["MBI:", "Medicare ID:", "Medicare Number", "Medicare Beneficiary Identifier:", "HICN/MBI:", "Medicare #"],
    "pt": ["Patient:", "Patient Name:", "Pt:", "Name:", "PATIENT", "Pt name", "Re:"],
    "phone": ["Phone:", "Ph:", "Tel", "Home phone:", "Cell:", "Contact #:"],
    "addr": ["Address:", "Addr:", "Home address", "Mailing Address:"],
}
def fld(r, kind, val):
    lab = r.choice(LBL[kind])
    x = r.random()
    if x < 0.12: return f"{lab}\n{val}"          # wrapped onto next line
    if x < 0.2: return f"{lab}\t{val}"
    if lab.endswith(":") or x < 0.5: return f"{lab} {val}"
    return f"{lab}: {val}"

class Doc:
    def __init__(self, cat, title, paras, table=None, lang="en", pre=None):
        self.cat, self.title, self.paras, self.table, self.lang = cat, title, paras, table, lang
        self.pre = pre or []  # list of preformatted blocks (appended after paras)

def org(r, kinds=None):
    c = [o for o in ORGS if kinds is None or o[2] in kinds]
    return r.choice(c)

# ----------------------------------------------------------------- PHI templates
def sig(r, o=None, who=None):
    o = o or org(r); who = who or staff(r)
    return f"{who.first} {who.last}\n{r.choice(['Patient Access', 'Care Coordination', 'Health Information Management', 'Revenue Cycle', 'Clinical Laboratory', 'Utilization Management', 'Nursing', 'Pharmacy'])}\n{o[0]}\n{phone(r)}"

def p_lab_provider(r):
    p, d, o = Person(r), doctor(r), org(r, ["lab", "hospital"])
    labs = r.sample(LABS, r.randint(2, 5)); dd = svc_date(r)
    rows = [[n, f(r), u, ref] for n, u, f, ref in labs]
    paras = [f"{drname(r, d)},", f"The following results for your patient are now final.",
             fld(r, "pt", p.name(r)) + "\n" + fld(r, "dob", fdate(r, p.dob)) + "\n" + fld(r, "mrn", p.mrn),
             f"Collected {fdate(r, dd)} - accession {r.choice(['A', 'L', 'NL'])}{digits(r, 9)}",
             r.choice(["Critical value called to the ordering office.", "Please review and follow up with the patient.", "No critical values."]),
             sig(r, o)]
    return Doc("lab-results", f"Laboratory Report - {o[0]}", paras, (["Test", "Result", "Units", "Reference"], rows))

def p_result_letter(r):
    p, d, o = Person(r, 18), doctor(r), org(r, ["clinic", "hospital"])
    n, u, f, ref = r.choice(LABS); dx = r.choice(ICD)
    paras = [fdate(r, svc_date(r), "long"), f"{p.name(r, 'fml')}\n{p.addr}\n{p.city}, {p.st} {p.zip}",
             f"Dear {p.sal()},",
             f"Your recent {n} result was {f(r)} {u} (normal range {ref}). "
             + r.choice(["This is higher than we would like.", "This is within the expected range.", "We would like to discuss this with you."]),
             f"This result relates to your treatment for {dx[1].lower()}. {drname(r, d)} recommends a follow-up visit within {r.choice(['2 weeks', '30 days', '3 months'])}.",
             f"If you have questions, call us at {phone(r)}. Please reference your account number {p.acct}.",
             f"Sincerely,\n{d.first} {d.last}, {d.cred}\n{o[0]}"]
    return Doc("result-letter", "Your test results", paras)

def p_referral(r):
    p, d, d2, o = Person(r), doctor(r), doctor(r), org(r, ["clinic", "hospital"])
    dx = r.choice(ICD); sp = r.choice(SPECIALTIES)
    paras = [f"REFERRAL TO {sp.upper()}", f"To: {drname(r, d2)} (NPI {d2.npi})\nFrom: {drname(r, d)} (NPI {d.npi})",
             fld(r, "pt", p.name(r)) + "\n" + fld(r, "dob", fdate(r, p.dob)) + "\n" + fld(r, "phone", p.phone)
             + "\n" + f"Insurance: {r.choice(PAYERS)}  " + fld(r, "mem", p.mem),
             f"Diagnosis: {dx[0]} - {dx[1]}", f"Reason for referral: {r.choice(['evaluation and management', 'worsening symptoms despite therapy', 'abnormal imaging', 'second opinion requested by patient'])}. Current medications include {r.choice(DRUGS)} and {r.choice(DRUGS)}.",
             f"Urgency: {r.choice(['Routine', 'Urgent - within 7 days', 'STAT'])}", sig(r, o)]
    return Doc("referral", "Referral", paras)

def p_discharge(r):
    p, d, o = Person(r, 20), doctor(r), org(r, ["hospital"])
    a = svc_date(r); b = a + dtm.timedelta(days=r.randint(1, 9)); dx = r.sample(ICD, 3)
    paras = ["DISCHARGE SUMMARY", f"{fld(r, 'pt', p.name(r, 'LFM'))}   {fld(r, 'mrn', p.mrn)}   {fld(r, 'acct', p.acct)}",
             f"{fld(r, 'dob', fdate(r, p.dob))}   Sex: {p.sex}", f"Admitted: {fdate(r, a)}   Discharged: {fdate(r, b)}   Attending: {drname(r, d)}",
             f"Principal diagnosis: {dx[0][1]} ({dx[0][0]}). Secondary: {dx[1][1]} ({dx[1][0]}); {dx[2][1]} ({dx[2][0]}).",
             f"Hospital course: The patient presented with {r.choice(['shortness of breath', 'chest pain', 'fever and confusion', 'a fall at home', 'abdominal pain'])} and was treated with {r.choice(['IV antibiotics', 'diuresis', 'heparin drip', 'fluids and electrolyte replacement', 'surgical repair'])}. Condition at discharge: {r.choice(['stable', 'improved', 'fair'])}.",
             f"Discharge medications: {r.choice(DRUGS)}; {r.choice(DRUGS)}; {r.choice(DRUGS)}.",
             f"Follow-up with PCP in {r.randint(3, 14)} days. Home health referral {r.choice(['placed', 'not needed'])}."]
    return Doc("discharge-summary", "Discharge Summary", paras)

def p_prior_auth(r):
    p, d = Person(r, 18), doctor(r); o = org(r, ["clinic", "hospital"]); cpt = r.choice(CPT); dx = r.choice(ICD)
    paras = ["PRIOR AUTHORIZATION REQUEST", f"Health plan: {r.choice(PAYERS)}   Fax: {phone(r)}",
             fld(r, "pt", p.name(r)) + "\n" + fld(r, "dob", fdate(r, p.dob)) + "\n" + fld(r, "mem", p.mem) + f"\nGroup: {p.group}",
             f"Requesting provider: {drname(r, d)}  NPI: {d.npi}", f"Service requested: CPT {cpt[0]} ({cpt[1]}) x{r.randint(1, 12)}",
             f"Diagnosis code(s): {dx[0]} {dx[1]}", f"Clinical justification: failed conservative therapy for {r.randint(6, 16)} weeks, including {r.choice(DRUGS)}.",
             f"Requested start date: {fdate(r, svc_date(r))}", sig(r, o)]
    return Doc("prior-auth", "Prior Authorization Request", paras)

def p_claim_inquiry(r):
    p, o = Person(r), org(r, ["hospital", "clinic"]); cpt = r.choice(CPT); dd = svc_date(r)
    amt = r.randint(85, 9800)
    paras = [f"Hello {r.choice(PAYERS)} provider services,",
             f"We are following up on the claim below, which was {r.choice(['denied with CARC 16 (missing information)', 'paid at $0.00', 'pended for medical records', 'denied as a duplicate (CARC 18)'])}.",
             f"{fld(r, 'claim', claimno(r))}\n{fld(r, 'pt', p.name(r))}\n{fld(r, 'mem', p.mem)}\n{fld(r, 'dob', fdate(r, p.dob))}\nDOS: {fdate(r, dd)}\nCPT {cpt[0]}, ICD-10 {r.choice(ICD)[0]}\nBilled: ${amt:,}.00",
             "Please advise on the status or reprocess. Corrected claim attached if needed.", sig(r, o)]
    return Doc("claims", "Claim status inquiry", paras)

def p_eligibility(r):
    p = Person(r); o = org(r, ["hospital", "clinic"])
    paras = ["Eligibility verification result", f"Payer: {r.choice(PAYERS)}",
             f"Subscriber: {p.name(r, 'LFM')}  {fld(r, 'mem', p.mem)}  {fld(r, 'dob', fdate(r, p.dob))}",
             f"Coverage: {r.choice(['Active', 'Active - coordination of benefits needed', 'Terminated'])} effective {fdate(r, rdate(r, 2024, 2026))}",
             f"Copay specialist ${r.choice([20, 35, 50, 75])}; deductible remaining ${r.randint(0, 3000)}.",
             f"Verified for scheduled {r.choice(SPECIALTIES).lower()} visit on {fdate(r, svc_date(r))} - {r.choice(ICD)[1]}.", sig(r, o)]
    return Doc("eligibility", "Eligibility check", paras)

def p_appt_reminder(r):
    p, d = Person(r), doctor(r); o = org(r, ["clinic", "hospital"]); sp = r.choice(SPECIALTIES + ["Infusion Center", "Dialysis Unit", "Methadone Clinic"])
    paras = [f"Hello {p.first},", f"This is a reminder that you have an appointment at {o[0]} {sp} on {fdate(r, svc_date(r), 'long')} at {r.randint(7, 16)}:{r.choice(['00', '15', '30', '45'])} with {drname(r, d)}.",
             r.choice([f"Please bring your insurance card ({r.choice(PAYERS)} member ID {p.mem}) and a list of your medications.",
                       f"Your visit is for {r.choice(ICD)[1].lower()} follow-up. Please arrive 15 minutes early.",
                       f"Please do not eat after midnight before your {r.choice(['colonoscopy', 'PET scan', 'chemotherapy infusion', 'cardiac catheterization'])}."]),
             f"Date of birth on file: {fdate(r, p.dob)}. To reschedule call {phone(r)}.", f"{o[0]}"]
    return Doc("appointment-reminder", "Appointment reminder", paras)

def p_refill(r):
    p, d = Person(r, 18), doctor(r); drug = r.choice(DRUGS)
    paras = ["REFILL REQUEST", f"Pharmacy: {r.choice(['Bayview Community Pharmacy', 'Walgreens #' + digits(r, 4), 'CVS Pharmacy #' + digits(r, 5), 'Rite Aid #' + digits(r, 4)])}  NCPDP {digits(r, 7)}",
             f"{fld(r, 'pt', p.name(r))}\n{fld(r, 'dob', fdate(r, p.dob))}\n{fld(r, 'phone', p.phone)}",
             f"Medication: {drug}  NDC {ndc(r)}  Qty {r.choice([30, 60, 90])}  Refills requested: {r.randint(1, 5)}",
             f"Prescriber: {drname(r, d)}  NPI {d.npi}  DEA on file", "Last fill " + fdate(r, svc_date(r)) + ". Patient out of medication in 3 days.",
             "Please approve or deny via fax or reply."]
    return Doc("pharmacy-refill", "Refill request", paras)

def p_care_coord(r):
    p = Person(r, 40); cm = staff(r); dx = r.choice(ICD)
    paras = [f"Care coordination note - {fdate(r, svc_date(r))}",
             f"Spoke with {p.name(r, 'fl')} ({r.choice(['daughter', 'son', 'wife', 'husband', 'caregiver'])} also on call) regarding {dx[1].lower()}. {p.first} reports {r.choice(['missing doses of ' + r.choice(DRUGS), 'difficulty getting to appointments', 'increased swelling in both legs', 'a recent ER visit for low blood sugar'])}.",
             f"Plan: {r.choice(['arrange transportation', 'home health nursing visit', 'pharmacy blister packs', 'social work referral for food insecurity'])}; next call in one week.",
             f"{fld(r, 'mrn', p.mrn)}   {fld(r, 'phone', p.phone)}", f"-- {cm.first} {cm.last}, RN Care Manager"]
    return Doc("care-coordination", "Care coordination", paras)

def p_billing_dispute(r):
    p = Person(r, 25); o = org(r, ["hospital", "clinic"]); amt = r.randint(120, 14000)
    paras = [f"Re: billing dispute, account {p.acct}",
             f"{p.name(r, 'fl')} called disputing a balance of ${amt:,}.{digits(r, 2)} for the {r.choice(['emergency department visit', 'MRI', 'ambulance transport', 'labor and delivery stay', 'outpatient surgery'])} on {fdate(r, svc_date(r))}.",
             f"Patient states {r.choice(PAYERS)} should have covered it as in-network. {fld(r, 'mem', p.mem)}. Diagnosis on the claim was {r.choice(ICD)[0]}.",
             f"Callback number {p.phone}; mailing address {p.full_addr()}.", "Please review the EOB and hold the account from collections for 30 days.", sig(r, o)]
    return Doc("billing-dispute", "Billing dispute", paras)

def hl7_ts(d, r): return d.strftime("%Y%m%d") + (f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}" if r.random() < 0.7 else "")

def p_hl7_adt(r):
    p, d = Person(r), doctor(r); now = svc_date(r); ev = r.choice(["A01", "A03", "A04", "A08"])
    seg = [f"MSH|^~\\&|EPIC|RRMC|HIE|STATE|{hl7_ts(now, r)}||ADT^{ev}|{digits(r, 10)}|P|2.5.1",
           f"EVN|{ev}|{hl7_ts(now, r)}",
           f"PID|1||{p.mrn}^^^RRMC^MR{('~' + p.ssn.replace('-', '') + '^^^SSA^SS') if r.random() < 0.4 else ''}||{p.hl7()}||{p.dob.strftime('%Y%m%d')}|{p.sex}|||{p.addr.upper()}^^{p.city.upper()}^{p.st}^{p.zip}||{re.sub(r'[^0-9]', '', p.phone)}|||||{p.acct}",
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['4W', 'ICU', 'ED', 'MS3'])}^{r.randint(401, 460)}^{r.choice('AB')}||||{d.npi}^{d.last.upper()}^{d.first.upper()}",
           "DG1|1||{0}^{1}^I10".format(*r.choice(ICD))]
    paras = [r.choice(["Interface team - this ADT is failing at the HIE, can you check PID-11?", "Here is the message that errored overnight:", "Raw HL7 from the feed, see segment PV1:"])]
    return Doc("hl7-adt", "HL7 ADT message", paras, pre=["\n".join(seg)])

def p_hl7_oru(r):
    p = Person(r); d = doctor(r); now = svc_date(r); labs = r.sample(LABS, 3)
    seg = [f"MSH|^~\\&|LAB|NORTHFIELD|EHR|RRMC|{hl7_ts(now, r)}||ORU^R01|{digits(r, 9)}|P|2.3",
           f"PID|||{p.mrn}^^^NFL||{p.hl7()}||{p.dob.strftime('%Y%m%d')}|{p.sex}",
           f"OBR|1|{digits(r, 8)}|{digits(r, 8)}|80053^CMP|||{hl7_ts(now, r)}||||||||{d.npi}^{d.last.upper()}"]
    for i, (n, u, f, ref) in enumerate(labs, 1):
        seg.append(f"OBX|{i}|{'NM' if f(r)[0].isdigit() else 'ST'}|{digits(r, 4)}-{r.randint(0, 9)}^{n.upper()}||{f(r)}|{u}|{ref}|{r.choice(['H', 'L', 'N', ''])}|||F")
    return Doc("hl7-oru", "HL7 ORU result", [r.choice(["ORU that did not file to the chart:", "Results message below - please re-send to the correct provider.", "Lab interface sample from prod (do not forward outside):"])], pre=["\n".join(seg)])

def p_x12_837(r):
    p = Person(r); d = doctor(r); dd = svc_date(r); cpt = r.choice(CPT); dx = r.choice(ICD)
    ln, fn = p.hl7().split("^")[:2]
    seg = ["ISA*00*          *00*          *ZZ*RRMC           *ZZ*" + r.choice(["SUMMITHP", "CASCADIA", "AETNA"]).ljust(15) + f"*{dd.strftime('%y%m%d')}*1200*^*00501*{digits(r, 9)}*0*P*:~",
           f"GS*HC*RRMC*PAYER*{dd.strftime('%Y%m%d')}*1200*{r.randint(1, 9999)}*X*005010X222A1~", "ST*837*0001*005010X222A1~",
           f"NM1*85*2*RIVERBEND REGIONAL*****XX*{npi(r)}~",
           f"NM1*IL*1*{ln}*{fn}****MI*{p.mem}~", f"N3*{p.addr.upper()}~", f"N4*{p.city.upper()}*{p.st}*{p.zip}~",
           f"DMG*D8*{p.dob.strftime('%Y%m%d')}*{p.sex}~", f"CLM*{p.acct}*{r.randint(90, 5000)}.00***11:B:1*Y*A*Y*Y~",
           f"HI*ABK:{dx[0].replace('.', '')}~", f"NM1*82*1*{d.last.upper()}*{d.first.upper()}****XX*{d.npi}~",
           f"SV1*HC:{cpt[0]}*{r.randint(90, 900)}.00*UN*1***1~", f"DTP*472*D8*{dd.strftime('%Y%m%d')}~"]
    return Doc("x12-837", "837P claim", [r.choice(["Clearinghouse rejected this claim (loop 2010BA). Segment dump:", "837 excerpt for the rejected claim:"])], pre=["\n".join(seg)])

def p_x12_835(r):
    p = Person(r); ln, fn = p.hl7().split("^")[:2]; amt = r.randint(100, 3000); paid = round(amt * r.uniform(0, 0.8), 2)
    seg = [f"ST*835*{digits(r, 4)}~", f"BPR*I*{paid:.2f}*C*ACH*CCP*01*{digits(r, 9)}*DA*{digits(r, 10)}*{digits(r, 10)}**01*{digits(r, 9)}*DA*{digits(r, 8)}*{svc_date(r).strftime('%Y%m%d')}~",
           f"TRN*1*{digits(r, 12)}*1{digits(r, 9)}~", f"CLP*{p.acct}*1*{amt}.00*{paid:.2f}*{round(amt*0.1, 2):.2f}*12*{claimno(r)}*11*1~",
           f"NM1*QC*1*{ln}*{fn}****MI*{p.mem}~", f"SVC*HC:{r.choice(CPT)[0]}*{amt}.00*{paid:.2f}**1~",
           f"CAS*CO*{r.choice(['45', '97', '16', '50'])}*{amt - paid:.2f}~", f"DTM*472*{svc_date(r).strftime('%Y%m%d')}~"]
    return Doc("x12-835", "835 remittance", ["Can you explain the CO adjustment on this remit? Patient is asking.", ], pre=["\n".join(seg)])

def p_x12_27x(r):
    p = Person(r); ln, fn = p.hl7().split("^")[:2]; t = r.choice(["270", "271"])
    seg = [f"ST*{t}*0001*005010X279A1~", f"BHT*0022*{'13' if t == '270' else '11'}*{digits(r, 10)}*{svc_date(r).strftime('%Y%m%d')}*1030~",
           f"HL*1**20*1~", "NM1*PR*2*SUMMIT HEALTH PLAN*****PI*" + digits(r, 5) + "~", "HL*2*1*21*1~",
           f"NM1*1P*2*MESA VERDE HEALTH*****XX*{npi(r)}~", "HL*3*2*22*0~",
           f"NM1*IL*1*{ln}*{fn}****MI*{p.mem}~", f"DMG*D8*{p.dob.strftime('%Y%m%d')}~", f"DTP*291*D8*{svc_date(r).strftime('%Y%m%d')}~"]
    if t == "271":
        seg += ["EB*1*IND*30**GOLD PPO~", f"EB*B*IND*98***27*{r.choice([25, 40, 60])}~", f"MSG*PLAN ALSO COVERS {r.choice(['DIALYSIS', 'BEHAVIORAL HEALTH', 'INSULIN SUPPLIES'])}~"]
    return Doc("x12-27x", f"X12 {t}", [f"{t} transaction for the patient checking in tomorrow:"], pre=["\n".join(seg)])

def p_fhir_patient_json(r):
    p = Person(r)
    res = {"resourceType": "Patient", "id": digits(r, 7),
           "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1" if r.random() < 0.3 else "http://hospital.example.org/mrn",
                           "value": p.ssn if r.random() < 0.3 else p.mrn}],
           "name": [{"family": p.last, "given": [p.first] + ([p.mid] if p.mid else [])}], "gender": "female" if p.sex == "F" else "male",
           "birthDate": p.dob.isoformat(), "telecom": [{"system": "phone", "value": p.phone}],
           "address": [{"line": [p.addr], "city": p.city, "state": p.st, "postalCode": p.zip}]}
    cond = {"resourceType": "Condition", "subject": {"reference": f"Patient/{res['id']}"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": (c := r.choice(ICD))[0], "display": c[1]}]}}
    return Doc("fhir-json", "FHIR Patient", ["Payload from the API call that returned 422:"], pre=[json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": res}, {"resource": cond}]}, indent=2, ensure_ascii=False)])

def p_fhir_obs_json(r):
    p = Person(r); n, u, f, ref = r.choice(LABS)
    res = {"resourceType": "Observation", "status": "final", "code": {"text": n},
           "subject": {"reference": f"Patient/{digits(r, 6)}", "display": p.name(r, 'fl')},
           "effectiveDateTime": svc_date(r).isoformat() + "T08:30:00-06:00",
           "valueString" if not f(r)[0].isdigit() else "valueQuantity": (f(r) if not f(r)[0].isdigit() else {"value": float(re.sub('[^0-9.]', '', f(r)) or 0), "unit": u}),
           "extension": [{"url": "http://hospital.example.org/fhir/mrn", "valueString": p.mrn}]}
    return Doc("fhir-json", "FHIR Observation", ["Observation resource as posted by the lab integration:"], pre=[json.dumps(res, indent=2, ensure_ascii=False)])

def p_fhir_xml(r):
    p = Person(r); dx = r.choice(ICD)
    x = f"""<Patient xmlns="http://hl7.org/fhir">
  <id value="{digits(r, 6)}"/>
  <identifier><type><text>MRN</text></type><value value="{p.mrn}"/></identifier>
  <identifier><system value="http://hl7.org/fhir/sid/us-mbi"/><value value="{p.mbi.replace('-', '')}"/></identifier>
  <name><family value="{p.last}"/><given value="{p.first}"/></name>
  <gender value="{'female' if p.sex == 'F' else 'male'}"/>
  <birthDate value="{p.dob.isoformat()}"/>
  <address><line value="{p.addr}"/><city value="{p.city}"/><state value="{p.st}"/><postalCode value="{p.zip}"/></address>
</Patient>
<Condition xmlns="http://hl7.org/fhir">
  <code><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="{dx[0]}"/><display value="{dx[1]}"/></coding></code>
  <subject><reference value="Patient/{p.mrn}"/></subject>
</Condition>"""
    return Doc("fhir-xml", "FHIR XML", ["XML resources for the Medicare member we are matching:"], pre=[x])

def p_cms1500(r):
    p = Person(r, 0, 90); d = doctor(r); dd = svc_date(r); cpt = r.sample(CPT, 2); dx = r.sample(ICD, 2)
    lines = ["HEALTH INSURANCE CLAIM FORM (CMS-1500) - data entry sheet",
             f"1a. INSURED'S I.D. NUMBER: {p.mbi if r.random() < 0.4 else p.mem}",
             f"2. PATIENT'S NAME (Last Name, First Name, Middle Initial): {p.name(r, 'LFM')}",
             f"3. PATIENT'S BIRTH DATE: {p.dob.strftime('%m %d %Y')}   SEX: {p.sex}",
             f"5. PATIENT'S ADDRESS: {p.addr}, {p.city}, {p.st} {p.zip}   TELEPHONE: {p.phone}",
             f"11. INSURED'S POLICY GROUP OR FECA NUMBER: {p.group}",
             f"21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY: A. {dx[0][0]}  B. {dx[1][0]}",
             f"24A. DATE(S) OF SERVICE: {dd.strftime('%m %d %y')}  24D. CPT/HCPCS: {cpt[0][0]}  24E. DIAGNOSIS POINTER: A  24F. $ CHARGES: {r.randint(80, 600)}.00",
             f"24A. DATE(S) OF SERVICE: {dd.strftime('%m %d %y')}  24D. CPT/HCPCS: {cpt[1][0]}  24E. DIAGNOSIS POINTER: B  24F. $ CHARGES: {r.randint(20, 300)}.00",
             f"26. PATIENT'S ACCOUNT NO.: {p.acct}", f"24J. RENDERING PROVIDER ID #: {d.npi}", f"33a. BILLING NPI: {npi(r)}"]
    return Doc("cms-1500", "CMS-1500 claim detail", ["Keyed from the paper claim:"], pre=["\n".join(lines)])

def p_ub04(r):
    p = Person(r, 18); a = svc_date(r); b = a + dtm.timedelta(days=r.randint(1, 6)); dx = r.sample(ICD, 3)
    lines = ["UB-04 / CMS-1450", f"3a PAT CNTL #: {p.acct}", f"3b MED REC #: {p.mrn}", "4 TYPE OF BILL: 0111",
             f"6 STATEMENT COVERS PERIOD FROM: {a.strftime('%m%d%y')} THROUGH: {b.strftime('%m%d%y')}",
             f"8 PATIENT NAME: {p.name(r, 'LFM')}", f"9 PATIENT ADDRESS: {p.addr} {p.city} {p.st} {p.zip}",
             f"10 BIRTHDATE: {p.dob.strftime('%m%d%Y')}  11 SEX: {p.sex}  12 ADMISSION DATE: {a.strftime('%m%d%y')}",
             f"42 REV CD 0120 ROOM-BOARD/SEMI  {(b - a).days} DAYS  ${(b - a).days * 2150:,}.00", f"42 REV CD 0250 PHARMACY  ${r.randint(200, 4000):,}.00",
             f"50 PAYER NAME: {r.choice(PAYERS)}  60 INSURED'S UNIQUE ID: {p.mbi if r.random() < 0.5 else p.mem}",
             f"67 PRIN DIAG CD: {dx[0][0].replace('.', '')}  67A: {dx[1][0].replace('.', '')}  67B: {dx[2][0].replace('.', '')}",
             f"76 ATTENDING NPI: {npi(r)}"]
    return Doc("ub-04", "UB-04 claim", ["Institutional claim fields for review:"], pre=["\n".join(lines)])

def p_es_lab(r):
    p = Person(r, hisp=True); n, u, f, ref = r.choice(LABS); o = org(r, ["clinic", "lab"])
    paras = [f"Estimado/a {p.first} {p.last}:", f"Le escribimos de {o[0]} con los resultados de su análisis del {fdate_es(r, svc_date(r))}.",
             f"Paciente: {p.name(r, 'fl')}\nFecha de nacimiento: {fdate_es(r, p.dob)}\nNúmero de expediente: {p.mrn}",
             f"Resultado: {n} = {f(r)} {u} (rango normal {ref}).",
             r.choice(["Su médico quiere hablar con usted sobre su diabetes.", "Por favor continúe tomando su medicamento " + r.choice(DRUGS) + ".", "Necesitamos repetir la prueba en dos semanas."]),
             f"Si tiene preguntas, llame al {phone(r)}.", "Atentamente,\nDepartamento de Laboratorio"]
    return Doc("spanish-lab", "Resultados de laboratorio", paras, lang="es")

def p_es_auth(r):
    p = Person(r, hisp=True); dx = r.choice(ICD); cpt = r.choice(CPT)
    paras = ["Solicitud de autorización previa", f"Nombre del paciente: {p.name(r, 'lf')}",
             f"Fecha de nacimiento: {fdate_es(r, p.dob)}", f"Número de afiliado: {p.mem}", f"Plan: {r.choice(PAYERS)}",
             f"Diagnóstico: {dx[0]} ({dx[1]})", f"Servicio solicitado: {cpt[0]} {cpt[1]}",
             "Favor de responder a la brevedad. Gracias."]
    return Doc("spanish-prior-auth", "Autorización previa", paras, lang="es")

def p_es_cita(r):
    p = Person(r, hisp=True)
    paras = [f"Hola {p.first},", f"Le recordamos su cita en la clínica de {r.choice(['oncología', 'diálisis', 'salud mental', 'obstetricia', 'cardiología'])} el {fdate_es(r, svc_date(r))} a las {r.randint(8, 16)}:00.",
             f"Paciente: {p.name(r, 'fl')} - Fecha de nac.: {fdate_es(r, p.dob)}", f"Teléfono registrado: {p.phone}. Número de cuenta {p.acct}.",
             "Traiga su tarjeta de seguro y su lista de medicamentos."]
    return Doc("spanish-appointment", "Recordatorio de cita", paras, lang="es")

def p_nolabel(r):
    p = Person(r, 5); d = doctor(r); dx = r.choice(ICD)
    variants = [
        f"Quick update: {p.first} {p.last}'s biopsy came back positive for {r.choice(['invasive ductal carcinoma', 'adenocarcinoma', 'melanoma in situ'])}. {drname(r, d)} wants her seen in oncology this week.",
        f"Heads up - {p.first} {p.last} in room {r.randint(2, 40)} tested positive for {r.choice(['C. diff', 'MRSA', 'influenza A', 'COVID-19'])}; please start contact precautions.",
        f"{p.first} {p.last} was started on {r.choice(DRUGS)} yesterday for {dx[1].lower()}. Can pharmacy double check the dose against the renal function?",
        f"I saw {p.name(r, 'fl')} this morning; the A1c is now {r.uniform(8, 12):.1f} and she admits she stopped her insulin. Let's get diabetes education involved.",
        f"Mrs. {p.last} ({p.first}) called again about her husband's {r.choice(['chemo', 'dialysis', 'wound vac', 'oxygen'])} schedule. He is now on hospice - please cancel the rest of his infusions.",
        f"{p.name(r, 'fml')} (born {fdate(r, p.dob, 'dmy_long')}) is being admitted from the ED with {dx[1].lower()}; family asked that we call her sister first.",
        f"Dr. {d.last} - {p.first} {p.last}'s potassium this morning was {r.uniform(6.0, 6.9):.1f}. She is on {r.choice(DRUGS)}; do you want it held?",
        f"FYI {p.first} {p.last} from the {r.choice(['Tuesday', 'Thursday'])} group missed two sessions and relapsed on {r.choice(['opioids', 'alcohol', 'methamphetamine'])} last weekend. Counselor notified.",
    ]
    v = r.choice(variants)
    return Doc("clinical-note-nolabel", "Patient update", [r.choice(["Hi all,", "Team,", "Hi,"]), v, r.choice(["Thanks.", "Let me know.", "-" + staff(r).first])])

def p_ssn_only(r):
    p = Person(r)
    paras = [r.choice(["Registration is missing the SSN for the patient admitted last night in 5 West. Family provided it:",
                       "For the charity care application of the patient we discussed, the social security number is below:",
                       "Patient's SSN for the Medicaid application:"]),
             fld(r, "ssn", p.ssn if r.random() < 0.7 else p.ssn.replace("-", "")), "Please update the registration and re-run the eligibility check.", sig(r)]
    return Doc("registration-ssn", "Registration update", paras)

def p_mrn_merge(r):
    p = Person(r); m2 = mrn(r)
    paras = ["HIM duplicate record request", f"Please merge the duplicate charts for {p.name(r)}:", f"Surviving {fld(r, 'mrn', p.mrn)}\nNonsurviving MRN {m2}",
             f"Both charts show {fld(r, 'dob', fdate(r, p.dob))} and address {p.full_addr()}. The newer chart contains the {r.choice(['pathology report', 'ED visit', 'cardiology consult'])} from {fdate(r, svc_date(r))}.", sig(r)]
    return Doc("him-merge", "Duplicate record", paras)

def p_member_dob(r):
    p = Person(r)
    paras = [f"Can you confirm coverage for this member before the {r.choice(['surgery', 'infusion', 'sleep study'])}?", f"{fld(r, 'mem', p.mem)}\n{fld(r, 'dob', fdate(r, p.dob))}", "Thanks, scheduling desk"]
    return Doc("eligibility", "Coverage question", paras)

def p_bed_request(r):
    p = Person(r, 18); dx = r.choice(ICD)
    paras = ["BED REQUEST / TRANSFER", f"Sending facility: {org(r, ['hospital'])[0]} ED", f"{fld(r, 'pt', p.name(r, 'LFM'))}  Age {p.age}  {p.sex}",
             f"{fld(r, 'mrn', p.mrn)}", f"Dx: {dx[0]} {dx[1]}", f"Level of care requested: {r.choice(['Telemetry', 'ICU', 'Med/Surg', 'Inpatient psych'])}; isolation: {r.choice(['none', 'contact', 'droplet'])}",
             f"Accepting physician: {drname(r, doctor(r))}"]
    return Doc("bed-request", "Bed request", paras)

def p_radiology(r):
    p = Person(r, 10); d = doctor(r)
    study = r.choice(["CT CHEST WITH CONTRAST", "MRI BRAIN WITHOUT AND WITH CONTRAST", "XR KNEE 3 VIEWS RIGHT", "US ABDOMEN COMPLETE", "MAMMOGRAM SCREENING BILATERAL"])
    paras = [f"RADIOLOGY REPORT - {study}", f"{p.name(r, 'LFM')}   {fld(r, 'mrn', p.mrn)}   {fld(r, 'dob', fdate(r, p.dob))}",
             f"Exam date: {fdate(r, svc_date(r))}   Ordering: {drname(r, d)}",
             f"IMPRESSION: {r.choice(['1.8 cm spiculated mass in the right upper lobe, suspicious for malignancy.', 'No acute intracranial abnormality.', 'Moderate tricompartmental osteoarthritis.', 'Cholelithiasis without cholecystitis.', 'BI-RADS 4: suspicious abnormality, biopsy recommended.'])}",
             f"Electronically signed by {drname(r, doctor(r))}"]
    return Doc("radiology", "Radiology report", paras)

def p_pathology(r):
    p = Person(r, 20)
    paras = ["SURGICAL PATHOLOGY REPORT", f"Name: {p.name(r, 'lfm')}  Accession: S26-{digits(r, 5)}", f"{fld(r, 'mrn', p.mrn)}  {fld(r, 'acct', p.acct)}",
             f"Specimen: {r.choice(['Colon, sigmoid, biopsy', 'Breast, left, core needle biopsy', 'Prostate, needle biopsies (12)', 'Skin, left shoulder, shave'])}",
             f"Final diagnosis: {r.choice(['Invasive ductal carcinoma, grade 2. ER positive, PR positive, HER2 negative.', 'Adenocarcinoma, Gleason score 3+4=7.', 'Tubular adenoma, no high-grade dysplasia.', 'Basal cell carcinoma, margins clear.'])}"]
    return Doc("pathology", "Pathology report", paras)

def p_immunization(r):
    p = Person(r, 1, 17)
    paras = [f"School immunization record request for {p.name(r)} (born {fdate(r, p.dob, 'dmy_long')}).",
             f"Vaccines on file: DTaP x5, IPV x4, MMR x{r.choice([1, 2])}, Varicella x{r.choice([1, 2])}, HepB x3; {r.choice(['medical exemption for MMR (immunocompromised - leukemia)', 'missing Tdap', 'up to date'])}.",
             f"Parent contact: {staff(r).first} {p.last}, {p.phone}", fld(r, "mrn", p.mrn)]
    return Doc("immunization", "Immunization record", paras)

def p_bh_intake(r):
    p = Person(r, 16, 70)
    paras = ["Behavioral Health Intake - CONFIDENTIAL (42 CFR Part 2)", f"Client: {p.name(r)}  {fld(r, 'dob', fdate(r, p.dob))}",
             f"Presenting problem: {r.choice(['suicidal ideation without plan', 'panic attacks', 'opioid use disorder seeking MAT', 'postpartum depression', 'PTSD symptoms after MVA'])}.",
             f"Diagnosis: {r.choice(['F32.A', 'F41.1', 'F11.20', 'F43.10', 'F53.0'])}. PHQ-9 score {r.randint(5, 26)}.",
             f"Plan: weekly therapy; psychiatry eval for {r.choice(['sertraline', 'buprenorphine', 'prazosin'])}. Emergency contact {p.phone}."]
    return Doc("behavioral-health", "BH intake", paras)

def p_home_health(r):
    p = Person(r, 60, 98); d = doctor(r)
    paras = ["HOME HEALTH CERTIFICATION AND PLAN OF CARE", f"{fld(r, 'pt', p.name(r))}  {fld(r, 'mbi', p.mbi)}", f"Address: {p.full_addr()}",
             f"Primary dx: {(x := r.choice(ICD))[0]} {x[1]}", f"Orders: SN 2w4 for {r.choice(['wound care', 'medication management', 'CHF teaching'])}; PT 1w4.",
             f"Certifying physician {drname(r, d)} NPI {d.npi}   Cert period {fdate(r, svc_date(r))} - 60 days"]
    return Doc("home-health", "Home health POC", paras)

def p_dme(r):
    p = Person(r, 30)
    paras = ["DME ORDER - CPAP", f"Beneficiary: {p.name(r, 'fml')}", f"{fld(r, 'dob', fdate(r, p.dob))}   {fld(r, 'mbi', p.mbi)}",
             f"Sleep study {fdate(r, svc_date(r))}: AHI {r.randint(16, 70)} events/hr; dx G47.33 obstructive sleep apnea.",
             f"Item: E0601 CPAP, A7030 full face mask. Deliver to {p.full_addr()}."]
    return Doc("dme", "DME order", paras)

def p_med_rec(r):
    p = Person(r, 50)
    meds = r.sample(DRUGS, 5)
    paras = [f"Medication reconciliation for {p.name(r)} ({fld(r, 'acct', p.acct)}) prior to discharge:"] + [f"- {m} - {r.choice(['continue', 'STOP', 'change dose', 'new'])}" for m in meds] + [f"Allergies: {r.choice(['penicillin (hives)', 'sulfa', 'NKDA', 'latex'])}"]
    return Doc("med-rec", "Med rec", paras)

def p_workcomp(r):
    p = Person(r, 20, 64)
    paras = ["Workers' Compensation - First Report of Injury follow-up", f"Employee/claimant: {p.name(r)}   {fld(r, 'ssn', p.ssn)}",
             f"{fld(r, 'claim', 'WC' + digits(r, 8))}   Date of injury: {fdate(r, svc_date(r))}",
             f"Treatment: {r.choice(['lumbar strain, PT 2x/week', 'right wrist fracture, casted', 'laceration repair, 6 sutures'])}; work status {r.choice(['modified duty', 'off work 2 weeks', 'full duty'])}."]
    return Doc("workers-comp", "Work comp", paras)

def p_roi(r):
    p = Person(r)
    paras = [f"Records release fulfilled for {p.name(r)}, {fld(r, 'dob', fdate(r, p.dob))}.",
             f"Released to: {r.choice(['Law Offices of Hart & Vega', 'Social Security Administration DDS', 'patient (self)', 'Liberty Life disability claims'])}",
             f"Contents: {r.choice(['ED notes and imaging', 'oncology notes 2024-2026', 'psychiatric evaluation', 'prenatal records'])} covering {fdate(r, rdate(r, 2023, 2025))} to {fdate(r, svc_date(r))}.",
             fld(r, "mrn", p.mrn)]
    return Doc("release-of-information", "ROI log", paras)

def p_triage(r):
    p = Person(r, 0, 90)
    paras = [f"Nurse triage call {fdate(r, svc_date(r))} {r.randint(1, 12)}:{digits(r, 2)[0]}0 {r.choice(['AM', 'PM'])}",
             f"Caller: {r.choice(['self', 'mother', 'spouse'])} - re {p.name(r)}, {p.age} y/o, {fld(r, 'phone', p.phone)}",
             f"Symptoms: {r.choice(['fever 103F for 2 days', 'chest pressure radiating to left arm', 'vomiting, unable to keep fluids', 'rash after starting amoxicillin'])}.",
             f"Disposition: {r.choice(['go to ED now', 'see PCP within 24h', 'home care advice'])}."]
    return Doc("nurse-triage", "Triage", paras)

def p_statement(r):
    p = Person(r, 20); amt = r.randint(40, 6000)
    paras = ["PATIENT STATEMENT", f"{p.name(r, 'FL')}\n{p.addr}\n{p.city} {p.st} {p.zip}", f"{fld(r, 'acct', p.acct)}   Statement date {fdate(r, svc_date(r))}",
             f"Services: {r.choice(CPT)[1]}; {r.choice(CPT)[1]}", f"Insurance paid ${r.randint(0, 900)}.00; Patient responsibility ${amt:,}.00"]
    return Doc("patient-statement", "Statement", paras)

def p_employee_health(r):
    p = Person(r, 22, 65)
    paras = [f"Employee Health: {p.name(r, 'fl')} (employee #{digits(r, 6)}, {r.choice(['5 North RN', 'Environmental Services', 'Pharmacy tech'])}) tested {r.choice(['positive for SARS-CoV-2', 'positive on TB screening (QuantiFERON)', 'non-immune to measles'])} on {fdate(r, svc_date(r))}.",
             f"Excluded from work until {fdate(r, svc_date(r))}. {fld(r, 'dob', fdate(r, p.dob))}."]
    return Doc("employee-health", "Employee health", paras)

def p_surgery(r):
    p = Person(r, 18); d = doctor(r)
    paras = ["Surgery scheduling request", f"{fld(r, 'pt', p.name(r))}  {fld(r, 'dob', fdate(r, p.dob))}  {fld(r, 'acct', p.acct)}",
             f"Procedure: {r.choice(['Laparoscopic cholecystectomy', 'Right total knee arthroplasty', 'Left mastectomy with SLNB', 'Lumbar laminectomy L4-L5'])}",
             f"Surgeon: {drname(r, d)}  Date requested: {fdate(r, svc_date(r))}  Dx {r.choice(ICD)[0]}", f"Anticoagulant: {r.choice(['apixaban - hold 48h', 'none', 'warfarin - bridge'])}"]
    return Doc("surgery-scheduling", "Surgery scheduling", paras)

def p_ob(r):
    p = Person(r, 16, 44); p.sex = "F"; p.first = r.choice(FIRST_F)
    paras = [f"Prenatal update for {p.name(r, 'fl')}: G{r.randint(1, 5)}P{r.randint(0, 3)} at {r.randint(8, 39)} weeks, EDD {fdate(r, svc_date(r))}.",
             f"{r.choice(['1-hour GTT 162 - needs 3-hour test.', 'BP 152/98, preeclampsia labs sent.', 'Rh negative - RhoGAM given.', 'NIPT low risk.'])}", f"{fld(r, 'mrn', p.mrn)}  {fld(r, 'phone', p.phone)}"]
    return Doc("prenatal", "Prenatal", paras)

def p_um_review(r):
    p = Person(r, 30); dx = r.choice(ICD)
    paras = ["Concurrent review - inpatient day " + str(r.randint(2, 9)), f"{fld(r, 'mem', p.mem)}  {p.name(r)}", f"{fld(r, 'claim', claimno(r))}",
             f"Dx {dx[0]} {dx[1]}. Meets InterQual criteria: {r.choice(['yes', 'no - recommend observation', 'pending MD review'])}.", f"Next review {fdate(r, svc_date(r))}."]
    return Doc("utilization-review", "UM review", paras)

def p_incident(r):
    p = Person(r, 65, 98)
    paras = ["Incident report (peer review privileged)", f"Patient {p.name(r)} ({fld(r, 'mrn', p.mrn)}) found on floor at {r.randint(0, 23):02d}:{digits(r, 2)} on {fdate(r, svc_date(r))}.",
             f"Fall risk score {r.randint(45, 95)}; on {r.choice(DRUGS)}. CT head negative. Family notified."]
    return Doc("incident", "Incident", paras)

def p_cdi_query(r):
    p = Person(r, 30); dx = r.choice(ICD)
    paras = [f"CDI query - {p.name(r, 'lfm')}, {fld(r, 'acct', p.acct)}",
             f"Documentation shows sodium {r.randint(122, 130)} and treatment with fluid restriction. Please clarify if a diagnosis of hyponatremia (E87.1) is clinically supported.",
             f"Also confirm the principal diagnosis of {dx[1].lower()} ({dx[0]})."]
    return Doc("cdi-query", "CDI query", paras)

# ---- PHI table templates (one patient per row)
def _tbl_doc(cat, title, intro, hdr, rows): return Doc(cat, title, intro, (hdr, rows))
def pt_census(r):
    rows = []
    for _ in range(r.randint(6, 14)):
        p = Person(r, 18); dx = r.choice(ICD)
        rows.append([f"{r.choice(['4W', '5E', 'ICU', 'MS3'])}-{r.randint(401, 460)}", p.name(r, 'LFM'), p.mrn, p.dob, svc_date(r), dx[0], dx[1], r.choice(["Full code", "DNR", "DNR/DNI"])])
    return _tbl_doc("census", "Inpatient census", ["Unit census as of 0600."], ["Room", "Patient", "MRN", "DOB", "Admit Date", "ICD-10", "Diagnosis", "Code Status"], rows)
def pt_noshow(r):
    rows = []
    for _ in range(r.randint(6, 15)):
        p = Person(r); rows.append([p.name(r, 'lf'), p.dob, p.phone, svc_date(r), r.choice(SPECIALTIES), r.choice(["No show", "Late cancel"])])
    return _tbl_doc("no-show", "No-show list", ["No-show / late cancel list for outreach."], ["Patient Name", "Date of Birth", "Phone", "Appt Date", "Clinic", "Status"], rows)
def pt_appts(r):
    rows = []; d = doctor(r)
    for _ in range(r.randint(8, 16)):
        p = Person(r); rows.append([f"{r.randint(8, 16)}:{r.choice(['00', '20', '40'])}", p.name(r, 'fl'), p.mrn, p.dob, r.choice(["New patient", "Follow-up", "Post-op", "Chemo teach", "Med check"]), r.choice(PAYERS)])
    return _tbl_doc("schedule-patients", f"Clinic schedule - {d.last}", ["Tomorrow's schedule."], ["Time", "Patient", "MRN", "DOB", "Visit Type", "Insurance"], rows)
def pt_labbatch(r):
    rows = []
    for _ in range(r.randint(6, 14)):
        p = Person(r); n, u, f, ref = r.choice(LABS); rows.append([p.name(r, 'LFM'), p.dob, p.mrn, svc_date(r), n, f(r), u, r.choice(["H", "L", "", "C"])])
    return _tbl_doc("lab-results", "Lab results batch", ["Abnormal results requiring follow-up."], ["Patient", "DOB", "MRN", "Collected", "Test", "Result", "Units", "Flag"], rows)
def pt_claims(r):
    rows = []
    for _ in range(r.randint(6, 14)):
        p = Person(r); rows.append([claimno(r), p.name(r, 'lf'), p.mem, svc_date(r), r.choice(CPT)[0], r.choice(ICD)[0], round(r.uniform(80, 9000), 2), r.choice(["Denied CO-16", "Pending", "Paid", "Denied CO-197"])])
    return _tbl_doc("claims", "Denied claims worklist", ["Aging worklist."], ["Claim #", "Patient", "Member ID", "DOS", "CPT", "Dx", "Billed", "Status"], rows)
def pt_elig(r):
    rows = []
    for _ in range(r.randint(6, 14)):
        p = Person(r, 65, 95); rows.append([p.last, p.first, p.dob, p.mbi, r.choice(["Active", "Active", "Inactive"]), r.choice(ICD)[0]])
    return _tbl_doc("eligibility", "Medicare eligibility batch", ["Batch eligibility upload."], ["Last Name", "First Name", "DOB", "MBI", "Status", "Primary Dx"], rows)
def pt_refills(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 18); rows.append([p.name(r, 'fl'), p.dob, r.choice(DRUGS), ndc(r), r.choice([30, 60, 90]), svc_date(r), drname(r, doctor(r))])
    return _tbl_doc("pharmacy-refill", "Refill queue", ["Refill queue for prescriber review."], ["Patient", "DOB", "Medication", "NDC", "Qty", "Last Fill", "Prescriber"], rows)
def pt_registry(r):
    rows = []
    for _ in range(r.randint(8, 16)):
        p = Person(r, 30); rows.append([p.mrn, p.name(r, 'lfm'), p.dob, p.phone, r.choice(["E11.65", "E11.9", "E10.9"]), round(r.uniform(7.5, 13.5), 1), svc_date(r)])
    return _tbl_doc("registry", "Diabetes registry", ["Patients with A1c > 9 for outreach."], ["MRN", "Name", "DOB", "Phone", "Dx", "Last A1c", "Last Visit"], rows)
def pt_es_list(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, hisp=True); rows.append([p.name(r, 'fl'), p.dob, p.mem, p.phone, r.choice(["Control de diabetes", "Prenatal", "Vacunación", "Salud mental"])])
    return _tbl_doc("spanish-list", "Lista de pacientes", ["Lista de pacientes para llamadas de seguimiento."], ["Paciente", "Fecha de nacimiento", "Número de afiliado", "Teléfono", "Programa"], rows)
def pt_bedboard(r):
    rows = []
    for _ in range(r.randint(5, 10)):
        p = Person(r, 18); rows.append([p.name(r, 'LFM'), p.age, p.sex, p.acct, r.choice(ICD)[1], r.choice(["ICU", "Tele", "Med/Surg", "Psych"]), svc_date(r)])
    return _tbl_doc("bed-request", "Pending bed requests", ["Pending admissions from the ED."], ["Patient", "Age", "Sex", "FIN", "Diagnosis", "Level", "Requested"], rows)
def pt_vaccines_due(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 0, 12); rows.append([p.name(r, 'lf'), p.dob, p.mrn, r.choice(["MMR #2", "DTaP #4", "HepA #2", "Flu"]), p.phone])
    return _tbl_doc("immunization", "Vaccines due", ["Pediatric recall list."], ["Child", "DOB", "MRN", "Vaccine Due", "Parent Phone"], rows)

PHI_TEXT = [p_lab_provider, p_result_letter, p_referral, p_discharge, p_prior_auth, p_claim_inquiry, p_eligibility,
            p_appt_reminder, p_refill, p_care_coord, p_billing_dispute, p_hl7_adt, p_hl7_oru, p_x12_837, p_x12_835,
            p_x12_27x, p_fhir_patient_json, p_fhir_obs_json, p_fhir_xml, p_cms1500, p_ub04, p_es_lab, p_es_auth, p_es_cita,
            p_nolabel, p_ssn_only, p_mrn_merge, p_member_dob, p_bed_request, p_radiology, p_pathology, p_immunization,
            p_bh_intake, p_home_health, p_dme, p_med_rec, p_workcomp, p_roi, p_triage, p_statement, p_employee_health,
            p_surgery, p_ob, p_um_review, p_incident, p_cdi_query]
PHI_TABLE = [pt_census, pt_noshow, pt_appts, pt_labbatch, pt_claims, pt_elig, pt_refills, pt_registry, pt_es_list,
             pt_bedboard, pt_vaccines_due]

# ----------------------------------------------------------------- clean templates
def c_oncall(r):
    o = org(r, ["hospital"]); rows = []
    for i in range(r.randint(7, 14)):
        s = doctor(r); rows.append([D8(2026, r.randint(1, 12), 1) + dtm.timedelta(days=i), f"{s.last}, {s.first}", r.choice(SPECIALTIES), f"x{r.randint(2000, 7999)}", r.choice(["Primary", "Backup"])])
    return Doc("staff-schedule", "Physician on-call schedule", [f"{o[0]} on-call roster. Swaps must be approved by the department chair."], (["Date", "Physician", "Service", "Pager", "Role"], rows))

def c_meeting(r):
    a = staff(r); b = staff(r); d = svc_date(r)
    paras = [f"Hi team,", f"The {r.choice(['Quality Council', 'Nursing Practice Committee', 'Revenue Cycle steering group', 'EHR optimization workgroup'])} will meet on {fdate(r, d, 'long')} from {r.randint(8, 15)}:00 to {r.randint(9, 16)}:30 in Conference Room {r.choice('ABC')}{r.randint(1, 4)}.",
             f"Agenda: 1) minutes from {fdate(r, d - dtm.timedelta(days=30))}; 2) {r.choice(['sepsis bundle compliance', 'denials trend', 'new badge readers', 'Epic upgrade timeline'])}; 3) open items.",
             f"Presenters: {a.first} {a.last} and {b.name(r, 'lf')}.", f"Thanks,\n{staff(r).first}"]
    return Doc("meeting", "Meeting notice", paras)

def c_newsletter(r):
    dz = r.choice([("diabetes", "E11"), ("heart disease", "I25"), ("breast cancer", "C50"), ("asthma", "J45"), ("depression", "F32"), ("colorectal cancer", "C18")])
    paras = [f"Community Health Newsletter - {MON[r.randint(0, 11)]} 2026", f"This month we focus on {dz[0]}. About 1 in {r.randint(5, 12)} adults in our service area lives with {dz[0]}, and many do not know it.",
             f"Warning signs, screening recommendations and lifestyle tips are on page 2. Our free screening events run every Saturday at the {r.choice(['Westside', 'Downtown', 'Riverside'])} campus.",
             f"Featured recipe: {r.choice(['black bean tacos', 'lentil soup', 'grilled salmon salad'])}. Questions? Call the nurse line at {phone(r)}.", "To unsubscribe, reply STOP."]
    return Doc("newsletter", "Community Health Newsletter", paras)

def c_deid_stats(r):
    rows = [[c, dsc, r.randint(40, 2400), f"{r.uniform(0.5, 18):.1f}%", f"{r.uniform(-9, 12):+.1f}%"] for c, dsc in r.sample(ICD, r.randint(6, 10))]
    return Doc("deidentified-stats", "Quarterly encounter statistics (de-identified)", ["Aggregate counts only; cells under 11 are suppressed per policy. No patient-level data included."],
               (["ICD-10-CM", "Description", "Encounters", "Share", "Change vs prior Q"], rows))

def c_recall(r):
    lots = [f"{r.choice(['LOT', 'Lot'])} {r.choice('ABKMRZ')}{digits(r, 6)}" for _ in range(r.randint(3, 6))]
    paras = [f"URGENT: Medical Device Field Safety Notice - {r.choice(['infusion pump tubing sets', 'surgical staplers', 'glucose test strips', 'IV catheters'])}",
             f"Catalogue numbers REF {digits(r, 5)}-{digits(r, 2)} and REF {digits(r, 6)} are affected. Affected lots: {', '.join(lots)}.",
             "Please quarantine remaining stock and complete the acknowledgement form within 10 business days.", f"Manufacturer contact: {staff(r).first} {staff(r).last}, Regulatory Affairs, {phone(r)}"]
    return Doc("vendor-recall", "Field safety notice", paras)

def c_invoice(r):
    rows = [[f"{r.choice(['SKU', 'CAT'])}-{digits(r, 6)}", r.choice(["Nitrile gloves, M, 100/bx", "Sterile gauze 4x4", "Sharps container 2 gal", "Printer toner HP 58A", "Hand sanitizer 1L", "IV pole", "Exam table paper"]), r.randint(1, 40), round(r.uniform(3, 400), 2)] for _ in range(r.randint(4, 9))]
    paras = [f"INVOICE {r.choice(['INV-', '', 'No. '])}{digits(r, 7)}", f"PO Number: PO-{digits(r, 8)}   Invoice date: {fdate(r, svc_date(r))}   Terms: Net 30",
             f"Bill to: Accounts Payable, {org(r)[0]}", f"Customer account #{digits(r, 8)}"]
    return Doc("invoice", "Invoice", paras, (["Item", "Description", "Qty", "Unit Price"], rows))

def c_gym(r):
    s = staff(r)
    paras = [f"Hi {s.first},", f"Welcome to the employee wellness program! Your FitLife gym membership is active. Member #: {digits(r, 10)}  Member since: {fdate(r, svc_date(r))}.",
             "Show your badge at the front desk to activate the employer discount. Classes include yoga, spin and HIIT.", "Wellness Team"]
    return Doc("wellness-gym", "Gym membership", paras)

def c_car_ins(r):
    paras = [f"Fleet vehicle insurance renewal - {r.choice(['courier vans', 'mobile mammography coach', 'patient shuttle'])}",
             f"Policy number: {r.choice(['PAP', 'CA', 'BAP'])}{digits(r, 8)}-{digits(r, 2)}   Effective {fdate(r, svc_date(r))}", f"VIN 1FT{''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ0123456789') for _ in range(14))}",
             f"Named driver: {staff(r).name(r, 'fl')}, date of hire {fdate(r, rdate(r, 2010, 2025))}. Claims contact {phone(r)}."]
    return Doc("car-insurance", "Auto policy", paras)

def c_it_ticket(r):
    s = staff(r)
    paras = [f"Ticket INC{digits(r, 7)} has been {r.choice(['opened', 'resolved', 'assigned to Desktop Support'])}.", f"Requester: {s.name(r, 'lf')} ({r.choice(['Radiology', 'Patient Access', 'Lab', 'Finance'])}), ext {r.randint(2000, 7999)}",
             f"Issue: {r.choice(['Cannot log in to the EHR after password reset', 'Label printer in ED triage jams', 'Dictation microphone not detected', 'VPN disconnects every 10 minutes'])}.",
             f"Asset tag: {digits(r, 6)}  Priority: P{r.randint(2, 4)}", "Reply to this e-mail to add comments."]
    return Doc("it-ticket", "IT ticket", paras)

def c_mbi_training(r):
    paras = ["Registration training: reading the new Medicare card",
             "The Medicare Beneficiary Identifier (MBI) has 11 characters. The format is 1AA1-AA1-AA11 (the dashes are not stored). Letters S, L, O, I, B and Z are never used.",
             "CMS's published example is 1EG4-TE5-MK73. Use only this example when you train new staff; never practice with a real card.",
             f"Module {r.randint(2, 6)} quiz is due {fdate(r, svc_date(r), 'long')}. Questions: {staff(r).first} in Patient Access Education."]
    return Doc("training-mbi", "MBI training", paras)

def c_ssn_training(r):
    ex = r.choice(["123-45-6789", "078-05-1120", "000-00-0000", "987-65-432" + str(r.randint(0, 9))])
    paras = ["Privacy training: spotting Social Security numbers", f"An SSN is written NNN-NN-NNNN. In this course we use the sample number {ex}, which is not a valid SSN and belongs to no one.",
             "Never paste a real SSN into e-mail, chat or a ticket. If a form asks for the last four digits only, mask the rest as XXX-XX-____.",
             f"Complete the module by {fdate(r, svc_date(r))}."]
    return Doc("training-ssn", "SSN privacy training", paras)

def c_dob_notice(r):
    rev = svc_date(r)
    paras = [f"Administrative notice: the patient registration form has been revised (Form PR-{r.randint(10, 99)}, Rev. {rev.month:02d}/{rev.year}).",
             f"Starting {fdate(r, rev + dtm.timedelta(days=30), 'long')}, the Date of Birth field is mandatory and must be entered as MM/DD/YYYY. The old form (rev. 03/2019) must be shredded.",
             f"Deadline to switch: {fdate(r, rev + dtm.timedelta(days=45))}.", "No action is needed for existing records."]
    return Doc("admin-notice", "Form revision notice", paras)

def c_birthday(r):
    s = staff(r)
    paras = [f"Surprise! It's {s.first} {s.last}'s birthday on {fdate(r, D8(2026, s.dob.month, min(s.dob.day, 28)), 'long')}.",
             f"Cake in the {r.choice(['4 West break room', 'HIM office', 'lab lounge'])} at 2 pm. Please sign the card at the front desk - shhh!", "Party committee"]
    return Doc("birthday", "Birthday party", paras)

def c_job(r):
    t = r.choice(["Registered Nurse - Oncology", "Medical Coder (CPC)", "Patient Access Representative", "Pharmacy Technician", "Clinical Lab Scientist"])
    paras = [f"Now hiring: {t}", f"Req #{digits(r, 6)}. Requirements: {r.choice(['active state license', 'CPC certification and ICD-10-CM experience', 'high school diploma and 1 year of customer service'])}.",
             "Competitive pay, tuition reimbursement, 403(b) match.", f"Apply by {fdate(r, svc_date(r), 'long')} at careers.{org(r)[1]}. Recruiter: {staff(r).name(r, 'fl')}."]
    return Doc("job-posting", "Job posting", paras)

def c_vendor(r):
    paras = [f"Order confirmation #{digits(r, 8)}", f"Thank you for your order. Ship-to: {org(r)[0]}, Loading Dock B.",
             f"Tracking: 1Z{''.join(r.choice('0123456789ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(16))}   Estimated delivery {fdate(r, svc_date(r))}",
             f"Your account manager is {staff(r).name(r, 'fl')} ({phone(r)})."]
    return Doc("vendor", "Order confirmation", paras)

def c_hipaa_reminder(r):
    paras = ["Reminder: annual HIPAA privacy and security training", f"All workforce members must complete HIPAA training by {fdate(r, svc_date(r), 'long')}.",
             "Topics: minimum necessary standard, sending PHI by secure e-mail (type [secure] in the subject), reporting lost devices, and the 18 HIPAA identifiers (names, dates such as date of birth, MRNs, SSNs ...).",
             f"Completion rate for your department: {r.randint(40, 98)}%.", "Privacy Office"]
    return Doc("hipaa-training", "HIPAA training reminder", paras)

def c_policy(r):
    t = r.choice(["Hand Hygiene", "Visitor Management", "Use of Personal Mobile Devices", "Fire Safety and RACE", "Travel Reimbursement"])
    paras = [f"POLICY: {t}", f"Policy No. {r.choice(['IC', 'ADM', 'HR', 'FIN'])}-{r.randint(100, 999)}   Effective: {fdate(r, svc_date(r))}   Review cycle: 3 years",
             "1. Purpose. To establish consistent expectations for all staff, students and contractors.",
             "2. Scope. Applies to all facilities and clinics.", "3. Procedure. Staff shall follow the steps listed in Appendix A. Managers audit compliance monthly.",
             f"Approved by: {staff(r).name(r, 'fl')}, {r.choice(['VP Nursing', 'Chief Compliance Officer', 'CFO'])}"]
    return Doc("policy", f"Policy - {t}", paras)

def c_menu(r):
    rows = [[d, r.choice(["Chicken tortilla soup", "Lentil curry", "Turkey club", "Veggie lasagna"]), r.choice(["Caesar salad", "Fruit cup", "Rice and beans"]), f"${r.uniform(5, 9):.2f}"] for d in ["Mon", "Tue", "Wed", "Thu", "Fri"]]
    return Doc("cafeteria", "Cafeteria menu", ["This week in the Garden Cafe."], (["Day", "Entree", "Side", "Price"], rows))

def c_parking(r):
    paras = [f"Parking notice: Garage {r.choice('ABC')} levels {r.randint(1, 3)}-{r.randint(4, 6)} closed for resurfacing {fdate(r, svc_date(r))} through {fdate(r, svc_date(r))}.",
             f"Employees with permit numbers {digits(r, 4)} through {digits(r, 4)} should use the Lot E shuttle.", "Security: " + phone(r)]
    return Doc("facilities", "Parking notice", paras)

def c_gala(r):
    paras = [f"You're invited: {r.choice(['Spring', 'Autumn', 'Winter'])} Foundation Gala", f"Saturday, {fdate(r, svc_date(r), 'long')}, 6 pm, Grand Ballroom.",
             f"Proceeds support the new {r.choice(['pediatric wing', 'cancer center', 'mobile clinic'])}. Tickets $150. RSVP code GALA{digits(r, 4)}.", f"Honoree: {staff(r).name(r, 'fml')}"]
    return Doc("fundraising", "Gala invitation", paras)

def c_formulary(r):
    rows = [[m, ndc(r), r.choice(["Tier 1", "Tier 2", "Tier 3", "Non-formulary"]), r.choice(["", "PA required", "Step therapy", "Qty limit 30/30"])] for m in r.sample(DRUGS, r.randint(6, 10))]
    return Doc("formulary", "Formulary update", [f"P&T Committee formulary changes effective {fdate(r, svc_date(r))}."], (["Drug", "NDC", "Tier", "Restriction"], rows))

def c_grand_rounds(r):
    s = doctor(r)
    paras = [f"Grand Rounds: \"{r.choice(['New guidelines in heart failure', 'Managing type 2 diabetes in 2026', 'Sepsis: what changed', 'Immunotherapy toxicities'])}\"",
             f"Speaker: {drname(r, s)}, {r.choice(['University of New Mexico', 'Mayo Clinic', 'UCSF'])}.", f"{fdate(r, svc_date(r), 'long')}, 7:30 am, Auditorium. 1.0 CME credit.",
             "Case discussions will be fully de-identified."]
    return Doc("grand-rounds", "Grand rounds", paras)

def c_trial(r):
    paras = [f"Research opportunity: we are enrolling adults aged {r.randint(18, 40)}-{r.randint(60, 80)} with {r.choice(['type 2 diabetes', 'moderate asthma', 'chronic migraine'])} in study {r.choice(['NCT0', 'NCT05'])}{digits(r, 6)}.",
             "Participants receive study visits at no cost and compensation for time.", f"Interested? Call the research office at {phone(r)}. IRB #{digits(r, 5)}."]
    return Doc("research-recruitment", "Research recruitment", paras)

def c_flu_clinic(r):
    rows = [[svc_date(r), f"{r.randint(7, 12)}:00-{r.randint(13, 17)}:00", r.choice(["Main lobby", "Cafeteria", "Clinic B"]), staff(r).name(r, 'fl')] for _ in range(r.randint(5, 9))]
    return Doc("flu-clinic", "Employee flu shot clinics", ["Employee flu shots are mandatory by Nov 30. Bring your badge."], (["Date", "Hours", "Location", "Vaccinator"], rows))

def c_benefits(r):
    paras = [f"Open enrollment runs {fdate(r, svc_date(r))} to {fdate(r, svc_date(r))}.", "Plans: PPO, HDHP with HSA, and HMO. Dependents require a birth certificate or marriage certificate for verification.",
             f"Your employee ID ({r.choice(['E', ''])}{digits(r, 6)}) is your login to the benefits portal.", "HR Benefits Team"]
    return Doc("benefits", "Open enrollment", paras)

def c_travel(r):
    s = staff(r)
    paras = [f"Itinerary for {s.name(r, 'fl')}", f"Confirmation code: {''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(6))}", f"Flight {r.choice(['UA', 'AA', 'DL', 'WN'])}{r.randint(100, 2999)} departs {fdate(r, svc_date(r))} 07:10",
             f"Hotel confirmation {digits(r, 9)}; conference: {r.choice(['HFMA Annual', 'HIMSS', 'AHIP Summit'])}."]
    return Doc("travel", "Travel itinerary", paras)

def c_minutes(r):
    paras = [f"Board of Trustees - minutes of {fdate(r, svc_date(r), 'long')}", f"Present: {', '.join(staff(r).name(r, 'fl') for _ in range(5))}.",
             f"1. The FY{r.randint(26, 27)} operating budget of ${r.randint(200, 900)}M was approved.", f"2. Occupancy averaged {r.randint(70, 95)}%; ED visits up {r.randint(1, 9)}%.", "3. Meeting adjourned 8:42 pm."]
    return Doc("board-minutes", "Board minutes", paras)

def c_equip(r):
    rows = [[r.choice(["Infusion pump", "Defibrillator", "Ventilator", "Patient monitor", "Bladder scanner"]), f"SN{digits(r, 8)}", f"BME-{digits(r, 5)}", svc_date(r), r.choice(["Pass", "Pass", "Repair"])] for _ in range(r.randint(6, 12))]
    return Doc("equipment", "Biomed PM log", ["Preventive maintenance log."], (["Device", "Serial", "Asset", "PM Date", "Result"], rows))

def c_blood_drive(r):
    return Doc("blood-drive", "Blood drive", [f"Blood drive {fdate(r, svc_date(r), 'long')} in the Education Center. Walk-ins welcome, or sign up with sponsor code {r.choice(['RRMC', 'STAG'])}{digits(r, 3)}.", "Donors must be 16+, weigh at least 110 lb and bring photo ID.", f"Coordinator: {staff(r).name(r, 'fl')}"])

def c_press(r):
    return Doc("press-release", "Press release", [f"FOR IMMEDIATE RELEASE - {fdate(r, svc_date(r), 'long')}", f"{org(r)[0]} opens new {r.choice(['Comprehensive Stroke Center', 'Cancer Institute', 'Behavioral Health Pavilion'])}.",
               f"The ${r.randint(20, 180)} million facility adds {r.randint(20, 140)} beds. \"This is a milestone for our community,\" said CEO {staff(r).name(r, 'fl')}.", f"Media contact: {staff(r).name(r, 'fl')}, {phone(r)}"])

def c_grant(r):
    rows = [[x, round(r.uniform(2000, 90000), 2)] for x in ["Personnel", "Fringe", "Supplies", "Travel", "Participant incentives", "Indirect"]]
    return Doc("grant-budget", "Grant budget", [f"Budget justification, award {r.choice(['R01', 'K23', 'U54'])}-{digits(r, 6)}. PI: {drname(r, doctor(r))}."], (["Category", "Amount (USD)"], rows))

def c_quality(r):
    rows = [[m, f"{r.uniform(60, 99):.1f}%", f"{r.uniform(60, 99):.1f}%"] for m in ["Sepsis SEP-1", "Hand hygiene", "CLABSI per 1000 line days", "30-day readmission (HF)", "Patient experience top box", "HbA1c control <8%"]]
    return Doc("quality-dashboard", "Quality dashboard", ["Quarterly quality metrics (aggregate, no patient-level data)."], (["Measure", "This Q", "Target"], rows))

def c_audit(r):
    return Doc("compliance-audit", "Audit schedule", [f"Internal audit of {r.choice(['E/M coding', 'charge capture', 'access logs', 'Part D billing'])} scheduled for week of {fdate(r, svc_date(r))}.",
               f"Auditor: {staff(r).name(r, 'fl')}. Sample size: {r.randint(20, 60)} encounters selected randomly by the audit tool; no records need to be sent by e-mail.", "Compliance Department"])

def c_coding_webinar(r):
    codes = r.sample(ICD, 4)
    return Doc("coding-education", "Coding update", ["ICD-10-CM FY2027 update webinar", "Codes discussed: " + "; ".join(f"{c} {d}" for c, d in codes) + ".",
               f"Also reviewed: CPT {r.choice(CPT)[0]} documentation requirements.", f"Webinar on {fdate(r, svc_date(r), 'long')}; 1 CEU (AAPC approved)."])

def c_edi_guide(r):
    seg = ["NM1*IL*1*<SUBSCRIBER LAST NAME>*<FIRST NAME>****MI*<MEMBER ID>~", "DMG*D8*CCYYMMDD*<GENDER CODE>~", "CLM*<PATIENT CONTROL NUMBER>*<TOTAL CHARGE>***11:B:1*Y*A*Y*Y~", "HI*ABK:<ICD-10 CODE WITHOUT DECIMAL>~"]
    return Doc("edi-guide", "837P companion guide excerpt", ["Companion guide section 4.2 - loop 2010BA. Replace the placeholders with the values from the eligibility response; the payer requires uppercase."], pre=["\n".join(seg)])

def c_hl7_spec(r):
    seg = ["PID-3   Patient Identifier List   CX   R   (MRN^^^<facility>^MR)", "PID-5   Patient Name   XPN   R   (LAST^FIRST^MIDDLE)", "PID-7   Date/Time of Birth   TS   RE   (YYYYMMDD)", "PID-19  SSN   ST   X   (not sent - masked at source)", "OBX-5   Observation Value   varies   R"]
    return Doc("interface-spec", "HL7 interface specification", [f"Interface spec v{r.randint(1, 4)}.{r.randint(0, 9)} for the {r.choice(['ADT', 'ORU', 'SIU'])} feed. Field definitions:"], pre=["\n".join(seg)])

def c_fhir_profile(r):
    x = {"resourceType": "StructureDefinition", "name": "ClinicPatient", "status": "draft", "fhirVersion": "4.0.1", "kind": "resource", "type": "Patient",
         "differential": {"element": [{"path": "Patient.identifier", "min": 1}, {"path": "Patient.birthDate", "min": 1, "short": "Date of birth (required)"}, {"path": "Patient.name.family", "min": 1}]}}
    return Doc("fhir-profile", "FHIR profile draft", ["Draft profile for the API review on " + fdate(r, svc_date(r)) + ". No test data attached."], pre=[json.dumps(x, indent=2)])

def c_es_news(r):
    return Doc("spanish-newsletter", "Boletín de salud", [f"Boletín de salud comunitaria - {MES[r.randint(0, 11)]} 2026",
               f"Este mes hablamos de la prevención de la {r.choice(['diabetes', 'hipertensión', 'influenza'])}. Las vacunas contra la gripe son gratuitas en todas nuestras clínicas.",
               f"Horario: lunes a viernes de 8:00 a 17:00. Teléfono: {phone(r)}.", "Para darse de baja, responda BAJA."], lang="es")

def c_es_horario(r):
    return Doc("spanish-admin", "Aviso", ["Aviso al personal", f"La reunión de personal será el {fdate_es(r, svc_date(r))} a las 9:00 en la sala {r.randint(1, 9)}.",
               f"Coordinadora: {Person(r, 30, 60, hisp=True).name(r, 'fl')}. Traigan sus ideas para la feria de salud."], lang="es")

def c_phone_dir(r):
    rows = [[s.name(r, 'lf'), r.choice(["Radiology", "Lab", "Billing", "Pharmacy", "Case Mgmt", "HIM"]), f"{r.randint(2000, 7999)}", f"{s.first[0].lower()}{re.sub('[^a-z]', '', unicodedata.normalize('NFKD', s.last.lower()).encode('ascii', 'ignore').decode())}@{org(r)[1]}"] for s in [staff(r) for _ in range(r.randint(8, 14))]]
    return Doc("directory", "Department phone directory", ["Updated directory."], (["Name", "Department", "Ext", "E-mail"], rows))

def c_survey(r):
    return Doc("patient-experience", "Patient experience summary", [f"HCAHPS results Q{r.randint(1, 4)}: overall rating 9-10: {r.randint(60, 85)}%; would recommend: {r.randint(65, 90)}% (n={r.randint(300, 1500)} surveys).",
               "Comments have been de-identified by the vendor before release.", f"Thanks to {staff(r).name(r, 'fl')}'s team on 3 North for the highest score."])

def c_retire(r):
    s = staff(r)
    return Doc("retirement", "Retirement", [f"After {r.randint(20, 41)} years, {s.name(r, 'fl')} is retiring from the {r.choice(['Lab', 'ICU', 'Pharmacy', 'Billing Office'])}.",
               f"Join us on {fdate(r, svc_date(r), 'long')} at 3 pm. {s.first} started here on {fdate(r, rdate(r, 1985, 2005))}."])

def c_supplies(r):
    rows = [[f"{digits(r, 6)}", r.choice(["Foley catheter 16Fr", "Syringe 10 mL", "Alcohol prep pads", "N95 respirator", "Blood culture bottles"]), f"LOT{digits(r, 7)}", rdate(r, 2026, 2028), r.randint(0, 400)] for _ in range(r.randint(6, 12))]
    return Doc("inventory", "Supply inventory", ["Par levels and expiration check."], (["Item #", "Description", "Lot", "Expires", "On Hand"], rows))

def c_po_list(r):
    rows = [[f"PO-{digits(r, 7)}", r.choice(["Medline", "Cardinal Health", "McKesson", "Owens & Minor", "Stryker"]), svc_date(r), round(r.uniform(200, 80000), 2), r.choice(["Open", "Received", "Closed"])] for _ in range(r.randint(6, 12))]
    return Doc("purchase-orders", "Open purchase orders", ["PO status report."], (["PO Number", "Vendor", "Order Date", "Amount", "Status"], rows))

def c_training_roster(r):
    rows = [[s.name(r, 'lf'), f"E{digits(r, 6)}", r.choice(["BLS", "ACLS", "HIPAA 2026", "Fire safety"]), svc_date(r), r.choice(["Complete", "Overdue", "In progress"])] for s in [staff(r) for _ in range(r.randint(8, 15))]]
    return Doc("training-roster", "Training compliance", ["Education compliance by employee."], (["Employee", "Employee ID", "Course", "Due Date", "Status"], rows))

def c_room_bookings(r):
    rows = [[svc_date(r), f"{r.randint(8, 16)}:00", r.choice(["Board Room", "Classroom 2", "Sim Lab"]), staff(r).name(r, 'fl'), r.choice(["Budget review", "Interview", "Orientation", "Vendor demo"])] for _ in range(r.randint(6, 12))]
    return Doc("room-bookings", "Room bookings", ["Conference room bookings."], (["Date", "Start", "Room", "Booked By", "Purpose"], rows))

def c_nurse_schedule(r):
    rows = [[s.name(r, 'lfm'), r.choice(["RN", "LPN", "CNA"]), *[r.choice(["D", "N", "-", "-", "D12", "N12"]) for _ in range(7)]] for s in [staff(r) for _ in range(r.randint(8, 14))]]
    st = svc_date(r)
    return Doc("staff-schedule", "Nursing schedule", [f"4 West staffing schedule for the week of {fdate(r, st)}."], (["Staff", "Role"] + [(st + dtm.timedelta(days=i)).strftime("%a %m/%d") for i in range(7)], rows))

def c_volume_stats(r):
    rows = [[D8(2025, m, 1), r.randint(2000, 5000), r.randint(300, 900), r.randint(100, 400), f"{r.uniform(3, 6):.1f}"] for m in range(1, r.randint(7, 13))]
    return Doc("deidentified-stats", "Monthly volume", ["Monthly volume report - aggregate."], (["Month", "ED Visits", "Admissions", "Surgeries", "ALOS"], rows))

CLEAN_TEXT = [c_meeting, c_newsletter, c_recall, c_invoice, c_gym, c_car_ins, c_it_ticket, c_mbi_training, c_ssn_training,
              c_dob_notice, c_birthday, c_job, c_vendor, c_hipaa_reminder, c_policy, c_parking, c_gala, c_grand_rounds,
              c_trial, c_benefits, c_travel, c_minutes, c_blood_drive, c_press, c_audit, c_coding_webinar, c_edi_guide,
              c_hl7_spec, c_fhir_profile, c_es_news, c_es_horario, c_survey, c_retire,
              c_oncall, c_deid_stats, c_menu, c_formulary, c_flu_clinic, c_equip, c_grant, c_quality, c_phone_dir]
CLEAN_TABLE = [c_oncall, c_deid_stats, c_menu, c_formulary, c_flu_clinic, c_equip, c_grant, c_quality, c_phone_dir,
               c_supplies, c_po_list, c_training_roster, c_room_bookings, c_nurse_schedule, c_volume_stats, c_invoice]

# ----------------------------------------------------------------- renderers
from xml.sax.saxutils import escape as xesc

def cell_str(r, v, dstyle):
    if isinstance(v, D8): return fdate(r, v, dstyle)
    if isinstance(v, float): return f"{v:,.2f}" if v > 100 else f"{v}"
    return str(v)

def table_text(r, doc, dstyle, mode=None):
    hdr, rows = doc.table
    srows = [[cell_str(r, v, dstyle) for v in row] for row in rows]
    mode = mode or r.choice(["pipe", "align", "tab"])
    if mode == "tab": return "\n".join("\t".join(x) for x in [hdr] + srows)
    if mode == "pipe": return "\n".join(" | ".join(x) for x in [hdr] + srows)
    w = [max(len(str(x[i])) for x in [hdr] + srows) for i in range(len(hdr))]
    return "\n".join("  ".join(str(c).ljust(w[i]) for i, c in enumerate(x)).rstrip() for x in [hdr] + srows)

def doc_text(r, doc, with_title=None):
    ds = r.choice(["mdy", "iso", "mdy_short", "dmy_abbr", "m_d_yyyy"])
    parts = []
    if with_title if with_title is not None else r.random() < 0.4: parts.append(doc.title)
    parts += doc.paras
    if doc.table: parts.append(table_text(r, doc, ds))
    parts += doc.pre
    return "\n\n".join(parts), ds

def doc_html(r, doc, logo_cid=None, who=None):
    ds = r.choice(["mdy", "iso", "long", "dmy_abbr"])
    h = ['<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">']
    if r.random() < 0.5: h.append(f"<h3>{xesc(doc.title)}</h3>")
    for p in doc.paras:
        h.append("<p>" + xesc(p).replace("\n", "<br>") + "</p>")
    if doc.table:
        hdr, rows = doc.table
        h.append('<table border="1" cellpadding="2" width="100%" style="border-collapse:collapse;font-size:8pt">')
        h.append("<tr>" + "".join(f"<th>{xesc(str(c))}</th>" for c in hdr) + "</tr>")
        for row in rows:
            h.append("<tr>" + "".join(f"<td>{xesc(cell_str(r, c, ds))}</td>" for c in row) + "</tr>")
        h.append("</table>")
    for b in doc.pre:
        h.append('<pre style="font-family:Consolas,monospace;font-size:9pt">' + xesc(b) + "</pre>")
    if logo_cid:
        h.append(f'<p style="color:#555">--<br>{xesc(who or "")}<br><img src="cid:{logo_cid}" alt="logo" width="160" height="48"></p>')
    h.append("</body></html>")
    return "\n".join(h), ds

def wrap_lines(text, width):
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut < width // 2: cut = width
            out.append(line[:cut]); line = line[cut:].lstrip(" ")
        out.append(line)
    return out

_img_cache = {}
def png_logo(orgname, w=160, h=48, letterhead=False):
    key = (orgname, w, h, letterhead)
    if key in _img_cache: return _img_cache[key]
    from PIL import Image, ImageDraw, ImageFont
    hsh = int(hashlib.sha256(orgname.encode()).hexdigest(), 16)
    col = ((hsh >> 8) % 160, (hsh >> 16) % 160 + 40, (hsh >> 24) % 160 + 60)
    im = Image.new("RGB", (w, h), "white"); dr = ImageDraw.Draw(im)
    dr.rectangle([0, 0, h - 1, h - 1], fill=col)
    dr.ellipse([h // 4, h // 4, 3 * h // 4, 3 * h // 4], fill="white")
    font = ImageFont.truetype(DEJAVU_B, 18 if letterhead else 11)
    dr.text((h + 8, h // 2 - (12 if letterhead else 8)), orgname, fill=col, font=font)
    if letterhead: dr.line([0, h - 2, w, h - 2], fill=col, width=2)
    b = io.BytesIO(); im.save(b, "PNG", optimize=True); _img_cache[key] = b.getvalue()
    return _img_cache[key]

def pdf_reportlab(r, doc, orgname):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Preformatted, Table, TableStyle, Spacer
    from reportlab.lib import colors
    ss = getSampleStyleSheet(); buf = io.BytesIO()
    ds = r.choice(["mdy", "iso", "long", "dmy_abbr"])
    d = SimpleDocTemplate(buf, pagesize=letter, title=lat1(doc.title), author=lat1(orgname), leftMargin=54, rightMargin=54, topMargin=54, bottomMargin=54)
    fl = [Paragraph(xesc(lat1(orgname)), ss["Heading4"]), Paragraph(xesc(lat1(doc.title)), ss["Heading2"])]
    for p in doc.paras: fl.append(Paragraph(xesc(lat1(p)).replace("\n", "<br/>"), ss["BodyText"]))
    if doc.table:
        hdr, rows = doc.table
        data = [[lat1(str(c)) for c in hdr]] + [[lat1(cell_str(r, c, ds))[:40] for c in row] for row in rows]
        t = Table(data, repeatRows=1)
        t.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 7), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
        fl += [Spacer(1, 6), t]
    for b in doc.pre: fl.append(Preformatted("\n".join(wrap_lines(lat1(b), 100)), ss["Code"]))
    d.build(fl)
    return buf.getvalue()

def pdf_fpdf(r, doc, orgname, ttf):
    from fpdf import FPDF
    pdf = FPDF(format="letter"); pdf.set_creation_date(dtm.datetime(2026, 6, 1, tzinfo=dtm.timezone.utc))
    pdf.set_title(doc.title if ttf else lat1(doc.title)); pdf.set_author(orgname); pdf.set_producer("fpdf2 2.8")
    if ttf:
        pdf.add_font("DejaVu", "", DEJAVU); pdf.add_font("DejaVu", "B", DEJAVU_B); fam = "DejaVu"; conv = lambda s: s
    else:
        fam = "Helvetica"; conv = lat1
    _c = conv; conv = lambda x: _c(x).replace("\t", "    ")
    pdf.add_page(); pdf.set_auto_page_break(True, 15)
    if r.random() < 0.5:
        pdf.image(io.BytesIO(png_logo(orgname, 480, 60, True)), x=10, y=8, w=120); pdf.set_y(26)
    else:
        pdf.set_font(fam, "B", 10); pdf.cell(0, 6, conv(orgname), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fam, "B", 13); pdf.multi_cell(0, 8, conv(doc.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fam, "", 10)
    for p in doc.paras:
        pdf.multi_cell(0, 5, conv(p), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
    ds = r.choice(["mdy", "iso", "dmy_abbr"])
    if doc.table:
        pdf.set_font(fam, "", 7)
        for line in table_text(r, doc, ds, "pipe").split("\n"):
            pdf.multi_cell(0, 4, conv(line), new_x="LMARGIN", new_y="NEXT")
    if doc.pre:
        if ttf: pdf.add_font("DejaVuMono", "", DEJAVU.replace("DejaVuSans.ttf", "DejaVuSansMono.ttf")); pdf.set_font("DejaVuMono", "", 7)
        else: pdf.set_font("Courier", "", 7)
        for b in doc.pre:
            for line in wrap_lines(b, 110): pdf.multi_cell(0, 3.5, conv(line) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

def ps_escape(s):
    out = []
    for ch in lat1(s):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "".join(out)

def make_ps(r, doc, orgname):
    ds = r.choice(["mdy", "iso", "long"])
    items = [("HB", orgname), ("HB", doc.title), ("H", "")]
    for p in doc.paras:
        items += [("H", l) for l in wrap_lines(p, 92)] + [("H", "")]
    if doc.table: items += [("C", l) for l in wrap_lines(table_text(r, doc, ds, "align"), 105)]
    for b in doc.pre: items += [("C", l) for l in wrap_lines(b, 105)]
    ps = ["%!PS-Adobe-3.0", f"%%Title: ({ps_escape(doc.title)})", "%%Creator: corpus generate.py", "%%Pages: (atend)", "%%EndComments",
          "/reenc { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding def currentdict end definefont pop } def",
          "/HL /Helvetica reenc /HBL /Helvetica-Bold reenc /CL /Courier reenc"]
    y = 740; page = 1; ps.append("%%Page: 1 1")
    for kind, txt in items[:150]:
        if y < 60:
            ps.append("showpage"); page += 1; ps.append(f"%%Page: {page} {page}"); y = 740
            if page > 2: break
        font, size, lead = {"HB": ("/HBL", 12, 16), "H": ("/HL", 10, 13), "C": ("/CL", 7.5, 10)}[kind]
        if txt: ps.append(f"{font} findfont {size} scalefont setfont 54 {y} moveto ({ps_escape(txt)}) show")
        y -= lead
    ps += ["showpage", "%%Trailer", f"%%Pages: {page}", "%%EOF"]
    return "\n".join(ps) + "\n"

def gs_distill(src_path, out_path):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.5", f"-sOutputFile={out_path}", src_path], check=True)
    with open(out_path, "rb") as f: return f.read()

def make_docx(r, doc, orgname, letterhead):
    import docx
    from docx.shared import Pt, Inches
    d = docx.Document()
    d.core_properties.author = orgname; d.core_properties.title = doc.title
    d.core_properties.created = dtm.datetime(2026, 6, 1); d.core_properties.modified = dtm.datetime(2026, 6, 1)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    if letterhead: hp.add_run().add_picture(io.BytesIO(png_logo(orgname, 600, 70, True)), width=Inches(4.5))
    else: hp.text = orgname
    fp = sec.footer.paragraphs[0]; fp.text = r.choice(["Confidential", f"{orgname} | {phone(r)}", "Page 1", "Internal use only", ""])
    d.add_heading(doc.title, level=r.choice([1, 2]))
    for p in doc.paras: d.add_paragraph(p)
    ds = r.choice(["mdy", "iso", "long", "dmy_abbr"])
    if doc.table:
        hdr, rows = doc.table
        t = d.add_table(rows=1, cols=len(hdr)); t.style = "Table Grid"
        for i, c in enumerate(hdr): t.rows[0].cells[i].text = str(c)
        for row in rows:
            cells = t.add_row().cells
            for i, c in enumerate(row): cells[i].text = cell_str(r, c, ds)
    for b in doc.pre:
        par = d.add_paragraph()
        run = par.add_run(b); run.font.name = "Courier New"; run.font.size = Pt(7.5)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

def make_xlsx(r, doc):
    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook(); ws = wb.active
    ws.title = re.sub(r"[^A-Za-z0-9 ]", "", doc.title)[:28] or "Sheet1"
    wb.properties.created = dtm.datetime(2026, 6, 1); wb.properties.modified = dtm.datetime(2026, 6, 1)
    hdr, rows = doc.table
    ws.append(list(hdr))
    for c in ws[1]: c.font = Font(bold=True)
    nf = r.choice(["mm/dd/yyyy", "yyyy-mm-dd", "m/d/yy", "dd-mmm-yyyy"])
    for row in rows:
        ws.append(list(row))
        for c in ws[ws.max_row]:
            if isinstance(c.value, dtm.date): c.number_format = nf
    for i, h in enumerate(hdr):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = max(10, min(40, len(str(h)) + 6))
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def make_csv(r, doc, delim):
    ds = r.choice(["mdy", "iso", "compact", "m_d_yyyy"])
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, lineterminator="\r\n")
    hdr, rows = doc.table
    w.writerow(hdr)
    for row in rows: w.writerow([cell_str(r, c, ds) if not isinstance(c, float) else f"{c:.2f}" for c in row])
    data = s.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if r.random() < 0.3 else data

def fix_zip(data):
    """rewrite an OOXML zip with fixed member timestamps so python-docx/openpyxl output is reproducible"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-06-01T00:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 6, 1, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()

def make_zip(entries):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=(2026, 5, 28, 9, 30, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return b.getvalue()

# ----------------------------------------------------------------- e-mail assembly
SMTP = policy.SMTP
PARTNER_DOMAINS = ["summithealthplan.com", "cascadiamutual.com", "northfieldlabs.com", "pvortho.com", "sierraonc.com",
                   "mesaverdehealth.org", "stagneshosp.org", "medlinevendor.com", "hartvegalaw.com", "countyhealth.gov",
                   "securefax-relay.net", "gmail.com", "outlook.com"]
ROLES = ["referrals", "intake", "scheduling", "billing", "claims", "providerservices", "records", "pharmacy", "um", "labclient", "ap", "hr", "it-help"]
COVER = ["Please see attached.", "Attached as discussed.", "Hi,\n\nPlease find the attached document.\n\nThanks,", "See attachment.",
         "Hello,\n\nAttached is the file you requested. Let me know if you need anything else.", "Sending this over for your review.",
         "Please review the attached and let me know.", "FYI - attached.", "Here you go.", "Attached for your records.",
         "Good morning,\n\nAttached please find the requested document.\n\nRegards,", "Scanned document attached.",
         "Por favor vea el archivo adjunto.", "Re-sending the attachment; the first one bounced."]
GEN_SUBJ = ["Requested document", "Document", "Scan", "Follow-up", "Attached", "Report", "Files for review", "Fax",
            "Re: your request", "Documents", "Update", "Info you asked for", "Secure message", "Today's file"]

def addr(r, person, domain, role=False):
    if role: local = r.choice(ROLES)
    else:
        local = unicodedata.normalize('NFKD', f"{person.first[0]}{person.last}".lower()).encode('ascii', 'ignore').decode()
        local = re.sub(r"[^a-z0-9]", "", local) + (str(r.randint(1, 9)) if r.random() < 0.2 else "")
    return local + "@" + domain

def base_msg(r, subject, o=None, to_name=None, cc=None):
    o = o or org(r); s = staff(r)
    m = EmailMessage(policy=SMTP)
    m["From"] = formataddr((f"{s.first} {s.last}", addr(r, s, o[1])))
    dom = r.choice(PARTNER_DOMAINS); t = staff(r)
    role = r.random() < 0.5
    m["To"] = formataddr((to_name if to_name is not None else ("" if role else f"{t.first} {t.last}"), addr(r, t, dom, role)))
    if cc: m["Cc"] = cc
    m["Subject"] = subject
    dt = dtm.datetime(2026, r.randint(1, 5), r.randint(1, 28), r.randint(6, 19), r.randint(0, 59), r.randint(0, 59),
                      tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 6, 7, 8]))))
    m["Date"] = format_datetime(dt)
    m["Message-ID"] = f"<{digits(r, 12)}.{digits(r, 6)}@{o[1]}>"
    if r.random() < 0.4: m["X-Mailer"] = r.choice(["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "Zimbra 9.0", "Thunderbird 128.3"])
    return m, s, o, dt

def set_body(r, m, text, html=None, logo=None, o=None, s=None):
    if html is None:
        m.set_content(text); return
    m.set_content(text)
    m.add_alternative(html, subtype="html")
    if logo:
        m.get_payload()[1].add_related(logo[1], "image", "png", cid=f"<{logo[0]}>", filename="logo.png", disposition="inline")

def cover_body(r, m, o, s):
    txt = r.choice(COVER) + (f"\n\n{s.first} {s.last}\n{o[0]}" if r.random() < 0.7 else "")
    if r.random() < 0.35:
        cid = f"logo{digits(r, 6)}@{o[1]}"
        html = "<html><body><p>" + xesc(txt).replace("\n", "<br>") + f'</p><p><img src="cid:{cid}" width="160" height="48" alt="{xesc(o[0])}"></p></body></html>'
        set_body(r, m, txt, html, (cid, png_logo(o[0])))
    else:
        m.set_content(txt)

def inline_logo(r, m, o):
    """signature image sent the Apple-Mail way: text/plain + inline image/png in multipart/mixed"""
    m.add_attachment(png_logo(o[0]), "image", "png", filename=r.choice(["image001.png", "logo.png", "signature.png"]), disposition="inline")

def cycler(lst):
    pool = []
    def nxt():
        if not pool:
            pool.extend(lst); R.shuffle(pool)
        return pool.pop()
    return nxt

class Ctx:
    def __init__(self, tmp):
        self.tmp = tmp; self.lo = {"docx2pdf": [], "html2pdf": [], "html2docx": [], "xlsx2xlsx": []}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
        self.n = 0
    def lo_job(self, kind, srcname, data, outext):
        self.n += 1
        base = f"f{self.n:04d}_{srcname}"
        p = os.path.join(self.tmp, kind, "in", base)
        with open(p, "wb" if isinstance(data, bytes) else "w") as f: f.write(data)
        self.lo[kind].append(p)
        return ("LO", os.path.join(self.tmp, kind, "out", os.path.splitext(base)[0] + "." + outext))

def attach(m, data, fname):
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"),
          "tsv": ("text", "tab-separated-values"), "txt": ("text", "plain"), "zip": ("application", "zip")}[ext]
    if mt[0] == "text": m.add_attachment(data, mt[0], mt[1], filename=fname, params={"charset": "utf-8"})
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def fname_for(r, doc, ext):
    stem = r.choice([doc.cat, "document", "scan", "report", "export", "file", doc.cat.replace("-", "_")])
    return f"{stem}_{r.randint(1, 9999):04d}.{ext}"

def build_attachment(r, ctx, carrier, doc, o, label):
    """returns (filename, data or LO placeholder)"""
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), pdf_reportlab(r, doc, o[0])
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), pdf_fpdf(r, doc, o[0], r.random() < 0.55)
    if carrier == "pdf-ghostscript":
        ctx.n += 1; tp = os.path.join(ctx.tmp, f"gs{ctx.n:04d}")
        if r.random() < 0.55:
            with open(tp + ".ps", "w", encoding="latin-1") as f: f.write(make_ps(r, doc, o[0]))
            src = tp + ".ps"
        else:
            with open(tp + "_rl.pdf", "wb") as f: f.write(pdf_reportlab(r, doc, o[0]) if r.random() < 0.6 else pdf_fpdf(r, doc, o[0], True))
            src = tp + "_rl.pdf"
        return fname_for(r, doc, "pdf"), gs_distill(src, tp + ".pdf")
    if carrier == "pdf-libreoffice":
        if r.random() < 0.6:
            return fname_for(r, doc, "pdf"), ctx.lo_job("docx2pdf", "d.docx", make_docx(r, doc, o[0], r.random() < 0.4), "pdf")
        html, _ = doc_html(r, doc)
        return fname_for(r, doc, "pdf"), ctx.lo_job("html2pdf", "h.html", html, "pdf")
    if carrier == "docx":
        if r.random() < 0.65:
            return fname_for(r, doc, "docx"), make_docx(r, doc, o[0], r.random() < (0.5 if label == "clean" else 0.25))
        html, _ = doc_html(r, doc)
        return fname_for(r, doc, "docx"), ctx.lo_job("html2docx", "h.html", html, "docx")
    if carrier == "xlsx":
        x = make_xlsx(r, doc)
        if r.random() < 0.45: return fname_for(r, doc, "xlsx"), ctx.lo_job("xlsx2xlsx", "x.xlsx", x, "xlsx")
        return fname_for(r, doc, "xlsx"), x
    if carrier == "csv":
        delim = r.choice([",", ",", "\t"])
        return fname_for(r, doc, "csv" if delim == "," else r.choice(["tsv", "txt"])), make_csv(r, doc, delim)
    if carrier == "zip":
        kinds = ["pdf", "docx"] + (["xlsx", "csv"] if doc.table else [])
        k = r.choice(kinds)
        inner = {"pdf": lambda: pdf_reportlab(r, doc, o[0]), "docx": lambda: make_docx(r, doc, o[0], r.random() < 0.3),
                 "xlsx": lambda: make_xlsx(r, doc), "csv": lambda: make_csv(r, doc, ",")}[k]()
        iname = fname_for(r, doc, k)
        if r.random() < 0.3: iname = r.choice(["export/", "docs/", "Scans/"]) + iname
        return r.choice(["documents", "files", "export", "archive", "scan"]) + f"_{r.randint(1, 999):03d}.zip", make_zip([(iname, inner)])
    raise ValueError(carrier)

# ---- header-carrier variants
def hdr_phi(r, m_extra):
    p = Person(r); dx = r.choice(ICD); sp = r.choice(SPECIALTIES)
    v = r.randrange(10)
    cat = "header-phi"
    subj, to_name, cc, xh = None, None, None, {}
    if v == 0: subj = f"{p.name(r, r.choice(['lfm', 'LFM', 'lf']))} (DOB {fdate(r, p.dob)}) - {r.choice(['lab results', 'prior auth denied', 'referral to ' + sp.lower(), 'discharge follow-up'])}"
    elif v == 1: subj = f"MRN {p.mrn} {p.last} - {dx[1].lower()} follow-up"
    elif v == 2: to_name = f"{p.name(r, 'lf')} (DOB {fdate(r, p.dob, r.choice(['mdy', 'mdy_short']))})"; subj = r.choice(["Referral", "Records request", "Scheduling"])
    elif v == 3: cc = formataddr((f"Pt: {p.name(r, 'lf')} - MRN {p.mrn}", "chartdesk@" + org(r)[1])); subj = r.choice(["Chart copy", "Pathology", "FYI"])
    elif v == 4: xh = {"X-Fax-Subject": f"{p.last} {p.first} DOB {fdate(r, p.dob)} - {r.choice(['pathology', 'CT result', 'H&P'])}", "X-Fax-Pages": str(r.randint(1, 9))}; subj = "Fax received"
    elif v == 5: xh = {"Thread-Topic": f"{p.name(r, 'lfm')} - {r.choice(LBL['mem'])} {p.mem} - appeal of denied {r.choice(['MRI', 'infusion', 'inpatient stay'])}",
                       "Thread-Index": base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()}; subj = "Appeal"
    elif v == 6: xh = {"Keywords": f"patient: {p.name(r, 'lf')}; DOB {p.dob.isoformat()}; dx {dx[0]}"}; subj = r.choice(["Case review", "Tumor board", "Notes"])
    elif v == 7: subj = f"Resultados de {p.name(r, 'fl')} - fecha de nacimiento {fdate_es(r, p.dob)}"
    elif v == 8: subj = f"{p.name(r)} SSN {p.ssn} - {r.choice(['Medicaid application', 'charity care', 'disability paperwork'])}"
    else: xh = {r.choice(["X-Claim-Ref", "X-Patient-Ref", "X-Case-ID"]): f"Claim {claimno(r)} / Member {p.name(r, 'FL')} / {p.mem} / DOS {fdate(r, svc_date(r))} / {dx[0]}"}; subj = "Claim question"
    return subj, to_name, cc, xh, cat

HDR_BODY = ["Please call me when you have a minute.", "See the secure portal message for details.", "Can you take a look at this one today?",
            "Routing to you per the usual process.", "Thanks - please handle.", "Left you a voicemail as well.", "Following up on our call this morning.",
            "Hola, ¿me puede llamar cuando pueda?", "Please confirm receipt."]

def hdr_clean(r):
    s = staff(r); v = r.randrange(10)
    subj, to_name, cc, xh = None, None, None, {}
    if v == 0: subj = f"Staff meeting moved to {fdate(r, svc_date(r))}"; to_name = f"{s.name(r, 'lf')} ({r.choice(['Radiology', 'Finance', 'HIM', 'Pharmacy'])})"
    elif v == 1: subj = f"{s.name(r, 'lf')} (start date {fdate(r, svc_date(r))}) - onboarding"
    elif v == 2: subj = f"Happy birthday {s.first}! ({D8(2026, s.dob.month, min(s.dob.day, 28)).strftime('%m/%d')})"
    elif v == 3: xh = {"X-Ticket-ID": f"INC{digits(r, 7)} - {s.name(r, 'lf')} - {r.choice(['VPN', 'printer', 'badge access'])}"}; subj = "Your ticket was updated"
    elif v == 4: xh = {"Thread-Topic": f"FY27 budget - {s.last}", "Thread-Index": base64.b64encode(bytes(r.randrange(256) for _ in range(22))).decode()}; subj = "Budget"
    elif v == 5: xh = {"Keywords": r.choice(["newsletter; wellness; diabetes awareness", "policy; hand hygiene", "vendor; PO " + digits(r, 8)])}; subj = r.choice(["Newsletter", "Policy update", "PO status"])
    elif v == 6: cc = formataddr((f"{s.name(r, 'lf')} (ext {r.randint(2000, 7999)})", addr(r, s, org(r)[1]))); subj = "Lunch order"
    elif v == 7: xh = {"X-Employee-ID": f"E{digits(r, 6)}"}; subj = f"Timecard reminder for {s.name(r, 'fl')}"
    elif v == 8: subj = f"Reunión de equipo - {fdate_es(r, svc_date(r))}"
    else: subj = f"Invoice {digits(r, 7)} / PO-{digits(r, 8)} from {r.choice(['Medline', 'Stryker', 'Cardinal'])}"
    return subj, to_name, cc, xh, "header-clean"

def forward_wrap(r, inner_text, inner_subj, o):
    a = staff(r); t = staff(r)
    when = dtm.datetime(2026, r.randint(1, 5), r.randint(1, 28), r.randint(7, 18), r.randint(0, 59))
    fa = f"{a.first} {a.last} <{addr(r, a, r.choice(PARTNER_DOMAINS))}>"
    style = r.randrange(3)
    if style == 0:
        head = f"-----Original Message-----\nFrom: {fa}\nSent: {when.strftime('%A, %B %d, %Y %I:%M %p')}\nTo: {t.first} {t.last}\nSubject: {inner_subj}\n\n"
        return head + inner_text, "RE: " if r.random() < 0.5 else "FW: "
    if style == 1:
        head = f"---------- Forwarded message ---------\nFrom: {fa}\nDate: {when.strftime('%a, %b %d, %Y at %I:%M %p')}\nSubject: {inner_subj}\nTo: <{addr(r, t, o[1])}>\n\n"
        return head + inner_text, "Fwd: "
    head = f"On {when.strftime('%a, %b %d, %Y at %I:%M %p')}, {fa} wrote:\n"
    return head + "\n".join(("> " + l) if l else ">" for l in inner_text.split("\n")), "Re: "

FWD_TOP = ["FYI - see below.", "Can you handle this one?", "Forwarding for your records.", "Please see the thread below and advise.",
           "Adding you to this thread.", "See below, thanks.", "Looping in billing.", "Who owns this?", "Reenvío lo de abajo."]

def build_message(r, ctx, carrier, label, tmpl):
    o = org(r)
    if carrier == "header":
        subj, to_name, cc, xh, cat = hdr_phi(r, None) if label == "phi" else hdr_clean(r)
        m, s, o, dt = base_msg(r, subj, o, to_name, cc)
        for k, v in xh.items(): m[k] = v
        if label == "phi": m.set_content(r.choice(HDR_BODY) + f"\n\n{s.first}\n")
        elif r.random() < 0.45:
            m.set_content(r.choice(HDR_BODY + ["See you there.", "Thanks for the quick turnaround!", "Approved - go ahead."]) + f"\n\n{s.first}\n")
        else:
            doc = tmpl(r); txt, _ = doc_text(r, doc); m.set_content(txt + f"\n\n{s.first} {s.last}\n")
        if r.random() < (0.3 if label == "clean" else 0.15): inline_logo(r, m, o)
        return m, cat
    doc = tmpl(r)
    if carrier in ("plain", "html"):
        m, s, o, dt = base_msg(r, doc.title if r.random() < 0.6 else r.choice(GEN_SUBJ), o)
        txt, _ = doc_text(r, doc, False)
        sg = f"\n\n--\n{s.first} {s.last}\n{o[0]}"
        if carrier == "plain":
            m.set_content(txt + sg)
            if r.random() < (0.35 if label == "clean" else 0.15): inline_logo(r, m, o)
        else:
            logo = None
            if r.random() < (0.5 if label == "clean" else 0.3):
                logo = (f"siglogo{digits(r, 5)}@{o[1]}", png_logo(o[0]))
            html, _ = doc_html(r, doc, logo[0] if logo else None, f"{s.first} {s.last}, {o[0]}")
            set_body(r, m, txt + sg, html, logo)
        return m, doc.cat
    if carrier == "forwarded":
        txt, _ = doc_text(r, doc, False)
        isubj = doc.title
        if r.random() < 0.25:  # attached message/rfc822
            inner, _, _, _ = base_msg(r, isubj)
            inner.set_content(txt)
            m, s, o, dt = base_msg(r, "FW: " + isubj, o)
            m.set_content(r.choice(FWD_TOP) + f"\n\n{s.first}")
            m.add_attachment(inner)
            return m, doc.cat
        body, pfx = forward_wrap(r, txt, isubj, o)
        m, s, o, dt = base_msg(r, pfx + isubj, o)
        m.set_content(r.choice(FWD_TOP) + f"\n\n{s.first}\n\n" + body)
        if r.random() < (0.3 if label == "clean" else 0.15): inline_logo(r, m, o)
        return m, doc.cat
    # attachment carriers
    subj = r.choice(GEN_SUBJ) if (label == "phi" or r.random() < 0.4) else doc.title
    m, s, o, dt = base_msg(r, subj, o)
    cover_body(r, m, o, s)
    fname, data = build_attachment(r, ctx, carrier, doc, o, label)
    m._pending = (fname, data)
    return m, doc.cat

CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19

def split_of(fname): return "tune" if int(hashlib.sha256(fname.encode()).hexdigest(), 16) % 2 == 0 else "test"

def run_lo(ctx):
    prof = "file://" + os.path.join(ctx.tmp, "lo-profile")
    for kind, files in ctx.lo.items():
        if not files: continue
        outdir = os.path.join(ctx.tmp, kind, "out")
        args = ["soffice", f"-env:UserInstallation={prof}", "--headless"]
        if kind.startswith("html"): args.append("--infilter=HTML (StarWriter)")
        args += ["--convert-to", {"docx2pdf": "pdf", "html2pdf": "pdf:writer_pdf_Export", "html2docx": "docx:MS Word 2007 XML", "xlsx2xlsx": "xlsx:Calc Office Open XML"}[kind], "--outdir", outdir] + files
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def main():
    t0 = dtm.datetime.now()
    # only batch 1's files: batch 2 (generate_b2.py, b2-*.eml) and its manifest rows are kept
    other_rows = []
    if os.path.exists(os.path.join(OUT, "manifest.tsv")):
        with open(os.path.join(OUT, "manifest.tsv"), encoding="utf-8") as f:
            other_rows = [ln for ln in f.read().split("\n")[1:] if ln and not ln.startswith("msg-")]
    for f in os.listdir(OUT):
        if f.startswith("msg-") and f.endswith(".eml"): os.remove(os.path.join(OUT, f))
    specs = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(specs)
    cyc = {"phi_text": cycler(PHI_TEXT + PHI_TABLE), "phi_table": cycler(PHI_TABLE),
           "clean_text": cycler(CLEAN_TEXT + CLEAN_TABLE[9:]), "clean_table": cycler(CLEAN_TABLE)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-")
    ctx = Ctx(tmp); built = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            if carrier in ("xlsx", "csv"): tmpl = cyc[f"{label}_table"]()
            else: tmpl = cyc[f"{label}_text"]()
            m, cat = build_message(R, ctx, carrier, label, tmpl)
            built.append((f"msg-{i:04d}.eml", label, carrier, cat, m))
        run_lo(ctx)
        rows = []
        for fname, label, carrier, cat, m in built:
            pend = getattr(m, "_pending", None)
            if pend:
                an, data = pend
                if isinstance(data, tuple) and data[0] == "LO":
                    with open(data[1], "rb") as f: data = f.read()
                    if an.endswith((".docx", ".xlsx")): data = fix_zip(data)
                attach(m, data, an)
                del m._pending
            # deterministic MIME boundaries (the email package would pick random ones)
            for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
                part.set_boundary(f"=_part{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:24])
            with open(os.path.join(OUT, fname), "wb") as f: f.write(m.as_bytes(policy=SMTP))
            rows.append((fname, label, carrier, cat, split_of(fname)))
        with open(os.path.join(OUT, "manifest.tsv"), "w", newline="\n") as f:
            f.write("file\tlabel\tcarrier\tcategory\tsplit\n")
            for row in rows: f.write("\t".join(row) + "\n")
            for ln in other_rows: f.write(ln + "\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(rows)} messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
