#!/usr/bin/python3
"""Third development DLP corpus: dev3-0001.eml ... dev3-0200.eml + manifest.tsv (file, label, carrier, category).

Written blind from ../corpus-blind/BRIEF.md (200 messages instead of 400, no split column).  Setting: a fictional
New Mexico / West Texas system, "Sangre Vista Health", and its partners.  Every person, organisation and sentence is
this file's own.  The producer plumbing section (PDF/OOXML/CSV/zip builders, normalisation, LibreOffice runner,
text/HTML renderers, attachment and finishing helpers) is adapted from ../corpus-dev2/generate.py - see README.md.
Deterministic: one random.Random(SEED), fixed run order, boundaries and Message-IDs derived from the file name.
Run with /usr/bin/python3 (reportlab, fpdf2, openpyxl, python-docx, PIL, LibreOffice, ghostscript, pdftotext).
"""
import collections, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, unicodedata, zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as esc

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20270216
R = random.Random(SEED)
PREFIX = "dev3-"
TODAY = dtm.date(2027, 2, 16)
UTC = dtm.timezone.utc
STAMP = dtm.datetime(2027, 2, 15, 9, 40, tzinfo=UTC)
DV = "/usr/share/fonts/truetype/dejavu/"
D = dtm.date
DAY = dtm.timedelta
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
SMTP = policy.SMTP
ZIPTIME = (2027, 1, 4, 0, 0, 0)
SYS = "Sangre Vista Health"

# ------------------------------------------------------------------ identifiers and dates (own)
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def up(r, n): return "".join(r.choice("ABCDEFGHJKMNPQRTUVWXY") for _ in range(n))
def luhn_ok_digit(payload):
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
    return base + luhn_ok_digit("80840" + base)
def ssn(r, sty="dash"):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        g = r.randint(1, 99); s = r.randint(1, 9999)
        t = f"{a:03d}{g:02d}{s:04d}"
        if t not in ("123456789", "078051120", "219099999"): break
    if sty == "dash": return f"{t[:3]}-{t[3:5]}-{t[5:]}"
    if sty == "space": return f"{t[:3]} {t[3:5]} {t[5:]}"
    return t
MBI_A = "ACDEFGHJKMNPQRTUVWXY"          # CMS: no S L O I B Z
MBI_AN = MBI_A + "0123456789"
def mbi(r, dash=False):
    while True:
        c = [r.choice("123456789"), r.choice(MBI_A), r.choice(MBI_AN), r.choice("0123456789"), r.choice(MBI_A), r.choice(MBI_AN),
             r.choice("0123456789"), r.choice(MBI_A), r.choice(MBI_A), r.choice("0123456789"), r.choice("0123456789")]
        s = "".join(c)
        if s != "1EG4TE5MK73": break
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dash else s
def ndc(r):
    return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def mrn(r): return r.choice([f"SV{dg(r, 7)}", dg(r, 8), f"00{dg(r, 6)}", f"E{dg(r, 8)}", f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 4)}", dg(r, 7)])
def mbr(r): return r.choice([f"LEH{dg(r, 9)}", f"W{dg(r, 8)}", f"{up(r, 3)}{dg(r, 9)}", f"{dg(r, 9)}01", f"NMC{dg(r, 8)}"])
def mcaid(r): return r.choice([dg(r, 14), f"{dg(r, 9)}", f"5{dg(r, 9)}"])
def acct(r): return r.choice([dg(r, 10), f"A{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}"])
def fin(r): return "81" + dg(r, 8)
def csn(r): return "7" + dg(r, 9)
def har(r): return "4" + dg(r, 9)
def claim(r): return r.choice([dg(r, 14), f"{dg(r, 2)}{up(r, 1)}{dg(r, 9)}", f"CLM{dg(r, 9)}"])
def po(r): return r.choice([f"PO {dg(r, 8)}", f"45{dg(r, 8)}", f"SVH-PO-{dg(r, 6)}"])
def inv(r): return r.choice([f"INV-{dg(r, 7)}", dg(r, 9), f"{up(r, 2)}{dg(r, 6)}"])
def lot(r): return r.choice([f"{up(r, 2)}{dg(r, 5)}", f"{dg(r, 7)}", f"L{dg(r, 4)}{up(r, 1)}"])
def tok(r, n=18): return "".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(n))
def accn(r, pre): return f"{pre}{TODAY.year % 100:02d}-{dg(r, 6)}"

def fd(d, st="mdy"):
    mo, dy, yr = d.month, d.day, d.year
    return {"mdy": f"{mo:02d}/{dy:02d}/{yr}", "m/d/yy": f"{mo}/{dy}/{yr % 100:02d}", "m/d/yyyy": f"{mo}/{dy}/{yr}", "iso": f"{yr}-{mo:02d}-{dy:02d}",
            "dmon": f"{dy:02d}-{MON[mo - 1][:3]}-{yr}", "long": f"{MON[mo - 1]} {dy}, {yr}", "ymd": f"{yr}{mo:02d}{dy:02d}", "space": f"{mo:02d} {dy:02d} {yr}",
            "born": f"born {dy} {MON[mo - 1]} {yr}", "dmy": f"{dy:02d}/{mo:02d}/{yr}", "es": f"{dy} de {MES[mo - 1]} de {yr}", "dash": f"{mo:02d}-{dy:02d}-{yr}",
            "m-d-yy": f"{mo}-{dy}-{yr % 100:02d}", "dots": f"{mo:02d}.{dy:02d}.{yr}", "short": f"{mo}/{dy}", "dmonyy": f"{dy}{MON[mo - 1][:3].upper()}{yr % 100:02d}",
            "monthday": f"{MON[mo - 1][:3]} {dy}", "eu": f"{dy} {MON[mo - 1]} {yr}"}[st]
DOBST = ["mdy", "mdy", "m/d/yy", "m/d/yyyy", "iso", "dmon", "long", "ymd", "space", "dash", "m-d-yy", "dots", "dmonyy", "eu"]
def dob(r, p, st=None): return fd(p.dob, st or r.choice(DOBST))
def past(r, a, b): return TODAY - DAY(days=r.randint(a, b))
def soon(r, a, b): return TODAY + DAY(days=r.randint(a, b))
def clock(r):
    h = r.randint(7, 17); return f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '30', '45', '10', '40'])} {'am' if h < 12 else 'pm'}" if r.random() < 0.4 else \
        f"{(h - 1) % 12 + 1}:{r.choice(['00', '15', '30', '45', '10', '40'])} {'AM' if h < 12 else 'PM'}"
def mil(r): return f"{r.randint(0, 23):02d}{r.choice(['00', '05', '20', '35', '50'])}"
def age_of(d): return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

# ------------------------------------------------------------------ people (own)
GF = ["María José", "Guadalupe", "Rosalinda", "Esperanza", "Yolanda", "Delfina", "Felícita", "Ramona", "Consuelo", "Dolores", "Xóchitl", "Marisol", "Juanita",
      "Shandiin", "Nizhoni", "Lorraine", "Bernadette", "Dorothy", "LaDonna", "Kaylee", "Brianna", "Margaret", "Rebecca", "Katherine", "Thi Lan", "Priya", "Adaeze",
      "Ofelia", "Imelda", "Anjelica", "Tessa", "Carmelita", "Winona", "Charlene", "Noemí", "Araceli", "Paloma", "Leticia", "Evangelina", "Gwendolyn"]
GM = ["Jesús", "Ignacio", "Rafael", "Lorenzo", "Amadeo", "Eloy", "Héctor", "Refugio", "Francisco", "Eduardo", "Orlando", "Darrell", "Tobias", "Marvin", "Wyatt",
      "Colton", "Brayden", "Robert", "William", "Richard", "Anthony", "Cruz", "Benito", "Leroy", "Quang", "Emeka", "Santiago", "Teodoro", "Virgil", "Dwayne",
      "Arturo", "Ezequiel", "Gilbert", "Manuel", "Harlan", "Jimmie", "Rudy", "Faustino", "Kyle", "Thaddeus"]
NICK = {"Guadalupe": "Lupe", "Rosalinda": "Rosie", "Dolores": "Lola", "Consuelo": "Chelo", "Bernadette": "Bernie", "Dorothy": "Dottie", "Margaret": "Peggy",
        "Rebecca": "Becky", "Katherine": "Katie", "Jesús": "Chuy", "Ignacio": "Nacho", "Refugio": "Cuco", "Francisco": "Paco", "Eduardo": "Lalo", "Robert": "Bobby",
        "William": "Billy", "Richard": "Ricky", "Anthony": "Tony", "Teodoro": "Teo", "Ezequiel": "Zeke", "Gilbert": "Gil", "Manuel": "Manny", "Evangelina": "Vangie",
        "Gwendolyn": "Gwen", "Thaddeus": "Tad", "Carmelita": "Carmen", "Arturo": "Art", "Benito": "Benny"}
FAM = ["Ortega", "Baca", "Chávez", "Lucero", "Montoya", "Trujillo", "Gallegos", "Archuleta", "Sandoval", "Maestas", "Vigil", "Romero", "Martínez", "Quintana",
       "Tafoya", "de la Cruz", "de Vargas", "Apodaca", "Domínguez", "Saiz", "Begay", "Yazzie", "Tsosie", "Nez", "Benally", "Etsitty", "Lente", "Calabaza",
       "Tenorio", "Whitfield", "Pruitt", "McAllister", "Haskins", "Dunagan", "Kowalski", "Huffman", "van der Berg", "O'Rourke", "Nguyen", "Patel", "Okafor",
       "Fuentes-Ybarra", "Armijo", "Griego", "Padilla", "Ulibarrí", "Esquibel", "Candelaria", "Jaramillo", "Sisneros", "Hobbs", "Strickland", "Villanueva",
       "St. Clair", "Espinoza", "Lovato", "Abeyta", "Manygoats", "Joe", "Ruybal", "Ledoux", "Ybarra", "Kaur"]
SUFF = ["Jr.", "Sr.", "III", "II"]
STREETS = ["Calle del Norte", "Isleta Blvd SW", "Camino de la Sierra", "N Mesquite St", "Avenida de Mesilla", "Paseo del Pueblo Sur", "W Country Club Rd",
           "Montaño Rd NW", "E Lohman Ave", "County Rd 6100", "Agua Fria St", "Juan Tabo Blvd NE", "Alameda Ave", "Dyer St", "N Grimes St", "Avenue Q",
           "Old Pecos Trl", "Bosque Farms Blvd", "Hwy 491", "Sunland Park Dr", "Ranchitos Rd", "W 8th St", "Coors Blvd NW", "Calle Lejano"]
CITIES = [("Albuquerque", "NM", "871"), ("Santa Fe", "NM", "875"), ("Las Cruces", "NM", "880"), ("Gallup", "NM", "873"), ("Farmington", "NM", "874"),
          ("Roswell", "NM", "882"), ("Española", "NM", "875"), ("Socorro", "NM", "878"), ("Clovis", "NM", "881"), ("Hobbs", "NM", "882"), ("Los Lunas", "NM", "870"),
          ("El Paso", "TX", "799"), ("Lubbock", "TX", "794"), ("Odessa", "TX", "797"), ("Midland", "TX", "797"), ("Pecos", "TX", "797"), ("Alpine", "TX", "798"),
          ("Anthony", "NM", "880"), ("Shiprock", "NM", "874"), ("Belen", "NM", "870")]
AREA = {"NM": ["505", "575"], "TX": ["915", "806", "432"]}

class Person:
    def __init__(s, r, amin=18, amax=90, sex=None, cred=""):
        s.sex = sex or r.choice("FM")
        s.given = r.choice(GF if s.sex == "F" else GM)
        s.family = r.choice(FAM)
        if r.random() < 0.04: s.family = s.family + "-" + r.choice(FAM).replace("de la ", "").replace("de ", "")
        s.mi = r.choice("ABCDEFGJLMRST")
        s.suffix = r.choice(SUFF) if (s.sex == "M" and r.random() < 0.12) else ""
        a = r.randint(amin, amax)
        s.dob = TODAY - DAY(days=365 * a + r.randint(0, 364))
        s.age = age_of(s.dob)
        s.nick = NICK.get(s.given, s.given.split()[0])
        c = r.choice(CITIES); s.city, s.state = c[0], c[1]; s.zip = c[2] + dg(r, 2)
        s.street = f"{r.randint(12, 9899)} {r.choice(STREETS)}" + (f" Apt {r.randint(1, 40)}" if r.random() < 0.2 else "")
        s.phone = f"({r.choice(AREA[s.state])}) {r.randint(200, 989)}-{dg(r, 4)}"
        s.cred = cred
    def full(s): return f"{s.given} {s.family}" + (f" {s.suffix}" if s.suffix else "")
    def fml(s): return f"{s.given} {s.mi}. {s.family}" + (f" {s.suffix}" if s.suffix else "")
    def lfc(s): return f"{s.family}{(' ' + s.suffix) if s.suffix else ''}, {s.given}"
    def lfm(s): return f"{s.family}, {s.given} {s.mi}"
    def caps(s): return s.lfc().upper()
    def ttl(s): return ("Mr. " if s.sex == "M" else s_title(s)) + s.family
    def sra(s): return ("Sr. " if s.sex == "M" else "Sra. ") + s.family
    def first(s): return s.given.split()[0]
    def ini(s): return f"{s.given[0]}{s.family[0].upper()}"
    def addr(s): return f"{s.street}, {s.city}, {s.state} {s.zip}"
    def he(s): return "he" if s.sex == "M" else "she"
    def his(s): return "his" if s.sex == "M" else "her"
    def him(s): return "him" if s.sex == "M" else "her"
def s_title(p): return "Mrs. " if p.age > 45 and (sum(map(ord, p.family)) % 2) else "Ms. "
def pt(r, amin=18, amax=90, sex=None): return Person(r, amin, amax, sex)
def kid(r, amin=3, amax=17, sex=None): return Person(r, amin, amax, sex)
def staff(r, cred=""): return Person(r, 24, 66, None, cred)
def asciify(s): return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
def mailbox(p, dom): return (asciify(p.given.split()[0])[:1] + re.sub(r"[^a-z]", "", asciify(p.family).lower()) + "@" + dom).lower()
def personal(r, p): return f"{re.sub(r'[^a-z]', '', asciify(p.first()).lower())}{r.choice(['.', '_', ''])}{re.sub(r'[^a-z]', '', asciify(p.family).lower())}{r.randint(1, 98)}@{r.choice(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com'])}"
def drn(p): return f"Dr. {p.family}"
def wc(p): return p.full() + (f", {p.cred}" if p.cred else "")
def doc_(r): return staff(r, r.choice(["MD", "MD", "DO", "NP", "PA-C", "MD"]))

class Org:
    def __init__(s, key, name, short, dom, addr, area, color, creds, kind):
        s.key, s.name, s.short, s.dom, s.addr, s.color, s.creds, s.kind = key, name, short, dom, addr, color, creds, kind
        h = int(hashlib.sha256(key.encode()).hexdigest()[:6], 16)
        s.phone = f"({area}) {200 + h % 700}-{1000 + h % 8999:04d}"; s.fax = f"({area}) {200 + (h >> 3) % 700}-{1000 + (h >> 5) % 8999:04d}"
ORGS = [
    Org("svh", "Sangre Vista Health", "Sangre Vista Health", "sangrevista.org", "1400 Lomas Azules Blvd NE, Albuquerque, NM 87106", "505", "#8c2d19", ["RN", "MD", "", "CPC", "MSW", "PharmD", ""], "system"),
    Org("svlc", "Sangre Vista Medical Center - Las Cruces", "SVMC Las Cruces", "lc.sangrevista.org", "2250 Mesilla Valley Pkwy, Las Cruces, NM 88011", "575", "#8c2d19", ["RN", "MD", "", "RN, CCM"], "hospital"),
    Org("svfm", "Sangre Vista Family Medicine - Gallup", "SV Family Medicine Gallup", "sangrevista.org", "610 E Aztec Ave, Gallup, NM 87301", "505", "#8c2d19", ["MD", "LPN", "", "MA"], "clinic"),
    Org("mesa", "Mesa Roja Community Clinic", "Mesa Roja Clinic", "mesarojaclinic.org", "3318 Avenue Q, Lubbock, TX 79411", "806", "#b5542a", ["RN", "NP", "", "CHW"], "clinic"),
    Org("llano", "Llano Estacado Health Plan", "Llano Estacado Health Plan", "llanoplan.com", "PO Box 15530, Midland, TX 79705", "432", "#24587a", ["RN", "", "CPC", "CPhT"], "payer"),
    Org("cdrl", "Chihuahuan Desert Reference Laboratory", "CDR Lab", "cdrlab.net", "9101 Gateway Blvd W, El Paso, TX 79925", "915", "#4a6b2f", ["MLS(ASCP)", "", "MD"], "lab"),
    Org("ttrx", "Turquoise Trail Pharmacy", "Turquoise Trail Pharmacy", "turquoisetrailrx.com", "17 Bonanza Creek Rd, Santa Fe, NM 87508", "505", "#1f8a8a", ["PharmD", "CPhT", "RPh"], "pharmacy"),
    Org("rpsd", "Rio Puerco School District - Health Services", "RPSD Health Services", "riopuercoschools.org", "455 School Rd, Los Lunas, NM 87031", "505", "#5b3f8c", ["RN, NCSN", "", "LPN"], "school"),
    Org("pvhh", "Pecos Valley Home Health & Hospice", "Pecos Valley Home Health", "pecosvalleyhh.com", "212 W 2nd St, Roswell, NM 88201", "575", "#6e5a2b", ["RN", "LPN", "MSW", "PT"], "homehealth"),
    Org("pbbh", "Permian Basin Behavioral Health", "Permian Basin BH", "pbbh-tx.org", "4401 E University Blvd, Odessa, TX 79762", "432", "#35507a", ["LCSW", "LPC", "MD", "RN"], "behavioral"),
    Org("omd", "Organ Mountain Dialysis", "Organ Mountain Dialysis", "organmtndialysis.com", "1780 S Telshor Blvd, Las Cruces, NM 88011", "575", "#2b6e5e", ["RN", "CCHT", "MSW", "RD"], "dialysis"),
    Org("fcaa", "Four Corners Area Agency on Aging", "Four Corners AAA", "4cornersaging.org", "100 W Broadway, Farmington, NM 87401", "505", "#7a3562", ["", "MSW"], "agency"),
    Org("hdct", "High Desert Children's Therapy", "High Desert Children's Therapy", "hdctherapy.com", "8801 Montgomery Blvd NE, Albuquerque, NM 87111", "505", "#c27c0e", ["OTR/L", "CCC-SLP", "DPT"], "therapy"),
]
ORG = {o.key: o for o in ORGS}
PARTNERS = ["presbyterian-example.org", "elpasochildrens-example.org", "unmhsc-example.edu", "nmhca-example.org", "covenantlubbock-example.org", "txdshs-example.gov",
            "medicalrecords-vendor.com", "ciox-example.com", "availity-example.com"]
