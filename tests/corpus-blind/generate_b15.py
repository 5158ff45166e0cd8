#!/usr/bin/python3
"""Batch 15 of the blind DLP corpus: b15-0001.eml ... b15-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by a fifteenth author from BRIEF.md (see README "Batch 15").  People, organisations, scenarios, texts,
layouts and renderers are this batch's own.  Only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py; the batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp normalisation)
is re-typed after generate_b14.py's wiring.

Voices: an ED charge nurse, a hospitalist, a clinic front desk, a specialty pharmacy, a radiology scheduler, lab client
services, a case manager, a CDI specialist, a revenue-cycle analyst, a payer provider-relations rep, a utilization
reviewer, a release-of-information clerk, a compliance officer, a school nurse, a home-health agency, a dental office,
an optometry office, a PT clinic, a veterinary clinic that got a human patient's result by mistake, a research
coordinator, and IT/HR/finance staff.  Hard clean look-alikes of every kind.

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

SEED = 20261216
R = random.Random(SEED)
PREFIX = "b15-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
D = dtm.date
TD = dtm.timedelta
TODAY = D(2026, 12, 16)

# ================================================================== small helpers and identifiers
def asc(s): return "".join(c for c in unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L")) if ord(c) < 128)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n): return "".join(r.choice("0123456789abcdef") for _ in range(n))
def npi(r):
    b = r.choice("12") + dg(r, 8); tot = 0
    for i, ch in enumerate(reversed("80840" + b)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return b + str((10 - tot % 10) % 10)
def ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if s != "123-45-6789": return s
MB = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    an = MB + "0123456789"; d = "0123456789"
    s = r.choice("123456789") + r.choice(MB) + r.choice(an) + r.choice(d) + r.choice(MB) + r.choice(an) + r.choice(d) + r.choice(MB) + r.choice(MB) + r.choice(d) + r.choice(d)
    if dash is None: dash = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def mrn(r): return r.choice([dg(r, 8), f"M{dg(r, 7)}", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 3)}", f"E{dg(r, 9)}", dg(r, 6)])
def memid(r): return r.choice([f"W{dg(r, 9)}", f"XQH{dg(r, 8)}", f"{dg(r, 9)}01", f"MCD{dg(r, 7)}", f"U{dg(r, 8)}-0{r.randint(1, 4)}"])
def acct(r): return r.choice([dg(r, 10), f"HAR{dg(r, 8)}", f"G{dg(r, 7)}", f"{dg(r, 4)}-{dg(r, 5)}"])
def claimno(r): return r.choice([f"26{dg(r, 11)}", f"CLM-{dg(r, 9)}", f"{dg(r, 4)}{r.choice('ABCDEF')}{dg(r, 8)}"])
def fin(r): return r.choice([f"FIN {dg(r, 9)}", f"{dg(r, 10)}"])
def acc_no(r): return r.choice([f"{r.choice(['CT', 'MR', 'US', 'XR', 'NM'])}{dg(r, 8)}", f"26-{r.choice(['SP', 'CH', 'HE'])}-{dg(r, 6)}", f"L{dg(r, 9)}"])
def authno(r): return r.choice([f"PA{dg(r, 9)}", f"{dg(r, 4)}-{dg(r, 6)}", f"UM26{dg(r, 6)}"])
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
AREAS = ["608", "951", "760", "619", "858", "442", "909", "562", "714", "626"]
def phone(r): return r.choice([f"({r.choice(AREAS)}) {dg(r, 3)}-{dg(r, 4)}", f"{r.choice(AREAS)}-{dg(r, 3)}-{dg(r, 4)}", f"{r.choice(AREAS)}.{dg(r, 3)}.{dg(r, 4)}"])
STREETS = ["Calle Serena", "Jacaranda Ave", "Old Mission Rd", "Birchwood Ln", "Las Palmas Dr", "N Vine St", "Cottonwood Ct", "Acacia Blvd", "E Grand Ave", "Mesa Verde Way", "Orchard Hill Rd", "Pepper Tree Ln"]
CITIES = [("Escondido", "CA", "920"), ("Oceanside", "CA", "920"), ("Riverside", "CA", "925"), ("Temecula", "CA", "925"), ("Fontana", "CA", "923"), ("El Cajon", "CA", "920"), ("Hemet", "CA", "925")]
def addr(r):
    c = r.choice(CITIES); return f"{r.randint(12, 9890)} {r.choice(STREETS)}{r.choice(['', '', ' Apt ' + str(r.randint(1, 40)), ' #' + str(r.randint(100, 320))])}, {c[0]}, {c[1]} {c[2]}{dg(r, 2)}"
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
def fd(d, st="mdy"):
    if st == "mdy": return f"{d:%m/%d/%Y}"
    if st == "m/d/yy": return f"{d.month}/{d.day}/{d:%y}"
    if st == "m/d/yyyy": return f"{d.month}/{d.day}/{d.year}"
    if st == "iso": return d.isoformat()
    if st == "dmon": return f"{d:%d}-{MON[d.month - 1][:3]}-{d.year}"
    if st == "long": return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if st == "compact": return f"{d:%Y%m%d}"
    if st == "spaced": return f"{d:%m %d %Y}"
    if st == "born": return f"born {d.day} {MON[d.month - 1]} {d.year}"
    if st == "DMONY": return f"{d:%d}{MON[d.month - 1][:3].upper()}{d.year}"
    if st == "dash": return f"{d:%m-%d-%Y}"
    if st == "abbr": return f"{MON[d.month - 1][:3]} {d.day}, {d.year}"
    if st == "wk": return f"{d:%a}, {MON[d.month - 1][:3]} {d.day}"
    if st == "es": return f"{d.day} de {MES[d.month - 1]} de {d.year}"
    if st == "dmy": return f"{d:%d/%m/%Y}"
    if st == "dot": return f"{d:%m.%d.%y}"
    return f"{d:%m/%d/%Y}"
DOBST = ["mdy", "m/d/yy", "iso", "dmon", "long", "compact", "spaced", "born", "DMONY", "m/d/yyyy", "dash", "abbr", "dot"]
def tm(r): return f"{r.choice([7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5])}:{r.choice(['00', '05', '15', '20', '30', '40', '45', '55'])} {r.choice(['AM', 'PM'])}"
def ago(r, a, b): return TODAY - TD(days=r.randint(a, b))
def ahead(r, a, b): return TODAY + TD(days=r.randint(a, b))

# ================================================================== people
POOLS = {
    "yoruba_igbo": ({"F": ["Folasade", "Adebola", "Titilayo", "Ngozi", "Chiamaka", "Oluwakemi", "Ifeoma"], "M": ["Oluwatobi", "Chukwuemeka", "Adewale", "Babatunde", "Ikechukwu", "Obinna", "Segun"]},
                    ["Adeyemi", "Okonkwo", "Oyelaran", "Nwachukwu", "Balogun", "Eze-Okafor", "Adebayo-Williams", "Olatunji"]),
    "mexican": ({"F": ["María Guadalupe", "Ximena", "Yesenia", "Itzel", "Rocío", "Maricela"], "M": ["José Luis", "Jesús", "Óscar", "Rigoberto", "Juan Carlos", "Efraín"]},
                ["Hernández Lozano", "Ramírez de la Garza", "Quintanilla", "Ochoa Villaseñor", "Zúñiga", "Del Toro", "Cervantes Ibarra", "Peña"]),
    "arabic": ({"F": ["Fatima", "Noor", "Rania", "Layla", "Huda", "Amal"], "M": ["Mohammed", "Omar", "Youssef", "Khaled", "Tariq", "Bilal"]},
               ["Al-Masri", "El-Amin", "Haddad", "Abdelrahman", "Al Shammari", "Nassar", "Bou Saab"]),
    "south_asian": ({"F": ["Lakshmi", "Priyanka", "Harpreet", "Anjali", "Meenakshi", "Kavya"], "M": ["Venkatesh", "Gurpreet", "Arjun", "Sandeep", "Rajinder", "Karthik"]},
                    ["Subramanian", "Sandhu", "Raghunathan", "Chaudhary", "Venkataraman", "Grewal", "Iyer"]),
    "chinese": ({"F": ["Xiaoling", "Mei", "Yuting", "Shu-fen", "Lijuan"], "M": ["Wei", "Jianguo", "Haoran", "Zhiwei", "Chun-Ming"]},
                ["Zhang", "Liu", "Ouyang", "Chen", "Huang", "Lam", "Szeto"]),
    "polish": ({"F": ["Małgorzata", "Agnieszka", "Bożena", "Krystyna"], "M": ["Krzysztof", "Wojciech", "Paweł", "Zbigniew"]},
               ["Nowak", "Wójcik", "Kaczmarek", "Lewandowski", "Przybylski", "Dąbrowski"]),
    "irish": ({"F": ["Siobhán", "Aoife", "Róisín", "Maeve", "Bridget"], "M": ["Ciarán", "Pádraig", "Declan", "Eoin", "Seamus"]},
              ["O'Sullivan", "McNamara", "Fitzgerald", "Mac Giolla", "O'Donoghue", "Ní Bhriain", "Kavanagh"]),
    "ethiopian": ({"F": ["Selamawit", "Tigist", "Meron", "Hiwot", "Bethlehem"], "M": ["Tesfaye", "Dawit", "Yohannes", "Abebe", "Mulugeta"]},
                  ["Gebremedhin", "Haile", "Tadesse", "Woldemariam", "Bekele", "Assefa"]),
    "hmong": ({"F": ["Pa Nhia", "Mai Yer", "Choua", "Bao", "Kia"], "M": ["Tou", "Xeng", "Pao", "Nou", "Cha"]}, ["Vang", "Xiong", "Thao", "Lor", "Yang", "Moua"]),
    "greek": ({"F": ["Eleni", "Athanasia", "Konstantina", "Despina"], "M": ["Dimitrios", "Spyridon", "Georgios", "Panagiotis"]},
              ["Papadopoulos", "Karamanlis", "Tsakiris", "Antonopoulos", "Vlachos"]),
    "dutch_german": ({"F": ["Annelies", "Greta", "Ingrid", "Liesbeth"], "M": ["Pieter", "Joost", "Friedrich", "Dirk"]},
                     ["van der Berg", "ter Horst", "von Hagen", "De Vries", "van Oosten", "Schwarzkopf"]),
    "us": ({"F": ["Brittany", "Shonda", "Kayleigh", "Dolores", "LaToya", "Peggy Sue", "Destiny", "Marjorie"], "M": ["Dustin", "Tyrone", "Cody", "Earl", "Darnell", "Wade", "Buford", "Travis"]},
           ["Washington", "McAllister", "Boudreaux", "St. Germain", "Fitzpatrick-Lowe", "Delacroix", "Pettigrew", "Whitfield", "Hollingsworth"]),
}
POOL_KEYS = list(POOLS)
SUFFIX = ["Jr.", "Sr.", "III", "II", "IV"]
class Person:
    def __init__(s, r, lo=18, hi=92, pool=None, staff=False):
        s.pool = pool or r.choice(POOL_KEYS); giv, fam = POOLS[s.pool]; s.sex = r.choice("FM")
        s.given = r.choice(giv[s.sex]); s.family = r.choice(fam)
        s.mi = r.choice("ABCDEFGHJKLMNRSTW") if r.random() < 0.55 else ""
        age = r.randint(lo, hi); s.dob = TODAY - TD(days=age * 365 + r.randint(0, 364)); s.age = age
        s.sfx = r.choice(SUFFIX) if (s.sex == "M" and s.pool == "us" and age > 16 and r.random() < 0.45) else ""
        s.staff = staff
    def fl(s): return " ".join(x for x in [s.given, s.mi + "." if s.mi else "", s.family, s.sfx] if x)
    def short(s): return f"{s.given} {s.family}"
    def lf(s): return f"{s.family}{' ' + s.sfx if s.sfx else ''}, {s.given}{' ' + s.mi if s.mi else ''}"
    def LF(s): return s.lf().upper()
    def FL(s): return s.fl().upper()
    def hl7(s): return f"{asc(s.family).upper()}^{asc(s.given).upper()}^{s.mi}^{s.sfx.replace('.', '').upper()}"
    def title(s): return ("Mr. " if s.sex == "M" else "Ms. ") + s.family
    def pr(s): return "he" if s.sex == "M" else "she"
    def pos(s): return "his" if s.sex == "M" else "her"
def pname(r, p): return r.choice([p.fl(), p.lf(), p.LF(), p.short(), p.FL(), f"{p.family}, {p.given[0]}.", p.fl()])
def staffer(r): return Person(r, 24, 64, staff=True)
CREDS = ["MD", "DO", "NP", "PA-C", "RN", "BSN, RN", "PharmD", "DDS", "OD", "DPT", "RHIT", "CCDS", "CPC", "LCSW"]
def clin(r, cred=None): p = staffer(r); p.cred = cred or r.choice(CREDS[:4]); return p
def drn(p): return f"{p.given} {p.family}, {getattr(p, 'cred', 'MD')}"

# ================================================================== organisations
class Org:
    def __init__(s, name, short, dom, kind, city):
        s.name, s.short, s.dom, s.kind, s.city = name, short, dom, kind, city
        h = int(hashlib.sha256(name.encode()).hexdigest(), 16)
        s.phone = f"({AREAS[h % 10]}) {h % 900 + 100}-{h % 9000 + 1000}"; s.fax = f"({AREAS[(h // 7) % 10]}) {(h // 11) % 900 + 100}-{(h // 13) % 9000 + 1000}"
        s.addr = f"{h % 8000 + 100} {STREETS[h % len(STREETS)]}, {city}"; s.npi = None
        s.color = [(0x1d, 0x4e, 0x89), (0x2a, 0x7a, 0x4b), (0x7b, 0x2d, 0x6e), (0xa3, 0x4a, 0x12), (0x22, 0x55, 0x66)][h % 5]
ORGS = [
    Org("Palomar Ridge Regional Medical Center", "Palomar Ridge", "palomarridge.org", "hospital", "Escondido, CA 92025"),
    Org("Inland Valley Community Hospital", "IVCH", "ivch-health.org", "hospital", "Riverside, CA 92503"),
    Org("Mesa Grande Family Clinic", "Mesa Grande FC", "mesagrandeclinic.com", "clinic", "El Cajon, CA 92020"),
    Org("Coastline Specialty Pharmacy", "Coastline Rx", "coastlinerx.com", "pharmacy", "Oceanside, CA 92056"),
    Org("Sunrise Imaging Partners", "Sunrise Imaging", "sunriseimaging.net", "imaging", "Temecula, CA 92590"),
    Org("Vantage Reference Laboratories", "Vantage Labs", "vantagelabs.com", "lab", "Fontana, CA 92335"),
    Org("Golden Poppy Health Plan", "Golden Poppy", "goldenpoppyhp.com", "payer", "Riverside, CA 92507"),
    Org("Harborlight Home Health & Hospice", "Harborlight HH", "harborlighthh.com", "homehealth", "Oceanside, CA 92054"),
    Org("Bright Smiles Dental Group", "Bright Smiles", "brightsmilesdg.com", "dental", "Hemet, CA 92543"),
    Org("ClearView Optometry", "ClearView OD", "clearviewod.com", "optometry", "Temecula, CA 92591"),
    Org("Stride Physical Therapy", "Stride PT", "stridept.com", "pt", "Escondido, CA 92027"),
    Org("Valle Verde Unified School District", "VVUSD Health Services", "vvusd.k12.ca.us", "school", "Fontana, CA 92336"),
    Org("Four Paws Animal Hospital", "Four Paws", "fourpawsvet.com", "vet", "El Cajon, CA 92021"),
    Org("Tri-County Revenue Cycle Solutions", "TCRCS", "tcrcs.com", "billing", "Riverside, CA 92501"),
    Org("Palomar Ridge Clinical Research Office", "PRCRO", "research.palomarridge.org", "research", "Escondido, CA 92025"),
]
VENDORS = [Org("Westline Medical Supply", "Westline", "westlinemed.com", "vendor", "Ontario, CA 91761"),
           Org("Keystone Health IT Services", "Keystone IT", "keystonehit.com", "vendor", "Irvine, CA 92618"),
           Org("Pacifica Linen & Uniform", "Pacifica Linen", "pacificalinen.com", "vendor", "Vista, CA 92081")]
def org(r, kind=None):
    c = [o for o in ORGS if kind is None or o.kind == kind or (isinstance(kind, tuple) and o.kind in kind)]
    return r.choice(c or ORGS)
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])

# ================================================================== clinical content
DX = [("E11.65", "type 2 diabetes with hyperglycemia"), ("I10", "essential hypertension"), ("J45.909", "asthma, unspecified"), ("F32.A", "depression, unspecified"),
      ("C50.911", "malignant neoplasm of right breast"), ("I50.23", "acute on chronic systolic heart failure"), ("N18.4", "CKD stage 4"), ("J44.1", "COPD with acute exacerbation"),
      ("M17.11", "primary osteoarthritis, right knee"), ("I48.91", "atrial fibrillation"), ("A41.9", "sepsis, unspecified organism"), ("K85.90", "acute pancreatitis"),
      ("S72.001A", "fracture of right femoral neck, initial"), ("L03.116", "cellulitis of left lower limb"), ("G40.909", "epilepsy, unspecified"), ("E10.9", "type 1 diabetes"),
      ("M05.79", "rheumatoid arthritis"), ("K50.90", "Crohn's disease"), ("L40.0", "psoriasis vulgaris"), ("G35", "multiple sclerosis"), ("B20", "HIV disease"),
      ("F41.1", "generalized anxiety disorder"), ("I63.9", "cerebral infarction"), ("N39.0", "urinary tract infection"), ("E11.3293", "type 2 DM with mild NPDR, bilateral"),
      ("H40.1131", "primary open-angle glaucoma, bilateral, mild"), ("Z96.651", "status post right knee replacement"), ("K02.52", "dental caries"), ("R07.9", "chest pain, unspecified")]
SPEC_RX = [("Humira 40 mg/0.4 mL pen", "M05.79"), ("Stelara 90 mg syringe", "K50.90"), ("Skyrizi 150 mg pen", "L40.0"), ("Ocrevus 300 mg IV", "G35"), ("Biktarvy 50/200/25 mg", "B20"),
           ("Enbrel 50 mg SureClick", "M05.79"), ("Ozempic 1 mg pen", "E11.65"), ("Dupixent 300 mg pen", "J45.909")]
MEDS = ["metformin 1000 mg BID", "lisinopril 20 mg daily", "apixaban 5 mg BID", "furosemide 40 mg daily", "sertraline 100 mg daily", "insulin glargine 22 units qHS",
        "levetiracetam 750 mg BID", "albuterol HFA 2 puffs q4h prn", "warfarin 5 mg (INR goal 2-3)", "amoxicillin 500 mg TID x10d", "prednisone 40 mg x5d", "latanoprost 0.005% 1 gtt OU qHS"]
LABS = [("Potassium", "6.4", "mmol/L", "3.5-5.1", "HH"), ("Hemoglobin", "6.8", "g/dL", "12.0-16.0", "LL"), ("Troponin I, hs", "412", "ng/L", "<34", "H"), ("INR", "4.9", "", "0.9-1.1", "H"),
        ("Glucose", "38", "mg/dL", "70-99", "LL"), ("Sodium", "119", "mmol/L", "135-145", "LL"), ("Hemoglobin A1c", "10.2", "%", "<5.7", "H"), ("Creatinine", "3.1", "mg/dL", "0.6-1.2", "H"),
        ("Lactate", "4.6", "mmol/L", "0.5-2.2", "H"), ("TSH", "0.02", "uIU/mL", "0.4-4.0", "L"), ("WBC", "22.4", "K/uL", "4.0-11.0", "H"), ("Platelets", "31", "K/uL", "150-400", "LL")]
IMAGING = [("CT head w/o contrast", "No acute intracranial hemorrhage. Chronic small-vessel ischemic change."), ("MRI lumbar spine w/o", "L4-5 broad-based disc protrusion with moderate left foraminal narrowing."),
           ("CTA chest PE protocol", "Segmental pulmonary emboli in the right lower lobe. No right heart strain."), ("US RUQ", "Cholelithiasis with gallbladder wall thickening, positive sonographic Murphy sign."),
           ("Mammogram dx bilateral", "Irregular spiculated mass right breast 10 o'clock, BI-RADS 5."), ("XR knee 3 views R", "Severe medial compartment joint-space narrowing, osteophytes.")]
def dxp(r): return r.choice(DX)
def lab(r): return r.choice(LABS)

class Doc:
    def __init__(s, cat, title, blocks, kind="narr", o=None, subject=None):
        s.cat, s.title, s.blocks, s.kind, s.o, s.subject = cat, title, blocks, kind, o, subject
    def cut(s, n):
        out = []
        for b in s.blocks:
            if b[0] == "table": out.append(("table", b[1], b[2][:n]))
            elif b[0] == "kv": out.append(("kv", b[1][:max(n, 6)], b[2]))
            else: out.append(b)
        return Doc(s.cat, s.title, out, s.kind, s.o, s.subject)
def KV(r, items): return ("kv", items, r.choice(["colon", "colon", "align", "next", "pipe", "runon", "dash"]))
def P(t): return ("p", t)
def H(t): return ("h", t)
def PRE(t): return ("pre", t)
def TBL(hdr, rows): return ("table", hdr, rows)
def L(r, *opts): return r.choice(opts)
def dobs(r, p, st=None): return fd(p.dob, st or r.choice(DOBST))

# ================================================================== PHI narratives (sender voices)
def P_ed_charge(r):
    o = org(r, "hospital"); p = Person(r, 22, 90); c, d = dxp(r); s = clin(r, "MD")
    t = (f"{L(r, 'Bed request', 'Need a bed', 'ADMIT')} - ED rm {r.randint(1, 32)}{r.choice(['', 'B', ' hall'])}\n"
         f"{pname(r, p)}  {p.age}{p.sex}  {L(r, 'MRN', 'MR#', 'Med Rec #')} {mrn(r)}\n{d} ({c}) -- {L(r, 'needs tele', 'needs step-down', 'med-surg ok', 'ICU consulted')}\n"
         f"Admitting: {drn(s)}. {L(r, 'Pt on 2L NC, sats 94%.', 'Got 2 L NS, lactate pending.', 'Heparin gtt started 1340.', 'Family at bedside, speaks ' + r.choice(['Spanish', 'Amharic', 'Hmong', 'Arabic']) + '.')}\n"
         f"We are holding {r.randint(6, 19)} admits, pls call back x{dg(r, 4)} asap")
    return Doc("ed-bed-request", "ED admit", [P(t)], o=o, subject=f"{L(r, 'Bed request', 'ED hold', 'Admit')} rm {r.randint(1, 32)}")
def P_hospitalist(r):
    o = org(r, "hospital"); pts = [Person(r, 30, 95) for _ in range(r.randint(2, 4))]; lines = []
    for p in pts:
        c, d = dxp(r); lines.append(f"- {pname(r, p)} ({L(r, 'MRN', 'mrn', '#')} {mrn(r)}), rm {r.randint(200, 580)}: {d}. {L(r, 'f/u AM BMP', 'check trop x2', 'PT/OT eval', 'dc tomorrow if afebrile', 'family mtg 2pm re goals of care', 'hold ' + r.choice(MEDS).split()[0])}")
    return Doc("hospitalist-signout", "Night signout", [P(L(r, "Signout for tonight, sorry it's late:", "Cross-cover list:", "handing off - 3 to watch")), P("\n".join(lines)), P(L(r, "page me if anything", "I'm on until 7", "thx"))], o=o)
def P_front_desk(r):
    o = org(r, ("clinic", "optometry", "dental", "pt")); p = Person(r, 4, 88); c, d = dxp(r); when = ahead(r, 2, 30)
    return Doc("front-desk-reschedule", "Reschedule", [P(f"{L(r, 'Hi Dr.', 'Hello,', 'FYI team -')}\n\n{pname(r, p)} ({L(r, 'DOB', 'dob', 'D.O.B.', 'birthdate')} {dobs(r, p)}) called this morning, "
        f"{L(r, 'needs to move', 'wants to reschedule', 'cannot make')} {p.pos()} follow-up for {d}. Moved to {fd(when, 'wk')} at {tm(r)}. "
        f"{L(r, 'New insurance - ', 'Ins changed, ', 'Card on file: ')}{r.choice(['Golden Poppy', 'Medi-Cal', 'Aetna', 'Blue Shield'])} {L(r, 'Mbr ID', 'member #', 'ID#', 'Subscriber ID')} {memid(r)}. Cell {phone(r)}."),
        P(L(r, "Thanks!", "Let me know if that works.", "-front desk"))], o=o)
def P_spec_rx(r):
    o = org(r, "pharmacy"); p = Person(r, 18, 80); drug, c = r.choice(SPEC_RX); doc = clin(r, "MD")
    items = [("Patient", pname(r, p)), (L(r, "DOB", "Date of Birth", "Birth Date"), dobs(r, p)), (L(r, "Member ID", "Insured's ID Number", "Mbr ID"), memid(r)),
             ("Medication", drug), ("NDC", ndc(r)), ("Diagnosis", f"{c}"), ("Prescriber", f"{drn(doc)} (NPI {npi(r)})"), ("Status", L(r, "PA pending - clinicals requested", "Approved, copay card applied", "Denied - step therapy required", "Ready to ship, needs delivery address confirmed"))]
    return Doc("specialty-pharmacy", "Specialty Rx intake", [P(L(r, "Intake update from Coastline Specialty:", "Benefits investigation complete:", "We still need the following for this referral:")), KV(r, items),
        P(L(r, "Please fax chart notes to our intake line.", "Patient has been notified by phone.", "Reply with last 2 office notes and labs."))], o=o)
def P_rad_sched(r):
    o = org(r, "imaging"); p = Person(r, 20, 85); ex, _ = r.choice(IMAGING); c, d = dxp(r); when = ahead(r, 1, 14)
    return Doc("radiology-scheduling", "Imaging appt", [P(f"{L(r, 'Scheduled', 'Booked', 'Got her in', 'Got him in')}: {ex} for {pname(r, p)}, {L(r, 'DOB', 'DOB:', 'dob')} {dobs(r, p)}, on {fd(when, 'abbr')} {tm(r)}.\n"
        f"Indication: {d} ({c}). {L(r, 'Acc#', 'Accession', 'Order #')} {acc_no(r)}. "
        f"{L(r, 'Needs creatinine within 30 days.', 'Pt is claustrophobic - ordering MD to send Ativan script.', 'Has a pacemaker, need device card.', 'Auth still pending with the plan.')}")], o=o)
def P_lab_cs(r):
    o = org(r, "lab"); p = Person(r, 1, 90); n, v, u, rg, fl = lab(r)
    return Doc("lab-client-services", "Specimen issue", [P(f"{L(r, 'Good afternoon,', 'Hi,', 'Client services here -')}\n"
        f"{L(r, 'The specimen for', 'We received a hemolyzed sample for', 'Called critical on')} {pname(r, p)} ({L(r, 'DOB', 'Pt DOB', 'born')} {dobs(r, p)}, accession {acc_no(r)}): "
        f"{n} {v} {u} [{fl}] (ref {rg}). {L(r, 'Redraw requested.', 'Read back by RN at 14:20.', 'Unable to reach office; please call us back.', 'Result released to portal.')}")], o=o)
def P_case_mgr(r):
    o = org(r, "hospital"); p = Person(r, 62, 96); c, d = dxp(r)
    items = [("Pt", pname(r, p)), ("Age", str(p.age)), (L(r, "MBI", "Medicare ID", "Medicare #"), mbi(r)), ("Admit dx", f"{d} {c}"), ("Anticipated DC", fd(ahead(r, 1, 4))), ("Needs", L(r, "SNF, PT 5x/wk", "Home O2 2L + HH RN", "LTACH eval", "IPR referral"))]
    return Doc("case-management", "DC planning", [P(L(r, "Sending referral for post-acute placement.", "Can you accept this pt? 3 midnights met.", "Case mgmt referral:")), KV(r, items),
        P(L(r, "Family prefers something close to Hemet.", "Dtr is HCPOA.", "Facesheet attached in Epic."))], o=o)
def P_cdi(r):
    o = org(r, "hospital"); p = Person(r, 40, 90); doc = clin(r, "MD")
    return Doc("cdi-query", "CDI clarification", [P(f"Dr. {doc.family},\n\nClinical documentation query for {pname(r, p)}, {L(r, 'FIN', 'Encounter #', 'CSN', 'Acct #')} {dg(r, 9)}, admitted {fd(ago(r, 2, 8), 'm/d/yy')}."),
        P(f"{L(r, 'Progress notes document', 'H&P documents')} \"CHF exacerbation\" with EF 25%, BNP 2,140 and IV diuresis. Please clarify the type and acuity: "
          f"acute on chronic systolic (I50.23) / acute on chronic diastolic (I50.33) / other / unable to determine."), P(f"Thank you,\n{staffer(r).fl()}, CCDS\nClinical Documentation Integrity")], o=o)
def P_denial(r):
    o = org(r, "billing"); p = Person(r, 1, 90); c, d = dxp(r)
    items = [("Patient", pname(r, p)), (L(r, "Claim #", "Claim No.", "ICN"), claimno(r)), (L(r, "Acct #", "HAR", "Account No."), acct(r)), ("DOS", fd(ago(r, 30, 120))),
             ("CPT", r.choice(["99223", "99214", "70553", "27447", "93306"])), ("Dx", c), ("Denial", r.choice(["CO-197 precert absent", "CO-50 not medically necessary", "CO-16 missing info", "PR-27 coverage terminated"])), ("Billed", f"${r.randint(180, 48000):,}.00")]
    return Doc("denial-follow-up", "Denial", [P(L(r, "Working the 90+ bucket -", "Denial review below, need clinicals to appeal.", "Can HIM send the op note for this one?")), KV(r, items)], o=o)
def P_prov_rel(r):
    o = org(r, "payer"); p = Person(r, 1, 88); c, d = dxp(r)
    return Doc("provider-relations", "Claim reprocessing", [P(f"Hello {staffer(r).given},\n\nPer our call, the claim for member {pname(r, p)} ({L(r, 'Member ID', 'Mbr #', 'Subscriber ID')} {memid(r)}, {L(r, 'DOB', 'Date of birth')} {dobs(r, p)}) "
        f"for DOS {fd(ago(r, 20, 90), 'm/d/yyyy')} ({d}) was {L(r, 'sent back for reprocessing', 'adjusted', 'reopened')} under {L(r, 'ref', 'ticket', 'case')} {dg(r, 8)}. Expect the corrected remit in 2-3 weeks."),
        P(f"Regards,\n{staffer(r).fl()}\nProvider Relations Representative, Golden Poppy Health Plan")], o=o)
def P_ur(r):
    o = org(r, ("payer", "hospital")); p = Person(r, 30, 92); c, d = dxp(r)
    items = [("Member", pname(r, p)), (L(r, "Auth #", "Ref #"), authno(r)), (L(r, "Member ID", "ID#"), memid(r)), ("Admit", fd(ago(r, 2, 6))), ("Dx", f"{c} {d}"),
             ("Criteria", L(r, "InterQual acute met day 3", "MCG not met - obs level", "Continued stay met, next review 48h")), ("Clinicals", L(r, "on BiPAP overnight, lactate 3.1", "IV abx, WBC 18.2", "Hgb 6.9 s/p 2u PRBC"))]
    return Doc("utilization-review", "Concurrent review", [P(L(r, "Concurrent review:", "UR update for today", "Please see review below; peer-to-peer available until 5pm.")), KV(r, items)], o=o)
def P_roi(r):
    o = org(r, "hospital"); p = Person(r, 18, 90)
    return Doc("roi-release", "Records request", [P(f"{L(r, 'Re: authorization received', 'Records release', 'ROI request')}\n\nPatient: {pname(r, p)}\n{L(r, 'DOB', 'Date of Birth')}: {dobs(r, p)}\n{L(r, 'MRN', 'Medical Record No.')}: {mrn(r)}\n"
        f"Requested by: {L(r, 'Lopez & Fairbanks LLP', 'State Farm claim adjuster', 'patient (self)', 'Disability Determination Services')}\n"
        f"Dates of service: {fd(ago(r, 200, 400))} - {fd(ago(r, 10, 100))}\nRecords: {L(r, 'ED notes, imaging reports', 'complete chart excluding psychotherapy notes', 'ortho clinic notes and op report')}\n"
        f"Pages: {r.randint(12, 340)}  Fee: ${r.randint(6, 40)}.{r.choice(['00', '50'])}"), P(L(r, "Released via secure link.", "Missing signature on page 2 - returning to requester.", "Will mail CD."))], o=o)
def P_compliance(r):
    o = org(r, "hospital"); p = Person(r, 18, 90); s = staffer(r)
    return Doc("compliance-incident", "Privacy incident", [P(f"Privileged & confidential - compliance review\n\nOn {fd(ago(r, 3, 20), 'long')} a {L(r, 'discharge summary', 'lab report', 'fax cover with med list')} for "
        f"{pname(r, p)} ({L(r, 'MRN', 'MR#')} {mrn(r)}) was {L(r, 'faxed to the wrong number', 'emailed to an outside address', 'handed to another patient')}. "
        f"The document listed {r.choice(DX)[1]} and current medications. Employee involved: {s.fl()}. Risk assessment to follow; breach log entry {dg(r, 5)}.")], o=o)
def P_school(r):
    o = org(r, "school"); p = Person(r, 5, 17); par = Person(r, 28, 55, pool=p.pool); par.family = p.family
    c, d = r.choice([("J45.909", "asthma"), ("E10.9", "type 1 diabetes"), ("G40.909", "seizure disorder"), ("T78.40XA", "severe peanut allergy")])
    return Doc("school-nurse", "Student health", [P(f"{L(r, 'Dear Dr.', 'Hello Dr.', 'To the office of Dr.')} {staffer(r).family},\n\nI am the school nurse at {r.choice(['Cedar Hollow Elementary', 'Valle Verde Middle', 'Rancho Loma High'])}. "
        f"{p.given} {p.family} (DOB {dobs(r, p)}, grade {max(0, p.age - 5)}) {L(r, 'used the rescue inhaler 3 times today', 'had a glucose of 52 at lunch', 'had a 2 minute seizure in PE', 'had hives after lunch, EpiPen given')}. "
        f"Diagnosis on file: {d}. {par.given} {par.family} (parent, {phone(r)}) {L(r, 'picked the student up', 'was notified', 'asked us to update the care plan')}. Please send an updated medication order."), P(f"{staffer(r).fl()}, RN, School Nurse")], o=o)
def P_home_health(r):
    o = org(r, "homehealth"); p = Person(r, 60, 96)
    items = [("Client", pname(r, p)), ("Address", addr(r)), ("Visit", fd(ago(r, 0, 3))), ("Aide", staffer(r).short()),
             ("Notes", L(r, "Stage 2 sacral wound 2.1 x 1.4 cm, dressing changed", "INR 3.8 on warfarin, pt unsteady", "refused shower, confused, daughter notified", "BP 182/96 missed lisinopril x2 days"))]
    return Doc("home-health-visit", "Visit note", [P(L(r, "Aide visit note for the RN case manager:", "From the field today -", "Visit summary (please review):")), KV(r, items)], o=o)
def P_dental(r):
    o = org(r, "dental"); p = Person(r, 14, 85)
    return Doc("dental-referral", "Oral surgery referral", [P(f"Referral to oral surgery\n\n{L(r, 'Patient', 'Pt Name', 'Name')}: {pname(r, p)}\n{L(r, 'DOB', 'Birthdate')}: {dobs(r, p)}\n"
        f"Reason: extraction {L(r, '#1, #16, #17, #32 (impacted)', '#30 non-restorable, K02.52', '#19 periapical abscess K04.7')}\n"
        f"Med hx: {L(r, 'on apixaban - PCP ok to hold 48h', 'prosthetic valve - premed amoxicillin 2 g', 'type 2 DM, A1c 8.4', 'bisphosphonate x 6 yrs')}\n"
        f"Ins: {r.choice(['Delta Dental PPO', 'Denti-Cal', 'MetLife'])} ID {memid(r)}"), P("Bright Smiles Dental Group, front office")], o=o)
def P_optometry(r):
    o = org(r, "optometry"); p = Person(r, 35, 85); doc = clin(r, "MD")
    return Doc("optometry-report", "Diabetic eye exam", [P(f"Dr. {doc.family},\n\nYour patient {pname(r, p)}, DOB {dobs(r, p)}, was seen {fd(ago(r, 1, 12), 'm/d/yy')} for a dilated diabetic eye exam. "
        f"Findings: {L(r, 'mild nonproliferative diabetic retinopathy OU without macular edema (E11.3293)', 'no diabetic retinopathy OU', 'IOP 26/27, cup-to-disc 0.7, POAG suspected (H40.1131)')}. "
        f"VA 20/{r.choice([25, 30, 40])} OD, 20/{r.choice([25, 30, 50])} OS. Recheck in {r.choice([6, 12])} months."), P(f"{staffer(r).fl()}, OD")], o=o)
def P_pt_clinic(r):
    o = org(r, "pt"); p = Person(r, 25, 85)
    items = [("Patient", pname(r, p)), ("DOB", dobs(r, p)), ("Dx", L(r, "Z96.651 s/p R TKA", "M54.16 lumbar radiculopathy", "S83.511A ACL tear L")), ("Visits", f"{r.randint(3, 18)} of {r.choice([12, 18, 24])}"),
             ("Progress", L(r, "knee flex 105 deg, ext -3", "ODI 42% -> 28%", "gait w/o device, pain 3/10")), ("Plan", "2x/wk x 4 wks, recert needed")]
    return Doc("pt-progress", "PT progress note", [P(L(r, "Progress report for your signature:", "Plan of care recert - please sign and return.", "PT update:")), KV(r, items)], o=o)
def P_vet_mixup(r):
    o = org(r, "vet"); p = Person(r, 30, 80); n, v, u, rg, fl = lab(r)
    return Doc("misdirected-result", "Wrong recipient", [P(f"Hello,\n\nThis is {staffer(r).given} at Four Paws Animal Hospital. We received a lab report this morning that is clearly not one of our patients - "
        f"it is for a person, {pname(r, p)} (DOB {dobs(r, p)}), {n} {v} {u} flagged {fl}, ordered by {drn(clin(r, 'MD'))}. Our fax number must be one digit off from a clinic's. "
        f"We have not kept a copy and are sending it back to you to route correctly."), P("Four Paws Animal Hospital - (760) front desk")], o=o, subject="Received a human patient's lab by mistake")
def P_research(r):
    o = org(r, "research"); p = Person(r, 25, 80)
    return Doc("research-participant", "Study visit", [P(f"{L(r, 'Hi team,', 'Coordinator update -')}\n\nParticipant {pname(r, p)} (study ID {r.choice(['PRX', 'HF2', 'ONC'])}-{dg(r, 3)}, MRN {mrn(r)}, DOB {dobs(r, p)}) "
        f"{L(r, 'completed the week 12 visit', 'reported a grade 2 rash - logged as AE', 'was hospitalized for pneumonia - SAE report due in 24h', 'withdrew consent today')}. "
        f"{L(r, 'PK draw done at 10:05.', 'PI notified.', 'IRB notification pending.')} Phone on file {phone(r)}.")], o=o)
def P_spanish(r):
    o = org(r, ("clinic", "hospital", "pharmacy")); p = Person(r, 1, 85, pool=r.choice(["mexican", "mexican", "us"])); c, d = dxp(r)
    items = [("Paciente", pname(r, p)), ("Fecha de nacimiento", fd(p.dob, r.choice(["es", "dmy", "mdy"]))), (L(r, "Número de afiliado", "No. de expediente", "Número de miembro"), r.choice([memid(r), mrn(r)])),
             ("Diagnóstico", c), ("Cita", f"{fd(ahead(r, 2, 20), 'es')} a las {r.randint(8, 4 + 12) % 12 + 1}:00")]
    return Doc("spanish-phi", "Aviso", [P(L(r, "Buenos días, le escribimos de la clínica sobre el paciente:", "Estimada familia:", "Recordatorio de cita y resultados:")), KV(r, items),
        P(L(r, "Favor de traer su tarjeta del seguro.", "Su resultado de laboratorio ya está disponible.", "Llame si necesita intérprete."))], o=o)
def P_nolabel(r):
    o = org(r); p = Person(r, 20, 90); c, d = dxp(r); n, v, u, _, _ = lab(r)
    t = r.choice([f"Saw {p.title()} this morning - {n.lower()} came back {v}, so I started {r.choice(MEDS)}. {p.pr().capitalize()} knows to come back Friday.",
                  f"{p.given} {p.family}'s biopsy is back and it's {r.choice(['invasive ductal carcinoma', 'benign', 'melanoma in situ'])}. Can you get {p.pos()} in with onc next week?",
                  f"FYI {p.given} {p.family} was admitted overnight with {d}. Please hold {p.pos()} Thursday appointment.",
                  f"Just talked to {p.given} {p.family}'s wife - {p.pr()} stopped the {r.choice(MEDS).split()[0]} because of dizziness. Can someone call {p.pos()} back?"])
    return Doc("nolabel-phi", "quick note", [P(t)], o=o, subject=L(r, "quick q", "pt update", "FYI", "call back?"))
def P_result_letter(r):
    o = org(r, ("clinic", "hospital")); p = Person(r, 18, 88); n, v, u, rg, fl = lab(r)
    return Doc("result-letter", "Your test results", [P(f"{fd(TODAY, 'long')}\n\n{p.fl()}\n{addr(r)}\n\nDear {p.title()},\n\nYour recent {n} test from {fd(ago(r, 3, 15), 'long')} was {v} {u} "
        f"(normal range {rg}). {L(r, 'Please schedule a follow-up visit.', 'We are adjusting your medication - see the note in the portal.', 'This is slightly out of range; we will recheck in 3 months.')}"),
        P(f"Sincerely,\n{drn(clin(r, 'MD'))}\n{o.name}")], o=o)

def P_refill(r):
    o = org(r, ("pharmacy", "clinic")); p = Person(r, 18, 90); med = r.choice(MEDS)
    return Doc("refill-request", "Refill request", [P(f"{L(r, 'Refill request', 'RX RENEWAL', 'Refill needed')}\n{L(r, 'Pt', 'Patient', 'Name')} {pname(r, p)} {L(r, 'DOB', 'dob', 'D.O.B.')} {dobs(r, p)}\n"
        f"{med} - {L(r, 'last filled', 'LF')} {fd(ago(r, 25, 40), 'm/d/yy')}, 0 refills left. NDC {ndc(r)}. {L(r, 'Pharmacy', 'Pt uses')} {r.choice(['CVS #9921', 'Walgreens on Grand', 'Coastline mail order'])}. "
        f"{L(r, 'Pt is out tomorrow.', 'Needs 90-day supply for ins.', 'BP log attached to chart.')}")], o=o, subject=L(r, "refill", "Rx renewal", "Refill req"))
def P_reminder(r):
    o = org(r, ("clinic", "dental", "optometry", "pt", "imaging")); p = Person(r, 2, 90); when = ahead(r, 1, 10)
    return Doc("appointment-reminder", "Appointment reminder", [P(f"Hello {p.given} {p.family},\n\nThis is a reminder of your {L(r, 'follow-up for your diabetes', 'MRI of the lumbar spine', 'glaucoma pressure check', 'crown prep on tooth #3', 'physical therapy re-evaluation for your knee replacement')} "
        f"on {fd(when, 'long')} at {tm(r)} with {drn(clin(r))}. We have your date of birth as {fd(p.dob, r.choice(['spaced', 'mdy', 'long']))} - please call {o.phone} if anything has changed. Arrive 15 minutes early with your insurance card.")], o=o)

# ================================================================== PHI interchange
def hts(r, d): return f"{d:%Y%m%d}{r.randint(6, 22):02d}{r.choice(['00', '15', '32', '47'])}"
def R_adt(r):
    o = org(r, "hospital"); p = Person(r, 1, 90); d = ago(r, 0, 2); a = addr(r).split(", ")
    t = (f"MSH|^~\\&|EPIC|PRRMC|CENTRIC|HIE|{hts(r, d)}||ADT^A0{r.choice([1, 3, 4, 8])}|{dg(r, 10)}|P|2.5.1\rEVN||{hts(r, d)}\r"
         f"PID|1||{mrn(r)}^^^PRRMC^MR~{ssn(r)}^^^SSA^SS||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{a[0]}^^{a[1]}^CA^{a[-1].split()[-1]}||{phone(r).replace(' ', '')}\r"
         f"PV1|1|{r.choice(['E', 'I', 'O'])}|ED^{r.randint(1, 30)}^A||||{npi(r)}^{staffer(r).family.upper()}^{staffer(r).given.upper()}\rDG1|1||{dxp(r)[0]}^^I10")
    return Doc("hl7-adt", "ADT feed sample from prod", [P(L(r, "Interface is dropping this one, raw message below:", "HIE rejected this ADT - can you look?")), PRE(t.replace("\r", "\n"))], kind="raw", o=o)
def R_oru(r):
    o = org(r, "lab"); p = Person(r, 1, 90); d = ago(r, 0, 3); n, v, u, rg, fl = lab(r)
    t = (f"MSH|^~\\&|VLAB|VANTAGE|EPIC|PRRMC|{hts(r, d)}||ORU^R01|{dg(r, 9)}|P|2.5.1\rPID|1||{mrn(r)}^^^PRRMC^MR||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}\r"
         f"OBR|1|{dg(r, 8)}|{acc_no(r)}|CHEM^Chemistry|||{hts(r, d)}\rOBX|1|NM|{n.upper()[:8]}^{n}||{v}|{u}|{rg}|{fl}|||F")
    return Doc("hl7-oru", "ORU stuck in queue", [P(L(r, "Result not filing to chart:", "ORU below errored on the Epic side:")), PRE(t.replace("\r", "\n"))], kind="raw", o=o)
def R_837(r):
    o = org(r, "billing"); p = Person(r, 1, 90); c, _ = dxp(r); d = ago(r, 20, 80)
    t = (f"ST*837*0001*005010X222A1~BHT*0019*00*{dg(r, 7)}*{TODAY:%Y%m%d}*1130*CH~NM1*85*2*PALOMAR RIDGE MEDICAL GROUP*****XX*{npi(r)}~\n"
         f"HL*2*1*22*0~SBR*P*18*******MC~NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~N3*{addr(r).split(',')[0].upper()}~\n"
         f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~CLM*{acct(r)}*{r.randint(90, 4000)}.00***11:B:1*Y*A*Y*Y~DTP*472*D8*{d:%Y%m%d}~HI*ABK:{c.replace('.', '')}~SV1*HC:{r.choice(['99214', '99213', '20610'])}*{r.randint(90, 400)}*UN*1***1~")
    return Doc("x12-837", "837P rejected", [P("Clearinghouse rejected this claim (999 AK5*R). Segment dump:"), PRE(t)], kind="raw", o=o)
def R_835(r):
    o = org(r, "billing"); p = Person(r, 1, 90)
    t = (f"ST*835*1001~BPR*I*{r.randint(50, 900)}.00*C*ACH~TRN*1*{dg(r, 10)}*1{dg(r, 9)}~CLP*{acct(r)}*1*{r.randint(200, 1800)}.00*{r.randint(40, 190)}.00*{r.randint(10, 60)}.00*MC*{claimno(r)}*11~\n"
         f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~DTM*232*{ago(r, 30, 90):%Y%m%d}~CAS*CO*45*{r.randint(30, 300)}.00~CAS*PR*2*{r.randint(10, 60)}.00~")
    return Doc("x12-835", "835 variance", [P(L(r, "Posting variance on this remit, patient responsibility looks wrong:", "Can you check the CAS on this ERA?")), PRE(t)], kind="raw", o=o)
def R_271(r):
    o = org(r, "payer"); p = Person(r, 1, 90)
    t = (f"ST*271*0002*005010X279A1~HL*3*2*22*0~NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{memid(r)}~DMG*D8*{p.dob:%Y%m%d}~\n"
         f"EB*1*IND*30**GOLD PPO~EB*B*IND*98***27*35~DTP*291*RD8*20260101-20261231~MSG*MEMBER ACTIVE~")
    return Doc("x12-271", "271 response", [P("Eligibility response for the pt at registration:"), PRE(t)], kind="raw", o=o)
def R_fhir(r):
    o = org(r, "hospital"); p = Person(r, 1, 90)
    j = {"resourceType": "Patient", "id": hexs(r, 8), "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9921.1", "value": mrn(r)}, {"system": "http://hl7.org/fhir/sid/us-ssn", "value": ssn(r)}],
         "name": [{"family": p.family, "given": [p.given] + ([p.mi] if p.mi else [])}], "gender": "male" if p.sex == "M" else "female", "birthDate": p.dob.isoformat(),
         "telecom": [{"system": "phone", "value": phone(r)}], "extension": [{"url": "note", "valueString": "active problem " + dxp(r)[0]}]}
    return Doc("fhir-json", "FHIR Patient", [P(L(r, "Payload that failed validation in prod:", "Here's the Patient resource the app is sending:")), PRE(json.dumps(j, indent=2, ensure_ascii=False))], kind="raw", o=o)
def R_fhir_xml(r):
    o = org(r, "lab"); p = Person(r, 1, 90); n, v, u, rg, fl = lab(r)
    t = (f'<Observation xmlns="http://hl7.org/fhir">\n  <status value="final"/>\n  <code><text value="{n}"/></code>\n  <subject><reference value="Patient/{mrn(r)}"/>'
         f'<display value="{hx(p.fl())}"/></subject>\n  <effectiveDateTime value="{ago(r, 0, 5).isoformat()}"/>\n  <valueQuantity><value value="{v}"/><unit value="{u}"/></valueQuantity>\n'
         f'  <interpretation><text value="{fl}"/></interpretation>\n</Observation>')
    return Doc("fhir-xml", "Observation", [P("Observation resource from the lab feed (patient below):"), PRE(t)], kind="raw", o=o)
def R_1500(r):
    o = org(r, ("clinic", "pt", "billing")); p = Person(r, 1, 90); c, d = dxp(r)
    items = [("1a. Insured's ID Number", memid(r)), ("2. Patient's Name", p.LF()), ("3. Patient's Birth Date", f"{p.dob:%m %d %Y}"), ("5. Patient's Address", addr(r)),
             ("21. Diagnosis A", c), ("24A. Date(s) of Service", fd(ago(r, 10, 60))), ("24D. CPT", r.choice(["97110", "99214", "97140"])), ("26. Patient's Account No.", acct(r)), ("28. Total Charge", f"${r.randint(90, 900)}.00")]
    return Doc("cms-1500", "CMS-1500 keyed", [P("Keyed fields from the paper 1500:"), KV(r, items)], kind="raw", o=o)
def R_ub04(r):
    o = org(r, "hospital"); p = Person(r, 1, 90); c, d = dxp(r)
    items = [("FL 3a Pat Cntl #", acct(r)), ("FL 8 Patient Name", p.LF()), ("FL 10 Birthdate", f"{p.dob:%m%d%Y}"), ("FL 12 Admission Date", fd(ago(r, 5, 30))), ("FL 60 Insured's Unique ID", mbi(r)),
             ("FL 67 Principal Dx", c), ("FL 4 Type of Bill", "0111"), ("FL 47 Total Charges", f"{r.randint(8000, 90000):,}.00")]
    return Doc("ub04-text", "UB-04 review", [P("UB-04 fields for the DRG review:"), KV(r, items)], kind="raw", o=o)

# ================================================================== PHI lists (header row, one patient per row, real date column)
def plist(cat, title, o, hdr, rows, intro=None):
    b = [P(intro)] if intro else []
    return Doc(cat, title, b + [TBL(hdr, rows)], kind="list", o=o)
def Lp_ed_board(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 1, 95); c, d = dxp(r); rows.append([f"{r.randint(1, 32)}", p.lf(), p.dob, f"{p.age}{p.sex}", mrn(r), d, r.choice(["ESI 2", "ESI 3", "ESI 4"]), r.choice(["Admit", "Dispo pending", "Waiting CT", "Boarding"])])
    return plist("ed-board", "ED tracking board", org(r, "hospital"), ["Rm", "Patient", "DOB", "Age/Sex", "MRN", "Chief complaint / dx", "Acuity", "Status"], rows, "Boarders as of 0600")
def Lp_census(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 30, 97); c, d = dxp(r); rows.append([f"{r.randint(300, 560)}", p.LF(), mrn(r), ago(r, 1, 9), c, d, r.choice(["DC today", "SNF pending", "tele", "palliative consult"])])
    return plist("hospitalist-census", "Hospitalist census", org(r, "hospital"), ["Room", "Name", "MRN", "Admit Date", "ICD-10", "Problem", "Plan"], rows)
def Lp_noshow(r):
    o = org(r, ("clinic", "optometry", "dental", "pt")); rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 3, 90); rows.append([p.fl(), p.dob, phone(r), ago(r, 1, 14), r.choice(["Diabetic f/u", "Well child", "Post-op check", "Glaucoma check", "Cleaning + xrays", "PT eval"]), r.choice(["LVM", "no answer", "resched", "wrong #"])])
    return plist("no-show-list", "No-show list", o, ["Patient", "Date of Birth", "Phone", "Missed Appt", "Visit Type", "Outreach"], rows)
def Lp_rad(r):
    rows = []
    for _ in range(r.randint(6, 11)):
        p = Person(r, 18, 88); ex, _ = r.choice(IMAGING); rows.append([ahead(r, 0, 6), tm(r), p.lf(), p.dob, ex, acc_no(r), r.choice(["auth ok", "auth pending", "needs Cr", "sedation"])])
    return plist("radiology-schedule", "Imaging schedule", org(r, "imaging"), ["Date", "Time", "Patient", "DOB", "Exam", "Accession", "Notes"], rows)
def Lp_denials(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 1, 90); rows.append([acct(r), p.LF(), ago(r, 30, 150), claimno(r), r.choice(["CO-197", "CO-50", "CO-16", "CO-4", "PR-27"]), f"{r.randint(90, 25000)}.00", dxp(r)[0]])
    return plist("denial-worklist", "Denials worklist", org(r, "billing"), ["Acct", "Patient", "DOS", "Claim #", "CARC", "Balance", "Dx"], rows)
def Lp_roi(r):
    rows = []
    for _ in range(r.randint(6, 11)):
        p = Person(r, 18, 90); rows.append([ago(r, 0, 20), p.lf(), p.dob, mrn(r), r.choice(["Attorney", "Patient", "SSA/DDS", "Insurer", "Court order"]), r.choice(["ED record", "Psych eval excluded", "Full chart", "Imaging CD"]), r.choice(["Released", "Pending auth", "Denied"])])
    return plist("roi-log", "ROI log", org(r, "hospital"), ["Received", "Patient", "DOB", "MRN", "Requester", "Records", "Status"], rows)
def Lp_hh(r):
    rows = []
    for _ in range(r.randint(6, 10)):
        p = Person(r, 60, 97); rows.append([ahead(r, 0, 5), p.fl(), addr(r), phone(r), r.choice(["wound care", "INR draw", "med setup", "bath aide", "PT"]), staffer(r).short()])
    return plist("home-health-schedule", "Home visit schedule", org(r, "homehealth"), ["Visit Date", "Client", "Address", "Phone", "Service", "Assigned"], rows)
def Lp_school(r):
    rows = []
    for _ in range(r.randint(6, 12)):
        p = Person(r, 5, 14); rows.append([p.family, p.given, p.dob, f"{max(0, p.age - 5)}", r.choice(["Asthma - albuterol", "T1DM - insulin pump", "Peanut allergy - EpiPen", "ADHD - methylphenidate 10 mg", "Seizures - Diastat"]), ago(r, 30, 300)])
    return plist("school-med-list", "Students with medication orders", org(r, "school"), ["Last", "First", "DOB", "Grade", "Condition / Med", "Order Date"], rows)
def Lp_research(r):
    rows = []
    for _ in range(r.randint(6, 10)):
        p = Person(r, 25, 80); rows.append([f"HF2-{dg(r, 3)}", p.fl(), mrn(r), ago(r, 20, 200), ahead(r, 1, 30), r.choice(["active", "AE grade 1", "SAE - hospitalized", "withdrew"])])
    return plist("research-enrollment", "Enrolled participants", org(r, "research"), ["Study ID", "Participant", "MRN", "Consent Date", "Next Visit", "Status"], rows, "Identified tracker - internal only")
def Lp_rx(r):
    rows = []
    for _ in range(r.randint(6, 11)):
        p = Person(r, 18, 80); drug, c = r.choice(SPEC_RX); rows.append([p.LF(), p.dob, memid(r), drug, c, ahead(r, 0, 10), r.choice(["PA needed", "ship", "copay assist", "refill too soon"])])
    return plist("specialty-rx-queue", "Specialty refill queue", org(r, "pharmacy"), ["Patient", "DOB", "Member ID", "Drug", "Dx", "Ship Date", "Status"], rows)
def Lp_es(r):
    rows = []
    for _ in range(r.randint(6, 11)):
        p = Person(r, 1, 85, pool=r.choice(["mexican", "mexican", "us"])); rows.append([p.fl(), p.dob, mrn(r), ahead(r, 1, 14), r.choice(["Control de diabetes", "Vacunas", "Prenatal", "Resultados"])])
    return plist("spanish-list", "Citas de la semana", org(r, "clinic"), ["Paciente", "Fecha de nacimiento", "Expediente", "Fecha de cita", "Motivo"], rows)

# ================================================================== clean narratives
def C_shift_swap(r):
    o = org(r, "hospital"); a, b = staffer(r), staffer(r)
    return Doc("staff-schedule", "Shift swap", [P(f"{a.given} and {b.given} swapped {fd(ahead(r, 3, 20), 'wk')} nights (1900-0730). Charge that night is {staffer(r).short()}. Still need one more RN for {fd(ahead(r, 3, 20), 'm/d/yy')} - OT approved. Census cap stays at 32.")], o=o, subject="ED nights swap")
def C_research_deid(r):
    o = org(r, "research")
    return Doc("research-deidentified", "Enrollment update", [P(f"Enrollment is at {r.randint(40, 90)} of 120. Since last report, participants {', '.join('HF2-' + dg(r, 3) for _ in range(3))} completed week 12 (de-identified codes only, per protocol). "
        f"Two AEs were logged this quarter, both grade 1; no SAEs. Next DSMB meeting {fd(ahead(r, 10, 60), 'long')}. The key linking codes to MRNs stays with the PI on the research share.")], o=o)
def C_quality(r):
    o = org(r, "hospital")
    return Doc("quality-metrics", "Quality dashboard", [P(f"{r.choice(['Q3', 'Q4', 'November'])} results: SEP-1 bundle compliance {r.randint(58, 88)}%, CLABSI SIR {r.randint(4, 12) / 10}, 30-day HF readmissions {r.randint(14, 24)}.{r.randint(0, 9)}%, "
        f"door-to-needle median {r.randint(30, 55)} min (n={r.randint(18, 60)}). Falls with injury: {r.randint(0, 4)}. Great work 4 West!")], o=o)
def C_license(r):
    o = org(r); ppl = [staffer(r) for _ in range(4)]
    return Doc("staff-roster", "License renewals", [P("These licenses expire in the next 60 days - please upload renewals to the HR portal:\n" + "\n".join(f"{p.fl()}, RN - lic #{dg(r, 6)} exp {fd(ahead(r, 5, 60))} (hired {fd(D(r.randint(2005, 2024), r.randint(1, 12), r.randint(1, 28)))})" for p in ppl))], o=o)
def C_training(r):
    o = org(r)
    return Doc("training-record", "Epic training patient", [P(f"For Thursday's class use the training environment (TRN) only. Test patient: ZZTEST, MANGO  DOB 01/01/1960  MRN 99999001. "
        f"Sample SSN for the registration exercise is 078-05-1120 (the famous wallet card number, never issued). Medicare example: 1EG4-TE5-MK73; format 1AA1-AA1-AA11. Do not enter real patients.")], o=o)
def C_invoice(r):
    o = r.choice(VENDORS)
    return Doc("vendor-invoice", "Invoice", [KV(r, [("Invoice #", f"INV-{dg(r, 7)}"), ("PO #", f"4500{dg(r, 6)}"), ("Account", f"C{dg(r, 6)}"), ("Ship date", fd(ago(r, 1, 20))), ("Amount due", f"${r.randint(400, 40000):,}.{dg(r, 2)}"), ("Terms", "Net 45")]),
        P("Remit to lockbox 7731. Questions: ar@" + o.dom)], o=o)
def C_ticket(r):
    o = org(r); s = staffer(r)
    return Doc("it-ticket", "Ticket update", [P(f"INC{dg(r, 7)} - {L(r, 'Epic Hyperspace freezing on WOW carts', 'Fax server queue backed up', 'Badge tap-in not working on 3N Pyxis', 'VPN token reset')}\nAssigned: {s.fl()}\nPriority: P{r.randint(2, 4)}\n"
        f"Asset tag: PRR-{dg(r, 6)}. Resolved by clearing the cache; user confirmed. Closing in 3 days unless reopened.")], o=o)
def C_hr(r):
    o = org(r)
    return Doc("hr-notice", "Open enrollment", [P(f"Open enrollment ends {fd(ahead(r, 3, 20), 'long')}. Log in with your employee ID (starts with E) and verify dependents' dates of birth on file. "
        f"Plan year 2027 rates are attached to the HR page. Questions: benefits@{o.dom} or x{dg(r, 4)}.")], o=o)
def C_finance(r):
    o = org(r)
    return Doc("finance-variance", "Budget variance", [P(f"Cost center {dg(r, 4)}-{dg(r, 3)} is {r.randint(2, 14)}% over on supplies for FY27 P{r.randint(1, 6)}. Largest lines: GL {dg(r, 5)} surgical supplies ${r.randint(20, 90)},{dg(r, 3)}, "
        f"GL {dg(r, 5)} agency labor ${r.randint(100, 400)},{dg(r, 3)}. Please send explanations by {fd(ahead(r, 3, 12), 'long')}.")], o=o)
def C_news(r):
    o = org(r)
    topic = r.choice([("flu season", "Flu activity in the county is rising; vaccination clinics run Tuesdays."), ("diabetes awareness", "1 in 10 adults in our service area lives with diabetes; our DSME classes restart in January."),
                      ("glaucoma month", "Glaucoma often has no symptoms early - encourage annual dilated exams."), ("RSV", "RSV hospitalizations peak in winter; nirsevimab is available for eligible infants.")])
    return Doc("newsletter", f"Community health: {topic[0]}", [H(f"Community health - {topic[0]}"), P(topic[1]), P("Unsubscribe | Privacy policy")], o=o)
def C_roi_policy(r):
    o = org(r, "hospital")
    return Doc("policy-notice", "ROI policy", [P(f"Effective {fd(ahead(r, 10, 40), 'long')}, release-of-information requests must include a signed HIPAA-compliant authorization (form HIM-204, rev. 08/2026). "
        f"Requests for psychotherapy notes and substance-use records (42 CFR Part 2) go to the HIM manager. Copy fees follow the state schedule.")], o=o)
def C_es(r):
    o = org(r)
    return Doc("spanish-notice", "Aviso al personal", [P(f"Aviso al personal: la capacitación anual de HIPAA vence el {fd(ahead(r, 5, 30), 'es')}. El estacionamiento del lado norte estará cerrado del {fd(ahead(r, 1, 5), 'es')} "
        f"al {fd(ahead(r, 6, 12), 'es')}. Gracias por su paciencia. - Recursos Humanos")], o=o)
def C_form(r):
    o = org(r)
    return Doc("form-revision", "Form revision", [P(f"Registration form REG-01 has been revised (rev. date {fd(ago(r, 1, 30))}). The 'Date of Birth' field now uses MM/DD/YYYY and the old 'SSN' box was removed. "
        f"Please recycle stock printed before {fd(ago(r, 30, 60), 'long')}.")], o=o)
def C_bday(r):
    o = org(r); s = staffer(r)
    return Doc("staff-birthday", "Birthday!", [P(f"Cake in the 3rd floor break room at 2:30 for {s.given} {s.family}'s birthday ({fd(ahead(r, 0, 6), 'long')})! {L(r, 'Card is at the front desk.', 'Sign the card by the Pyxis.', 'Tres leches this year.')}")], o=o)
def C_job(r):
    o = org(r)
    return Doc("job-posting", "Now hiring", [P(f"Now hiring: {L(r, 'Release of Information Specialist', 'CDI Specialist (RN)', 'Dental Assistant', 'School Nurse (RN, credential)', 'Patient Access Rep, nights')}. Req #{dg(r, 6)}. "
        f"Pay range ${r.randint(22, 60)}-{r.randint(61, 80)}/hr. Apply by {fd(ahead(r, 10, 30), 'long')}.")], o=o)
def C_hipaa(r):
    o = org(r)
    return Doc("hipaa-reminder", "HIPAA reminder", [P("Reminder: verify two identifiers before releasing any information, never forward PHI to personal email, and use [secure] in the subject for external mail. "
        f"Annual privacy training is due {fd(ahead(r, 5, 40), 'long')}; completion is {r.randint(70, 96)}% organisation-wide.")], o=o)
def C_payer_bulletin(r):
    o = org(r, "payer")
    return Doc("payer-bulletin", "Provider bulletin", [P(f"Golden Poppy Health Plan provider bulletin {TODAY.year}-{r.randint(10, 40)}: effective {fd(ahead(r, 15, 45), 'long')}, prior authorization is no longer required for CPT 97110/97140 "
        f"for the first 12 visits. Fee schedule update posted to the provider portal. Provider Relations: {o.phone}.")], o=o)
def C_vet(r):
    o = org(r, "vet"); ow = Person(r, 25, 75)
    return Doc("vet-record", "Pet reminder", [P(f"Hi {ow.given}, this is a reminder that {r.choice(['Biscuit', 'Luna', 'Mochi', 'Taco', 'Duke'])} ({r.choice(['canine, Labrador mix', 'feline, DSH', 'canine, Chihuahua'])}) is due for "
        f"{r.choice(['rabies booster', 'DHPP', 'FVRCP', 'dental cleaning'])} on {fd(ahead(r, 3, 20), 'long')}. Rabies tag #{dg(r, 6)}, vaccine lot {r.choice('ABCDEF')}{dg(r, 5)}. Weight last visit {r.randint(8, 70)} lb.")], o=o)
def C_school_notice(r):
    o = org(r, "school")
    return Doc("school-notice", "Health office notice", [P(f"Dear families, the health office will host a free flu vaccine clinic on {fd(ahead(r, 5, 30), 'long')}. Students need a signed consent form (rev. 07/2026). "
        f"Medication authorization forms for the new semester are due {fd(ahead(r, 10, 40), 'long')}.")], o=o)
def C_cdi_tip(r):
    o = org(r, "hospital")
    return Doc("cdi-education", "CDI tip of the week", [P("CDI tip: 'CHF' alone codes to I50.9. Specify type and acuity - e.g. acute on chronic systolic HF (I50.23) - to capture the CC. "
        "Likewise document 'sepsis due to UTI' rather than 'urosepsis' (no code). Example case in the slide deck is fictional.")], o=o)
def C_gym(r):
    o = org(r)
    return Doc("wellness-perk", "Gym discount", [P(f"Employee wellness: show badge at FitLoop for $15/mo. Your corporate member # is FL-{dg(r, 7)}; discount code PRR2027. Car insurance discount through Westfield Auto policy WA-{dg(r, 8)} also renewed.")], o=o)
def C_ooo(r):
    o = org(r); s = staffer(r)
    return Doc("out-of-office", "Automatic reply", [P(f"I am out of the office until {fd(ahead(r, 2, 12), 'long')} with limited access to email. For ROI requests contact {staffer(r).short()} at x{dg(r, 4)}; for urgent billing questions call {o.phone}.\n{s.fl()}")], o=o)
def C_recall(r):
    o = r.choice(VENDORS)
    return Doc("product-recall", "Recall notice", [KV(r, [("Product", r.choice(["IV extension set 20in", "Blood glucose test strips", "Disposable dental bibs", "Trial contact lens -2.25"])), ("REF", f"{dg(r, 6)}-{dg(r, 2)}"), ("Lot", f"{r.choice('ABCKLM')}{dg(r, 7)}"), ("Expiry", fd(ahead(r, 100, 600), 'iso')), ("Action", "Quarantine and return")])], o=o)

def C_denial_stats(r):
    o = org(r, "billing")
    return Doc("revenue-metrics", "Denials by payer", [KV(r, [(py, f"{r.randint(3, 19)}.{r.randint(0, 9)}% ({r.randint(40, 900)} claims)") for py in ["Golden Poppy", "Medi-Cal MCPs", "Medicare FFS", "Commercial other", "Workers comp"]]),
        P(f"Top CARC: CO-197 ({r.randint(20, 35)}%), CO-16, CO-50. Clean-claim rate {r.randint(86, 97)}%. Days in A/R {r.randint(32, 58)}. No patient detail in this report.")], o=o)
def C_dental_training(r):
    o = org(r, ("dental", "optometry", "pt"))
    return Doc("training-record", "Front office training", [P("New-hire practice: register the sample patient Jane Q. Sample, DOB 01/01/1900, Subscriber ID TEST000000, in the practice-management TRAINING database only. "
        f"The software form REG-3 (rev. {fd(ago(r, 40, 200), 'm/d/yy')}) now asks for date of birth before insurance. Quiz due {fd(ahead(r, 5, 15), 'long')}.")], o=o)

# ================================================================== clean interchange look-alikes
def Q_hl7spec(r): return Doc("hl7-spec", "HL7 ADT spec", [P("Interface spec v3.2 - PID mapping (placeholders):"), PRE("PID|1||<MRN>^^^PRRMC^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>\nPV1|1|<CLASS>|<UNIT>^<ROOM>^<BED>")], kind="raw", o=org(r))
def Q_hl7test(r): return Doc("hl7-test-patient", "Test message", [P("Test message for the cutover (processing ID T, test patient):"), PRE(f"MSH|^~\\&|EPIC|PRRMC|LAB|VANTAGE|{TODAY:%Y%m%d}0900||ADT^A04|TST{dg(r, 5)}|T|2.5.1\nPID|1||TEST0001^^^PRRMC^MR||ZZTEST^PAPAYA^^||19500101|U")], kind="raw", o=org(r))
def Q_x12(r): return Doc("x12-guide", "837 companion guide", [P("Companion guide example (test indicator T):"), PRE("ISA*00*          *00*          *ZZ*SENDERID       *ZZ*RECEIVERID     *261201*1200*^*00501*000000001*0*T*:~\nNM1*IL*1*DOE*JANE****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*F~")], kind="raw", o=org(r, "billing"))
def Q_fhir(r): return Doc("fhir-profile", "FHIR profile", [P("US Core Patient example (synthetic):"), PRE(json.dumps({"resourceType": "Patient", "id": "example", "name": [{"family": "<family>", "given": ["<given>"]}], "birthDate": "YYYY-MM-DD", "identifier": [{"system": "urn:oid:<oid>", "value": "<mrn>"}]}, indent=2))], kind="raw", o=org(r))
def Q_mbi(r): return Doc("mbi-training", "MBI format", [P("MBI format reminder for registration staff: 11 characters, format 1AA1-AA1-AA11 (no S, L, O, I, B, Z). CMS's example is 1EG4-TE5-MK73. Dashes are display only. Never use an SSN-based HICN after 2020.")], kind="raw", o=org(r, "billing"))
def Q_999(r): return Doc("x12-999", "999 ack", [P("Batch acknowledgment:"), PRE(f"ST*999*0001*005010X231A1~AK1*HC*{dg(r, 4)}*005010X222A1~AK2*837*0001~IK5*A~AK9*A*{r.randint(10, 80)}*{r.randint(10, 80)}*{r.randint(10, 80)}~SE*6*0001~")], kind="raw", o=org(r, "billing"))

# ================================================================== clean lists
def klist(cat, title, o, hdr, rows, intro=None): return plist(cat, title, o, hdr, rows, intro)
def K_roster(r):
    rows = [[s.lf(), r.choice(["RN", "CNA", "Unit Clerk", "Charge RN", "Tech"]), f"E{dg(r, 6)}", D(r.randint(2008, 2025), r.randint(1, 12), r.randint(1, 28)), ahead(r, 10, 700)] for s in [staffer(r) for _ in range(r.randint(6, 12))]]
    return klist("staff-roster", "ED staff roster", org(r, "hospital"), ["Name", "Role", "Employee ID", "Hire Date", "License Exp"], rows)
def K_oncall(r):
    rows = [[ahead(r, i, i), drn(clin(r, "MD")), npi(r), r.choice(["Hospitalist", "Cardiology", "Ortho", "GI", "Radiology"]), phone(r)] for i in range(r.randint(6, 10))]
    return klist("on-call", "On-call schedule", org(r, "hospital"), ["Date", "Physician", "NPI", "Service", "Pager"], rows)
def K_train(r):
    rows = [[s.fl(), f"E{dg(r, 6)}", r.choice(["HIPAA 2026", "Fire safety", "Epic ROI module", "Bloodborne pathogens"]), ago(r, 1, 200), r.choice(["Complete", "Overdue", "In progress"])] for s in [staffer(r) for _ in range(r.randint(6, 12))]]
    return klist("training-compliance", "Training compliance", org(r), ["Employee", "Emp ID", "Course", "Completed", "Status"], rows)
def K_po(r):
    rows = [[f"4500{dg(r, 6)}", r.choice(VENDORS).name, ago(r, 1, 40), f"{r.randint(100, 40000)}.{dg(r, 2)}", r.choice(["open", "received", "partial"])] for _ in range(r.randint(6, 12))]
    return klist("purchase-orders", "Open POs", org(r), ["PO #", "Vendor", "PO Date", "Amount", "Status"], rows)
def K_lots(r):
    rows = [[r.choice(["Suture 3-0 Vicryl", "Contact lens trial -1.50", "Composite A2 syringe", "Blood culture bottle", "Theraband red"]), f"REF {dg(r, 6)}", f"LOT {r.choice('ABCDX')}{dg(r, 6)}", ahead(r, 10, 200), r.randint(1, 90)] for _ in range(r.randint(6, 12))]
    return klist("supply-lots", "Short-dated supplies", org(r), ["Item", "Catalogue", "Lot", "Expires", "Qty"], rows)
def K_stats(r):
    rows = [[f"P-{dg(r, 3)}", r.choice(["18-34", "35-49", "50-64", "65+"]), r.choice(["arm A", "arm B"]), D(2026, r.randint(1, 11), 1), f"{r.randint(-30, 10)}%"] for _ in range(r.randint(6, 12))]
    return klist("deidentified-stats", "De-identified outcomes", org(r, "research"), ["Participant Code", "Age Band", "Arm", "Enrollment Month", "Change in LDL"], rows, "Limited to de-identified codes; no dates of birth or names.")
def K_quality(r):
    rows = [[u, D(2026, r.randint(1, 11), 1), r.randint(40, 400), f"{r.randint(60, 99)}%", f"{r.randint(0, 9) / 10}"] for u in ["4 West", "5 North", "ICU", "ED", "L&D", "Rehab", "Peds"][:r.randint(5, 7)]]
    return klist("quality-metrics", "Unit quality metrics", org(r, "hospital"), ["Unit", "Month", "Patient Days", "Hand Hygiene", "Falls/1000"], rows)
def K_assets(r):
    rows = [[f"PRR-{dg(r, 6)}", r.choice(["Dell Latitude 5450", "Zebra printer", "WOW cart", "iPad"]), staffer(r).short(), ago(r, 100, 1500), r.choice(["in use", "retire", "repair"])] for _ in range(r.randint(6, 12))]
    return klist("it-assets", "IT asset list", org(r), ["Asset Tag", "Model", "Assigned To", "Purchased", "Status"], rows)
def K_budget(r):
    rows = [[f"{dg(r, 4)}-{dg(r, 3)}", r.choice(["Med/surg supplies", "Agency RN", "Pharmacy", "Linen", "Travel"]), D(2026, r.randint(1, 11), 28), r.randint(1000, 99000), r.randint(1000, 99000)] for _ in range(r.randint(6, 12))]
    return klist("finance-budget", "Budget vs actual", org(r), ["Cost Center", "Line", "Period End", "Budget", "Actual"], rows)
def K_es(r):
    rows = [[staffer(r).fl(), r.choice(["Enfermería", "Recepción", "Farmacia", "Laboratorio"]), ahead(r, 0, 14), r.choice(["7:00-15:30", "15:00-23:30", "23:00-7:30"])] for _ in range(r.randint(6, 12))]
    return klist("spanish-staff-list", "Turnos del personal", org(r), ["Empleado", "Departamento", "Fecha", "Turno"], rows)
def K_vet(r):
    rows = [[r.choice(["Biscuit", "Luna", "Mochi", "Taco", "Duke", "Pepper", "Nala"]), r.choice(["Canine", "Feline"]), Person(r, 25, 75).lf(), ahead(r, 0, 10), r.choice(["Rabies", "DHPP", "Dental", "Spay"])] for _ in range(r.randint(6, 12))]
    return klist("vet-appointments", "Pet appointments", org(r, "vet"), ["Pet", "Species", "Owner", "Appt Date", "Service"], rows)

PHI_NARR = [P_ed_charge, P_hospitalist, P_front_desk, P_spec_rx, P_rad_sched, P_lab_cs, P_case_mgr, P_cdi, P_denial, P_prov_rel, P_ur, P_roi, P_compliance, P_school, P_home_health,
            P_dental, P_optometry, P_pt_clinic, P_vet_mixup, P_research, P_spanish, P_nolabel, P_result_letter, P_refill, P_reminder]
PHI_RAW = [R_adt, R_oru, R_837, R_835, R_271, R_fhir, R_fhir_xml, R_1500, R_ub04]
PHI_LIST = [Lp_ed_board, Lp_census, Lp_noshow, Lp_rad, Lp_denials, Lp_roi, Lp_hh, Lp_school, Lp_research, Lp_rx, Lp_es]
CLEAN_NARR = [C_shift_swap, C_research_deid, C_quality, C_license, C_training, C_invoice, C_ticket, C_hr, C_finance, C_news, C_roi_policy, C_es, C_form, C_bday, C_job, C_hipaa,
              C_payer_bulletin, C_vet, C_school_notice, C_cdi_tip, C_gym, C_ooo, C_recall, C_denial_stats, C_dental_training]
CLEAN_RAW = [Q_hl7spec, Q_hl7test, Q_x12, Q_fhir, Q_mbi, Q_999]
CLEAN_LIST = [K_roster, K_oncall, K_train, K_po, K_lots, K_stats, K_quality, K_assets, K_budget, K_es, K_vet]

# ================================================================== renderers
def cs(v, st="mdy"): return fd(v, st) if isinstance(v, D) else str(v)
def kv_text(items, sty, dst="mdy"):
    if sty == "align": w = max(len(k) for k, _ in items) + 2; return "\n".join(f"{k + ':':<{w}}{v}" for k, v in items)
    if sty == "next": return "\n".join(f"{k}\n  {v}" for k, v in items)
    if sty == "pipe": return "\n".join(f"{k} | {v}" for k, v in items)
    if sty == "runon": return "; ".join(f"{k} {v}" for k, v in items)
    if sty == "dash": return "\n".join(f"- {k} - {v}" for k, v in items)
    return "\n".join(f"{k}: {v}" for k, v in items)
def table_text(hdr, rows, dst="mdy"):
    cells = [hdr] + [[cs(v, dst) for v in row] for row in rows]; w = [max(len(str(c[i])) for c in cells) for i in range(len(hdr))]
    return "\n".join("  ".join(str(c[i]).ljust(w[i]) for i in range(len(hdr))).rstrip() for c in cells)
def render_text(doc, dst="mdy"):
    out = []
    for b in doc.blocks:
        if b[0] in ("p", "pre"): out.append(b[1])
        elif b[0] == "h": out.append(b[1].upper())
        elif b[0] == "kv": out.append(kv_text(b[1], b[2]))
        elif b[0] == "table": out.append(table_text(b[1], b[2], dst))
    return "\n\n".join(out) + "\n"
def render_html(doc):
    h = [f"<html><head><meta charset=\"utf-8\"><title>{hx(doc.title)}</title></head><body style=\"font-family:Calibri,Arial,sans-serif;font-size:11pt\">"]
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + hx(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "h": h.append(f"<h3>{hx(b[1])}</h3>")
        elif b[0] == "pre": h.append(f"<pre style=\"font-size:9pt\">{hx(b[1])}</pre>")
        elif b[0] == "kv": h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse\">" + "".join(f"<tr><td style=\"background:#eef\"><b>{hx(k)}</b></td><td>{hx(str(v))}</td></tr>" for k, v in b[1]) + "</table>")
        elif b[0] == "table":
            h.append("<table border=\"1\" cellpadding=\"3\" style=\"border-collapse:collapse;font-size:9pt\"><tr>" + "".join(f"<th style=\"background:#dde\">{hx(x)}</th>" for x in b[1]) + "</tr>"
                     + "".join("<tr>" + "".join(f"<td>{hx(cs(v))}</td>" for v in row) + "</tr>" for row in b[2]) + "</table>")
    return "\n".join(h) + "</body></html>"

def norm_pdf(data, key):
    """same-length replacement of wall-clock dates and random IDs, keyed on b15/ + file name (re-typed after batch 14's helper)"""
    h = hashlib.sha256(("b15/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261215170000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-15T17:00:00", data)
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
from reportlab.lib.pagesizes import letter, landscape
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted
from reportlab.lib import colors
SS15 = getSampleStyleSheet()
CELL15 = ParagraphStyle("cell15", parent=SS15["BodyText"], fontSize=8, leading=9.6)
def rx(s): return hx(lat1(str(s))).replace("\n", "<br/>")
def rl_pdf(r, doc):
    buf = io.BytesIO(); o = doc.o or ORGS[0]; wide = any(b[0] == "table" and len(b[1]) > 6 for b in doc.blocks)
    ps = landscape(letter) if wide else letter; col = colors.Color(*[c / 255 for c in o.color])
    def deco(cv, d):
        cv.saveState(); cv.setFillColor(col); cv.rect(0, ps[1] - 42, ps[0], 42, fill=1, stroke=0); cv.setFillColor(colors.white); cv.setFont("Helvetica-Bold", 13)
        cv.drawString(36, ps[1] - 27, lat1(o.name)); cv.setFont("Helvetica", 7); cv.setFillColor(colors.grey); cv.drawString(36, 20, lat1(f"{o.addr}  |  P {o.phone}  F {o.fax}")); cv.restoreState()
    st = [Paragraph(rx(doc.title), SS15["Heading2"])]
    for b in doc.blocks:
        if b[0] == "p": st.append(Paragraph(rx(b[1]), SS15["BodyText"]))
        elif b[0] == "h": st.append(Paragraph(rx(b[1]), SS15["Heading3"]))
        elif b[0] == "pre": st.append(Preformatted(lat1(b[1]), ParagraphStyle("pre15", fontName="Courier", fontSize=7, leading=8.5)))
        elif b[0] == "kv":
            data = [[Paragraph("<b>" + rx(k) + "</b>", CELL15), Paragraph(rx(v), CELL15)] for k, v in b[1]]
            t = Table(data, colWidths=[150, 330]); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.94, 0.98))])); st.append(t)
        elif b[0] == "table":
            data = [[Paragraph("<b>" + rx(x) + "</b>", CELL15) for x in b[1]]] + [[Paragraph(rx(cs(v)), CELL15) for v in row] for row in b[2]]
            t = Table(data, repeatRows=1); t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.95)),
                                                                   ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(0.96, 0.96, 0.96)])])); st.append(t)
        st.append(Spacer(1, 8))
    SimpleDocTemplate(buf, pagesize=ps, topMargin=60, bottomMargin=40, title=lat1(doc.title), author=lat1(o.short)).build(st, onFirstPage=deco, onLaterPages=deco)
    return buf.getvalue()

