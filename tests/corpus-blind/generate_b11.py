#!/usr/bin/python3
"""Batch 11 of the blind DLP corpus: b11-0001.eml ... b11-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by an eleventh author from BRIEF.md (see README "Batch 11").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b10.py's wiring.

Weight on: PHI carried only in headers (EHR in-basket and fax-server subjects, calendar invitations/replies, display
names, Thread-Topic/Keywords/Comments/Organization/X-* headers from scanners, fax gateways, ticketing and document
systems, RFC 2047 encoded words, long folded headers) and their clean look-alikes; fpdf2 PDFs with varied layouts
(boxed forms, letters, two-column, wrapped tables, small print, rotated stamps); narratives that name the patient once
and then refer to them indirectly; lists with unusual patient-column headers; hard clean look-alikes.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import copy, csv, datetime as dtm, hashlib, io, os, random, re, shutil, subprocess, sys, tempfile, unicodedata
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261212
R = random.Random(SEED)
PREFIX = "b11-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 12)

def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", lat1(str(s))) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))

# ================================================================== people
GIVEN_F = ["Rosemary", "Tamika", "Haruka", "Ingrid", "Soledad", "Yolanda", "Priyanka", "Oluwaseun", "Bernadette", "Thuy", "Agnieszka", "Dagny", "Maëlle", "Zofia", "Keisha",
           "Marisela", "Noor", "Wilhelmina", "Consuelo", "Lorraine", "Xiomara", "Ebony", "Annelise", "Fatima", "Carmen Rosa"]
GIVEN_M = ["Desmond", "Ignacio", "Takeshi", "Lars", "Ezequiel", "Otis", "Rajiv", "Chukwuemeka", "Bartholomew", "Quang", "Tomasz", "Sigurd", "Rémy", "Dariusz", "Tyrell",
           "Leopoldo", "Karim", "Ambrose", "Héctor", "Virgil", "Ulises", "Jamal", "Cornelius", "Yusuf", "Juan Pablo"]
FAMILY = ["Okonkwo", "Brandvold", "Yamaguchi", "Castellanos", "Fairweather", "Pham", "Kowalczyk", "Ruiz-Tagle", "de la Fuente", "van Houten", "MacLellan", "Abernathy",
          "Szymańska", "Nakashima", "Delacroix", "Oyelaran", "Quintanilla", "Haugen", "Villalobos", "St. Pierre", "O'Donoghue", "Balasubramanian", "Whitfield", "Lindqvist",
          "del Río", "Achterberg", "Mbeki", "Trujillo", "Blackfeather", "Hargrove", "Ellingson", "Nováková", "Ferreira da Costa", "Tran", "Goldberg", "Iwu", "Zielinski"]
SUFF = ["", "", "", "", "", "", "", "", "Jr.", "Sr.", "III", "II"]
STREETS = ["Sandpiper Loop", "N Calloway Rd", "Hemlock Terrace", "W Tamarack Ave", "Buckthorn Ct", "Old Mill Race Rd", "Saguaro Vista Dr", "E Larkspur Ln", "Pettibone St",
           "Windlass Way", "Cordero Ct", "Gristmill Pike"]
CITIES = [("Rapid City", "SD", "57701", "605"), ("Pueblo", "CO", "81003", "719"), ("Lafayette", "LA", "70501", "337"), ("Bangor", "ME", "04401", "207"),
          ("Yakima", "WA", "98901", "509"), ("Dothan", "AL", "36301", "334"), ("Muncie", "IN", "47303", "765"), ("Las Cruces", "NM", "88001", "575"),
          ("Eau Claire", "WI", "54701", "715"), ("Joplin", "MO", "64801", "417")]
MAILDOMS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "comcast.net", "aol.com", "hotmail.com"]

def luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0: d *= 2; d = d - 9 if d > 9 else d
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn("80840" + b)
def ssn(r):
    a = r.choice([x for x in range(1, 900) if x != 666]); return f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r):
    n = "123456789"; a = MBI_A; an = MBI_A + "0123456789"; d = "0123456789"
    s = r.choice(n) + r.choice(a) + r.choice(an) + r.choice(d) + r.choice(a) + r.choice(an) + r.choice(d) + r.choice(a) + r.choice(a) + r.choice(d) + r.choice(d)
    return s if r.random() < 0.6 else f"{s[:4]}-{s[4:7]}-{s[7:]}"
def mrn(r): return r.choice([dg(r, 8), f"E{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 6)}", f"000{dg(r, 6)}", f"M{dg(r, 9)}"])
def memid(r): return r.choice([f"XWB{dg(r, 9)}", f"{dg(r, 9)}-01", f"UHX{dg(r, 8)}", f"R{dg(r, 10)}", f"MCD {dg(r, 4)} {dg(r, 4)}"])
def acct(r): return r.choice([f"HAR {dg(r, 9)}", f"FIN {dg(r, 10)}", f"CSN {dg(r, 10)}", f"Acct# {dg(r, 8)}", f"Encounter {dg(r, 9)}", f"Visit ID V{dg(r, 8)}"])
def claimno(r): return r.choice([dg(r, 14), f"CLM{dg(r, 10)}", f"26{dg(r, 11)}"])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])

MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fd(d, st="mdy"):
    return {"mdy": f"{d:%m/%d/%Y}", "m/d/yy": f"{d.month}/{d.day}/{d:%y}", "iso": d.isoformat(), "dmy": f"{d.day:02d}-{MON[d.month-1][:3]}-{d.year}",
            "long": f"{MON[d.month-1]} {d.day}, {d.year}", "ymd8": f"{d:%Y%m%d}", "sp": f"{d:%m %d %Y}", "born": f"born {d.day} {MON[d.month-1]} {d.year}",
            "es": f"{d.day} de {MES[d.month-1]} de {d.year}", "md": f"{d.month}/{d.day}", "DMY": f"{d.day:02d}{MON[d.month-1][:3].upper()}{d.year}"}[st]
DSTY = ["mdy", "mdy", "mdy", "m/d/yy", "iso", "dmy", "long", "ymd8", "sp", "DMY"]
def clock(r): return f"{r.randint(7, 11)}:{r.choice(['00', '15', '30', '45', '20'])} {r.choice(['AM', 'PM'])}"

class Person:
    def __init__(self, r, amin=1, amax=92, staff=False):
        self.sex = r.choice("FM"); self.given = r.choice(GIVEN_F if self.sex == "F" else GIVEN_M)
        self.mid = r.choice(["", "", "A", "J", "R", "L", "M", "T"]); self.family = r.choice(FAMILY); self.suf = "" if staff else r.choice(SUFF)
        self.dob = TODAY - TD(days=r.randint(amin * 365, amax * 365))
        c = r.choice(CITIES); self.city, self.state, self.zip, self.area = c
        self.street = f"{r.randint(12, 9899)} {r.choice(STREETS)}"; self.phone = f"({self.area}) {r.randint(201, 989)}-{dg(r, 4)}"
        self.email = f"{re.sub('[^a-z]', '', asc(self.given).lower())}{r.choice(['.', '_', ''])}{re.sub('[^a-z]', '', asc(self.family).lower())[:9]}{r.choice(['', dg(r, 2)])}@{r.choice(MAILDOMS)}"
    def full(self): return " ".join(x for x in [self.given, (self.mid + ".") if self.mid else "", self.family, self.suf] if x)
    def lf(self): return f"{self.family}{' ' + self.suf if self.suf else ''}, {self.given}{' ' + self.mid if self.mid else ''}"
    def LF(self): return self.lf().upper()
    def fl(self): return f"{self.given} {self.family}"
    def ttl(self): return ("Mr. " if self.sex == "M" else "Ms. ") + self.family
    def pro(self): return "he" if self.sex == "M" else "she"
    def pos(self): return "his" if self.sex == "M" else "her"
    def hl7(self): return f"{asc(self.family).upper()}^{asc(self.given).upper()}^{self.mid}"
    def addr(self): return f"{self.street}, {self.city}, {self.state} {self.zip}"
    def nm(self, r): return r.choice([self.full(), self.lf(), self.LF(), self.fl(), self.full()])
def staffer(r): return Person(r, 24, 64, staff=True)

class Org:
    def __init__(self, r, name, short, dom, kind, ehr):
        self.name, self.short, self.dom, self.kind, self.ehr = name, short, dom, kind, ehr
        c = r.choice(CITIES); self.city, self.state, self.zip, self.area = c
        self.street = f"{r.randint(100, 4999)} {r.choice(['Medical Pkwy', 'Hospital Dr', 'Commerce Blvd', 'Main St', 'Wellness Way'])}"
        self.phone = f"({self.area}) {r.randint(201, 989)}-{dg(r, 4)}"; self.fax = f"({self.area}) {r.randint(201, 989)}-{dg(r, 4)}"; self.npi = npi(r)
        self.color = r.choice([(20, 70, 130), (120, 30, 60), (20, 110, 90), (90, 60, 140), (160, 90, 20)])
    def addr(self): return f"{self.street}, {self.city}, {self.state} {self.zip}"
ORG_DEFS = [("Prairie Thistle Regional Hospital", "Prairie Thistle", "prairiethistle.org", "hospital", "Epic"),
            ("Bayou Lantern Pediatrics", "Bayou Lantern Peds", "bayoulanternpeds.com", "clinic", "athenaOne"),
            ("Copperline Dialysis Partners", "Copperline Dialysis", "copperlinedialysis.com", "dialysis", "Epic"),
            ("Granite Harbor Behavioral Health", "Granite Harbor BH", "graniteharborbh.org", "behavioral", "Netsmart myAvatar"),
            ("Mesa Verdant Family Medicine", "Mesa Verdant FM", "mesaverdantfm.com", "clinic", "eClinicalWorks"),
            ("Tri-County Wound & Hyperbaric Center", "Tri-County Wound", "tricountywound.net", "wound", "Cerner"),
            ("Lakeshore Molecular Diagnostics", "Lakeshore MDx", "lakeshoremdx.com", "lab", "Orchard Harvest"),
            ("Bluestem Specialty Pharmacy", "Bluestem Rx", "bluestemrx.com", "pharmacy", "PioneerRx"),
            ("Keystone Harvest Health Plan", "Keystone Harvest", "keystoneharvest.com", "payer", "Facets"),
            ("Ironwood Pain & Spine Institute", "Ironwood Spine", "ironwoodspine.com", "clinic", "NextGen"),
            ("Sable Creek Hospice & Palliative Care", "Sable Creek Hospice", "sablecreekhospice.org", "hospice", "WellSky"),
            ("Riverbend Maternal-Fetal Medicine", "Riverbend MFM", "riverbendmfm.com", "clinic", "Epic")]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDORS = [Org(R, "Quillmark Medical Supply", "Quillmark", "quillmarksupply.com", "vendor", "SAP"), Org(R, "Halyard Point IT Services", "Halyard Point IT", "halyardpointit.com", "vendor", "Jira"),
           Org(R, "Tessellate Revenue Solutions", "Tessellate RCM", "tessellatercm.com", "vendor", "Waystar")]
def org(r): return r.choice(ORGS)
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])

# ================================================================== scenarios
SC = [("E11.65", "type 2 diabetes with hyperglycemia", "diabetes", "diabetes tipo 2", "insulin glargine 100 units/mL", "Hemoglobin A1c", "10.4 %", "start basal insulin 14 units at bedtime"),
      ("N18.5", "chronic kidney disease, stage 5", "kidney failure", "enfermedad renal crónica", "sevelamer carbonate 800 mg", "Potassium", "6.1 mmol/L (H)", "dialysis chair moved to MWF second shift"),
      ("L97.412", "non-pressure chronic ulcer of right heel with fat layer exposed", "heel wound", "úlcera del talón", "silver alginate dressing", "Wound culture", "MRSA, moderate growth", "hyperbaric oxygen 20 sessions requested"),
      ("F33.1", "major depressive disorder, recurrent, moderate", "depression", "depresión", "sertraline 100 mg", "PHQ-9", "17 (moderately severe)", "weekly CBT plus medication follow-up in 4 weeks"),
      ("O24.414", "gestational diabetes, insulin controlled", "diabetes in pregnancy", "diabetes gestacional", "insulin NPH 10 units", "Growth ultrasound", "EFW 82nd percentile", "NST twice weekly from 32 weeks"),
      ("C34.11", "malignant neoplasm of upper lobe, right bronchus or lung", "lung cancer", "cáncer de pulmón", "pembrolizumab 200 mg IV", "PET-CT", "FDG-avid RUL mass 3.1 cm, SUV 11.2", "tumor board then medical oncology"),
      ("M54.16", "radiculopathy, lumbar region", "pinched nerve in low back", "radiculopatía lumbar", "gabapentin 300 mg", "MRI lumbar spine", "L4-5 paracentral extrusion contacting L5 root", "transforaminal ESI right L4-5"),
      ("J45.41", "moderate persistent asthma with acute exacerbation", "asthma attack", "crisis de asma", "budesonide-formoterol 160/4.5", "Peak flow", "210 L/min (48% predicted)", "oral prednisone 5 days, recheck 1 week"),
      ("G30.1", "Alzheimer's disease with late onset", "Alzheimer's", "enfermedad de Alzheimer", "donepezil 10 mg", "MoCA", "14/30", "hospice evaluation and caregiver respite"),
      ("B18.2", "chronic viral hepatitis C", "hepatitis C", "hepatitis C crónica", "sofosbuvir-velpatasvir", "HCV RNA quantitative", "2,340,000 IU/mL", "12-week course; prior authorization submitted"),
      ("D50.9", "iron deficiency anemia, unspecified", "low iron", "anemia por falta de hierro", "ferric carboxymaltose 750 mg IV", "Ferritin", "4 ng/mL (L)", "two IV iron infusions one week apart"),
      ("I48.91", "unspecified atrial fibrillation", "irregular heartbeat", "fibrilación auricular", "apixaban 5 mg", "ECG", "AF with RVR, rate 134", "rate control and cardiology referral"),
      ("F10.20", "alcohol dependence, uncomplicated", "alcohol use disorder", "dependencia del alcohol", "naltrexone 50 mg", "CIWA-Ar", "score 12", "IOP referral and weekly check-ins"),
      ("Z33.1", "pregnant state, incidental", "pregnancy", "embarazo", "prenatal vitamin", "Quad screen", "screen positive for trisomy 21 (1:140)", "genetic counseling and cell-free DNA"),
      ("C61", "malignant neoplasm of prostate", "prostate cancer", "cáncer de próstata", "leuprolide 22.5 mg", "PSA", "18.7 ng/mL", "PSMA PET and urology follow-up")]
class Case:
    def __init__(self, r, o=None, amin=18, amax=90):
        self.o = o or org(r); self.p = Person(r, amin, amax); self.s = r.choice(SC); self.mrn = mrn(r); self.mem = memid(r); self.acct = acct(r)
        self.claim = claimno(r); self.mbi = mbi(r); self.ssn = ssn(r); self.clin = staffer(r); self.cnpi = npi(r); self.dos = TODAY - TD(days=r.randint(1, 40))
    def code(self): return self.s[0]
    def dx(self): return self.s[1]
    def lay(self): return self.s[2]
    def dr(self): return f"Dr. {self.clin.fl()}"

class Doc:
    def __init__(self, cat, title, o, blocks, kind="doc", subject=None, table=None):
        self.cat, self.title, self.o, self.blocks, self.kind, self.subject, self.table = cat, title, o, blocks, kind, subject, table
    def cut(self, n):
        d = copy.copy(self); out = []
        for b in self.blocks:
            out.append(("tbl", b[1], b[2][:n]) if b[0] == "tbl" else b)
        d.blocks = out[: max(4, n + 2)]
        if self.table: d.table = (self.table[0], self.table[1][:n])
        return d

# ================================================================== PHI documents (narrative: one full mention, then indirect)
def pid_kv(r, c, extra=()):
    p = c.p; st = r.choice(DSTY)
    lab = r.choice([("Patient", "DOB", "MRN"), ("Name:", "Date of Birth:", "Med Rec #:"), ("PATIENT NAME", "BIRTH DATE", "CHART NO"), ("Pt", "D.O.B.", "ID#")])
    return ("kv", [(lab[0], p.nm(r)), (lab[1], fd(p.dob, st)), (lab[2], c.mrn)] + list(extra))
def P_wound(r):
    c = Case(r); c.s = SC[2]; p = c.p
    return Doc("wound-progress", "Wound Care Progress Note", c.o, [("h", "Wound Care Progress Note"), pid_kv(r, c, [("Visit", fd(c.dos))]),
        ("p", f"{p.full()} returns for week {r.randint(3, 9)} of treatment for a {c.dx()} ({c.code()})."),
        ("p", f"Since the last visit {p.pro()} reports less drainage. {p.pos().capitalize()} daughter changes the {c.s[4]} every other day. The wound measures {r.randint(1, 4)}.{r.randint(0, 9)} x {r.randint(1, 3)}.{r.randint(0, 9)} cm. {c.s[5]}: {c.s[6]}."),
        ("p", f"Plan: {c.s[7]}. We will see {'him' if p.sex == 'M' else 'her'} again in one week."), ("sig", f"{c.dr()}\nNPI {c.cnpi}")], subject=f"Wound note {fd(c.dos, 'md')}")
def P_letter(r):
    c = Case(r); p = c.p
    return Doc("result-letter", "Your test results", c.o, [("p", f"{fd(TODAY, 'long')}\n\n{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"), ("p", f"Dear {p.ttl()},"),
        ("p", f"Your recent {c.s[5]} showed {c.s[6]}. This is consistent with {c.lay()}. The clinic recommends the following: {c.s[7]}."),
        ("p", f"If you have questions please call us at {c.o.phone}. Please bring this letter to your next visit."), ("sig", f"Sincerely,\n{c.dr()}\n{c.o.name}")], subject="Result letter")
def P_consult(r):
    c = Case(r); p = c.p
    return Doc("consult-note", f"Consultation - {c.lay().title()}", c.o, [("h", "Consultation Note"),
        ("kv", [("Referred by", f"Dr. {staffer(r).fl()}"), ("Re", f"{p.lf()}  ({fd(p.dob, r.choice(DSTY))})"), ("Acct", c.acct)]),
        ("p", f"Thank you for asking me to see {p.full()}, a {TODAY.year - p.dob.year}-year-old {'man' if p.sex == 'M' else 'woman'} with {c.dx()}."),
        ("p", f"The patient was started on {c.s[4]} last month. {c.s[5]} today: {c.s[6]}. {p.pro().capitalize()} denies chest pain. Family history noncontributory."),
        ("p", f"Assessment: {c.dx()} ({c.code()}). Recommendations: {c.s[7]}."), ("sig", c.dr())])
def P_hospice(r):
    c = Case(r, amin=70); c.s = SC[8]; p = c.p
    return Doc("hospice-admission", "Hospice Admission Summary", c.o, [("h", "Hospice Admission Summary"), pid_kv(r, c, [("Medicare #", c.mbi)]),
        ("p", f"{p.fl()} was admitted to hospice on {fd(c.dos, 'long')} with a terminal diagnosis of {c.dx()} ({c.code()})."),
        ("p", f"Her husband is the primary caregiver. The resident needs help with all ADLs; MoCA {c.s[6]}." if p.sex == "F" else f"His wife is the primary caregiver. He needs help with all ADLs; MoCA {c.s[6]}."),
        ("bul", ["Comfort kit delivered", f"Continue {c.s[4]} until swallowing worsens", "Chaplain visit requested"])])
def P_pa(r):
    c = Case(r); p = c.p
    return Doc("prior-auth", "Prior Authorization Request", c.o, [("h", "PRIOR AUTHORIZATION REQUEST"),
        ("kv", [("Member name", p.LF()), ("Member ID", c.mem), ("DOB", fd(p.dob, "mdy")), ("Diagnosis", f"{c.code()} {c.dx()}"), ("Requested", c.s[4]), ("Prescriber NPI", c.cnpi)]),
        ("p", f"Clinical rationale: member has {c.lay()}; {c.s[5]} {c.s[6]}. Plan: {c.s[7]}.")], subject=f"PA request {c.mem}")
def P_es(r):
    c = Case(r); p = c.p
    return Doc("spanish-result", "Resultados", c.o, [("p", f"Paciente: {p.full()}\nFecha de nacimiento: {fd(p.dob, 'es')}\nNúmero de afiliado: {c.mem}"),
        ("p", f"Estimada/o {p.given}: su prueba de {c.s[5]} salió {c.s[6]}. Esto indica {c.s[3]}. Por favor llame a la clínica."), ("sig", c.o.name)], subject="Sus resultados")
def P_phone(r):
    c = Case(r); p = c.p; rel = r.choice(["son", "daughter", "neighbor", "sister"])
    return Doc("phone-note", "Telephone encounter", c.o, [("p", f"Called {p.fl()} at {p.phone} re: {c.s[5]} ({c.s[6]}). Spoke with {p.pos()} {rel}; patient was napping. Explained {c.s[7]}. {rel.capitalize()} will bring {'him' if p.sex == 'M' else 'her'} Tuesday."),
        ("p", f"-- {c.clin.fl()}, RN")], kind="mail", subject="phone note")
def P_hl7(r):
    c = Case(r); p = c.p; ts = f"{TODAY:%Y%m%d}{r.randint(6, 20):02d}{r.randint(10, 59)}"
    t = (f"MSH|^~\\&|LAB|{asc(c.o.short).upper()[:8]}|EHR|CLINIC|{ts}||ORU^R01|{dg(r, 9)}|P|2.5.1\nPID|1||{c.mrn}^^^MRN||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{asc(p.street)}^^{asc(p.city)}^{p.state}^{p.zip}\n"
         f"OBR|1|{dg(r, 8)}||{asc(c.s[5]).upper()}\nOBX|1|ST|{asc(c.s[5]).upper()}||{asc(c.s[6])}||||||F\nDG1|1||{c.code()}^{asc(c.dx())}^I10")
    return Doc("hl7-oru", "HL7 ORU", c.o, [("pre", t)], kind="raw", subject="Interface resend")
def P_837(r):
    c = Case(r); p = c.p
    t = (f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*KEYSTONEHRV     *{TODAY:%y%m%d}*1012*^*00501*{dg(r, 9)}*0*P*:~\nNM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~\n"
         f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~\nCLM*{dg(r, 10)}*{r.randint(90, 2400)}.00***11:B:1*Y*A*Y*Y~\nHI*ABK:{c.code().replace('.', '')}~\nSV1*HC:{r.choice(['99214', '97597', '11042'])}*{r.randint(90, 900)}.00*UN*1~")
    return Doc("x12-837", "837P", c.o, [("pre", t)], kind="raw", subject="837 rejected - resubmitting")
def P_fhir(r):
    c = Case(r); p = c.p
    t = ('{"resourceType": "Patient", "identifier": [{"type": {"text": "MRN"}, "value": "%s"}], "name": [{"family": "%s", "given": ["%s"]}], "birthDate": "%s"}\n'
         '{"resourceType": "Condition", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s", "display": "%s"}]}, "subject": {"reference": "Patient/%s"}}') % (c.mrn, p.family, p.given, p.dob.isoformat(), c.code(), c.dx(), c.mrn)
    return Doc("fhir-json", "FHIR", c.o, [("pre", t)], kind="raw", subject="FHIR payload for the failed sync")
def P_discharge(r):
    c = Case(r, o=ORGS[0]); p = c.p
    return Doc("discharge-summary", "Discharge Summary", c.o, [("h", "DISCHARGE SUMMARY"), ("kv", [("Patient", p.LF()), ("FIN", c.acct), ("Admit", fd(c.dos - TD(days=r.randint(2, 6)), "mdy")), ("Discharge", fd(c.dos, "mdy"))]),
        ("p", f"{p.fl()} ({TODAY.year - p.dob.year} y/o) was admitted for {c.dx()} ({c.code()}). The hospital course was uncomplicated; {c.s[5]} on admission {c.s[6]}."),
        ("p", f"At discharge the patient was ambulating independently. {p.pro().capitalize()} will continue {c.s[4]}. Follow-up: {c.s[7]}. {p.pos().capitalize()} grandson will drive."), ("sig", c.dr())], subject="DC summary")
def P_coord(r):
    c = Case(r); p = c.p
    return Doc("care-coordination", "Care coordination note", c.o, [("p", f"Care coordination - {p.full()}, DOB {fd(p.dob, r.choice(DSTY))}"),
        ("p", f"Spoke with the member's case manager today. She confirmed the transport benefit and the {c.s[7]}. Member still has trouble affording {c.s[4]}; copay card applied."),
        ("p", f"Next outreach in 7 days. The member prefers calls after 4 PM at {p.phone}.")], kind="mail", subject="Coordination update")
def P_billing(r):
    c = Case(r); p = c.p
    return Doc("billing-dispute", "Billing dispute", c.o, [("p", f"Re: Account {c.acct} - {p.fl()}"),
        ("p", f"The guarantor disputes the balance of ${r.randint(80, 4200)}.{dg(r, 2)} for the {fd(c.dos, 'long')} visit ({c.s[5]}, dx {c.code()}). She says Keystone Harvest should have paid as in-network (member {c.mem})."),
        ("p", "Please place the account on hold 30 days while we rebill.")], kind="mail", subject=f"Dispute - acct {c.acct.split()[-1]}")
def P_cms1500(r):
    c = Case(r); p = c.p
    return Doc("cms-1500", "CMS-1500 data", c.o, [("kv", [("1a. INSURED'S ID NUMBER", c.mem), ("2. PATIENT'S NAME", f"{asc(p.family).upper()}, {asc(p.given).upper()} {p.mid}"), ("3. PATIENT'S BIRTH DATE", f"{p.dob:%m %d %Y}"),
        ("5. PATIENT'S ADDRESS", p.addr()), ("21. DIAGNOSIS A", c.code().replace(".", "")), ("24A. DATE OF SERVICE", fd(c.dos, "mdy")), ("24J. RENDERING NPI", c.cnpi), ("26. PATIENT'S ACCOUNT NO.", c.acct.split()[-1])])], subject="1500 correction")
PHI_NARR = [P_wound, P_letter, P_consult, P_hospice, P_pa, P_es, P_phone, P_discharge, P_coord, P_billing, P_cms1500]
PHI_RAW = [P_hl7, P_837, P_fhir]

PT_COL = ["Who", "Guest", "Resident", "Client", "Chair occupant", "Recipient", "Enrollee", "Mom", "Donor", "Individual", "Person served", "Subscriber"]
def L_generic(r, cat, title, cols_fn, n=None):
    o = org(r); n = n or r.randint(5, 9); pc = r.choice(PT_COL)
    hdr, rows = None, []
    for _ in range(n):
        c = Case(r, o=o); hdr, row = cols_fn(r, c, pc); rows.append(row)
    return Doc(cat, title, o, [("h", title), ("tbl", hdr, rows)], kind="list", table=(hdr, rows))
def L_dialysis(r): return L_generic(r, "dialysis-chairs", "Chair schedule - second shift", lambda r, c, pc: ([pc, "Birth date", "Chair", "Start", "Dx", "K+"], [c.p.lf(), c.p.dob, f"{r.randint(1, 18)}", clock(r), "N18.6", f"{r.uniform(3.4, 6.6):.1f}"]))
def L_noshow(r): return L_generic(r, "no-show-list", "No-show list", lambda r, c, pc: [[pc, "Phone", "Appt", "Reason for visit", "Chart"], [c.p.fl(), c.p.phone, c.dos, c.lay(), c.mrn]])
def L_refill(r): return L_generic(r, "refill-queue", "Refill queue", lambda r, c, pc: [[pc, "DOB", "Medication", "NDC", "Last fill"], [c.p.LF(), c.p.dob, c.s[4], ndc(r), c.dos]])
def L_census(r): return L_generic(r, "census", "Midnight census", lambda r, c, pc: [["Bed", pc, "Adm", "Dx code", "Attending"], [f"{r.randint(2, 6)}{r.randint(10, 40)}", c.p.LF(), c.dos, c.code(), c.dr()]])
def L_claims(r): return L_generic(r, "denied-claims", "Denied claims worklist", lambda r, c, pc: [[pc, "Member #", "DOS", "Claim", "CARC", "Billed"], [c.p.lf(), c.mem, c.dos, c.claim, r.choice(["CO-50", "CO-197", "CO-16"]), f"{r.randint(90, 9000)}.00"]])
def L_ob(r): return L_generic(r, "ob-roster", "NST roster", lambda r, c, pc: [["Mom", "EDD", "GA", "Indication", "MRN"], [c.p.fl(), TODAY + TD(days=r.randint(10, 90)), f"{r.randint(28, 39)}w{r.randint(0, 6)}d", "GDM A2", c.mrn]])
PHI_LIST = [L_dialysis, L_noshow, L_refill, L_census, L_claims, L_ob]

# ================================================================== clean documents
TOPICS = ["chronic wound healing", "perinatal depression screening", "hepatitis C elimination", "atrial fibrillation anticoagulation", "dialysis access care", "lung cancer screening"]
def C_edu(r):
    o = org(r); s = staffer(r); t = r.choice(TOPICS)
    return Doc("staff-education", f"Grand Rounds: {t}", o, [("h", f"Grand Rounds - {t.title()}"), ("p", f"Dr. {s.fl()} will present on {t} on {fd(TODAY + TD(days=r.randint(3, 30)), 'long')} at noon in the Birch Room."),
        ("p", f"Dr. {s.family} will review current guidelines and local outcome data. Lunch provided. 1.0 CME credit."), ("sig", o.name)], subject="Grand Rounds")
def C_template(r):
    o = org(r)
    return Doc("letter-template", "Result letter template", o, [("p", "«TODAY»\n\n«PatientFirst» «PatientLast»\n«Address1»\n«City», «State» «Zip»"), ("p", "Dear «PatientTitle» «PatientLast»,"),
        ("p", "Your recent {{test.name}} result was {{test.result}}. DOB on file: <<DOB>>. MRN: [MRN]. Please call {{clinic.phone}}."), ("sig", "«ProviderName»")])
def C_mbi(r):
    o = org(r)
    return Doc("training-mbi", "MBI job aid", o, [("h", "Medicare Beneficiary Identifier - job aid"), ("p", "The MBI has 11 characters in the format 1AA1-AA1-AA11. CMS's published example is 1EG4-TE5-MK73. Letters S, L, O, I, B and Z are never used."),
        ("bul", ["Never enter the SSN-based HICN", "Dashes are not stored", f"Questions: {o.phone}"])])
def C_ssn(r):
    o = org(r)
    return Doc("training-ssn", "Registration training", o, [("p", "Practice registration: use the sample SSN 078-05-1120 or 123-45-6789 in the TRAIN environment only. Patient name: ZZTEST, TRAINING. DOB 01/01/1900.")])
def C_dobnotice(r):
    o = org(r)
    return Doc("dob-form-notice", "Form revision", o, [("p", f"The Date of Birth field on form REG-{r.randint(10, 40)} is now required. Revision date {fd(TODAY - TD(days=r.randint(5, 40)), 'mdy')}; old stock must be recycled by {fd(TODAY + TD(days=r.randint(10, 40)), 'long')}.")])
def C_birthday(r):
    s = staffer(r); o = org(r)
    return Doc("staff-birthday", "Birthday", o, [("p", f"Cake in the break room Friday at 3 for {s.fl()}'s birthday ({s.dob.month}/{s.dob.day}). Card is at the front desk - please sign!")], kind="mail", subject=f"{s.given}'s birthday")
def C_stats(r):
    o = org(r)
    return Doc("deidentified-stats", "Quarterly quality", o, [("h", "Quarterly quality report (aggregate)"), ("tbl", ["Measure", "Q2", "Q3", "Target"],
        [[m, f"{r.randint(60, 95)}%", f"{r.randint(60, 95)}%", f"{r.randint(80, 95)}%"] for m in ["A1c < 9", "Depression screening", "Wound healed 12 wk", "No-show rate", "Readmission 30d"]])])
def C_policy(r):
    o = org(r)
    return Doc("policy", "Policy: minimum necessary", o, [("h", "Policy HIM-114: Minimum Necessary"), ("p", "Workforce members access only the information needed for their job. Patient lists sent outside the organisation must use secure e-mail."),
        ("bul", ["Effective 01/01/2027", "Owner: Privacy Officer", "Review every two years"])])
def C_job(r):
    o = org(r)
    return Doc("job-posting", "Now hiring", o, [("p", f"{o.name} is hiring a Wound Care RN (req {dg(r, 6)}). Nights, $42-55/hr. Apply by {fd(TODAY + TD(days=20), 'long')}.")])
def C_newsletter(r):
    o = org(r); s = staffer(r); t = r.choice(TOPICS)
    return Doc("newsletter", "Clinic newsletter", o, [("h", f"{o.short} Quarterly"), ("p", f"This quarter our teams cared for {r.randint(300, 2000)} patients. \"Early {t} saves lives,\" says {s.fl()}, RN, who leads the program."),
        ("p", f"Free community screening day on {fd(TODAY + TD(days=r.randint(10, 40)), 'long')}. No appointment needed."), ("bul", ["New parking garage opens in January", "Flu shots for staff in the cafeteria", "HIPAA refresher due by 12/31"])])
def C_vendor(r):
    o = r.choice(VENDORS)
    return Doc("vendor-order", "Order confirmation", o, [("p", f"Order {dg(r, 8)} shipped. PO {dg(r, 8)}. Tracking 1Z{dg(r, 16)}."), ("tbl", ["REF", "Lot", "Description", "Qty"], [[f"REF {dg(r, 6)}", f"LOT {dg(r, 7)}", r.choice(["Silver alginate 4x4", "Huber needle 20G", "NST transducer belt", "Dialyzer 1.8 m2"]), r.randint(1, 40)] for _ in range(4)])], kind="mail", subject="Your order has shipped")
def C_ticket(r):
    o = org(r); s = staffer(r)
    return Doc("it-ticket", "IT ticket", o, [("p", f"Ticket INC{dg(r, 7)} opened by {s.fl()} (ext {dg(r, 4)}): label printer in the {r.choice(['dialysis', 'wound', 'L&D'])} unit prints blank wristbands. Asset tag HP-{dg(r, 6)}. Priority 3.")], kind="mail", subject="Ticket update")
def C_auto(r):
    o = org(r)
    return Doc("fleet-insurance", "Fleet auto policy", o, [("p", f"Policy CAP-{dg(r, 9)} renewal for the patient transport vans (VIN ending {dg(r, 6)}). Premium ${r.randint(9, 30)},{dg(r, 3)}.00. Named drivers on file with Facilities.")], kind="mail", subject="Fleet policy renewal")
CLEAN_NARR = [C_edu, C_template, C_mbi, C_ssn, C_dobnotice, C_birthday, C_policy, C_job, C_newsletter, C_vendor, C_ticket, C_auto]
def Q_hl7spec(r): return Doc("hl7-spec", "HL7 spec", org(r), [("pre", "MSH|^~\\&|<SENDING_APP>|<FACILITY>|...\nPID|1||<MRN>^^^MR||<LAST>^<FIRST>||<YYYYMMDD>|<SEX>\nOBX|1|NM|<CODE>||<VALUE>")], kind="raw", subject="ORU spec v3")
def Q_999(r): return Doc("x12-999", "999", org(r), [("pre", f"ISA*00*          *00*          *ZZ*{dg(r, 9)}      *ZZ*TESSELLATE      *{TODAY:%y%m%d}*0915*^*00501*{dg(r, 9)}*0*T*:~\nAK1*HC*{dg(r, 4)}*005010X222A1~\nAK9*A*1*1*1~")], kind="raw", subject="999 test ack")
CLEAN_RAW = [Q_hl7spec, Q_999]
def K_gen(r, cat, title, hdr, rowf, n=7):
    o = org(r); rows = [rowf(r) for _ in range(n)]
    return Doc(cat, title, o, [("h", title), ("tbl", hdr, rows)], kind="list", table=(hdr, rows))
def K_sched(r): return K_gen(r, "staff-schedule", "RN schedule", ["Who", "Shift date", "Unit", "Role"], lambda r: [staffer(r).fl(), TODAY + TD(days=r.randint(1, 20)), r.choice(["Dialysis", "Wound", "L&D"]), r.choice(["Charge", "Float", "Preceptor"])])
def K_inv(r): return K_gen(r, "pharmacy-inventory", "Inventory count", ["Item", "NDC", "Lot", "Expires", "Qty"], lambda r: [r.choice(SC)[4], ndc(r), f"L{dg(r, 6)}", TODAY + TD(days=r.randint(60, 700)), r.randint(1, 80)])
def K_po(r): return K_gen(r, "purchase-orders", "Open POs", ["PO #", "Vendor", "Ordered", "Amount"], lambda r: [f"PO-{dg(r, 7)}", r.choice(VENDORS).name, TODAY - TD(days=r.randint(1, 30)), f"{r.randint(100, 9000)}.00"])
def K_train(r): return K_gen(r, "training-compliance", "HIPAA training compliance", ["Employee", "Emp ID", "Due", "Status"], lambda r: [staffer(r).lf(), f"E{dg(r, 6)}", TODAY + TD(days=r.randint(-5, 30)), r.choice(["Complete", "Overdue", "Assigned"])])
def K_oncall(r): return K_gen(r, "on-call", "Call schedule", ["Physician", "NPI", "Date", "Service"], lambda r: [f"Dr. {staffer(r).fl()}", npi(r), TODAY + TD(days=r.randint(1, 30)), r.choice(["MFM", "Nephrology", "Psych"])])
def K_testpts(r): return K_gen(r, "test-patients", "Test patients (TRAIN)", ["Test patient", "DOB", "MRN"], lambda r: [f"ZZTEST, {r.choice(['ALPHA', 'BRAVO', 'DELTA', 'ECHO'])}", D(1900, 1, 1), f"TST{dg(r, 5)}"])
CLEAN_LIST = [K_sched, K_inv, K_po, K_train, K_oncall, K_testpts]

# ================================================================== renderers
def cs(v): return fd(v, "mdy") if isinstance(v, D) else str(v)
def render_text(doc):
    out = []
    for b in doc.blocks:
        if b[0] == "h": out.append(b[1].upper())
        elif b[0] in ("p", "sig", "pre"): out.append(b[1])
        elif b[0] == "kv": out.append("\n".join(f"{k}{'' if k.endswith(':') else ':'} {v}" for k, v in b[1]))
        elif b[0] == "bul": out.append("\n".join("- " + x for x in b[1]))
        elif b[0] == "tbl": out.append("\n".join(" | ".join(cs(x) for x in row) for row in [b[1]] + list(b[2])))
    return "\n\n".join(out) + "\n"
def render_html(doc):
    out = ["<html><body style=\"font-family:Arial\">"]
    for b in doc.blocks:
        if b[0] == "h": out.append(f"<h2>{hx(b[1])}</h2>")
        elif b[0] in ("p", "sig"): out.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "pre": out.append(f"<pre>{hx(b[1])}</pre>")
        elif b[0] == "kv": out.append("<table>" + "".join(f"<tr><td><b>{hx(k)}</b></td><td>{hx(v)}</td></tr>" for k, v in b[1]) + "</table>")
        elif b[0] == "bul": out.append("<ul>" + "".join(f"<li>{hx(x)}</li>" for x in b[1]) + "</ul>")
        elif b[0] == "tbl": out.append("<table border=\"1\" cellpadding=\"3\"><tr>" + "".join(f"<th>{hx(h)}</th>" for h in b[1]) + "</tr>" + "".join("<tr>" + "".join(f"<td>{hx(cs(x))}</td>" for x in row) + "</tr>" for row in b[2]) + "</table>")
    return "\n".join(out) + "</body></html>"

def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b11/ + file name (re-typed after batch 10's helper)"""
    h = hashlib.sha256(("b11/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261211160000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-11T16:00:00", data)
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
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.lib import colors
def rl_pdf(r, doc):
    b = io.BytesIO(); ss = getSampleStyleSheet(); st = []
    o = doc.o
    if o: st.append(Paragraph(f"<b>{hx(lat1(o.name))}</b><br/>{hx(lat1(o.addr()))} | {o.phone}", ss["Normal"]))
    for x in doc.blocks:
        if x[0] == "h": st.append(Paragraph(hx(lat1(x[1])), ss["Heading2"]))
        elif x[0] in ("p", "sig"): st.append(Paragraph(hx(lat1(x[1])).replace("\n", "<br/>"), ss["Normal"]))
        elif x[0] == "pre": st.append(Preformatted(lat1(x[1]), ss["Code"]))
        elif x[0] == "kv": st.append(Table([[lat1(k), lat1(v)] for k, v in x[1]], style=[("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold")]))
        elif x[0] == "bul": st += [Paragraph("&bull; " + hx(lat1(i)), ss["Normal"]) for i in x[1]]
        elif x[0] == "tbl":
            sm = ss["BodyText"]; sm.fontSize = 8; sm.leading = 9.5
            st.append(Table([[Paragraph(hx(lat1(cs(c))), sm) for c in row] for row in [x[1]] + list(x[2])], style=TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)])))
        st.append(Spacer(1, 6))
    SimpleDocTemplate(b, pagesize=letter, title=lat1(doc.title or doc.cat), author=lat1(o.name if o else "")).build(st)
    return b.getvalue()