ROLES = {"himrelease": "HIM Release of Information", "referrals": "Referral Intake", "bedboard": "Bed Board", "priorauth": "Prior Authorization",
         "claims.support": "Claims Support", "frontdesk": "Front Desk", "cm.intake": "Care Management Intake", "schoolnurse": "School Nurse Office",
         "records": "Medical Records", "helpdesk": "IT Service Desk", "purchasing": "Purchasing", "events": "Events"}

def org_addr(r, o):
    k = r.random()
    if k < 0.45:
        oo = ORG[r.choice([x for x in sorted(ORG) if x != o.key])]; p = staff(r, r.choice(oo.creds)); return Address(display_name=disp(r, p, oo), addr_spec=mailbox(p, oo.dom))
    if k < 0.7:
        p = staff(r); return Address(display_name=disp(r, p), addr_spec=mailbox(p, r.choice(PARTNERS)))
    role = r.choice(sorted(ROLES)); dom = r.choice([x.dom for x in ORGS] + PARTNERS)
    return Address(display_name=ROLES[role] if r.random() < 0.6 else "", addr_spec=f"{role}@{dom}")
def disp(r, p, o=None):
    k = r.random()
    if k < 0.35: return f"{p.given} {p.family}"
    if k < 0.55: return f"{p.family}, {p.given}"
    if k < 0.72 and p.cred: return f"{p.given} {p.family}, {p.cred}"
    if k < 0.85 and o: return f"{p.given} {p.family} ({o.short})"
    return f"{p.family}, {p.given} {p.mi}"

# ------------------------------------------------------------------ clinical vocabulary (own)
ICD = {"t2dm": ("E11.9", "Type 2 diabetes mellitus without complications"), "t2dm_hyper": ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
       "htn": ("I10", "Essential (primary) hypertension"), "asthma": ("J45.909", "Unspecified asthma, uncomplicated"), "mdd": ("F32.A", "Depression, unspecified"),
       "brca": ("C50.911", "Malignant neoplasm of unspecified site of right female breast"), "chf": ("I50.9", "Heart failure, unspecified"),
       "copd": ("J44.1", "COPD with (acute) exacerbation"), "ckd5": ("N18.6", "End stage renal disease"), "hcv": ("B18.2", "Chronic viral hepatitis C"),
       "hiv": ("B20", "HIV disease"), "oud": ("F11.20", "Opioid dependence, uncomplicated"), "aud": ("F10.20", "Alcohol dependence, uncomplicated"),
       "afib": ("I48.91", "Unspecified atrial fibrillation"), "pna": ("J18.9", "Pneumonia, unspecified organism"), "uti": ("N39.0", "Urinary tract infection, site not specified"),
       "hipfx": ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"), "oa_knee": ("M17.11", "Unilateral primary osteoarthritis, right knee"),
       "gdm": ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"), "adhd": ("F90.2", "ADHD, combined type"), "epilepsy": ("G40.909", "Epilepsy, unspecified, not intractable"),
       "valley": ("B38.9", "Coccidioidomycosis, unspecified"), "lung": ("C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung"),
       "ptsd": ("F43.10", "Post-traumatic stress disorder, unspecified"), "colon_polyp": ("K63.5", "Polyp of colon"), "hypothy": ("E03.9", "Hypothyroidism, unspecified"),
       "preg": ("Z34.81", "Encounter for supervision of other normal pregnancy, first trimester"), "dementia": ("F03.90", "Unspecified dementia without behavioral disturbance"),
       "sepsis": ("A41.9", "Sepsis, unspecified organism"), "cellulitis": ("L03.115", "Cellulitis of right lower limb"), "autism": ("F84.0", "Autistic disorder"),
       "peanut": ("Z91.010", "Allergy to peanuts"), "t1dm": ("E10.9", "Type 1 diabetes mellitus without complications"), "lbp": ("M54.50", "Low back pain, unspecified")}
def icd(k): return ICD[k][0]
def icdx(k): return f"{ICD[k][0]} {ICD[k][1]}"
DRUGS = [("metformin 1000 mg tab", "BID"), ("lisinopril 20 mg tab", "daily"), ("atorvastatin 40 mg tab", "at bedtime"), ("insulin glargine 100 unit/mL pen", "22 units at bedtime"),
         ("albuterol HFA 90 mcg", "2 puffs q4h prn"), ("sertraline 100 mg tab", "daily"), ("apixaban 5 mg tab", "BID"), ("buprenorphine-naloxone 8-2 mg film", "1 film BID"),
         ("levothyroxine 75 mcg tab", "daily before breakfast"), ("furosemide 40 mg tab", "daily"), ("Biktarvy 50-200-25 mg tab", "daily"), ("methylphenidate ER 27 mg tab", "every morning"),
         ("levetiracetam 500 mg tab", "BID"), ("semaglutide 1 mg/0.75 mL pen", "weekly"), ("tamoxifen 20 mg tab", "daily"), ("fluconazole 400 mg tab", "daily")]
def pick(r, *xs): return r.choice(xs)

# ================================================================== producer plumbing (adapted from ../corpus-dev2/generate.py, see README)
def lat1(s):
    out = []
    for ch in str(s):
        if ord(ch) < 256: out.append(ch)
        elif ch in _FOLD: out.append(_FOLD[ch])
        else:
            base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)

def _norm_xml(body):
    body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-06-01T00:00:00Z", body)
    body = re.sub(rb"<meta:creation-date>[^<]*", b"<meta:creation-date>2026-06-01T00:00:00", body)
    return body