def fp_pdf(r, doc):
    from fpdf import FPDF
    import fpdf as _fpdf
    wide = any(b[0] == "table" and len(b[1]) > 5 for b in doc.blocks)
    pdf = FPDF(orientation="L" if wide else "P", unit="mm", format="Letter"); pdf.set_auto_page_break(True, 14)
    pdf.set_creation_date(dtm.datetime(2026, 12, 15, 17, 0, tzinfo=dtm.timezone.utc)); pdf.set_producer(f"PyFPDF/fpdf{_fpdf.__version__}")
    uni = r.random() < 0.5
    if uni: pdf.add_font("DJ", "", DJ); pdf.add_font("DJ", "B", DJB); F = "DJ"; T = lambda s: str(s)
    else: F = "Helvetica"; T = lambda s: lat1(str(s))
    o = doc.o or ORGS[0]; pdf.add_page(); W = pdf.w - 20
    pdf.set_font(F, "B", 13); pdf.set_text_color(*o.color); pdf.cell(W, 7, T(o.name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(F, "", 7.5); pdf.set_text_color(90, 90, 90); pdf.cell(W, 4, T(f"{o.addr} · Tel {o.phone} · Fax {o.fax}" if uni else f"{o.addr} - Tel {o.phone} - Fax {o.fax}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*o.color); pdf.line(10, pdf.get_y() + 1, 10 + W, pdf.get_y() + 1); pdf.ln(4); pdf.set_text_color(0, 0, 0)
    pdf.set_font(F, "B", 11); pdf.cell(W, 6, T(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(1)
    for b in doc.blocks:
        if b[0] == "p": pdf.set_font(F, "", 9.5); pdf.multi_cell(W, 4.8, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif b[0] == "h": pdf.set_font(F, "B", 10.5); pdf.multi_cell(W, 5.5, T(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "pre":
            pdf.set_font("Courier", "", 7)
            for ln in b[1].split("\n"):
                for i in range(0, max(1, len(ln)), 120): pdf.cell(W, 3.4, lat1(ln[i:i + 120]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "kv":
            for k, v in b[1]:
                pdf.set_font(F, "B", 8.5); pdf.cell(55, 5.5, T(k), border=1); pdf.set_font(F, "", 9); pdf.multi_cell(W - 55, 5.5, T(v), border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif b[0] == "table":
            n = len(b[1]); cw = W / n; pdf.set_font(F, "B", 7.5); pdf.set_fill_color(220, 226, 240)
            for x in b[1]: pdf.cell(cw, 5.5, T(x)[:int(cw / 1.5)], border=1, fill=True)
            pdf.ln(); pdf.set_font(F, "", 7.5)
            for row in b[2]:
                for v in row: pdf.cell(cw, 5, T(cs(v))[:int(cw / 1.45)], border=1)
                pdf.ln()
            pdf.ln(2)
    return bytes(pdf.output())

def ps_esc(t):
    out = []
    for ch in lat1(t):
        o_ = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o_ > 126 or o_ < 32: out.append(f"\\{o_:03o}")
        else: out.append(ch)
    return "".join(out)
def ps_pdf(ctx, r, doc, key):
    lines = []
    for ln in render_text(doc).split("\n"):
        while len(ln) > 95: lines.append(ln[:95]); ln = ln[95:]
        lines.append(ln)
    lines = lines[:110]; o = doc.o or ORGS[0]
    ps = ["%!PS-Adobe-3.0", f"%%Title: ({ps_esc(doc.title)})", "%%Pages: (atend)", "%%EndComments",
          "/Courier findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding def currentdict end /CourL exch definefont pop",
          "/Helvetica-Bold findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall /Encoding ISOLatin1Encoding def currentdict end /HelvBL exch definefont pop"]
    page = 0
    for i in range(0, len(lines), 56):
        page += 1; ps.append(f"%%Page: {page} {page}"); ps.append("0.85 setgray 36 740 540 28 rectfill 0 setgray")
        ps.append(f"/HelvBL findfont 13 scalefont setfont 44 749 moveto ({ps_esc(o.name)}) show"); ps.append("/CourL findfont 9 scalefont setfont")
        y = 715
        for ln in lines[i:i + 56]: ps.append(f"40 {y} moveto ({ps_esc(ln)}) show"); y -= 12
        ps.append("showpage")
    ps.append("%%EOF")
    p = ctx.path(".ps")
    with open(p, "w", encoding="latin-1") as f: f.write("\n".join(ps) + "\n")
    return norm_pdf(gs_distill(p, ctx.path(".pdf")), key)

def logo_png(o):
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (240, 60), "white"); d = ImageDraw.Draw(im)
    d.rectangle([0, 0, 56, 59], fill=o.color); d.ellipse([12, 12, 44, 44], outline="white", width=4); d.text((66, 14), asc(o.short)[:22], fill=o.color); d.text((66, 34), asc(o.city)[:26], fill=(110, 110, 110))
    b = io.BytesIO(); im.save(b, "PNG"); return b.getvalue()
def docx_bytes(r, doc, logo=False):
    import docx
    from docx.shared import Pt, Inches
    from docx.enum.section import WD_ORIENT
    d = docx.Document(); o = doc.o or ORGS[0]; sec = d.sections[0]
    if any(b[0] == "table" and len(b[1]) > 5 for b in doc.blocks):
        sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.8)); hp.add_run("   ")
    rn = hp.add_run(o.name); rn.bold = True; rn.font.size = Pt(12)
    sec.footer.paragraphs[0].text = f"{o.addr} | Phone {o.phone} | Fax {o.fax}"
    d.add_heading(doc.title, level=2)
    for b in doc.blocks:
        if b[0] == "p": d.add_paragraph(b[1])
        elif b[0] == "h": d.add_heading(b[1], level=3)
        elif b[0] == "pre":
            p = d.add_paragraph(); x = p.add_run(b[1]); x.font.name = "Courier New"; x.font.size = Pt(7.5)
        elif b[0] == "kv":
            t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
            for k, v in b[1]:
                c = t.add_row().cells; c[0].text = k; c[1].text = str(v); c[0].paragraphs[0].runs[0].bold = True
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1"])
            for i, x in enumerate(b[1]): t.rows[0].cells[i].text = x
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cs(v)
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())
def xlsx_bytes(r, doc):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = re.sub(r"[^A-Za-z0-9 ]", "", asc(doc.title))[:28] or "Sheet1"
    tb = [b for b in doc.blocks if b[0] == "table"][0]; row0 = 1
    if r.random() < 0.5: ws.cell(1, 1, f"{(doc.o or ORGS[0]).short} - {doc.title} ({TODAY:%m/%d/%Y})").font = Font(bold=True, size=12); row0 = 3
    for i, x in enumerate(tb[1], 1):
        c = ws.cell(row0, i, x); c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor="%02X%02X%02X" % (doc.o or ORGS[0]).color)
    nf = r.choice(["mm/dd/yyyy", "m/d/yy", "yyyy-mm-dd", "dd-mmm-yyyy"])
    for j, row in enumerate(tb[2], row0 + 1):
        for i, v in enumerate(row, 1):
            c = ws.cell(j, i, v)
            if isinstance(v, D): c.number_format = nf
    for i in range(1, len(tb[1]) + 1): ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = 18
    ws.freeze_panes = ws.cell(row0 + 1, 1)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())
def csv_bytes(r, doc):
    tb = [b for b in doc.blocks if b[0] == "table"][0]; x = r.random(); dst = r.choice(["mdy", "iso", "compact", "m/d/yyyy"])
    delim, ext, quote = (",", "csv", csv.QUOTE_MINIMAL) if x < 0.45 else (",", "csv", csv.QUOTE_ALL) if x < 0.6 else ("\t", "tsv", csv.QUOTE_MINIMAL) if x < 0.8 else (";", "csv", csv.QUOTE_MINIMAL) if x < 0.9 else ("|", "txt", csv.QUOTE_MINIMAL)
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, quoting=quote, lineterminator=r.choice(["\r\n", "\n"]))
    w.writerow(tb[1])
    for row in tb[2]: w.writerow([cs(v, dst) for v in row])
    data = s.getvalue()
    if r.random() < 0.25: data = "\ufeff" + data
    return data.encode("utf-8"), ext

# ================================================================== mail assembly (re-typed after batch 14's wiring)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18227", "iPhone Mail (22C152)", "Android Mail", "Mozilla Thunderbird 128.6.0", "Zimbra 10.1 (ZimbraWebClient)", "Paubox Secure Mail", "Virtru"]
TITLES = ["Charge Nurse, Emergency Dept", "Hospitalist", "Front Desk", "Specialty Pharmacy Intake", "Radiology Scheduler", "Client Services Rep", "RN Case Manager", "CDI Specialist",
          "Revenue Cycle Analyst", "Provider Relations Rep", "Utilization Review RN", "ROI Specialist", "Compliance Officer", "School Nurse", "Home Health Coordinator", "Office Manager",
          "Research Coordinator", "IT Service Desk", "HR Generalist", "Senior Financial Analyst"]
KIND_TITLES = {"hospital": ["Charge Nurse, Emergency Dept", "Hospitalist", "RN Case Manager", "CDI Specialist", "ROI Specialist", "Compliance Officer", "Utilization Review RN", "IT Service Desk", "HR Generalist", "Senior Financial Analyst"],
               "clinic": ["Front Desk", "Office Manager", "Medical Assistant", "Referral Coordinator"], "pharmacy": ["Specialty Pharmacy Intake", "PharmD, Clinical Pharmacist", "Benefits Investigator"],
               "imaging": ["Radiology Scheduler", "Imaging Front Desk"], "lab": ["Client Services Rep", "Lab Supervisor"], "payer": ["Provider Relations Rep", "Utilization Review RN", "Claims Analyst"],
               "homehealth": ["Home Health Coordinator", "Scheduler", "Clinical Manager"], "dental": ["Office Manager", "Front Office"], "optometry": ["Front Desk", "Optometric Tech"], "pt": ["Front Desk", "Clinic Director, DPT"],
               "school": ["School Nurse", "Health Clerk"], "vet": ["Client Care Rep", "Practice Manager"], "billing": ["Revenue Cycle Analyst", "AR Specialist", "Coding Auditor"],
               "research": ["Research Coordinator", "Regulatory Specialist"], "vendor": ["Account Manager", "Customer Service"]}
def ttl(r, o): return r.choice(KIND_TITLES.get(o.kind, TITLES))
def mbox(p, dom): return f"{re.sub('[^a-z]', '', asc(p.given).lower())[:10]}.{re.sub('[^a-z]', '', asc(p.family).lower())}@{dom}"
def sig_block(r, s, o):
    return r.choice([f"{s.short()}\n{ttl(r, o)}\n{o.name}\nP: {o.phone}  F: {o.fax}", f"-{s.given[0]}", f"thx\n{s.given}", "Sent from my iPhone", f"{s.short()}, {ttl(r, o)}",
                     f"{s.fl()} | {ttl(r, o)} | {o.short}\nCONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential information."])
def when_dt(r):
    d = TODAY - TD(days=r.randint(0, 9))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 22), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(TD(hours=-8)))
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r); m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([s.short(), f"{s.family}, {s.given}", f"{s.short()} ({o.short})", s.FL()]), addr_spec=mbox(s, o.dom))
    if to is None: t = staffer(r); to = Address(display_name=r.choice([t.short(), f"{t.family}, {t.given}", ""]), addr_spec=mbox(t, partner(r, o).dom))
    m["To"] = to
    if cc: m["Cc"] = cc
    m["Subject"] = subject; m["Date"] = format_datetime(when_dt(r)); m["Message-ID"] = f"<{hexs(r, 16)}.{dg(r, 5)}@{o.dom}>"
    x = r.choice(MAILERS + [None, None, None])
    if x: m["X-Mailer"] = x
    return m, s
def sethdr(m, k, v): del m[k]; m[k] = v
def set_body(r, m, text, html=None, o=None, logo=False):
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    cid = f"sig{hexs(r, 10)}@{o.dom}"; h = html or "<html><body><p>" + hx(text).replace("\n", "<br>") + "</p></body></html>"
    h = h.replace("</body>", f'<p><img src="cid:{cid}" width="240" height="60" alt="{hx(o.short)}"></p></body>')
    m.set_content(text); m.add_alternative(h, subtype="html"); m.get_payload()[1].add_related(logo_png(o), "image", "png", cid=f"<{cid}>", filename="logo.png", disposition="inline")
COVERS = ["attached", "Please see attached.", "See attached, thanks.", "Attached as requested.", "Here's the file we talked about.", "Sending securely - attached.", "Adjunto el archivo.", "pls review attached"]
GEN_SUBJ = ["Attachment", "Scanned document", "Fax received", "[secure] file", "Requested document", "doc", "FW: file", "[EXTERNAL] Document", "Scan from HP MFP"]
def cover(r, m, s, o, label):
    x = r.random()
    if x < 0.07:
        sethdr(m, "From", Address(display_name="HP LaserJet MFP E62665", addr_spec=f"scanner{r.randint(1, 6)}@{o.dom}")); m.set_content(f"Scanned by HP Digital Sending.\nPages: {r.randint(1, 2)}\nResolution: 300 dpi\n"); return
    if x < 0.12:
        sethdr(m, "From", Address(display_name="RightFax Server", addr_spec=f"rightfax@{o.dom}")); m["X-RightFax-Pages"] = str(r.randint(1, 2)); m.set_content(f"You have received a fax from {r.choice([z.fax for z in ORGS])}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < (0.4 if label == "clean" else 0.2))
def build_plain(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o)
    set_body(r, m, r.choice(["", "Hi,\n\n", "Hi all -\n\n", "Morning,\n\n", "Team,\n\n"]) + render_text(doc, r.choice(["mdy", "m/d/yy", "iso", "long", "dmon"])) + "\n" + sig_block(r, s, o) + "\n", o=o, logo=r.random() < (0.3 if label == "clean" else 0.1)); return m
def build_html(r, doc, label):
    o = doc.o or org(r); m, s = new_msg(r, doc.subject or doc.title, o); sig = sig_block(r, s, o)
    html = render_html(doc).replace("</body>", "<p style=\"color:#777;font-size:9pt\">" + hx(sig).replace("\n", "<br>") + "</p></body>")
    set_body(r, m, render_text(doc) + "\n" + sig + "\n", html, o=o, logo=r.random() < (0.5 if label == "clean" else 0.3)); return m
def quote(t, lv=1): return "\n".join((">" * lv + " " + ln).rstrip() for ln in t.rstrip("\n").split("\n"))
CHATTER = ["Adding {n}.", "Can you handle?", "see below", "is this ours?", "wrong dept - forwarding", "ok thank you", "Looping in billing.", "Any update on this?", "pls advise", "Will call them today.", "FYI"]
def build_forwarded(r, doc, label):
    o = doc.o or org(r); s0 = staffer(r); subj = doc.subject or doc.title; inner = render_text(doc) + "\n" + sig_block(r, s0, o)
    m, s = new_msg(r, r.choice(["FW: ", "Fwd: ", "RE: ", "RE: FW: ", "Re: "]) + subj, o); st = r.randrange(6); d0 = TODAY - TD(days=r.randint(1, 6))
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
        im = EmailMessage(policy=SMTP); im["From"] = frm; im["To"] = mbox(s, o.dom); im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, 10, 12, tzinfo=dtm.timezone(TD(hours=-8))))
        im.set_content(inner); m.set_content(top); m.add_attachment(im, filename="forwarded.eml"); return m
    set_body(r, m, body, o=o, logo=r.random() < 0.15); return m