from fpdf import FPDF
import fpdf as _fpdf
def fp_pdf(r, doc):
    """fpdf2 layouts: letter, boxed form, two-column, wrapped table, small print; optional rotated stamp"""
    lay = r.choice(["letter", "form", "cols", "small"]); ttf = r.random() < 0.5
    pdf = FPDF(orientation="P", unit="mm", format=r.choice(["Letter", "A4"]))
    pdf.set_creation_date(dtm.datetime(2026, 12, 11, 16, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    if ttf: pdf.add_font("DV", "", DJ); pdf.add_font("DV", "B", DJB); fam = "DV"; T = lambda s: str(s)
    else: fam = "Helvetica"; T = lambda s: lat1(str(s)).replace("«", '"').replace("»", '"')
    pdf.set_title(T(doc.title or doc.cat)); pdf.set_auto_page_break(True, 16); pdf.add_page()
    base = 7.5 if lay == "small" else 10; lh = base * 0.5
    o = doc.o
    if o:
        pdf.set_fill_color(*o.color); pdf.rect(0, 0, pdf.w, 4, "F")
        pdf.set_font(fam, "B", base + 4); pdf.set_text_color(*o.color); pdf.cell(0, 8, T(o.name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(fam, "", base - 1.5); pdf.set_text_color(90, 90, 90); pdf.cell(0, 4, T(f"{o.addr()}  |  T {o.phone}  |  F {o.fax}"), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(0, 0, 0); pdf.ln(3)
    if r.random() < 0.35:
        with pdf.rotation(r.choice([30, 35, 45]), pdf.w - 45, 40):
            pdf.set_font(fam, "B", 16); pdf.set_text_color(200, 40, 40); pdf.text(pdf.w - 80, 40, T(r.choice(["RECEIVED", "COPY", "FAXED", "REVIEWED"]))); pdf.set_text_color(0, 0, 0)
    for x in doc.blocks:
        k = x[0]
        if k == "h": pdf.set_font(fam, "B", base + 2); pdf.multi_cell(0, lh + 2, T(x[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
        elif k == "kv" and lay == "form":
            pdf.set_font(fam, "", base - 1.5); w = (pdf.epw) / 2; items = x[1]
            for i in range(0, len(items), 2):
                y = pdf.get_y()
                for j, (a, v) in enumerate(items[i:i + 2]):
                    xx = pdf.l_margin + j * w; pdf.rect(xx, y, w - 2, 11); pdf.set_xy(xx + 1, y + 0.5); pdf.set_font(fam, "", base - 3); pdf.cell(w - 4, 3, T(a.rstrip(":").upper()))
                    pdf.set_xy(xx + 1, y + 4.5); pdf.set_font(fam, "B", base); pdf.cell(w - 4, 5, T(v))
                pdf.set_xy(pdf.l_margin, y + 12)
            pdf.ln(2)
        elif k == "kv":
            for a, v in x[1]:
                pdf.set_font(fam, "B", base); pdf.cell(40, lh + 1, T(a)); pdf.set_font(fam, "", base); pdf.multi_cell(0, lh + 1, T(v), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k in ("p", "sig") and lay == "cols" and len(x[1]) > 120:
            pdf.set_font(fam, "", base); cols = pdf.text_columns(ncols=2, gutter=6, text_align="J")
            with cols: cols.write(T(x[1]))
            pdf.ln(2)
        elif k in ("p", "sig"): pdf.set_font(fam, "", base); pdf.multi_cell(0, lh + 1, T(x[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif k == "pre": pdf.set_font("Courier", "", base - 2.5); pdf.multi_cell(0, lh, lat1(x[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif k == "bul":
            pdf.set_font(fam, "", base)
            for i in x[1]: pdf.multi_cell(0, lh + 1, T(("• " if ttf else "- ") + i), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k == "tbl":
            pdf.set_font(fam, "", base - 2)
            with pdf.table(line_height=lh, text_align="LEFT", first_row_as_headings=True) as t:
                for row in [x[1]] + list(x[2]):
                    rr = t.row()
                    for c in row: rr.cell(T(cs(c)))
            pdf.ln(2)
    pdf.set_font(fam, "", 6); pdf.set_y(-14); pdf.cell(0, 4, T("Confidential. Page 1" if lay != "small" else "Printed " + fd(TODAY)), align="C")
    return bytes(pdf.output())

from docx import Document as DocxDocument
from docx.shared import Pt
def docx_bytes(r, doc):
    d = DocxDocument(); o = doc.o
    if o:
        hp = d.sections[0].header.paragraphs[0]; hp.text = f"{o.name} | {o.addr()} | {o.phone}"
        d.sections[0].footer.paragraphs[0].text = r.choice(["Confidential", f"Printed from {o.ehr}", "Internal use"])
    for x in doc.blocks:
        if x[0] == "h": d.add_heading(x[1], level=2)
        elif x[0] in ("p", "sig", "pre"): p = d.add_paragraph(x[1]); (p.runs[0].font.__setattr__("size", Pt(8)) if x[0] == "pre" and p.runs else None)
        elif x[0] == "kv":
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for k, v in x[1]: c = t.add_row().cells; c[0].text = k; c[1].text = str(v)
        elif x[0] == "bul":
            for i in x[1]: d.add_paragraph(i, style="List Bullet")
        elif x[0] == "tbl":
            t = d.add_table(rows=1, cols=len(x[1])); t.style = "Light Grid Accent 1"
            for i, h in enumerate(x[1]): t.rows[0].cells[i].text = h
            for row in x[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cs(v)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

import openpyxl
from openpyxl.styles import Font
def xlsx_bytes(r, doc):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = re.sub(r"[^A-Za-z0-9 ]", "", doc.title or "Sheet")[:28] or "Sheet"
    hdr, rows = doc.table; ws.append([doc.title]); ws["A1"].font = Font(bold=True); ws.append(list(hdr))
    for c in ws[2]: c.font = Font(bold=True)
    fmt = r.choice(["mm/dd/yyyy", "yyyy-mm-dd", "m/d/yy", "dd-mmm-yyyy"])
    for row in rows:
        ws.append(list(row))
        for c in ws[ws.max_row]:
            if isinstance(c.value, D): c.number_format = fmt
    ws.freeze_panes = "A3"
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    hdr, rows = doc.table; sep = r.choice([",", ",", "\t", "|"]); b = io.StringIO()
    w = csv.writer(b, delimiter=sep, lineterminator=r.choice(["\r\n", "\n"]), quoting=r.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    w.writerow(hdr); df = r.choice(["mdy", "iso", "ymd8"])
    for row in rows: w.writerow([fd(v, df) if isinstance(v, D) else v for v in row])
    data = b.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, {",": "csv", "\t": "tsv", "|": "txt"}[sep]

from PIL import Image, ImageDraw
_LOGO = {}
def logo_png(o):
    if o.short not in _LOGO:
        im = Image.new("RGB", (200, 50), (255, 255, 255)); dr = ImageDraw.Draw(im); dr.rectangle([0, 0, 44, 49], fill=o.color); dr.text((52, 18), asc(o.short), fill=o.color)
        b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[o.short] = b.getvalue()
    return _LOGO[o.short]

# ================================================================== mail assembly (re-typed after generate_b10.py's wiring)
MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3826.400.131)", "iPhone Mail (22C152)", "Mozilla Thunderbird 128.5.0", "Microsoft-MacOutlook/16.92"]
TITLES = ["Clinical Coordinator", "HIM Analyst", "Charge Nurse", "Revenue Cycle Specialist", "Care Manager", "Front Desk Lead", "Pharmacy Technician", "Utilization Review RN"]
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given).lower())}.{re.sub('[^a-z]', '', asc(p.family).lower())}@{dom}"
def sig_block(r, s, o):
    return r.choice([f"{s.fl()}\n{r.choice(TITLES)}\n{o.name}\n{o.phone}", f"Thanks,\n{s.given}", f"{s.fl()} | {o.short}\nCONFIDENTIALITY NOTICE: This e-mail may contain privileged information."])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 9))
    return dtm.datetime(d.year, d.month, d.day, r.randint(7, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-r.choice([5, 6, 7, 8]))))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else s.fl(), addr_spec=mbox(s, o.dom))
    if to is None: t = staffer(r); to = Address(display_name=r.choice([t.fl(), f"{t.family}, {t.given}", ""]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 24)}@{o.dom}>"
    x = r.choice(MAILERS + [None]); 
    if x: m["X-Mailer"] = x
    return m, s
def sethdr(m, k, v): del m[k]; m[k] = v
def set_body(r, m, text, html=None, o=None, logo=False):
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"sig{hexs(r, 8)}@{o.dom}"; h = html or "<html><body><p>" + hx(text).replace("\n", "<br>") + "</p></body></html>"
    h = h.replace("</body>", f'<p><img src="cid:{cid}" width="200" height="50"></p></body>')
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename="logo.png", disposition="inline")
COVERS = ["Please see attached.", "Attached as discussed.", "See attached file.", "Sending the attached securely.", "Adjunto el documento.", "Attached for your review."]
GEN_SUBJ = ["Document", "Scan", "Fax", "Secure: attachment", "Requested file", "Report", "[EXTERNAL] attachment"]
def cover(r, m, s, o):
    if r.random() < 0.12:
        sethdr(m, "From", Address(display_name="Konica Minolta Scan", addr_spec=f"scanner{r.randint(1, 9)}@{o.dom}")); m.set_content(f"Scanned document attached.\nPages: {r.randint(1, 4)}\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.25)
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o)
    set_body(r, m, r.choice(["", "Hi,\n\n", "Good morning,\n\n"]) + render_text(doc) + "\n" + sig_block(r, s, o) + "\n", o=o, logo=r.random() < 0.15); return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o); sig = sig_block(r, s, o)
    html = render_html(doc).replace("</body>", "<p>" + hx(sig).replace("\n", "<br>") + "</p></body>")
    set_body(r, m, render_text(doc) + "\n" + sig + "\n", html, o=o, logo=r.random() < 0.4); return m
def quote(t): return "\n".join(("> " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
def build_forwarded(r, doc):
    o = doc.o or org(r); s0 = staffer(r); subj = doc.subject or doc.title; inner = render_text(doc) + "\n" + sig_block(r, s0, o)
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "RE: FW: "]) + subj, o); st = r.randrange(4); d0 = TODAY - TD(days=r.randint(1, 5))
    top = r.choice(["See below.", "Can you take this one?", "FYI.", "Please review."]) + "\n\n" + sig_block(r, s, o)
    frm = f"{s0.fl()} <{mbox(s0, o.dom)}>"
    if st == 0: body = f"{top}\n\n-----Original Message-----\nFrom: {frm}\nSent: {fd(d0, 'long')} {clock(r)}\nTo: {s.fl()}\nSubject: {subj}\n\n{inner}"
    elif st == 1: body = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm}\nDate: {fd(d0, 'long')}\nSubject: {subj}\n\n{inner}"
    elif st == 2: body = f"{top}\n\nOn {fd(d0, 'long')}, at {clock(r)}, {frm} wrote:\n{quote(inner)}"
    else:
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = mbox(s, o.dom); im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, 9, 0, tzinfo=dtm.timezone(TD(hours=-6))))
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename="original.eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.2); return m

# ================================================================== header carrier: PHI only in headers
HDR_BODY = ["Please call me when you get a chance.", "See the chart.", "Thanks.", "Details in the secure portal.", "Can you handle?", "Following up.", "Received - thank you."]
def ew(s): return s   # non-ASCII: the SMTP policy writes RFC 2047 encoded words
def H_inbasket(r, o, c): p = c.p; return new_msg(r, f"[{o.ehr} In Basket] Result Note: {p.LF()} ({fd(p.dob, 'mdy')}) - {c.s[5]} {c.s[6]}", o)
def H_fax(r, o, c): p = c.p; return new_msg(r, f"Fax from {o.fax}: {r.randint(2, 9)} pg - RE {p.lf()} DOB {fd(p.dob, r.choice(DSTY))} referral {c.lay()}", o)
def H_invite(r, o, c): p = c.p; return new_msg(r, f"Invitation: {p.fl()} - care conference ({c.lay()}) @ {fd(TODAY + TD(days=3), 'long')} {clock(r)}", o)
def H_accept(r, o, c): p = c.p; return new_msg(r, f"Accepted: {p.ttl()} {c.s[7][:30]} - MRN {c.mrn}", o)
def H_decline(r, o, c): p = c.p; return new_msg(r, f"Declined: Family meeting re {p.given} {p.family} ({c.lay()})", o)
def H_todisp(r, o, c): p = c.p; return new_msg(r, "Your upcoming visit", o, to=Address(display_name=f"{p.lf()} (DOB {fd(p.dob, 'mdy')})", addr_spec=p.email))
def H_ccdisp(r, o, c): p = c.p; return new_msg(r, "Tomorrow", o, cc=Address(display_name=f"{p.LF()} - {c.lay()} pt", addr_spec=p.email))
def H_fromdisp(r, o, c): p = c.p; return new_msg(r, "Update", o, from_name=f"{o.short} Care Team re: {p.fl()} ({c.code()})")
def H_thread(r, o, c): p = c.p; m, s = new_msg(r, "RE: question", o); m["Thread-Topic"] = f"{p.full()} - {c.s[5]} {c.s[6]}"; m["Thread-Index"] = "AQH" + hexs(r, 20); return m, s
def H_keywords(r, o, c): p = c.p; m, s = new_msg(r, "Chart", o); m["Keywords"] = f"{p.family}; MRN {c.mrn}; {c.code()}; {c.s[4].split(' ')[0]}"; return m, s
def H_comments(r, o, c): p = c.p; m, s = new_msg(r, "Scanned", o); m["Comments"] = f"Scanned for {p.nm(r)}, {fd(p.dob, 'born')} - {c.dx()}"; return m, s
def H_orgh(r, o, c): p = c.p; m, s = new_msg(r, "Care team note", o); m["Organization"] = f"{o.short} - {c.lay()} program - pt {p.lf()} acct {c.acct}"; return m, s
def H_scanner(r, o, c): p = c.p; m, s = new_msg(r, "Scan", o); m["X-Scan-Filename"] = f"{asc(p.family).upper().replace(' ', '')}_{asc(p.given).upper().replace(' ', '')}_{p.dob:%Y%m%d}_{re.sub('[^A-Za-z]', '', c.s[5])[:14]}.pdf"; return m, s
def H_faxgw(r, o, c): p = c.p; m, s = new_msg(r, "Fax delivery report", o); m["X-RightFax-Billinfo"] = f"{p.LF()}|SSN {c.ssn}|{c.lay()}"; return m, s
def H_ticket(r, o, c): p = c.p; m, s = new_msg(r, f"[INC{dg(r, 7)}] updated", o); m["X-ServiceNow-Short-Description"] = f"Merge MRN {c.mrn} into {mrn(r)} - {p.lf()} DOB {fd(p.dob, 'mdy')}"; return m, s
def H_docsys(r, o, c): p = c.p; m, s = new_msg(r, "Document routed", o); m["X-OnBase-Keywords"] = f"PatientName={p.LF()}; MRN={c.mrn}; DocType=Path Report; Dx={c.code()}"; return m, s
def H_encsubj(r, o, c): p = c.p; return new_msg(r, f"Resultados de {p.full()} ({fd(p.dob, 'es')}) - {c.s[3]}", o)
def H_encx(r, o, c): p = c.p; m, s = new_msg(r, "Claim status", o); m["X-Claim-Subject"] = ew(f"Reclamación {c.claim} – {p.full()} – afiliado {c.mem} – {c.s[3]}"); return m, s
def H_long(r, o, c):
    p = c.p; m, s = new_msg(r, "Routing", o)
    m["X-Route-Notes"] = (f"queue=UM-inpatient; priority=2; reviewer={staffer(r).fl()}; received={fd(TODAY, 'iso')}T{r.randint(10, 23)}:{r.randint(10, 59)}:00; source=fax-gateway-{r.randint(1, 4)}; "
                          f"pages={r.randint(3, 14)}; member={p.lf()}; member_id={c.mem}; dob={fd(p.dob, 'iso')}; request={c.s[7]}; dx={c.code()} {c.dx()}; status=pending clinical")
    return m, s
def H_mbi(r, o, c): p = c.p; return new_msg(r, f"Eligibility 271: {p.LF()} MBI {c.mbi} - hospice election {c.lay()}", o)
def H_reply(r, o, c): p = c.p; return new_msg(r, f"RE: RE: FW: {p.ttl()} ({p.given}) {c.s[5]} - did she get the call back?", o)
def H_sender(r, o, c): p = c.p; m, s = new_msg(r, "Authorization", o); m["Sender"] = Address(display_name=f"{s.fl()} on behalf of {p.fl()} (member {c.mem})", addr_spec=mbox(s, o.dom)); return m, s
def H_reply_to(r, o, c): p = c.p; m, s = new_msg(r, "Scheduling", o); m["Reply-To"] = Address(display_name=f"Scheduling - {p.lf()} {c.s[5]} {fd(TODAY + TD(days=4), 'md')}", addr_spec=f"schedule@{o.dom}"); return m, s
def H_nolabel(r, o, c): p = c.p; return new_msg(r, f"{p.fl()} - {c.s[4]} refill denied, {c.lay()}", o)
HDR_PHI = [H_inbasket, H_fax, H_invite, H_accept, H_decline, H_todisp, H_ccdisp, H_fromdisp, H_thread, H_keywords, H_comments, H_orgh, H_scanner, H_faxgw, H_ticket, H_docsys,
           H_encsubj, H_encx, H_long, H_mbi, H_reply, H_sender, H_reply_to, H_nolabel]
def build_header_phi(r, fn):
    c = Case(r); o = c.o; m, s = fn(r, o, c)
    set_body(r, m, r.choice(HDR_BODY) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.2); return m
def K_inbasket(r, o): s = staffer(r); return new_msg(r, f"[{o.ehr} In Basket] Staff Message: {s.lf()} - timecard correction {fd(TODAY - TD(days=2), 'md')}", o)
def K_fax(r, o): return new_msg(r, f"Fax from {partner(r, o).fax}: {r.randint(1, 4)} pg - Invoice {dg(r, 7)} PO {dg(r, 8)}", o)
def K_invite(r, o): return new_msg(r, f"Invitation: {r.choice(TOPICS).title()} journal club @ {fd(TODAY + TD(days=6), 'long')} {clock(r)}", o)
def K_accept(r, o): s = staffer(r); return new_msg(r, f"Accepted: {s.fl()} / {staffer(r).fl()} 1:1 - {fd(TODAY + TD(days=2), 'md')}", o)
def K_todisp(r, o): s = staffer(r); return new_msg(r, "Welcome aboard", o, to=Address(display_name=f"{s.lf()} (new hire, start {fd(TODAY + TD(days=9), 'mdy')})", addr_spec=s.email))
def K_ccdisp(r, o): s = staffer(r); return new_msg(r, "Credentialing file", o, cc=Address(display_name=f"{s.LF()} - Medical Staff Office", addr_spec=mbox(s, o.dom)))
def K_thread(r, o): m, s = new_msg(r, "RE: potluck", o); m["Thread-Topic"] = "Holiday potluck - dialysis vs. wound clinic chili cook-off"; return m, s
def K_keywords(r, o): m, s = new_msg(r, "Budget", o); m["Keywords"] = "FY27; capital; hyperbaric chamber; NST monitors"; return m, s
def K_comments(r, o): m, s = new_msg(r, "Scanned", o); m["Comments"] = f"Scanned for {staffer(r).fl()} - W-4 and direct deposit form"; return m, s
def K_orgh(r, o): m, s = new_msg(r, "Council", o); m["Organization"] = f"{o.name} - Shared Governance Council"; return m, s
def K_scanner(r, o): s = staffer(r); m, s2 = new_msg(r, "Scan", o); m["X-Scan-Filename"] = f"{asc(s.family).upper().replace(' ', '')}_{asc(s.given).upper().replace(' ', '')}_MILEAGE_{TODAY:%Y%m}.pdf"; return m, s2
def K_ticket(r, o): m, s = new_msg(r, f"[INC{dg(r, 7)}] resolved", o); m["X-ServiceNow-Short-Description"] = f"Printer jam 3rd floor - requested by {staffer(r).fl()}"; return m, s
def K_docsys(r, o): m, s = new_msg(r, "Document routed", o); m["X-OnBase-Keywords"] = f"Vendor={r.choice(VENDORS).name}; DocType=Invoice; PO={dg(r, 8)}"; return m, s
def K_encsubj(r, o): return new_msg(r, f"Vacunación contra la influenza para empleados - {fd(TODAY + TD(days=5), 'es')}", o)
def K_mbi(r, o): return new_msg(r, "Job aid: MBI format 1AA1-AA1-AA11, example 1EG4-TE5-MK73", o)
def K_dob(r, o): return new_msg(r, f"Date of Birth field now mandatory on REG-{r.randint(10, 50)} (rev {fd(TODAY - TD(days=20), 'mdy')})", o)
def K_npi(r, o): s = staffer(r); return new_msg(r, f"Dr. {s.fl()} NPI {npi(r)} - privileges approved", o)
def K_topic(r, o): return new_msg(r, f"RE: FW: Tumor board {fd(TODAY + TD(days=4), 'md')} - lung cancer screening update (no cases)", o)
def K_long(r, o):
    m, s = new_msg(r, "Routing", o)
    m["X-Route-Notes"] = (f"queue=AP-invoices; priority=3; reviewer={staffer(r).fl()}; received={fd(TODAY, 'iso')}T09:12:00; source=fax-gateway-{r.randint(1, 4)}; pages={r.randint(2, 6)}; "
                          f"vendor={r.choice(VENDORS).name}; po=PO-{dg(r, 7)}; amount={r.randint(100, 9000)}.00; status=pending approval")
    return m, s
def K_birthday(r, o): s = staffer(r); return new_msg(r, f"Surprise! {s.given} {s.family}'s birthday lunch {fd(TODAY + TD(days=3), 'md')}", o)
def K_gym(r, o): m, s = new_msg(r, "Wellness", o); m["X-Member-Ref"] = f"FitLife gym member #{dg(r, 8)} - corporate discount"; return m, s
def K_car(r, o): return new_msg(r, f"Fleet auto policy {r.choice(['PAC', 'CAP'])}-{dg(r, 9)} renewal - van 12", o)
def K_sender(r, o): m, s = new_msg(r, "Agenda", o); m["Sender"] = Address(display_name=f"{s.fl()} on behalf of the Ethics Committee", addr_spec=mbox(s, o.dom)); return m, s
HDR_CLEAN = [K_inbasket, K_fax, K_invite, K_accept, K_todisp, K_ccdisp, K_thread, K_keywords, K_comments, K_orgh, K_scanner, K_ticket, K_docsys, K_encsubj, K_mbi, K_dob,
             K_npi, K_topic, K_long, K_birthday, K_gym, K_car, K_sender]
def build_header_clean(r, fn):
    o = org(r) if r.random() < 0.85 else r.choice(VENDORS); m, s = fn(r, o)
    set_body(r, m, r.choice(["Thanks!", "See you there.", "Please approve.", "Link in Teams."]) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3); return m

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
        self.n += 1; base = f"b11_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
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
    for n in (None, 5, 2):
        data = make(doc if n is None else doc.cut(n))
        if pdf_pages(data) <= 2: return data
    return data
def gs_redistill(ctx, data, key):
    p = ctx.path(".pdf")
    with open(p, "wb") as f: f.write(data)
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:28] or "document"
    return r.choice([f"{base}.{ext}", f"{base}_{TODAY:%Y%m%d}.{ext}", f"scan_{dg(r, 8)}.{ext}", f"{doc.cat}.{ext}"])
def build_attachment(r, ctx, carrier, doc, key):
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier in ("pdf-libreoffice", "pdf-ghostscript"):
        gs = carrier == "pdf-ghostscript"
        if gs and r.random() < 0.6: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: (fp_pdf if r.random() < 0.5 else rl_pdf)(r, d), doc), key)
        if r.random() < 0.6: return fname_for(r, doc, "pdf"), ctx.add("docx2pdf", docx_bytes(r, doc.cut(8)), "docx", key, gs)
        return fname_for(r, doc, "pdf"), ctx.add("html2pdf", render_html(doc.cut(8)), "html", key, gs)
    if carrier == "docx":
        if r.random() < 0.3: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(doc), "html", key)
        return fname_for(r, doc, "docx"), docx_bytes(r, doc)
    if carrier == "xlsx":
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv": data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list" and x < 0.5: data, ext = csv_bytes(r, doc)
        elif doc.kind == "list" and x < 0.75: data, ext = xlsx_bytes(r, doc), "xlsx"
        elif x < 0.85: data, ext = fit_pdf(lambda d: fp_pdf(r, d), doc), "pdf"
        else: data, ext = docx_bytes(r, doc), "docx"
        folder = r.choice(["", "", "export/", f"{TODAY:%Y-%m}/"])
        return r.choice(["documents.zip", f"secure_{dg(r, 6)}.zip", f"{doc.cat}.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.7 else "_raw" if x < 0.85 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.75 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b11_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b11-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m = build_header_phi(R, hcyc["phi"]()) if label == "phi" else build_header_clean(R, hcyc["clean"]())
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                o = doc.o or org(R); m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.5 else (doc.title or R.choice(GEN_SUBJ)), o); cover(R, m, s, o)
                built.append((fname, label, carrier, doc.cat, m, build_attachment(R, ctx, carrier, doc, fname))); continue
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
    print(f"wrote {len(rows)} batch-11 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