def fix_zip(data):
    """rewrite an OOXML/zip container with fixed member timestamps and normalised core-property dates"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"): body = _norm_xml(body)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
            z.writestr(zi, body)
    return out.getvalue()
def make_zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()
def gs_distill(src, dst):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.5", f"-sOutputFile={dst}", src],
                   check=True, capture_output=True, env=dict(os.environ, SOURCE_DATE_EPOCH=str(int(STAMP.timestamp()))))
    return open(dst, "rb").read()
LO_ARGS = {"docx2pdf": ["--convert-to", "pdf:writer_pdf_Export"], "html2pdf": ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"],
           "html2docx": ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"], "xlsx2xlsx": ["--convert-to", "xlsx:Calc MS Excel 2007 XML"]}
def run_lo(jobs):
    prof = os.path.join(jobs.tmp, "lo-profile")
    for kind in sorted(jobs.lo):
        files = sorted(jobs.lo[kind])
        for i in range(0, len(files), 40):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--norestore"] + LO_ARGS[kind] +
                           ["--outdir", os.path.join(jobs.tmp, kind, "out")] + files[i:i + 40], check=True, capture_output=True, timeout=900)


class Doc:
    def __init__(s, o, cat, title, blocks, subj=None, lang="en"):
        s.o, s.cat, s.title, s.blocks, s.subj, s.lang = o, cat, title, blocks, subj, lang
    def table(s):
        for b in s.blocks:
            if b[0] == "table": return b
    def cut(s, n):
        return Doc(s.o, s.cat, s.title, [(b[0], b[1], b[2][:n]) if b[0] == "table" else b for b in s.blocks], s.subj, s.lang)
def P(t): return ("p", t)
def H(t): return ("h", t)
def KV(*items): return ("kv", [i for i in items if i])
def T(hdr, rows): return ("table", hdr, rows)
def PRE(t): return ("pre", t)
def BUL(*items): return ("bul", list(items))

def cstr(v, dst="mdy"):
    if isinstance(v, dtm.date): return fd(v, dst)
    return str(v)
def kv_text(items, sty):
    items = [(k, v) for k, v in items if v not in ("", None)]
    w = max(len(k) for k, v in items) + 2
    if sty == "runon": return "; ".join(f"{k} {v}" for k, v in items)
    out = []
    for k, v in items:
        if sty == "colon": out.append(f"{k}: {v}")
        elif sty == "aligned": out.append(f"{(k + ':').ljust(w)} {v}")
        elif sty == "next": out.append(f"{k}:\n    {v}")
        elif sty == "caps": out.append(f"{k.upper()}: {v}")
        elif sty == "nocolon": out.append(f"{k}  {v}")
        elif sty == "dash": out.append(f"{k} -- {v}")
    return "\n".join(out)
def table_text(hdr, rows, sty, dst):
    rows = [[cstr(c, dst) for c in row] for row in rows]
    if sty == "pipe": return "\n".join(" | ".join(x) for x in [hdr] + rows)
    if sty == "tab": return "\n".join("\t".join(x) for x in [hdr] + rows)
    if sty == "records": return "\n\n".join("\n".join(f"{h}: {c}" for h, c in zip(hdr, row) if c) for row in rows)
    ws = [max(len(str(x[i])) for x in [hdr] + rows) for i in range(len(hdr))]
    line = lambda x: "  ".join(str(c).ljust(ws[i]) for i, c in enumerate(x)).rstrip()
    return "\n".join([line(hdr), "  ".join("-" * w for w in ws)] + [line(x) for x in rows])
def render_text(r, doc, title=True, wrap=None):
    kvs = r.choice(["colon", "colon", "aligned", "next", "caps", "nocolon", "dash", "runon"])
    tsty = r.choice(["cols", "cols", "pipe", "tab", "records"]); dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "mdy", "m/d/yy", "iso", "dmon", "long"])
    out = [doc.title] if (title and doc.title) else []
    for b in doc.blocks:
        if b[0] == "p":
            t = b[1]
            if wrap: t = "\n".join(textwrap.fill(x, wrap) if x else "" for x in t.split("\n"))
            out.append(t)
        elif b[0] == "h": out.append(b[1].upper() if r.random() < 0.4 else b[1])
        elif b[0] == "kv": out.append(kv_text(b[1], kvs))
        elif b[0] == "table": out.append(table_text(b[1], b[2], tsty, dst))
        elif b[0] == "pre": out.append(b[1])
        elif b[0] == "bul":
            mk = r.choice(["-", "*", "•", "o"]); out.append("\n".join(f"{mk} {x}" for x in b[1]))
    return "\n\n".join(x for x in out if x)
def render_html(r, doc, logo_cid=None, standalone=False):
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "long"])
    font = r.choice(["Calibri,Arial,sans-serif", "Cambria,Georgia,serif", "Tahoma,Verdana,sans-serif", "Aptos,Segoe UI,sans-serif", "Arial,Helvetica,sans-serif"])
    o = doc.o; h = []
    if logo_cid: h.append(f'<p><img src="cid:{logo_cid}" alt="{esc(o.short)}" width="160" height="48"></p>')
    elif standalone: h.append(f'<p style="font-size:15pt;color:{o.color}"><b>{esc(o.name)}</b><br><span style="font-size:9pt;color:#555">{esc(o.addr)} &middot; {esc(o.phone)}</span></p><hr>')
    if doc.title: h.append(f'<h3 style="color:{o.color}">{esc(doc.title)}</h3>')
    kvmode = r.choice(["table", "bold", "plain", "dl"])
    for b in doc.blocks:
        if b[0] == "p": h.append("<p>" + esc(b[1]).replace("\n", "<br>\n") + "</p>")
        elif b[0] == "h": h.append(f"<h4>{esc(b[1])}</h4>")
        elif b[0] == "kv":
            items = [(k, v) for k, v in b[1] if v]
            if kvmode == "table": h.append('<table cellpadding="3" style="border-collapse:collapse">' + "".join(f'<tr><td style="color:#555">{esc(k)}</td><td><b>{esc(str(v))}</b></td></tr>' for k, v in items) + "</table>")
            elif kvmode == "bold": h.append("<p>" + "<br>\n".join(f"<b>{esc(k)}:</b> {esc(str(v))}" for k, v in items) + "</p>")
            elif kvmode == "dl": h.append("<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(str(v))}</dd>" for k, v in items) + "</dl>")
            else: h.append("<p>" + "<br>\n".join(f"{esc(k)} {esc(str(v))}" for k, v in items) + "</p>")
        elif b[0] == "table":
            h.append('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:9pt">')
            h.append("<tr>" + "".join(f'<th style="background:{o.color};color:#fff">{esc(x)}</th>' for x in b[1]) + "</tr>")
            for row in b[2]: h.append("<tr>" + "".join(f"<td>{esc(cstr(c, dst))}</td>" for c in row) + "</tr>")
            h.append("</table>")
        elif b[0] == "pre": h.append(f'<pre style="font-size:8pt">{esc(b[1])}</pre>')
        elif b[0] == "bul": h.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
    body = "\n".join(h)
    if standalone:
        return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{esc(doc.title or o.short)}</title></head><body style="font-family:{font};font-size:10pt">\n{body}\n</body></html>\n'
    return body, font

_LOGO = {}
def logo_png(o, w=320, h=96):
    if o.key in _LOGO: return _LOGO[o.key]
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (w, h), "white"); d = ImageDraw.Draw(img)
    col = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    d.polygon([(8, h - 10), (h // 2, 8), (h - 8, h - 10)], fill=col); d.rectangle([h // 2 - 6, h // 2, h // 2 + 6, h - 10], fill="white")
    d.text((h + 6, h // 2 - 14), lat1(o.short), fill=col); d.text((h + 6, h // 2 + 4), o.dom, fill=(90, 90, 90))
    b = io.BytesIO(); img.save(b, "PNG", optimize=False); _LOGO[o.key] = b.getvalue(); return _LOGO[o.key]

def norm_pdf(data, key):
    """normalise creation/modification stamps, XMP uuids and trailer /ID (same-length replacements keep xref offsets valid)"""
    hx = hashlib.sha256(("pdf:" + key).encode()).hexdigest().encode() * 4
    data = re.sub(rb"D:\d{14}", b"D:20261223101500", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", b"2026-12-23T10:15:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", lambda m: b"uuid:" + hx[:8] + b"-" + hx[8:12] + b"-" + hx[12:16] + b"-" + hx[16:20] + b"-" + hx[20:32], data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + hx[32:64].upper(), data)
    def idrep(m):
        a, b = m.group(1), m.group(2)
        return m.group(0).replace(a, hx[:len(a)].upper(), 1).replace(b, hx[len(a):len(a) + len(b)].upper(), 1) if a != b else m.group(0).replace(a, hx[:len(a)].upper())
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", idrep, data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", b"/ID [<" + hx[:32].upper() + b"><" + hx[:32].upper() + b">]", data[t:])
    return data
def pdf_info_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        txt = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info); return (int(m.group(1)) if m else 0), txt, info

def fp_pdf(r, doc, ttf, key):
    from fpdf import FPDF, __version__ as fpdf_version
    for cut in (None, 10, 7):
        d = doc if cut is None else doc.cut(cut)
        pdf = FPDF(format="Letter"); pdf.set_creation_date(STAMP); pdf.set_producer(f"PyFPDF/fpdf{fpdf_version}"); pdf.set_auto_page_break(True, 15); pdf.set_margins(18, 16, 18)
        if ttf:
            fam = r.choice(["DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed"])
            pdf.add_font("B1", "", DV + fam + ".ttf"); pdf.add_font("B1", "B", DV + fam + "-Bold.ttf"); pdf.add_font("M1", "", DV + "DejaVuSansMono.ttf")
            F, M, t = "B1", "M1", (lambda s: str(s).replace("\u2011", "-"))
        else:
            F, M, t = r.choice(["Helvetica", "Times"]), "Courier", (lambda s: lat1(str(s)))
        pdf.set_title(t(d.title or d.o.short)); pdf.set_author(t(d.o.short)); pdf.add_page()
        col = tuple(int(d.o.color[i:i + 2], 16) for i in (1, 3, 5))
        if r.random() < 0.4: pdf.image(io.BytesIO(logo_png(d.o)), x=18, y=12, w=48); pdf.set_y(30)
        else: pdf.set_font(F, "B", 14); pdf.set_text_color(*col); pdf.multi_cell(0, 7, t(d.o.name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(F, "", 8); pdf.set_text_color(90, 90, 90); pdf.cell(0, 5, t(f"{d.o.addr}  |  Tel {d.o.phone}  |  Fax {d.o.fax}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*col); pdf.line(18, pdf.get_y() + 1, 197, pdf.get_y() + 1); pdf.ln(5); pdf.set_text_color(0, 0, 0)
        if d.title: pdf.set_font(F, "B", 12); pdf.multi_cell(0, 7, t(d.title), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        dst = "dmy" if d.lang == "es" else r.choice(["mdy", "m/d/yyyy", "iso", "dmon"])
        for b in d.blocks:
            if b[0] == "p": pdf.set_font(F, "", 10); pdf.multi_cell(0, 5, t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
            elif b[0] == "h": pdf.set_font(F, "B", 11); pdf.multi_cell(0, 6, t(b[1]), new_x="LMARGIN", new_y="NEXT")
            elif b[0] == "kv":
                for k, v in b[1]:
                    if not v: continue
                    pdf.set_font(F, "B", 9.5); pdf.cell(48, 5.5, t(k + ":"))
                    pdf.set_font(F, "", 9.5); pdf.multi_cell(0, 5.5, t(v), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            elif b[0] == "table":
                pdf.set_font(F, "", 7.5)
                with pdf.table(text_align="LEFT", line_height=4.2) as tb:
                    for row in [b[1]] + [[cstr(c, dst) for c in x] for x in b[2]]:
                        rr = tb.row()
                        for c in row: rr.cell(t(c))
                pdf.ln(3)
            elif b[0] == "pre": pdf.set_font(M, "", 6.8); pdf.multi_cell(0, 3.4, t(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
            elif b[0] == "bul":
                pdf.set_font(F, "", 10)
                for x in b[1]: pdf.multi_cell(0, 5, t(("\u2022 " if ttf else "- ") + x), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        if pdf.pages_count <= 2: break
    return norm_pdf(bytes(pdf.output()), key)

def rl_pdf(r, doc, key):
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, Preformatted, Image as RLImage
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib import colors
    ss = getSampleStyleSheet()
    for cut in (None, 10, 7):
        d = doc if cut is None else doc.cut(cut)
        buf = io.BytesIO(); dt = SimpleDocTemplate(buf, pagesize=letter, invariant=1, title=lat1(d.title or d.o.short), author=lat1(d.o.short), leftMargin=50, rightMargin=50, topMargin=40, bottomMargin=40)
        st = []
        if r.random() < 0.35: st.append(RLImage(io.BytesIO(logo_png(d.o)), width=160, height=48, hAlign="LEFT"))
        else: st.append(Paragraph(f'<font color="{d.o.color}" size="14"><b>{esc(lat1(d.o.name))}</b></font>', ss["Normal"]))
        st.append(Paragraph(f'<font size="8" color="#666666">{esc(lat1(d.o.addr))} - {d.o.phone}</font>', ss["Normal"])); st.append(Spacer(1, 10))
        if d.title: st.append(Paragraph(esc(lat1(d.title)), ss["Heading3"]))
        dst = "dmy" if d.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "long"])
        for b in d.blocks:
            if b[0] == "p": st.append(Paragraph(esc(lat1(b[1])).replace("\n", "<br/>"), ss["BodyText"]))
            elif b[0] == "h": st.append(Paragraph(esc(lat1(b[1])), ss["Heading4"]))
            elif b[0] == "kv":
                tb = Table([[lat1(k), Paragraph(esc(lat1(str(v))), ss["BodyText"])] for k, v in b[1] if v], colWidths=[130, 370], hAlign="LEFT")
                tb.setStyle(TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
            elif b[0] == "table":
                sm = ss["BodyText"].clone("sm", fontSize=7.5, leading=9)
                data = [[Paragraph(f"<b>{esc(lat1(h))}</b>", sm) for h in b[1]]] + [[Paragraph(esc(lat1(cstr(c, dst))), sm) for c in row] for row in b[2]]
                tb = Table(data, repeatRows=1, hAlign="LEFT")
                tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.92)), ("VALIGN", (0, 0), (-1, -1), "TOP")])); st.append(tb)
            elif b[0] == "pre": st.append(Preformatted(lat1(b[1]), ss["Code"].clone("c2", fontSize=6.5, leading=8)))
            elif b[0] == "bul":
                for x in b[1]: st.append(Paragraph("- " + esc(lat1(x)), ss["BodyText"]))
            st.append(Spacer(1, 6))
        dt.build(st)
        if dt.page <= 2: break
    return norm_pdf(buf.getvalue(), key)

def ps_str(s):
    out = []
    for ch in lat1(str(s)):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif o < 32 or o > 126: out.append("\\%03o" % o)
        else: out.append(ch)
    return "(" + "".join(out) + ")"
def ps_doc(r, doc):
    """hand-written PostScript: Helvetica (ISO Latin-1) body text, Courier tables/records"""
    lines = []; o = doc.o
    lines.append(("HB", 14, o.name, 20)); lines.append(("H", 8, f"{o.addr}   Tel {o.phone}   Fax {o.fax}", 16))
    if doc.title: lines.append(("HB", 12, doc.title, 18))
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yy", "iso", "dmon"])
    for b in doc.blocks:
        if b[0] in ("p", "h"):
            for para in b[1].split("\n"):
                for ln in textwrap.wrap(para, 96) or [""]: lines.append(("HB" if b[0] == "h" else "H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "kv":
            for k, v in b[1]:
                if v:
                    for ln in textwrap.wrap(f"{k}: {v}", 96): lines.append(("H", 9.5, ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "bul":
            for x in b[1]:
                for i, ln in enumerate(textwrap.wrap(x, 92)): lines.append(("H", 9.5, ("-  " if i == 0 else "   ") + ln, 12))
            lines.append(("H", 9.5, "", 6))
        elif b[0] == "table":
            tt = table_text(b[1], b[2], "cols", dst).split("\n")
            size = 7.2 if max(len(x) for x in tt) < 120 else 6.0
            for ln in tt:
                for piece in textwrap.wrap(ln, 150) or [""]: lines.append(("C", size, piece, size + 2))
            lines.append(("H", 9.5, "", 8))
        elif b[0] == "pre":
            for ln in b[1].split("\n"):
                for piece in textwrap.wrap(ln, 140, break_on_hyphens=False) or [""]: lines.append(("C", 6.5, piece, 8))
            lines.append(("H", 9.5, "", 8))
    pages = [[]]; y = 740
    for ln in lines:
        if y - ln[3] < 50: pages.append([]); y = 740
        y -= ln[3]; pages[-1].append((ln[0], ln[1], ln[2], y))
    col = [int(o.color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    ps = ["%!PS-Adobe-3.0", f"%%Title: {lat1(doc.title or o.short)}", f"%%Creator: {lat1(o.short)} document services", f"%%Pages: {len(pages)}", "%%BoundingBox: 0 0 612 792", "%%EndComments",
          "/Enc ISOLatin1Encoding 256 array copy def Enc 45 /hyphen put",
          "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding Enc def currentdict end definefont pop } def",
          "/H /Helvetica reenc /HB /Helvetica-Bold reenc /C /Courier reenc", "/F { exch findfont exch scalefont setfont } def"]
    for i, pg in enumerate(pages, 1):
        ps.append(f"%%Page: {i} {i}")
        ps.append(f"{col[0]:.3f} {col[1]:.3f} {col[2]:.3f} setrgbcolor 50 {748 if i == 1 else 760} moveto 562 {748 if i == 1 else 760} lineto 0.8 setlinewidth stroke 0 setgray")
        for f, s, tx, y in pg:
            if tx: ps.append(f"/{f} {s} F 54 {y} moveto {ps_str(tx)} show")
        ps.append(f"/H 7 F 54 30 moveto {ps_str(f'{o.short} - page {i} of {len(pages)}')} show")
        ps.append("showpage")
    ps.append("%%EOF")
    return "\n".join(ps) + "\n", len(pages)

def docx_bytes(r, doc, logo=False):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    d = docx.Document(); o = doc.o
    sec = d.sections[0]; hp = sec.header.paragraphs[0]
    if logo: hp.add_run().add_picture(io.BytesIO(logo_png(o)), width=Inches(1.6)); hp.add_run("   " + o.name)
    else: run = hp.add_run(o.name); run.bold = True; run.font.color.rgb = RGBColor.from_string(o.color[1:].upper())
    sec.header.add_paragraph(f"{o.addr} | {o.phone}").runs[0].font.size = Pt(8)
    sec.footer.paragraphs[0].text = r.choice(["Confidential", f"{o.short} - internal use", f"{SYS} | {o.short}", f"Form {o.key.upper()}-{dg(r, 3)} (rev. 2027)"])
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Georgia"]); st.font.size = Pt(10.5)
    if doc.title: d.add_heading(doc.title, level=r.choice([1, 2]))
    dst = "dmy" if doc.lang == "es" else r.choice(["mdy", "m/d/yyyy", "long", "iso"])
    tstyle = r.choice(["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Light Shading Accent 1"])
    for b in doc.blocks:
        if b[0] == "p":
            for para in b[1].split("\n\n"): d.add_paragraph(para)
        elif b[0] == "h": d.add_heading(b[1], level=3)
        elif b[0] == "kv":
            items = [(k, v) for k, v in b[1] if v]
            if r.random() < 0.5:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for k, v in items: c = t.add_row().cells; c[0].text = k; c[1].text = str(v)
            else:
                for k, v in items: p = d.add_paragraph(); p.add_run(k + ": ").bold = True; p.add_run(str(v))
        elif b[0] == "table":
            t = d.add_table(rows=1, cols=len(b[1])); t.style = tstyle
            for i, h in enumerate(b[1]): t.rows[0].cells[i].text = h
            for row in b[2]:
                c = t.add_row().cells
                for i, v in enumerate(row): c[i].text = cstr(v, dst)
            for row in t.rows:
                for c in row.cells:
                    for p in c.paragraphs:
                        for ru in p.runs: ru.font.size = Pt(8)
        elif b[0] == "pre":
            for ln in b[1].split("\n"): p = d.add_paragraph(); ru = p.add_run(ln); ru.font.name = "Courier New"; ru.font.size = Pt(7); p.paragraph_format.space_after = Pt(0)
        elif b[0] == "bul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
    d.core_properties.author = o.short; d.core_properties.title = doc.title or ""
    d.core_properties.created = dtm.datetime(2026, 6, 1); d.core_properties.modified = dtm.datetime(2026, 6, 1); d.core_properties.last_modified_by = o.short
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

def xlsx_bytes(r, doc):
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    tb = doc.table(); wb = openpyxl.Workbook(); ws = wb.active
    ws.title = re.sub(r"[^A-Za-z0-9 ]", "", (doc.title or doc.subj or "Sheet1"))[:28].strip() or "Sheet1"
    ws.append(list(tb[1]))
    for c in ws[1]: c.font = Font(bold=True, color="FFFFFF"); c.fill = PatternFill("solid", fgColor=doc.o.color[1:].upper())
    nf = r.choice(["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "m/d/yy"])
    for row in tb[2]:
        vals = []
        for v in row:
            if isinstance(v, str) and re.fullmatch(r"\d{1,6}", v): vals.append(int(v))
            else: vals.append(v)
        ws.append(vals)
    for rw in ws.iter_rows(min_row=2):
        for c in rw:
            if isinstance(c.value, (dtm.date, dtm.datetime)): c.number_format = nf
    for i, h in enumerate(tb[1], 1): ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(10, min(34, max(len(cstr(x[i - 1])) for x in [tb[1]] + tb[2]) + 2))
    ws.freeze_panes = "A2"
    notes = [b[1] for b in doc.blocks if b[0] == "p"]
    if notes and r.random() < 0.5:
        w2 = wb.create_sheet("Notes"); w2["A1"] = doc.title or ""; w2["A2"] = " ".join(notes); w2["A4"] = f"Prepared by {doc.o.short}"
    wb.properties.creator = doc.o.short; wb.properties.created = dtm.datetime(2026, 6, 1); wb.properties.modified = dtm.datetime(2026, 6, 1)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

def csv_bytes(r, doc):
    tb = doc.table(); delim = r.choice([",", ",", "\t", ",", "|"]); dst = r.choice(["mdy", "iso", "m/d/yyyy", "ymd"])
    s = io.StringIO(); w = csv.writer(s, delimiter=delim, lineterminator=r.choice(["\r\n", "\n"]))
    hdr = list(tb[1]) if r.random() < 0.6 else [re.sub(r"[^A-Za-z0-9]+", "_", h).strip("_").upper() for h in tb[1]]
    w.writerow(hdr)
    for row in tb[2]: w.writerow([cstr(c, dst) for c in row])
    data = s.getvalue().encode("utf-8")
    if r.random() < 0.2: data = b"\xef\xbb\xbf" + data
    return data, ("tsv" if delim == "\t" and r.random() < 0.6 else "txt" if delim == "|" else "csv")

def norm_ooxml(data):
    """LibreOffice writes random rsids; map them to stable values in order of appearance, then fix zip stamps"""
    zin = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO(); mp = {}
    def rep(m):
        v = m.group(2)
        if v not in mp: mp[v] = b"%08X" % (0x00B20000 + len(mp))
        return m.group(1) + mp[v]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                body = re.sub(rb'(w:rsid[A-Za-z]*\s*=\s*"|w:val\s*=\s*"(?=[0-9A-F]{8}"))([0-9A-F]{8})', rep, body) if b"rsid" in body else body
            zi = zipfile.ZipInfo(info.filename, date_time=ZIPTIME); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return fix_zip(out.getvalue())

class LOJobs:
    """batch LibreOffice conversions (one soffice start per kind)"""
    def __init__(s, tmp): s.tmp = tmp; s.lo = collections.defaultdict(list)
    def add(s, kind, name, data):
        d = os.path.join(s.tmp, kind, "in"); os.makedirs(d, exist_ok=True); os.makedirs(os.path.join(s.tmp, kind, "out"), exist_ok=True)
        p = os.path.join(d, name); open(p, "wb").write(data); s.lo[kind].append(p)
        ext = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx"}[kind]
        return ("LO", os.path.join(s.tmp, kind, "out", name.rsplit(".", 1)[0] + "." + ext))
    def run(s): run_lo(s)

# ================================================================== message assembly

def sig_html(sig, o, cid=None):
    h = "<p style=\"color:#555;font-size:9pt\">" + esc(sig).replace("\n", "<br>\n") + "</p>"
    if cid: h += f'<p><img src="cid:{cid}" alt="{esc(o.short)} logo" width="160" height="48"></p>'
    return h
def set_text_html(m, text, html_body, font, logo_o=None, cid=None):
    m.set_content(text)
    m.add_alternative(f'<html><head><meta charset="utf-8"></head><body style="font-family:{font};font-size:10pt">\n{html_body}\n</body></html>\n', subtype="html")
    if cid: m.get_payload()[1].add_related(logo_png(logo_o), "image", "png", cid=f"<{cid}>")

def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asciify(doc.title or doc.cat.split("/")[-1]))[:40].strip("_") or "document"
    return r.choice([base, base.lower(), f"{base}_{TODAY:%Y%m%d}", f"scan{dg(r, 8)}", f"{doc.o.key.upper()}_{base}", f"{base} ({r.randint(1, 3)})"]) + "." + ext

def make_attachment(r, jobs, carrier, doc, key):
    """returns (filename, bytes-or-LOhandle, post) where post is applied after LibreOffice runs"""
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fp_pdf(r, doc, r.random() < 0.55, key), None
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), rl_pdf(r, doc, key), None
    if carrier == "pdf-ghostscript":
        src = r.random()
        if src < 0.6:
            for cut in (None, 10, 7):
                ps, n = ps_doc(r, doc if cut is None else doc.cut(cut))
                if n <= 2: break
            p = os.path.join(jobs.tmp, f"{key}.ps"); open(p, "w", encoding="latin-1").write(ps)
        else:
            p = os.path.join(jobs.tmp, f"{key}.src.pdf"); open(p, "wb").write(rl_pdf(r, doc, key) if src < 0.8 else fp_pdf(r, doc, r.random() < 0.5, key))
        return fname_for(r, doc, "pdf"), norm_pdf(gs_distill(p, os.path.join(jobs.tmp, f"{key}.gs.pdf")), key), None
    if carrier == "pdf-libreoffice":
        if r.random() < 0.5: h = jobs.add("html2pdf", f"{key}.html", render_html(r, doc, standalone=True).encode("utf-8"))
        else: h = jobs.add("docx2pdf", f"{key}.docx", docx_bytes(r, doc, logo=r.random() < 0.4))
        return fname_for(r, doc, "pdf"), h, lambda b: norm_pdf(b, key)
    if carrier == "docx":
        if r.random() < 0.3: return fname_for(r, doc, "docx"), jobs.add("html2docx", f"{key}.html", render_html(r, doc, standalone=True).encode("utf-8")), norm_ooxml
        return fname_for(r, doc, "docx"), docx_bytes(r, doc, logo=r.random() < 0.35), None
    if carrier == "xlsx":
        x = xlsx_bytes(r, doc)
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), jobs.add("xlsx2xlsx", f"{key}.xlsx", x), norm_ooxml
        return fname_for(r, doc, "xlsx"), x, None
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data, None
    if carrier == "zip":
        if doc.table() and r.random() < 0.6:
            if r.random() < 0.5: data, ext = csv_bytes(r, doc); inner = (fname_for(r, doc, ext), data)
            else: inner = (fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc))
        else:
            k = r.random()
            if k < 0.4: inner = (fname_for(r, doc, "pdf"), rl_pdf(r, doc, key))
            elif k < 0.7: inner = (fname_for(r, doc, "pdf"), fp_pdf(r, doc, True, key))
            else: inner = (fname_for(r, doc, "docx"), docx_bytes(r, doc))
        folder = r.choice(["", "", "export/", f"{doc.o.key}_{TODAY:%Y%m}/"])
        return r.choice(["records", "export", "documents", f"{doc.o.key}_files", "secure_package", "batch"]) + f"_{dg(r, 4)}.zip", make_zip([(folder + inner[0], inner[1])]), None
    raise ValueError(carrier)

def attach_part(m, fname, data):
    ext = fname.rsplit(".", 1)[-1].lower()
    mt = {"pdf": ("application", "pdf"), "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
          "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "csv": ("text", "csv"), "tsv": ("text", "tab-separated-values"),
          "txt": ("text", "plain"), "zip": ("application", "zip")}[ext]
    if mt[0] == "text": m.add_attachment(data.decode("utf-8"), mt[1], filename=fname, charset="utf-8", cte="base64")
    else: m.add_attachment(data, mt[0], mt[1], filename=fname)

def finish(fname, m):
    if "Message-ID" not in m:
        dom = str(m["From"].addresses[0].domain) if m["From"] else "example.org"
        m["Message-ID"] = f"<{hashlib.sha256(('mid3:' + fname).encode()).hexdigest()[:32]}@{dom}>"
    if "MIME-Version" not in m: m["MIME-Version"] = "1.0"
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_dev3_{j:02d}_" + hashlib.sha256(f"{fname}#{j}".encode()).hexdigest()[:24])
    data = m.as_bytes(policy=SMTP)
    import email as _email
    back = _email.message_from_bytes(data, policy=SMTP)
    if any(m[k] is not None and str(back[k]) != str(m[k]) for k in ("From", "To", "Cc", "Reply-To")) or re.search(rb"\r\n[A-Za-z-]+:\r\n ", data):
        data = m.as_bytes(policy=SMTP.clone(max_line_length=998))   # no header that starts with an empty folded line
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data


# ================================================================== PHI documents (own)
PHI_BODY = []     # narrative / labelled documents for any carrier
PHI_TAB = []      # documents whose main block is a one-patient-per-row table
def phi(f): PHI_BODY.append(f); return f
def phit(f): PHI_TAB.append(f); return f

@phi
def portal_result(r):
    p = pt(r, 30, 80); s = doc_(r); o = ORG[pick(r, "svh", "svfm", "mesa")]
    a1c = round(r.uniform(7.6, 11.4), 1); ldl = r.randint(128, 205)
    who = pick(r, p.ttl(), p.first(), f"{p.ttl()}", f"{p.given} {p.family}")
    lines = pick(r,
        f"Hi {who},\n\nYour A1c came back at {a1c}. Last time it was {round(a1c - r.uniform(0.4, 1.6), 1)}, so it's going the wrong way. "
        f"{drn(s)} would like to increase your metformin to 1000 mg twice a day and add Jardiance 10 mg once a day. I sent both to your pharmacy. "
        f"Your cholesterol (LDL {ldl}) is also high - please keep taking the atorvastatin every night.\n\nCan you come in for a nurse visit in 3 months to recheck? "
        f"Reply here or call us if you have questions.",
        f"Hello {who} -\n\nGood news on most of your labs: kidney function and potassium are normal. Your TSH was {round(r.uniform(6.2, 14.8), 1)} though, which means your thyroid is underactive. "
        f"We're starting levothyroxine 50 mcg every morning on an empty stomach. Recheck in 6 weeks. The prescription is at your {pick(r, 'Walgreens on Coors', 'pharmacy on Lohman', 'Turquoise Trail Pharmacy')}.",
        f"Hi {who}, this is {s.given}, {drn(s)}'s nurse. Your PSA came back at {round(r.uniform(5.1, 12.9), 1)}, higher than last year. That doesn't mean cancer, "
        f"but {drn(s)} wants you to see urology. We put the referral in - they'll call you to schedule an MRI first. Let me know if you don't hear from them in a week.")
    return Doc(o, "portal/result-reply", "", [P(lines), P(f"{s.given} {s.family}, {s.cred or 'RN'}\n{o.short}")], subj=pick(r, "Re: lab results", "Your test results", "RE: question about my labs", "Message from your care team"))

@phi
def nurse_callback(r):
    p = pt(r, 25, 88); o = ORG[pick(r, "svh", "svfm", "mesa", "svlc")]; fam = Person(r, 25, 60)
    bg = r.randint(280, 460)
    t = pick(r,
        f"called pt back re: the message from this am. spoke w/ {p.first()} and {p.his()} daughter {fam.first()}. {p.he()} says sugars have been {bg}s since the prednisone burst "
        f"from urgent care for the bronchitis, fasting {bg - 90}. denies n/v, drinking lots of water. reviewed s/s of DKA/HHS. told {p.him()} to take lantus 18u tonight instead of 14 "
        f"and call back in am w/ readings. if >400 or vomiting go to ED. {p.he()} verbalized understanding. routed to {drn(doc_(r))}.",
        f"Returned call to {p.ttl()} at {p.phone}. {p.he().capitalize()} fell in the bathroom last night, didn't hit {p.his()} head, but R hip hurts to walk on. "
        f"Lives alone in {p.city}, son checks on {p.him()} weekends. Advised ED eval today for xray - {p.he()} is on apixaban. {p.he().capitalize()} agreed, neighbor will drive. "
        f"Sending heads up to SVMC ED charge.",
        f"Callback - {p.first()} {p.family[0]}. (mom of {kid(r).first()}) - re: {p.his()} own BP log, 168/102, 172/99, 159/104 past 3 days on amlodipine 10. "
        f"No HA/CP/SOB. Per standing order adding HCTZ 12.5, BP check w/ MA Friday. LVM confirming the pharmacy.")
    return Doc(o, "nurse/callback-note", "", [P(t), P(pick(r, "- " + staff(r).given + " RN", "thx", ""))], subj=pick(r, "callback", "phone note", "returned call", "pt call back", "telephone encounter"))

@phi
def phone_message(r):
    p = pt(r, 20, 85); s = doc_(r); o = ORG[pick(r, "svh", "svfm", "mesa", "svlc")]; c = staff(r)
    why = pick(r, f"says the new blood pressure pill (losartan) is making {p.him()} dizzy when {p.he()} stands up, wants to know if {p.he()} can stop it",
               f"wants the results of {p.his()} biopsy from last Tuesday, very anxious, has been waiting a week",
               f"ran out of {p.his()} sertraline 4 days ago, pharmacy says the script needs a new auth, feeling 'really low'",
               f"asking if {p.he()} can get the second hep B shot early because {p.he()} is starting dialysis next month",
               f"says {p.his()} son {kid(r, 6, 14, 'M').first()} has had fever 103 x2 days and now a rash on his chest, can {drn(s)} see him today")
    t = f"Message for {drn(s)}\nFrom: {c.first()} at front desk\nTime: {clock(r)}\n\n{p.full()} called, {why}. Best number {p.phone}" + pick(r, ", ok to leave msg.", " (cell), no VM set up.", ".")
    if r.random() < 0.4: t = t.lower()
    return Doc(o, "frontdesk/phone-message", "", [P(t)], subj=pick(r, "phone msg", "Message for " + drn(s), "pt called", "call back please"))

@phi
def result_letter(r):
    p = pt(r, 45, 78); s = doc_(r); o = ORG[pick(r, "svh", "svlc", "svfm")]
    body = pick(r,
        f"Your colonoscopy on {fd(past(r, 10, 30), 'long')} found two small polyps, which were removed. The pathology report shows they were tubular adenomas. "
        f"These are not cancer, but they can turn into cancer over time, so we recommend your next colonoscopy in 5 years.",
        f"Your screening mammogram on {fd(past(r, 5, 20), 'long')} showed an area in the left breast that needs a closer look (BI-RADS 0). "
        f"Please call our Breast Center to schedule a diagnostic mammogram and ultrasound. Most of these additional studies turn out to be normal.",
        f"The CT scan of your chest on {fd(past(r, 5, 20), 'long')} shows a {r.randint(6, 9)} mm nodule in the right upper lobe. Because you smoked for many years, "
        f"{drn(s)} recommends a repeat low-dose CT in 6 months. We have placed the order.",
        f"Your bone density (DEXA) scan shows osteoporosis, with a T-score of -{round(r.uniform(2.6, 3.4), 1)} at the hip. {drn(s)} recommends starting alendronate 70 mg once a week "
        f"along with calcium and vitamin D.")
    blocks = [P(f"{fd(TODAY, 'long')}"), P(f"{p.full()}\n{p.street}\n{p.city}, {p.state} {p.zip}"), P(f"Dear {p.ttl()},"), P(body),
              P(f"If you have any questions, please call us at {o.phone}."), P(f"Sincerely,\n\n{wc(s)}\n{o.name}")]
    return Doc(o, "letter/result-letter", "", blocks, subj=pick(r, "Results letter", "letter for mailing", "result notification", "Your results"))

@phi
def appt_reminder(r):
    p = pt(r, 20, 80); o = ORG[pick(r, "svh", "svlc", "omd", "pbbh")]; d = soon(r, 1, 10)
    clinic, prep = pick(r, ("Sangre Vista Cancer Center - Infusion Suite", f"Your chemotherapy infusion (cycle {r.randint(2, 6)}) usually takes about 4 hours. Bring a snack and a jacket."),
                          ("Sangre Vista Infectious Disease / Ryan White Clinic", "Please come 15 minutes early for your viral load and CD4 blood draw."),
                          ("Permian Basin BH - Opioid Treatment Program", "Bring your take-home lock box for inspection. Dosing window closes at 11:30."),
                          ("Sangre Vista Fertility & IVF", "Do not eat after midnight before your egg retrieval. A driver must take you home."),
                          ("Sangre Vista Memory Care Clinic", f"Please bring a family member who can help answer questions about {p.his()} memory."),
                          ("Organ Mountain Dialysis - Telshor", "Your chair time is changing to the Tuesday/Thursday/Saturday second shift."))
    t = pick(r, f"Hi {p.first()}, this is a reminder of your appointment at {clinic} on {fd(d, 'long')} at {clock(r)}. {prep} Reply C to confirm.",
             f"Dear {p.full()},\n\nYou have an appointment scheduled:\n{clinic}\n{d.strftime('%A')}, {fd(d, 'long')} - {clock(r)}\n\n{prep}\n\nTo cancel or reschedule call {o.phone}.")
    return Doc(o, "reminder/appointment", "", [P(t)], subj=pick(r, "Appointment reminder", "Reminder: upcoming visit", "Your appointment", "Appt " + fd(d, "short")))

@phi
def family_update(r):
    p = pt(r, 60, 94); o = ORG[pick(r, "svh", "svlc", "pvhh")]; fam = Person(r, 30, 62); n = staff(r, "RN")
    rel = pick(r, "your dad", "your mom", "your husband", "your wife", "your grandmother")
    t = pick(r,
        f"Hi {fam.first()},\n\nJust wanted to give you an update since you couldn't make it in today. {rel.capitalize()} ({p.ttl()}) had a good night. "
        f"The antibiotics for the pneumonia seem to be working - fever broke around 2 am and {p.he()}'s down to 2 liters of oxygen. {p.he().capitalize()} ate half of breakfast. "
        f"The doctors are talking about moving {p.him()} out of the ICU tomorrow if the kidney numbers keep improving.\n\nCall the unit anytime, ask for me or the charge nurse.\n\n{n.first()}",
        f"{fam.first()} - spoke with hospice this afternoon. {p.first()} is more sleepy today and not really eating. We started the morphine liquid for the breathing and "
        f"{p.he()} looks more comfortable. {p.his().capitalize()} pastor came by. If family wants to come, this week would be a good time. So sorry. - {n.first()}, Pecos Valley",
        f"Hello {fam.ttl()}, the surgery on {rel} went fine. The surgeon fixed the hip with a rod and screws. {p.first()} is in recovery and will go to 5 West, room {r.randint(501, 540)}, "
        f"in about an hour. PT will try to get {p.him()} up tomorrow. Plan is rehab placement around day 3.")
    return Doc(o, "family/update", "", [P(t)], subj=pick(r, "update", "quick update", f"update on {rel}", "today"))

@phi
def handoff(r):
    o = ORG[pick(r, "svh", "svlc")]; pts = [pt(r, 40, 92) for _ in range(r.randint(3, 5))]
    probs = [lambda p: f"{r.randint(400, 440)}{pick(r, 'A', 'B', '')} - {p.ttl().lower() if r.random() < 0.5 else p.family}, {p.age}{p.sex.lower()}, chf exac. diuresing, net -{round(r.uniform(0.6, 2.1), 1)}L, k {round(r.uniform(3.0, 3.4), 1)} replaced. daughter calls q shift",
             lambda p: f"{r.randint(400, 440)} - {p.first()} {p.family[0]}., cellulitis R leg, on vanc, trough due 0530. grumpy but fine",
             lambda p: f"{r.randint(400, 440)} - {p.family.upper()} {p.age}{p.sex}, etoh w/d, CIWA {r.randint(8, 22)}, got ativan 2mg x2. sitter at bedside",
             lambda p: f"{r.randint(400, 440)} - {p.given} ({p.nick if p.nick != p.given else 'goes by ' + p.first()}), post op day 1 lap chole, pain ok, d/c tomorrow if tolerates diet",
             lambda p: f"{r.randint(400, 440)} - {p.ttl()} - new afib rvr, dilt gtt at 10, cards to see in am. NPO after MN for TEE",
             lambda p: f"{r.randint(400, 440)} - {p.first().lower()} {p.family.lower()} - dka resolved, off drip, on lantus 20 + SSI. teaching done w/ wife"]
    lines = [r.choice(probs)(p) for p in pts]
    t = pick(r, "night shift handoff 4N\n\n", "handoff for tonight (pod B)\n", "hey - my pts for you\n\n") + "\n".join(lines) + pick(r, "\n\nthanks!! call if anything", "\n\nall quiet otherwise", "")
    return Doc(o, "nursing/handoff-chatter", "", [P(t)], subj=pick(r, "handoff", "pod B", "tonight", "my pts"))

@phi
def es_lab(r):
    p = pt(r, 30, 80); o = ORG[pick(r, "svh", "svlc", "mesa", "cdrl")]; s = doc_(r); d = past(r, 3, 20)
    items = [("Glucosa en ayunas", f"{r.randint(131, 240)} mg/dL", "70-99"), ("Hemoglobina A1c", f"{round(r.uniform(7.2, 10.9), 1)} %", "< 5.7"),
             ("Colesterol LDL", f"{r.randint(140, 210)} mg/dL", "< 100"), ("Creatinina", f"{round(r.uniform(1.4, 2.6), 2)} mg/dL", "0.6-1.1")]
    if r.random() < 0.5:
        t = (f"Estimad{'o' if p.sex == 'M' else 'a'} {p.sra()}:\n\nSus resultados de laboratorio del {fd(d, 'es')} ya están listos. Su azúcar en la sangre está alta "
             f"(A1c {items[1][1]}) y el colesterol LDL también ({items[2][1]}). {drn(s).replace('Dr.', 'La Dra.' if s.sex == 'F' else 'El Dr.')} quiere verle en la clínica en dos semanas "
             f"para ajustar su medicina. Por favor llame al {o.phone} para hacer su cita.\n\nAtentamente,\nClínica de Diabetes")
        return Doc(o, "es/lab-letter", "", [P(t)], subj=pick(r, "Sus resultados de laboratorio", "Resultados", "Resultados de laboratorio"), lang="es")
    blocks = [KV(("Paciente", p.full()), ("Fecha de nacimiento", dob(r, p, pick(r, "dmy", "es", "mdy"))), ("Número de expediente", mrn(r)), ("Fecha de la muestra", fd(d, "dmy")),
                 ("Médico", wc(s))), T(["Prueba", "Resultado", "Rango normal"], [list(x) for x in items]), P("Resultados fuera de rango marcados por el laboratorio. Comuníquese con su médico.")]
    return Doc(o, "es/lab-report", "Informe de resultados de laboratorio", blocks, subj="Informe de laboratorio", lang="es")

@phi
def es_reminder(r):
    p = pt(r, 20, 75); o = ORG[pick(r, "svh", "svfm", "mesa", "omd")]; d = soon(r, 2, 12)
    what = pick(r, ("Clínica de Diabetes", "Traiga su glucómetro y la lista de sus medicinas."), ("Clínica Prenatal", f"Tiene {r.randint(24, 32)} semanas; le haremos la prueba de glucosa de una hora. No coma nada 2 horas antes."),
                ("Clínica de VIH", "Le haremos los análisis de carga viral."), ("Unidad de Diálisis", "Su horario cambia a lunes, miércoles y viernes."),
                ("Clínica de Salud Mental", "Su consejera le verá por video. Le enviaremos el enlace por mensaje."))
    t = pick(r, f"Hola {p.first()}, le recordamos su cita en la {what[0]} el {fd(d, 'es')} a las {clock(r)}. {what[1]} Si no puede venir, llámenos al {o.phone}.",
             f"Sr{'.' if p.sex == 'M' else 'a.'} {p.full()}:\n\nRecordatorio de cita\n{what[0]}\nFecha: {fd(d, 'dmy')}  Hora: {clock(r)}\n\n{what[1]}\n\nGracias, {o.short}")
    return Doc(o, "es/reminder", "", [P(t)], subj=pick(r, "Recordatorio de cita", "Su cita", "Recordatorio"), lang="es")

@phi
def referral_letter(r):
    p = pt(r, 18, 85); s = doc_(r); o = ORG[pick(r, "svfm", "mesa", "svh")]; to = doc_(r)
    dx = pick(r, "hcv", "ckd5", "brca", "epilepsy", "valley", "afib", "oa_knee", "lung")
    story = {"hcv": f"HCV Ab reactive, RNA {r.randint(200, 990)}k IU/mL, genotype 1a. FIB-4 {round(r.uniform(1.3, 3.8), 2)}. Interested in treatment.",
             "ckd5": f"eGFR {r.randint(9, 14)}, K {round(r.uniform(5.2, 6.0), 1)}. Needs access placement and dialysis planning.",
             "brca": "Palpable R breast mass 2.1 cm, core bx invasive ductal carcinoma, ER/PR+ HER2-.",
             "epilepsy": "Two breakthrough seizures on levetiracetam 1500 BID. Driving counseling given.",
             "valley": f"Cocci IgG/IgM positive, CF titer 1:{pick(r, '16', '32', '64')}, persistent cough and night sweats 6 weeks. On fluconazole 400.",
             "afib": "New AF on ECG, CHA2DS2-VASc 4, started apixaban. Rate controlled on metoprolol.",
             "oa_knee": "Severe R knee OA, bone-on-bone medial compartment, failed injections x3.", "lung": "RUL spiculated mass 3.4 cm on CT, 40 pack-years."}[dx]
    blocks = [KV(("To", wc(to)), ("From", wc(s)), ("Patient", pick(r, p.lfm(), p.full(), p.caps())), ("DOB", dob(r, p)), (pick(r, "MRN", "Med Rec #", "Chart #"), mrn(r)),
                 ("Insurance", pick(r, "Llano Estacado Health Plan", "NM Medicaid (Centennial)", "Medicare A/B", "BCBS of Texas")),
                 (pick(r, "Mbr ID", "Member #", "Subscriber ID"), mbr(r)), ("Phone", p.phone), ("Diagnosis", icdx(dx)), ("Urgency", pick(r, "Routine", "Urgent - within 2 weeks", "Routine"))),
              P(f"Reason for referral: {story}"), P(f"Thank you for seeing {p.him()}. Records attached in the chart.\n\n{wc(s)}  NPI {npi(r)}")]
    return Doc(o, "referral/outgoing", "Referral", blocks, subj=pick(r, "Referral", "New referral", "referral - please schedule", "Outgoing referral"))

@phi
def prior_auth(r):
    p = pt(r, 20, 75); s = doc_(r); o = ORG[pick(r, "ttrx", "svh", "mesa")]
    drug = pick(r, ("Ozempic 1 mg/0.75 mL pen", "t2dm_hyper"), ("Epclusa 400-100 mg tab", "hcv"), ("Dupixent 300 mg/2 mL pen", "asthma"), ("Vyvanse 40 mg cap", "adhd"), ("Eliquis 5 mg tab", "afib"))
    blocks = [H("Prior Authorization Request - Pharmacy"),
              KV(("Member name", p.caps()), ("Member ID", mbr(r)), ("Date of birth", dob(r, p, pick(r, "mdy", "iso"))), ("Plan", "Llano Estacado Health Plan - Medicaid"),
                 ("Drug requested", drug[0]), ("NDC", ndc(r)), ("Quantity / days", f"{pick(r, '3 mL', '60', '30', '2 pens')} / 28"), ("Diagnosis", icdx(drug[1])),
                 ("Prescriber", wc(s)), ("Prescriber NPI", npi(r)), ("Prescriber fax", o.fax)),
              P(pick(r, "Tried and failed metformin and glipizide for 6+ months, A1c remains above 9.", "Treatment-naive, no cirrhosis, HIV negative, HBsAg negative.",
                     "Two oral steroid bursts in the last year despite high-dose ICS/LABA; eosinophils 480.", "Stimulant trial: methylphenidate ER caused appetite loss and weight drop.",
                     "Warfarin INRs labile, difficult access to INR checks (lives 70 miles from clinic)."))]
    return Doc(o, "pharmacy/prior-auth", "", blocks, subj=pick(r, "PA request", "Prior auth - please review", "PA", "pharmacy PA"))

@phi
def discharge_summary(r):
    p = pt(r, 30, 90); s = doc_(r); o = ORG[pick(r, "svh", "svlc")]; adm = past(r, 5, 12); dc = adm + DAY(days=r.randint(2, 6))
    dx = pick(r, "pna", "chf", "copd", "sepsis", "cellulitis", "hipfx")
    blocks = [KV(("Patient", p.lfm()), ("DOB", dob(r, p)), ("MRN", mrn(r)), ("FIN", fin(r)), ("Admit", fd(adm)), ("Discharge", fd(dc)), ("Attending", wc(s))),
              H("Principal diagnosis"), P(icdx(dx)), H("Hospital course"),
              P(f"{p.age} y/o {'man' if p.sex == 'M' else 'woman'} admitted with {ICD[dx][1].lower()}. Treated with IV antibiotics and supportive care; improved. "
                f"Also found to have {pick(r, 'AKI, resolved with fluids', 'new anemia, Hgb 8.9, outpatient GI workup', 'uncontrolled diabetes, A1c 10.1')}."),
              H("Discharge medications"), BUL(*[f"{d} {f}" for d, f in r.sample(DRUGS, 3)]),
              P(f"Follow up with PCP within 7 days. Discharged to {pick(r, 'home with home health (Pecos Valley)', 'home with family', 'SNF - Casa de Oro Rehab')}.")]
    return Doc(o, "inpatient/discharge-summary", "Discharge Summary", blocks, subj=pick(r, "DC summary", "Discharge summary for PCP", "discharge summary"))

@phi
def claim_question(r):
    p = pt(r, 20, 80); o = ORG[pick(r, "svh", "llano", "svlc")]; dos = past(r, 40, 120); s = staff(r, "CPC")
    blocks = [P(pick(r, "Hi,\n\nI'm working the denial below and need your help.", "Good afternoon - following up on a claim denied last month.", "Team, please review the claim below.")),
              KV(("Patient", p.lfc()), ("Acct #", acct(r)), ("Claim #", claim(r)), ("Member ID", mbr(r)), ("DOS", fd(dos)), ("CPT", pick(r, "99214", "93306", "70553", "27447", "45385")),
                 ("Dx", f"{icd(pick(r, 'oa_knee', 'htn', 'colon_polyp', 'afib', 'lbp'))}"), ("Billed", f"${r.randint(180, 9800):,}.00"), ("Denial", pick(r, "CO-197 precert/authorization absent", "CO-16 missing info", "CO-50 not medically necessary", "PR-1 deductible"))),
              P(pick(r, "Auth was obtained (ref " + dg(r, 8) + ") - can you reprocess?", "Patient says she had coverage on that date. Please check eligibility and reprocess.", "We sent records twice. Please advise what's missing.")),
              ]
    return Doc(o, "billing/claim-question", "", blocks, subj=pick(r, "Claim reprocess request", "Denied claim - please review", "Claim question", "RE: denial"))

@phi
def x12_271(r):
    p = pt(r, 20, 80); o = ORG["llano"]; m = mbr(r)
    seg = [f"ISA*00*          *00*          *ZZ*LLANOEHP       *ZZ*SANGREVISTA    *{TODAY:%y%m%d}*0912*^*00501*{dg(r, 9)}*0*P*:~",
           f"GS*HB*LLANOEHP*SANGREVISTA*{TODAY:%Y%m%d}*0912*{r.randint(100, 999)}*X*005010X279A1~", "ST*271*0001*005010X279A1~", f"BHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*0912~",
           "HL*1**20*1~", "NM1*PR*2*LLANO ESTACADO HEALTH PLAN*****PI*75190~", "HL*2*1*21*1~", f"NM1*1P*2*SANGRE VISTA HEALTH*****XX*{npi(r)}~", "HL*3*2*22*0~",
           f"NM1*IL*1*{asciify(p.family).upper()}*{asciify(p.first()).upper()}*{p.mi}***MI*{m}~", f"N3*{asciify(p.street).upper()}~", f"N4*{asciify(p.city).upper()}*{p.state}*{p.zip}~",
           f"DMG*D8*{fd(p.dob, 'ymd')}*{p.sex}~", f"EB*1*IND*30**MEDICAID MANAGED CARE~", f"EB*B*IND*98***27*25~", "SE*16*0001~", "GE*1*1~", "IEA*1*000000001~"]
    return Doc(o, "payer/x12-271", "", [P(pick(r, "271 response for the eligibility question from this morning:", "Here is the raw 271 - member is active.", "X12 response below.")), PRE("\n".join(seg))],
               subj=pick(r, "271 response", "eligibility response", "RE: 270 inquiry"))

@phi
def hl7_oru(r):
    p = pt(r, 20, 85); o = ORG["cdrl"]; s = doc_(r); ts = f"{past(r, 0, 3):%Y%m%d}{mil(r)}"
    test = pick(r, ("4548-4^Hemoglobin A1c^LN", f"{round(r.uniform(7.5, 12), 1)}", "%", "4.0-5.6", "H"), ("2823-3^Potassium^LN", f"{round(r.uniform(6.0, 6.9), 1)}", "mmol/L", "3.5-5.1", "HH"),
                ("20447-9^HIV 1 RNA^LN", f"{r.randint(2000, 90000)}", "copies/mL", "<20", "H"), ("14979-9^aPTT^LN", f"{r.randint(95, 140)}", "s", "25-37", "HH"))
    msg = [f"MSH|^~\\&|CDRLIS|CDRL|SVHEPIC|SVH|{ts}||ORU^R01|{dg(r, 10)}|P|2.5.1", f"PID|1||{mrn(r)}^^^SVH^MR||{asciify(p.family).upper()}^{asciify(p.first()).upper()}^{p.mi}||{fd(p.dob, 'ymd')}|{p.sex}|||{asciify(p.street).upper()}^^{asciify(p.city).upper()}^{p.state}^{p.zip}",
           f"ORC|RE|{dg(r, 8)}|{accn(r, 'CD')}", f"OBR|1|{dg(r, 8)}|{accn(r, 'CD')}|{test[0]}|||{ts}|||||||||{npi(r)}^{asciify(s.family).upper()}^{asciify(s.first()).upper()}",
           f"OBX|1|NM|{test[0]}||{test[1]}|{test[2]}|{test[3]}|{test[4]}|||F"]
    return Doc(o, "lab/hl7-oru", "", [P(pick(r, "Interface error - this ORU didn't file. Can you look?", "Resending the ORU that bounced from the feed:", "Message copied from the engine log:")), PRE("\r\n".join(msg).replace("\r\n", "\n"))],
               subj=pick(r, "ORU did not file", "interface msg", "HL7 error queue"))

@phi
def fhir_obs(r):
    p = pt(r, 20, 85); o = ORG[pick(r, "cdrl", "svh")]
    pid = mrn(r)
    patient = {"resourceType": "Patient", "id": tok(r, 8), "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9999.1", "value": pid}],
               "name": [{"family": p.family, "given": [p.given, p.mi]}], "gender": "male" if p.sex == "M" else "female", "birthDate": fd(p.dob, "iso"),
               "address": [{"line": [p.street], "city": p.city, "state": p.state, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}
    obs = {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "94500-6", "display": "SARS-CoV-2 RNA NAA+probe Ql Resp"}]} if r.random() < 0.3 else
           {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "Glucose [Mass/volume] in Serum or Plasma"}]},
           "subject": {"reference": f"Patient/{patient['id']}", "display": p.full()}, "effectiveDateTime": f"{past(r, 0, 4)}T{r.randint(6, 18):02d}:{r.randint(10, 59)}:00-07:00",
           "valueQuantity": {"value": r.randint(240, 480), "unit": "mg/dL"}, "interpretation": [{"coding": [{"code": "HH"}]}]}
    return Doc(o, "lab/fhir-json", "", [P(pick(r, "FHIR payload from the failing POST (400 from the HIE):", "Bundle entries below - the Observation references the wrong Patient id?")),
                                        PRE(json.dumps(patient, indent=1, ensure_ascii=False)), PRE(json.dumps(obs, indent=1))], subj=pick(r, "FHIR post failing", "HIE reject", "bundle question"))

@phi
def cms1500(r):
    p = pt(r, 66, 90); s = doc_(r); o = ORG[pick(r, "svh", "svfm")]; dos = past(r, 20, 60)
    blocks = [H("HEALTH INSURANCE CLAIM FORM (CMS-1500) - data for rebill"),
              KV(("1a. Insured's ID Number", mbi(r)), ("2. Patient's Name", p.caps()), ("3. Patient's Birth Date / Sex", f"{fd(p.dob, 'space')}  {p.sex}"),
                 ("5. Patient's Address", p.addr().upper()), ("5. Telephone", p.phone), ("21. Diagnosis", f"A. {icd('copd')}  B. {icd('htn')}  C. {icd('t2dm')}"),
                 ("24A. Dates of Service", fd(dos, "m/d/yy")), ("24D. Procedure", "99215 25 / 94010"), ("24J. Rendering NPI", npi(r)), ("26. Patient's Account No.", acct(r)),
                 ("28. Total Charge", f"${r.randint(280, 640)}.00"), ("33. Billing Provider", f"{o.name}  NPI {npi(r)}")),
              P("Corrected claim - frequency code 7. Original ICN " + dg(r, 13) + ".")]
    return Doc(o, "billing/cms1500-text", "", blocks, subj=pick(r, "corrected claim data", "1500 rebill", "CMS-1500 fields"))

@phi
def school_nurse(r):
    k = kid(r, 6, 14); o = ORG["rpsd"]; par = Person(r, 28, 50); t_ = staff(r)
    if r.random() < 0.7: par.family = k.family
    t = pick(r,
        f"Hi {par.ttl() if r.random() < 0.5 else par.first()},\n\n{k.first()} came to the health office after lunch with wheezing and a tight chest. I gave 2 puffs of {k.his()} albuterol "
        f"at {clock(r)} and {k.he()} improved after 15 minutes (O2 96%). That's the third time this week - {k.his()} asthma action plan says to call {k.his()} doctor if {k.he()} needs the inhaler more than twice a week. "
        f"{k.he().capitalize()} went back to {t_.ttl()}'s class.\n\nNurse {staff(r).family}, RN",
        f"{par.first()} - {k.first()} had what looked like a seizure at recess today, about 2 minutes, staring and jerking of the right arm. We gave nothing per {k.his()} plan, "
        f"{k.he()} recovered and slept in the office. You picked {k.him()} up at {clock(r)}. Please let us know what {k.his()} neurologist says and bring an updated seizure plan.",
        f"Dear parent/guardian of {k.full()} (grade {r.randint(1, 8)}):\n\n{k.first()}'s blood sugar was {r.randint(45, 62)} before PE today. We gave 15 g juice, rechecked at {r.randint(88, 120)}. "
        f"We are running low on {k.his()} glucose tabs and the glucagon in the office expires {fd(soon(r, 10, 40), 'mdy')}.")
    return Doc(o, "school/nurse-note", "", [P(t)], subj=pick(r, "from the school nurse", "health office", f"{k.first()} today", "nurse's office"))

@phi
def refill_request(r):
    p = pt(r, 30, 88); o = ORG["ttrx"]; s = doc_(r); dr = r.choice(DRUGS)
    blocks = [H("REFILL AUTHORIZATION REQUEST"), KV(("To", f"{drn(s)} - {ORG[pick(r, 'svfm', 'mesa', 'svh')].short}"), ("Patient", pick(r, p.caps(), p.lfm())), ("DOB", dob(r, p)),
              ("Phone", p.phone), ("Medication", dr[0]), ("Sig", dr[1]), ("NDC", ndc(r)), ("Last filled", fd(past(r, 25, 40), "m/d/yyyy")), ("Refills remaining", "0"), ("Rx #", dg(r, 7))),
              P("Approve ___  Deny ___  Refills ___   Prescriber signature ________________"), P(f"Fax back to {o.fax}. Thank you!")]
    return Doc(o, "pharmacy/refill-request", "", blocks, subj=pick(r, "Refill request", "refill auth needed", "Rx renewal request", "fax: refill"))

@phi
def care_coord(r):
    p = pt(r, 55, 92); o = ORG[pick(r, "pvhh", "fcaa", "svh")]; n = staff(r, "RN")
    t = (f"Saw {p.first()} at home today in {p.city}. {p.he().capitalize()} is still not taking the furosemide most days because it makes {p.him()} 'pee all day' and {p.he()} rides the senior van "
         f"on Tuesdays. Weight up {r.randint(4, 9)} lb since last week, 2+ edema to the knees, a little short of breath walking to the mailbox. "
         f"Lungs with crackles at the bases. I called {drn(doc_(r))}'s office and they want {p.him()} to take an extra 40 today and tomorrow and come in Thursday. "
         f"{p.his().capitalize()} granddaughter {Person(r, 20, 35, 'F').first()} will drive. Also - {p.he()} mentioned {p.he()}'s been skipping insulin to make it last to the end of the month. "
         f"Social work referral placed for the LIS/Extra Help application.")
    return Doc(o, "homehealth/care-coordination", "", [P(pick(r, "Visit note for the team:", "FYI from today's visit -", "Care coordination update")), P(t), P(f"{n.first()} {n.family}, RN")],
               subj=pick(r, "visit today", "care coord", "home visit note", "heads up"))

@phi
def billing_dispute(r):
    p = pt(r, 60, 90); o = ORG[pick(r, "svh", "svlc")]; son = Person(r, 30, 60, "M"); s = staff(r)
    t = (f"Dear {son.ttl()},\n\nThank you for your letter about the bill for your mother, {p.full()}, for her stay at SVMC from {fd(past(r, 70, 90), 'long')}. "
         f"We reviewed the account (#{acct(r)}). The ${r.randint(1200, 8800):,} balance is from the observation status - Medicare Part B applied the coinsurance for the "
         f"{pick(r, 'heart catheterization', 'CT and echocardiogram', 'wound debridement')}. Because her Medigap plan lapsed in {MON[r.randint(0, 11)]}, the secondary was denied. "
         f"We have placed the account on hold for 60 days and enclosed a financial assistance application.\n\nSincerely,\n{s.full()}\nPatient Financial Services")
    return Doc(o, "billing/dispute-response", "", [P(t)], subj=pick(r, "Re: billing dispute", "your letter about the bill", "Account review"))

@phi
def bh_note(r):
    p = pt(r, 16, 45); o = ORG["pbbh"]; c = staff(r, "LCSW")
    t = pick(r,
        f"{p.nick} missed {p.his()} last two sessions. {p.his().capitalize()} mom called - says {p.he()}'s been drinking again since losing the job at the rig and isn't sleeping. "
        f"No SI per mom but I'd like someone to try {p.him()} today. cell {p.phone}. - {c.first()}",
        f"team - {p.first()} {p.family} came in for intake. 23 yo, PTSD after the MVC last spring, nightmares 4-5x/wk, using cannabis to sleep. PHQ-9 {r.randint(15, 24)}, GAD-7 {r.randint(12, 20)}. "
        f"Safety plan done, denies SI today. Starting CPT w/ me weekly, psych eval for prazosin. mom is emergency contact.",
        f"Update on {p.ttl()}: discharged from the crisis unit yesterday, on sertraline 100 and hydroxyzine prn. Follow-up with me {fd(soon(r, 1, 5), 'monthday')}. Lives with sister in {p.city}. "
        f"Please flag if {p.he()} no-shows, prior attempt in {TODAY.year - 2}.")
    return Doc(o, "behavioral/clinician-note", "", [P(t)], subj=pick(r, "missed appts", "intake today", "follow up", "f/u"))

@phi
def bed_request(r):
    p = pt(r, 55, 92); o = ORG[pick(r, "svlc", "svh")]; cm = staff(r, "RN, CCM")
    blocks = [P(pick(r, "Requesting SNF bed for the patient below, ready for dc tomorrow.", "Bed request - please review and let me know if you can accept.")),
              KV(("Name", p.lfc()), ("Age", f"{p.age}"), ("DOB", dob(r, p)), ("Payer", pick(r, "Medicare A, 3-night stay met", "Llano Estacado Medicare Advantage", "NM Medicaid")),
                 ("MBI", mbi(r, r.random() < 0.5)), ("Dx", icdx(pick(r, "hipfx", "pna", "chf", "sepsis"))), ("Needs", pick(r, "PT/OT 5x/wk, wound vac", "IV abx thru 3/2 (PICC)", "PT/OT, 2L O2")),
                 ("Cognition", pick(r, "A&Ox4", "mild dementia, redirectable", "A&Ox3")), ("Contact", f"{cm.full()}, {cm.cred}  {o.phone}"))]
    return Doc(o, "casemgmt/snf-bed-request", "", blocks, subj=pick(r, "SNF referral", "bed request", "placement request"))

@phi
def dialysis_missed(r):
    p = pt(r, 35, 80); o = ORG["omd"]; s = staff(r, "MSW")
    t = (f"{p.first()} {p.family} ({pick(r, 'MWF 1st shift', 'TTS 2nd shift')}) has missed {r.randint(2, 4)} treatments this month. Pre-K last week was {round(r.uniform(5.9, 6.8), 1)}, "
         f"IDWG {round(r.uniform(4.1, 6.2), 1)} kg. {p.he().capitalize()} says the Medicaid ride keeps not showing up. I filed a complaint with the transport broker. "
         f"Nephrology aware. If {p.he()} misses Friday we'll ask the ED to check a K.")
    return Doc(o, "dialysis/missed-treatments", "", [P(t), P(f"{s.full()}, MSW")], subj=pick(r, "missed tx", "transport problem", "missed treatments"))

@phi
def critical_call(r):
    p = pt(r, 25, 85); o = ORG["cdrl"]; s = doc_(r); t_ = staff(r, "MLS(ASCP)")
    v = pick(r, ("potassium", f"{round(r.uniform(6.4, 7.2), 1)} mmol/L"), ("glucose", f"{r.randint(38, 45)} mg/dL"), ("INR", f"{round(r.uniform(6.1, 9.4), 1)}"), ("troponin I", f"{round(r.uniform(1.2, 8.4), 2)} ng/mL"),
             ("hemoglobin", f"{round(r.uniform(5.4, 6.6), 1)} g/dL"))
    t = (f"Critical value documentation: {v[0]} {v[1]} on {pick(r, p.caps(), p.lfm(), p.full())}, {pick(r, 'DOB ' + dob(r, p), 'accession ' + accn(r, 'CD'), 'MRN ' + mrn(r))}, "
         f"called to {pick(r, 'RN Lopez at the clinic', drn(s) + ' office, spoke w/ MA', 'on-call ' + drn(s))} at {mil(r)}, read back verified. - {t_.first()} {t_.family[0]}.")
    return Doc(o, "lab/critical-call", "", [P(t)], subj=pick(r, "critical called", "crit value", "CV documentation"))

@phi
def imm_request(r):
    k = kid(r, 5, 15); o = ORG["rpsd"]; par = Person(r, 26, 50)
    if r.random() < 0.7: par.family = k.family
    blocks = [P(f"Hello,\n\nWe are requesting immunization records for the student below. {k.he().capitalize()} is missing {pick(r, '2nd MMR and Tdap', 'the 2nd varicella', 'Tdap and MenACWY')} per NMSIIS and cannot attend after {fd(soon(r, 10, 30), 'long')} without records or an exemption."),
              KV(("Student", k.full()), ("DOB", dob(r, k, pick(r, "mdy", "long", "m/d/yyyy"))), ("Grade", "K" if k.age < 6 else str(min(12, k.age - 5))), ("Parent", par.full()), ("Parent phone", par.phone)),
              P("Please fax records to the Health Services office. Thank you.")]
    return Doc(o, "school/immunization-request", "", blocks, subj=pick(r, "immunization records request", "records needed - student", "shot records"))

@phi
def rtw_note(r):
    p = pt(r, 22, 60); o = ORG[pick(r, "svfm", "svh", "mesa")]; s = doc_(r)
    t = (f"To whom it may concern:\n\n{p.full()} (DOB {dob(r, p)}) was seen in our clinic on {fd(past(r, 1, 5), 'long')} for "
         f"{pick(r, 'a lumbar strain after lifting at work', 'a left wrist fracture', 'a concussion', 'recurrent panic attacks')}. {p.he().capitalize()} may return to work on {fd(soon(r, 3, 14), 'long')} "
         f"with {pick(r, 'no lifting over 15 lb for 4 weeks', 'no use of the left hand', 'no driving company vehicles until cleared', 'reduced hours (4 hr/day) for 2 weeks')}.\n\n{wc(s)}")
    return Doc(o, "occupational/return-to-work", "Work status note", [P(t)], subj=pick(r, "work note", "return to work", "RTW note for employer"))

@phi
def ssn_fix(r):
    p = pt(r, 20, 85); o = ORG[pick(r, "svh", "svlc")]; s = staff(r)
    t = pick(r,
        f"Registration keyed the wrong SSN on the pt in ED bed {r.randint(1, 30)} - correct one is {ssn(r)} (card scanned). MRN {mrn(r)}. Can you merge before the claim drops?",
        f"Need a duplicate MRN fixed: {mrn(r)} and {mrn(r)} are the same patient (same SSN {ssn(r, pick(r, 'dash', 'none'))}, same DOB {fd(p.dob, 'mdy')}). Lab results split between them.",
        f"pt called to give us {p.his()} social for the Medicaid app: {ssn(r)}. acct {acct(r)}. please add to reg.")
    return Doc(o, "registration/identity-fix", "", [P(t), P(f"- {s.first()}")], subj=pick(r, "MRN merge", "SSN correction", "reg fix", "duplicate chart"))

@phi
def hospice_notice(r):
    p = pt(r, 60, 95); o = ORG["pvhh"]; n = staff(r, "RN")
    t = (f"{drn(doc_(r))},\n\nJust letting you know {p.ttl()} passed peacefully at home this morning at {clock(r)} with family present. "
         f"Hospice RN pronounced. Funeral home is {pick(r, 'Rosario Mortuary', 'Baca Family Funeral Home', 'Desert Sky Memorial')}; they will send the death certificate for your signature. "
         f"Cause per our notes: metastatic {pick(r, 'pancreatic cancer', 'lung cancer', 'colon cancer')}.\n\n{n.first()}, Pecos Valley Hospice")
    return Doc(o, "hospice/death-notice", "", [P(t)], subj=pick(r, "patient passed", "death notification", "FYI - passed this am"))

@phi
def genetics(r):
    p = pt(r, 25, 55, "F"); o = ORG["svh"]; s = staff(r, "MS, CGC")
    t = (f"Hi {p.first()},\n\nI have your genetic test results. The panel found a pathogenic variant in {pick(r, 'BRCA2', 'BRCA1', 'PALB2', 'MLH1')}. "
         f"This raises your risk of breast and ovarian cancer. I'd like to meet by video this week to go over what it means for you and your sisters. "
         f"Does {pick(r, 'Thursday', 'Friday')} at {clock(r)} work?\n\n{s.full()}, {s.cred}\nCancer Genetics, Sangre Vista Health")
    return Doc(o, "genetics/result-to-patient", "", [P(t)], subj=pick(r, "your results", "genetic testing results", "follow up"))

# ---------------------------------------------------------------- PHI tables
def _rows(r, n, f): return [f(r, pt(r, 18, 90)) for _ in range(n)]
@phit
def noshow_list(r):
    o = ORG[pick(r, "pbbh", "svh", "mesa")]; clinic = pick(r, "Behavioral Health", "HIV/ID Clinic", "Suboxone Clinic", "Diabetes Education", "Prenatal")
    rows = _rows(r, r.randint(6, 11), lambda r, p: [p.lfc(), p.dob, mrn(r), soon(r, -9, -1), clinic, p.phone, pick(r, "2nd no-show", "1st", "3rd - discharge letter?", "1st")])
    return Doc(o, "scheduling/no-show-list", f"No-show list - {clinic}", [T(["Patient", "DOB", "MRN", "Appt date", "Clinic", "Phone", "Note"], rows), P("Please call each patient and reschedule.")], subj=f"no-show list {clinic}")
@phit
def census(r):
    o = ORG[pick(r, "svh", "svlc")]; unit = pick(r, "4 North", "5 West", "MICU", "Telemetry")
    rows = _rows(r, r.randint(7, 12), lambda r, p: [f"{r.randint(401, 440)}{pick(r, 'A', 'B', '')}", p.caps(), p.age, pick(r, *[ICD[k][1] for k in ("pna", "chf", "copd", "sepsis", "cellulitis", "afib")]),
                                                     drn(doc_(r)), past(r, 0, 6), pick(r, "Full code", "DNR/DNI", "Full code")])
    return Doc(o, "inpatient/census", f"{unit} census", [T(["Room", "Patient", "Age", "Diagnosis", "Attending", "Admit", "Code"], rows)], subj=f"{unit} census {fd(TODAY, 'short')}")
@phit
def refill_queue(r):
    o = ORG["ttrx"]
    rows = _rows(r, r.randint(6, 10), lambda r, p: [p.lfm(), p.dob, *r.choice(DRUGS), ndc(r), r.choice([30, 60, 90]), npi(r)])
    return Doc(o, "pharmacy/refill-queue", "Refill requests pending prescriber", [T(["Patient", "DOB", "Drug", "Sig", "NDC", "Qty", "Prescriber NPI"], rows)], subj="refill queue")
@phit
def denial_worklist(r):
    o = ORG[pick(r, "svh", "llano")]
    rows = _rows(r, r.randint(6, 10), lambda r, p: [claim(r), p.lfc(), mbr(r), past(r, 30, 120), pick(r, "99213", "99285", "71046", "80053", "97110"), icd(r.choice(sorted(ICD))),
                                                     pick(r, "CO-197", "CO-16", "CO-50", "CO-29", "PR-204"), f"{r.randint(90, 4200)}.00"])
    return Doc(o, "billing/denial-worklist", "Denials worklist", [T(["Claim #", "Patient", "Member ID", "DOS", "CPT", "ICD-10", "CARC", "Billed"], rows)], subj="denials to work")
@phit
def school_roster(r):
    o = ORG["rpsd"]
    rows = [[k.lfc(), k.dob, "K" if k.age < 6 else str(min(12, k.age - 5)), *r.choice([("Asthma", "albuterol inhaler"), ("Peanut allergy", "EpiPen Jr x2"), ("Type 1 diabetes", "insulin pump, glucagon"),
                                                              ("Seizure disorder", "Valtoco nasal"), ("ADHD", "methylphenidate at noon")]), Person(r, 28, 50).phone] for k in (kid(r, 5, 14) for _ in range(r.randint(6, 10)))]
    return Doc(o, "school/health-roster", "Students with health plans", [T(["Student", "DOB", "Grade", "Condition", "Medication at school", "Parent phone"], rows)], subj="health plan roster")
@phit
def hh_referrals(r):
    o = ORG["pvhh"]
    rows = _rows(r, r.randint(5, 9), lambda r, p: [p.full(), p.addr(), p.phone, pick(r, "CHF", "wound care", "new insulin", "post hip ORIF", "COPD"), soon(r, 0, 5), mbi(r)])
    return Doc(o, "homehealth/referral-list", "New home health referrals", [T(["Patient", "Address", "Phone", "Reason", "Start of care", "MBI"], rows)], subj="SOC list")
@phit
def a1c_outreach(r):
    o = ORG[pick(r, "svfm", "mesa")]
    rows = _rows(r, r.randint(7, 12), lambda r, p: [p.lfc(), p.dob, p.phone, round(r.uniform(9.1, 13.8), 1), past(r, 20, 200), pick(r, "no PCP visit 6 mo", "lost to f/u", "", "insulin not filled")])
    return Doc(o, "quality/a1c-outreach", "A1c > 9 outreach", [T(["Patient", "DOB", "Phone", "Last A1c", "A1c date", "Note"], rows), P("CHWs please attempt 2 calls each.")], subj="outreach list")
@phit
def dialysis_roster(r):
    o = ORG["omd"]
    rows = _rows(r, r.randint(6, 10), lambda r, p: [f"Chair {r.randint(1, 18)}", p.lfc(), pick(r, "MWF-1", "MWF-2", "TTS-1", "TTS-2"), pick(r, "L AVF", "R AVG", "R IJ TDC"), round(r.uniform(3.8, 6.6), 1), p.dob])
    return Doc(o, "dialysis/chair-roster", "Chair roster", [T(["Chair", "Patient", "Shift", "Access", "Last K", "DOB"], rows)], subj="chair roster")

# ================================================================== clean documents (own)
CLEAN_BODY = []
CLEAN_TAB = []
def cln(f): CLEAN_BODY.append(f); return f
def clnt(f): CLEAN_TAB.append(f); return f

@cln
def newsletter_disease(r):
    o = ORG[pick(r, "svh", "mesa", "llano")]
    topic = pick(r, ("Valley Fever", "Coccidioidomycosis is common in the desert Southwest. Symptoms - cough, fever, fatigue - often look like the flu. Ask your clinician about a test if symptoms last more than a week, especially after dust storms."),
                 ("Diabetes", "About 1 in 8 adults in New Mexico has diabetes. Regular A1c checks, eye exams and foot exams prevent complications. Our free classes meet every month."),
                 ("Hantavirus", "Hantavirus spreads through rodent droppings. When cleaning sheds or cabins, wet the area with bleach solution first and never sweep dry droppings."),
                 ("Heat illness", "Drink water before you feel thirsty, take breaks in the shade, and watch older neighbors during heat waves."))
    blocks = [H(f"Health Matters - {topic[0]}"), P(topic[1]), P("Screening events this month: Gallup Flea Market (Saturday), Las Cruces Farmers Market (Wednesday)."), P("Questions? Call our nurse line.")]
    return Doc(o, "newsletter/disease-awareness", f"{o.short} Community Newsletter", blocks, subj=f"Newsletter: {topic[0]} awareness")
@cln
def deid_stats(r):
    o = ORG[pick(r, "svh", "llano", "mesa")]
    rows = [[c, r.randint(40, 900), f"{round(r.uniform(4, 22), 1)}%", f"{round(r.uniform(5, 18), 1)}%"] for c in ["Bernalillo", "Doña Ana", "McKinley", "San Juan", "Lea", "Chaves", "Lubbock", "Ector"]]
    return Doc(o, "quality/deidentified-stats", "30-day readmissions by county (de-identified)", [T(["County", "Discharges", "Readmit rate", "Prior year"], rows),
               P("Counts under 11 suppressed. No patient-level data included.")], subj="Q4 readmission dashboard")
@cln
def it_ticket(r):
    o = ORG["svh"]; u = staff(r); t_ = f"INC{dg(r, 7)}"
    t = (f"Ticket {t_} has been updated.\n\nCaller: {u.full()}\nLocation: {pick(r, 'Bldg C rm 214', '4 North nurses station', 'Las Cruces Admitting', 'Pharmacy basement')}\n"
         f"Short description: {pick(r, 'Zebra label printer not printing', 'Citrix session freezes', 'badge reader at door 3 not working', 'second monitor flickers', 'cannot log in to Kronos')}\n"
         f"Assigned to: {staff(r).full()} (Desktop Support)\nStatus: {pick(r, 'In progress', 'Resolved', 'Awaiting user')}\n\nReply to this e-mail to add a comment.")
    return Doc(o, "it/ticket-update", "", [P(t)], subj=f"[{t_}] ticket updated")
@cln
def car_insurance(r):
    p = staff(r); o = ORG[pick(r, "svh", "llano")]
    t = (f"Hi {p.first()},\n\nYour auto policy {pick(r, 'NMA', 'TXP')}-{dg(r, 7)}-{dg(r, 2)} renews on {fd(soon(r, 10, 40), 'long')}. Vehicle: {r.randint(2014, 2024)} {pick(r, 'Toyota Tacoma', 'Ford F-150', 'Subaru Outback', 'Honda Civic')}, "
         f"VIN ending {dg(r, 6)}. Your premium is ${r.randint(480, 1200)}.{dg(r, 2)} for six months. As a Sangre Vista employee you keep the 8% group discount.\n\n"
         f"Roadrunner Mutual Insurance - employee benefits desk")
    return Doc(o, "benefits/car-insurance", "", [P(t)], subj="Auto policy renewal")
@cln
def vendor_quote(r):
    o = ORG["svh"]; v = staff(r)
    rows = [[pick(r, "Nitrile exam glove, M", "IV start kit", "Foley tray 16Fr", "Blood culture bottle set", "Syringe 10 mL luer lock"), f"{up(r, 3)}-{dg(r, 5)}", lot(r), r.randint(10, 400), f"{round(r.uniform(4, 90), 2)}"] for _ in range(r.randint(4, 7))]
    return Doc(o, "vendor/quote", "Quotation", [P(f"Quote for {po(r)} as requested. Pricing valid 30 days."), T(["Item", "Catalog #", "Lot", "Cases", "Unit price"], rows),
               P(f"{v.full()}\nSouthwest Medical Supply - Account Manager")], subj="Quote for your PO")
@cln
def training_sample_ids(r):
    o = ORG[pick(r, "svh", "llano")]
    blocks = [H("Registration training - module 3: identifiers"), P("Use these sample values in the training environment (TRN) only. They are not real people."),
              KV(("Sample SSN", "123-45-6789"), ("Medicare MBI format", "1AA1-AA1-AA11"), ("CMS example MBI", "1EG4-TE5-MK73"), ("Test patient", "ZZTEST, TRAINING ONE"), ("Test DOB", "01/01/1900"),
                 ("Test MRN", "TRN0000001")),
              P("Never use a real patient's record for practice. Report any real data found in TRN to the Privacy Office.")]
    return Doc(o, "training/sample-identifiers", "Registrar Training Handout", blocks, subj="Training handout - identifiers")
@cln
def birthday(r):
    o = ORG[pick(r, "svh", "svlc", "cdrl")]; p = staff(r)
    t = f"It's {p.given}'s birthday on {fd(soon(r, 1, 6), 'long')}! Cake and tamales in the break room at {clock(r)}. {p.first()} turns {r.randint(30, 60)} - don't tell {p.him()} we told you. Card is at the front desk for signatures."
    return Doc(o, "staff/birthday", "", [P(t)], subj=f"Birthday cake for {p.first()}!")
@cln
def job_posting(r):
    o = ORG[pick(r, "svh", "pvhh", "omd", "pbbh")]
    role = pick(r, "RN - Dialysis (Las Cruces)", "Medical Assistant - Family Medicine Gallup", "Coding Specialist (CPC) - remote NM/TX", "Licensed Clinical Social Worker - Odessa", "Home Health RN - Roswell")
    blocks = [H(role), P(f"Req {dg(r, 6)}. Full time, benefits day one, sign-on bonus up to ${r.randint(2, 10)},000."),
              BUL("Current state license or certification", "BLS required", "Bilingual Spanish/English or Diné preferred", "1 year experience preferred"), P("Apply at careers page by " + fd(soon(r, 10, 30), "long"))]
    return Doc(o, "hr/job-posting", "Now hiring", blocks, subj=f"Job posting: {role}")
@cln
def hipaa_reminder(r):
    o = ORG[pick(r, "svh", "llano", "ttrx")]
    blocks = [P(f"Annual HIPAA Privacy & Security training is due by {fd(soon(r, 10, 40), 'long')}. It takes about 40 minutes in the learning system."),
              BUL("Only access records you need for your job", "Use [SECURE] in the subject when e-mailing outside the system", "Lock your screen when you step away", "Report lost devices within 1 hour"),
              P("Completion rates by department are posted on the intranet.")]
    return Doc(o, "compliance/hipaa-training", "HIPAA training reminder", blocks, subj="Reminder: annual HIPAA training due")
@cln
def form_revision(r):
    o = ORG["svh"]; d = D(r.randint(2015, 2022), r.randint(1, 12), r.randint(1, 28))
    t = (f"HIM has revised form HIM-{dg(r, 3)} \"Authorization to Release Information\". The date of birth field now comes before the name field. "
         f"Old versions (rev. {fd(d, 'mdy')}) will not be accepted after {fd(soon(r, 14, 45), 'long')}. Please recycle the old stock.")
    return Doc(o, "him/form-revision", "Form update", [P(t)], subj="New ROI form version")
@cln
def gym_member(r):
    o = ORG["svh"]; p = staff(r)
    t = (f"Hi {p.first()},\n\nYour wellness reimbursement for Rio Grande Fitness (member #{dg(r, 3)}-{dg(r, 5)}) was approved: ${r.randint(60, 150)} for Q4 visits ({r.randint(24, 48)} check-ins). "
         f"It will appear on the {fd(soon(r, 3, 14), 'long')} paycheck.\n\nEmployee Wellness")
    return Doc(o, "wellness/gym-reimbursement", "", [P(t)], subj="Wellness reimbursement approved")
@cln
def policy_visitors(r):
    o = ORG[pick(r, "svh", "svlc")]
    blocks = [H("Policy PC-214: Visitation"), KV(("Effective", fd(D(2026, 10, 1), "long")), ("Owner", "Patient Experience"), ("Revision", "4")),
              P("Two visitors at a time in general units; one support person in labor and delivery; children under 12 with an adult. Quiet hours 2100-0600."),
              P("Exceptions at the discretion of the charge nurse for end-of-life situations.")]
    return Doc(o, "policy/visitation", "Visitation Policy", blocks, subj="Updated visitation policy")
@cln
def holiday_memo(r):
    o = ORG[pick(r, "svfm", "mesa", "ttrx")]
    return Doc(o, "admin/holiday-hours", "Holiday hours", [P(f"Our clinic will close at noon on {fd(soon(r, 5, 30), 'long')} for the staff appreciation lunch. Urgent needs: call the after-hours line."),
               P("Feliz día a todos - thank you for everything you do.")], subj="Holiday hours")
@cln
def es_health_fair(r):
    o = ORG[pick(r, "mesa", "svh")]
    t = (f"Feria de Salud Comunitaria - sábado {fd(soon(r, 5, 30), 'es')}, de 9 a 1, en el Centro Comunitario. Pruebas gratis de presión arterial y glucosa, vacunas contra la gripe, "
         f"y clases de cocina saludable. Traiga a su familia. ¡No necesita cita!")
    return Doc(o, "es/health-fair", "Feria de Salud", [P(t)], subj="Feria de salud este sábado", lang="es")
@cln
def blank_form(r):
    o = ORG[pick(r, "svfm", "mesa", "hdct")]
    blocks = [H("New Patient Intake"), KV(("Patient name", "______________________"), ("Date of birth", "____/____/______"), ("Insurance member ID", "______________"), ("Preferred language", "[ ] English [ ] Español [ ] Diné [ ] Other")),
              P("Please list current medications and allergies on the back."), P(f"Form NP-01 rev. {fd(D(2024, 3, 18), 'mdy')}")]
    return Doc(o, "forms/blank-intake", "Patient Intake Form", blocks, subj="Intake form template (blank)")
@cln
def x12_companion(r):
    o = ORG["llano"]
    seg = ["NM1*IL*1*SUBSCRIBER*TEST****MI*XXXXXXXXX~", "DMG*D8*19000101*U~", "EB*1*IND*30~"]
    return Doc(o, "payer/companion-guide", "270/271 Companion Guide excerpt", [P("Section 4.2 - subscriber loop. Dummy values shown; the test environment accepts these only."), PRE("\n".join(seg)),
               P(f"Payer ID 75190. Contact EDI support for trading partner enrollment.")], subj="Companion guide v3.1")
@cln
def quality_minutes(r):
    o = ORG["svh"]; ppl = [staff(r) for _ in range(5)]
    blocks = [KV(("Date", fd(past(r, 2, 10), "long")), ("Present", ", ".join(p.full() for p in ppl))),
              BUL(f"CLABSI: {r.randint(0, 3)} events system-wide in Q4 (SIR {round(r.uniform(0.4, 1.1), 2)})", f"Falls with injury down {r.randint(5, 30)}% year over year",
                  "Sepsis bundle compliance 71% - action plan due March", f"Next meeting {fd(soon(r, 20, 35), 'long')}")]
    return Doc(o, "quality/committee-minutes", "Quality & Safety Committee - minutes", blocks, subj="Q&S minutes")
@cln
def device_recall_note(r):
    o = ORG["svh"]
    t = (f"URGENT: Medical device correction - {pick(r, 'infusion pump', 'glucometer test strips', 'pulse oximeter probes')}. Affected lots {lot(r)}, {lot(r)}, {lot(r)}. "
         f"Remove from service and return to Biomed, Bldg D. No patient harm has been reported at our facilities.")
    return Doc(o, "supply/device-recall", "Device recall notice", [P(t)], subj="Device recall - remove affected lots")
@cln
def conference_travel(r):
    o = ORG[pick(r, "svh", "omd")]; p = staff(r, "RN")
    t = f"{p.full()} is approved for the Southwest Nephrology Nurses conference in El Paso, {fd(soon(r, 20, 60), 'long')}. Hotel confirmation {up(r, 2)}{dg(r, 6)}, registration ID {dg(r, 5)}. Per diem $69/day."
    return Doc(o, "admin/travel-approval", "", [P(t)], subj="Travel approved")

# ---------------------------------------------------------------- clean tables
@clnt
def staff_schedule(r):
    o = ORG[pick(r, "svh", "svlc", "omd")]
    rows = [[staff(r, "RN").full(), pick(r, "Days 0700-1930", "Nights 1900-0730", "Days", "Off", "Charge"), pick(r, "4N", "5W", "ICU", "Float"), pick(r, "", "orientee", "precept", "")] for _ in range(r.randint(8, 12))]
    return Doc(o, "staffing/schedule", f"Staffing - week of {fd(soon(r, 3, 9), 'short')}", [T(["Name", "Shift", "Unit", "Note"], rows)], subj="Schedule for next week")
@clnt
def class_schedule(r):
    o = ORG[pick(r, "svh", "mesa")]
    rows = [[pick(r, "Childbirth Preparation", "Breastfeeding Basics", "CPR/BLS (staff)", "Diabetes Self-Management", "Cooking for Heart Health", "Grandparents Class"), soon(r, 3, 60), clock(r), pick(r, "Conf Rm A", "Classroom 2", "Zoom"), staff(r).full()] for _ in range(r.randint(6, 10))]
    return Doc(o, "education/class-schedule", "Spring class schedule", [T(["Class", "Date", "Time", "Room", "Instructor"], rows)], subj="Spring classes")
@clnt
def room_booking(r):
    o = ORG["svh"]
    rows = [[pick(r, "Board Room", "Conf 3A", "Conf 412B", "Auditorium", "Sim Lab"), soon(r, 0, 14), f"{mil(r)}-{mil(r)}", staff(r).lfc(), pick(r, "Budget review", "Epic build meeting", "New grad orientation", "Vendor demo", "Retirement party")] for _ in range(r.randint(6, 10))]
    return Doc(o, "facilities/room-bookings", "Room bookings", [T(["Room", "Date", "Time", "Booked by", "Purpose"], rows)], subj="Room bookings this week")
@clnt
def recall_lots(r):
    o = ORG["svh"]
    rows = [[pick(r, "Infusion set 20 drop", "Glucose test strip", "ET tube 7.5", "Suction canister"), f"{up(r, 2)}{dg(r, 4)}", lot(r), fd(soon(r, 100, 600), "iso"), r.randint(0, 40), pick(r, "Main", "Las Cruces", "Gallup")] for _ in range(r.randint(6, 10))]
    return Doc(o, "supply/recall-lots", "Recall - affected lots on hand", [T(["Product", "Catalog", "Lot", "Expiry", "Qty on hand", "Site"], rows)], subj="Recall lot sweep results")
@clnt
def provider_directory(r):
    o = ORG[pick(r, "llano", "svh")]
    rows = [[(lambda s: f"{s.lfc()}, {s.cred}")(doc_(r)), pick(r, "Family Medicine", "Cardiology", "Pediatrics", "Nephrology", "Psychiatry"), npi(r), pick(r, "Albuquerque", "Las Cruces", "Lubbock", "Odessa"), f"({pick(r, '505', '575', '806')}) {r.randint(200, 989)}-{dg(r, 4)}"] for _ in range(r.randint(7, 11))]
    return Doc(o, "network/provider-directory", "In-network providers", [T(["Provider", "Specialty", "NPI", "City", "Phone"], rows)], subj="Provider directory update")
@clnt
def volunteer_roster(r):
    o = ORG[pick(r, "svh", "pvhh", "fcaa")]
    rows = [[p.full(), p.phone, pick(r, "Gift shop", "Front desk", "Meals on Wheels", "Hospice companion", "Chapel"), pick(r, "Mon AM", "Wed PM", "Sat", "Thu AM")] for p in (Person(r, 18, 80) for _ in range(r.randint(7, 11)))]
    return Doc(o, "volunteers/roster", "Volunteer roster", [T(["Volunteer", "Phone", "Assignment", "Shift"], rows)], subj="Volunteer roster")
@clnt
def po_lines(r):
    o = ORG["svh"]
    rows = [[po(r), inv(r), pick(r, "Cardinal Health", "Medline", "Owens & Minor", "Henry Schein"), past(r, 1, 30), f"{r.randint(300, 48000)}.{dg(r, 2)}", pick(r, "Paid", "Open", "On hold")] for _ in range(r.randint(6, 10))]
    return Doc(o, "ap/po-invoice", "AP aging - supply vendors", [T(["PO", "Invoice", "Vendor", "Invoice date", "Amount", "Status"], rows)], subj="AP aging")
@clnt
def deid_table(r):
    o = ORG[pick(r, "svh", "llano", "cdrl")]
    rows = [[f"{a}-{a + 9}", r.randint(11, 300), r.randint(11, 80), f"{round(r.uniform(1, 30), 1)}%"] for a in range(20, 90, 10)]
    return Doc(o, "research/deidentified-table", "Valley fever positivity by age band (de-identified)", [T(["Age band", "Tests", "Positive", "Rate"], rows), P("Safe-harbor de-identified; cells <11 suppressed.")], subj="cocci data request")

# ================================================================== header-only messages (own)
def HD(o, subject, to=None, cc=None, reply_to=None, extra=None, cat=""):
    return {"o": ORG[o], "subject": subject, "to": to, "cc": cc or [], "reply_to": reply_to, "extra": extra or {}, "cat": cat}
HDR_PHI = []
HDR_CLEAN = []
def hp(f): HDR_PHI.append(f); return f
def hc(f): HDR_CLEAN.append(f); return f
def rm(r): return f"{r.randint(2, 6)}{pick(r, 'N', 'W', 'S', '')}{r.randint(1, 40)}{pick(r, 'A', 'B', '')}"

@hp
def h1(r): p = pt(r, 45, 90, "F"); return HD("svh", f"pt {p.lfc()} {p.age}F rm {r.randint(401, 440)}B - r/o PE, d-dimer {round(r.uniform(1.1, 4.8), 1)} - CTA ok w/ Cr {round(r.uniform(1.3, 1.9), 1)}?", cat="subject-shorthand")
@hp
def h2(r): p = pt(r, 55, 85); return HD("svlc", f"F/U: {p.family.upper()} {p.given[0]} (DOB {dob(r, p, pick(r, 'm-d-yy', 'dash'))}) s/p L TKA {fd(past(r, 6, 14), 'short')} - wound drainage, wants call", cat="subject-dob")
@hp
def h3(r):
    p = pt(r, 20, 40, "F"); return HD("svfm", "checking in", to=(f"{p.lfc()} (DOB {dob(r, p, 'iso')}) - GDM on insulin", personal(r, p)), cat="to-display")
@hp
def h4(r):
    p = pt(r, 50, 85, "M"); return HD("cdrl", "Fax delivery confirmation", extra={"X-RightFax-Cover": f"RE: {p.caps()} DOB {dob(r, p, 'mdy')} MRN {mrn(r)} - surgical path, prostate bx Gleason 4+3", "X-RightFax-Pages": str(r.randint(2, 6))}, cat="x-fax")
@hp
def h5(r):
    p = pt(r, 30, 75); return HD("svfm", "In Basket: Patient Advice Request", extra={"X-Epic-InBasket": f"Pt Advice Req | {p.lfm()} | MRN {mrn(r)} | rx refill metformin 1000 BID, A1c {round(r.uniform(8, 11), 1)}"}, cat="x-ehr")
@hp
def h6(r): p = pt(r, 35, 70, "F"); return HD("mesa", "outreach", extra={"Thread-Topic": f"{p.nick} {p.family} - A1c {round(r.uniform(9, 12), 1)} / missed 2 DM appts - CHW outreach"}, cat="thread-topic-nickname")
@hp
def h7(r): p = pt(r, 40, 75, "M"); return HD("omd", "chair change", extra={"Keywords": f"dialysis; {p.lfc()}; HD MWF; K {round(r.uniform(6, 6.8), 1)}; missed tx x2"}, cat="keywords")
@hp
def h8(r): p = pt(r, 25, 60); return HD("svh", "Scanned document", extra={"X-Scan-Source": f"MFP-3F-ID-CLINIC", "Comments": f"Scanned from 3rd fl ID clinic - {p.family} {p.given} {dob(r, p, 'm/d/yyyy')} - HIV-1 VL + CD4"}, cat="comments-scanner")
@hp
def h9(r): p = pt(r, 45, 80, "F"); return HD("svlc", f"Resultados de laboratorio - {p.sra()}, nacida el {dob(r, p, 'dmy')} - glucosa {r.randint(190, 320)}, A1c alta", cat="subject-spanish")
@hp
def h10(r):
    p = pt(r, 66, 95, "M"); return HD("pvhh", "hospice eval", cc=[(f"{p.lfc()} (MBI {mbi(r, True)}) hospice eval - ESRD stopping HD", "intake@pecosvalleyhh.com")], cat="cc-display-mbi")
@hp
def h11(r):
    k = kid(r, 4, 12); par = Person(r, 25, 45, "F")
    return HD("svfm", "forms", reply_to=(f"{par.full()} (mom of {k.first()} {k.family[0]}. - asthma, 3 ED visits)", personal(r, par)), cat="reply-to-display")
@hp
def h12(r): p = pt(r, 45, 80); return HD("svh", "Scan to email", extra={"X-Scanner-Job": f"SCAN_{dg(r, 4)} | chart: {asciify(p.caps())} | {dob(r, p, 'ymd')} | colonoscopy path + consent"}, cat="x-scanner-ymd")
@hp
def h13(r):
    p = pt(r, 35, 70, "F"); return HD("svh", "New message from your patient", extra={"X-Portal-Thread": f"MYSV-{dg(r, 8)}", "X-Portal-Subject": f"from {p.full()}: is my breast biopsy back yet? very worried"}, cat="x-portal")
@hp
def h14(r): p = pt(r, 30, 70, "F"); return HD("llano", f"270 rejected AAA*72 - sub SSN {ssn(r)} - {p.lfc()} - Medicaid term? prenatal visits", cat="subject-ssn")
@hp
def h15(r):
    k = kid(r, 6, 12, "M"); return HD("svh", f"[SV Service Desk] INC{dg(r, 7)} updated", extra={"X-ServiceNow-Short-Description": f"Wrong pt label on specimen - {k.lfc()} (7yo) lead level + ADHD med list printed for other pt"}, cat="x-ticket")
@hp
def h16(r): p = pt(r, 35, 65, "M"); return HD("svlc", f"{rm(r)} ETOH w/d CIWA {r.randint(15, 28)} - {p.family} {p.given[0]}. - needs sitter + phenobarb?", cat="subject-bed")
@hp
def h17(r): p = pt(r, 80, 95, "F"); return HD("svh", f"s/p fall w/ R hip fx - Mrs. {p.family} ({p.age}) - family wants SNF not home", cat="subject-title")
@hp
def h18(r): p = pt(r, 25, 55, "M"); return HD("llano", f"RE: {p.given[0]}.{p.mi}.{p.family[0]}. {p.age}M dx HCV ({icd('hcv')}) start Epclusa? PA pending Mbr# {mbr(r)}", cat="subject-initials-member")
@hp
def h19(r):
    p = pt(r, 40, 70, "F"); return HD("svh", f"Your follow-up mammogram appointment - BI-RADS 4, biopsy {fd(soon(r, 2, 9), 'monthday')}", to=(p.full(), personal(r, p)), cat="to-name-subject-health")
@hp
def h20(r): p = pt(r, 45, 80, "M"); return HD("cdrl", "result notification", extra={"X-Lab-Accession": f"{accn(r, 'CD')} / {p.lfc()} / {dob(r, p, 'eu')} / HbA1c {round(r.uniform(9.5, 13), 1)} (H)"}, cat="x-lab")
@hp
def h21(r): p = pt(r, 50, 80, "M"); return HD("omd", "Recordatorio", extra={"Thread-Topic": f"Recordatorio de cita - Clínica de Diálisis - {p.sra()} {p.given} - afiliado {dg(r, 10)}"}, cat="thread-topic-spanish")
@hp
def h22(r): p = pt(r, 65, 90); return HD("svfm", f"Records req - {p.lfc()} {dob(r, p, 'born')} - CHF admit Jan, echo EF 25%", cat="subject-born")
@hp
def h23(r):
    p = pt(r, 45, 70, "M")
    while p.nick == p.given: p = pt(r, 45, 70, "M")
    return HD("mesa", "referral", extra={"X-Referral-Note": f"URGENT: {p.given} '{p.nick}' {p.family}, {p.age}, new dx NSCLC stage IIIA - needs onc within 7 days"}, cat="x-referral-nickname")
@hp
def h24(r): p = pt(r, 25, 50, "M"); return HD("pbbh", f"{p.first().lower()} {p.family.lower()} back in ED again, SI, BAL .{r.randint(19, 33)} - who's on for crisis?", cat="subject-lowercase")
@hp
def h25(r): p = pt(r, 70, 95, "F"); return HD("pvhh", "CCD", extra={"X-Direct-Document": f"CCD for {p.fml()} DOB {dob(r, p, 'ymd')} acct {acct(r)} - hospice admit, dx {icd('dementia')}"}, cat="x-direct")

@hc
def c1(r): p = staff(r); return HD("svh", f"Conf 412B booked - {p.lfc()} (Facilities) - Thursday {clock(r)}", cat="room-booking")
@hc
def c2(r): p = doc_(r); return HD("svlc", f"Welcome Dr. {p.given} {p.family} - new hospitalist starting {fd(soon(r, 5, 20), 'short')}", extra={"Thread-Topic": "New provider welcome"}, cat="staff-welcome")
@hc
def c3(r): p = staff(r); return HD("svh", "W-2 reissue ready for pickup", to=(f"{p.lfc()} (Payroll)", mailbox(p, "sangrevista.org")), cat="to-display-payroll")
@hc
def c4(r): return HD("svh", f"Printer jam 3rd floor Bldg C room 318", extra={"X-ServiceNow-Ticket": f"INC{dg(r, 7)}", "X-ServiceNow-Short-Description": "HP M607 tray 2 jam, toner low"}, cat="it-ticket")
@hc
def c5(r): p = staff(r); return HD("cdrl", f"Happy birthday {p.first()}! cake in the 5th floor break room at 3", extra={"Keywords": "birthday; party; break room"}, cat="staff-birthday")
@hc
def c6(r): return HD("mesa", "November newsletter - National Diabetes Month", extra={"Keywords": "diabetes; awareness; newsletter; community"}, cat="newsletter-disease-word")
@hc
def c7(r): p = staff(r); return HD("svh", f"Policy NMA-{dg(r, 7)} renewal - {r.randint(2015, 2024)} Toyota Tacoma - {p.lfc()}", to=(p.full(), personal(r, p)), cat="car-insurance")
@hc
def c8(r): return HD("svh", "Badge access form - DOB field added (rev 03/14/2019)", extra={"Thread-Topic": "Badge access form revision"}, cat="form-revision-dob-word")
@hc
def c9(r): return HD("svh", f"{po(r)} / Inv {inv(r)} - nitrile gloves backorder, ETA {fd(soon(r, 5, 20), 'short')}", cat="po-invoice")
@hc
def c10(r): p = staff(r); return HD("svh", f"Rio Grande Fitness corporate rate - member {dg(r, 5)}-{dg(r, 2)} - {p.full()}", cat="gym-member")
@hc
def c11(r): return HD("llano", "Training: MBI format 1AA1-AA1-AA11 / CMS example 1EG4-TE5-MK73", extra={"Keywords": "training; MBI; registration"}, cat="training-mbi-example")
@hc
def c12(r): return HD("svfm", "Fax received", extra={"X-RightFax-Cover": f"BAA signature page - Southwest Shred Co. - {r.randint(2, 4)} pages", "X-RightFax-Pages": "3"}, cat="x-fax-clean")
@hc
def c13(r): p = staff(r); return HD("svh", "Scan to email", extra={"X-Scanner-Job": f"SCAN_{dg(r, 4)} | user {asciify(p.first()[0] + p.family).lower().replace(' ', '')} | AP invoice batch {dg(r, 5)}"}, cat="x-scanner-clean")
@hc
def c14(r): p = staff(r, "RN"); return HD("svlc", "4N staffing grid - pay period 6", cc=[(f"{p.lfc()} (Nurse Manager 4N)", mailbox(p, "lc.sangrevista.org"))], cat="cc-display-staff")
@hc
def c15(r): return HD("svh", f"Bed 18 in the sleep lab is broken - work order WO-{dg(r, 5)}", extra={"X-Work-Order": f"WO-{dg(r, 5)}"}, cat="work-order-bed")
@hc
def c16(r): p = staff(r); return HD("svh", f"Jury duty - out {fd(soon(r, 3, 10), 'short')}-{fd(soon(r, 11, 12), 'short')} - {p.family}", cat="staff-absence")
@hc
def c17(r): return HD("svlc", f"Clase de zumba para empleados - martes 5:30 pm - sala 2B", extra={"Thread-Topic": "Zumba para empleados"}, cat="spanish-staff-event")
@hc
def c18(r): return HD("svh", "Staff flu clinic - Bldg C lobby - walk-ins welcome", extra={"Keywords": "employee health; influenza; vaccine clinic"}, cat="staff-flu-clinic")
@hc
def c19(r): ps = [staff(r) for _ in range(3)]; return HD("pvhh", f"Interview schedule - RN Case Manager req {dg(r, 5)} - {', '.join(p.family for p in ps)}", cat="interview-names")
@hc
def c20(r): return HD("svh", "Epic downtime Sunday 0200-0400", extra={"X-Epic-Environment": "PRD", "X-Change-Request": f"CHG{dg(r, 7)}"}, cat="x-ehr-downtime")
@hc
def c21(r): p = staff(r); return HD("svh", f"Retirement lunch for {p.full()} - {r.randint(22, 38)} years in HIM", cat="retirement")
@hc
def c22(r): p = staff(r); return HD("svlc", f"Lost badge #{dg(r, 5)} - {p.full()} - please deactivate", cat="lost-badge")
@hc
def c23(r): return HD("svh", f"Form HIM-112 (Date of Birth verification) revised {fd(D(2019, 4, 12), 'mdy')} - use new version by {fd(soon(r, 10, 20), 'short')}", cat="form-dob-words")
@hc
def c24(r): ps = [staff(r) for _ in range(2)]; return HD("svh", f"Student nurse rotation - NMSU cohort - {ps[0].lfc()} / {ps[1].lfc()} - 4N and 5W", cat="student-rotation")
@hc
def c25(r): p = staff(r); return HD("llano", f"Room {r.randint(100, 399)} reserved - EDI vendor visit - host {p.full()} - {fd(soon(r, 2, 9), 'long')}", extra={"Comments": f"Visitor badges for 3, parking validation"}, cat="comments-visit")

HBODIES = ["Replied in the secure portal thread.", "Ring my desk when you're free, ext. 4410.", "Circling back on this morning's call.", "Copy - handing it off to nights.",
           "Everything is documented in the EHR.", "Appreciate the fast reply.", "cc'ing you for visibility.", "Can you confirm this came through?", "More after huddle.",
           "Let's pick this up at the 1:30 huddle.", "FYI only, nothing needed.", "Also tried your cell.", "Marking this resolved.", "Talk Thursday.", "All set.",
           "Noted, gracias.", "Works for me.", "Will put it on Monday's agenda.", "Checking and will get back to you by noon tomorrow.", "Ok - on it."]
GREET = ["", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "Hi team,\n\n", "Morning -\n\n", "Buenos días,\n\n", "Hey,\n\n"]
COVERS = ["Attaching.", "File attached.", "Attached, as we discussed on the phone.", "The document is attached.", "Here it is.", "Please look this over and send back any edits.",
          "Per your request - attached.", "Attached FYI.", "Scanned copy is attached.", "This week's version attached.", "Attached; password is the usual one if it asks."]
NEUTRAL_SUBJ = ["doc", "requested file", "[SECURE] file", "please review", "attachment", "following our call", "revised", "Scanned image", "here you go", "paperwork"]
FWD_NOTES = ["See thread.", "Passing along.", "Yours?", "Adding you - see below.", "Can you grab this one?", "fyi", "Thread below for context.",
             "Not sure who owns this.", "Redirecting to you.", "Filing this.", "Any news on this?", "thoughts?"]
REPLY_NOTES = ["Got it, thanks.", "Yep, will do.", "On it today.", "Great, thank you!", "Added.", "Thanks!", "I'll call back this afternoon.", "ty"]
DISCLAIMERS = ["CONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential information. If you received it in error, "
               "please notify the sender and destroy all copies.", "Sangre Vista Health will never ask for your password by e-mail.", "Aviso de confidencialidad: este mensaje es solo para el destinatario."]

# ================================================================== message assembly (own, modelled on ../corpus-dev2's helpers)
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0", "Epic Secure Chat Relay", "iPhone Mail (22D63)", "Mozilla Thunderbird 128.7.0", None, None, None]
def when(r):
    d = past(r, 0, 9)
    return dtm.datetime(d.year, d.month, d.day, r.randint(5, 22), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(DAY(hours=-7 if r.random() < 0.7 else -6)))
def new_msg(r, o, subject, sender=None, to=None, cc=None):
    s = sender or staff(r, r.choice(o.creds))
    m = EmailMessage()
    if r.random() < 0.85: m["From"] = Address(display_name=disp(r, s, o), addr_spec=mailbox(s, o.dom))
    else: m["From"] = Address(display_name=o.short, addr_spec=f"noreply-{o.key}@{o.dom}")
    m["To"] = to or org_addr(r, o)
    if cc: m["Cc"] = cc
    elif cc is None and r.random() < 0.2: m["Cc"] = org_addr(r, o)
    m["Subject"] = subject
    m["Date"] = format_datetime(when(r))
    x = r.choice(MAILERS)
    if x: m["X-Mailer"] = x
    return m, s
def signature(r, s, o):
    k = r.random()
    if k < 0.25: sig = f"{wc(s)}\n{o.name}\n{o.addr}\nP {o.phone} | F {o.fax}"
    elif k < 0.45: sig = f"Thanks,\n{s.first()}\n{o.short} | {o.phone}"
    elif k < 0.6: sig = f"-- \n{s.given} {s.family}\n{o.short}"
    elif k < 0.8: sig = f"Gracias,\n\n{wc(s)}\n{o.short}\nwww.{o.dom}"
    else: sig = f"- {s.first()}"
    if r.random() < 0.3: sig += "\n\n" + r.choice(DISCLAIMERS)
    return sig

def hdr_words(spec):
    parts = [spec["subject"]] + ([spec["to"][0]] if spec["to"] else []) + [n for n, a in spec["cc"]] + list(spec["extra"].values()) + ([spec["reply_to"][0]] if spec["reply_to"] else [])
    t = " ".join(parts)
    return {w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f][A-Za-z'\u00c0-\u024f]{3,}", t)} | set(re.findall(r"\d[\d\-/]{4,}\d", t))
def hdr_message(r, spec, label):
    o = spec["o"]; hw = hdr_words(spec)
    to = Address(display_name=spec["to"][0], addr_spec=spec["to"][1]) if spec["to"] else None
    cc = ", ".join(str(Address(display_name=n, addr_spec=a)) for n, a in spec["cc"]) if spec["cc"] else None
    spec_to, spec_cc = to, cc
    for _ in range(80):   # the sender, signature and body must not repeat a word of the headers (PHI-bearing or the recipients' display names)
        s = staff(r, r.choice(o.creds)); body = r.choice(GREET) + r.choice(HBODIES)
        sig = signature(r, s, o)
        to = spec_to or org_addr(r, o)
        cc = spec_cc or (str(org_addr(r, o)) if r.random() < 0.2 else None)
        rw = hdr_words({"subject": "", "to": (to.display_name, ""), "cc": [(cc, "")] if cc else [], "extra": {}, "reply_to": None})
        bw = {w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f][A-Za-z'\u00c0-\u024f]{3,}", body + " " + sig)} | set(re.findall(r"\d[\d\-/]{4,}\d", sig))
        if label == "clean" or not ((hw | rw) & bw): break
    else: raise RuntimeError("header leak " + spec["subject"])
    m, s = new_msg(r, o, spec["subject"], s, to=to, cc=cc or "")
    if spec["reply_to"]: m["Reply-To"] = Address(display_name=spec["reply_to"][0], addr_spec=spec["reply_to"][1])
    for k, v in spec["extra"].items(): m[k] = v
    text = body + "\n\n" + sig
    if r.random() < 0.35:
        cid = f"logo-{tok(r, 10)}@{o.dom}" if r.random() < 0.6 else None
        set_text_html(m, text, "<p>" + esc(body).replace("\n", "<br>\n") + "</p>\n" + sig_html(sig, o, cid), "Calibri,Arial,sans-serif", o, cid)
    else: m.set_content(text)
    return m

def body_message(r, doc, carrier):
    o = doc.o; m, s = new_msg(r, o, doc.subj or doc.title or r.choice(NEUTRAL_SUBJ))
    first = doc.blocks[0][1] if doc.blocks and doc.blocks[0][0] == "p" else ""
    head = "" if re.match(r"(Good|Hi|Hey|Hello|Hola|Dear|Estimad|Sr|Dr\.|To |Message|called|Called|Callback|Returned|night|handoff|hey|team|Team|Registration|Need|pt |Visit|FYI|Care|Saw|\w+ - )", first) else r.choice(GREET)
    sig = signature(r, s, o)
    if carrier == "plain":
        m.set_content(head + render_text(r, doc, title=r.random() < 0.5, wrap=r.choice([None, None, 76, 70, 64])) + "\n\n" + sig)
    else:
        text = head + render_text(r, doc, title=True) + "\n\n" + sig
        body, font = render_html(r, doc)
        cid = f"sig-{tok(r, 10)}@{o.dom}" if r.random() < 0.45 else None
        set_text_html(m, text, ("<p>" + esc(head.strip()) + "</p>\n" if head.strip() else "") + body + "\n" + sig_html(sig, o, cid), font, o, cid)
    return m

def fwd_message(r, doc):
    """the document (PHI or not) sits only in the older quoted/forwarded message; the new text on top is neutral"""
    o = doc.o; orig = staff(r, r.choice(o.creds)); inner_to = org_addr(r, o)
    idate = when(r) - DAY(days=r.randint(1, 5)); isubj = doc.subj or doc.title or "Update"
    itext = r.choice(GREET) + render_text(r, doc, title=r.random() < 0.4) + "\n\n" + signature(r, orig, o)
    fo = ORG[r.choice(sorted(ORG))] if r.random() < 0.5 else o
    m, s = new_msg(r, fo, "", staff(r, r.choice(fo.creds)))
    shape = r.choice(["outlook", "gmail", "reply", "rfc822", "outlook", "reply2", "apple", "reply"])
    note = r.choice(FWD_NOTES); of = f"{orig.given} {orig.family} <{mailbox(orig, o.dom)}>"
    del m["Subject"]
    if shape == "rfc822":
        m["Subject"] = "Fwd: " + isubj
        inner = EmailMessage(); inner["From"] = of; inner["To"] = str(inner_to); inner["Subject"] = isubj; inner["Date"] = format_datetime(idate)
        inner["Message-ID"] = f"<{hashlib.sha256((isubj + of + itext).encode()).hexdigest()[:24]}@{o.dom}>"; inner.set_content(itext)
        m.set_content(note + "\n\n" + signature(r, s, fo)); m.add_attachment(inner)
        return m, shape
    def quote(t): return "\n".join(("> " + ln) if ln else ">" for ln in t.split("\n"))
    def wrote(d, who): return f"On {d.strftime('%a, %b')} {d.day}, {d.year} at {d.strftime('%I:%M %p').lstrip('0')}, {who} wrote:"
    if shape == "reply":
        m["Subject"] = "RE: " + isubj
        m.set_content(f"{r.choice(REPLY_NOTES)}\n\n{signature(r, s, fo)}\n\n{wrote(idate, of)}\n{quote(itext)}\n")
        return m, shape
    if shape == "reply2":
        mid = staff(r); mid_addr = f"{mid.given} {mid.family} <{mailbox(mid, inner_to.addr_spec.split('@')[1])}>"
        mtext = f"{r.choice(REPLY_NOTES)}\n\n{mid.first()}\n\n{wrote(idate, of)}\n{quote(itext)}"
        m["Subject"] = "RE: RE: " + isubj
        m.set_content(f"{r.choice(REPLY_NOTES + FWD_NOTES)}\n\n{signature(r, s, fo)}\n\n{wrote(idate + DAY(hours=r.randint(2, 20)), mid_addr)}\n{quote(mtext)}\n")
        return m, shape
    m["Subject"] = r.choice(["FW: ", "Fwd: ", "FW: RE: ", "Fw: "]) + isubj
    dl = f"{idate.strftime('%A, %B')} {idate.day}, {idate.year} {idate.strftime('%I:%M %p').lstrip('0')}"
    if shape == "outlook": hdr = f"________________________________\nFrom: {of}\nSent: {dl}\nTo: {inner_to}\nSubject: {isubj}\n" if r.random() < 0.5 else f"-----Original Message-----\nFrom: {of}\nSent: {dl}\nTo: {inner_to}\nSubject: {isubj}\n"
    elif shape == "gmail": hdr = f"---------- Forwarded message ---------\nFrom: {of}\nDate: {idate.strftime('%a, %b')} {idate.day}, {idate.year} at {idate.strftime('%I:%M %p').lstrip('0')}\nSubject: {isubj}\nTo: {inner_to}\n"
    else: hdr = f"Begin forwarded message:\n\nFrom: {of}\nSubject: {isubj}\nDate: {idate.strftime('%B')} {idate.day}, {idate.year} at {idate.strftime('%I:%M:%S %p').lstrip('0')} MST\nTo: {inner_to}\n"
    m.set_content(f"{note}\n\n{signature(r, s, fo)}\n\n{hdr}\n{itext}\n")
    return m, shape

def attach_message(r, doc):
    o = doc.o; subj = doc.subj if (doc.subj and r.random() < 0.6) else r.choice(NEUTRAL_SUBJ)
    m, s = new_msg(r, o, subj)
    text = r.choice(GREET) + r.choice(COVERS) + "\n\n" + signature(r, s, o)
    if r.random() < 0.3:
        cid = f"sig-{tok(r, 10)}@{o.dom}" if r.random() < 0.6 else None
        set_text_html(m, text, "<p>" + esc(text).replace("\n", "<br>\n") + "</p>" + (f'<p><img src="cid:{cid}" alt="{esc(o.short)}" width="160" height="48"></p>' if cid else ""), "Calibri,Arial,sans-serif", o, cid)
    else: m.set_content(text)
    return m

# ================================================================== plan and main (own)
PLAN = [("header", 25, 25), ("plain", 13, 12), ("html", 10, 10), ("forwarded", 13, 12), ("pdf-fpdf2", 8, 7), ("pdf-libreoffice", 8, 7), ("pdf-ghostscript", 5, 5),
        ("pdf-reportlab", 5, 5), ("docx", 5, 5), ("xlsx", 3, 3), ("csv", 4, 3), ("zip", 4, 3)]
TAB_ONLY = {"xlsx", "csv"}
class Cycler:
    def __init__(s, r, pool): s.r, s.pool, s.q = r, list(pool), []
    def next(s):
        if not s.q: s.q = list(s.pool); s.r.shuffle(s.q)
        return s.q.pop()

def main():
    out = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(out, f))
    r = R
    slots = [(c, lab) for c, np_, nc in PLAN for lab in ["phi"] * np_ + ["clean"] * nc]
    r.shuffle(slots)
    cyc = {"hphi": Cycler(r, HDR_PHI), "hclean": Cycler(r, HDR_CLEAN), "phi": Cycler(r, PHI_BODY + PHI_TAB), "clean": Cycler(r, CLEAN_BODY + CLEAN_TAB),
           "phit": Cycler(r, PHI_TAB), "cleant": Cycler(r, CLEAN_TAB), "phin": Cycler(r, PHI_BODY), "cleann": Cycler(r, CLEAN_BODY)}
    tmp = tempfile.mkdtemp(prefix="dev3-"); jobs = LOJobs(tmp)
    pending = []; manifest = []
    for i, (carrier, label) in enumerate(slots, 1):
        fname = f"{PREFIX}{i:04d}.eml"; key = f"d3{i:04d}"
        if carrier == "header":
            fn = cyc["hphi" if label == "phi" else "hclean"].next(); spec = fn(r)
            m = hdr_message(r, spec, label); cat = f"header/{spec['o'].kind}/{spec['cat']}"
            pending.append((fname, m, None)); manifest.append((fname, label, carrier, cat)); continue
        if carrier in TAB_ONLY: fn = cyc[("phit" if label == "phi" else "cleant")].next()
        elif carrier in ("plain", "html", "forwarded"): fn = cyc[("phin" if label == "phi" else "cleann")].next()
        else: fn = cyc[label].next()
        doc = fn(r); cat = doc.cat
        if carrier in ("plain", "html"):
            m = body_message(r, doc, carrier); pending.append((fname, m, None))
        elif carrier == "forwarded":
            m, shape = fwd_message(r, doc); cat += f"/fwd-{shape}"; pending.append((fname, m, None))
        else:
            if carrier in TAB_ONLY or carrier == "zip":
                if not doc.table(): doc = Doc(doc.o, doc.cat, doc.title, doc.blocks + [T(["Item", "Value"], [["note", "see text"]])], doc.subj, doc.lang)
            m = attach_message(r, doc)
            if carrier == "docx" and label == "clean" and r.random() < 0.6:
                fnm, data, post = fname_for(r, doc, "docx"), docx_bytes(r, doc, logo=True), None
            else:
                fnm, data, post = make_attachment(r, jobs, carrier, doc, key)
            pending.append((fname, m, (fnm, data, post)))
        manifest.append((fname, label, carrier, cat))
    jobs.run()
    for fname, m, att in pending:
        if att:
            fnm, data, post = att
            if isinstance(data, tuple) and data[0] == "LO": data = open(data[1], "rb").read()
            if post: data = post(data)
            attach_part(m, fnm, data)
        open(os.path.join(out, fname), "wb").write(finish(fname, m))
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("file\tlabel\tcarrier\tcategory\n")
        for row in manifest: f.write("\t".join(row) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {len(manifest)} messages to {out}")

if __name__ == "__main__":
    main()