# ================================================================== header carrier (this batch's own shapes)
HBODY = ["Thanks.", "See you then.", "Please call the unit.", "Got it.", "Will follow up tomorrow.", "Confirming receipt.", "ok", "Gracias.", "Sent from my iPhone", "Done - closing this out."]
def hbody(r, m, s, o): m.set_content(r.choice(HBODY) + "\n\n" + sig_block(r, s, o) + "\n")
def addr_of(name, local, dom): return Address(display_name=name, addr_spec=f"{local}@{dom}")
class HC: pass
def HP_subj_ed(r):
    o = org(r, "hospital"); p = Person(r, 20, 95); c, d = dxp(r); m, s = new_msg(r, f"ED hold: {p.LF()} {p.age}{p.sex} - {d} - needs tele bed", o); return m, s, o
def HP_to_dob(r):
    o = org(r, ("clinic", "optometry", "dental")); p = Person(r, 5, 90)
    m, s = new_msg(r, "Appointment confirmation", o, to=addr_of(f"{p.family}, {p.given} (DOB {fd(p.dob, 'm/d/yy')})", re.sub('[^a-z]', '', asc(p.given).lower()) + dg(r, 2), "gmail.com")); return m, s, o
def HP_cc_mrn(r):
    o = org(r, "hospital"); p = Person(r, 20, 90)
    m, s = new_msg(r, "Discharge paperwork", o, cc=addr_of(f"{p.fl()} - pt MRN {mrn(r)}", re.sub('[^a-z]', '', asc(p.family).lower()) + dg(r, 3), "yahoo.com")); return m, s, o
def HP_x_ref(r):
    o = org(r, ("clinic", "pt", "dental")); p = Person(r, 5, 90); c, d = dxp(r); m, s = new_msg(r, "Referral", o); m["X-Referral-Ref"] = f"{p.LF()}; DOB {fd(p.dob, 'iso')}; Dx {c}; Mbr {memid(r)}"; return m, s, o
def HP_thread(r):
    o = org(r, "payer"); p = Person(r, 20, 90); m, s = new_msg(r, "RE: review", o); m["Thread-Topic"] = f"Concurrent review - {p.fl()} - auth {authno(r)} - {dxp(r)[1]}"; m["Thread-Index"] = "AdtL" + hexs(r, 20); return m, s, o
def HP_keywords(r):
    o = org(r, "pharmacy"); p = Person(r, 18, 80); drug, c = r.choice(SPEC_RX); m, s = new_msg(r, "Intake", o); m["Keywords"] = f"{p.lf()}, {drug}, {c}, DOB {fd(p.dob, 'dmon')}"; return m, s, o
def HP_roi(r):
    o = org(r, "hospital"); p = Person(r, 18, 90); m, s = new_msg(r, "Request status", o); m["X-ROI-Request"] = f"REQ{dg(r, 6)} | {p.LF()} | MRN {mrn(r)} | psych records excluded | attorney"; return m, s, o
def HP_from_portal(r):
    o = org(r, ("clinic", "hospital")); p = Person(r, 18, 85); n, v, u, _, _ = lab(r)
    m, s = new_msg(r, "New message from your care team", o, from_name=f"MyChart: {p.given} {p.family} ({n} {v} {u})"); return m, s, o
def HP_replyto(r):
    o = org(r, "homehealth"); p = Person(r, 60, 96); m, s = new_msg(r, "Visit tomorrow", o); m["Reply-To"] = addr_of(f"Scheduling re {p.fl()}, {addr(r).split(',')[0]}, wound care", "schedule", o.dom); return m, s, o
def HP_es(r):
    o = org(r, "clinic"); p = Person(r, 1, 85, pool="mexican"); m, s = new_msg(r, f"Resultados de {p.fl()} - fecha de nacimiento {fd(p.dob, 'dmy')} - {dxp(r)[1]}", o); return m, s, o
def HP_comments(r):
    o = org(r, "research"); p = Person(r, 25, 80); m, s = new_msg(r, "Visit", o); m["Comments"] = f"Participant {p.given[0]}.{p.family[0]}. {p.fl()} MRN {mrn(r)} - SAE hospitalization {fd(ago(r, 1, 5), 'iso')}"; return m, s, o
def HP_school(r):
    o = org(r, "school"); p = Person(r, 5, 16); m, s = new_msg(r, f"{p.given} {p.family} (gr {max(0, p.age - 5)}) - {r.choice(['asthma', 'seizure', 'insulin', 'EpiPen'])} incident today {fd(TODAY, 'm/d/yy')}", o); return m, s, o
def HP_ssn(r):
    o = org(r, "billing"); p = Person(r, 18, 90); m, s = new_msg(r, f"Registration fix {p.LF()} SSN {ssn(r)} - wrong guarantor on ER visit", o); return m, s, o
def HP_xpriority(r):
    o = org(r, "lab"); p = Person(r, 18, 90); n, v, u, _, fl = lab(r); m, s = new_msg(r, "Critical call log", o); m["X-Original-Subject"] = f"CRITICAL {n} {v} {fl} - {p.LF()} DOB {fd(p.dob, 'mdy')}"; return m, s, o
HDR_PHI = [HP_subj_ed, HP_to_dob, HP_cc_mrn, HP_x_ref, HP_thread, HP_keywords, HP_roi, HP_from_portal, HP_replyto, HP_es, HP_comments, HP_school, HP_ssn, HP_xpriority]
def HK_subj(r):
    o = org(r, "hospital"); s0 = staffer(r); m, s = new_msg(r, f"Night charge: {s0.LF()} covering 12/{r.randint(17, 30)} - ED", o); return m, s, o
def HK_to(r):
    o = org(r); t = staffer(r); m, s = new_msg(r, "Welcome aboard", o, to=addr_of(f"{t.family}, {t.given} (Emp #{dg(r, 6)})", mbox(t, o.dom).split("@")[0], o.dom)); return m, s, o
def HK_cc(r):
    o = org(r); t = staffer(r); m, s = new_msg(r, "Interview schedule", o, cc=addr_of(f"{t.fl()} - candidate, Req {dg(r, 6)}", "candidate" + dg(r, 3), "gmail.com")); return m, s, o
def HK_x_ref(r):
    o = r.choice(VENDORS); m, s = new_msg(r, "Invoice", o); m["X-Referral-Ref"] = f"Vendor {o.short}; PO 4500{dg(r, 6)}; net 45"; return m, s, o
def HK_thread(r):
    o = org(r, "payer"); m, s = new_msg(r, "RE: fee schedule", o); m["Thread-Topic"] = "2027 fee schedule - provider town hall"; m["Thread-Index"] = "AdtL" + hexs(r, 20); return m, s, o
def HK_keywords(r):
    o = org(r, "pharmacy"); m, s = new_msg(r, "Inventory", o); m["Keywords"] = f"inventory, cold chain, lot {r.choice('ABCD')}{dg(r, 6)}, audit"; return m, s, o
def HK_roi(r):
    o = org(r, "hospital"); m, s = new_msg(r, "Team meeting", o); m["X-ROI-Request"] = "HIM staff meeting - turnaround metrics (avg 4.2 days)"; return m, s, o
def HK_from(r):
    o = org(r, ("clinic", "hospital")); m, s = new_msg(r, "Scheduled maintenance", o, from_name="MyChart Notifications (do not reply)"); return m, s, o
def HK_replyto(r):
    o = org(r, "homehealth"); s0 = staffer(r); m, s = new_msg(r, "Mileage forms", o); m["Reply-To"] = addr_of(f"Payroll - {s0.fl()}", "payroll", o.dom); return m, s, o
def HK_es(r):
    o = org(r, "clinic"); m, s = new_msg(r, f"Reunión de personal - {fd(ahead(r, 1, 10), 'es')} - sala 2", o); return m, s, o
def HK_comments(r):
    o = org(r, "research"); m, s = new_msg(r, "Monitoring visit", o); m["Comments"] = f"Sponsor monitor on site {fd(ahead(r, 3, 20), 'iso')}; participant codes HF2-{dg(r, 3)} to HF2-{dg(r, 3)}"; return m, s, o
def HK_school(r):
    o = org(r, "school"); s0 = staffer(r); m, s = new_msg(r, f"Flu clinic volunteers - {s0.given} {s0.family} RN lead - {fd(ahead(r, 3, 20), 'm/d/yy')}", o); return m, s, o
def HK_ssn(r):
    o = org(r, "billing"); m, s = new_msg(r, "Training deck: use sample SSN 078-05-1120 only", o); return m, s, o
def HK_bday(r):
    o = org(r); s0 = staffer(r); m, s = new_msg(r, f"Happy birthday {s0.given}! cake at 3 ({fd(TODAY, 'long')})", o); return m, s, o
HDR_CLEAN = [HK_subj, HK_to, HK_cc, HK_x_ref, HK_thread, HK_keywords, HK_roi, HK_from, HK_replyto, HK_es, HK_comments, HK_school, HK_ssn, HK_bday]
def build_header(r, fn):
    m, s, o = fn(r); hbody(r, m, s, o); return m

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
        self.n += 1; base = f"b15_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
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
    return r.choice([f"{base}.{ext}", f"{base}_{TODAY:%Y%m%d}.{ext}", f"scan{dg(r, 8)}.{ext}", f"{doc.cat}.{ext}", f"{base.lower()}_{dg(r, 3)}.{ext}"])
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
        folder = r.choice(["", "", "export/", f"{TODAY:%Y-%m-%d}/"])
        return r.choice(["documents.zip", f"secure_{dg(r, 5)}.zip", f"{doc.cat}.zip", "files.zip"]), make_zip([(folder + fname_for(r, doc, ext), data)])
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.68 else "_raw" if x < 0.85 else "_list")]
    if carrier in ("pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "zip"): return cyc[L_ + ("_narr" if x < 0.58 else "_raw" if x < 0.7 else "_list")]
    return cyc[L_ + ("_narr" if x < 0.7 else "_list")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b15_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # keep a long display name with specials on one line
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b15-"); ctx = Ctx(tmp); built = []; rows = []
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"
            if carrier == "header":
                m = build_header(R, hcyc[label]())
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
    print(f"wrote {len(rows)} batch-15 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)

if __name__ == "__main__":
    main()
