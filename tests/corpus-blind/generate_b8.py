#!/usr/bin/python3
"""Batch 8 of the blind DLP corpus: b8-0001.eml ... b8-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written blind by an eighth author from BRIEF.md (see README "Batch 8").  People, organisations, clinical
scenarios, texts, layouts and producers are this batch's own.  Only producer plumbing (OOXML zip timestamps,
zip writing, the split rule, latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from
generate.py; the batch wiring (LibreOffice batching through a Ctx/Pending pair, MIME boundaries from the file
name, manifest handling, PDF stamp normalisation) is re-typed after generate_b7.py's plumbing.

Weight on: PDFs from all four producers and DOCX with narrative clinical content, letters to patients in
English and Spanish, clinician notes without field labels, short worklists with unusual headers, header-only
PHI in many shapes, and clean messages that look like PHI (staff with health topics, newsletters, aggregate
statistics, training samples, test patients, QC/proficiency specimens, templates with placeholders).

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed
OOXML timestamps and normalised LibreOffice/Ghostscript/reportlab/fpdf2 PDF stamps.
Run with /usr/bin/python3 (needs reportlab, openpyxl, python-docx, PIL, fpdf2, LibreOffice, ghostscript).
"""
import copy, csv, datetime as dtm, hashlib, io, json, os, random, re, shutil, subprocess, sys, tempfile, textwrap, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from email.headerregistry import Address
from html import escape as hx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import fix_zip, make_zip, split_of, lat1, gs_distill, run_lo, SMTP   # producer plumbing only (no content)

SEED = 20261209
R = random.Random(SEED)
PREFIX = "b8-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DJS = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DJSB = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
DJM = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
D = dtm.date
TODAY = D(2026, 12, 9)
FOLD = {"ł": "l", "Ł": "L", "ő": "o", "Ő": "O", "ű": "u", "•": "-", "…": "...", "≥": ">=", "≤": "<=", "→": "->", "✓": "x", "☐": "[ ]", "☒": "[X]",
        "\u2009": " ", "\u00a0": " ", "µ": "u", "—": "-", "–": "-", "’": "'", "“": '"', "”": '"'}
def l1(s): return lat1("".join(FOLD.get(c, c) for c in str(s)))
def asc(s): return l1(s).encode("latin-1", "ignore").decode("latin-1").translate(str.maketrans("áàâäãåéèêëíìîïóòôöõøúùûüñçýÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕØÚÙÛÜÑÇÝ", "aaaaaaeeeeiiiiooooouuuuuncyAAAAAAEEEEIIIIOOOOOOUUUUNCY"))
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def hexs(r, n, up=True): return "".join(r.choice("0123456789ABCDEF" if up else "0123456789abcdef") for _ in range(n))
def cap(t): return t[:1].upper() + t[1:]
def andlist(xs, conj="and"): xs = list(xs); return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + f" {conj} " + xs[-1]

# ================================================================== people
# (female given, male given, family) per community; families given as "m|f" when the surname is gendered
POOLS = {
    "czech": (["Zdeňka", "Lenka", "Markéta", "Kateřina", "Božena", "Jana", "Radka"], ["Zdeněk", "Jiří", "Tomáš", "Miroslav", "Radek", "Vojtěch", "Bohumil"],
              ["Dvořák|Dvořáková", "Procházka|Procházková", "Černý|Černá", "Kučera|Kučerová", "Veselý|Veselá", "Růžička|Růžičková", "Šimek|Šimková", "Horáček|Horáčková"]),
    "hungarian": (["Erzsébet", "Katalin", "Zsófia", "Ildikó", "Réka"], ["László", "Gábor", "Zoltán", "Attila", "Ferenc"], ["Szabó", "Nagy", "Kovács", "Tóth", "Horváth", "Fekete", "Takács", "Szűcs"]),
    "polish": (["Małgorzata", "Agnieszka", "Bożena", "Halina", "Dorota"], ["Wojciech", "Grzegorz", "Łukasz", "Przemysław", "Zbigniew"],
               ["Wiśniewski|Wiśniewska", "Wójcik|Wójcik", "Zieliński|Zielińska", "Szymański|Szymańska", "Dąbrowski|Dąbrowska", "Kowalczyk|Kowalczyk", "Grabowski|Grabowska"]),
    "southslav": (["Ivana", "Mirjana", "Snježana", "Vesna", "Jasmina"], ["Dražen", "Goran", "Željko", "Mirsad", "Nenad"], ["Kovačević", "Horvat", "Jurić", "Babić", "Šimunović", "Petrović", "Hodžić", "Novak"]),
    "romanian": (["Ioana", "Mihaela", "Florentina", "Gabriela"], ["Florin", "Ionuț", "Mihai", "Sorin", "Dorin"], ["Popescu", "Ionescu", "Constantin", "Dumitrescu", "Stănescu", "Munteanu"]),
    "greek": (["Eleni", "Dimitra", "Vasiliki", "Panagiota", "Despina"], ["Konstantinos", "Panagiotis", "Spyros", "Dimitrios", "Evangelos"],
              ["Papadopoulos|Papadopoulou", "Georgiou|Georgiou", "Konstantinidis|Konstantinidou", "Karagiannis|Karagianni", "Alexopoulos|Alexopoulou"]),
    "italian": (["Giovanna", "Carmela", "Rosaria", "Annunziata", "Concetta"], ["Salvatore", "Vincenzo", "Gennaro", "Carmine", "Rocco"], ["Di Stefano", "De Luca", "Lo Bianco", "Esposito", "Russo", "D'Agostino", "Dell'Orto"]),
    "dutchger": (["Hedwig", "Gretchen", "Wilhelmina", "Anneke", "Liesel"], ["Dieter", "Klaus", "Henk", "Pieter", "Reinhold"], ["van den Heuvel", "von Lindenau", "ter Haar", "de Vries", "Vanderpool", "van der Meer", "Oosterhuis", "zur Linden"]),
    "haitian": (["Marie-Claude", "Nadège", "Fabienne", "Guerline", "Roselène"], ["Jean-Claude", "Wesner", "Fritznel", "Jean-Robert", "Ernso"], ["Jean-Baptiste", "Désir", "Louis-Charles", "Estimé", "Pierre", "Dorvil", "Charlemagne"]),
    "mexican": (["María de los Ángeles", "Xóchitl", "Rosalba", "Itzel", "Guadalupe", "Maricela"], ["Juan de Dios", "Nemesio", "Eusebio", "Rigoberto", "Jesús", "Heriberto"],
                ["García Villalobos", "Ramírez de la Fuente", "Hernández", "del Castillo", "Zúñiga", "Ortega Ibarra", "Tzoc", "Ixcoy", "Cuevas"]),
    "caribbean": (["Yokasta", "Altagracia", "Yaritza", "Nilda", "Marisol"], ["Wilfredo", "Yunior", "Radhamés", "Ángel Luis", "Edwin"], ["Peña Almonte", "Rosario Batista", "de León", "Santana", "Matos", "Figueroa Colón"]),
    "andean": (["Luz Dary", "Yeimy", "Gloria Inés", "Nohemí"], ["Jhon Fredy", "Hernán", "Wilson", "Óscar"], ["Restrepo Uribe", "Londoño", "Ospina", "Quispe", "Mamani", "Cárdenas"]),
    "afam": (["LaShonda", "Ebony", "Deja", "Tamika", "Bernice", "Queen", "Ophelia"], ["DeShawn", "Terrell", "Marquis", "Tyrone", "Cornelius", "Otis"], ["Washington", "Jefferson", "Booker", "Gaines", "Mayfield", "Whitfield", "Battle", "Person"]),
    "southern": (["Brenda", "Tammy", "Carolyn", "Bethany", "Loretta", "Peggy Sue"], ["Dale", "Randall", "Wade", "Curtis", "Billy Joe", "Earl"], ["Whitaker", "Pruitt", "Honeycutt", "Caudill", "McAllister", "Ainsworth", "Blevins", "Sizemore"]),
    "irish": (["Siobhán", "Niamh", "Aoife", "Bridget", "Maeve"], ["Pádraig", "Cormac", "Declan", "Eamon", "Seamus"], ["O'Halloran", "MacLeod", "McGillicuddy", "Ó Conaill", "Fitzgerald", "Mac Giolla"]),
    "westafr": (["Akosua", "Abena", "Chiamaka", "Folasade", "Ngozi"], ["Kwame", "Kofi", "Chukwuemeka", "Oluwaseun", "Babatunde"], ["Mensah", "Owusu", "Asante", "Boakye", "Okonkwo", "Adeyemi-Clarke", "Nwachukwu"]),
    "horn": (["Meron", "Selamawit", "Hiwot", "Tigist"], ["Dawit", "Yonas", "Tesfalem", "Berhane"], ["Tesfaye", "Gebremariam", "Haile", "Woldemichael", "Bekele"]),
    "afghan": (["Farzana", "Shabnam", "Maryam", "Zarghona"], ["Mohammad Nabi", "Abdul Wahid", "Hamid", "Sayed Jawad"], ["Ahmadzai", "Karimi", "Hosseini", "Rahimi", "Noorzai"]),
    "levant": (["Rania", "Nour", "Hiba", "Nadia"], ["Georges", "Rami", "Ziad", "Elias"], ["Haddad", "Khoury", "El-Masri", "Abi Nader", "Bou Saleh", "Nasrallah"]),
    "southasian": (["Priyanka", "Anjali", "Harpreet", "Lakshmi", "Fatema"], ["Rajesh", "Sandeep", "Mohammed Irfan", "Venkat", "Gurpreet"], ["Patel", "Chaudhry", "Bhattacharya", "Venkataraman", "Gill", "Rahman", "Iyer"]),
    "eastasian": (["Keiko", "Emiko", "Mei-Ling", "Xiuying", "Seo-yeon", "Eun-ji"], ["Hiroshi", "Kenji", "Wei", "Jianguo", "Dong-hyun", "Sung-min"], ["Nakamura", "Higa", "Kobayashi", "Wong", "Zhang", "Park", "Choi", "Lau"]),
    "pacific": (["Mele", "Losa", "Leilani", "Malia"], ["Sione", "Tavita", "Keoni", "Iosefa"], ["Tuiasosopo", "Faleolo", "Kealoha", "Fonoti", "Kahale"]),
    "native": (["Winona", "Marcella", "Loretta", "Darlene"], ["Delbert", "Vernon", "Lonnie", "Merle"], ["Deerinwater", "Hummingbird", "Whitehorse", "Two Bulls", "Yellowhammer", "Littlejohn"]),
    "ukr": (["Oksana", "Halyna", "Nataliya", "Svitlana"], ["Volodymyr", "Taras", "Bohdan", "Oleksandr"], ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk"]),
    "jewish": (["Miriam", "Shoshana", "Rivka", "Esther"], ["Mordechai", "Avraham", "Yosef", "Mendel"], ["Rosenblatt", "Feldman", "Ben-Shimon", "Katzenelson", "Halberstam"]),
    "anglo": (["Margaret", "Katherine", "Susan", "Elizabeth", "Abigail", "Deborah"], ["Robert", "William", "Theodore", "Richard", "Charles", "Nathaniel"],
              ["Ashworth", "Pendleton", "Holloway", "Sinclair", "St. Pierre", "Hargrove", "Whitcomb", "Langford"]),
}
HISP = {"mexican", "caribbean", "andean"}
NICK = {"Robert": "Bobby", "William": "Will", "Theodore": "Teddy", "Richard": "Dick", "Charles": "Chuck", "Katherine": "Kate", "Elizabeth": "Liz", "Margaret": "Maggie", "Wojciech": "Wojtek",
        "Konstantinos": "Gus", "Salvatore": "Sal", "Vincenzo": "Vinnie", "Guadalupe": "Lupe", "Jesús": "Chucho", "Abigail": "Abby", "Deborah": "Debbie", "Bohumil": "Bob", "Mordechai": "Motti",
        "Nathaniel": "Nate", "Susan": "Sue", "Cornelius": "Neil", "Babatunde": "Tunde", "Oluwaseun": "Seun", "Chukwuemeka": "Emeka", "Dimitrios": "Jimmy", "Panagiota": "Penny"}
MIDDLE_F = ["Ann", "Marie", "Louise", "Jean", "Rose", "Mae", "Lynn", "Grace", "Elena", "Irene"]
MIDDLE_M = ["Lee", "James", "Allen", "Ray", "Edward", "Joseph", "Paul", "Dean", "Antonio", "Wayne"]
SUFFIXES = ["Jr.", "Jr", "Sr.", "II", "III", "IV"]
STREETS = ["Quarry Hill Rd", "Bittersweet Ln", "W Juniper Ave", "Foxglove Ct", "Stonecrop Way", "N 23rd St", "Millrace Dr", "Old Ferry Rd", "Larkspur Cir", "Harbor View Ter",
           "County Road 114", "Wren Hollow Dr", "S Ironwood St", "Tamarack Pl", "Chestnut Ridge Rd", "Calle Ocotillo", "Magnolia Bend", "E Prospect St", "Orchard Knob Ave", "Saddleback Trl",
           "Sycamore Flats Rd", "Marsh Hawk Ln", "Pioneer Sq", "Cottonwood Bend Dr", "Depot St"]
UNITS = ["", "", "", "", "", "", " Apt 3F", " Apt 112", " Unit 9", " #204", " Lot 31", " Apt C", " Rm 6 (group home)"]
PLACES = {
    "OH": (["Zanesville", "Cambridge", "New Lexington", "Coshocton"], "437", ["740"]), "WI": (["Green Bay", "De Pere", "Appleton", "Sturgeon Bay"], "543", ["920"]),
    "NJ": (["Cherry Hill", "Haddonfield", "Voorhees", "Pennsauken"], "080", ["856"]), "NC": (["Boone", "Blowing Rock", "Jefferson", "Banner Elk"], "286", ["828"]),
    "PA": (["Altoona", "Hollidaysburg", "Tyrone", "Harrisburg", "Carlisle"], "166", ["814", "717"]), "AZ": (["Mesa", "Apache Junction", "Chandler", "Gilbert"], "852", ["480"]),
    "TN": (["Memphis", "Bartlett", "Germantown", "Millington"], "381", ["901"]), "NH": (["Manchester", "Nashua", "Concord", "Derry"], "031", ["603"]),
    "KS": (["Wichita", "Derby", "Newton", "El Dorado"], "672", ["316"]), "FL": (["Tampa", "Brandon", "Plant City", "Riverview"], "336", ["813"]),
    "MO": (["Joplin", "Carthage", "Neosho", "Webb City"], "648", ["417"]), "IL": (["Evanston", "Skokie", "Wilmette", "Chicago"], "602", ["847", "773"]),
    "ME": (["Portland", "Westbrook", "South Portland", "Gorham"], "041", ["207"]), "NE": (["Lincoln", "Seward", "Crete", "Beatrice"], "685", ["402"]),
    "GA": (["Macon", "Warner Robins", "Forsyth", "Milledgeville"], "312", ["478"]), "WA": (["Yakima", "Selah", "Union Gap", "Toppenish"], "989", ["509"]),
    "CO": (["Pueblo", "Canon City", "Pueblo West", "La Junta"], "810", ["719"]), "NM": (["Las Cruces", "Mesilla", "Anthony", "Deming"], "880", ["575"]),
    "KY": (["Lexington", "Georgetown", "Nicholasville", "Winchester"], "405", ["859"]), "MS": (["Greenville", "Leland", "Indianola", "Cleveland"], "387", ["662"]),
    "OR": (["Coos Bay", "North Bend", "Bandon", "Coquille"], "974", ["541"]), "MT": (["Billings", "Laurel", "Lockwood", "Hardin"], "591", ["406"]),
    "MA": (["Pelham", "Amherst", "Northampton", "Hadley"], "010", ["413"]), "TX": (["Round Rock", "Pflugerville", "Georgetown", "Austin"], "786", ["512"]),
}
STATE_BIAS = {"NM": ["mexican", "mexican", "native", "southern"], "AZ": ["mexican", "native", "anglo"], "FL": ["caribbean", "haitian", "andean", "afam"], "MS": ["afam", "afam", "southern"],
              "GA": ["afam", "southern"], "IL": ["polish", "jewish", "southasian", "levant", "afam"], "OH": ["southern", "hungarian", "anglo"], "WI": ["polish", "dutchger", "czech"],
              "NJ": ["italian", "southasian", "caribbean", "jewish"], "PA": ["southslav", "czech", "italian", "anglo"], "WA": ["mexican", "native", "eastasian"], "NE": ["czech", "horn", "dutchger"],
              "ME": ["irish", "westafr", "anglo"], "KS": ["mexican", "afam", "dutchger"], "MO": ["southern", "pacific", "anglo"], "KY": ["southern", "afam", "afghan"], "NH": ["greek", "irish", "afghan"],
              "MT": ["native", "native", "anglo"], "OR": ["anglo", "pacific", "ukr"], "CO": ["mexican", "andean", "anglo"], "TN": ["afam", "southern", "levant"], "NC": ["southern", "southern", "mexican"],
              "TX": ["mexican", "eastasian", "southasian", "romanian"], "MA": ["irish", "anglo", "eastasian"]}
MAILDOMS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com", "comcast.net", "charter.net", "att.net", "me.com", "frontier.com", "sbcglobal.net"]
CUR = {"state": None}

def phone(r, area=None, style=None):
    a = area or r.choice(sum((v[2] for v in PLACES.values()), []))
    n = f"{r.randint(2, 9)}{dg(r, 2)}"; x = dg(r, 4)
    st = style or r.choice(["p", "p", "p", "d", "d", "dot", "sp", "1"])
    return {"p": f"({a}) {n}-{x}", "d": f"{a}-{n}-{x}", "dot": f"{a}.{n}.{x}", "sp": f"{a} {n} {x}", "1": f"1-{a}-{n}-{x}", "raw": f"{a}{n}{x}"}[st]

class Person:
    def __init__(self, r, amin=18, amax=90, sex=None, state=None, pool=None, staff=False, family=None):
        st = state or CUR["state"] or r.choice(list(PLACES))
        pool = pool or (r.choice(STATE_BIAS.get(st, list(POOLS))) if r.random() < 0.55 else r.choice(list(POOLS)))
        self.pool = pool; F, M, L = POOLS[pool]
        self.sex = sex or r.choice("FM")
        self.given = r.choice(F if self.sex == "F" else M)
        fam = family or r.choice(L)
        if "|" in fam: fam = fam.split("|")[1 if self.sex == "F" else 0]
        if family is None and pool not in HISP and r.random() < 0.07: fam = fam + "-" + r.choice(POOLS[r.choice(list(POOLS))][2]).split("|")[0].split()[-1]
        self.family = fam
        self.middle = "" if pool in HISP or r.random() < 0.3 else r.choice(MIDDLE_F if self.sex == "F" else MIDDLE_M)
        self.suffix = r.choice(SUFFIXES) if (self.sex == "M" and not staff and r.random() < 0.09) else ""
        self.nick = NICK.get(self.given) if r.random() < 0.5 else None
        self.age = r.randint(amin, amax)
        bd = TODAY - dtm.timedelta(days=int(self.age * 365.25) + r.randint(1, 360)); self.dob = bd; self.age = TODAY.year - bd.year - ((TODAY.month, TODAY.day) < (bd.month, bd.day))
        self.state = st; cities, zp, areas = PLACES[st]; self.city = r.choice(cities); self.zip = zp + dg(r, 2)
        self.street = f"{r.randint(3, 9899)} {r.choice(STREETS)}{r.choice(UNITS)}"
        self.area = r.choice(areas); self.phone = phone(r, self.area)
        g, f = re.sub(r"[^a-z]", "", asc(self.given).lower()), re.sub(r"[^a-z]", "", asc(self.family).lower())
        self.email = r.choice([f"{g}.{f}", f"{g}{f[:1]}{r.randint(1, 99)}", f"{f}{g[:1]}", f"{g[:1]}{f}{self.dob.year % 100:02d}", f"{g}_{f}", f"{f}.family"]) + "@" + r.choice(MAILDOMS)
    @property
    def mi(self): return self.middle[:1]
    def first_last(self): return f"{self.given} {self.family}" + (f" {self.suffix}" if self.suffix else "")
    def full(self): return f"{self.given} {self.mi + '. ' if self.mi else ''}{self.family}" + (f", {self.suffix}" if self.suffix and self.suffix.startswith(("J", "S")) else f" {self.suffix}" if self.suffix else "")
    def fullmid(self): return f"{self.given} {self.middle + ' ' if self.middle else ''}{self.family}" + (f" {self.suffix}" if self.suffix else "")
    def lfm(self): return f"{self.family}{' ' + self.suffix if self.suffix else ''}, {self.given}{' ' + self.mi if self.mi else ''}"
    def LFM(self): return self.lfm().upper()
    def LF(self): return f"{self.family.upper()},{self.given.upper()}"
    def caps(self): return self.first_last().upper()
    def hl7(self): return f"{asc(self.family).upper()}^{asc(self.given).upper()}^{self.mi}^{self.suffix.rstrip('.').upper()}".rstrip("^")
    def nicked(self): return f'{self.given} "{self.nick}" {self.family}' if self.nick else self.first_last()
    def nickparen(self): return f"{self.given} ({self.nick}) {self.family}" if self.nick else self.full()
    def mr(self): return ("Ms. " if self.sex == "F" else "Mr. ") + self.family
    def sr(self): return ("Sra. " if self.sex == "F" else "Sr. ") + self.family
    def he(self): return "she" if self.sex == "F" else "he"
    def his(self): return "her" if self.sex == "F" else "his"
    def him(self): return "her" if self.sex == "F" else "him"
    def any(self, r): return r.choice([self.first_last(), self.full(), self.lfm(), self.LFM(), self.caps(), self.nickparen(), self.fullmid(), self.first_last()])
    def short(self, r): return r.choice([self.mr(), self.given if self.age < 40 or r.random() < 0.3 else self.mr(), self.nick or self.given]) if self.age >= 18 else (self.nick or self.given)
    def addr_lines(self): return [self.street, f"{self.city}, {self.state} {self.zip}"]
    def sexw(self): return "female" if self.sex == "F" else "male"

def staffer(r, state=None): return Person(r, 24, 66, state=state, staff=True)
CREDS = ["MD", "MD", "DO", "MD", "NP", "PA-C", "MD, FACP", "DO, FAAFP", "MD, PhD", "APRN, FNP-C", "MD, FACS", "MD, MPH", "DNP, PMHNP-BC", "DMD", "DDS", "OD", "PharmD, BCPS", "LCSW", "PsyD"]
class Clin:
    def __init__(self, r, cred=None, state=None):
        self.p = Person(r, 32, 68, state=state, staff=True); self.cred = cred or r.choice(CREDS[:12]); self.npi = npi(r)
    def name(self): return f"{self.p.given} {self.p.mi + '. ' if self.p.mi else ''}{self.p.family}, {self.cred}"
    def dr(self): return (f"Dr. {self.p.family}" if any(x in self.cred for x in ("MD", "DO", "DMD", "DDS", "OD", "PsyD", "PhD")) else f"{self.p.given} {self.p.family}, {self.cred.split(',')[0]}")
    def dra(self): return ("Dra. " if self.p.sex == "F" else "Dr. ") + self.p.family

# ================================================================== identifiers
def luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        v = int(ch)
        if i % 2 == 0: v *= 2; v = v - 9 if v > 9 else v
        tot += v
    return str((10 - tot % 10) % 10)
def npi(r): b = r.choice("12") + dg(r, 8); return b + luhn("80840" + b)
BAD_SSN = {"078051120", "219099999", "123456789", "457555462", "111111111", "333333333"}
def ssn_raw(r):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}{r.randint(1, 99):02d}{r.randint(1, 9999):04d}"
        if s not in BAD_SSN: return s
def ssn(r, st=None):
    s = ssn_raw(r); st = st or r.choice(["d", "d", "d", "s", "n", "m"])
    return {"d": f"{s[:3]}-{s[3:5]}-{s[5:]}", "s": f"{s[:3]} {s[3:5]} {s[5:]}", "n": s, "m": f"xxx-xx-{s[5:]}"}[st]
MBI_A = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dash=None):
    while True:
        an = lambda: r.choice(MBI_A + "0123456789")
        v = r.choice("123456789") + r.choice(MBI_A) + an() + r.choice("0123456789") + r.choice(MBI_A) + an() + r.choice("0123456789") + r.choice(MBI_A) + r.choice(MBI_A) + dg(r, 2)
        if v != "1EG4TE5MK73": break
    if dash is None: dash = r.random() < 0.4
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dash else v
def dea(r, last="M"):
    d6 = [r.randint(0, 9) for _ in range(6)]; c = (d6[0] + d6[2] + d6[4] + 2 * (d6[1] + d6[3] + d6[5])) % 10
    return r.choice("ABFM") + asc(last)[:1].upper() + "".join(map(str, d6)) + str(c)
def ndc(r): return r.choice([f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"])
def aba(r):
    while True:
        d8 = [r.randint(0, 9) for _ in range(8)]; d8[0] = r.choice([0, 1, 2, 3])
        for c in range(10):
            ds = d8 + [c]
            if (3 * (ds[0] + ds[3] + ds[6]) + 7 * (ds[1] + ds[4] + ds[7]) + (ds[2] + ds[5] + ds[8])) % 10 == 0: return "".join(map(str, ds))
def mrn(r): return r.choice([dg(r, 7), f"00{dg(r, 6)}", f"H{dg(r, 7)}", f"{dg(r, 3)}-{dg(r, 3)}-{dg(r, 3)}", f"MRN{dg(r, 6)}", f"Z{dg(r, 8)}", f"{dg(r, 2)}{r.choice('ABCX')}{dg(r, 5)}", f"10{dg(r, 8)}"])
def memid(r): return r.choice([f"GPH{dg(r, 9)}", f"{r.choice('JKW')}{r.choice('RTX')}{r.choice('PQN')}{dg(r, 8)}", f"PR{dg(r, 9)}01", f"{dg(r, 3)}-{dg(r, 2)}-{dg(r, 4)}-0{r.randint(0, 3)}",
                               f"U{dg(r, 8)} {r.randint(1, 4):02d}", f"ZX{dg(r, 7)}", f"{dg(r, 11)}", f"MCD{dg(r, 9)}"])
def medicaid(r): return r.choice([f"{dg(r, 11)}", f"K{dg(r, 9)}", f"{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}{dg(r, 5)}{r.choice('ABCDEFGH')}", f"MO{dg(r, 8)}"])
def acct(r): return r.choice([dg(r, 8), f"A{dg(r, 9)}", f"{dg(r, 6)}-{dg(r, 2)}", f"GT{dg(r, 7)}", f"{dg(r, 10)}"])
def enc(r): return r.choice([dg(r, 9), f"V{dg(r, 8)}", f"E{dg(r, 10)}", f"{TODAY.year % 100}{dg(r, 8)}"])
def claimno(r): return r.choice([dg(r, 13), f"{dg(r, 4)}{TODAY.year % 100}{dg(r, 7)}", f"C{dg(r, 11)}", f"{dg(r, 3)}-{dg(r, 7)}-{dg(r, 3)}", f"ICN {dg(r, 15)}"])
def accession(r): return r.choice([f"{r.choice(['C', 'H', 'M', 'S', 'V'])}{TODAY.year % 100}-{dg(r, 6)}", f"L{dg(r, 10)}", f"{dg(r, 2)}{r.choice(['CH', 'SR', 'MB'])}{dg(r, 6)}", f"TCL-{dg(r, 8)}"])
def authno(r): return r.choice([f"AUTH{dg(r, 8)}", f"{dg(r, 3)}-{dg(r, 4)}-{dg(r, 3)}", f"PR{TODAY.year}{dg(r, 6)}", f"{r.choice('MNQ')}{dg(r, 9)}"])
def rxno(r): return r.choice([dg(r, 7), f"{dg(r, 6)}-{r.randint(1, 9)}", f"RX {dg(r, 7)}", f"6{dg(r, 6)}"])
def tin(r): return f"{r.choice(['27', '33', '35', '46', '54', '59', '82', '84', '88', '91'])}-{dg(r, 7)}"
def clia(r): return f"{r.randint(10, 53):02d}D{dg(r, 7)}"
def group_no(r): return r.choice([dg(r, 7), f"GR{dg(r, 5)}", f"{r.choice('LMNP')}{dg(r, 6)}-{dg(r, 3)}"])

# ================================================================== dates
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
def ordinal(n): return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
def fd(d, st="mdy"):
    m, dd, y = d.month, d.day, d.year
    return {"mdy": f"{m:02d}/{dd:02d}/{y}", "m/d/y": f"{m}/{dd}/{y}", "m/d/yy": f"{m}/{dd}/{y % 100:02d}", "iso": d.isoformat(), "d-Mon-y": f"{dd:02d}-{MON[m - 1][:3]}-{y}",
            "Month d, y": f"{MON[m - 1]} {dd}, {y}", "Mon d, y": f"{MON[m - 1][:3]} {dd}, {y}", "Mon. d, y": f"{MON[m - 1][:3]}. {dd}, {y}", "ymd8": f"{y}{m:02d}{dd:02d}",
            "m d y": f"{m:02d} {dd:02d} {y}", "d Month y": f"{dd} {MON[m - 1]} {y}", "dMONy": f"{dd:02d}{MON[m - 1][:3].upper()}{y}", "m-d-y": f"{m:02d}-{dd:02d}-{y}",
            "m.d.y": f"{m:02d}.{dd:02d}.{y}", "y/m/d": f"{y}/{m:02d}/{dd:02d}", "Month dth, y": f"{MON[m - 1]} {ordinal(dd)}, {y}", "d-MON-yy": f"{dd:02d}-{MON[m - 1][:3].upper()}-{y % 100:02d}",
            "mdy6": f"{m:02d}{dd:02d}{y % 100:02d}", "wd": f"{WD[d.weekday()]}, {MON[m - 1]} {dd}, {y}", "Mon-d-y": f"{MON[m - 1][:3]}-{dd:02d}-{y}", "d/Mon/y": f"{dd}/{MON[m - 1][:3]}/{y}",
            "m/d": f"{m}/{dd}", "Month d": f"{MON[m - 1]} {dd}", "mdy8": f"{m:02d}{dd:02d}{y}", "MON d y": f"{MON[m - 1][:3].upper()} {dd} {y}",
            "es": f"{dd} de {MES[m - 1]} de {y}", "es/": f"{dd:02d}/{m:02d}/{y}", "es-": f"{dd:02d}-{MES[m - 1][:3]}-{y}", "eswd": f"{DIAS[d.weekday()]} {dd} de {MES[m - 1]} de {y}",
            "es-del": f"{dd} de {MES[m - 1]} del {y}"}[st]
DOB_ST = ["mdy", "mdy", "mdy", "mdy", "m/d/y", "m/d/yy", "iso", "d-Mon-y", "Month d, y", "Mon d, y", "ymd8", "m d y", "d Month y", "dMONy", "m-d-y", "m.d.y", "y/m/d", "Month dth, y",
          "d-MON-yy", "Mon. d, y", "MON d y", "d/Mon/y"]
def dob(r, p, es=False, age=None):
    s = fd(p.dob, r.choice(["es", "es/", "es-", "es/", "es-del"]) if es else r.choice(DOB_ST))
    if age or (age is None and r.random() < 0.18): s += r.choice([f" ({p.age} y/o)", f" ({p.age}{p.sex})", f", age {p.age}", f" - {p.age} yrs"] if not es else [f" ({p.age} años)"])
    return s
def recent(r, back=45, fwd=0): return TODAY - dtm.timedelta(days=r.randint(-fwd, back))
def future(r, a=2, b=45):
    d = TODAY + dtm.timedelta(days=r.randint(a, b))
    return d + dtm.timedelta(days=(7 - d.weekday()) % 7 if d.weekday() >= 5 else 0)
def clock(r, h24=False):
    h, mi = r.randint(7, 17), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    return f"{h:02d}:{mi:02d}" if h24 else f"{(h - 1) % 12 + 1}:{mi:02d} {'AM' if h < 12 else 'PM'}"
def money(v): return f"${v:,.2f}"
class Money(float): pass

# ================================================================== organisations
class Org:
    def __init__(self, r, name, short, dom, kind, st, street, zp, color, ehr):
        self.name, self.short, self.dom, self.kind, self.state, self.street, self.color, self.ehr = name, short, dom, kind, st, street, color, ehr
        cities, _, areas = PLACES[st]; self.city = cities[0]; self.zip = zp; self.area = areas[0]
        self.phone = phone(r, self.area, "p"); self.fax = phone(r, self.area, r.choice(["p", "d"])); self.npi = npi(r); self.tin = tin(r); self.clia = clia(r)
    def addr(self): return f"{self.street}, {self.city}, {self.state} {self.zip}"
ORG_DEFS = [
    ("Harrow Valley Regional Medical Center", "Harrow Valley", "harrowvalleymc.org", "hospital", "OH", "1200 Linden Crest Dr", "43701", "#1F4E79", "Epic"),
    ("St. Odile Hospital", "St. Odile", "stodilehospital.org", "hospital", "WI", "835 S Webster Ave", "54301", "#6A1B4D", "Oracle Health"),
    ("Bexley Park Internal Medicine", "Bexley Park IM", "bexleyparkim.com", "clinic", "NJ", "1916 Marlton Pike E, Suite 210", "08003", "#2E7D32", "athenaOne"),
    ("Crooked Creek Family Health Center", "Crooked Creek FHC", "crookedcreekfhc.org", "fqhc", "NC", "411 Howard St", "28607", "#8D6E00", "OCHIN Epic"),
    ("Tri-County Clinical Laboratories", "Tri-County Labs", "tricountylabs.com", "lab", "PA", "2301 Beale Ave", "16601", "#00695C", "Orchard Harvest"),
    ("Copperleaf Pharmacy", "Copperleaf Rx", "copperleafrx.com", "pharmacy", "AZ", "58 W Main St", "85201", "#B35900", "BestRx"),
    ("Meridian Specialty Pharmacy", "Meridian Specialty Rx", "meridianspecialtyrx.com", "spharm", "TN", "3350 Players Club Pkwy", "38125", "#4A148C", "Therigy STM"),
    ("Granite Peak Health Plan", "Granite Peak", "granitepeakhp.com", "payer", "NH", "900 Elm St, 12th Floor", "03101", "#37474F", "QNXT"),
    ("Prairie Rose Community Health Plan", "Prairie Rose", "prairierosechp.org", "medicaid", "KS", "125 N Market St", "67202", "#AD1457", "HealthEdge"),
    ("Ledgerline Medical Billing", "Ledgerline", "ledgerlinebilling.com", "billing", "FL", "401 E Jackson St, Suite 1550", "33602", "#0D47A1", "AdvancedMD"),
    ("Willow Bend Home Health & Hospice", "Willow Bend", "willowbendhh.com", "homehealth", "MO", "2622 E 32nd St", "64804", "#558B2F", "Axxess"),
    ("Northbrook Counseling Associates", "Northbrook Counseling", "northbrookcounseling.com", "bh", "IL", "1603 Orrington Ave, Suite 800", "60201", "#5D4037", "TherapyNotes"),
    ("Bright Harbor Dental Group", "Bright Harbor Dental", "brightharbordental.com", "dental", "ME", "222 St John St", "04102", "#0277BD", "Eaglesoft"),
    ("Sandhill Imaging Partners", "Sandhill Imaging", "sandhillimaging.com", "imaging", "NE", "4600 Valley Rd", "68510", "#455A64", "Synapse RIS"),
    ("Little Acorns Pediatrics", "Little Acorns Peds", "littleacornspeds.com", "peds", "GA", "3780 Eisenhower Pkwy", "31206", "#EF6C00", "PCC EHR"),
    ("Riverside Women's Care of Yakima", "Riverside Women's Care", "riversidewomenscare.com", "women", "WA", "1111 W Yakima Ave", "98902", "#C2185B", "Greenway Intergy"),
    ("Clearview Retina & Eye Institute", "Clearview Eye", "clearvieweye.com", "eye", "CO", "2002 Lake Ave", "81004", "#1565C0", "Nextech"),
    ("Blue Mesa Orthopedics & Sports Medicine", "Blue Mesa Ortho", "bluemesaortho.com", "ortho", "NM", "4311 E Lohman Ave", "88011", "#283593", "ModMed"),
    ("Calloway Kidney & Transplant Associates", "Calloway Kidney", "callowaykidney.com", "renal", "KY", "1780 Nicholasville Rd", "40503", "#00838F", "Epic"),
    ("Mid-Delta Dermatology & Rheumatology", "Mid-Delta Derm/Rheum", "middeltaderm.com", "derm", "MS", "1515 S Main St", "38701", "#6D4C41", "EZDERM"),
    ("Seaside Urgent Care", "Seaside Urgent Care", "seasideurgentcare.com", "urgent", "OR", "1900 Newmark Ave", "97420", "#00796B", "Experity"),
    ("Frontier Recovery Services", "Frontier Recovery", "frontierrecovery.org", "sud", "MT", "2900 1st Ave N", "59101", "#4E342E", "Qualifacts CareLogic"),
    ("Keystone Valley Oncology", "Keystone Valley Onc", "keystonevalleyonc.com", "onc", "PA", "4100 Linglestown Rd", "17112", "#7B1FA2", "OncoEMR"),
    ("Hillcrest Family Medicine", "Hillcrest FM", "hillcrestfm.com", "clinic", "TX", "1001 S Mays St", "78664", "#2E7D32", "eClinicalWorks"),
]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDOR_DEFS = [("Pelham Surgical Supply", "Pelham Surgical", "pelhamsurgical.com", "vendor", "MA", "77 Amherst Rd", "01002", "#424242", "SAP"),
               ("ClaimBridge EDI Services", "ClaimBridge", "claimbridge-edi.com", "vendor", "TX", "8900 Research Blvd", "78758", "#1A237E", "ClaimBridge Portal"),
               ("Northgate Managed IT", "Northgate IT", "northgateit.com", "vendor", "NH", "55 S Commercial St", "03101", "#263238", "ServiceNow"),
               ("Brightline Clinical Staffing", "Brightline Staffing", "brightlinestaffing.com", "vendor", "GA", "577 Mulberry St", "31201", "#880E4F", "Bullhorn"),
               ("Ardent Biomedical Services", "Ardent Biomed", "ardentbiomed.com", "vendor", "KY", "301 E Main St", "40507", "#BF360C", "Nuvolo"),
               ("DocuVault Imaging & Shredding", "DocuVault", "docuvaultrm.com", "vendor", "OH", "45 N 4th St", "43701", "#3E2723", "DocuVault Cloud")]
VENDORS = [Org(R, *d) for d in VENDOR_DEFS]
CARE = ("hospital", "clinic", "fqhc", "peds", "women", "bh", "sud", "dental", "eye", "ortho", "renal", "derm", "urgent", "onc", "homehealth")
def org(r, kinds=None):
    pool = [o for o in ORGS if kinds is None or o.kind in kinds]
    o = r.choice(pool); CUR["state"] = o.state; return o
def org_by_kind(r, k): return org(r, (k,))

# ================================================================== clinical scenarios (code, finding, drug, plan kept consistent)
def _s(k, code, desc, lay, es, test, res, drug, plan, es_plan, spec, kinds, sex=None, amin=18, amax=88, inpt=False, img=False):
    return dict(k=k, code=code, desc=desc, lay=lay, es=es, test=test, res=res, drug=drug, plan=plan, es_plan=es_plan, spec=spec, kinds=kinds, sex=sex, amin=amin, amax=amax, inpt=inpt, img=img)
U = lambda a, b, f="{:.1f}": (lambda r: f.format(r.uniform(a, b)))
SCEN = [
    _s("gout", "M10.9", "Gout, unspecified", "gout flare", "ataque de gota", "Uric acid", lambda r: f"uric acid {r.uniform(8.6, 11.8):.1f} mg/dL (ref 3.5-7.2)", "colchicine 0.6 mg tablet",
       "start allopurinol 100 mg daily once the flare settles and recheck uric acid in 6 weeks", "empezar alopurinol cuando se calme el dolor y repetir el análisis de ácido úrico en 6 semanas",
       "Rheumatology", ("clinic", "fqhc", "derm", "urgent", "lab"), amin=35),
    _s("celiac", "K90.0", "Celiac disease", "celiac disease", "enfermedad celíaca", "tTG-IgA", lambda r: f"tissue transglutaminase IgA {r.randint(48, 240)} U/mL (ref <4)", "gluten-free diet (dietitian referral)",
       "upper endoscopy with duodenal biopsies before starting a strict gluten-free diet", "hacer una endoscopia con biopsias antes de empezar la dieta sin gluten",
       "Gastroenterology", ("clinic", "fqhc", "peds", "lab"), amin=8, amax=70),
    _s("b12", "D51.9", "Vitamin B12 deficiency anemia, unspecified", "low vitamin B12", "vitamina B12 baja", "Vitamin B12", lambda r: f"vitamin B12 {r.randint(96, 178)} pg/mL (ref 232-1245), MCV {r.randint(103, 114)} fL",
       "cyanocobalamin 1,000 mcg/mL injection", "B12 injections weekly for 4 weeks, then monthly", "inyecciones de vitamina B12 cada semana por 4 semanas y luego cada mes",
       "Hematology", ("clinic", "fqhc", "lab", "homehealth"), amin=40),
    _s("hyperk", "E87.5", "Hyperkalemia", "high potassium", "potasio alto", "Potassium", lambda r: f"potassium {r.uniform(6.0, 6.6):.1f} mmol/L (ref 3.5-5.1), creatinine {r.uniform(1.8, 2.9):.2f} mg/dL",
       "sodium zirconium cyclosilicate 10 g packet", "hold lisinopril and spironolactone and repeat a BMP tomorrow morning", "suspender lisinopril y repetir el análisis de sangre mañana",
       "Nephrology", ("hospital", "renal", "clinic", "lab"), amin=50, amax=92),
    _s("hypona", "E87.1", "Hypo-osmolality and hyponatremia", "low sodium", "sodio bajo", "Sodium", lambda r: f"sodium {r.randint(121, 128)} mmol/L (ref 136-145)",
       "fluid restriction 1.2 L/day", "stop hydrochlorothiazide, restrict fluids and repeat sodium in 48 hours", "dejar la hidroclorotiazida, tomar menos líquidos y repetir el sodio en 2 días",
       "Internal Medicine", ("hospital", "clinic", "renal", "lab", "homehealth"), amin=55, amax=95),
    _s("pe", "I26.99", "Other pulmonary embolism without acute cor pulmonale", "blood clot in the lung", "coágulo en el pulmón", "CT angiogram chest",
       lambda r: f"filling defects in the {r.choice(['right lower lobe', 'left lower lobe', 'right middle lobe'])} segmental arteries; RV/LV ratio {r.uniform(0.7, 0.95):.2f}",
       "apixaban 5 mg tablet", "apixaban 10 mg twice daily for 7 days then 5 mg twice daily for at least 3 months", "tomar apixabán dos veces al día por lo menos 3 meses",
       "Pulmonology", ("hospital", "imaging", "urgent"), amin=25, amax=85, inpt=True, img=True),
    _s("zoster", "B02.9", "Zoster without complications", "shingles", "culebrilla (herpes zóster)", "Exam", lambda r: f"grouped vesicles on an erythematous base in a left T{r.randint(4, 10)} dermatome",
       "valacyclovir 1 g tablet", "valacyclovir 1 g three times daily for 7 days; Shingrix once healed", "tomar valaciclovir tres veces al día por 7 días",
       "Dermatology", ("urgent", "clinic", "derm", "fqhc"), amin=45, amax=92),
    _s("ra", "M06.9", "Rheumatoid arthritis, unspecified", "rheumatoid arthritis", "artritis reumatoide", "CCP antibody", lambda r: f"anti-CCP {r.randint(90, 250)} U/mL (ref <20), CRP {r.randint(14, 38)} mg/L",
       "methotrexate 2.5 mg tablet", "methotrexate 15 mg weekly with folic acid 1 mg daily; CBC and liver panel every 8 weeks", "metotrexato una vez por semana con ácido fólico y análisis cada 8 semanas",
       "Rheumatology", ("derm", "clinic", "lab"), amin=28, amax=80),
    _s("psoriasis", "L40.0", "Psoriasis vulgaris", "psoriasis", "psoriasis", "Exam", lambda r: f"plaques over elbows, knees and scalp, BSA {r.randint(12, 28)}%, PASI {r.uniform(12, 24):.1f}",
       "adalimumab 40 mg/0.4 mL pen", "adalimumab 80 mg once then 40 mg every other week; TB test negative", "adalimumab cada dos semanas",
       "Dermatology", ("derm", "spharm"), amin=20, amax=70),
    _s("amd", "H35.3211", "Exudative age-related macular degeneration, right eye, with active choroidal neovascularization", "wet macular degeneration in the right eye",
       "degeneración macular húmeda del ojo derecho", "OCT macula", lambda r: f"subretinal fluid OD, central thickness {r.randint(340, 480)} µm; VA 20/{r.choice([60, 80, 100, 200])} OD",
       "aflibercept 2 mg intravitreal injection", "aflibercept injections OD every 4 weeks x3, then treat-and-extend", "inyecciones en el ojo derecho cada 4 semanas",
       "Ophthalmology (Retina)", ("eye",), amin=62, amax=95),
    _s("glaucoma", "H40.1131", "Primary open-angle glaucoma, bilateral, mild stage", "glaucoma", "glaucoma", "Tonometry", lambda r: f"IOP {r.randint(24, 30)} OD / {r.randint(22, 29)} OS mmHg, C/D 0.{r.randint(6, 8)}",
       "latanoprost 0.005% eye drops", "latanoprost one drop both eyes at bedtime; visual field in 3 months", "una gota de latanoprost en cada ojo por la noche",
       "Ophthalmology", ("eye", "clinic"), amin=45, amax=90),
    _s("preeclampsia", "O14.03", "Mild to moderate pre-eclampsia, third trimester", "high blood pressure of pregnancy", "preeclampsia", "BP / UPCR", lambda r: f"BP {r.randint(146, 158)}/{r.randint(94, 104)}, urine protein/creatinine {r.uniform(0.32, 0.6):.2f}",
       "labetalol 200 mg tablet", "twice-weekly NSTs and induction of labor at 37 weeks", "monitoreo dos veces por semana y parto inducido a las 37 semanas",
       "Maternal-Fetal Medicine", ("women", "hospital"), sex="F", amin=18, amax=41),
    _s("hemochrom", "E83.110", "Hereditary hemochromatosis", "iron overload", "exceso de hierro", "Iron studies", lambda r: f"ferritin {r.randint(980, 1640):,} ng/mL, transferrin saturation {r.randint(68, 88)}%, HFE C282Y homozygous",
       "therapeutic phlebotomy", "phlebotomy of 500 mL weekly until ferritin is below 100", "sacar sangre cada semana hasta que baje el hierro",
       "Hematology", ("clinic", "onc", "lab"), amin=30, amax=75),
    _s("ktx", "Z94.0", "Kidney transplant status", "kidney transplant follow-up", "control del trasplante de riñón", "Tacrolimus trough", lambda r: f"tacrolimus trough {r.choice([r.uniform(2.8, 4.4), r.uniform(11.5, 15.8)]):.1f} ng/mL (goal 6-9), creatinine {r.uniform(1.1, 2.1):.2f}",
       "tacrolimus 1 mg capsule", "adjust tacrolimus dose and recheck the trough in 5 days", "cambiar la dosis de tacrolimus y repetir el nivel en 5 días",
       "Transplant Nephrology", ("renal", "lab", "spharm"), amin=20, amax=75),
    _s("ptsd", "F43.10", "Post-traumatic stress disorder, unspecified", "PTSD", "trastorno de estrés postraumático", "PCL-5", lambda r: f"PCL-5 {r.randint(44, 66)}, nightmares {r.randint(3, 6)} nights a week",
       "prazosin 1 mg capsule", "weekly cognitive processing therapy; prazosin titration for nightmares", "terapia semanal y prazosina para las pesadillas",
       "Behavioral Health", ("bh",), amin=19, amax=70),
    _s("aud", "F10.20", "Alcohol dependence, uncomplicated", "alcohol use disorder", "trastorno por consumo de alcohol", "AUDIT / GGT", lambda r: f"AUDIT {r.randint(19, 31)}, GGT {r.randint(96, 210)} U/L",
       "naltrexone 50 mg tablet", "naltrexone daily, IOP three evenings a week, recovery coach", "naltrexona diaria y terapia de grupo tres noches por semana",
       "Addiction Medicine", ("sud", "bh"), amin=21, amax=70),
    _s("clozapine", "F20.9", "Schizophrenia, unspecified", "schizophrenia (clozapine monitoring)", "esquizofrenia", "ANC", lambda r: f"ANC {r.choice([1.05, 1.2, 1.35, 1.42]):.2f} x10^3/uL (prior {r.uniform(2.1, 3.4):.1f})",
       "clozapine 100 mg tablet", "continue clozapine with ANC checks three times weekly until ANC is back above 1,500", "seguir con clozapina y análisis tres veces por semana",
       "Psychiatry", ("bh", "pharmacy"), amin=19, amax=65),
    _s("abscess", "K04.7", "Periapical abscess without sinus", "tooth infection", "absceso dental", "Exam / PA film", lambda r: f"swelling buccal to tooth #{r.choice([3, 14, 19, 30, 18, 31])}, periapical radiolucency {r.randint(3, 7)} mm",
       "amoxicillin 500 mg capsule", "amoxicillin 500 mg three times daily for 7 days, then extraction (D7140) or root canal (D3330)", "tomar amoxicilina 7 días y luego sacar la muela o hacer endodoncia",
       "General Dentistry", ("dental",), amin=8, amax=85),
    _s("peds_pna", "J18.9", "Pneumonia, unspecified organism", "pneumonia", "neumonía", "Chest X-ray", lambda r: f"right lower lobe consolidation; SpO2 {r.randint(92, 95)}% on room air, temp {r.uniform(38.4, 39.6):.1f} C",
       "amoxicillin 400 mg/5 mL suspension", "high-dose amoxicillin for 5 days and recheck in 48 hours", "amoxicilina por 5 días y volver en 48 horas",
       "Pediatrics", ("peds", "urgent"), amin=1, amax=12),
    _s("hip_oa", "M16.11", "Unilateral primary osteoarthritis, right hip", "arthritis of the right hip", "artrosis de la cadera derecha", "X-ray pelvis", lambda r: "bone-on-bone joint space loss of the right hip with subchondral cysts",
       "meloxicam 15 mg tablet", "right total hip arthroplasty (27130); pre-op clearance and PT prehab", "cirugía de reemplazo de cadera derecha",
       "Orthopedic Surgery", ("ortho",), amin=50, amax=86, img=True),
    _s("rcuff", "M75.121", "Complete rotator cuff tear or rupture of right shoulder, not specified as traumatic", "rotator cuff tear of the right shoulder", "desgarro del manguito rotador del hombro derecho",
       "MRI shoulder", lambda r: f"full-thickness supraspinatus tear, {r.uniform(1.2, 2.6):.1f} cm, retracted to the humeral head", "meloxicam 15 mg tablet",
       "arthroscopic rotator cuff repair (29827) then 12 weeks of PT", "cirugía artroscópica y 12 semanas de terapia", "Orthopedic Surgery", ("ortho", "imaging"), amin=40, amax=78, img=True),
    _s("syphilis", "A53.9", "Syphilis, unspecified", "syphilis", "sífilis", "RPR / TP-PA", lambda r: f"RPR reactive 1:{r.choice([16, 32, 64, 128])}, TP-PA reactive",
       "penicillin G benzathine 2.4 million units IM", "benzathine penicillin weekly x3, partner notification with the health department", "tres inyecciones de penicilina, una por semana",
       "Infectious Disease", ("fqhc", "clinic", "lab"), amin=18, amax=60),
    _s("ltbi", "Z22.7", "Latent tuberculosis", "latent TB infection", "tuberculosis latente", "QuantiFERON-TB Gold Plus", lambda r: f"QuantiFERON positive (TB1-Nil {r.uniform(0.9, 4.2):.2f} IU/mL); chest x-ray clear",
       "rifampin 300 mg capsule", "rifampin 600 mg daily for 4 months with liver tests monthly", "rifampicina diaria por 4 meses",
       "Infectious Disease", ("fqhc", "clinic", "lab"), amin=16, amax=70),
    _s("hpth", "E21.0", "Primary hyperparathyroidism", "high calcium from the parathyroid", "calcio alto por la paratiroides", "Calcium / PTH", lambda r: f"calcium {r.uniform(10.8, 11.9):.1f} mg/dL, intact PTH {r.randint(88, 160)} pg/mL",
       "none (observation)", "sestamibi scan and referral to endocrine surgery", "gammagrafía y cita con el cirujano", "Endocrinology", ("clinic", "lab", "imaging"), amin=40, amax=85),
    _s("pancreatitis", "K85.90", "Acute pancreatitis without necrosis or infection, unspecified", "pancreatitis", "pancreatitis", "Lipase", lambda r: f"lipase {r.randint(980, 2400):,} U/L; CT with peripancreatic stranding",
       "IV lactated Ringer's", "IV fluids, advance diet as tolerated, RUQ ultrasound for gallstones", "sueros por la vena y ultrasonido de la vesícula", "Gastroenterology", ("hospital",), amin=25, amax=80, inpt=True),
    _s("divert", "K57.32", "Diverticulitis of large intestine without perforation or abscess without bleeding", "diverticulitis", "diverticulitis", "CT abdomen/pelvis",
       lambda r: f"sigmoid diverticulitis, {r.randint(3, 9)} cm segment, no abscess or free air", "amoxicillin-clavulanate 875-125 mg tablet", "10 days of amoxicillin-clavulanate, clear liquids, colonoscopy in 8 weeks",
       "amoxicilina con clavulanato por 10 días y colonoscopia en 8 semanas", "General Surgery", ("urgent", "clinic", "hospital", "imaging"), amin=40, amax=85, img=True),
    _s("migraine", "G43.909", "Migraine, unspecified, not intractable, without status migrainosus", "migraines", "migrañas", "Headache diary", lambda r: f"{r.randint(9, 16)} headache days a month despite topiramate and propranolol",
       "erenumab-aooe 70 mg/mL autoinjector", "monthly erenumab; keep the headache diary", "inyección mensual y seguir con el diario de dolores de cabeza", "Neurology", ("clinic", "spharm"), amin=18, amax=60),
    _s("eczema", "L20.9", "Atopic dermatitis, unspecified", "eczema", "dermatitis atópica (eczema)", "EASI", lambda r: f"EASI {r.randint(18, 34)}, failed tacrolimus ointment and triamcinolone",
       "dupilumab 300 mg/2 mL pen", "dupilumab every 2 weeks after the loading dose", "dupilumab cada 2 semanas", "Dermatology", ("derm", "peds", "spharm"), amin=6, amax=40),
    _s("sacral", "L89.154", "Pressure ulcer of sacral region, stage 4", "pressure wound on the tailbone", "úlcera por presión en el sacro", "Wound measurement",
       lambda r: f"{r.uniform(3.1, 5.4):.1f} x {r.uniform(2.2, 4.0):.1f} x {r.uniform(0.9, 2.1):.1f} cm, tunneling at 12 o'clock, moderate serosanguineous drainage",
       "negative-pressure wound therapy", "NPWT at -125 mmHg with dressing changes Mon/Wed/Fri; turn every 2 hours", "terapia de presión negativa y cambiar de posición cada 2 horas",
       "Wound Care", ("homehealth", "hospital"), amin=60, amax=96),
    _s("thyroidca", "C73", "Malignant neoplasm of thyroid gland", "thyroid cancer", "cáncer de tiroides", "FNA / pathology", lambda r: f"papillary thyroid carcinoma, {r.uniform(1.2, 3.4):.1f} cm, BRAF V600E detected",
       "levothyroxine 100 mcg tablet", "total thyroidectomy followed by radioactive iodine", "cirugía de tiroides y luego yodo radiactivo", "Surgical Oncology", ("onc", "clinic", "lab"), amin=22, amax=78),
    _s("sickle", "D57.00", "Hb-SS disease with crisis, unspecified", "sickle cell pain crisis", "crisis de dolor por anemia falciforme", "Hemoglobin", lambda r: f"hemoglobin {r.uniform(6.2, 7.6):.1f} g/dL, reticulocytes {r.randint(9, 18)}%",
       "hydroxyurea 500 mg capsule", "IV fluids, PCA morphine, incentive spirometry; continue hydroxyurea at discharge", "sueros, medicina para el dolor y seguir con hidroxiurea",
       "Hematology", ("hospital", "peds"), amin=4, amax=35, inpt=True),
    _s("ppd", "F53.0", "Postpartum depression", "postpartum depression", "depresión posparto", "EPDS", lambda r: f"Edinburgh score {r.randint(14, 22)}, item 10 = {r.choice([0, 0, 1])}",
       "sertraline 50 mg tablet", "sertraline 50 mg daily and weekly therapy; safety plan reviewed", "sertralina diaria y terapia cada semana", "Perinatal Psychiatry", ("women", "bh"), sex="F", amin=18, amax=42),
    _s("concussion", "S06.0X0A", "Concussion without loss of consciousness, initial encounter", "concussion", "conmoción cerebral", "Exam / SCAT", lambda r: f"headache and light sensitivity after a fall at {r.choice(['soccer', 'basketball', 'cheer practice', 'wrestling'])}; symptom score {r.randint(18, 40)}",
       "acetaminophen 500 mg tablet", "two days of cognitive rest, then a graduated return to learn and play", "dos días de descanso y regreso poco a poco a la escuela y al deporte",
       "Sports Medicine", ("peds", "urgent", "ortho"), amin=8, amax=19),
    _s("ankle", "S82.61XA", "Displaced fracture of lateral malleolus of right fibula, initial encounter for closed fracture", "broken right ankle", "fractura del tobillo derecho", "X-ray ankle",
       lambda r: f"displaced distal fibula fracture with {r.randint(3, 5)} mm medial clear space widening", "oxycodone-acetaminophen 5-325 mg tablet", "ORIF of the right ankle (27792), non-weight-bearing 6 weeks",
       "cirugía del tobillo y no apoyar el pie por 6 semanas", "Orthopedic Surgery", ("ortho", "urgent", "imaging"), amin=18, amax=80, img=True),
    _s("hepb", "B18.1", "Chronic viral hepatitis B without delta-agent", "chronic hepatitis B", "hepatitis B crónica", "HBV DNA", lambda r: f"HBV DNA {r.randint(12, 96) * 1000:,} IU/mL, ALT {r.randint(58, 140)} U/L, HBeAg negative",
       "entecavir 0.5 mg tablet", "entecavir daily; liver ultrasound every 6 months", "entecavir diario y ultrasonido del hígado cada 6 meses", "Hepatology", ("clinic", "fqhc", "lab"), amin=22, amax=75),
    _s("mg", "G70.00", "Myasthenia gravis without (acute) exacerbation", "myasthenia gravis", "miastenia gravis", "AChR antibody", lambda r: f"acetylcholine receptor binding antibody {r.uniform(2.1, 9.8):.1f} nmol/L (ref <=0.02)",
       "pyridostigmine 60 mg tablet", "pyridostigmine three times daily and a chest CT for thymoma", "piridostigmina tres veces al día y tomografía del pecho", "Neurology", ("clinic", "lab"), amin=20, amax=82),
    _s("hearing", "H90.3", "Sensorineural hearing loss, bilateral", "hearing loss in both ears", "pérdida de audición en ambos oídos", "Audiogram", lambda r: f"moderate-to-severe sloping loss, PTA {r.randint(48, 66)} dB R / {r.randint(46, 64)} dB L",
       "bilateral hearing aids", "fit bilateral hearing aids and recheck in 1 year", "audífonos para los dos oídos", "Audiology", ("clinic",), amin=55, amax=92),
    _s("bladder", "C67.9", "Malignant neoplasm of bladder, unspecified", "bladder cancer", "cáncer de vejiga", "TURBT pathology", lambda r: f"high-grade papillary urothelial carcinoma, {r.choice(['pTa', 'pT1'])}, muscularis propria present and uninvolved",
       "BCG intravesical", "induction BCG weekly x6 starting in 2 weeks, cystoscopy in 3 months", "tratamiento con BCG en la vejiga cada semana por 6 semanas", "Urology", ("onc", "clinic"), amin=50, amax=88),
]
SCEN_BY = {s["k"]: s for s in SCEN}
OTHER_DX = [("I10", "Essential (primary) hypertension"), ("E78.5", "Hyperlipidemia, unspecified"), ("E11.9", "Type 2 diabetes mellitus without complications"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
            ("E03.9", "Hypothyroidism, unspecified"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"), ("M54.50", "Low back pain, unspecified"), ("F41.1", "Generalized anxiety disorder"),
            ("N18.30", "Chronic kidney disease, stage 3 unspecified"), ("E66.9", "Obesity, unspecified"), ("J44.9", "Chronic obstructive pulmonary disease, unspecified"), ("I48.91", "Unspecified atrial fibrillation")]
OTHER_RX = {"I10": "amlodipine 5 mg tablet", "E78.5": "rosuvastatin 10 mg tablet", "E11.9": "metformin 1,000 mg tablet", "K21.9": "pantoprazole 40 mg tablet", "E03.9": "levothyroxine 88 mcg tablet",
            "G47.33": "CPAP nightly", "M54.50": "cyclobenzaprine 5 mg tablet", "F41.1": "escitalopram 10 mg tablet", "N18.30": "dapagliflozin 10 mg tablet", "E66.9": "tirzepatide 5 mg/0.5 mL pen",
            "J44.9": "tiotropium 2.5 mcg inhaler", "I48.91": "apixaban 5 mg tablet"}
PEDS_DX = [("J45.909", "Unspecified asthma, uncomplicated"), ("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type"), ("L20.9", "Atopic dermatitis, unspecified"), ("E66.9", "Obesity, unspecified")]
PEDS_RX = {"J45.909": "albuterol HFA 90 mcg inhaler", "F90.0": "methylphenidate ER 18 mg tablet", "L20.9": "hydrocortisone 2.5% ointment", "E66.9": "nutrition counseling"}
ALLERGIES = ["NKDA", "NKDA", "NKDA", "penicillin (hives)", "sulfa (rash)", "codeine (nausea)", "latex", "shellfish", "lisinopril (angioedema)", "morphine (itching)", "ciprofloxacin (tendon pain)"]
PAYERS = ["Granite Peak Health Plan PPO", "Prairie Rose Community Health Plan (Medicaid)", "Medicare Part B", "Humana Gold Plus HMO", "Aetna Choice POS II", "BlueCross BlueShield PPO",
          "UnitedHealthcare Community Plan", "Anthem Blue Cross HMO", "Ambetter Silver", "TRICARE East", "Cigna Open Access Plus", "Self-pay"]
CARC = [("CO-16", "Claim lacks information needed for adjudication"), ("CO-197", "Precertification/authorization/notification absent"), ("CO-50", "Non-covered: not deemed a medical necessity"),
        ("CO-97", "Benefit included in the payment for another service"), ("PR-1", "Deductible amount"), ("PR-2", "Coinsurance amount"), ("CO-29", "Time limit for filing has expired"),
        ("CO-4", "Procedure code inconsistent with the modifier used"), ("CO-11", "Diagnosis inconsistent with the procedure"), ("OA-18", "Exact duplicate claim/service"), ("CO-109", "Not covered by this payer/contractor")]
CPT_FOR = {"gout": [("99214", 212), ("84550", 31), ("36415", 12)], "celiac": [("99204", 268), ("86364", 64)], "b12": [("99213", 148), ("82607", 46), ("96372", 38), ("J3420", 9)],
           "hyperk": [("99223", 412), ("80048", 34)], "hypona": [("99214", 212), ("84295", 22)], "pe": [("71275", 1180), ("99223", 412)], "zoster": [("99203", 188)],
           "ra": [("99215", 301), ("86200", 58), ("85025", 29)], "psoriasis": [("99214", 212), ("J0135", 2950)], "amd": [("67028", 198), ("J0178", 1850), ("92134", 86)],
           "glaucoma": [("92083", 118), ("92133", 84), ("92014", 166)], "preeclampsia": [("59025", 96), ("99214", 212)], "hemochrom": [("99195", 142), ("82728", 36)],
           "ktx": [("80197", 88), ("99214", 212)], "ptsd": [("90837", 178), ("90791", 224)], "aud": [("H0015", 142), ("99214", 212)], "clozapine": [("85025", 29), ("99214", 212)],
           "abscess": [("D0140", 78), ("D0220", 34), ("D7140", 196)], "peds_pna": [("99214", 212), ("71046", 96)], "hip_oa": [("27130", 4280), ("99204", 268)], "rcuff": [("29827", 3650), ("73221", 980)],
           "syphilis": [("86592", 19), ("86780", 28), ("J0561", 265), ("96372", 38)], "ltbi": [("86480", 92), ("71046", 96)], "hpth": [("82310", 18), ("83970", 72), ("78070", 610)],
           "pancreatitis": [("99223", 412), ("74177", 1390), ("83690", 28)], "divert": [("74177", 1390), ("99284", 520)], "migraine": [("99214", 212)], "eczema": [("99214", 212)],
           "sacral": [("97606", 134), ("G0299", 164)], "thyroidca": [("60240", 3920), ("88305", 142)], "sickle": [("99223", 412), ("85025", 29)], "ppd": [("90834", 132), ("99214", 212)],
           "concussion": [("99213", 148)], "ankle": [("27792", 3120), ("73610", 88)], "hepb": [("87517", 118), ("99214", 212)], "mg": [("86041", 84), ("99204", 268)],
           "hearing": [("92557", 74), ("V5261", 1980)], "bladder": [("52235", 1640), ("88305", 142)]}

def scen_for(r, o, need=None, keys=None):
    pool = [s for s in SCEN if (keys is None or s["k"] in keys) and (o is None or o.kind in s["kinds"] or o.kind in ("payer", "medicaid", "billing") or (o.kind == "lab" and "lab" in s["kinds"])
            or (o.kind == "imaging" and s["img"]) or (o.kind in ("pharmacy", "spharm") and any(w in s["drug"] for w in ("tablet", "capsule", "pen", "injection", "drops", "suspension")))) and (need is None or need(s))]
    return r.choice(pool or [s for s in SCEN if (keys is None or s["k"] in keys) and (need is None or need(s))] or SCEN)

class Case:
    """one patient with one scenario, the treating clinician and the numbers that go with them"""
    def __init__(self, r, o=None, kinds=None, keys=None, need=None, amin=None, amax=None):
        self.o = o or org(r, kinds or CARE)
        CUR["state"] = self.o.state
        self.s = s = scen_for(r, self.o, need=need, keys=keys)
        lo_, hi_ = max(amin or 0, s["amin"]), min(amax or 200, s["amax"])
        self.p = Person(r, min(lo_, hi_), max(lo_, hi_), sex=s["sex"], state=self.o.state)
        self.cl = Clin(r, state=self.o.state, cred=("DMD" if self.o.kind == "dental" else "OD" if (self.o.kind == "eye" and r.random() < 0.3) else "PsyD" if (self.o.kind == "bh" and r.random() < 0.3) else None))
        self.res = s["res"](r); self.code, self.desc, self.lay = s["code"], s["desc"], s["lay"]
        self.dos = TODAY - dtm.timedelta(days=r.randint(3, 35)); self.mrn = mrn(r); self.mem = memid(r); self.acct = acct(r); self.payer = r.choice(PAYERS[:-1])
        if self.p.age >= 65 and r.random() < 0.6: self.payer = r.choice(["Medicare Part B", "Humana Gold Plus HMO", "Medicare Part A/B"]); self.mem = mbi(r)
        if self.p.age < 18 and r.random() < 0.6: self.payer = "Prairie Rose Community Health Plan (Medicaid)" if self.o.state == "KS" else r.choice(["State Medicaid (CHIP)", "Medicaid managed care", "UnitedHealthcare Community Plan"]); self.mem = medicaid(r)
        self.other = r.sample(PEDS_DX if self.p.age < 18 else OTHER_DX, r.randint(0, 2 if self.p.age < 18 else 3))
        self.meds = [s["drug"]] + [(PEDS_RX if self.p.age < 18 else OTHER_RX)[c] for c, _ in self.other]
        self.allergy = r.choice(ALLERGIES)
        self.guard = None
        if self.p.age < 18:
            fam = self.p.family
            for pair in POOLS[self.p.pool][2]:
                if "|" in pair and fam in pair.split("|"): fam = pair
            self.guard = Person(r, self.p.age + 19, self.p.age + 44, state=self.o.state, pool=self.p.pool, family=fam)
    def dx_line(self): return f"{self.desc} ({self.code})"
    def codes(self): return [(self.code, self.desc)] + list(self.other)

# ================================================================== document model
class Doc:
    def __init__(self, cat, title=None, o=None, kind="narr", lang="en", subject=None, to=None, hard=False, land=False):
        self.cat, self.title, self.o, self.kind, self.lang, self.subject, self.to, self.hard, self.land = cat, title, o, kind, lang, subject, to, hard, land
        self.blocks = []; self.runhead = None; self.dfmt = "mdy"; self.form = None; self.style = None
    def h(self, t): self.blocks.append(("h", t)); return self
    def p(self, t): self.blocks.append(("p", t)); return self
    def kv(self, pairs, cols=None): self.blocks.append(("kv", [(a, b) for a, b in pairs if b not in (None, "")], cols)); return self
    def tbl(self, hdr, rows, group=None): self.blocks.append(("tbl", hdr, rows, group)); return self
    def pre(self, t): self.blocks.append(("pre", t)); return self
    def addr(self, lines): self.blocks.append(("addr", lines)); return self
    def sig(self, lines): self.blocks.append(("sig", lines)); return self
    def small(self, t): self.blocks.append(("small", t)); return self
    def bul(self, items): self.blocks.append(("bul", items)); return self
    def chk(self, items): self.blocks.append(("chk", items)); return self
    def table(self):
        for b in self.blocks:
            if b[0] == "tbl": return b
        return None
    def cut(self, n):
        d = copy.copy(d0 := self); out = []
        for b in d0.blocks:
            if b[0] == "tbl": out.append(("tbl", b[1], b[2][:n], b[3]))
            elif b[0] == "pre": out.append(("pre", "\n".join(b[1].split("\n")[:n * 4])))
            else: out.append(b)
        if len(out) > n * 3:
            keep = out[:n * 3] + [b for b in out[n * 3:] if b[0] == "sig"]
            out = keep
        d.blocks = out; return d

def cellfmt(v, dfmt="mdy"):
    if isinstance(v, dtm.datetime): return fd(v.date(), dfmt) + f" {v:%H:%M}"
    if isinstance(v, D): return fd(v, dfmt)
    if isinstance(v, Money): return money(v)
    if v is None: return ""
    return str(v)
def wrap(t, w):
    if not w: return t
    return "\n".join(textwrap.fill(ln, w, break_long_words=False, break_on_hyphens=False) if len(ln) > w else ln for ln in t.split("\n"))
CHK_T = ("[X]", "[ ]")

def kv_text(r, pairs, st):
    if not pairs: return ""
    w = max(len(a) for a, _ in pairs)
    if st == 0: return "\n".join(f"{a}: {b}" for a, b in pairs)
    if st == 1: return "\n".join(f"{a} {'.' * (w + 3 - len(a))} {b}" for a, b in pairs)
    if st == 2: return "\n".join(f"{a.upper():<{w + 2}}{b}" for a, b in pairs)
    if st == 3: return "\n".join(f"{a}\n    {b}" for a, b in pairs)
    if st == 4: return "\n".join(f"{a:<{w}} | {b}" for a, b in pairs)
    if st == 5:
        cells = [f"{a}: {b}" for a, b in pairs]; cw = max(len(c) for c in cells[0::2]) + 4
        return "\n".join((cells[i].ljust(cw) + (cells[i + 1] if i + 1 < len(cells) else "")).rstrip() for i in range(0, len(cells), 2))
    if st == 6: return "\n".join(f"[{a}] {b}" for a, b in pairs)
    if st == 7: return "\n".join(f"{a} = {b}" for a, b in pairs)
    if st == 8:     # narrow label column; long captions wrap onto a second line
        out = []
        for a, b in pairs:
            lab = textwrap.wrap(a + ":", 15) or [""]
            out.append(f"{lab[0]:<16}{b}")
            out += [f"{x:<16}" .rstrip() for x in lab[1:]]
        return "\n".join(out)
    return "\n".join(f"- {a}: {b}" for a, b in pairs)

def tbl_text(r, hdr, rows, group, dfmt, st):
    rows = [[cellfmt(c, dfmt) for c in row] for row in rows]
    ws = [max([len(h)] + [len(x[i]) for x in rows]) for i, h in enumerate(hdr)]
    if st == 0:
        out = ["| " + " | ".join(h for h in hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in rows]
    elif st == 1:
        line = "  ".join(h.ljust(ws[i]) for i, h in enumerate(hdr)).rstrip()
        out = [line, "  ".join("-" * ws[i] for i in range(len(hdr)))] + ["  ".join(x[i].ljust(ws[i]) for i in range(len(hdr))).rstrip() for x in rows]
        if group:
            g = []; i = 0
            for t, span in group:
                wd = sum(ws[i:i + span]) + 2 * (span - 1); g.append(t.center(wd, "~") if t else " " * wd); i += span
            out = ["  ".join(g).rstrip()] + out
    elif st == 2: out = ["\t".join(hdr)] + ["\t".join(x) for x in rows]
    elif st == 3: out = [f"{i}) " + " / ".join(x) for i, x in enumerate(rows, 1)]; out = ["(" + " / ".join(hdr) + ")"] + out
    elif st == 4: out = sum([[f"{hdr[i]}: {x[i]}" for i in range(len(hdr)) if x[i]] + [""] for x in rows], [])[:-1]
    elif st == 5:
        top = "┌" + "┬".join("─" * (w + 2) for w in ws) + "┐"; mid = "├" + "┼".join("─" * (w + 2) for w in ws) + "┤"; bot = "└" + "┴".join("─" * (w + 2) for w in ws) + "┘"
        fmt = lambda cells: "│" + "│".join(f" {c.ljust(ws[i])} " for i, c in enumerate(cells)) + "│"
        out = [top, fmt(hdr), mid] + [fmt(x) for x in rows] + [bot]
    elif st == 6:
        q = lambda c: f'"{c}"' if ("," in c or '"' in c) else c
        out = [",".join(q(h) for h in hdr)] + [",".join(q(c) for c in x) for x in rows]
    else:
        out = ["   ".join(h.ljust(ws[i]) for i, h in enumerate(hdr)).rstrip(), "   ".join("=" * ws[i] for i in range(len(hdr)))] + ["   ".join(x[i].ljust(ws[i]) for i in range(len(hdr))).rstrip() for x in rows]
    return "\n".join(out)

def render_text(r, doc, title=True, wrapw=None):
    kst = r.randrange(10); tst = r.randrange(8); wrapw = wrapw if wrapw is not None else r.choice([0, 0, 72, 76, 78])
    out = []
    if doc.runhead and r.random() < 0.6: out.append(doc.runhead)
    if title and doc.title: out.append(r.choice([doc.title.upper(), doc.title, f"*** {doc.title} ***", f"{doc.title}\n{'=' * len(doc.title)}"]))
    for b in doc.blocks:
        k = b[0]
        if k == "h": out.append(r.choice([b[1].upper(), b[1] + ":", f"-- {b[1]} --", b[1]]))
        elif k == "p": out.append(wrap(b[1], wrapw))
        elif k == "kv": out.append(kv_text(r, b[1], kst if len(b[1]) > 1 else 0))
        elif k == "tbl": out.append(tbl_text(r, b[1], b[2], b[3], doc.dfmt, tst))
        elif k == "pre": out.append(b[1])
        elif k in ("addr", "sig"): out.append("\n".join(b[1]))
        elif k == "small": out.append(wrap(b[1], wrapw or 78))
        elif k == "bul": out.append("\n".join(r.choice(["- ", "* ", "  - "]) + wrap(x, wrapw).replace("\n", "\n  ") for x in b[1]))
        elif k == "chk": out.append("\n".join(f"{CHK_T[0] if c else CHK_T[1]} {t}" for c, t in b[1]))
    return "\n\n".join(x for x in out if x) + "\n"

def kv_html(r, pairs, st, col):
    if st == 0: return '<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt">' + "".join(f'<tr><th align="left" style="background:#EEF2F5;border:1px solid #C9D1D8;width:34%">{hx(a)}</th><td style="border:1px solid #C9D1D8">{hx(b)}</td></tr>' for a, b in pairs) + "</table>"
    if st == 1: return "".join(f'<p class="MsoNormal"><b>{hx(a)}:</b>&nbsp;{hx(b)}</p>' for a, b in pairs)
    if st == 2: return "<dl>" + "".join(f"<dt><strong>{hx(a)}</strong></dt><dd>{hx(b)}</dd>" for a, b in pairs) + "</dl>"
    if st == 3:
        cells = [f'<td style="padding:4px 10px 6px 0;vertical-align:top"><div style="font-size:7.5pt;color:#666;text-transform:uppercase">{hx(a)}</div><div style="font-size:10.5pt">{hx(b)}</div></td>' for a, b in pairs]
        return "<table>" + "".join("<tr>" + "".join(cells[i:i + 3]) + "</tr>" for i in range(0, len(cells), 3)) + "</table>"
    return "<p>" + "<br>\n".join(f"<b>{hx(a)}</b> {hx(b)}" for a, b in pairs) + "</p>"
def tbl_html(hdr, rows, group, dfmt, col, zebra=True):
    h = '<table border="1" cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:9.5pt;border-color:#999">'
    if group: h += "<tr>" + "".join(f'<th colspan="{sp}" style="background:{col};color:#fff">{hx(t)}</th>' for t, sp in group) + "</tr>"
    h += "<tr>" + "".join(f'<th style="background:#E3E8EE">{hx(x)}</th>' for x in hdr) + "</tr>"
    for i, row in enumerate(rows):
        h += f'<tr{" style=background:#F6F8FA" if zebra and i % 2 else ""}>' + "".join(f"<td>{hx(cellfmt(c, dfmt))}</td>" for c in row) + "</tr>"
    return h + "</table>"
def render_html(r, doc, head_html="", tail_html="", for_print=False):
    col = doc.o.color if doc.o else "#34495E"; kst = r.randrange(5); look = r.randrange(3)
    body = []
    if doc.runhead and (for_print or r.random() < 0.5): body.append(f'<p style="text-align:right;font-size:8.5pt;color:#444"><b>{hx(doc.runhead)}</b></p>')
    if doc.title: body.append(f'<h2 style="font-family:Arial;color:{col};font-size:14pt;margin:6px 0">{hx(doc.title)}</h2>')
    for b in doc.blocks:
        k = b[0]
        if k == "h": body.append(f'<h3 style="font-size:11pt;margin:10px 0 4px;border-bottom:1px solid #ccc">{hx(b[1])}</h3>')
        elif k == "p": body.append(f'<p class="MsoNormal">{hx(b[1]).replace(chr(10), "<br>")}</p>')
        elif k == "kv": body.append(kv_html(r, b[1], kst, col))
        elif k == "tbl": body.append(tbl_html(b[1], b[2], b[3], doc.dfmt, col))
        elif k == "pre": body.append(f'<pre style="font-size:8.5pt">{hx(b[1])}</pre>')
        elif k in ("addr", "sig"): body.append("<p>" + "<br>".join(hx(x) for x in b[1]) + "</p>")
        elif k == "small": body.append(f'<p style="font-size:8pt;color:#555">{hx(b[1])}</p>')
        elif k == "bul": body.append("<ul>" + "".join(f"<li>{hx(x)}</li>" for x in b[1]) + "</ul>")
        elif k == "chk": body.append("<p>" + "<br>".join(("&#9746; " if c else "&#9744; ") + hx(t) for c, t in b[1]) + "</p>")
    inner = "\n".join(body)
    if for_print:
        o = doc.o
        top = f'<table width="100%" style="border-bottom:2px solid {col}"><tr><td style="font-family:Arial;font-size:15pt;color:{col}"><b>{hx(o.name if o else "")}</b></td><td align="right" style="font-size:8pt">{hx(o.addr() if o else "")}<br>Tel {hx(o.phone if o else "")} &middot; Fax {hx(o.fax if o else "")}</td></tr></table>' if o else ""
        return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{hx(doc.title or doc.cat)}</title><style>body{{font-family:"Liberation Sans",Arial,sans-serif;font-size:10pt}} @page{{size:{"11in 8.5in" if doc.land else "8.5in 11in"};margin:0.6in}}</style></head><body>{top}{inner}</body></html>'
    if look == 0:
        return f'<html><head><meta charset="utf-8"></head><body><div class="WordSection1" style="font-family:Calibri,sans-serif;font-size:11pt">{head_html}{inner}{tail_html}</div></body></html>'
    if look == 1:
        return (f'<html><head><meta charset="utf-8"></head><body style="margin:0;background:#F2F4F6"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">'
                f'<table width="620" cellpadding="18" cellspacing="0" style="background:#fff;font-family:Arial,sans-serif;font-size:10.5pt"><tr><td style="background:{col};color:#fff;font-size:13pt"><b>{hx(doc.o.short if doc.o else "")}</b></td></tr>'
                f'<tr><td>{head_html}{inner}{tail_html}</td></tr></table></td></tr></table></body></html>')
    return f'<html><head><meta charset="utf-8"></head><body><div dir="ltr" style="font-family:Verdana,sans-serif;font-size:10pt">{head_html}{inner}{tail_html}</div></body></html>'

# ================================================================== images and PDF helpers
_LOGO = {}
def logo_png(o, style=0, w=240, h=64):
    key = (o.short, style, w, h)
    if key in _LOGO: return _LOGO[key]
    from PIL import Image, ImageDraw, ImageFont
    im = Image.new("RGB", (w, h), "white"); dr = ImageDraw.Draw(im)
    col = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    fb = ImageFont.truetype(DJB, 17 if len(o.short) < 18 else 13); fs = ImageFont.truetype(DJ, 9)
    if style == 0:
        dr.ellipse((6, 8, 54, 56), fill=col); dr.ellipse((18, 20, 42, 44), fill="white"); dr.rectangle((27, 12, 33, 52), fill=col)
        dr.text((64, 14), o.short, fill=col, font=fb); dr.text((64, 40), o.city + ", " + o.state, fill=(90, 90, 90), font=fs)
    elif style == 1:
        dr.rectangle((0, 0, w, h), fill=col); dr.text((12, 12), o.short.upper(), fill="white", font=fb); dr.line((12, 42, w - 12, 42), fill="white", width=1)
        dr.text((12, 46), o.name[:44], fill="white", font=fs)
    else:
        for i in range(4): dr.rectangle((6 + i * 11, 50 - i * 11, 14 + i * 11, 56), fill=col)
        dr.text((58, 10), o.short, fill=(40, 40, 40), font=fb); dr.rectangle((58, 36, w - 10, 38), fill=col); dr.text((58, 42), "since " + str(1950 + len(o.name) % 60), fill=col, font=fs)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[key] = b.getvalue(); return _LOGO[key]

def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 99
def norm_pdf(data, key):
    """LibreOffice and Ghostscript stamp the wall-clock time and random IDs into a PDF: replace them with values derived from
    the file name, byte for byte the same length so xref offsets stay valid (approach of batch 7, re-typed)"""
    h = hashlib.sha256(("b8/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261208143000", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-08T14:30:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + (h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]).lower().encode(), data)
    data = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", lambda m: m.group(0).replace(m.group(1), h[:len(m.group(1))].encode()).replace(m.group(2), h[:len(m.group(2))].encode()), data)
    t = data.rfind(b"trailer")
    if t > 0:
        lit = rb"\((?:\\.|[^\\)])*\)"
        data = data[:t] + re.sub(rb"/ID\s*\[\s*" + lit + rb"\s*" + lit + rb"\s*\]", ("/ID [<" + h[:32] + "><" + h[:32] + ">]").encode(), data[t:])
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", ("/DocChecksum /" + h[32:64]).encode(), data)
    return data
def col_weights(hdr, rows, dfmt="mdy"):
    ws = []
    for i, h in enumerate(hdr):
        L = [len(cellfmt(x[i], dfmt)) for x in rows] or [4]
        ws.append(max(min(max(L), 34), len(h) * 0.7, 4) + 2)
    t = sum(ws); return [w / t for w in ws]

# ---------------------------------------------------------------- reportlab
from reportlab import rl_config
rl_config.invariant = 1
_RLF = {"ok": False}
def rl_fonts():
    if _RLF["ok"]: return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for n, f in (("DV", DJ), ("DVB", DJB), ("DVS", DJS), ("DVSB", DJSB), ("DVM", DJM)): pdfmetrics.registerFont(TTFont(n, f))
    _RLF["ok"] = True
def rl_pdf(r, doc, ttf=None):
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table, TableStyle, Preformatted, KeepTogether
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.utils import ImageReader
    if ttf is None: ttf = r.random() < 0.4
    if ttf: rl_fonts()
    fam = r.choice(["sans", "sans", "serif"]); look = r.choice(["letterhead", "sidebar", "screen", "band"])
    if ttf: F, FB, FM = ("DV", "DVB", "DVM") if fam == "sans" else ("DVS", "DVSB", "DVM")
    else: F, FB, FM = ("Helvetica", "Helvetica-Bold", "Courier") if fam == "sans" else ("Times-Roman", "Times-Bold", "Courier")
    if look == "screen": F, FB = (FM, "DVM" if ttf else "Courier-Bold")
    T = (lambda s: str(s)) if ttf else l1
    X = lambda s: hx(T(s))
    o = doc.o; col = colors.HexColor(o.color if o else "#34495E")
    ps = letter if not doc.land else landscape(letter); W, H = ps
    left = 0.7 * 72 + (1.9 * 72 if look == "sidebar" else 0); top = 1.25 * 72 if look != "screen" else 0.9 * 72
    fw = W - left - 0.7 * 72
    base = ParagraphStyle("b", fontName=F, fontSize=9.5 if look != "screen" else 8.5, leading=12.5 if look != "screen" else 11)
    sty = {"p": base, "h": ParagraphStyle("h", parent=base, fontName=FB, fontSize=11, spaceBefore=6, spaceAfter=3, textColor=col if look != "screen" else colors.black),
           "t": ParagraphStyle("t", parent=base, fontName=FB, fontSize=14, leading=17, spaceAfter=6, textColor=col if look != "screen" else colors.black),
           "c": ParagraphStyle("c", parent=base, fontSize=8, leading=9.6), "ch": ParagraphStyle("ch", parent=base, fontName=FB, fontSize=8, leading=9.6),
           "s": ParagraphStyle("s", parent=base, fontSize=7.2, leading=9, textColor=colors.HexColor("#555555"))}
    png = logo_png(o, r.randrange(3)) if o and look in ("letterhead", "sidebar") and r.random() < 0.75 else None
    user = f"{asc(staffer(r).family).lower()[:6]}{dg(r, 2)}"; pstamp = f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 2)), 'mdy')} {clock(r, True)}"
    foot = r.choice([f"{o.short if o else ''} - {doc.title or ''}", f"Form {r.choice(['HIM', 'PFS', 'CLN', 'REG'])}-{r.randint(100, 999)} rev {r.randint(1, 12)}/{r.choice([2024, 2025, 2026])}", "CONFIDENTIAL", ""])
    def on_page(c, d):
        c.saveState()
        if look == "letterhead" and o:
            if png: c.drawImage(ImageReader(io.BytesIO(png)), 0.7 * 72, H - 1.05 * 72, width=150, height=40, mask="auto")
            else: c.setFont(FB, 14); c.setFillColor(col); c.drawString(0.7 * 72, H - 0.8 * 72, T(o.name))
            c.setFont(F, 7.5); c.setFillColor(colors.black)
            for i, ln in enumerate([o.street, f"{o.city}, {o.state} {o.zip}", f"Tel {o.phone}   Fax {o.fax}"]): c.drawRightString(W - 0.7 * 72, H - 0.62 * 72 - i * 9.5, T(ln))
            c.setStrokeColor(col); c.setLineWidth(1.2); c.line(0.7 * 72, H - 1.12 * 72, W - 0.7 * 72, H - 1.12 * 72)
        elif look == "sidebar" and o:
            c.setFillColor(col); c.rect(0, 0, 2.2 * 72, H, stroke=0, fill=1)
            if png: c.setFillColor(colors.white); c.rect(0.25 * 72, H - 1.1 * 72, 1.7 * 72, 0.55 * 72, stroke=0, fill=1); c.drawImage(ImageReader(io.BytesIO(png)), 0.3 * 72, H - 1.05 * 72, width=1.6 * 72, height=0.43 * 72, mask="auto")
            c.setFillColor(colors.white); c.setFont(FB, 8.5); y = H - 1.5 * 72
            for ln in textwrap.wrap(T(o.name), 26): c.drawString(0.3 * 72, y, ln); y -= 10.5
            c.setFont(F, 7.5); y -= 6
            for ln in [o.street, f"{o.city}, {o.state} {o.zip}", "", f"T {o.phone}", f"F {o.fax}", "", f"www.{o.dom}", "", f"NPI {o.npi}"]: c.drawString(0.3 * 72, y, T(ln)); y -= 10
        elif look == "screen":
            c.setFillColor(colors.HexColor("#2B3A4A")); c.rect(0, H - 0.55 * 72, W, 0.55 * 72, stroke=0, fill=1)
            c.setFillColor(colors.white); c.setFont(FB, 9); c.drawString(0.5 * 72, H - 0.35 * 72, T(f"{o.ehr if o else 'EHR'}  |  {doc.title or 'Chart'}"))
            c.drawRightString(W - 0.5 * 72, H - 0.35 * 72, T(f"{o.short if o else ''}  [PRD]"))
            c.setFillColor(colors.black); c.setFont(F, 7); c.drawString(0.5 * 72, 0.4 * 72, T(f"Printed {pstamp} by {user} - printed copies are uncontrolled"))
        else:
            c.setFillColor(col); c.rect(0, H - 0.9 * 72, W, 0.9 * 72, stroke=0, fill=1); c.setFillColor(colors.white); c.setFont(FB, 15)
            c.drawString(0.7 * 72, H - 0.55 * 72, T(o.name if o else "")); c.setFont(F, 7.5); c.drawRightString(W - 0.7 * 72, H - 0.55 * 72, T(f"{o.phone}  |  fax {o.fax}" if o else ""))
        c.setFillColor(colors.black); c.setFont(F, 7)
        if doc.runhead: c.drawRightString(W - 0.7 * 72, 0.55 * 72 + 9, T(doc.runhead))
        if look != "screen": c.drawString(left, 0.45 * 72, T(foot))
        c.drawRightString(W - 0.7 * 72, 0.45 * 72, f"Page {d.page}")
        c.restoreState()
    buf = io.BytesIO()
    dt = BaseDocTemplate(buf, pagesize=ps, leftMargin=left, rightMargin=0.7 * 72, topMargin=top, bottomMargin=0.85 * 72, title=T(doc.title or doc.cat), author=T(o.name if o else ""), creator=T(o.ehr if o else "reportlab"))
    dt.addPageTemplates([PageTemplate(id="p", frames=[Frame(left, 0.85 * 72, fw, H - top - 0.85 * 72, id="f", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], onPage=on_page)])
    st = []
    if doc.title: st.append(Paragraph(X(doc.title), sty["t"]))
    kvmode = r.choice([2, 2, 4, 1])
    for b in doc.blocks:
        k = b[0]
        if k == "h": st.append(Paragraph(X(b[1]), sty["h"]))
        elif k == "p": st.append(Paragraph(X(b[1]).replace("\n", "<br/>"), base)); st.append(Spacer(1, 4))
        elif k == "kv":
            pairs = b[1]; m = 2 if (kvmode == 4 and any(len(str(v)) > 28 for _, v in pairs)) else kvmode
            if m == 1: st.append(Paragraph("<br/>".join(f"<b>{X(a)}:</b> {X(v)}" for a, v in pairs), base)); st.append(Spacer(1, 5)); continue
            cells = [[Paragraph(X(a), sty["ch"]), Paragraph(X(v), sty["c"])] for a, v in pairs]
            if m == 4:
                rows = [cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""]) for i in range(0, len(cells), 2)]; cw = [fw * x for x in (0.17, 0.33, 0.17, 0.33)]
            else: rows = cells; cw = [fw * 0.32, fw * 0.68]
            t = Table(rows, colWidths=cw)
            ts = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B8C0")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            for ci in range(0, len(cw), 2): ts.append(("BACKGROUND", (ci, 0), (ci, -1), colors.HexColor("#EDF1F4")))
            t.setStyle(TableStyle(ts)); st += [t, Spacer(1, 7)]
        elif k == "tbl":
            hdr, rows, group = b[1], b[2], b[3]; wts = col_weights(hdr, rows, doc.dfmt)
            data = ([[Paragraph(X(g), sty["ch"]) for g, sp in group for _ in range(sp)]] if group else []) + [[Paragraph(X(h), sty["ch"]) for h in hdr]] + [[Paragraph(X(cellfmt(c, doc.dfmt)), sty["c"]) for c in row] for row in rows]
            t = Table(data, colWidths=[fw * w for w in wts], repeatRows=2 if group else 1)
            hr = 1 if group else 0
            ts = [("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#A0A8B0")), ("BACKGROUND", (0, hr), (-1, hr), colors.HexColor("#DDE3E9")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            if group:
                c0 = 0
                for g, sp in group:
                    ts.append(("SPAN", (c0, 0), (c0 + sp - 1, 0)))
                    if g: ts.append(("BACKGROUND", (c0, 0), (c0 + sp - 1, 0), colors.HexColor("#C5D0DA")))
                    c0 += sp
            for i in range(len(rows)):
                if i % 2: ts.append(("BACKGROUND", (0, hr + 1 + i), (-1, hr + 1 + i), colors.HexColor("#F5F7F9")))
            t.setStyle(TableStyle(ts)); st += [t, Spacer(1, 7)]
        elif k == "pre": st.append(Preformatted(T(b[1]), ParagraphStyle("pre", fontName=FM, fontSize=7, leading=8.6))); st.append(Spacer(1, 5))
        elif k in ("addr", "sig"): st.append(Paragraph("<br/>".join(X(x) for x in b[1]), base)); st.append(Spacer(1, 8))
        elif k == "small": st.append(Paragraph(X(b[1]), sty["s"]))
        elif k == "bul":
            for x in b[1]: st.append(Paragraph(X(x), ParagraphStyle("bl", parent=base, leftIndent=12, bulletIndent=2), bulletText="-" if not ttf else "•"))
            st.append(Spacer(1, 4))
        elif k == "chk": st.append(Paragraph("<br/>".join((("☒ " if c else "☐ ") if ttf else ("[X] " if c else "[  ] ")) + X(t) for c, t in b[1]), base)); st.append(Spacer(1, 4))
    dt.build(st)
    return buf.getvalue()

# ---------------------------------------------------------------- fpdf2
def fp_pdf(r, doc, ttf=None):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos
    import fpdf as _f
    if ttf is None: ttf = r.random() < 0.5
    look = r.choice(["fax", "letter", "letter", "screen", "plainform"])
    o = doc.o; fmt = r.choice(["Letter", "Letter", "A4"]); orient = "L" if doc.land else "P"
    T = (lambda s: str(s)) if ttf else l1
    face = r.choice(["helvetica", "times", "courier"]) if not ttf else "DV"
    col = tuple(int((o.color if o else "#34495E")[i:i + 2], 16) for i in (1, 3, 5))
    fax_line = f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 2)), 'MON d y')} {clock(r)}   FROM: {asc(o.short).upper() if o else ''} {o.fax if o else ''}   TO: {phone(r, None, 'raw')}"
    pstamp = f"{fd(TODAY, 'm/d/y')} {clock(r)}"
    png = logo_png(o, r.randrange(3)) if (o and look == "letter" and r.random() < 0.6) else None
    class P(FPDF):
        def header(self):
            if look == "fax":
                self.set_font("courier", "", 7); self.set_xy(8, 4); self.cell(0, 4, l1(fax_line + f"   P.{self.page_no()}/{{nb}}"))
                self.set_y(14)
            elif look == "screen":
                self.set_fill_color(43, 58, 74); self.rect(0, 0, self.w, 11, "F"); self.set_text_color(255, 255, 255); self.set_font(face, "B", 9)
                self.set_xy(8, 3); self.cell(0, 5, T(f"{o.ehr if o else 'EHR'}  >  {doc.title or 'Chart'}")); self.set_text_color(0, 0, 0); self.set_y(16)
            elif look == "letter" and o:
                if png: self.image(io.BytesIO(png), x=12, y=8, w=52)
                else: self.set_font(face, "B", 14); self.set_text_color(*col); self.set_xy(12, 10); self.cell(0, 7, T(o.name)); self.set_text_color(0, 0, 0)
                self.set_font(face, "", 7.5)
                for i, ln in enumerate([o.street, f"{o.city}, {o.state} {o.zip}", f"P {o.phone}  F {o.fax}"]): self.set_xy(self.w - 92, 9 + i * 4); self.cell(80, 4, T(ln), align="R")
                self.set_draw_color(*col); self.set_line_width(0.6); self.line(12, 27, self.w - 12, 27); self.set_line_width(0.2); self.set_draw_color(0, 0, 0); self.set_y(31)
            else:
                self.set_fill_color(*col); self.rect(12, 8, self.w - 24, 2.2, "F"); self.set_font(face, "B", 11); self.set_xy(12, 12); self.cell(0, 6, T(o.name if o else "")); self.set_y(22)
            if doc.runhead and look != "fax":
                self.set_font(face, "B", 7.5); y = self.get_y(); self.set_xy(12, y - 4); self.cell(self.w - 24, 4, T(doc.runhead), align="R"); self.set_y(y + 1)
        def footer(self):
            self.set_y(-12); self.set_font(face, "", 7)
            left = f"Printed {pstamp}" if look == "screen" else (doc.runhead or "") if look == "fax" else (o.name if o else "")
            self.cell(0, 5, T(left)); self.set_x(-40); self.cell(28, 5, f"Page {self.page_no()}/{{nb}}", align="R")
    pdf = P(orientation=orient, format=fmt, unit="mm")
    if ttf:
        pdf.add_font("DV", "", DJ); pdf.add_font("DV", "B", DJB); pdf.add_font("DV", "I", DJ)
    pdf.set_creation_date(dtm.datetime(2026, 12, 8, 14, 30, tzinfo=dtm.timezone.utc))
    pdf.set_producer(f"PyFPDF/fpdf{_f.__version__}")          # fpdf2 2.8 leaves /Producer empty unless told
    pdf.set_creator(T(o.ehr if o else "fpdf2")); pdf.set_title(T(doc.title or doc.cat)); pdf.set_author(T(o.name if o else ""))
    pdf.set_margins(12, 14, 12); pdf.set_auto_page_break(True, 16); pdf.alias_nb_pages(); pdf.add_page()
    epw = pdf.w - 24; fs = 9.5 if face != "courier" else 8.8
    def para(t, size=fs, style="", h=None):
        pdf.set_font(face, style, size); pdf.multi_cell(0, h or size * 0.48, T(t), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if doc.title:
        if look == "fax":
            pdf.set_font(face, "B", 13); pdf.set_line_width(0.5); pdf.cell(0, 9, T(doc.title.upper()), border=1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.set_line_width(0.2); pdf.ln(2)
        else: para(doc.title, 13, "B", 7); pdf.ln(1)
    kvl = r.choice(["boxed", "shaded", "colon"])
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            pdf.ln(1.5); pdf.set_font(face, "B", 10.5)
            if look == "fax": pdf.set_fill_color(215, 215, 215); pdf.cell(0, 6, T(b[1].upper()), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else: pdf.set_text_color(*col); pdf.cell(0, 6, T(b[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.set_text_color(0, 0, 0)
        elif k == "p": para(b[1]); pdf.ln(1.5)
        elif k == "kv":
            pairs = b[1]
            if kvl == "colon":
                for a, v in pairs:
                    pdf.set_font(face, "B", fs); wl = min(pdf.get_string_width(T(a + ": ")) + 1, epw * 0.45); pdf.cell(wl, fs * 0.5, T(a + ":"))
                    pdf.set_font(face, "", fs); pdf.multi_cell(0, fs * 0.5, T(v), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            elif kvl == "boxed":
                half = epw / 2
                for i in range(0, len(pairs), 2):
                    y0 = pdf.get_y()
                    if y0 > pdf.h - 30: pdf.add_page(); y0 = pdf.get_y()
                    for j, (a, v) in enumerate(pairs[i:i + 2]):
                        x0 = 12 + j * half; pdf.rect(x0, y0, half, 10.5); pdf.set_xy(x0 + 1, y0 + 0.6); pdf.set_font(face, "B", 6); pdf.cell(half - 2, 3, T(a.upper()))
                        pdf.set_xy(x0 + 1, y0 + 4.2); pdf.set_font(face, "", 9); vv = T(v)
                        while pdf.get_string_width(vv) > half - 3 and len(vv) > 4: vv = vv[:-2]
                        pdf.cell(half - 2, 5, vv)
                    pdf.set_xy(12, y0 + 10.5)
            else:
                with pdf.table(col_widths=(32, 68), first_row_as_headings=False, line_height=fs * 0.5, text_align="LEFT") as t:
                    for a, v in pairs:
                        row = t.row(); pdf.set_font(face, "", fs)
                        from fpdf.fonts import FontFace
                        row.cell(T(a), style=FontFace(emphasis="BOLD", fill_color=(236, 240, 243))); row.cell(T(v))
            pdf.ln(2)
        elif k == "tbl":
            hdr, rows, group = b[1], b[2], b[3]; wts = col_weights(hdr, rows, doc.dfmt)
            from fpdf.fonts import FontFace
            pdf.set_font(face, "", 7.8 if len(hdr) < 7 else 7)
            hs = FontFace(emphasis="BOLD", fill_color=(220, 226, 232))
            with pdf.table(col_widths=tuple(int(w * 1000) for w in wts), line_height=3.6, headings_style=hs, num_heading_rows=2 if group else 1, text_align="LEFT",
                           cell_fill_color=(246, 248, 250), cell_fill_mode="ROWS") as t:
                if group:
                    row = t.row()
                    for g, sp in group: row.cell(T(g), colspan=sp, align="C")
                row = t.row()
                for h in hdr: row.cell(T(h))
                for x in rows:
                    row = t.row()
                    for c in x: row.cell(T(cellfmt(c, doc.dfmt)))
            pdf.ln(2)
        elif k == "pre":
            pdf.set_font("courier" if not ttf else "DV", "", 6.8); pdf.multi_cell(0, 3.1, T(b[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT); pdf.ln(1.5)
        elif k in ("addr", "sig"): para("\n".join(b[1])); pdf.ln(2)
        elif k == "small": pdf.set_text_color(85, 85, 85); para(b[1], 7, h=3.3); pdf.set_text_color(0, 0, 0); pdf.ln(1)
        elif k == "bul":
            for x in b[1]: para(("• " if ttf else "- ") + x)
            pdf.ln(1)
        elif k == "chk": para("\n".join((("☒ " if c else "☐ ") if ttf else ("[X] " if c else "[  ] ")) + t for c, t in b[1])); pdf.ln(1)
    return bytes(pdf.output())

# ---------------------------------------------------------------- hand-written PostScript (ghostscript carrier)
def ps_str(s):
    out = []
    for ch in l1(s):
        o = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif 32 <= o < 127: out.append(ch)
        elif o < 256: out.append(f"\\{o:03o}")
        else: out.append("?")
    return "(" + "".join(out) + ")"
PS_PROLOG = """%!PS-Adobe-3.0
%%Creator: {creator}
%%Title: {title}
%%Pages: (atend)
%%DocumentMedia: {media} {w} {h} 0 () ()
%%EndComments
%%BeginProlog
/reenc {{ findfont dup length dict begin {{1 index /FID ne {{def}} {{pop pop}} ifelse}} forall
  /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop }} bind def
/Helvetica-L1 /Helvetica reenc /Helvetica-Bold-L1 /Helvetica-Bold reenc /Times-Roman-L1 /Times-Roman reenc /Times-Bold-L1 /Times-Bold reenc
/Courier-L1 /Courier reenc /Courier-Bold-L1 /Courier-Bold reenc
/F {{ exch findfont exch scalefont setfont }} bind def
/S {{ moveto show }} bind def
/RS {{ dup stringwidth pop 4 -1 roll exch sub 3 -1 roll moveto show }} bind def
/CS {{ dup stringwidth pop 2 div 4 -1 roll exch sub 3 -1 roll moveto show }} bind def
/BX {{ newpath 4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath }} bind def
%%EndProlog
"""
def ps_doc(r, doc):
    """a faxed/printed document as a fax server or a practice-management print driver would emit it; returns (source, pages)"""
    land = doc.land; W, H = (792, 612) if land else (612, 792)
    look = r.choice(["fax", "fax", "printout"]); o = doc.o
    body = r.choice(["Times-Roman-L1", "Helvetica-L1"]) if look == "fax" else "Courier-L1"
    bold = {"Times-Roman-L1": "Times-Bold-L1", "Helvetica-L1": "Helvetica-Bold-L1", "Courier-L1": "Courier-Bold-L1"}[body]
    cw = 0.6 if body.startswith("Courier") else 0.5          # average advance per point size (for wrapping)
    LM, RM, TOP, BOT = 48, W - 48, H - 70, 58
    pages = []; cur = []; y = [TOP]
    fax_from = f"{asc(o.short).upper() if o else 'SENDER'}"; fax_no = o.fax if o else phone(r); tx = fd(TODAY - dtm.timedelta(days=r.randint(0, 3)), "MON d y") + " " + clock(r)
    fax_to = phone(r, None, "d"); job = dg(r, 5); form_id = f"{r.choice(['PM', 'RX', 'HIM', 'CLN', 'BO'])}{r.randint(100, 990)} ({r.choice(['Rev', 'rev.'])} {r.randint(1, 12):02d}/{r.choice([2024, 2025, 2026])})"
    def newpage():
        if cur: pages.append(list(cur)); cur.clear()
        y[0] = TOP
    def need(hgt):
        if y[0] - hgt < BOT: newpage()
    def emit(s): cur.append(s)
    def wrap_to(t, size, width): return textwrap.wrap(l1(t), max(12, int(width / (size * cw)))) or [""]
    def text(t, size=10, font=None, x=LM, width=None, lead=None):
        lead = lead or size * 1.25
        for ln in wrap_to(t, size, width or (RM - x)):
            need(lead); y[0] -= lead; emit(f"/{font or body} {size} F {ps_str(ln)} {x} {y[0]:.1f} S")
    if doc.title:
        need(34); y[0] -= 26
        if look == "fax": emit(f"0 setgray 1.2 setlinewidth {LM} {y[0] - 6:.1f} {RM - LM} 24 BX stroke /{bold} 14 F {(LM + RM) / 2} {y[0] + 1:.1f} {ps_str(doc.title.upper())} CS")
        else: emit(f"/{bold} 12 F {ps_str(doc.title.upper())} {LM} {y[0]:.1f} S 0.5 setlinewidth {LM} {y[0] - 4:.1f} moveto {RM} {y[0] - 4:.1f} lineto stroke")
        y[0] -= 12
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            need(24); y[0] -= 18
            if look == "fax": emit(f"0.85 setgray {LM} {y[0] - 4:.1f} {RM - LM} 15 BX fill 0 setgray /{bold} 10 F {ps_str(b[1].upper())} {LM + 4} {y[0]:.1f} S")
            else: emit(f"/{bold} 10 F {ps_str('** ' + b[1].upper() + ' **')} {LM} {y[0]:.1f} S")
            y[0] -= 4
        elif k == "p":
            for para in b[1].split("\n"): text(para, 10 if look == "fax" else 9)
            y[0] -= 5
        elif k == "kv":
            pairs = b[1]
            if look == "fax":
                half = (RM - LM) / 2
                for i in range(0, len(pairs), 2):
                    need(27); y[0] -= 25
                    for j, (a, v) in enumerate(pairs[i:i + 2]):
                        x0 = LM + j * half; vv = l1(v)
                        while len(vv) * 9.5 * 0.6 > half - 8 and len(vv) > 4: vv = vv[:-2]
                        emit(f"0.6 setlinewidth {x0:.1f} {y[0]:.1f} {half:.1f} 25 BX stroke /Helvetica-Bold-L1 6.2 F {ps_str(a.upper())} {x0 + 3:.1f} {y[0] + 17.5:.1f} S /Courier-L1 9.5 F {ps_str(vv)} {x0 + 4:.1f} {y[0] + 5:.1f} S")
                y[0] -= 8
            else:
                w = max(len(a) for a, _ in pairs) + 2
                for a, v in pairs:
                    for i, ln in enumerate(wrap_to(f"{(a + ':').ljust(w)} {v}", 9, RM - LM)):
                        need(11); y[0] -= 11; emit(f"/{body} 9 F {ps_str(ln if i == 0 else ' ' * (w + 1) + ln)} {LM} {y[0]:.1f} S")
                y[0] -= 6
        elif k == "tbl":
            hdr, rows, group = b[1], b[2], b[3]; wts = col_weights(hdr, rows, doc.dfmt); tw = RM - LM; size = 7.6 if len(hdr) < 7 else 6.8
            xs = [LM]; [xs.append(xs[-1] + tw * w) for w in wts]
            def fit(t, wd):
                t = l1(t)
                while len(t) * size * (0.6 if look == "printout" else 0.5) > wd - 4 and len(t) > 3: t = t[:-2]
                return t
            def hdrrow():
                need(13); y[0] -= 12
                emit(f"0.82 setgray {LM} {y[0] - 3:.1f} {tw:.1f} 12 BX fill 0 setgray")
                for i, h in enumerate(hdr): emit(f"/{bold if look == 'fax' else 'Courier-Bold-L1'} {size} F {ps_str(fit(h, xs[i + 1] - xs[i]))} {xs[i] + 2:.1f} {y[0]:.1f} S")
            if group:
                need(12); y[0] -= 11; c0 = 0
                for g, sp in group:
                    if g: emit(f"/{bold} {size} F {(xs[c0] + xs[c0 + sp]) / 2:.1f} {y[0]:.1f} {ps_str(g)} CS 0.4 setlinewidth {xs[c0] + 3:.1f} {y[0] - 3:.1f} moveto {xs[c0 + sp] - 3:.1f} {y[0] - 3:.1f} lineto stroke")
                    c0 += sp
            hdrrow()
            for n, row in enumerate(rows):
                if y[0] - 11 < BOT: newpage(); hdrrow()
                y[0] -= 11
                if n % 2 and look == "printout": emit(f"0.93 setgray {LM} {y[0] - 3:.1f} {tw:.1f} 11 BX fill 0 setgray")
                for i, c in enumerate(row): emit(f"/{body if look == 'printout' else 'Helvetica-L1'} {size} F {ps_str(fit(cellfmt(c, doc.dfmt), xs[i + 1] - xs[i]))} {xs[i] + 2:.1f} {y[0]:.1f} S")
                emit(f"0.3 setlinewidth {LM} {y[0] - 3.5:.1f} moveto {RM} {y[0] - 3.5:.1f} lineto stroke")
            y[0] -= 8
        elif k == "pre":
            for ln in b[1].split("\n"):
                need(8.5); y[0] -= 8.5; emit(f"/Courier-L1 6.8 F {ps_str(ln[:int((RM - LM) / 4.08)])} {LM} {y[0]:.1f} S")
            y[0] -= 5
        elif k in ("addr", "sig"):
            for ln in b[1]: text(ln, 10 if look == "fax" else 9)
            y[0] -= 8
        elif k == "small": text(b[1], 6.8); y[0] -= 3
        elif k == "bul":
            for x in b[1]: text("- " + x, 9.5 if look == "fax" else 9)
            y[0] -= 4
        elif k == "chk":
            for c, t in b[1]: text(("[X] " if c else "[  ] ") + t, 9.5)
            y[0] -= 4
    newpage(); n = len(pages)
    src = [PS_PROLOG.format(creator=r.choice(["RightFax 16.6 PostScript Driver", "Kofax Communication Server TC/LINK-FI", "XMediusFAX Print Driver", "Practice Management Print Server 4.2", "HP Universal Printing PS (v7.0.1)"]),
                            title=l1(doc.title or doc.cat), media="Letter", w=W, h=H)]
    if land: src.append("<< /PageSize [792 612] >> setpagedevice")
    for i, ops in enumerate(pages, 1):
        src.append(f"%%Page: {i} {i}\nsave")
        if look == "fax":
            banner = f"{tx}   FROM: {fax_from} {fax_no}   TO: {fax_to}   JOB {job}   P.{i:03d}/{n:03d}"
            src.append(f"/Courier-L1 7 F {ps_str(banner)} 30 {H - 20} S")
        else:
            oname = asc(o.name).upper() if o else ""; run = f"RUN {fd(TODAY, 'mdy')}  PAGE {i}"
            src.append(f"/Courier-Bold-L1 8 F {ps_str(oname)} {LM} {H - 34} S /Courier-L1 8 F {RM} {H - 34} {ps_str(run)} RS 0.5 setlinewidth {LM} {H - 40} moveto {RM} {H - 40} lineto stroke")
        if look == "fax" and o and i == 1: src.append(f"/Helvetica-Bold-L1 11 F {ps_str(o.name)} {LM} {H - 40} S /Helvetica-L1 7.5 F {RM} {H - 40} {ps_str(o.addr() + '  Tel ' + o.phone)} RS 0.8 setlinewidth {LM} {H - 46} moveto {RM} {H - 46} lineto stroke")
        src += ops
        foot = f"{form_id}   Page {i} of {n}" + (f"   {doc.runhead}" if doc.runhead else "")
        src.append(f"/Helvetica-L1 6.8 F {ps_str(foot)} {LM} 30 S\nrestore showpage")
    src.append(f"%%Trailer\n%%Pages: {n}\n%%EOF\n")
    return "\n".join(src), n

# ---------------------------------------------------------------- python-docx
def _shade(cell, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr(); shd = OxmlElement("w:shd"); shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcolor); tcPr.append(shd)
def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    for kind, txt in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = par.add_run()
        if kind: e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind); run._r.append(e)
        elif txt == code: e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = f" {code} "; run._r.append(e)
        else: run.text = txt
def _repeat(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr(); e = OxmlElement("w:tblHeader"); e.set(qn("w:val"), "true"); trPr.append(e)
DOCX_TSTYLES = ["Table Grid", "Light Grid Accent 1", "Light List Accent 5", "Medium Shading 1 Accent 1", "Light Shading Accent 6", "Colorful List Accent 1", "Table Grid"]
def docx_bytes(r, doc, letterhead=None):
    import docx
    from docx.shared import Pt, Inches, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.section import WD_ORIENT
    d = docx.Document(); o = doc.o; col = (o.color if o else "#34495E")[1:]
    sec = d.sections[0]; sec.left_margin = sec.right_margin = Inches(0.8); sec.top_margin = Inches(0.8); sec.bottom_margin = Inches(0.7)
    if doc.land: sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = sec.page_height, sec.page_width
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Segoe UI", "Georgia"]); st.font.size = Pt(r.choice([10, 10.5, 11]))
    if letterhead is None: letterhead = r.random() < 0.45
    hp = sec.header.paragraphs[0]
    if o:
        if letterhead:
            hp.add_run().add_picture(io.BytesIO(logo_png(o, r.randrange(3))), width=Inches(1.9))
            hp2 = sec.header.add_paragraph(f"{o.street} · {o.city}, {o.state} {o.zip} · {o.phone}"); hp2.runs[0].font.size = Pt(7.5)
        else:
            run = hp.add_run(o.name); run.bold = True; run.font.size = Pt(13); run.font.color.rgb = RGBColor.from_string(col.upper())
            hp2 = sec.header.add_paragraph(f"{o.addr()}   Tel {o.phone}   Fax {o.fax}"); hp2.runs[0].font.size = Pt(7.5)
    if doc.runhead:
        rp = sec.header.add_paragraph(); rp.alignment = WD_ALIGN_PARAGRAPH.RIGHT; rr = rp.add_run(doc.runhead); rr.bold = True; rr.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fl = r.choice([f"{o.short if o else ''} {r.choice(['HIM', 'PFS', 'CM', 'CLN'])}-{r.randint(10, 99)} rev. {r.randint(1, 12)}/{r.choice([2025, 2026])}", "CONFIDENTIAL - contains information protected by law",
                   f"Printed from {o.ehr if o else 'EHR'}", ""])
    if fl: fp.add_run(fl + "    ").font.size = Pt(7)
    fp.add_run("Page ").font.size = Pt(7); _field(fp, "PAGE"); fp.add_run(" of ").font.size = Pt(7); _field(fp, "NUMPAGES")
    if doc.title:
        tp = d.add_paragraph(); tr = tp.add_run(doc.title); tr.bold = True; tr.font.size = Pt(14); tr.font.color.rgb = RGBColor.from_string(col.upper())
    kvm = r.choice(["grid2", "grid4", "tab", "grid2"])
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            hp = d.add_paragraph(); hr = hp.add_run(b[1]); hr.bold = True; hr.font.size = Pt(11.5)
        elif k == "p":
            for para in b[1].split("\n\n"): d.add_paragraph(para)
        elif k == "kv":
            pairs = b[1]
            if kvm == "tab":
                for a, v in pairs:
                    pp = d.add_paragraph(); pp.paragraph_format.space_after = Pt(1); ra = pp.add_run(a + ":\t"); ra.bold = True; pp.add_run(str(v))
                continue
            ncol = 4 if kvm == "grid4" and all(len(str(v)) < 30 for _, v in pairs) else 2
            t = d.add_table(rows=0, cols=ncol); t.style = "Table Grid"
            step = ncol // 2
            for i in range(0, len(pairs), step):
                cells = t.add_row().cells
                for j, (a, v) in enumerate(pairs[i:i + step]):
                    cells[2 * j].text = a; cells[2 * j + 1].text = str(v); _shade(cells[2 * j], "E8EDF2")
                    for run in cells[2 * j].paragraphs[0].runs: run.bold = True; run.font.size = Pt(9)
                    for run in cells[2 * j + 1].paragraphs[0].runs: run.font.size = Pt(9.5)
            d.add_paragraph()
        elif k == "tbl":
            hdr, rows, group = b[1], b[2], b[3]
            t = d.add_table(rows=0, cols=len(hdr)); t.style = r.choice(DOCX_TSTYLES)
            if group:
                gr = t.add_row(); c0 = 0
                for g, sp in group:
                    c = gr.cells[c0].merge(gr.cells[c0 + sp - 1]) if sp > 1 else gr.cells[c0]; c.text = g; c0 += sp
                    if g: _shade(c, col.upper())
                _repeat(gr)
            hr_ = t.add_row(); _repeat(hr_)
            for i, h in enumerate(hdr):
                hr_.cells[i].text = h
                for run in hr_.cells[i].paragraphs[0].runs: run.bold = True; run.font.size = Pt(8.5)
            for row in rows:
                cs = t.add_row().cells
                for i, c in enumerate(row):
                    cs[i].text = cellfmt(c, doc.dfmt)
                    for run in cs[i].paragraphs[0].runs: run.font.size = Pt(8.5)
            d.add_paragraph()
        elif k == "pre":
            pp = d.add_paragraph(); rr = pp.add_run(b[1]); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
        elif k in ("addr", "sig"): d.add_paragraph("\n".join(b[1]))
        elif k == "small":
            pp = d.add_paragraph(); rr = pp.add_run(b[1]); rr.font.size = Pt(7.5); rr.italic = True
        elif k == "bul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
        elif k == "chk":
            for c, t_ in b[1]: d.add_paragraph(("☒ " if c else "☐ ") + t_)
    cp = d.core_properties; cp.author = (staffer(r).family if r.random() < 0.6 else (o.short if o else "")); cp.title = doc.title or ""; cp.revision = r.randint(1, 9)
    cp.created = cp.modified = dtm.datetime(2026, 12, 1, 9, 0); cp.last_modified_by = cp.author
    b = io.BytesIO(); d.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- openpyxl
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy", "mm-dd-yyyy", "d-mmm-yy", "[$-409]mmmm d, yyyy"]
def xlsx_bytes(r, doc, for_pdf=False, for_lo=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); ws = wb.active; tb = doc.table(); hdr, rows, group = tb[1], tb[2], tb[3]
    ws.title = re.sub(r"[\[\]\*\?/\\:]", "", (doc.title or doc.cat))[:28] or "Sheet1"
    dfmt = "dd/mm/yyyy" if doc.lang == "es" else r.choice(XL_DATE)
    row0 = 1
    if r.random() < 0.55 or for_pdf:
        ws.cell(1, 1, doc.title or doc.cat).font = Font(bold=True, size=13)
        ws.cell(2, 1, r.choice([f"Run {fd(TODAY, 'mdy')} {clock(r)}", f"Source: {doc.o.ehr if doc.o else 'report'}", f"{doc.o.name if doc.o else ''}", f"As of {fd(TODAY, 'Month d, y')}"])).font = Font(italic=True, size=9)
        row0 = 4
    fill = PatternFill("solid", fgColor=(doc.o.color if doc.o else "#34495E")[1:])
    if group:
        c0 = 1
        for g, sp in group:
            cell = ws.cell(row0, c0, g or None); cell.font = Font(bold=True, color="FFFFFF" if g else "000000")
            if g: cell.fill = fill
            if not for_lo and sp > 1:
                for cc in range(c0, c0 + sp): ws.cell(row0, cc).alignment = Alignment(horizontal="centerContinuous")
            c0 += sp
        row0 += 1
    for i, h in enumerate(hdr, 1):
        c = ws.cell(row0, i, h); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="DCE3EA"); c.alignment = Alignment(wrap_text=True, vertical="top")
        c.border = Border(bottom=Side(style="thin"))
    for ri, row in enumerate(rows, row0 + 1):
        for ci, v in enumerate(row, 1):
            if isinstance(v, dtm.datetime): c = ws.cell(ri, ci, v); c.number_format = dfmt + " hh:mm"
            elif isinstance(v, D): c = ws.cell(ri, ci, dtm.datetime(v.year, v.month, v.day)); c.number_format = dfmt
            elif isinstance(v, Money): c = ws.cell(ri, ci, float(v)); c.number_format = '"$"#,##0.00'
            else: ws.cell(ri, ci, v)
    for i, h in enumerate(hdr, 1):
        L = max([len(str(h))] + [len(cellfmt(x[i - 1], "mdy")) for x in rows]); ws.column_dimensions[get_column_letter(i)].width = min(max(L + 2, 8), 42)
    if r.random() < 0.7: ws.freeze_panes = ws.cell(row0 + 1, 1)
    if r.random() < 0.6: ws.auto_filter.ref = f"A{row0}:{get_column_letter(len(hdr))}{row0 + len(rows)}"
    if for_pdf or r.random() < 0.4:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0; ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{row0}:{row0}"
    notes = [b for b in doc.blocks if b[0] in ("p", "small", "bul", "kv")]
    if notes and not for_pdf and r.random() < 0.5:
        ns = wb.create_sheet(r.choice(["Notes", "Read me", "About", "Criteria"]), 0 if r.random() < 0.3 else None); n = 1
        for b in notes:
            for ln in (b[1] if b[0] == "bul" else [f"{a}: {v}" for a, v in b[1]] if b[0] == "kv" else [b[1]]): ns.cell(n, 1, ln); n += 1
        ns.column_dimensions["A"].width = 100
    wb.properties.creator = doc.o.short if doc.o else "report"; wb.properties.created = wb.properties.modified = dtm.datetime(2026, 12, 1, 9, 0)
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- CSV / TSV
def snake(s): return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", asc(s).lower())).strip("_")
def csv_bytes(r, doc):
    tb = doc.table(); hdr, rows = list(tb[1]), tb[2]
    st = r.choice(["comma", "comma", "quoted", "semi", "pipe", "tsv", "tsv"])
    dfmt = "es/" if doc.lang == "es" else r.choice(["mdy", "m/d/y", "iso", "ymd8", "d-Mon-y", "mdy"])
    if r.random() < 0.3: hdr = [snake(h) for h in hdr]
    delim = {"comma": ",", "quoted": ",", "semi": ";", "pipe": "|", "tsv": "\t"}[st]
    ext = {"comma": "csv", "quoted": "csv", "semi": "csv", "pipe": "txt", "tsv": r.choice(["tsv", "txt", "tsv"])}[st]
    nl = r.choice(["\r\n", "\n"]); b = io.StringIO()
    w = csv.writer(b, delimiter=delim, quoting=csv.QUOTE_ALL if st == "quoted" else csv.QUOTE_MINIMAL, lineterminator=nl)
    pre = r.random()
    if st == "semi" and r.random() < 0.5: b.write("sep=;" + nl)
    elif pre < 0.2 and st not in ("tsv",): b.write(f"# {doc.o.ehr if doc.o else 'export'} | {doc.title or doc.cat} | generated {fd(TODAY, 'iso')} {clock(r, True)}{nl}")
    w.writerow(hdr)
    for row in rows: w.writerow([cellfmt(c, dfmt) if not isinstance(c, Money) else f"{float(c):.2f}" for c in row])
    if r.random() < 0.25: b.write(f"{'Total records' if doc.lang != 'es' else 'Total de registros'}: {len(rows)}{nl}")
    data = b.getvalue().encode("utf-8")
    if r.random() < 0.25: data = b"\xef\xbb\xbf" + data
    return data, ext

# ================================================================== PHI: narrative documents
TITLES = ["Patient Access Specialist", "RN Care Coordinator", "Billing Representative", "Referral Coordinator", "Revenue Integrity Analyst", "Office Manager", "HIM Technician", "Clinical Pharmacist",
          "Medical Assistant", "Practice Administrator", "Utilization Review Nurse", "Front Office Lead", "Dental Office Coordinator", "Intake Clinician", "Patient Financial Counselor"]
def pt_ref(r, p, first=True):
    if first: return r.choice([p.first_last(), p.full(), p.fullmid(), p.nickparen(), p.first_last()])
    return p.short(r)
def age_sex(r, p): return r.choice([f"{p.age}-year-old {'woman' if p.sex == 'F' else 'man'}" if p.age >= 18 else f"{p.age}-year-old {'girl' if p.sex == 'F' else 'boy'}", f"{p.age} y/o {p.sex}", f"{p.age}{p.sex}"])
def letter_top(doc, r, o, p, d=None, es=False):
    d = d or recent(r, 2)
    doc.p(fd(d, "es") if es else fd(d, r.choice(["Month d, y", "mdy", "Mon d, y"])))
    who = p if p.age >= 18 else None
    doc.addr([(f"{'Padre/madre de ' if es else 'Parent/guardian of '}{p.first_last()}" if not who else (p.sr() if es and r.random() < 0.3 else p.full())), *p.addr_lines()])

def P_note_nolabel(r):
    c = Case(r); p, s, o = c.p, c.s, c.o; first = pt_ref(r, p); later = p.short(r)
    d = Doc("clinical-note-nolabel", None, o, "narr", hard=True)
    opener = r.choice([f"{first} came in today for follow-up of {c.lay}.", f"Saw {first} this morning, {a_an(age_sex(r, p))}, about {c.lay}.",
                       f"Video visit with {first} ({'at home in ' + p.city}) - {c.lay}.", f"{first} returns, accompanied by {r.choice(['a daughter', 'a son', 'the spouse', 'a neighbor']) if p.age >= 18 else 'a parent'}, regarding {c.lay}.",
                       f"Called back {first} (born {fd(p.dob, r.choice(['Month d, y', 'mdy', 'd Month y']))}) to go over the {tl(s['test'])} and next steps for {c.lay}."])
    body = [opener]
    body.append(r.choice([f"Results reviewed together: {c.res}.", f"The {s['test']} came back with {c.res}.", f"Most recent workup shows {c.res}."]))
    hx_ = r.choice([f"{cap(p.he())} reports {r.choice(['poor sleep', 'more fatigue than usual', 'no new symptoms', 'missing a few doses last month', 'pain that wakes ' + p.him() + ' at night'])}.",
                    f"{later} says the {r.choice(['pharmacy', 'insurance', 'work schedule', 'ride situation'])} has made things harder since the last visit.", ""])
    if hx_: body.append(hx_)
    if c.other: body.append(f"Other problems on the list: {andlist([x[1].split(',')[0].lower() for x in c.other])}. Allergy: {c.allergy}.")
    body.append(r.choice([f"We agreed to {s['plan']}.", f"Plan: {s['plan']}.", f"I recommended that we {s['plan']}, and {later} is on board."]))
    body.append(r.choice([f"Continue {s['drug']}.", f"Prescription for {s['drug']} sent to {r.choice(['Copperleaf Pharmacy', 'the CVS on ' + r.choice(STREETS), 'mail order'])}.", f"Discussed side effects of {s['drug']}."]))
    body.append(r.choice([f"Return in {r.randint(2, 12)} weeks, sooner if worse.", f"I'll call {later} with the next result.", f"Follow up with {s['spec'].lower()} as scheduled on {fd(future(r), 'm/d')}."]))
    if r.random() < 0.4: body.append(f"Dx {c.code}.")
    if r.random() < 0.5: d.p(fd(c.dos, r.choice(["mdy", "Month d, y", "m/d/yy"])) + r.choice(["", f" - {o.short}", f" {clock(r)}"]))
    for x in (body if r.random() < 0.5 else [" ".join(body)]): d.p(x)
    d.sig([c.cl.name()] if r.random() < 0.6 else [f"-- {c.p.given[0]}{c.p.family[0]}"])
    d.subject = r.choice([f"note - {p.family}", "today's visit", "visit note", f"{later} f/u", None])
    return d
def tl(t): return t if t[:2].isupper() or t[:3] in ("tTG", "OCT") else t.lower()
def a_an(t): return ("an " if t[:1] in "8aeiou" or t.startswith(("11", "18")) else "a ") + t

def P_consult_letter(r):
    c = Case(r, kinds=("clinic", "eye", "ortho", "renal", "derm", "onc", "women", "bh")); p, s, o = c.p, c.s, c.o; ref = Clin(r, state=o.state)
    d = Doc("consult-letter", None, o, "narr", hard=True)
    d.p(fd(recent(r, 3), "Month d, y")); d.addr([ref.name(), r.choice(ORGS).name])
    d.p(r.choice([f"RE: {p.full()}   DOB {dob(r, p)}", f"Re: {p.lfm()} (DOB {fd(p.dob, 'mdy')})", f"Patient: {p.fullmid()}"]) if r.random() < 0.75 else "")
    d.p(f"Dear {ref.dr()},")
    d.p(f"Thank you for asking me to see {p.first_last() if r.random() < 0.5 else p.mr()}, {a_an(age_sex(r, p))} you sent for {c.lay}. I saw {p.him()} in the {s['spec']} clinic on {fd(c.dos, 'Month d, y')}.")
    d.p(f"{r.choice(['History is notable for', 'Pertinent history:', 'Briefly,'])} {r.choice(['symptoms over the past several months', 'a gradual course', 'an abrupt change in the last few weeks'])}; current medicines include {andlist(c.meds)}. Allergies: {c.allergy}.")
    d.p(f"On evaluation: {c.res}.")
    d.p(f"Impression: {c.desc} ({c.code}).")
    d.p(f"Recommendations: {s['plan']}. {r.choice(['I will see', 'We will see'])} {p.given} again in {r.randint(3, 12)} weeks and will keep you informed.")
    d.sig(["With best regards,", "", c.cl.name(), f"{s['spec']}, {o.name}"])
    d.subject = r.choice([f"Consult letter - {p.family}", "Consultation note", None])
    return d

def P_result_letter(r):
    c = Case(r, kinds=("clinic", "fqhc", "eye", "renal", "derm", "women", "peds", "onc", "lab")); p, s, o = c.p, c.s, c.o
    d = Doc("result-letter", None, o, "narr", to=p if p.age >= 18 else c.guard, hard=True)
    letter_top(d, r, o, p)
    d.p(r.choice([f"Dear {p.given}," if p.age >= 18 else f"Dear parent or guardian of {p.given},", f"Dear {p.mr()}:" if p.age >= 18 else f"Dear {c.guard.mr()},"]))
    who = "your" if p.age >= 18 else f"{p.given}'s"
    d.p(r.choice([f"I am writing about {who} {tl(s['test'])} from {fd(c.dos, 'Month d, y')}. The result showed {c.res}.",
                  f"{cap(who)} recent test results are back. In short: {c.res}. This fits with {c.lay}."]))
    d.p(f"What this means: {cap(c.lay)} {r.choice(['is common and treatable', 'needs some follow-up', 'is something we want to act on soon'])}. We recommend that we {s['plan']}.")
    if "none" not in s["drug"]: d.p(f"A prescription for {s['drug']} {r.choice(['has been sent to your pharmacy', 'is ready at our front desk', 'will be mailed to your home'])}.")
    d.p(r.choice([f"Please call {o.phone} to schedule, or message us in the patient portal.", f"Our nurse will call you within a week. If you do not hear from us, call {o.phone}."]))
    d.sig(["Sincerely,", "", c.cl.name(), o.name])
    if r.random() < 0.5: d.small(f"Patient: {p.full()}  |  DOB {fd(p.dob, 'mdy')}  |  MRN {c.mrn}")
    d.subject = r.choice(["Your test results", "A letter from your care team", f"Results letter - {o.short}", None])
    return d

def P_es_letter(r):
    c = Case(r, kinds=("clinic", "fqhc", "peds", "women", "eye", "dental", "derm", "urgent")); p, s, o = c.p, c.s, c.o
    if p.pool not in HISP and r.random() < 0.7:
        p2 = Person(r, p.age, p.age, sex=p.sex, state=o.state, pool=r.choice(sorted(HISP))); p2.dob = p.dob; p2.age = p.age; c.p = p = p2
    d = Doc("spanish-letter", None, o, "narr", lang="es", to=p if p.age >= 18 else c.guard, hard=True); d.dfmt = "es/"
    letter_top(d, r, o, p, es=True)
    if r.random() < 0.6: d.p(f"Paciente: {p.full()}    Fecha de nacimiento: {dob(r, p, es=True)}")
    d.p(f"Estimad{'a' if (p.sex == 'F' if p.age >= 18 else c.guard.sex == 'F') else 'o'} {p.sr() if p.age >= 18 else c.guard.sr()}:")
    su = "sus resultados" if p.age >= 18 else f"los resultados de {p.given}"
    d.p(f"Le escribimos para darle {su} del {fd(c.dos, 'es')}. El estudio ({s['test']}) mostró: {c.res.split(',')[0].split(';')[0]}.")
    d.p(f"Esto quiere decir que {'usted tiene' if p.age >= 18 else p.given + ' tiene'} {s['es']}. {r.choice(['No es una emergencia, pero', 'Es importante que'])} el plan es {s['es_plan']}.")
    if "none" not in s["drug"]: d.p(f"La receta de {s['drug']} ya está en su farmacia.")
    d.p(r.choice([f"Si tiene preguntas, llame al {o.phone} (oprima 2 para español).", f"Puede contestar este mensaje por el portal o llamarnos al {o.phone}."]))
    d.sig(["Atentamente,", "", c.cl.dra() if "MD" in c.cl.cred or "DO" in c.cl.cred else c.cl.name(), o.name])
    d.subject = r.choice(["Sus resultados", "Carta de su clínica", "Resultados de laboratorio", None])
    return d

def P_home_visit(r):
    o = org_by_kind(r, "homehealth"); c = Case(r, o=o, keys=("sacral", "hypona", "b12", "hyperk", "hearing", "glaucoma") if r.random() < 0.7 else None); p, s = c.p, c.s
    d = Doc("home-health", None, o, "narr", hard=True)
    t0 = f"{r.randint(8, 14):02d}{r.choice(['05', '15', '30', '40'])}"
    nurse = staffer(r, o.state)
    d.p(f"SN visit {fd(recent(r, 3), 'm/d/y')} {t0}-{int(t0[:2]) + 1:02d}{t0[2:]}. " + r.choice([f"Pt {p.first_last()} found {r.choice(['sitting in recliner', 'in bed, HOB elevated', 'at kitchen table with daughter'])}.",
                                                                                                  f"Arrived at the home of {p.full()} ({p.street}); {r.choice(['spouse', 'son', 'caregiver'])} let me in."]))
    d.p(f"VS: BP {r.randint(104, 158)}/{r.randint(58, 92)}, HR {r.randint(58, 104)}, T {r.uniform(97.1, 99.4):.1f}, SpO2 {r.randint(91, 99)}% RA. {cap(p.he())} rates pain {r.randint(0, 7)}/10.")
    d.p(f"Focus of visit: {c.lay}. {s['test']}: {c.res}. {cap(s['plan'])}.")
    d.p(r.choice([f"Med review done; {s['drug']} in pill organizer. {p.given} needed cues for the evening doses.", f"Taught caregiver signs of worsening; teach-back adequate.", "Fall risk reviewed - removed throw rug in hallway."]))
    if r.random() < 0.5: d.p(f"Medicare MBI on file {mbi(r)}. Next visit {fd(future(r, 1, 6), 'm/d')}; notified {c.cl.dr()}'s office.")
    d.sig([f"{nurse.given} {nurse.family}, RN"])
    d.subject = r.choice(["visit note", f"SN visit {p.family}", "home visit documentation", None])
    return d

def P_bh_note(r):
    o = org(r, ("bh", "sud", "women")); c = Case(r, o=o, keys=("ptsd", "aud", "ppd", "clozapine")); p, s = c.p, c.s
    d = Doc("bh-note", None, o, "narr", hard=True)
    d.p(f"{r.choice(['Individual session', 'Session', 'Telehealth session (audio+video)'])}, {r.choice([45, 53, 60])} min, {fd(c.dos, 'mdy')}. Client: {pt_ref(r, p)}.")
    d.p(f"{p.given} {r.choice(['arrived on time', 'logged on a few minutes late', 'was seen after a missed appointment last week'])} and described {r.choice(['a hard week at work', 'an argument with family', 'feeling flat', 'better sleep'])}. {s['test']}: {c.res}.")
    d.p(r.choice([f"We continued work on {c.lay}; homework reviewed.", f"Explored triggers and coping; {p.he()} identified two supports.", f"Discussed the plan: {s['plan']}."]))
    d.p(f"Risk: denies SI/HI {r.choice(['today', 'at this time'])}; safety plan {r.choice(['reviewed', 'updated', 'on file'])}. Meds per prescriber: {s['drug']}.")
    d.p(f"Dx: {c.desc} ({c.code}). Next session {fd(future(r, 3, 14), 'm/d')}.")
    if s["k"] == "aud" or o.kind == "sud":
        d.small("This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of this information unless further disclosure is expressly permitted by the written consent of the person to whom it pertains or as otherwise permitted by 42 CFR part 2.")
    d.sig([c.cl.name()])
    d.subject = r.choice(["session note", "progress note for review", f"note - {p.given[0]}. {p.family}", None])
    return d

def P_dental_letter(r):
    o = org_by_kind(r, "dental"); c = Case(r, o=o); p, s = c.p, c.s; md = Clin(r, state=o.state)
    tooth = re.search(r"#(\d+)", c.res).group(1)
    d = Doc("dental-referral", None, o, "narr", hard=True)
    d.p(fd(recent(r, 2), "Month d, y")); d.addr([md.name(), r.choice(["Oral & Maxillofacial Surgery", "Endodontic Associates", "Primary care"])])
    d.p(f"Re: {p.full()}, DOB {dob(r, p)}")
    d.p(f"Dear {md.dr()},")
    d.p(f"{p.first_last()} was seen in our office on {fd(c.dos, 'm/d/y')} with {c.lay} at tooth #{tooth}. Exam and periapical film: {c.res}.")
    d.p(f"We started {s['drug']} and would appreciate your evaluation for {r.choice(['extraction (D7140)', 'root canal therapy (D3330)', 'incision and drainage'])}. Medical history: {andlist([x[1].split(',')[0].lower() for x in c.other]) if c.other else 'non-contributory'}; allergies: {c.allergy}.")
    d.p(f"{p.given}'s dental plan is {r.choice(['Delta Dental PPO', 'MetLife PDP', 'state Medicaid dental', 'Guardian DentalGuard'])}, subscriber ID {memid(r)}.")
    d.sig(["Thank you,", "", c.cl.name(), o.name])
    return d

def P_pharm_rems(r):
    o = org(r, ("pharmacy", "spharm")); c = Case(r, o=o, keys=("clozapine", "ktx", "ra", "hepb", "ltbi")); p, s = c.p, c.s
    d = Doc("pharmacy-note", None, o, "narr", hard=True)
    d.p(f"To: {c.cl.dr()} / office of {c.cl.name()}")
    d.p(r.choice([f"Pharmacist note re: {p.lfm()} (DOB {fd(p.dob, 'mdy')}), Rx #{rxno(r)} {s['drug']}.", f"Regarding our mutual patient {p.full()}, born {fd(p.dob, 'Month d, y')}:"]))
    d.p(f"Latest monitoring: {c.res}. {r.choice(['Per protocol we are holding the fill until we hear from you.', 'We dispensed a 7-day supply while awaiting your instruction.', 'Patient was counseled and understands.'])}")
    d.p(f"Suggested: {s['plan']}. Please fax orders to {o.fax} or call {o.phone}.")
    if s["k"] == "clozapine": d.p(f"Clozapine REMS: prescriber certified; pharmacy ID on file. Next ANC due {fd(future(r, 1, 4), 'm/d/y')}.")
    d.sig([f"{staffer(r, o.state).first_last()}, PharmD", o.name])
    d.subject = r.choice([f"Rx hold - {p.family}", "pharmacist intervention", "monitoring alert", None])
    return d

def P_case_mgmt(r):
    o = org(r, ("payer", "medicaid")); c = Case(r, o=o); p, s = c.p, c.s; nurse = staffer(r, o.state)
    d = Doc("case-management", None, o, "narr", hard=True)
    d.p(f"Case management note - {fd(recent(r, 2), 'mdy')}")
    d.p(f"Outreach call to member {p.first_last()} ({r.choice(['Member ID', 'ID', 'Mbr #'])} {c.mem}) after {r.choice(['an ER visit', 'a 3-day admission', 'a new specialty prescription', 'a missed follow-up'])} for {c.lay}.")
    d.p(f"Member reports {r.choice(['understanding the plan', 'trouble getting to appointments', 'cost concerns about the copay', 'that the pharmacy had not filled the medicine'])}. Provider notes show {c.res}.")
    d.p(f"Interventions: {r.choice(['arranged transportation through the NEMT vendor', 'sent copay assistance information', 'coordinated with PCP office', 'scheduled specialist visit'])}; confirmed plan to {s['plan']}.")
    d.p(f"Next contact {fd(future(r, 5, 20), 'm/d/y')}. Member agreed. Callback number {p.phone}.")
    d.sig([f"{nurse.first_last()}, RN, CCM", f"Care Management, {o.name}"])
    return d

def P_billing_letter(r):
    o = org(r, ("billing", "hospital", "clinic", "dental", "ortho", "imaging")); c = Case(r, o=o if o.kind != "billing" else None); p, s = c.p, c.s
    d = Doc("billing-letter", None, o, "narr", to=p if p.age >= 18 else c.guard, hard=True)
    guar = p if p.age >= 18 else c.guard
    letter_top(d, r, o, guar if p.age >= 18 else p)
    codes = CPT_FOR.get(s["k"], [("99214", 212)]); tot = sum(x[1] for x in codes) * r.uniform(0.9, 1.3); paid = tot * r.uniform(0.3, 0.75)
    d.p(f"Account {c.acct}    Patient: {p.first_last()}    Date of service: {fd(c.dos, 'mdy')}")
    d.p(f"Dear {guar.mr()},")
    d.p(f"Thank you for contacting us about the bill for {'your' if p.age >= 18 else p.given + chr(39) + 's'} visit for {c.lay} ({c.code}). {c.payer} processed the claim on {fd(c.dos + dtm.timedelta(days=r.randint(15, 30)), 'mdy')} and paid {money(paid)} of the {money(tot)} charge.")
    d.p(f"The remaining {money(tot - paid)} was applied to {r.choice(['your deductible', 'coinsurance', 'a non-covered service'])}. {r.choice(['If you would like a payment plan, call us.', 'You may qualify for financial assistance; an application is enclosed.', 'We have placed the account on a 30-day hold while you review.'])}")
    d.sig(["Patient Accounts", o.name, o.phone])
    d.subject = r.choice(["Your account", f"Statement question - acct {c.acct}", None])
    return d

def P_voicemail(r):
    c = Case(r); p, s, o = c.p, c.s, c.o
    d = Doc("voicemail", "Voicemail transcription", o, "narr", hard=True)
    d.p(f"New voicemail from {p.phone} ({r.choice(['Wireless Caller', p.caps(), 'Unknown'])}) - {r.randint(0, 1)}:{r.randint(10, 59):02d} - received {fd(recent(r, 1), 'wd')} {clock(r)}")
    said = r.choice([f"Hi, this is {p.first_last()}, my date of birth is {fd(p.dob, 'Month d, y')}.", f"Hello, um, it's {p.given} {p.family}, birthday {fd(p.dob, 'm/d/y')}.",
                     f"Yes this is {c.guard.first_last() if c.guard else p.first_last()} calling about {'my ' + ('son' if p.sex == 'M' else 'daughter') + ' ' + p.given if c.guard else 'myself'}, date of birth {fd(p.dob, 'mdy')}."])
    ask = r.choice([f"I'm calling because the {s['drug']} {r.choice(['ran out', 'is making me dizzy', 'was not at the pharmacy'])} and I still have the {c.lay} thing going on.",
                    f"I got a letter about my {tl(s['test'])} and I don't understand what it means, something about {c.lay}.",
                    f"The doctor said I need the {s['plan'].split(',')[0]} and nobody has called me to set it up."])
    d.p(f'"{said} {ask} Can somebody call me back at {p.phone}? Thank you."')
    d.small(f"Transcription confidence: {r.choice(['high', 'medium'])}. Delivered by {r.choice(['Mitel MiVoice', 'RingCentral', 'Cisco Unity Connection', 'Vonage Business'])} visual voicemail.")
    d.subject = r.choice(["Voice Message from " + p.phone, "New voicemail", "VM transcription"])
    return d

def P_chaplain(r):
    o = org(r, ("hospital", "homehealth")); c = Case(r, o=o, need=lambda s: s["amin"] >= 40 or s["inpt"]); p, s = c.p, c.s; ch = staffer(r, o.state)
    d = Doc("spiritual-care-note", None, o, "narr", hard=True)
    d.p(f"Spiritual care visit {fd(recent(r, 2), 'mdy')}, {r.choice(['4 West', 'ICU bed 7', 'Palliative suite', 'home visit'])}.")
    d.p(f"Visited {pt_ref(r, p)} and {r.choice(['wife', 'husband', 'two adult children', 'sister'])} at the bedside at the request of nursing. {p.given} is being treated for {c.lay}; family understands that {r.choice(['the goal has shifted to comfort', 'surgery is tomorrow', 'the team is waiting on results', 'discharge to hospice is being discussed'])}.")
    d.p(f"{p.given} identifies as {r.choice(['Catholic', 'Baptist', 'Muslim', 'Jewish', 'not religious but spiritual', 'Orthodox Christian', 'Buddhist'])} and asked for {r.choice(['a prayer', 'the sacrament of the sick', 'a visit from the imam', 'quiet presence', 'help writing a letter to a grandson'])}. Provided presence and reflective listening.")
    d.p("Plan: follow up in 1-2 days; community clergy contacted with permission.")
    d.sig([f"Chaplain {ch.first_last()}, {r.choice(['MDiv, BCC', 'MA', 'MDiv'])}"])
    return d

def P_safety_event(r):
    o = org(r, ("hospital", "homehealth", "bh")); c = Case(r, o=o); p, s = c.p, c.s
    d = Doc("safety-event", f"Safety event report #{dg(r, 6)}", o, "narr", hard=True)
    ev = r.choice(["unassisted fall from the bed", "wrong-time dose", "delayed lab draw", "pressure injury found on admission skin check", "IV infiltration"])
    d.p(f"Event: {ev} on {fd(recent(r, 5), 'mdy')} at {clock(r, True)}.")
    d.p(f"Patient {p.first_last()}, MRN {c.mrn}, {a_an(age_sex(r, p))} admitted for {c.lay} ({c.code}). {cap(p.he())} was on {s['drug']}.")
    d.p(r.choice([f"RN found {p.him()} on the floor beside the bed; no visible injury, CT head negative.", "Dose was given 3 hours late after a pharmacy verification delay; no harm.",
                  "Charge nurse notified the provider and family; incident discussed at huddle."]))
    d.p(f"Harm level: {r.choice(['No harm', 'Minor harm', 'Reached patient, no harm'])}. Reported by {staffer(r, o.state).first_last()}, RN.")
    d.small("Patient safety work product - privileged and confidential under the Patient Safety and Quality Improvement Act.")
    return d

def P_peer_to_peer(r):
    o = org(r, ("payer", "medicaid")); c = Case(r, o=o, need=lambda s: any(x in s["drug"] for x in ("pen", "injection")) or s["inpt"] or s["img"]); p, s = c.p, c.s; md = Clin(r, state=o.state, cred="MD")
    d = Doc("peer-to-peer", "Peer-to-peer discussion summary", o, "narr", hard=True)
    d.p(f"Member: {p.full()}  |  ID {c.mem}  |  DOB {fd(p.dob, r.choice(['mdy', 'iso']))}")
    d.p(f"On {fd(recent(r, 3), 'mdy')} {md.dr()} (plan medical director) spoke with {c.cl.dr()} about the request for {s['plan'].split(';')[0]} for {c.lay}.")
    d.p(f"Treating physician reported {c.res} and {r.choice(['failure of two prior agents', 'worsening despite standard therapy', 'symptoms limiting work'])}.")
    d.p(r.choice(["Outcome: denial overturned; authorization approved for 6 months.", "Outcome: denial upheld; criteria not met. Appeal rights letter to follow.", "Outcome: approved with modification (reduced quantity)."]))
    d.p(f"Authorization #{authno(r)}.")
    d.sig([md.name(), f"Medical Director, {o.name}"])
    return d

def P_es_phone(r):
    c = Case(r, kinds=("clinic", "fqhc", "peds", "women", "urgent")); p, s, o = c.p, c.s, c.o
    if p.pool not in HISP: p2 = Person(r, p.age, p.age, sex=p.sex, state=o.state, pool=r.choice(sorted(HISP))); p2.dob = p.dob; p2.age = p.age; c.p = p = p2
    nurse = staffer(r, o.state)
    d = Doc("spanish-phone-note", None, o, "narr", lang="es", hard=True)
    caller = "la paciente" if p.sex == "F" else "el paciente"
    d.p(f"Llamada telefónica {fd(recent(r, 2), 'es/')} {clock(r, True)}. Llamó {caller} {p.full()} (fecha de nac. {fd(p.dob, 'es/')}) al {p.phone}." if p.age >= 18 else
        f"Llamada telefónica {fd(recent(r, 2), 'es/')} {clock(r, True)}. Llamó la mamá de {p.full()} (nac. {fd(p.dob, 'es/')}), tel. {c.guard.phone}.")
    d.p(f"Motivo: pregunta sobre {s['es']}. Resultado: {c.res}.")
    d.p(f"Se le explicó que el plan es {s['es_plan']}. {r.choice(['Entendió y repitió las instrucciones.', 'Pidió que le mandemos la información por correo.', 'Tiene cita el ' + fd(future(r), 'es') + '.'])}")
    d.p(f"Si empeora, ir a urgencias. — {nurse.first_last()}, {r.choice(['RN', 'LPN', 'MA'])}")
    d.subject = r.choice(["Nota de llamada", "llamada de paciente", None])
    return d

def P_med_necessity(r):
    c = Case(r, need=lambda s: any(x in s["drug"] for x in ("pen", "injection", "hearing", "negative-pressure", "phlebotomy")) or s["img"]); p, s, o = c.p, c.s, c.o
    d = Doc("medical-necessity", "Letter of Medical Necessity", o, "narr", hard=True)
    d.p(fd(recent(r, 3), "Month d, y")); d.addr([f"{c.payer}", "Attn: Utilization Management"])
    d.p(f"RE: {p.full()} | DOB: {fd(p.dob, r.choice(['mdy', 'Month d, y']))} | Member ID: {c.mem}")
    d.p("To whom it may concern:")
    d.p(f"I am writing on behalf of my patient, {p.first_last()}, who has {c.desc} ({c.code}). {cap(p.his())} most recent evaluation showed {c.res}.")
    d.p(f"I am requesting coverage for {s['drug']} as part of this plan: {s['plan']}. {r.choice(['Less costly alternatives have been tried without benefit.', 'Without treatment there is a high risk of hospitalization.', 'The request follows current specialty society guidelines.'])}")
    d.p(f"Please contact my office at {o.phone} with any questions.")
    d.sig(["Sincerely,", "", c.cl.name(), f"NPI {c.cl.npi}", o.name])
    return d

def P_travel_letter(r):
    c = Case(r, need=lambda s: any(x in s["drug"] for x in ("pen", "injection", "tablet", "capsule"))); p, s, o = c.p, c.s, c.o
    d = Doc("travel-letter", None, o, "narr", hard=True)
    d.p(fd(recent(r, 3), "Month d, y")); d.p("To Whom It May Concern / TSA and airline staff:")
    d.p(f"{p.full()}, born {fd(p.dob, r.choice(['Month d, y', 'mdy', 'd Month y']))}, is under my care for {c.lay}. {cap(p.he())} must carry {s['drug']} {r.choice(['and syringes', 'with an ice pack', 'in the original pharmacy bottle', 'and related supplies'])} in the cabin during travel from {fd(future(r, 5, 30), 'm/d')} to {fd(future(r, 31, 45), 'm/d')}.")
    d.p(f"Please allow {p.him()} to keep the medication on {p.his()} person. Contact my office at {o.phone} to verify.")
    d.sig([c.cl.name(), o.name])
    return d

def P_school_plan(r):
    o = org(r, ("peds", "urgent", "ortho")); c = Case(r, o=o, keys=("concussion", "eczema", "sickle", "peds_pna", "celiac"), amax=17); p, s = c.p, c.s
    d = Doc("school-care-plan", None, o, "narr", hard=True)
    school = r.choice(["Lincoln Elementary", "Ridgeview Middle School", "St. Agnes School", "Northside High School", "Crestwood Academy"])
    d.p(fd(recent(r, 2), "Month d, y")); d.p(f"To the school nurse, {school}:")
    d.p(f"{p.first_last()} (DOB {fd(p.dob, r.choice(['mdy', 'm/d/y']))}, grade {max(1, min(12, p.age - 5))}) was seen in our office on {fd(c.dos, 'm/d')} for {c.lay}.")
    d.p(f"Instructions for school: {s['plan']}. {r.choice(['No PE until cleared by our office.', 'May carry medicine in the backpack.', 'Please allow water bottle and bathroom breaks.', 'Shortened days are fine this week.'])}")
    d.p(f"Parent/guardian: {c.guard.first_last()}, {c.guard.phone}.")
    d.sig([c.cl.name(), o.name])
    return d

def P_discharge(r):
    o = org_by_kind(r, "hospital"); c = Case(r, o=o, need=lambda s: s["inpt"] or "hospital" in s["kinds"]); p, s = c.p, c.s; adm = c.dos - dtm.timedelta(days=r.randint(2, 6))
    d = Doc("discharge-summary", "Discharge Summary", o, "narr", hard=False)
    d.runhead = f"{p.LFM()}  MRN {c.mrn}  DOB {fd(p.dob, 'mdy')}"
    d.p(f"Admitted {fd(adm, 'mdy')}, discharged {fd(c.dos, 'mdy')} to {r.choice(['home', 'home with home health', 'skilled nursing facility', 'daughter’s home'])}. Attending: {c.cl.name()}.")
    d.h("Hospital course")
    d.p(f"{p.first_last()} is {a_an(age_sex(r, p))} who presented with {c.lay}. Workup showed {c.res}. {cap(p.he())} was treated with {s['drug']} and {r.choice(['improved steadily', 'had a slow but steady recovery', 'was ready for discharge on hospital day ' + str((c.dos - adm).days)])}.")
    d.h("Discharge diagnoses"); d.bul([c.dx_line()] + [f"{b} ({a})" for a, b in c.other])
    d.h("Plan"); d.p(f"{cap(s['plan'])}. Follow up with PCP within 7 days.")
    d.sig([c.cl.name()])
    return d

PHI_NARR = [P_note_nolabel, P_note_nolabel, P_note_nolabel, P_consult_letter, P_result_letter, P_result_letter, P_es_letter, P_es_letter, P_home_visit, P_bh_note, P_dental_letter, P_pharm_rems,
            P_case_mgmt, P_billing_letter, P_voicemail, P_chaplain, P_safety_event, P_peer_to_peer, P_es_phone, P_med_necessity, P_travel_letter, P_school_plan, P_discharge]

# ================================================================== PHI: structured documents
LBL = {"name": ["Patient", "Patient Name", "Pt. Legal Name", "Name (Last, First MI)", "Patient/Client", "PATIENT NAME", "Member Name", "Pt"],
       "dob": ["DOB", "Date of Birth", "D.O.B.", "Birth Date", "Birthdate", "Date of Birth (MM/DD/YYYY)", "BD", "DOB / Age"],
       "mrn": ["MRN", "Med Rec #", "Chart No.", "MR No", "Unit #", "EMPI", "Person #", "Medical Record Number"],
       "mem": ["Member ID", "Subscriber ID", "Member No.", "Insured's I.D. Number", "Ins ID", "Policy / ID #", "ID Card #"],
       "acct": ["Acct #", "Account No.", "Guarantor Acct", "HAR", "Patient Account", "FIN", "Visit #", "CSN", "Encounter ID"],
       "phone": ["Phone", "Home Phone", "Best # to call", "Cell", "Contact Phone", "Tel."],
       "addr": ["Address", "Home Address", "Street / City / ZIP", "Mailing Address", "Residence"]}
def L(r, k): return r.choice(LBL[k])
def pt_pairs(r, c, extra=()):
    p = c.p; ps = [(L(r, "name"), r.choice([p.lfm(), p.LFM(), p.full(), p.LF()])), (L(r, "dob"), dob(r, p)), (L(r, "mrn"), c.mrn)]
    if r.random() < 0.5: ps.append(("Sex", r.choice([p.sex, p.sexw().capitalize()])))
    if r.random() < 0.4: ps.append((L(r, "phone"), p.phone))
    if r.random() < 0.3: ps.append((L(r, "addr"), ", ".join(p.addr_lines())))
    return ps + list(extra)
def runhead(r, c): p = c.p; return r.choice([f"{p.LFM()}  |  MRN {c.mrn}  |  DOB {fd(p.dob, 'mdy')}", f"{p.lfm()} ({p.age}{p.sex})  {c.mrn}", f"Patient: {p.full()}   DOB: {fd(p.dob, 'm/d/y')}"])

LAB_PANEL = {"gout": [("Uric acid", "3084-1", 3.5, 7.2, "mg/dL", 8.6, 11.8), ("Creatinine", "2160-0", 0.6, 1.3, "mg/dL", 0.8, 1.6)],
             "celiac": [("tTG IgA", "31017-7", 0, 3.9, "U/mL", 48, 240), ("IgA, total", "2458-8", 70, 400, "mg/dL", 110, 310)],
             "b12": [("Vitamin B12", "2132-9", 232, 1245, "pg/mL", 96, 178), ("MCV", "787-2", 80, 100, "fL", 103, 114), ("Hemoglobin", "718-7", 12.0, 16.0, "g/dL", 9.1, 11.4)],
             "hyperk": [("Potassium", "2823-3", 3.5, 5.1, "mmol/L", 6.0, 6.6), ("Creatinine", "2160-0", 0.6, 1.3, "mg/dL", 1.8, 2.9), ("CO2", "2028-9", 22, 29, "mmol/L", 17, 21)],
             "hypona": [("Sodium", "2951-2", 136, 145, "mmol/L", 121, 128), ("Osmolality, serum", "2692-2", 275, 295, "mOsm/kg", 252, 268)],
             "hemochrom": [("Ferritin", "2276-4", 24, 336, "ng/mL", 980, 1640), ("Iron saturation", "2502-3", 20, 50, "%", 68, 88)],
             "ktx": [("Tacrolimus, trough", "11253-2", 6, 9, "ng/mL", 2.8, 15.8), ("Creatinine", "2160-0", 0.6, 1.3, "mg/dL", 1.1, 2.1), ("Magnesium", "19123-9", 1.6, 2.6, "mg/dL", 1.2, 1.7)],
             "clozapine": [("WBC", "6690-2", 4.0, 10.5, "K/uL", 2.9, 4.1), ("ANC", "751-8", 1.5, 7.8, "K/uL", 1.05, 1.45)],
             "hpth": [("Calcium", "17861-6", 8.6, 10.3, "mg/dL", 10.8, 11.9), ("PTH, intact", "2731-8", 15, 65, "pg/mL", 88, 160)],
             "pancreatitis": [("Lipase", "3040-3", 13, 60, "U/L", 980, 2400), ("ALT", "1742-6", 7, 52, "U/L", 60, 240)],
             "hepb": [("HBV DNA, quant", "29615-2", 0, 10, "IU/mL", 12000, 96000), ("ALT", "1742-6", 7, 52, "U/L", 58, 140)],
             "sickle": [("Hemoglobin", "718-7", 11.5, 15.5, "g/dL", 6.2, 7.6), ("Reticulocytes", "17849-1", 0.5, 2.5, "%", 9, 18)],
             "ra": [("CCP antibody", "53027-9", 0, 19, "U/mL", 90, 250), ("CRP", "1988-5", 0, 10, "mg/L", 14, 38)]}
def P_lab(r):
    k = r.choice(sorted(LAB_PANEL)); c = Case(r, o=org(r, ("lab", "hospital", "clinic", "renal", "fqhc")), keys=(k,)); p, s, o = c.p, c.s, c.o
    d = Doc("lab-results", r.choice(["Laboratory Report", "Final Report", "CUMULATIVE RESULTS", "Lab Results"]), o, "form"); d.runhead = runhead(r, c) if r.random() < 0.6 else None
    coll = dtm.datetime.combine(c.dos, dtm.time(r.randint(6, 11), r.randint(0, 59)))
    d.kv(pt_pairs(r, c, [("Accession", accession(r)), ("Collected", f"{fd(c.dos, 'mdy')} {coll:%H:%M}"), ("Ordering", c.cl.name()), (r.choice(["Client", "Location"]), r.choice(["Outpatient draw", "ED", "3 North", "Dialysis unit", o.short]))]))
    rows = []
    for name, loinc, lo, hi, unit, a, b in LAB_PANEL[k]:
        v = r.uniform(a, b); vs = f"{v:,.0f}" if v >= 100 else f"{v:.2f}" if v < 3 else f"{v:.1f}"
        flag = "H" if v > hi else "L" if v < lo else ""
        if flag and (v > hi * 1.8 or v < lo * 0.75): flag = flag * 2
        rows.append([name, vs, flag, unit, f"{lo:g}-{hi:g}" if lo else f"<{hi:g}", loinc])
    d.tbl(r.choice([["Test", "Result", "Flag", "Units", "Reference", "LOINC"], ["Component", "Value", "Abn", "Unit", "Ref Range", "Code"]]), rows)
    if any(x[2] for x in rows) and r.random() < 0.6: d.p(f"Abnormal result(s) called to {staffer(r, o.state).first_last()}, RN at {clock(r)} on {fd(c.dos, 'mdy')}; read back confirmed.")
    d.small(f"Performed at {o.name}, {o.addr()}. CLIA {o.clia}. Medical director: {Clin(r, cred='MD').name()}.")
    d.subject = r.choice([f"Lab results {p.family}", "Results", None])
    return d

RAD_BODY = {"pe": ("CT ANGIOGRAM CHEST", "71275", "Dyspnea, tachycardia, elevated D-dimer."), "rcuff": ("MRI RIGHT SHOULDER WITHOUT CONTRAST", "73221", "Right shoulder pain and weakness x 4 months."),
            "hip_oa": ("XR PELVIS AP AND RIGHT HIP 2 VIEWS", "73502", "Right groin pain, limping."), "divert": ("CT ABDOMEN AND PELVIS WITH CONTRAST", "74177", "LLQ pain, fever."),
            "ankle": ("XR RIGHT ANKLE 3 VIEWS", "73610", "Inversion injury, unable to bear weight."), "peds_pna": ("XR CHEST 2 VIEWS", "71046", "Fever, cough, tachypnea."),
            "hpth": ("PARATHYROID SESTAMIBI SPECT/CT", "78072", "Hypercalcemia, elevated PTH.")}
def P_radiology(r):
    k = r.choice(sorted(RAD_BODY)); c = Case(r, o=org(r, ("imaging", "hospital", "ortho")), keys=(k,)); p, s, o = c.p, c.s, c.o
    exam, cpt, hist = RAD_BODY[k]; rad = Clin(r, cred="MD", state=o.state)
    d = Doc("radiology", exam if r.random() < 0.5 else "Radiology Report", o, "form"); d.runhead = runhead(r, c) if r.random() < 0.5 else None
    d.kv(pt_pairs(r, c, [("Exam date", fd(c.dos, r.choice(["mdy", "d-Mon-y"]))), ("Accession", accession(r)), ("CPT", cpt), ("Referring", c.cl.name())]), cols=4)
    d.h("Clinical history"); d.p(hist)
    d.h("Comparison"); d.p(r.choice(["None.", f"{fd(c.dos - dtm.timedelta(days=r.randint(200, 900)), 'mdy')}."]))
    d.h("Findings"); d.p(f"{cap(c.res)}. " + r.choice(["No other acute abnormality.", "Remaining structures are unremarkable for age.", "Mild degenerative change elsewhere."]))
    d.h("Impression"); d.p(f"1. {cap(c.res.split(';')[0])}, consistent with {c.lay}.\n2. {r.choice(['Findings discussed with the referring clinician by phone.', 'Clinical correlation recommended.', 'Follow-up per clinical course.'])}")
    d.sig([f"Dictated by {rad.name()}", f"Signed {fd(c.dos, 'mdy')} {clock(r, True)}"])
    return d

def P_prior_auth(r):
    c = Case(r, need=lambda s: any(x in s["drug"] for x in ("pen", "injection", "negative-pressure", "hearing")) or s["img"] or s["k"] in ("hip_oa", "rcuff", "thyroidca")); p, s, o = c.p, c.s, c.o
    d = Doc("prior-auth", r.choice(["PRIOR AUTHORIZATION REQUEST", "Pre-Service Review Request", "Precertification Form"]), o, "form")
    d.h("Section A - Member"); d.kv([(L(r, "name"), p.LFM() if r.random() < 0.5 else p.lfm()), (L(r, "dob"), dob(r, p)), (L(r, "mem"), c.mem), ("Plan", c.payer), ("Group #", group_no(r)), ("Member phone", p.phone)])
    d.h("Section B - Provider"); d.kv([("Requesting provider", c.cl.name()), ("NPI", c.cl.npi), ("Practice", o.name), ("Tax ID", o.tin), ("Contact / fax", f"{staffer(r, o.state).first_last()} / {o.fax}")])
    codes = CPT_FOR.get(s["k"], [("99214", 0)])
    d.h("Section C - Service"); d.kv([("Diagnosis (ICD-10)", f"{c.code} {c.desc}"), ("Requested", s["drug"] if s["drug"] not in ("none (observation)",) else s["plan"]), ("CPT/HCPCS", ", ".join(x[0] for x in codes)),
                                       ("Start date", fd(future(r, 3, 20), "mdy")), ("Urgency", r.choice(["Standard", "Expedited (72 h)"]))])
    d.h("Section D - Clinical"); d.p(f"{c.res}. Prior therapy: {r.choice(['topical/oral agents x 6 months', 'conservative care incl. PT x 8 weeks', 'first-line therapy not tolerated', 'none'])}. Plan: {s['plan']}.")
    d.chk([(True, "Chart notes attached"), (r.random() < 0.5, "Lab/imaging attached"), (False, "Peer-to-peer requested")])
    return d

def P_appeal(r):
    c = Case(r); p, s, o = c.p, c.s, c.o; carc = r.choice(CARC); codes = CPT_FOR.get(s["k"], [("99214", 212)])
    d = Doc("appeal", r.choice(["Request for Reconsideration", "Level 1 Provider Appeal", "Claim Dispute Form"]), o, "form")
    d.kv([("Patient", p.full()), (L(r, "dob"), fd(p.dob, "mdy")), (L(r, "mem"), c.mem), ("Claim #", claimno(r)), ("Date(s) of service", fd(c.dos, "mdy")), ("Billed", money(sum(x[1] for x in codes))),
          ("Denial reason", f"{carc[0]} {carc[1]}"), ("Payer", c.payer)])
    d.h("Reason for appeal")
    d.p(f"The service ({', '.join(x[0] for x in codes)}) was medically necessary for {c.desc} ({c.code}). Documentation shows {c.res}. {r.choice(['Authorization ' + authno(r) + ' was on file.', 'The claim was filed within the timely filing limit; proof attached.', 'Modifier 25 was appropriate because a separate problem was addressed.'])}")
    d.sig([f"{staffer(r, o.state).first_last()}, {r.choice(['CPC', 'CRCR', 'RHIA'])}", f"{o.name} Patient Financial Services", o.phone])
    return d

def P_elig_screen(r):
    c = Case(r); p, s, o = c.p, c.s, c.o
    d = Doc("eligibility", r.choice(["Eligibility & Benefits - Response", "Real-Time Eligibility (271) Result", "Coverage Verification"]), o, "form")
    d.kv([("Subscriber", p.LFM()), ("Subscriber DOB", fd(p.dob, "mdy")), ("Member ID", c.mem), ("Payer", c.payer), ("Coverage", r.choice(["ACTIVE", "Active - Medical", "ACTIVE COVERAGE"])),
          ("Plan begin", fd(D(TODAY.year, 1, 1), "mdy")), ("Group", group_no(r)), ("PCP on file", r.choice([c.cl.name(), "None"]))], cols=4)
    ded = r.choice([500, 1500, 2500, 3000]); met = r.randint(0, ded)
    d.tbl(["Benefit", "In-network", "Out-of-network", "Remaining"], [["Deductible (ind.)", money(ded), money(ded * 2), money(ded - met)], ["OOP max", money(ded * 3), money(ded * 6), money(ded * 3 - met)],
          ["Specialist copay", money(r.choice([40, 50, 60])), "40% after ded.", ""], [s["spec"] + " visit", "Covered", "Covered - 40%", ""]])
    d.p(f"Checked for scheduled visit {fd(future(r, 1, 10), 'mdy')} ({c.lay}) by {staffer(r, o.state).given} at {clock(r)}. Trace {dg(r, 10)}.")
    return d

def P_refill(r):
    o = org(r, ("pharmacy", "spharm")); c = Case(r, o=o, need=lambda s: any(x in s["drug"] for x in ("tablet", "capsule", "pen", "drops", "suspension"))); p, s = c.p, c.s
    d = Doc("refill-request", r.choice(["REFILL AUTHORIZATION REQUEST", "Prescription Renewal Request", "Fax Refill Request"]), o, "form")
    d.p(f"To: {c.cl.name()}   Fax: {phone(r)}\nFrom: {o.name}   Fax: {o.fax}   Phone: {o.phone}")
    d.kv([(L(r, "name"), p.LFM()), (L(r, "dob"), fd(p.dob, r.choice(["mdy", "m/d/y"]))), ("Patient phone", p.phone), ("Rx #", rxno(r)), ("Drug", s["drug"]), ("NDC", ndc(r)), ("Last fill", fd(recent(r, 40), "mdy")),
          ("Qty / days", f"{r.choice([30, 60, 90])} / {r.choice([30, 90])}"), ("Refills remaining", "0"), ("Diagnosis", f"{c.code}")])
    d.chk([(False, "Approved - refills: ____"), (False, "Denied - patient must be seen"), (False, "Changed - see new Rx")])
    d.p("Prescriber signature: ____________________   Date: ________   DEA: " + dea(r, c.cl.p.family))
    return d

def P_cms1500(r):
    c = Case(r); p, s, o = c.p, c.s, c.o; codes = CPT_FOR.get(s["k"], [("99214", 212)])
    d = Doc("cms-1500", "CMS-1500 (02/12) claim data", o, "form")
    d.kv([("1a INSURED'S I.D. NUMBER", c.mem), ("2 PATIENT'S NAME", p.LFM()), ("3 PATIENT'S BIRTH DATE / SEX", f"{fd(p.dob, 'm d y')}  {p.sex}"), ("4 INSURED'S NAME", p.LFM() if p.age >= 18 else c.guard.LFM()),
          ("5 PATIENT'S ADDRESS", f"{p.street}, {p.city} {p.state} {p.zip}"), ("11 INSURED'S POLICY GROUP", group_no(r)), ("21 ICD IND 0  A.", c.code.replace(".", "")), ("B.", c.other[0][0].replace(".", "") if c.other else ""),
          ("26 PATIENT'S ACCOUNT NO.", c.acct), ("33 BILLING PROVIDER", f"{o.name}  NPI {o.npi}")])
    d.tbl(["24A DOS", "24B POS", "24D CPT/HCPCS", "24E PTR", "24F $ CHARGES", "24G UNITS", "24J NPI"], [[c.dos, r.choice(["11", "22", "21"]), x, "A", Money(v), "1", c.cl.npi] for x, v in codes])
    return d

def P_ub04(r):
    o = org_by_kind(r, "hospital"); c = Case(r, o=o, need=lambda s: s["inpt"] or "hospital" in s["kinds"]); p, s = c.p, c.s; adm = c.dos - dtm.timedelta(days=r.randint(1, 5))
    d = Doc("ub-04", "UB-04 / 837I key data", o, "form")
    d.kv([("FL 03a PAT CNTL #", c.acct), ("FL 03b MED REC #", c.mrn), ("FL 04 TYPE OF BILL", "0111"), ("FL 06 STATEMENT PERIOD", f"{fd(adm, 'mdy6')}-{fd(c.dos, 'mdy6')}"), ("FL 08 PATIENT NAME", p.LF()),
          ("FL 09 PATIENT ADDRESS", f"{p.street} {p.city} {p.state} {p.zip}"), ("FL 10 BIRTHDATE", fd(p.dob, "mdy8")), ("FL 11 SEX", p.sex), ("FL 50 PAYER", c.payer), ("FL 60 INSURED'S UNIQUE ID", c.mem),
          ("FL 67 PRIN DX", c.code.replace(".", "")), ("FL 76 ATTENDING", f"{c.cl.p.LF()} NPI {c.cl.npi}")])
    rows = [["0120", "Room-board/semi", "", (c.dos - adm).days, Money(1850 * (c.dos - adm).days)], ["0250", "Pharmacy", "", r.randint(8, 30), Money(r.uniform(400, 2900))],
            ["0300", "Laboratory", "", r.randint(6, 20), Money(r.uniform(300, 1400))], ["0450", "Emergency room", "99284", 1, Money(r.uniform(900, 2400))]]
    d.tbl(["FL42 REV", "FL43 DESCRIPTION", "FL44 HCPCS", "FL46 UNITS", "FL47 CHARGES"], rows)
    return d

def P_superbill(r):
    c = Case(r, kinds=("clinic", "fqhc", "derm", "urgent", "peds", "eye")); p, s, o = c.p, c.s, c.o; codes = CPT_FOR.get(s["k"], [("99214", 212)])
    d = Doc("superbill", r.choice(["Encounter Form", "SUPERBILL", "Charge Ticket"]), o, "form")
    d.kv([("Patient", p.lfm()), (L(r, "dob"), fd(p.dob, "mdy")), ("Acct", c.acct), ("Insurance", c.payer), ("Ins ID", c.mem), ("Provider", c.cl.name()), ("DOS", fd(c.dos, "mdy"))], cols=4)
    allc = [("99212", "Est. pt, straightforward"), ("99213", "Est. pt, low MDM"), ("99214", "Est. pt, moderate MDM"), ("99203", "New pt, low MDM"), ("99204", "New pt, moderate MDM"), ("36415", "Venipuncture"), ("96372", "Injection, IM/SC")]
    chosen = {x[0] for x in codes}
    d.h("Procedures"); d.chk([(code in chosen, f"{code}  {desc}") for code, desc in allc] + [(True, f"{x}  (per documentation)") for x, _ in codes if x not in {a for a, _ in allc}])
    d.h("Diagnoses"); d.chk([(True, f"{c.code}  {c.desc}")] + [(True, f"{a}  {b}") for a, b in c.other] + [(False, "Z00.00  Adult exam w/o abnormal findings")])
    d.p(f"Return: {r.choice(['2 wks', '1 mo', '3 mo', 'PRN'])}    Copay collected: {money(r.choice([0, 25, 40]))}")
    return d

def P_oasis(r):
    o = org_by_kind(r, "homehealth"); c = Case(r, o=o, amin=65); p, s = c.p, c.s
    d = Doc("oasis", "OASIS-E1 Start of Care - selected items", o, "form")
    d.kv([("M0040 Patient name", p.LFM()), ("M0066 Birth date", fd(p.dob, "mdy")), ("M0063 Medicare number", mbi(r)), ("M0064 SSN", ssn(r)), ("M0020 Patient ID", c.mrn), ("M0030 SOC date", fd(c.dos, "mdy")),
          ("M1021 Primary diagnosis", f"{c.code} {c.desc}"), ("M1023 Other diagnoses", "; ".join(a for a, _ in c.other) or "none"), ("M1800 Grooming", str(r.randint(0, 3))), ("M1860 Ambulation", str(r.randint(1, 4)))])
    d.p(f"Clinical summary: {c.res}. Plan of care: {s['plan']}. Physician: {c.cl.name()} (NPI {c.cl.npi}).")
    return d

def P_dental_claim(r):
    o = org_by_kind(r, "dental"); c = Case(r, o=o); p, s = c.p, c.s; tooth = re.search(r"#(\d+)", c.res).group(1)
    d = Doc("dental-claim", "ADA Dental Claim - data entry", o, "form")
    d.kv([("12 Policyholder name", p.LFM() if p.age >= 18 else c.guard.LFM()), ("13 Policyholder DOB", fd((p if p.age >= 18 else c.guard).dob, "mdy")), ("15 Policyholder ID", c.mem),
          ("20 Patient name", p.LFM()), ("21 Patient DOB", fd(p.dob, "mdy")), ("22 Gender", p.sex), ("23 Patient ID/Acct #", c.acct), ("Treating dentist", f"{c.cl.name()} NPI {c.cl.npi}")])
    rows = [[c.dos, "", "", "D0140", "Limited oral evaluation", Money(78)], [c.dos, tooth, "", "D0220", "Periapical, first image", Money(34)], [c.dos, tooth, "", "D7140", "Extraction, erupted tooth", Money(196)]]
    d.tbl(["24 Date", "27 Tooth", "28 Surf", "29 Code", "30 Description", "31 Fee"], rows)
    d.p(f"34a Dx code: {c.code} ({c.desc}). Remarks: {c.res}.")
    return d

def P_eye_exam(r):
    o = org_by_kind(r, "eye"); c = Case(r, o=o); p, s = c.p, c.s
    d = Doc("eye-exam", r.choice(["Retina Clinic Visit", "Comprehensive Eye Exam", "Ophthalmology Visit"]), o, "form"); d.runhead = runhead(r, c)
    d.kv([("VA cc OD", f"20/{r.choice([40, 60, 80, 100])}"), ("VA cc OS", f"20/{r.choice([20, 25, 30])}"), ("IOP OD/OS", f"{r.randint(12, 28)}/{r.randint(12, 26)} (Goldmann)"), ("Pupils", "PERRL, no APD")], cols=4)
    d.h("Assessment / Plan"); d.p(f"{c.desc} ({c.code}). {cap(c.res)}. {cap(s['plan'])}.")
    d.p(f"Patient {p.first_last()} consented; {s['drug']} {r.choice(['administered OD today, lot ' + dg(r, 6), 'prescribed'])}. RTC {r.choice([4, 6, 8])} weeks.")
    d.sig([c.cl.name()])
    return d

def P_transplant_flow(r):
    o = org(r, ("renal", "lab")); c = Case(r, o=o, keys=("ktx",)); p = c.p
    d = Doc("transplant-labs", "Post-transplant lab flowsheet", o, "form"); d.runhead = runhead(r, c)
    dates = sorted({recent(r, 60) for _ in range(5)}); rows = []
    for dd in dates: rows.append([dd, f"{r.uniform(3.0, 14.5):.1f}", f"{r.uniform(1.0, 2.2):.2f}", f"{r.uniform(3.6, 5.6):.1f}", f"{r.uniform(1.3, 2.2):.1f}", r.choice(["", "", "dose adj", "held x1"])])
    d.kv([("Recipient", p.full()), (L(r, "dob"), fd(p.dob, "mdy")), ("Transplant date", fd(TODAY - dtm.timedelta(days=r.randint(120, 2400)), "mdy")), ("Donor", r.choice(["LRD", "DDKT", "LURD"])), ("Coordinator", staffer(r, o.state).first_last() + ", RN")])
    d.tbl(["Date", "FK trough (6-9)", "Creat", "K", "Mg", "Note"], rows)
    d.p(f"Current: tacrolimus {r.choice([1, 2, 3])} mg BID, mycophenolate 500 mg BID, prednisone 5 mg daily. Dx Z94.0.")
    return d

def P_reportable(r):
    c = Case(r, keys=("syphilis", "ltbi", "hepb")); p, s, o = c.p, c.s, c.o
    d = Doc("public-health-report", r.choice(["Confidential Morbidity Report", "Reportable Condition - Provider Report"]), o, "form")
    d.kv([("Patient", p.LFM()), ("DOB", fd(p.dob, "mdy")), ("Sex", p.sex), ("Race/ethnicity", r.choice(["Black", "White", "Hispanic", "Asian", "AI/AN", "Unknown"])), ("Address", ", ".join(p.addr_lines())),
          ("Phone", p.phone), ("Condition", f"{c.desc} ({c.code})"), ("Lab result", c.res), ("Specimen date", fd(c.dos, "mdy")), ("Treatment", s["drug"]), ("Pregnant", "No" if p.sex == "M" else r.choice(["No", "Unknown"]))])
    d.p(f"Reporter: {c.cl.name()}, {o.name}, {o.phone}. Submitted to county health department by fax.")
    return d

def P_mar(r):
    o = org(r, ("hospital", "bh")); c = Case(r, o=o); p, s = c.p, c.s
    d = Doc("mar", "Medication Administration Record (excerpt)", o, "form"); d.runhead = runhead(r, c)
    rows = []
    for i, m in enumerate(c.meds):
        for t in r.sample(["0600", "0900", "1300", "1700", "2100"], 2): rows.append([c.dos, t, m, r.choice(["PO", "PO", "IV", "SC"]), r.choice(["Given", "Given", "Held - NPO", "Refused", "Given"]), f"{staffer(r).given[0]}{staffer(r).family[0]}"])
    rows.sort(key=lambda x: x[1])
    d.kv([("Room", f"{r.randint(2, 6)}{r.choice('ABCDE')}-{r.randint(1, 30):02d}"), ("Allergies", c.allergy), ("Dx", c.dx_line())])
    d.tbl(["Date", "Time", "Medication", "Route", "Status", "Init"], rows)
    return d

def P_polst(r):
    c = Case(r, amin=65, need=lambda s: s["amax"] > 80); p, s, o = c.p, c.s, c.o; agent = Person(r, 35, 70, state=o.state, pool=p.pool)
    d = Doc("polst", r.choice(["POLST - Portable Medical Order (copy)", "Physician Orders for Life-Sustaining Treatment"]), o, "form")
    d.kv([("Patient last name", p.family), ("First / middle", f"{p.given} {p.middle}".strip()), ("Date of birth", fd(p.dob, "mdy")), ("Gender", p.sex)])
    d.h("A. Cardiopulmonary resuscitation"); d.chk([(x, t) for x, t in zip(r.sample([True, False], 2), ["Attempt resuscitation/CPR", "Do Not Attempt Resuscitation/DNR"])])
    d.h("B. Medical interventions"); d.chk([(False, "Full treatment"), (True, "Selective treatment"), (False, "Comfort-focused treatment")])
    d.p(f"Diagnoses/summary: {c.lay}; {', '.join(x[1].split(',')[0].lower() for x in c.other) or 'no other major problems'}.")
    d.kv([("Discussed with", f"{agent.first_last()} (health care agent, {r.choice(['daughter', 'son', 'spouse', 'niece'])})"), ("Agent phone", agent.phone), ("Signing clinician", c.cl.name()), ("Date", fd(recent(r, 30), "mdy"))])
    return d

def P_ledger(r):
    c = Case(r, kinds=("clinic", "dental", "ortho", "imaging", "hospital", "derm")); p, s, o = c.p, c.s, c.o; codes = CPT_FOR.get(s["k"], [("99214", 212)])
    d = Doc("account-ledger", r.choice(["Patient Account Ledger", "Account Activity", "Guarantor Statement Detail"]), o, "form")
    g = p if p.age >= 18 else c.guard
    d.kv([("Guarantor", g.lfm()), ("Account #", c.acct), ("Patient", p.first_last()), ("Patient DOB", fd(p.dob, "mdy")), ("Primary ins.", c.payer)], cols=4)
    rows = []; bal = 0.0
    for code, v in codes: bal += v; rows.append([c.dos, code, f"{'Charge' if code[0] != 'D' else 'Proc'} - {c.code}", Money(v), Money(bal)])
    pay = bal * r.uniform(0.4, 0.8); bal -= pay; rows.append([c.dos + dtm.timedelta(days=21), "INSPAY", c.payer[:24], Money(-pay), Money(bal)])
    adj = bal * r.uniform(0, 0.4); bal -= adj; rows.append([c.dos + dtm.timedelta(days=21), "ADJ", "Contractual", Money(-adj), Money(bal)])
    d.tbl(["Date", "Code", "Description", "Amount", "Balance"], rows)
    d.p(f"Patient responsibility: {money(bal)}. Last statement {fd(recent(r, 10), 'mdy')}.")
    return d

def P_facesheet(r):
    o = org(r, ("hospital", "urgent", "ortho", "bh")); c = Case(r, o=o, amin=18); p, s = c.p, c.s; ec = Person(r, 25, 80, state=o.state, pool=p.pool)
    d = Doc("face-sheet", r.choice(["Patient Face Sheet", "Registration Summary", "ADMISSION FACE SHEET"]), o, "form")
    d.h("Patient"); d.kv([("Name", p.LFM()), ("Preferred name", p.nick or p.given), ("DOB", fd(p.dob, "mdy")), ("Age/Sex", f"{p.age} {p.sexw()}"), ("SSN", ssn(r)), ("MRN", c.mrn), ("Address", ", ".join(p.addr_lines())), ("Home", p.phone),
                           ("Language", r.choice(["English", "Spanish", "Polish", "Haitian Creole", "Pashto", "Amharic"])), ("Marital", r.choice(["M", "S", "W", "D"]))], cols=4)
    d.h("Visit"); d.kv([("Account/FIN", enc(r)), ("Admit", f"{fd(c.dos, 'mdy')} {clock(r, True)}"), ("Attending", c.cl.name()), ("Reason", c.lay), ("Unit/Bed", f"{r.choice(['3E', '4W', 'ED', 'OBS'])}-{r.randint(1, 40):02d}")], cols=4)
    d.h("Insurance"); d.kv([("Primary", c.payer), ("Member ID", c.mem), ("Subscriber", p.lfm())], cols=4)
    d.h("Emergency contact"); d.kv([("Name", ec.first_last()), ("Relation", r.choice(["Spouse", "Daughter", "Son", "Friend", "Mother"])), ("Phone", ec.phone)], cols=4)
    return d

def P_requisition(r):
    c = Case(r, keys=tuple(sorted(LAB_PANEL))); p, s, o = c.p, c.s, c.o; lab = org_by_kind(r, "lab")
    d = Doc("lab-requisition", f"{lab.name} - Test Requisition", lab, "form")
    d.kv([("Patient", p.LFM()), ("DOB", fd(p.dob, r.choice(["mdy", "iso"]))), ("Sex", p.sex), ("Phone", p.phone), ("Bill to", r.choice(["Insurance", "Client", "Patient"])), ("Insurance / ID", f"{c.payer} / {c.mem}"),
          ("Ordering", f"{c.cl.name()} NPI {c.cl.npi}"), ("Account", f"{o.short} #{dg(r, 5)}"), ("Collection", fd(future(r, 0, 5), "mdy") + " fasting" if r.random() < 0.4 else fd(future(r, 0, 5), "mdy"))], cols=4)
    d.chk([(True, f"{n} ({lo})") for n, lo, *_ in LAB_PANEL[s["k"]]] + [(False, "CBC w/ diff (58410-2)"), (False, "Lipid panel (57698-3)")])
    d.p(f"ICD-10: {c.code}" + (", " + ", ".join(a for a, _ in c.other) if c.other else ""))
    return d

def P_consent(r):
    c = Case(r, need=lambda s: s["k"] in ("hip_oa", "rcuff", "ankle", "abscess", "thyroidca", "amd", "bladder", "hemochrom")); p, s, o = c.p, c.s, c.o
    d = Doc("procedure-consent", "Consent for Procedure", o, "form")
    d.kv([("Patient", p.full()), ("DOB", fd(p.dob, "mdy")), ("MRN", c.mrn)], cols=4)
    d.p(f"I, {p.first_last()}, authorize {c.cl.name()} and assistants to perform: {s['plan'].split(';')[0]} for {c.desc}.")
    d.p("The nature of the procedure, the risks (bleeding, infection, damage to nearby structures, anesthesia risks), benefits and alternatives were explained to me and my questions were answered.")
    d.kv([("Patient signature", "/s/ signed on tablet"), ("Date/time", f"{fd(recent(r, 2), 'mdy')} {clock(r)}"), ("Witness", staffer(r, o.state).first_last() + ", RN"), ("Interpreter", r.choice(["N/A", "Spanish, ID 40" + dg(r, 4)]))])
    return d

def P_es_auth(r):
    c = Case(r, kinds=("clinic", "fqhc", "peds", "women", "ortho", "derm", "eye")); p, s, o = c.p, c.s, c.o; pay = org(r, ("medicaid", "payer"))
    if p.pool not in HISP: p2 = Person(r, p.age, p.age, sex=p.sex, state=o.state, pool=r.choice(sorted(HISP))); p2.dob = p.dob; p2.age = p.age; c.p = p = p2
    d = Doc("spanish-auth", "Aviso de autorización de servicios", pay, "form", lang="es", to=p if p.age >= 18 else c.guard); d.dfmt = "es/"
    d.kv([("Afiliado(a)", p.full()), ("Fecha de nacimiento", dob(r, p, es=True)), ("Número de afiliado", c.mem), ("Proveedor", c.cl.name()), ("Servicio", s["drug"] if "none" not in s["drug"] else s["es_plan"]),
          ("Diagnóstico", f"{c.code} - {s['es']}"), ("Número de autorización", authno(r)), ("Válida", f"{fd(TODAY, 'es/')} al {fd(TODAY + dtm.timedelta(days=180), 'es/')}"), ("Decisión", r.choice(["APROBADO", "APROBADO PARCIALMENTE", "NEGADO"]))])
    d.p(f"Si no está de acuerdo con esta decisión, puede apelar dentro de 60 días. Llame a Servicios al Afiliado al {pay.phone} (TTY 711).")
    return d

def P_ssn_only(r):
    o = org(r, ("hospital", "billing", "clinic", "urgent")); c = Case(r, o=o, amin=18); p = c.p
    d = Doc("registration-ssn", None, o, "mail", hard=True)
    d.p(r.choice([f"Registration corrected the SSN on {p.first_last()}'s account ({L(r, 'acct')} {c.acct}). Old {ssn(r)}, correct {ssn(r, 'd')}. DOB {fd(p.dob, 'mdy')} verified with the ID card.",
                  f"Please update the guarantor SSN for MRN {c.mrn}: {ssn(r, r.choice(['d', 's', 'n']))} (patient {p.lfm()}, born {fd(p.dob, 'm/d/y')}). The claim to {c.payer} rejected on the mismatch."]))
    d.p(r.choice(["Thanks.", "Let me know once it is rebilled.", "Scanned card is in the media tab."]))
    d.subject = r.choice(["SSN correction", "registration fix", "demographic update needed"])
    return d

def P_member_dob(r):
    c = Case(r); p = c.p
    d = Doc("member-id-dob", None, c.o, "mail", hard=True)
    d.p(r.choice([f"Can you verify coverage for member {c.mem}, DOB {fd(p.dob, r.choice(DOB_ST))}? {cap(p.he())} is on the schedule {fd(future(r, 1, 5), 'm/d')} for {c.s['spec'].lower()}.",
                  f"Mbr ID {c.mem} / DOB {fd(p.dob, 'mdy')} - the auth for {c.s['drug']} came back approved, ref {authno(r)}. Please attach to the chart."]))
    d.subject = r.choice(["coverage check", "eligibility question", "auth approved", "quick question"])
    return d

PHI_FORM = [P_lab, P_lab, P_radiology, P_prior_auth, P_appeal, P_elig_screen, P_refill, P_cms1500, P_ub04, P_superbill, P_oasis, P_dental_claim, P_eye_exam, P_transplant_flow, P_reportable,
            P_mar, P_polst, P_ledger, P_facesheet, P_requisition, P_consent, P_es_auth, P_ssn_only, P_member_dob]

# ================================================================== PHI: interchange snippets
def hts(d, r, t=True): return d.strftime("%Y%m%d") + (f"{r.randint(6, 22):02d}{r.randint(0, 59):02d}" if t else "")
def msh(r, o, typ, proc="P"):
    return f"MSH|^~\\&|{asc(o.ehr).upper().replace(' ', '')[:10]}|{asc(o.short).upper().replace(' ', '')[:12]}|{r.choice(['RHAPSODY', 'MIRTH', 'CLOVERLEAF', 'IGUANA'])}|{r.choice(['HIE', 'LIS', 'REG', 'PHARM'])}|{hts(TODAY, r)}||{typ}|{dg(r, 10)}|{proc}|2.5.1"
def pid(r, c, ssn_in=False):
    p = c.p
    return f"PID|1||{c.mrn}^^^{asc(c.o.short).upper().replace(' ', '')[:6]}^MR~{c.acct}^^^^AN||{p.hl7()}||{p.dob:%Y%m%d}|{p.sex}|||{asc(p.street)}^^{asc(p.city)}^{p.state}^{p.zip}||{re.sub(r'[^0-9]', '', p.phone)[-10:]}|||||{c.acct}|{ssn(r, 'n') if ssn_in else ''}"
def raw_doc(cat, title, o, intro, txt, subject=None):
    d = Doc(cat, title, o, "raw"); d.p(intro); d.pre(txt); d.subject = subject; return d
def R_adt(r):
    c = Case(r, kinds=("hospital",)); p = c.p; ev = r.choice(["A03", "A01", "A08", "A04"])
    segs = [msh(r, c.o, f"ADT^{ev}^ADT_A01"), f"EVN|{ev}|{hts(TODAY, r)}", pid(r, c, r.random() < 0.3), f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['4W', '3N', 'ED', 'ICU'])}^{r.randint(1, 30):02d}^A||||{c.cl.npi}^{asc(c.cl.p.family).upper()}^{asc(c.cl.p.given).upper()}|||MED||||||||{enc(r)}|||||||||||||||||||||||||{hts(c.dos, r)}",
            f"DG1|1|I10|{c.code}^{c.desc}^I10||{hts(c.dos, r, False)}|A", f"IN1|1|{dg(r, 4)}|{dg(r, 5)}|{c.payer}|||||||||||{p.hl7()}|01|{p.dob:%Y%m%d}||||||||||||||||||{c.mem}"]
    return raw_doc("hl7-adt", None, c.o, r.choice([f"ADT^{ev} stuck in the outbound queue since {clock(r)} - error 'PV1-19 duplicate'. Raw message:", "Interface error log excerpt below; please resend after the fix.", "HL7 message as received (HIE feed):"]), "\r\n".join(segs).replace("\r\n", "\n"),
                   r.choice(["ADT error", f"Interface queue - ADT^{ev}", "HL7 reject"]))
def R_oru(r):
    k = r.choice(sorted(LAB_PANEL)); c = Case(r, kinds=("lab", "hospital", "clinic", "renal"), keys=(k,)); p = c.p
    segs = [msh(r, c.o, "ORU^R01^ORU_R01"), pid(r, c), f"ORC|RE|{dg(r, 8)}|{accession(r)}", f"OBR|1|{dg(r, 8)}|{accession(r)}|{r.choice(['CMP', 'PANEL', 'MISC'])}^{k.upper()} PANEL|||{hts(c.dos, r)}|||||||||{c.cl.npi}^{asc(c.cl.p.family).upper()}^{asc(c.cl.p.given).upper()}||||||{hts(c.dos, r)}||CH|F"]
    for i, (name, loinc, lo, hi, unit, a, b) in enumerate(LAB_PANEL[k], 1):
        v = r.uniform(a, b); segs.append(f"OBX|{i}|NM|{loinc}^{name}^LN||{v:.1f}|{unit}|{lo:g}-{hi:g}|{'H' if v > hi else 'L' if v < lo else 'N'}|||F|||{hts(c.dos, r)}")
    segs.append(f"NTE|1||Dx {c.code}")
    return raw_doc("hl7-oru", None, c.o, r.choice(["ORU that failed to file (no matching order) - can someone match it manually?", "Result message from the reference lab feed:", "Copy of the ORU for the reconciliation ticket:"]), "\n".join(segs), "ORU unmatched")
def R_rde(r):
    o = org(r, ("hospital", "pharmacy", "spharm")); c = Case(r, o=o, need=lambda s: any(x in s["drug"] for x in ("tablet", "capsule", "pen"))); p, s = c.p, c.s
    segs = [msh(r, o, "RDE^O11^RDE_O11"), pid(r, c), f"PV1|1|O|RX^^^{asc(o.short).upper()[:8]}", f"ORC|NW|{dg(r, 9)}|||||^^^{hts(TODAY, r)}||{hts(TODAY, r)}|||{c.cl.npi}^{asc(c.cl.p.family).upper()}^{asc(c.cl.p.given).upper()}",
            f"RXE|^QD^^{hts(TODAY, r, False)}|{ndc(r).replace('-', '')}^{asc(s['drug']).upper()}^NDC|1||TAB||||{r.choice([30, 60, 90])}|TAB|{r.randint(0, 5)}", f"RXR|PO", f"DG1|1|I10|{c.code}^{c.desc}^I10"]
    return raw_doc("hl7-rde", None, o, "Pharmacy order message (RDE^O11) that the dispensing system rejected:", "\n".join(segs), "RDE reject")
def isa(r, snd, rcv, proc="P"):
    return f"ISA*00*          *00*          *ZZ*{snd[:15]:<15}*ZZ*{rcv[:15]:<15}*{TODAY:%y%m%d}*{r.randint(6, 22):02d}{r.randint(0, 59):02d}*^*00501*{dg(r, 9)}*0*{proc}*:~"
def R_837(r):
    c = Case(r, kinds=("clinic", "fqhc", "derm", "ortho", "eye", "urgent")); p, s, o = c.p, c.s, c.o; codes = CPT_FOR.get(s["k"], [("99214", 212)]); tot = sum(v for _, v in codes)
    seg = [isa(r, asc(o.short).upper().replace(" ", ""), "CLAIMBRIDGE"), f"GS*HC*{dg(r, 9)}*CLMBRDG*{TODAY:%Y%m%d}*{r.randint(1000, 2359)}*{r.randint(1, 999)}*X*005010X222A1~", f"ST*837*{dg(r, 4)}*005010X222A1~",
           f"NM1*85*2*{asc(o.name).upper()}*****XX*{o.npi}~", f"REF*EI*{o.tin.replace('-', '')}~", "HL*2*1*22*0~", f"SBR*P*18*{group_no(r)}******CI~",
           f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}*{p.mi}***MI*{c.mem}~", f"N3*{asc(p.street).upper()}~", f"N4*{asc(p.city).upper()}*{p.state}*{p.zip}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~",
           f"CLM*{c.acct}*{tot:.2f}***11:B:1*Y*A*Y*Y~", f"HI*ABK:{c.code.replace('.', '')}" + "".join(f"*ABF:{a.replace('.', '')}" for a, _ in c.other) + "~"]
    for i, (code, v) in enumerate(codes, 1): seg += [f"LX*{i}~", f"SV1*{'AD' if code.startswith('D') else 'HC'}:{code}*{v:.2f}*UN*1***1~", f"DTP*472*D8*{c.dos:%Y%m%d}~"]
    seg += [f"SE*{len(seg) + 1}*0001~", "GE*1*1~", "IEA*1*000000001~"]
    return raw_doc("x12-837", None, o, r.choice(["Rejected 837P from the clearinghouse (loop 2010BA) - segment dump below:", "Claim file excerpt for the payer rep:", "837 for the rebill - please check the HI segment:"]), "\n".join(seg), "837 reject")
def R_835(r):
    pay = org(r, ("payer", "medicaid")); o = org(r, ("clinic", "hospital", "ortho", "derm", "imaging")); seg = [isa(r, asc(pay.short).upper().replace(" ", ""), asc(o.short).upper().replace(" ", "")), f"GS*HP*{dg(r, 9)}*{dg(r, 9)}*{TODAY:%Y%m%d}*0800*1*X*005010X221A1~",
                                                                                                f"ST*835*0001~", f"BPR*I*{r.uniform(800, 9000):.2f}*C*ACH*CCP*01*{aba(r)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{aba(r)}*DA*{dg(r, 9)}*{TODAY:%Y%m%d}~", f"TRN*1*{dg(r, 12)}*1{dg(r, 9)}~", f"N1*PR*{asc(pay.name).upper()}~", f"N1*PE*{asc(o.name).upper()}*XX*{o.npi}~"]
    for _ in range(r.randint(2, 4)):
        c = Case(r, o=o); p = c.p; codes = CPT_FOR.get(c.s["k"], [("99214", 212)]); tot = sum(v for _, v in codes); paid = tot * r.uniform(0.2, 0.8); carc = r.choice(CARC)
        seg += [f"CLP*{c.acct}*1*{tot:.2f}*{paid:.2f}*{tot * 0.1:.2f}*MC*{claimno(r).replace(' ', '')}*11*1~", f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~", f"DTM*232*{c.dos:%Y%m%d}~"]
        for code, v in codes: seg += [f"SVC*HC:{code}*{v:.2f}*{v * paid / tot:.2f}**1~", f"CAS*{carc[0].split('-')[0]}*{carc[0].split('-')[1]}*{v - v * paid / tot:.2f}~"]
    seg += [f"SE*{len(seg) - 1}*0001~", "GE*1*1~", "IEA*1*000000001~"]
    return raw_doc("x12-835", None, o, "835 remittance segments for the posting variance (see CLP loops):", "\n".join(seg), "ERA posting variance")
def R_271(r):
    c = Case(r); p, o = c.p, c.o; pay = org(r, ("payer", "medicaid"))
    seg = [f"ST*271*{dg(r, 4)}*005010X279A1~", f"BHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*{r.randint(1000, 2359)}~", f"NM1*PR*2*{asc(pay.name).upper()}*****PI*{dg(r, 5)}~", f"NM1*1P*2*{asc(o.name).upper()}*****XX*{o.npi}~",
           f"NM1*IL*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~", f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"DTP*346*D8*{TODAY.year}0101~", "EB*1*IND*30**" + asc(c.payer).upper()[:20] + "~",
           f"EB*C*IND*30***23*{r.choice([500, 1000, 2500])}~", f"EB*B*IND*98***27*{r.choice([25, 40, 60])}~", f"MSG*{r.choice(['PCP REQUIRED FOR SPECIALIST REFERRAL', 'PRIOR AUTH REQUIRED FOR ADVANCED IMAGING'])}~", "SE*12*0001~"]
    return raw_doc("x12-271", None, o, "271 response for the patient on tomorrow's schedule:", "\n".join(seg), "271 response")
def R_277ca(r):
    c = Case(r); p, o = c.p, c.o
    seg = [f"ST*277*{dg(r, 4)}*005010X214~", f"BHT*0085*08*{dg(r, 9)}*{TODAY:%Y%m%d}*{r.randint(1000, 2359)}*TH~", "HL*1**20*1~", "NM1*PR*2*CLAIMBRIDGE EDI*****46*CLMBRDG~", "HL*2*1*21*1~",
           f"NM1*41*2*{asc(o.name).upper()}*****46*{dg(r, 7)}~", "HL*3*2*19*1~", f"NM1*85*2*{asc(o.name).upper()}*****XX*{o.npi}~", "HL*4*3*PT~", f"NM1*QC*1*{asc(p.family).upper()}*{asc(p.given).upper()}****MI*{c.mem}~",
           f"TRN*2*{c.acct}~", f"STC*A7:{r.choice(['164', '562', '21'])}*{TODAY:%Y%m%d}*U*{r.uniform(90, 900):.2f}~", f"REF*1K*{claimno(r).replace(' ', '')}~", f"DTP*472*D8*{c.dos:%Y%m%d}~", "SE*15*0001~"]
    return raw_doc("x12-277ca", None, o, "Claim acknowledgment (277CA) - front-end rejection, STC A7:", "\n".join(seg), "277CA rejection")
def R_fhir_json(r):
    k = r.choice(sorted(LAB_PANEL)); c = Case(r, keys=(k,)); p, o = c.p, c.o; name, loinc, lo, hi, unit, a, b = LAB_PANEL[k][0]; v = round(r.uniform(a, b), 1)
    pt = {"resourceType": "Patient", "id": f"pt-{dg(r, 6)}", "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}", "value": c.mrn}],
          "name": [{"family": p.family, "given": [x for x in (p.given, p.middle) if x]}], "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(),
          "address": [{"line": [p.street], "city": p.city, "state": p.state, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}
    obs = {"resourceType": "Observation", "id": f"obs-{dg(r, 6)}", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": loinc, "display": name}]}, "subject": {"reference": f"Patient/{pt['id']}"},
           "effectiveDateTime": f"{c.dos.isoformat()}T{r.randint(6, 11):02d}:{r.randint(0, 59):02d}:00-06:00", "valueQuantity": {"value": v, "unit": unit}, "interpretation": [{"coding": [{"code": "H" if v > hi else "L" if v < lo else "N"}]}]}
    cond = {"resourceType": "Condition", "subject": {"reference": f"Patient/{pt['id']}"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c.code, "display": c.desc}]}}
    bun = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": x} for x in (pt, obs, cond)]}
    return raw_doc("fhir-json", None, o, r.choice(["FHIR bundle from the API call that returned 422 - payload below:", "Sample payload pulled from production for the vendor (ticket attached):"]), json.dumps(bun, indent=2, ensure_ascii=False), "FHIR payload")
def R_fhir_xml(r):
    c = Case(r); p, o = c.p, c.o
    x = f'''<Patient xmlns="http://hl7.org/fhir">
  <id value="{dg(r, 7)}"/>
  <identifier><system value="http://hl7.org/fhir/sid/us-ssn"/><value value="{ssn(r, 'd')}"/></identifier>
  <identifier><type><text value="MRN"/></type><value value="{c.mrn}"/></identifier>
  <name><family value="{hx(p.family)}"/><given value="{hx(p.given)}"/></name>
  <gender value="{'female' if p.sex == 'F' else 'male'}"/>
  <birthDate value="{p.dob.isoformat()}"/>
  <address><line value="{hx(p.street)}"/><city value="{hx(p.city)}"/><state value="{p.state}"/><postalCode value="{p.zip}"/></address>
  <extension url="http://example.org/fhir/StructureDefinition/primary-problem"><valueCodeableConcept><coding><system value="http://hl7.org/fhir/sid/icd-10-cm"/><code value="{c.code}"/><display value="{hx(c.desc)}"/></coding></valueCodeableConcept></extension>
</Patient>'''
    return raw_doc("fhir-xml", None, o, "Patient resource that failed validation on the HIE side:", x, "FHIR validation error")
def R_fhir_imm(r):
    o = org(r, ("peds", "fqhc", "clinic", "pharmacy")); c = Case(r, o=o, amin=1, amax=70); p = c.p
    vac = r.choice([("08", "Hep B, adolescent or pediatric"), ("141", "Influenza, seasonal, injectable"), ("187", "zoster recombinant"), ("115", "Tdap"), ("62", "HPV, quadrivalent"), ("03", "MMR")])
    imm = {"resourceType": "Immunization", "status": "completed", "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": vac[0], "display": vac[1]}]},
           "patient": {"display": p.first_last(), "identifier": {"value": c.mrn}}, "occurrenceDateTime": c.dos.isoformat(), "lotNumber": f"{r.choice('ABCDEFUX')}{dg(r, 5)}{r.choice('AB')}", "site": {"text": r.choice(["LD", "RD", "LT"])},
           "performer": [{"actor": {"display": o.name}}], "extension": [{"url": "urn:local:patient-birthdate", "valueDate": p.dob.isoformat()}]}
    return raw_doc("fhir-immunization", None, o, "Immunization resource we are sending to the state registry (IIS) - it rejected with 'patient not found':", json.dumps(imm, indent=2, ensure_ascii=False), "IIS reject")
PHI_RAW = [R_adt, R_oru, R_rde, R_837, R_835, R_271, R_277ca, R_fhir_json, R_fhir_xml, R_fhir_imm]

# ================================================================== PHI: patient lists (header row, one patient per row)
def pts(r, n, o, keys=None, **kw): return [Case(r, o=o, keys=keys, **kw) for _ in range(n)]
def nm(r, p, st): return {0: p.lfm(), 1: p.LFM(), 2: p.first_last(), 3: p.LF(), 4: f"{p.family}, {p.given}"}[st]
def listdoc(cat, title, o, intro, hdr, rows, group=None, land=None, hard=True):
    d = Doc(cat, title, o, "list", hard=hard, land=land if land is not None else len(hdr) > 6)
    if intro: d.p(intro)
    d.tbl(hdr, rows, group); return d
def short(r): return r.randint(3, 9)
def Lp_clozapine(r):
    o = org(r, ("pharmacy", "bh")); cs = pts(r, short(r), o, keys=("clozapine",)); st = r.randrange(5)
    rows = [[nm(r, c.p, st), c.p.dob, recent(r, 6), f"{r.uniform(1.0, 3.6):.2f}", r.choice(["Normal", "Mild neutropenia", "Normal", "Moderate - HOLD"]), r.choice(["2x/wk", "weekly", "q2wk"]), c.cl.p.family] for c in cs]
    return listdoc("clozapine-anc", r.choice(["Clozapine ANC tracker", "ANC due list"]), o, r.choice(["Anyone under 1.5 needs a call to the prescriber today.", ""]), r.choice([["Patient", "DOB", "Last ANC drawn", "ANC (K/uL)", "Category", "Monitoring", "Prescriber"], ["Who", "Born", "Drawn", "ANC", "Status", "Freq", "MD"]]), rows)
def Lp_tacro(r):
    o = org(r, ("renal",)); cs = pts(r, short(r), o, keys=("ktx",)); st = r.randrange(5)
    rows = [[nm(r, c.p, st), c.mrn, recent(r, 5), f"{r.uniform(2.5, 15.5):.1f}", f"{r.uniform(0.9, 2.4):.2f}", r.choice(["", "call pt - dose change", "recheck Fri", "ok", "missed draw"])] for c in cs]
    return listdoc("transplant-levels", "FK levels - coordinator worklist", o, None, ["Recipient", "MRN", "Drawn", "FK", "Cr", "To do"], rows)
def Lp_dental(r):
    o = org_by_kind(r, "dental"); n = r.randint(6, 12); rows = []
    t = dtm.datetime.combine(future(r, 0, 3), dtm.time(8, 0))
    for _ in range(n):
        CUR["state"] = o.state; p = Person(r, 6, 82, state=o.state); t += dtm.timedelta(minutes=r.choice([30, 45, 60, 90]))
        proc = r.choice(["D1110 prophy + D0274 BWX", "D2740 crown #" + str(r.randint(2, 31)), "D7140 ext #" + str(r.choice([1, 16, 17, 32])), "D3330 RCT #" + str(r.choice([3, 14, 19, 30])), "D0150 new pt exam", "D4341 SRP UR/LR"])
        rows.append([t.strftime("%I:%M %p").lstrip("0"), p.lfm(), p.dob, proc, r.choice(["Delta Dental", "MetLife", "Medicaid", "Cash", "Guardian"]), r.choice(["", "premed - joint replacement", "latex allergy", "anxious - nitrous", "needs updated med hx"])])
    return listdoc("dental-schedule", f"Day sheet - {fd(t.date(), 'wd')}", o, None, ["Time", "Patient", "DOB", "Procedure", "Ins", "Alerts"], rows)
def Lp_injections(r):
    o = org_by_kind(r, "eye"); cs = pts(r, short(r), o, keys=("amd",)); st = r.randrange(5)
    rows = [[clock(r), nm(r, c.p, st), c.p.dob, r.choice(["OD", "OS", "OU"]), r.choice(["aflibercept 2 mg", "faricimab", "bevacizumab (compounded)", "aflibercept 8 mg"]), f"q{r.choice([4, 6, 8, 10, 12])}w", r.choice(["", "PA on file", "PA pending", "bring driver"])] for c in cs]
    return listdoc("injection-schedule", "Intravitreal injection clinic", o, None, ["Appt", "Patient", "DOB", "Eye", "Drug", "Interval", "Notes"], sorted(rows, key=lambda x: x[0]))
def Lp_hh_route(r):
    o = org_by_kind(r, "homehealth"); cs = pts(r, short(r), o, amin=65); st = r.randrange(5)
    rows = [[nm(r, c.p, st), c.p.street, c.p.city, c.p.phone, c.lay, r.choice(["SN", "PT", "OT", "HHA", "SN/wound"]), future(r, 1, 3), r.choice(["", "dog in yard", "key in lockbox " + dg(r, 4), "call 30 min ahead", "daughter present"])] for c in cs]
    return listdoc("home-health-route", f"Route sheet {fd(future(r, 1, 2), 'm/d')}", o, None, r.choice([["Patient", "Address", "Town", "Phone", "Focus", "Disc.", "Visit date", "Access notes"], ["Pt", "Street", "City", "Phone #", "Why we go", "Visit", "When", "Gate / notes"]]), rows)
def Lp_hospice(r):
    o = org_by_kind(r, "homehealth"); rows = []
    for _ in range(short(r)):
        CUR["state"] = o.state; p = Person(r, 62, 99, state=o.state)
        dx = r.choice([("C34.90", "lung cancer"), ("G30.9", "Alzheimer's"), ("I50.9", "heart failure"), ("J44.9", "COPD"), ("C25.9", "pancreatic cancer"), ("N18.6", "ESRD off dialysis")])
        rows.append([p.lfm(), p.age, f"{dx[1]} ({dx[0]})", TODAY - dtm.timedelta(days=r.randint(3, 150)), r.choice(["Home", "ALF", "SNF", "GIP"]), r.choice(["PPS 30%", "PPS 40%", "PPS 50%", "PPS 20%"]), r.choice(["", "recert due", "family meeting Thu", "imminent"])])
    return listdoc("hospice-census", "Hospice census - IDG", o, None, ["Patient", "Age", "Terminal dx", "Admit", "Level/setting", "PPS", "IDG note"], rows)
def Lp_pa_log(r):
    o = org(r, ("clinic", "derm", "ortho", "eye", "onc")); cs = pts(r, r.randint(5, 12), o)
    rows = [[c.p.lfm(), c.p.dob, c.payer, c.s["drug"] if "none" not in c.s["drug"] else c.s["plan"][:40], c.code, recent(r, 20), r.choice(["Submitted", "Pending clinicals", "Approved", "Denied - appeal", "P2P scheduled"]), authno(r) if r.random() < 0.5 else ""] for c in cs]
    return listdoc("prior-auth-log", "Prior auth tracking", o, None, ["Patient", "DOB", "Payer", "Requested", "Dx", "Sent", "Status", "Auth #"], rows)
def Lp_charge_lag(r):
    o = org(r, ("clinic", "fqhc", "ortho", "derm", "urgent")); cs = pts(r, r.randint(5, 12), o)
    rows = [[c.dos, c.p.lfm(), c.acct, c.cl.p.family, c.code, r.choice(["note unsigned", "missing dx pointer", "needs modifier 25", "coder question", "auth # missing"]), (TODAY - c.dos).days] for c in cs]
    return listdoc("charge-lag", "Unbilled encounters > 3 days", o, None, ["DOS", "Patient", "Enc/Acct", "Provider", "Dx", "Hold reason", "Days"], rows)
def Lp_sdoh(r):
    o = org(r, ("fqhc", "clinic", "medicaid", "peds")); cs = pts(r, short(r), o)
    rows = [[recent(r, 10), c.p.first_last(), c.p.phone, c.lay, r.choice(["food insecurity", "housing unstable", "no transportation", "utilities shutoff notice", "can't afford meds"]), r.choice(["food bank", "211 / housing", "NEMT", "LIHEAP", "340B pharmacy"]), r.choice(["referred", "left VM", "connected", "declined"])] for c in cs]
    return listdoc("sdoh-referrals", "SDOH screening - positive screens", o, None, ["Screened", "Name", "Phone", "Medical need", "Need identified", "Referred to", "Status"], rows)
def Lp_tb_contacts(r):
    o = org(r, ("fqhc", "clinic")); idx = Case(r, o=o, keys=("ltbi",)); rows = []
    for _ in range(short(r)):
        p = Person(r, 2, 70, state=o.state, pool=idx.p.pool)
        rows.append([p.first_last(), p.dob, r.choice(["household", "household", "coworker", "classmate", "carpool"]), r.choice(["QFT pos", "QFT neg", "pending", "TST 12 mm", "CXR clear"]), r.choice(["start rifampin", "repeat in 8 wk", "no action", "refer", ""])])
    return listdoc("tb-contacts", f"Contact investigation - index case {idx.p.first_last()} (DOB {fd(idx.p.dob, 'mdy')})", o, f"Index case: {idx.p.lfm()}, {idx.res}.", ["Contact", "DOB", "Exposure", "Result", "Plan"], rows)
def Lp_willcall(r):
    o = org_by_kind(r, "pharmacy"); cs = pts(r, r.randint(5, 12), o, need=lambda s: any(x in s["drug"] for x in ("tablet", "capsule", "pen", "drops", "suspension")))
    rows = [[f"{r.choice('ABCDEFGH')}{r.randint(1, 40)}", c.p.LF(), c.p.dob, rxno(r), c.s["drug"], TODAY - dtm.timedelta(days=r.randint(2, 13)), r.choice(["", "RTS day 10", "needs counseling", "copay card"])] for c in cs]
    return listdoc("will-call", "Will-call bins > 7 days (return to stock)", o, None, ["Bin", "Patient", "DOB", "Rx #", "Drug", "Filled", "Note"], rows)
def Lp_crisis(r):
    o = org(r, ("bh", "sud")); cs = pts(r, short(r), o, keys=("ptsd", "aud", "clozapine", "ppd"))
    rows = [[c.p.given + " " + c.p.family[0] + "." if r.random() < 0.2 else c.p.first_last(), c.p.phone, dtm.datetime.combine(recent(r, 2), dtm.time(r.randint(0, 23), r.randint(0, 59))), c.lay, r.choice(["low", "moderate", "high - warm handoff"]), r.choice(["", "called x1", "2nd attempt", "scheduled"])] for c in cs]
    return listdoc("crisis-callbacks", "Crisis line - callbacks needed", o, "Follow-up within 24 h per protocol.", ["Caller", "Callback #", "Call time", "Concern", "Risk", "Tried"], rows)
def Lp_boarders(r):
    o = org_by_kind(r, "hospital"); cs = pts(r, short(r), o, need=lambda s: s["inpt"] or "hospital" in s["kinds"])
    rows = [[f"ED {r.randint(1, 32)}", c.p.LFM(), c.p.age, c.lay, r.choice(["Med/Surg", "Tele", "ICU", "Obs"]), dtm.datetime.combine(TODAY, dtm.time(r.randint(0, 11), r.randint(0, 59))), r.choice(["", "isolation", "sitter", "bariatric bed"])] for c in cs]
    return listdoc("bed-request", "ED admits waiting for beds", o, None, ["Room", "Patient", "Age", "Admit for", "Bed type", "Request time", "Needs"], rows)
def Lp_refunds(r):
    o = org(r, ("billing", "clinic", "dental", "hospital")); cs = pts(r, r.randint(5, 10), o if o.kind != "billing" else None)
    rows = [[c.p.lfm(), c.acct, c.dos, c.payer, Money(r.uniform(12, 640)), r.choice(["overpaid copay", "duplicate payment", "ins paid after pt", "COB recoup"]), r.choice(["check", "card refund", "apply to next visit"])] for c in cs]
    return listdoc("patient-refunds", "Credit balances for refund approval", o, None, ["Guarantor/Patient", "Account", "DOS", "Payer", "Credit", "Reason", "Method"], rows)
def Lp_es_list(r):
    o = org(r, ("fqhc", "peds", "women", "clinic")); rows = []
    for _ in range(short(r)):
        c = Case(r, o=o); p = c.p
        if p.pool not in HISP: p = Person(r, p.age, p.age, sex=p.sex, state=o.state, pool=r.choice(sorted(HISP)))
        rows.append([p.full(), p.dob, p.phone, future(r, 1, 14), s_es(c.s), r.choice(["", "traer medicinas", "ayunas", "intérprete no necesario"])])
    d = listdoc("spanish-call-list", "Recordatorios - llamar en español", o, None, ["Paciente", "Fecha de nacimiento", "Teléfono", "Cita", "Motivo", "Notas"], rows); d.lang = "es"; d.dfmt = "es/"; return d
def s_es(s): return s["es"]
def Lp_school_vax(r):
    o = org(r, ("peds", "fqhc", "pharmacy")); rows = []; sch = r.choice(["Lincoln Elementary", "Maplewood Middle", "Sacred Heart School", "Eastview K-8"])
    for _ in range(r.randint(6, 12)):
        p = Person(r, 5, 14, state=o.state)
        rows.append([p.LF(), p.dob, f"{r.choice(['K', '1', '2', '3', '4', '5', '6', '7', '8'])}", r.choice(["Y", "Y", "Y", "N"]), r.choice(["none", "none", "egg (mild)", "latex", "asthma"]), r.choice(["Medicaid " + medicaid(r), "private", "VFC - uninsured"])])
    return listdoc("school-vaccine-roster", f"Flu clinic roster - {sch}", o, None, ["Student", "DOB", "Grade", "Consent", "Allergy / health", "Coverage"], rows)
def Lp_noshow(r):
    o = org(r, CARE); cs = pts(r, short(r), o)
    rows = [[c.p.first_last(), c.p.phone, dtm.datetime.combine(recent(r, 7), dtm.time(r.randint(8, 16), r.choice([0, 15, 30, 45]))), c.lay, r.choice(["1st", "2nd", "3rd - letter"]), r.choice(["", "no VM set up", "wrong #", "will call back"])] for c in cs]
    return listdoc("no-show", "Missed appts - call back", o, None, r.choice([["Who", "Phone", "Missed", "Seen for", "No-show #", "Outcome"], ["Patient", "Phone", "Appt", "Reason", "Count", "Call result"]]), rows)
def Lp_pending(r):
    o = org(r, ("clinic", "fqhc", "eye", "derm", "renal", "onc")); cs = pts(r, short(r), o)
    rows = [[c.p.lfm(), c.p.dob, c.s["test"], c.res[:60], c.cl.p.family, r.choice(["release to portal", "call first", "letter", "needs appt"])] for c in cs]
    return listdoc("pending-results", "Results awaiting provider sign-off", o, None, ["Patient", "DOB", "Test", "Result", "Provider", "Action"], rows)
def Lp_denials(r):
    o = org(r, ("billing", "clinic", "hospital", "ortho", "imaging")); cs = pts(r, r.randint(5, 12), o if o.kind != "billing" else None)
    rows = []
    for c in cs:
        code, v = r.choice(CPT_FOR.get(c.s["k"], [("99214", 212)])); carc = r.choice(CARC)
        rows.append([claimno(r), c.p.lfm(), c.mem, c.dos, code, c.code, Money(v), carc[0], r.choice(["appeal", "rebill", "write off", "call payer"])])
    return listdoc("denials", "Denial work queue", o, None, ["Claim", "Patient", "Member ID", "DOS", "CPT", "Dx", "Billed", "CARC", "Next step"], rows, group=[("Claim", 4), ("Service", 3), ("Denial", 2)])
PHI_LIST = [Lp_clozapine, Lp_tacro, Lp_dental, Lp_injections, Lp_hh_route, Lp_hospice, Lp_pa_log, Lp_charge_lag, Lp_sdoh, Lp_tb_contacts, Lp_willcall, Lp_crisis, Lp_boarders, Lp_refunds,
            Lp_es_list, Lp_school_vax, Lp_noshow, Lp_pending, Lp_denials]

# ================================================================== CLEAN: narrative documents (hard look-alikes, no patient)
NEWS = [("gout", "Gout flares and the holidays", "Gout (M10.9) affects roughly 4% of US adults. Holiday meals heavy in organ meats, shellfish and beer raise uric acid; so do thiazide diuretics. Treat-to-target allopurinol (uric acid under 6 mg/dL) prevents flares better than treating attacks one by one."),
        ("celiac", "Celiac disease: test before going gluten-free", "Celiac disease (K90.0) is under-diagnosed. The tTG-IgA screen is only reliable while the person is still eating gluten, so ask patients not to start a gluten-free diet before testing. Check total IgA at the same time."),
        ("glaucoma", "January is Glaucoma Awareness Month", "Primary open-angle glaucoma (H40.11-) has no early symptoms. Adults over 40 with diabetes, a family history or African or Hispanic ancestry should have a dilated exam every one to two years."),
        ("zoster", "Shingles vaccine: two doses, any season", "Recombinant zoster vaccine (CPT 90750) is recommended for adults 50 and older and for immunocompromised adults 19 and older, two doses 2-6 months apart. Shingles (B02.9) can still occur after vaccination but is milder."),
        ("syphilis", "Syphilis cases keep climbing", "State surveillance counted more primary and secondary syphilis (A51.x) cases this year than in any year since 1991. Screen all pregnant patients at the first visit, at 28 weeks and at delivery; benzathine penicillin (J0561) supply is stable again."),
        ("ltbi", "Latent TB: shorter regimens work", "For latent TB infection (Z22.7) the 4-month rifampin and 3-month weekly isoniazid-rifapentine regimens have better completion rates than 9 months of isoniazid. Review drug interactions with rifamycins before starting."),
        ("sickle", "Sickle cell disease: faster pain treatment in the ED", "Guidelines call for the first opioid dose within 60 minutes of arrival for a vaso-occlusive crisis (D57.00). Our ED median time to first dose fell from 94 to 52 minutes after the new order set went live."),
        ("amd", "What's new in wet AMD treatment", "Longer-acting anti-VEGF agents now let many patients with neovascular AMD (H35.32-) stretch injections to every 12-16 weeks. Home OCT monitoring programs are being piloted in two regions."),
        ("ppd", "Perinatal depression screening at every postpartum visit", "Postpartum depression (F53.0) affects about one in eight new mothers. Use the EPDS at the 2-week and 6-week visits; a score of 10 or more, or any positive answer on item 10, needs same-day follow-up."),
        ("concussion", "Fall sports concussion season recap", "Our sports medicine clinic saw more concussions (S06.0X-) this fall than last. Return-to-learn comes before return-to-play; a written plan for the school helps."),
        ("hemochrom", "Hereditary hemochromatosis is common, and treatable", "About 1 in 300 people of Northern European ancestry is homozygous for HFE C282Y. Ferritin and transferrin saturation are the first tests; phlebotomy remains first-line therapy."),
        ("hearing", "Over-the-counter hearing aids, three years on", "OTC hearing aids are an option for adults with perceived mild to moderate hearing loss. Refer to audiology for sudden loss, asymmetric loss or ear pain.")]
def C_newsletter(r):
    o = org(r); k, title, text = r.choice(NEWS); cl = Clin(r, state=o.state)
    d = Doc("newsletter", title, o, "narr"); d.p(f"{o.short} Clinical Update - {MON[TODAY.month - 1]} {TODAY.year}")
    d.p(text)
    d.p(f"\"{r.choice(['We see this more often than people think.', 'The single most useful step is asking the question.', 'Most of our patients do well once treatment starts.'])}\" says {cl.name()}, who leads the {SCEN_BY[k]['spec'].lower()} program at {o.short}.")
    d.bul([f"Lunch-and-learn on {fd(future(r, 5, 30), 'Month d')} at noon, {r.choice(['Conference Room B', 'Teams link in the calendar invite', 'the Education Center'])}", f"Patient handouts in English and Spanish on the intranet under Clinical Resources > {SCEN_BY[k]['spec']}",
           f"Questions: {cl.p.given.lower()}.{asc(cl.p.family).lower().replace(' ', '')}@{o.dom}"])
    d.small("This newsletter contains no patient information. Do not reply with patient details.")
    return d
def C_recognition(r):
    o = org(r); t = staffer(r, o.state); k = r.choice(SCEN)
    d = Doc("recognition", r.choice(["Staff spotlight", "Kudos corner", "Congratulations!"]), o, "narr")
    d.p(f"Please join us in congratulating {t.first_last()}, {r.choice(['RN', 'LPN', 'MA', 'RDH', 'PharmD', 'LCSW', 'CPhT'])}, on earning {r.choice(['the CWCN wound-care certification', 'board certification in ambulatory care nursing', 'the Certified Diabetes Care and Education Specialist credential', 'a Daisy Award', 'the CPC coding credential'])}.")
    d.p(f"{t.given} has been with {o.short} for {r.randint(2, 24)} years and built our {k['lay']} education class, which has taught more than {r.randint(80, 400)} community members. {t.he().capitalize()} also volunteers at the {r.choice(['free clinic', 'food pantry', 'county health fair'])}.")
    d.p(f"Cake in the {r.choice(['2nd floor break room', 'staff lounge', 'pharmacy workroom'])} on {fd(future(r, 1, 7), 'wd')} at 2:30.")
    return d
def C_grand_rounds(r):
    o = org(r, ("hospital", "clinic", "onc", "renal")); k = r.choice(SCEN); sp = Clin(r, cred=r.choice(["MD", "MD, PhD", "DO"]))
    d = Doc("grand-rounds", f"{k['spec']} Grand Rounds", o, "narr")
    d.kv([("Topic", f"{cap(k['lay'])}: {r.choice(['what changed in the 2026 guidelines', 'pitfalls in diagnosis', 'a practical approach', 'cases from our own service (de-identified)'])}"), ("Speaker", f"{sp.name()}, {r.choice(['Associate Professor', 'Division Chief', 'Clinical Director'])}"),
          ("When", f"{fd(future(r, 3, 30), 'wd')}, 7:30-8:30 AM"), ("Where", r.choice(["Auditorium A and Zoom", "Harmon Conference Center", "Teams"])), ("CME", "1.0 AMA PRA Category 1 Credit(TM)")])
    d.p("Objectives: review current evidence, apply it to common clinical scenarios, and identify when to refer. Breakfast provided.")
    return d
def C_teaching(r):
    o = org(r); k = r.choice(SCEN); dec = r.choice([20, 30, 40, 50, 60, 70])
    d = Doc("teaching-case", "Case conference (de-identified)", o, "narr")
    d.p(f"A patient in {'her' if k['sex'] == 'F' else 'their'} {dec}s presented {r.choice(['in late summer', 'last winter', 'earlier this year'])} with symptoms that turned out to be {k['lay']}. Identifiers have been removed per the HIPAA Safe Harbor method; ages and dates are generalized.")
    d.p(f"Key teaching points: the {k['test']} showed a result typical of {k['desc']} ({k['code']}); the delay came from {r.choice(['anchoring on a more common diagnosis', 'a lost referral', 'a normal first test'])}; treatment followed the standard plan ({k['plan']}).")
    d.p(f"Discussion led by {Clin(r).name()}. Please do not bring identifiable information to case conference.")
    return d
def C_policy(r):
    o = org(r)
    d = Doc("policy", r.choice(["Minimum Necessary - Policy PRV-014", "Secure E-mail Policy (rev.)", "Clinical Photography Policy", "Policy: Verifying Patient Identity on the Phone"]), o, "narr")
    d.p(f"Effective {fd(future(r, 5, 40), 'Month d, y')}. Owner: Privacy Office. Approved by the Compliance Committee on {fd(recent(r, 30), 'mdy')}.")
    d.p("Purpose: to make sure workforce members use, disclose and request only the protected health information needed for the task.")
    d.bul(["Verify identity with two identifiers (full name and date of birth) before discussing care.", "Never place a patient's name, MRN or diagnosis in an e-mail subject line.", "Use [secure] in the subject to encrypt external e-mail.",
           "Report a suspected misdirected e-mail to the Privacy Office within 24 hours."])
    d.p(f"Questions: Privacy Officer {staffer(r, o.state).first_last()}, ext. {r.randint(2000, 7999)}.")
    return d
def C_class(r):
    o = org(r); k = r.sample(SCEN, 3); ins = [Clin(r, state=o.state) for _ in range(3)]
    d = Doc("community-class", "Community health classes - winter session", o, "narr")
    d.p(f"{o.name} offers free classes for the public. Registration is required; call {o.phone}.")
    d.tbl(["Class", "Instructor", "Date", "Time", "Room"], [[f"Living with {x['lay']}", i.name(), future(r, 5, 60), r.choice(["10:00 AM", "6:00 PM", "1:30 PM"]), r.choice(["Community Room", "Education Center 2", "Virtual"])] for x, i in zip(k, ins)])
    return d
def C_es_notice(r):
    o = org(r)
    d = Doc("spanish-staff-notice", r.choice(["Aviso al personal", "Recordatorio para el equipo"]), o, "narr", lang="es")
    d.p(r.choice([f"A partir del {fd(future(r, 5, 30), 'es')}, la clínica abrirá a las 7:30 a.m. los martes y jueves.", "Recuerden completar la capacitación anual de HIPAA antes del 31 de diciembre.",
                  f"La reunión de personal de este mes será el {fd(future(r, 3, 20), 'eswd')} en la sala de conferencias."]))
    d.p("No envíen información de pacientes por mensaje de texto ni por correo sin cifrar. Usen siempre [secure] en el asunto.")
    d.p(f"Gracias, {staffer(r, o.state).first_last()}, Gerente de Clínica")
    return d
def C_party(r):
    o = org(r); t = staffer(r, o.state); dd = future(r, 1, 12)
    d = Doc("staff-party", None, o, "mail")
    d.p(r.choice([f"It's {t.given} {t.family}'s birthday on {fd(dd, 'Month d')}! We're doing a potluck in the break room at noon. Sign-up sheet is on the fridge - {t.given} loves anything with mango.",
                  f"After {r.randint(18, 36)} years, {t.first_last()} is retiring on {fd(dd, 'Month d')}. Retirement reception {fd(dd, 'wd')} 3-5 PM in the cafeteria. Card is circulating in {r.choice(['Admitting', 'the pharmacy', 'Billing'])}.",
                  f"Baby shower for {t.given} ({r.choice(['Billing', 'Front desk', 'Lab'])}) on {fd(dd, 'm/d')}. Registry link in the Teams channel."]))
    d.p(r.choice(["Please keep it a surprise!", "All are welcome.", "Contributions to the group gift go to Lisa in HR."]))
    d.subject = r.choice(["Potluck!", "Retirement reception", "Celebration", f"{t.given}'s party"])
    return d
def C_it_ticket(r):
    o = org(r); t = staffer(r, o.state); v = VENDORS[2]
    d = Doc("it-ticket", f"INC{dg(r, 7)} - {r.choice(['Label printer prints blank wristbands', 'Fax-to-chart queue not importing', 'Portal letters missing logo', 'Scanner profile error in Registration'])}", v, "form")
    d.kv([("Caller", f"{t.first_last()} ({o.short})"), ("Location", r.choice(["ED Registration", "3 West nurses' station", "Billing office", "Front desk"])), ("Priority", r.choice(["P3", "P2"])), ("Assigned", f"{staffer(r).first_last()}, {v.short}"),
          ("Opened", f"{fd(recent(r, 2), 'mdy')} {clock(r)}")])
    d.p(f"Reproduced in TRAIN environment with test patient ZZTEST, {r.choice(['ALPHA', 'BRAVO', 'DELTA', 'ECHO'])} (MRN 99999{dg(r, 2)}, DOB 01/01/1900). Driver updated to {r.randint(5, 9)}.{r.randint(0, 9)}.{r.randint(10, 99)}; test print OK. No production patient data was used.")
    d.p("Resolution pending user confirmation.")
    return d
def C_release(r):
    v = r.choice(VENDORS[:3] + [VENDORS[5]])
    d = Doc("release-notes", f"{v.ehr} release {TODAY.year % 100}.{r.randint(1, 4)}.{r.randint(0, 9)} - what's new", v, "narr")
    d.bul(["New: bulk claim status (276/277) from the worklist.", "Fixed: date of birth field accepted 2-digit years in the demographics import.", "Changed: MRN search now ignores leading zeros.", f"Security: TLS 1.0/1.1 disabled on {fd(future(r, 5, 30), 'mdy')}."])
    d.p(f"Maintenance window: {fd(future(r, 2, 14), 'wd')} 11 PM - 2 AM Central. Contact support at support@{v.dom}.")
    return d
def C_research(r):
    o = org(r); k = r.choice(SCEN); pi = Clin(r, cred="MD, PhD")
    d = Doc("research-flyer", "Research study now enrolling", o, "narr")
    d.p(f"The {k['spec']} research group is enrolling adults with {k['lay']} in an observational study of {r.choice(['treatment adherence', 'quality of life', 'a home monitoring device'])} (IRB #{TODAY.year}-{dg(r, 4)}).")
    d.p(f"Principal investigator: {pi.name()}. Coordinator: {staffer(r, o.state).first_last()}, {phone(r, o.area)}.")
    d.p("Please give interested patients the flyer; do NOT e-mail patient names or MRNs to the study team. Patients contact us directly.")
    return d
def C_quality(r):
    o = org(r)
    d = Doc("quality-report", f"Quality dashboard - Q{(TODAY.month - 1) // 3 + 1} {TODAY.year}", o, "narr")
    d.p("Aggregate results only; cells under 11 are suppressed.")
    rows = [[m, f"{r.randint(55, 94)}%", f"{r.randint(55, 94)}%", r.choice(["up", "down", "flat"]), r.choice([str(r.randint(40, 900)), "<11"])] for m in ["Diabetes A1c < 8", "BP controlled < 140/90", "Colorectal cancer screening", "Depression screening + follow-up", "Statin therapy in CVD", "Childhood immunization status"]]
    d.tbl(["Measure", "This quarter", "Last quarter", "Trend", "Denominator"], rows)
    d.p(f"Prepared by {staffer(r, o.state).first_last()}, Quality Analyst.")
    return d
def C_sim(r):
    o = org(r, ("hospital", "urgent", "women")); lead = staffer(r, o.state)
    d = Doc("simulation-debrief", "Mock code / simulation debrief", o, "narr")
    d.p(f"Scenario run {fd(recent(r, 5), 'mdy')} on {r.choice(['4 West', 'L&D', 'the ED', 'Urgent Care room 3'])} with the high-fidelity manikin (\"SimMan 3G\", chart ZZSIM, MANNEQUIN, DOB 01/01/1900).")
    d.p(f"Case: simulated {r.choice(['postpartum hemorrhage', 'anaphylaxis after IV antibiotics', 'pulseless VT', 'opioid overdose in a bathroom'])}. Time to first compression {r.randint(40, 95)} s; epinephrine at {r.randint(2, 5)} min.")
    d.p(f"Debrief: closed-loop communication good; crash cart {r.choice(['suction tubing missing', 'pads expired', 'fully stocked'])}. Facilitator: {lead.first_last()}, RN, CHSE.")
    return d
def C_education(r):
    o = org(r); k = r.choice(SCEN)
    d = Doc("patient-education", f"{cap(k['lay'])}: what you should know", o, "narr")
    d.p("Name: ______________________________   Date of birth: ____/____/______")
    d.p(f"{cap(k['lay'])} ({k['desc']}) is a condition your care team can help you manage. Your treatment may include {k['drug']}.")
    d.bul(["Take your medicines exactly as prescribed.", "Keep all follow-up appointments.", f"Call us at {o.phone} if symptoms get worse.", "Bring this sheet to your next visit."])
    d.small(f"{o.short} patient education sheet PE-{r.randint(100, 999)} rev. {r.randint(1, 12)}/{TODAY.year - 1}")
    return d
def C_job(r):
    o = org(r)
    d = Doc("job-posting", r.choice(["Now hiring", "Open position", "Job posting"]) + f": {r.choice(['RN Case Manager', 'Dental Assistant (EFDA)', 'Pharmacy Technician', 'Medical Biller', 'Home Health Aide', 'Patient Access Rep - Spanish bilingual', 'Licensed Clinical Social Worker'])}", o, "narr")
    d.p(f"{o.name} in {o.city}, {o.state} is hiring. Full time, {r.choice(['days', 'evenings', 'Mon-Fri 8-4:30', '3x12'])}. Pay range ${r.randint(18, 42)}-${r.randint(43, 60)}/hour depending on experience.")
    d.bul(["Medical, dental, vision from day one", "403(b) with match", f"Requisition #{dg(r, 6)}", "Must pass background check and provide proof of immunizations"])
    d.p(f"Apply at careers.{o.dom}. EOE.")
    return d
def C_travel(r):
    o = org(r); t = staffer(r, o.state)
    d = Doc("travel", "Travel itinerary", o, "mail")
    d.p(f"Traveler: {t.first_last()}  |  Trip: {r.choice(['AHIMA Convention', 'HFMA Annual', 'ADA SmileCon', 'NACDS RxImpact', 'HIMSS'])}  |  Confirmation {r.choice('ABCDEFGHJK')}{r.choice('LMNPQRST')}{dg(r, 1)}{r.choice('UVWXYZ')}{dg(r, 2)}")
    d.kv([("Flight", f"{r.choice(['UA', 'DL', 'AA', 'WN'])} {r.randint(100, 2999)} {fd(future(r, 10, 60), 'm/d')} dep {clock(r)}"), ("Hotel", f"{r.choice(['Hilton Garden Inn', 'Marriott Courtyard', 'Hyatt Place'])} conf {dg(r, 9)}"), ("Loyalty #", dg(r, 10)), ("Cost center", f"CC-{dg(r, 4)}")])
    return d
CLEAN_NARR = [C_newsletter, C_newsletter, C_recognition, C_grand_rounds, C_teaching, C_policy, C_class, C_es_notice, C_party, C_party, C_it_ticket, C_release, C_research, C_quality, C_sim, C_education, C_job, C_travel]

# ================================================================== CLEAN: forms and admin documents
def C_invoice(r):
    v = r.choice(VENDORS); o = org(r)
    d = Doc("invoice", f"INVOICE {r.choice(['INV', 'SI', ''])}{dg(r, 7)}", v, "form")
    d.kv([("Bill to", o.name), ("PO #", f"PO{dg(r, 8)}"), ("Invoice date", fd(recent(r, 5), "mdy")), ("Terms", "Net 30"), ("Federal Tax ID", v.tin), ("Remit ABA", aba(r))], cols=4)
    items = [(f"{r.choice(['REF', 'CAT', 'SKU'])} {dg(r, 6)}", r.choice(["Nitrile exam gloves, M, 100/bx", "Sharps container 2 gal", "Wound vac canister 300 mL", "Autoclave pouches 3.5x9", "IV start kit", "Toner cartridge CF259X", "Shredding - 64 gal bin"]), r.randint(1, 40), r.uniform(4, 180)) for _ in range(r.randint(3, 7))]
    d.tbl(["Item", "Description", "Qty", "Unit", "Ext."], [[a, b, q, Money(u), Money(q * u)] for a, b, q, u in items])
    d.p(f"Total due {money(sum(q * u for _, _, q, u in items))}. Questions: ar@{v.dom}.")
    return d
def C_vendor_order(r):
    v = r.choice(VENDORS[:1] + VENDORS[4:5]); o = org(r)
    d = Doc("vendor-order", f"Order confirmation SO-{dg(r, 7)}", v, "form")
    d.kv([("Ship to", f"{o.name}, {o.street}"), ("Customer #", dg(r, 6)), ("Ship via", r.choice(["UPS Ground", "FedEx 2Day", "Our truck"])), ("Tracking", f"1Z{dg(r, 3)}{r.choice('ABCDEFW')}{r.choice('ABCDEFW')}{dg(r, 10)}")])
    d.tbl(["REF", "Lot", "Exp", "Description", "Qty"], [[f"{dg(r, 6)}-{dg(r, 2)}", f"{r.choice('ABCKLM')}{dg(r, 6)}", future(r, 200, 900), r.choice(["Suture 3-0 Vicryl", "Foley 16Fr tray", "Dental implant 4.1x10", "Glucose control solution", "Endo file 25mm"]), r.randint(1, 24)] for _ in range(r.randint(2, 5))])
    return d
def C_mbi_training(r):
    o = org(r)
    d = Doc("training-mbi", "Job aid: reading the Medicare card (MBI)", o, "form")
    d.p("The Medicare Beneficiary Identifier has 11 characters in the pattern 1AA1-AA1-AA11 (position 1 is a number 1-9; positions 2, 5, 8 and 9 are letters; letters S, L, O, I, B and Z are never used). Dashes are printed on the card but are not entered in the system.")
    d.kv([("CMS example MBI", "1EG4-TE5-MK73"), ("Format", "1AA1-AA1-AA11"), ("Where to check", "MAC portal eligibility or the HETS 270/271"), ("Do not", "use the old SSN-based HICN")])
    d.p("Practice: enter the CMS example in the TRAIN registration screen. Never use a real beneficiary's number in training.")
    return d
def C_ssn_training(r):
    o = org(r)
    d = Doc("training-ssn", "Privacy training: Social Security numbers", o, "form")
    d.p("Sample numbers below are invalid or publicly retired and are for training only.")
    d.tbl(["Example", "Why it is not real"], [["123-45-6789", "well-known sample, never issued"], ["078-05-1120", "the 1938 wallet-insert number, voided"], ["987-65-4320 to 987-65-4329", "reserved for advertising"], ["000-12-3456", "area 000 is never issued"]])
    d.p("Only collect an SSN when required (Medicare secondary payer, some Medicaid plans). Mask to the last four digits on printed documents.")
    return d
def C_dob_notice(r):
    o = org(r); rev = recent(r, 40)
    d = Doc("dob-form-notice", "Registration form revision", o, "form")
    d.p(f"The patient registration form REG-01 was revised {fd(rev, 'mdy')}. The Date of Birth field now uses separate MM / DD / YYYY boxes, and a new 'Legal sex / Gender identity' section was added. Old forms may be used until {fd(future(r, 20, 60), 'mdy')}.")
    d.kv([("Form", "REG-01"), ("Revision", f"Rev. {rev.month:02d}/{rev.year}"), ("Date of Birth field", "MM/DD/YYYY boxes"), ("Supply", f"order from print shop, item {dg(r, 5)}")])
    return d
def C_template(r):
    o = org(r)
    d = Doc("letter-template", r.choice(["Recall letter - template", "Results letter template (mail merge)", "Appointment reminder template"]), o, "form")
    f = r.choice([("«FirstName»", "«LastName»", "«DOB»", "«MRN»", "«ApptDate»"), ("{{patient.first_name}}", "{{patient.last_name}}", "{{patient.birth_date}}", "{{patient.mrn}}", "{{appt.date}}"), ("[FIRST]", "[LAST]", "[DOB]", "[MRN]", "[DATE]")])
    d.p(f"Dear {f[0]} {f[1]},\n\nOur records show that you are due for a follow-up visit. Please call {o.phone} to schedule before {f[4]}.\n\nPatient: {f[1]}, {f[0]}   DOB: {f[2]}   MRN: {f[3]}")
    d.small("Merge fields are filled by the EHR at print time. Do not type patient information into this template.")
    return d
def C_cred(r):
    o = org(r); cl = Clin(r, state=o.state)
    d = Doc("credentialing", "Credentialing committee - approval", o, "form")
    d.kv([("Practitioner", cl.name()), ("NPI", cl.npi), ("DEA", dea(r, cl.p.family)), ("State license", f"{o.state}-{dg(r, 6)}"), ("CAQH ID", dg(r, 8)), ("Board", r.choice(["ABIM", "ABFM", "ABOS", "ABPN", "ABO"]) + " certified"),
          ("Approved", fd(recent(r, 10), "mdy")), ("Privileges", r.choice(["Active staff", "Courtesy", "Telemedicine"]))])
    return d
def C_downtime(r):
    o = org(r)
    d = Doc("downtime-notice", f"Planned {o.ehr} downtime", o, "form")
    st = future(r, 2, 20)
    d.kv([("Start", f"{fd(st, 'wd')} 01:00"), ("End (est.)", f"{fd(st, 'mdy')} 04:30"), ("Affected", f"{o.ehr}, patient portal, e-prescribing"), ("Downtime forms", "red binders at each nurses' station")])
    d.p("Print the downtime census report (BCA) before 00:45. Register new patients on paper using downtime MRNs DT-0001 to DT-0200.")
    return d
def C_shortage(r):
    o = org(r, ("hospital", "pharmacy", "spharm", "clinic"))
    d = Doc("drug-shortage", "Drug shortage update", o, "form")
    d.tbl(["Product", "NDC", "Status", "Alternative"], [[x, ndc(r), r.choice(["Allocation", "Back-ordered", "Resolved"]), y] for x, y in r.sample([("Benzathine penicillin G 2.4 MU", "none - prioritize syphilis in pregnancy"), ("Methylphenidate ER 36 mg", "other strengths"), ("Lidocaine 1% 30 mL vial", "5 mL vials"),
                                                                                                                             ("Amoxicillin 400 mg/5 mL", "250 mg/5 mL"), ("Semaglutide 1 mg pen", "0.5 mg x2"), ("Sodium bicarbonate 8.4% syringe", "vials")], 4)])
    d.p(f"Pharmacy & Therapeutics, {o.short}.")
    return d
def C_bulletin(r):
    pay = org(r, ("payer", "medicaid")); ks = r.sample(SCEN, 3)
    d = Doc("payer-bulletin", f"Provider bulletin {TODAY.year}-{r.randint(10, 48)}", pay, "form")
    d.p(f"Effective {fd(future(r, 10, 60), 'Month d, y')}, the following services require prior authorization for {pay.name} members:")
    d.tbl(["Service", "Code(s)", "Diagnoses in scope"], [[x["drug"], ", ".join(a for a, _ in CPT_FOR.get(x["k"], [])[:2]) or "-", f"{x['code']} {x['desc'][:40]}"] for x in ks])
    d.p(f"Submit requests on the provider portal or fax {pay.fax}. This bulletin contains no member information.")
    return d
def C_lab_menu(r):
    lab = org_by_kind(r, "lab")
    d = Doc("lab-test-menu", "Test menu changes", lab, "form")
    d.tbl(["Test", "Code", "LOINC", "CPT", "TAT"], [[n, f"{r.randint(1000, 9999)}", lo, r.choice(["84550", "86364", "82607", "80197", "83690", "82728"]), r.choice(["1 day", "2-3 days", "same day"])] for n, lo, *_ in r.sample(sum(LAB_PANEL.values(), []), 5)])
    d.p(f"CLIA {lab.clia}. Questions: client services {lab.phone}.")
    return d
def C_baa(r):
    v = r.choice(VENDORS); o = org(r)
    d = Doc("baa-contract", "Business Associate Agreement - signature page", o, "form")
    d.p(f"This Business Associate Agreement between {o.name} (Covered Entity) and {v.name} (Business Associate) is effective {fd(future(r, 1, 30), 'Month d, y')}.")
    d.kv([("Covered Entity signatory", f"{staffer(r, o.state).first_last()}, Privacy Officer"), ("Business Associate signatory", f"{staffer(r).first_last()}, {r.choice(['CEO', 'VP Operations', 'General Counsel'])}"), ("Vendor Tax ID", v.tin), ("Contract #", f"CT-{dg(r, 5)}")])
    return d
def C_fax_cover(r):
    o = org(r)
    d = Doc("blank-form", "FAX COVER SHEET", o, "form")
    d.kv([("To", "________________________"), ("Fax", "________________"), ("From", o.name), ("Phone", o.phone), ("Date", "____/____/______"), ("Pages (incl. cover)", "____")])
    d.chk([(False, "Urgent"), (False, "For review"), (False, "Please reply"), (False, "Medical records")])
    d.small("The documents accompanying this fax may contain confidential health information that is legally privileged. If you received this fax in error, notify the sender immediately and destroy the documents.")
    return d
def C_gym(r):
    o = org(r); t = staffer(r, o.state)
    d = Doc("gym-membership", r.choice(["Employee wellness - gym enrollment", "Fitness center membership confirmation"]), o, "form")
    d.kv([("Employee", t.first_last()), ("Employee ID", f"E{dg(r, 6)}"), ("Club", r.choice(["Anytime Fitness", "YMCA", "Planet Fitness", "Gold's Gym"])), ("Member #", dg(r, 10)), ("Payroll deduction", money(r.choice([10, 15, 19.99, 24.5]))), ("Start", fd(future(r, 1, 20), "mdy"))])
    return d
def C_fleet(r):
    o = org(r, ("homehealth", "hospital", "lab", "pharmacy"))
    d = Doc("car-insurance", "Fleet auto policy renewal", o, "form")
    d.kv([("Insured", o.name), ("Policy #", f"BAP {dg(r, 7)}-{dg(r, 2)}"), ("Carrier", r.choice(["Progressive Commercial", "Travelers", "The Hartford"])), ("Term", f"{fd(D(TODAY.year + 1, 1, 1), 'mdy')} - {fd(D(TODAY.year + 1, 12, 31), 'mdy')}")])
    d.tbl(["Unit", "Year/Make/Model", "VIN", "Garaged"], [[f"{r.randint(1, 30)}", r.choice(["2022 Ford Transit Connect", "2023 Toyota Corolla", "2021 Chevrolet Equinox", "2024 Honda CR-V"]), "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)), o.city] for _ in range(r.randint(3, 6))])
    return d
def C_training_sample(r):
    o = org(r)
    d = Doc("training-sample", "Registration training - practice record", o, "form")
    d.p("Use the TRAIN environment only. The person below does not exist.")
    d.kv([("Name", r.choice(["ZZTRAIN, SAMPLE", "TEST, PATIENT ONE", "ZZPRACTICE, DELTA"])), ("DOB", "01/01/1900"), ("SSN", "000-00-0000"), ("MRN", "TRN" + dg(r, 5)), ("Insurance", "Test Payer - ID TEST123456"), ("Address", "1 Training Way, Anytown, ST 00000")])
    d.p(f"Exercise: register the practice patient, attach the test insurance, and print a wristband to the training printer. Trainer: {staffer(r, o.state).first_last()}.")
    return d
def C_recall(r):
    v = VENDORS[0]; o = org(r)
    d = Doc("device-recall", "URGENT: Medical device field safety notice", v, "form")
    d.p(f"To: Materials management, {o.name}. The manufacturer is recalling the lots below because of {r.choice(['a seal defect that may compromise sterility', 'incorrect labeling of the expiry date', 'a connector that may crack'])}.")
    d.tbl(["Catalogue #", "Lot", "UDI-DI", "Expiry"], [[f"{dg(r, 5)}-{dg(r, 3)}", f"{r.choice('KLMN')}{dg(r, 7)}", "0" + dg(r, 13), future(r, 100, 700)] for _ in range(r.randint(2, 5))])
    d.p("Quarantine affected stock and return the acknowledgment form within 10 days. No patient action is required.")
    return d
def C_minutes(r):
    o = org(r); people = [staffer(r, o.state) for _ in range(4)]
    d = Doc("minutes", f"{r.choice(['Infection Prevention', 'Revenue Cycle', 'Patient Safety', 'Pharmacy & Therapeutics'])} Committee - minutes", o, "form")
    d.kv([("Date", fd(recent(r, 10), "mdy")), ("Present", ", ".join(p.first_last() for p in people)), ("Recorder", people[0].first_last())])
    d.bul([f"Hand hygiene compliance {r.randint(82, 97)}% (goal 90%).", f"Denial rate {r.uniform(4, 11):.1f}% - top reason CO-197.", f"Action: {people[1].given} to update the order set by {fd(future(r, 5, 30), 'm/d')}.", "No patient-specific items discussed."])
    return d
def C_benefits(r):
    o = org(r)
    d = Doc("benefits", "Open enrollment reminder", o, "form")
    d.p(f"Open enrollment for {TODAY.year + 1} benefits closes {fd(future(r, 3, 15), 'Month d')}. Log in to Workday to review medical, dental and vision elections, and check that your dependents' dates of birth and Social Security numbers are on file.")
    d.kv([("Medical plans", "PPO 1500 / HDHP with HSA"), ("Dental", "Delta Dental PPO"), ("Questions", f"benefits@{o.dom}")])
    return d
def C_pt_survey(r):
    lab = org_by_kind(r, "lab")
    d = Doc("proficiency-testing", f"CAP proficiency testing - {r.choice(['C-A', 'HG-B', 'MX-C'])} {TODAY.year} results", lab, "form")
    d.p("Survey specimens are manufactured samples, not patient specimens.")
    d.tbl(["Specimen", "Analyte", "Our result", "Target", "SDI", "Grade"], [[f"{r.choice(['CHM', 'HEM', 'IMM'])}-{r.randint(1, 5):02d}", n, f"{r.uniform(a, b):.1f}", f"{r.uniform(a, b):.1f}", f"{r.uniform(-1.8, 1.8):.1f}", r.choice(["Acceptable", "Acceptable", "Acceptable", "Unacceptable"])] for n, lo, _, _, u, a, b in r.sample(sum(LAB_PANEL.values(), []), 6)])
    d.p(f"Reviewed by {Clin(r, cred='MD').name()}, Laboratory Director. CLIA {lab.clia}.")
    return d
CLEAN_FORM = [C_invoice, C_vendor_order, C_mbi_training, C_ssn_training, C_dob_notice, C_template, C_cred, C_downtime, C_shortage, C_bulletin, C_lab_menu, C_baa, C_fax_cover, C_gym, C_fleet,
              C_training_sample, C_recall, C_minutes, C_benefits, C_pt_survey]

# ================================================================== CLEAN: interchange samples
def Q_hl7_spec(r):
    o = org(r)
    t = "\n".join(["MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RECEIVING_APP>|<RECEIVING_FAC>|<YYYYMMDDHHMM>||ADT^A04^ADT_A01|<CONTROL_ID>|P|2.5.1", "PID|1||<MRN>^^^<AUTH>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>|||<STREET>^^<CITY>^<ST>^<ZIP>",
                   "PV1|1|O|<LOCATION>||||<ATTENDING_NPI>^<LAST>^<FIRST>", "IN1|1|<PLAN_ID>|<PAYER_ID>|<PAYER_NAME>|||||||||||<INSURED_NAME>|<REL>|<INSURED_DOB>||||||||||||||||||<MEMBER_ID>"])
    return raw_doc("hl7-spec", "Interface specification excerpt", o, "Field layout for the new registration feed (placeholders only, no production data):", t, "HL7 spec - ADT^A04")
def Q_ack(r):
    o = org(r)
    t = f"MSH|^~\\&|HIE|STATEHIE|{asc(o.short).upper()[:10]}|{asc(o.short).upper()[:6]}|{hts(TODAY, r)}||ACK^A08|{dg(r, 9)}|P|2.5.1\nMSA|AE|{dg(r, 10)}|PID-7 date of birth missing\nERR|||101^Required field missing^HL70357|E\n\n" + \
        f"ISA*00*          *00*          *ZZ*CLAIMBRIDGE    *ZZ*{asc(o.short).upper()[:15]:<15}*{TODAY:%y%m%d}*0912*^*00501*{dg(r, 9)}*0*P*:~\nGS*FA*CLMBRDG*{dg(r, 9)}*{TODAY:%Y%m%d}*0912*1*X*005010X231A1~\nST*999*0001*005010X231A1~\nAK1*HC*{r.randint(1, 999)}*005010X222A1~\nIK5*A~\nAK9*A*1*1*1~\nSE*6*0001~"
    return raw_doc("x12-ack", None, o, "Acknowledgments from last night's batch - the HL7 AE is a missing field (no patient data in the ACK); the 999 accepted the 837 file.", t, "ACK / 999 summary")
def Q_fhir_q(r):
    o = org(r)
    q = {"resourceType": "Questionnaire", "status": "active", "title": "New patient intake", "item": [{"linkId": "1", "text": "Full legal name", "type": "string"}, {"linkId": "2", "text": "Date of birth", "type": "date"},
                                                                                                     {"linkId": "3", "text": "Member ID", "type": "string"}, {"linkId": "4", "text": "Reason for visit", "type": "text"}]}
    return raw_doc("fhir-questionnaire", None, o, "Draft Questionnaire resource for the portal intake form (structure only):", json.dumps(q, indent=2), "FHIR Questionnaire draft")
def Q_x12_test(r):
    o = org(r)
    t = "\n".join([isa(r, asc(o.short).upper().replace(" ", ""), "CLAIMBRIDGE", "T"), f"GS*HS*{dg(r, 9)}*CLMBRDG*{TODAY:%Y%m%d}*1015*1*X*005010X279A1~", "ST*270*0001*005010X279A1~", "BHT*0022*13*TEST0001*20261201*1015~",
                   "NM1*PR*2*TEST PAYER*****PI*00000~", f"NM1*1P*2*{asc(o.name).upper()}*****XX*{o.npi}~", "NM1*IL*1*TEST*SUBSCRIBER****MI*TEST123456789~", "DMG*D8*19000101*U~", "EQ*30~", "SE*9*0001~"])
    return raw_doc("x12-test", None, o, "Connectivity test file (ISA15 = T, test subscriber only):", t, "270 test transaction")
def Q_hl7_test(r):
    o = org(r)
    t = "\n".join([msh(r, o, "ORU^R01^ORU_R01", "T"), "PID|1||9999999^^^TEST^MR||ZZTEST^INTERFACE^A||19000101|U", "OBR|1|||TEST^INTERFACE TEST", "OBX|1|ST|TEST^Interface check||PASS||||||F"])
    return raw_doc("hl7-test", None, o, "Test message sent with processing ID T - please confirm receipt:", t, "interface test")
CLEAN_RAW = [Q_hl7_spec, Q_ack, Q_fhir_q, Q_x12_test, Q_hl7_test]

# ================================================================== CLEAN: lists
def staffs(r, n, st=None): return [staffer(r, st) for _ in range(n)]
def K_schedule(r):
    o = org(r); ss = staffs(r, r.randint(6, 12), o.state); days = [future(r, 1, 3) + dtm.timedelta(days=i) for i in range(4)]
    rows = [[f"{s.family}, {s.given}", r.choice(["RN", "LPN", "MA", "CNA", "RDH", "Tech"])] + [r.choice(["D", "E", "N", "OFF", "D", "8-4:30"]) for _ in days] for s in ss]
    return listdoc("staff-schedule", "Staffing schedule", o, None, ["Staff", "Role"] + [fd(x, "m/d") for x in days], rows, group=[("", 2), ("Week of " + fd(days[0], "m/d"), 4)], hard=False)
def K_oncall(r):
    o = org(r); rows = [[future(r, i * 7, i * 7), Clin(r, state=o.state).name(), r.choice(["Cardiology", "Nephrology", "Ortho", "Psychiatry", "Peds", "OB"]), phone(r, o.area)] for i in range(r.randint(4, 8))]
    return listdoc("on-call", "On-call schedule", o, None, ["Week of", "Physician", "Service", "Pager/cell"], rows, hard=False)
def K_sterilizer(r):
    o = org_by_kind(r, "dental"); rows = []
    for i in range(r.randint(6, 12)):
        dd = recent(r, 10); rows.append([dd, f"{r.choice(['Statim', 'Midmark M11', 'Tuttnauer'])}-{r.randint(1, 3)}", f"C{dg(r, 5)}", r.choice(["270F/4 min", "273F/3.5 min"]), r.choice(["Pass", "Pass", "Pass", "Fail - rerun"]), f"{r.choice('ABC')}{dg(r, 6)}", staffer(r, o.state).given])
    return listdoc("sterilizer-log", "Sterilizer cycle / spore test log", o, None, ["Date", "Unit", "Cycle #", "Parameters", "Result", "BI lot", "Init"], rows, hard=False)
def K_inventory(r):
    o = org(r, ("pharmacy", "hospital", "clinic")); rows = [[x, ndc(r), f"{r.choice('ABCDEFGHJK')}{dg(r, 5)}", future(r, 60, 700), r.randint(0, 200), r.randint(0, 200)] for x in r.sample(["oxycodone 5 mg tab", "hydrocodone/APAP 5-325", "lorazepam 1 mg tab", "morphine 2 mg/mL inj", "methylphenidate 10 mg", "buprenorphine 8 mg SL", "testosterone cyp 200 mg/mL"], 5)]
    return listdoc("inventory", "Controlled substance count (CII-CV)", o, None, ["Drug", "NDC", "Lot", "Expires", "Expected", "Counted"], rows, hard=False)
def K_mileage(r):
    o = org_by_kind(r, "homehealth"); ss = staffs(r, r.randint(5, 10), o.state)
    rows = [[s.first_last(), f"E{dg(r, 5)}", recent(r, 20), r.randint(40, 620), Money(r.randint(40, 620) * 0.70)] for s in ss]
    return listdoc("mileage", "Mileage reimbursement - field staff", o, None, ["Employee", "Emp ID", "Period end", "Miles", "Reimb."], rows, hard=False)
def K_fees(r):
    o = org(r, ("billing", "clinic", "ortho", "dental")); codes = r.sample(sum(CPT_FOR.values(), []), 8)
    rows = [[c, Money(v), Money(v * r.uniform(0.4, 0.8)), Money(v * r.uniform(0.3, 0.6)), r.choice(["", "PA req", "mod 25 ok"])] for c, v in codes]
    return listdoc("fee-schedule", "Contracted rates comparison", o, None, ["Code", "Charge", "Granite Peak", "Medicaid", "Notes"], rows, hard=False)
def K_groups(r):
    o = org(r, ("bh", "sud")); rows = [[r.choice(WD[:5]), r.choice(["9:00 AM", "12:00 PM", "5:30 PM", "6:30 PM"]), r.choice(["DBT skills", "Relapse prevention", "Grief support", "Seeking Safety", "New moms circle", "Anger management"]), staffer(r, o.state).first_last() + ", " + r.choice(["LCSW", "LPC", "CADC"]), r.choice(["Room 2", "Room 5", "Telehealth"])] for _ in range(r.randint(5, 9))]
    return listdoc("group-schedule", "Group therapy schedule (no client names)", o, None, ["Day", "Time", "Group", "Facilitator", "Room"], rows, hard=False)
def K_qc(r):
    lab = org_by_kind(r, "lab"); rows = []
    for _ in range(r.randint(6, 12)):
        n, loinc, lo, hi, u, a, b = r.choice(sum(LAB_PANEL.values(), [])); rows.append([recent(r, 7), n, r.choice(["L1", "L2", "L3"]), f"QC{dg(r, 5)}", f"{r.uniform(a, b):.1f}", r.choice(["in", "in", "in", "1-2s warn"]), staffer(r, lab.state).given[:1] + staffer(r).family[:1]])
    return listdoc("qc-log", "Daily QC log - chemistry", lab, "Control material only.", ["Date", "Analyte", "Level", "Control lot", "Value", "Westgard", "Tech"], rows, hard=False)
def K_providers(r):
    o = org(r); rows = [[c.name(), c.npi, r.choice(SCEN)["spec"], r.choice(["Accepting", "Closed", "Accepting - Medicaid waitlist"]), phone(r, o.area)] for c in [Clin(r, state=o.state) for _ in range(r.randint(5, 10))]]
    return listdoc("provider-roster", "Provider directory update", o, None, ["Provider", "NPI", "Specialty", "Panel", "Office"], rows, hard=False)
def K_training(r):
    o = org(r); rows = [[s.lfm(), f"{dg(r, 6)}", r.choice(["HIPAA 2026", "Bloodborne pathogens", "Fire safety", "Fraud, waste & abuse"]), r.choice(["Complete", "Complete", "Overdue", "In progress"]), recent(r, 90)] for s in staffs(r, r.randint(6, 12), o.state)]
    return listdoc("training-roster", "Annual compliance training status", o, None, ["Employee", "Emp #", "Course", "Status", "Completed"], rows, hard=False)
def K_pos(r):
    o = org(r); rows = [[f"PO{dg(r, 8)}", r.choice(VENDORS).name, recent(r, 30), Money(r.uniform(120, 18000)), r.choice(["Open", "Received", "Partially received"])] for _ in range(r.randint(5, 10))]
    return listdoc("purchase-orders", "Open purchase orders", o, None, ["PO", "Vendor", "Ordered", "Amount", "Status"], rows, hard=False)
def K_rooms(r):
    o = org(r); rows = [[future(r, 0, 10), f"{r.randint(7, 16)}:00", r.choice(["Board Room", "Conf 2B", "Sim Lab", "Education Center"]), r.choice(["Tumor board prep (no PHI on screens)", "Budget review", "New hire orientation", "Diabetes class", "CPR recert"]), staffer(r, o.state).first_last()] for _ in range(r.randint(5, 10))]
    return listdoc("room-bookings", "Conference room bookings", o, None, ["Date", "Start", "Room", "Meeting", "Booked by"], rows, hard=False)
def K_birthdays(r):
    o = org(r); rows = [[s.first_last(), r.choice(["Billing", "Front desk", "Lab", "Pharmacy", "Nursing", "HIM"]), f"{MON[m - 1][:3]} {r.randint(1, 28)}"] for s, m in [(staffer(r, o.state), r.randint(1, 12)) for _ in range(r.randint(6, 12))]]
    return listdoc("staff-birthdays", "Staff birthdays - January/February", o, "Month and day only, shared with permission.", ["Name", "Dept", "Birthday"], rows, hard=False)
def K_stats(r):
    o = org(r); ks = r.sample(SCEN, 6)
    rows = [[k["desc"][:48], k["code"], r.choice([str(r.randint(11, 900)), "<11"]), f"{r.uniform(0.2, 9):.1f}%", f"{r.randint(40, 79)}"] for k in ks]
    return listdoc("deidentified-stats", f"Diagnosis prevalence FY{TODAY.year} (de-identified)", o, "Counts under 11 suppressed; no dates or geography below state level.", ["Condition", "ICD-10", "Patients", "Prevalence", "Median age"], rows, hard=False)
def K_testpts(r):
    o = org(r); rows = [[f"ZZTEST, {x}", D(1900, 1, 1), f"999-00-{dg(r, 4)}", f"TST{dg(r, 5)}", r.choice(["ADT", "Lab", "Rx", "Billing"])] for x in r.sample(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"], r.randint(4, 8))]
    return listdoc("test-patients", "Test patients for the upgrade validation", o, "Non-production test records (TEST environment).", ["Name", "DOB", "SSN", "MRN", "Used for"], rows, hard=False)
def K_equipment(r):
    o = org(r); rows = [[f"A{dg(r, 5)}", r.choice(["Infusion pump Alaris 8015", "Defibrillator LIFEPAK 20e", "Autoclave", "Vital signs monitor", "Dental chair", "Centrifuge"]), f"SN{dg(r, 8)}", future(r, 1, 60), r.choice(["PM due", "Overdue", "OK"])] for _ in range(r.randint(5, 10))]
    return listdoc("equipment-pm", "Biomed PM schedule", VENDORS[4], None, ["Asset", "Device", "Serial", "Due", "Status"], rows, hard=False)
def K_interp(r):
    o = org(r); rows = [[future(r, 0, 6), r.choice(["8-12", "12-4", "8-4:30"]), r.choice(["Spanish", "Pashto", "Haitian Creole", "Amharic", "Polish", "ASL", "Vietnamese"]), staffer(r, o.state).first_last(), r.choice(["On site", "Video", "Phone"])] for _ in range(r.randint(5, 10))]
    return listdoc("interpreter-schedule", "Interpreter coverage", o, None, ["Date", "Hours", "Language", "Interpreter", "Mode"], rows, hard=False)
def K_vax(r):
    o = org(r, ("peds", "fqhc", "pharmacy", "clinic")); rows = [[v, f"{r.choice('ABCDEFUX')}{dg(r, 5)}{r.choice('AB')}", future(r, 40, 500), r.randint(0, 60), r.choice(["VFC", "Private", "317"])] for v in r.sample(["Influenza 6mo+ (90686)", "Tdap (90715)", "HPV9 (90651)", "MMR (90707)", "Hep B ped (90744)", "Zoster recombinant (90750)", "RSV (90380)"], 5)]
    return listdoc("vaccine-inventory", "Vaccine inventory by lot", o, None, ["Vaccine", "Lot", "Expires", "Doses", "Stock"], rows, hard=False)
CLEAN_LIST = [K_schedule, K_oncall, K_sterilizer, K_inventory, K_mileage, K_fees, K_groups, K_qc, K_providers, K_training, K_pos, K_rooms, K_birthdays, K_stats, K_testpts, K_equipment, K_interp, K_vax]

# ================================================================== mail assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18227", "Apple Mail (2.3864.100.1)", "iPhone Mail (22C152)", "Mozilla Thunderbird 128.5.2", "Zimbra 10.1.4_GA_4688", "Roundcube Webmail/1.6.9",
           "Microsoft-MacOutlook/16.93.25010", "eM Client 10.1.4588.0", "Android Gmail"]
CONF = ["CONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information, including protected health information. Any unauthorized review, use or disclosure is prohibited.",
        "This message may contain information that is privileged or confidential. If you received it in error, please delete it and notify the sender.",
        "AVISO DE CONFIDENCIALIDAD: Este mensaje es sólo para el destinatario. Si lo recibió por error, por favor bórrelo.",
        "Please consider the environment before printing this e-mail."]
def mbox(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", asc(p.given).lower()) or "x", re.sub(r"[^a-z]", "", asc(p.family).lower()) or "y"
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}{g[0]}", f"{g}{f[0]}", f"{g[0]}.{f}", f"{f}.{g}", f"{g}_{f}"]) + "@" + dom
def sig_block(r, s, o):
    k = r.randrange(9); t = r.choice(TITLES)
    if k == 0: x = f"{s.given} {s.family}\n{t}\n{o.name}\n{o.addr()}\nP: {o.phone} | F: {o.fax}"
    elif k == 1: x = f"Thanks,\n{s.given}"
    elif k == 2: x = f"{s.given} {s.family} · {t} · {o.short}\n{phone(r, o.area)} (direct)"
    elif k == 3: x = f"{s.given}\n\nSent from my iPhone"
    elif k == 4: x = f"Regards,\n{s.given} {s.family}, {r.choice(['CPC', 'RN, BSN', 'CMA (AAMA)', 'RHIT', 'CRCR', 'CPhT', 'LPN', 'RDH', 'MHA'])}\n{t} | {o.short}\n{mbox(r, s, o.dom)}"
    elif k == 5: x = f"Saludos cordiales,\n{s.given} {s.family}\n{t}\n{o.name}"
    elif k == 6: x = f"{s.given} {s.family} ({r.choice(['she/her', 'he/him', 'they/them'])})\n{t}, {o.short}\nwww.{o.dom}"
    elif k == 7: x = f"V/r,\n{s.given} {s.family[0]}.\n{o.short} - {r.choice(['Patient Accounts', 'Scheduling', 'Care Management', 'Medical Records', 'Clinical Support'])}"
    else: x = f"-- \n{s.given} {s.family}\n{o.name}\n\"{r.choice(['Caring for our community since 1952', 'Your health, our mission', 'Compassion. Quality. Community.'])}\""
    if r.random() < 0.3: x += "\n\n" + r.choice(CONF)
    return x
def when_dt(r):
    d = TODAY - dtm.timedelta(days=r.randint(0, 14))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 5, 6, 6, 7, 8]))))
def msgid(r, o):
    return r.choice([f"<{hexs(r, 32, False)}@{o.dom}>", f"<{r.choice(['SA1PR', 'CH3PR', 'MN2PR', 'BN8PR'])}{dg(r, 2)}MB{dg(r, 4)}{hexs(r, 12)}@{r.choice(['SA1PR', 'CH3PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>",
                     f"<CA+{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(40))}@mail.gmail.com>", f"<{dg(r, 10)}.{dg(r, 6)}.{r.randint(1, 9)}@{o.dom}>"])
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r, o.state)
    m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} | {o.short}", f"{s.given} {s.family}"]), addr_spec=mbox(r, s, o.dom))
    if to is None:
        other = r.choice([partner(r, o), o]); t = staffer(r)
        to = Address(display_name=r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", ""]), addr_spec=mbox(r, t, other.dom)) if r.random() < 0.7 else \
             Address(addr_spec=r.choice(["referrals", "intake", "billing", "records", "priorauth", "claims", "frontdesk", "edi", "refills", "provider.services", "him", "casemgmt", "scheduling"]) + "@" + other.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.1: c = staffer(r); m["Cc"] = Address(display_name=f"{c.given} {c.family}", addr_spec=mbox(r, c, o.dom))
    m["Subject"] = subject
    m["Date"] = format_datetime(when_dt(r))
    m["Message-ID"] = msgid(r, o)
    x = r.choice(MAILERS + [None] * 4)
    if x: m["X-Mailer"] = x
    if r.random() < 0.18: m["Thread-Topic"] = re.sub(r"^(RE|FW|Fwd|RV|Re|AW): ", "", subject)
    if r.random() < 0.05: m["X-Priority"] = "1"
    return m, s
def html_from_text(t): return '<html><body><div style="font-family:Aptos,Calibri,Arial,sans-serif;font-size:11pt">' + hx(t).replace("\n", "<br>\n") + "</div></body></html>"
def set_body(r, m, text, html=None, o=None, logo=None):
    if logo is None: logo = o is not None and r.random() < 0.3
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    png = logo_png(o, style=r.randrange(3))
    if html or r.random() < 0.75:
        cid = f"image{r.randint(1, 3):03d}.png@01DB{dg(r, 4)}.{hexs(r, 8)}"
        h = html or html_from_text(text)
        img = f'<p><img src="cid:{cid}" width="180" height="48" alt="{hx(o.short)}"></p>'
        h = h.replace("</body>", img + "</body>") if "</body>" in h else h + img
        m.set_content(text); m.add_alternative(h, subtype="html")
        m.get_payload()[1].add_related(png, "image", "png", cid=f"<{cid}>", filename="image001.png", disposition="inline")
    else:
        m.set_content(text); m.add_attachment(png, "image", "png", filename=f"{re.sub('[^A-Za-z]', '', o.short)}.png", disposition="inline")
COVERS = ["Please see attached.", "Attached as requested.", "Hi - here's the file. Let me know if anything is missing.", "Sending for your records.", "Attached for review and signature.",
          "Good morning,\n\nThe document you asked for is attached.", "Here it is.", "See attached; call with questions.", "Updated version attached - please replace the earlier one.", "Le adjunto el documento.",
          "Per our call, attached.", "Please process - attached.", "Attached (sent encrypted).", "FYI, attached."]
GEN_SUBJ = ["Document", "Records", "Scan", "Fax", "For review", "[secure] document", "Follow-up", "As requested", "Documento", "Updated file", "Forms", "RE: request", "Attachment", "Report", "See attached"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.08:
        dev = r.choice(["Muratec MFX-C3090", "Olivetti d-COLOR MF3301", "Sindoh D420", "Triumph-Adler 4062i"])
        m.replace_header("From", Address(display_name=f"{dev.split()[0]} Scan", addr_spec=f"mfp{r.randint(1, 30):02d}@{o.dom}"))
        m.set_content(f"Scanned document from {dev}\n\nDevice: {r.choice(['MFP-HIM', 'MFP-FRONT-1', 'MFP-BILLING', 'MFP-RX'])}\nDate/Time: {fd(recent(r, 1), 'mdy')} {clock(r)}\nPages: {r.randint(1, 4)}\nResolution: 300 dpi\n\nThis is an automatically generated message.\n"); return
    if x < 0.14:
        m.replace_header("From", Address(display_name=r.choice(["Kno2 Fax", "SRFax", "Documo mFax"]), addr_spec=f"noreply-fax@{o.dom}"))
        m.set_content(f"You have received a fax.\n\nFrom number: {phone(r)}\nTo: {o.fax}\nPages: {r.randint(1, 6)}\nReceived: {fd(recent(r, 1), 'mdy')} {clock(r)}\nReference: {dg(r, 10)}\n\nThe fax is attached as a PDF or document file.\n"); return
    if x < 0.2:
        m.set_content(f"{s.given} {s.family} has sent you a protected message via {r.choice(['Egress Protect', 'Trustifi', 'Microsoft Purview Message Encryption', 'Sophos SPX'])}.\n\nOpen the attachment to read it. Questions: {o.phone}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)

GREET = ["", "", "", "Hi,\n\n", "Hello,\n\n", "Good afternoon,\n\n", "Please see below.\n\n", "All,\n\n", "Hola,\n\n", "Per your request -\n\n", "FYI -\n\n"]
def body_text(r, doc, s, o):
    if doc.kind == "mail":
        t = render_text(r, doc, title=False)
        return t + ("\n" + sig_block(r, s, o) + "\n" if r.random() < 0.75 else "")
    g = r.choice(GREET if doc.lang != "es" else ["", "Buenos días:\n\n", "Hola,\n\n"])
    return g + render_text(r, doc, title=r.random() < 0.85) + "\n" + sig_block(r, s, o) + "\n"
def subj_body(r, doc):
    if doc.subject and (doc.kind == "mail" or r.random() < 0.6): return doc.subject
    return doc.title if doc.title and r.random() < 0.7 else r.choice(GEN_SUBJ)
def to_for(r, doc):
    if doc.to is not None and r.random() < 0.8:
        p = doc.to; return Address(display_name=r.choice([p.first_last(), "", f"{p.given} {p.family}"]), addr_spec=p.email)
    return None
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    set_body(r, m, body_text(r, doc, s, o), o=o); return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    sig = sig_block(r, s, o); g = r.choice(GREET)
    html = render_html(r, doc, head_html=(f"<p>{hx(g.strip())}</p>" if g.strip() else ""), tail_html="<p>" + hx(sig).replace("\n", "<br>") + "</p>")
    text = (g + render_text(r, doc, title=doc.kind != "mail") + "\n" + sig + "\n") if r.random() < 0.8 else f"To view this message, open it in an e-mail program that displays HTML.\n\n{o.name}\n"
    set_body(r, m, text, html, o=o, logo=r.random() < 0.4); return m

def quote(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln.strip() else pre.rstrip() for ln in t.rstrip("\n").split("\n"))
TOPS = ["FYI - see below.", "Can you handle this? Details at the bottom.", "Forwarding for the chart.", "Whose is this? See the original below.", "Adding you.", "Please review the message below and let me know.",
        "See thread.", "Le reenvío el mensaje de abajo.", "Let's discuss at huddle.", "Wrong department I think - see original.", "Passing along, thanks."]
MIDS = ["Any update on this?", "Not ours - sending back.", "Still open?", "Left a voicemail.", "Can you look at the original?", "Bumping.", "Sorry for the delay.", "Need anything else from me?", "Looping in the right person."]
def hdr_lines(r, style, frm, d, to, subj):
    tm = f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
    if style == "outlook": return f"From: {frm}\nSent: {WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {tm}\nTo: {to}\nSubject: {subj}"
    if style == "gmail": return f"From: {frm}\nDate: {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {tm}\nSubject: {subj}\nTo: {to}"
    if style == "apple": return f"From: {frm}\nSubject: {subj}\nDate: {MON[d.month - 1]} {d.day}, {d.year} at {tm} {r.choice(['EST', 'CST', 'MST', 'PST'])}\nTo: {to}"
    if style == "es": return f"De: {frm}\nEnviado el: {fd(d, 'eswd')} {r.randint(8, 17)}:{r.randint(0, 59):02d}\nPara: {to}\nAsunto: {subj}"
    return f"Subject: {subj}\nDate: {WD[d.weekday()][:3]}, {d.day} {MON[d.month - 1][:3]} {d.year} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} -0600\nFrom: {frm}\nTo: {to}"
def build_forwarded(r, doc):
    o0 = doc.o or org(r); s0 = staffer(r, o0.state); subj = doc.subject if doc.subject and r.random() < 0.7 else (doc.title or r.choice(GEN_SUBJ))
    fwd = r.choice([x for x in ORGS if x is not o0] + [o0, o0]); CUR["state"] = fwd.state
    inner = body_text(r, doc, s0, o0); frm0 = f"{s0.given} {s0.family} <{mbox(r, s0, o0.dom)}>"
    depth = r.choice([0, 1, 1, 2]); d0 = TODAY - dtm.timedelta(days=depth + r.randint(0, 3))
    chain = [(p, d0 + dtm.timedelta(days=i + 1), r.choice(MIDS) + "\n\n" + p.given) for i, p in enumerate(staffer(r, fwd.state) for _ in range(depth))]
    st = r.randrange(11); s1 = staffer(r, fwd.state)
    pre = ["FW: ", "RE: ", "Fwd: ", "Fwd: ", "Re: ", "FW: ", "RV: ", "FW: ", "Fwd: ", "Fwd: ", "Re: "][st]
    m, s = new_msg(r, pre + ("RE: " * min(depth, 1)) + subj, fwd, s=s1)
    top = r.choice(TOPS) + "\n\n" + sig_block(r, s1, fwd)
    def tline(): t = staffer(r, fwd.state); return f"{t.given} {t.family} <{mbox(r, t, fwd.dom)}>"
    if st in (0, 1, 2, 3, 6, 9):
        style = {0: "outlook", 1: "outlook", 2: "gmail", 3: "apple", 6: "es", 9: "yahoo"}[st]
        sep = {"outlook": r.choice(["-----Original Message-----", "________________________________"]), "gmail": "---------- Forwarded message ---------", "apple": "Begin forwarded message:",
               "es": "________________________________", "yahoo": "----- Forwarded Message -----"}[style]
        hs = "tbird" if style == "yahoo" else style
        parts = [top]
        for p, d, txt in reversed(chain): parts += [sep, hdr_lines(r, hs, f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", d, tline(), "RE: " + subj), txt]
        parts += [sep, hdr_lines(r, hs, frm0, d0, tline(), subj), quote(inner) if style == "apple" else inner]
        set_body(r, m, "\n\n".join(parts), o=fwd, logo=r.random() < 0.2); return m
    if st in (4, 10):        # bottom-quoted replies, iOS or Thunderbird attribution
        def attr(who, d):
            if st == 4: return f"On {MON[d.month - 1][:3]} {d.day}, {d.year}, at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}, {who} wrote:"
            return f"On {d.month}/{d.day}/{d.year} {r.randint(7, 17)}:{r.randint(0, 59):02d}, {who} wrote:"
        msg_text, author, d = inner, frm0, d0
        for p, dp, txt in chain:
            msg_text = txt + "\n\n" + attr(author, d) + "\n" + quote(msg_text); author, d = f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", dp
        body = r.choice(["Got it, thanks.", "Will take care of it.", "Done - called them.", "Noted.", "Thank you!"]) + "\n\n" + sig_block(r, s1, fwd) + "\n\n" + attr(author, d) + "\n" + quote(msg_text)
        set_body(r, m, body, o=fwd, logo=False); return m
    if st == 5:              # original attached as message/rfc822
        im = EmailMessage(policy=SMTP); im["From"] = Address(display_name=f"{s0.given} {s0.family}", addr_spec=mbox(r, s0, o0.dom)); im["To"] = Address(display_name=f"{s1.given} {s1.family}", addr_spec=mbox(r, s1, fwd.dom))
        im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-6)))); im["Message-ID"] = msgid(r, o0)
        im.set_content(inner)
        if r.random() < 0.5: im.add_alternative(render_html(r, doc), subtype="html")
        set_body(r, m, top, o=fwd, logo=False)
        m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 ]", "", asc(subj))[:40].strip() or "message") + ".eml"); return m
    if st == 7:              # Outlook HTML forward
        hdr = f"<b>From:</b> {hx(frm0)}<br><b>Sent:</b> {hx(fd(d0, 'wd'))} {r.randint(1, 12)}:{r.randint(0, 59):02d} PM<br><b>To:</b> {hx(tline())}<br><b>Subject:</b> {hx(subj)}"
        inner_html = render_html(r, doc).split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
        html = (f'<html><body><div class="WordSection1"><p class="MsoNormal">{hx(top).replace(chr(10), "<br>")}</p>'
                f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal">{hdr}</p></div>{inner_html}</div></body></html>')
        text = f"{top}\n\n________________________________\nFrom: {frm0}\nSent: {fd(d0, 'wd')}\nSubject: {subj}\n\n{inner}"
        set_body(r, m, text, html, o=fwd, logo=r.random() < 0.3); return m
    # st == 8: Gmail HTML forward
    inner_html = render_html(r, doc).split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
    ghead = f"---------- Forwarded message ---------<br>From: <strong>{hx(s0.given + ' ' + s0.family)}</strong> &lt;{hx(mbox(r, s0, o0.dom))}&gt;<br>Date: {hx(fd(d0, 'wd'))}<br>Subject: {hx(subj)}<br>To: {hx(tline())}<br>"
    html = f'<div dir="ltr">{hx(top).replace(chr(10), "<br>")}<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{ghead}</div><br>{inner_html}</div></div>'
    text = f"{top}\n\n---------- Forwarded message ---------\nFrom: {frm0}\nDate: {fd(d0, 'wd')}\nSubject: {subj}\n\n{inner}"
    set_body(r, m, text, html, o=fwd, logo=False); return m

# ================================================================== header carrier (PHI only in headers; neutral bodies)
HDR_BODY = ["Please call me when you get a chance.", "Details are in the secure portal.", "Can we talk before 3?", "Following up on this morning's call.", "Thanks for jumping on this.", "Let me know what you need from us.",
            "Please see my message in the EHR inbox.", "Confirming we received it.", "Will update you tomorrow.", "Gracias por su ayuda."]
PT_BODY = ["You have a new message from your care team. Please sign in to the patient portal to read it.", "Please call our office to confirm.", "Reply to this e-mail or call us with questions.",
           "A secure message is waiting for you in MyChart."]
def hdr_body(r, m, s, o, pt=False):
    t = r.choice(PT_BODY if pt else HDR_BODY) + "\n\n" + (f"{o.name}\n{o.phone}" if pt else sig_block(r, s, o))
    set_body(r, m, t, o=o, logo=r.random() < 0.3)
def sethdr(m, k, v):
    del m[k]; m[k] = v
def care_org(r): return org(r, CARE + ("lab", "imaging", "pharmacy", "spharm"))
def caddr(r, p): return Address(display_name=p.first_last(), addr_spec=p.email)
def H1(r, o, c): p = c.p; return new_msg(r, f"{p.mr()} - {c.lay} - DOB {fd(p.dob, r.choice(DOB_ST))}", o), False
def H2(r, o, c): p = c.p; return new_msg(r, r.choice(["Message from your care team", "Your visit summary is ready", "About your recent results"]), o, to=Address(display_name=f"{p.lfm()} (MRN {c.mrn})", addr_spec=p.email)), True
def H3(r, o, c): p = c.p; return new_msg(r, f"Pt: {p.LF()} | DOB {fd(p.dob, 'mdy')} | Dx {c.code}", o), False
def H4(r, o, c):
    p = c.p; m, s = new_msg(r, r.choice(["Scanned document", "Scan", "Document for indexing"]), o)
    sethdr(m, "X-Document-Title", f"{asc(p.family).upper()}_{asc(p.given).upper()}_{p.dob:%Y-%m-%d}_{re.sub('[^A-Za-z]', '', c.s['test'])}.pdf"); return (m, s), False
def H5(r, o, c):
    p = c.p; m, s = new_msg(r, "New referral received", o); sethdr(m, "X-Referral-Patient", f"{p.hl7()}; DOB={p.dob:%Y%m%d}; reason={c.desc}; ref#={dg(r, 7)}"); return (m, s), False
def H6(r, o, c):
    p = c.p; m, s = new_msg(r, r.choice(["level came back", "result", "need a decision today"]), o); sethdr(m, "Thread-Topic", f"{c.s['test']} for {p.first_last()} - {c.res[:50]}"); return (m, s), False
def H7(r, o, c):
    p = c.p; m, s = new_msg(r, r.choice(["refill", "Rx question", "med change"]), o); sethdr(m, "Keywords", f"{c.s['drug']}; {p.family}; MRN {c.mrn}; {c.code}"); return (m, s), False
def H8(r, o, c):
    p = c.p; m, s = new_msg(r, "Voicemail", o, from_name="Voicemail System"); sethdr(m, "X-Voicemail-From", f"{p.first_last()} ({p.phone}) DOB {fd(p.dob, 'm/d/y')} re: {c.lay}"); return (m, s), False
def H9(r, o, c):
    p = c.p; return new_msg(r, r.choice(["Follow up", "Question from the pharmacy", "Please call"]), o, from_name=f"{o.short} re: {p.lfm()} - {c.s['drug'].split()[0]}"), False
def H10(r, o, c):
    p = c.p; m, s = new_msg(r, r.choice(["Paperwork", "Admission packet", "Forms"]), o)
    rel = Person(r, 30, 70, state=o.state, pool=p.pool); sethdr(m, "Reply-To", Address(display_name=f"{rel.first_last()} (caregiver for {p.first_last()}, {c.lay})", addr_spec=rel.email)); return (m, s), False
def H11(r, o, c):
    p = c.p; m, s = new_msg(r, "Benefit question", o); sethdr(m, "Sender", Address(display_name=f"{s.given} {s.family} on behalf of {p.first_last()} (member {c.mem})", addr_spec=mbox(r, s, o.dom))); return (m, s), False
def H12(r, o, c):
    p = c.p; return new_msg(r, r.choice(["Appointment details", "Next steps", "Your care plan"]), o, cc=Address(display_name=f"{p.first_last()} (patient) - {c.lay}", addr_spec=p.email)), True
def H13(r, o, c):
    p = c.p
    if p.pool not in HISP: p = Person(r, p.age, p.age, sex=p.sex, state=o.state, pool=r.choice(sorted(HISP)))
    return new_msg(r, f"Resultados de {p.full()} - fecha de nacimiento {fd(p.dob, r.choice(['es/', 'es']))} - {c.s['es']}", o), False
def H14(r, o, c): p = c.p; return new_msg(r, f"MBI {mbi(r)} - eligibility for {p.LF()} ({c.lay})", o), False
def H15(r, o, c):
    p = c.p; m, s = new_msg(r, "Treatment plan", o); sethdr(m, "Organization", f"{o.short} - plan for {p.first_last()} ({c.code})"); return (m, s), False
def H16(r, o, c):
    p = c.p; m, s = new_msg(r, "Account review", o); sethdr(m, "X-Patient-Account", f"ACCT {c.acct} / {p.lfm()} / DOB {fd(p.dob, 'mdy')} / {c.lay} / balance {money(r.uniform(40, 2400))}"); return (m, s), False
def H17(r, o, c): p = c.p; return new_msg(r, f"SSN {ssn(r, 'd')} for {p.lfm()} - needed for {c.payer} claim", o), False
def H18(r, o, c):
    p = c.p; m, s = new_msg(r, r.choice(["Follow-up needed", "Public health call"]), o); sethdr(m, "Comments", f"pt {p.first_last()} DOB {fd(p.dob, 'mdy')} - {c.lay} - partner notification pending"); return (m, s), False
def H19(r, o, c): p = c.p; return new_msg(r, f"Accepted: {p.lfm()} - {c.s['test']} {fd(future(r, 1, 10), 'm/d')} {clock(r)}", o), False
def H20(r, o, c):
    p = c.p; return new_msg(r, r.choice(["Your appointment", "Reminder from your clinic", "Test results available"]), o, to=Address(display_name=f"{p.first_last()} (DOB {fd(p.dob, 'mdy')})", addr_spec=p.email)), True
def H21(r, o, c):
    p = c.p; m, s = new_msg(r, "Records request", o); sethdr(m, "X-Fax-Recipient-Note", f"Re {p.LF()} DOB {fd(p.dob, 'mdy')} - {c.lay} - send last 2 years"); return (m, s), False
HDR_PHI = [H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13, H14, H15, H16, H17, H18, H19, H20, H21]
def build_header_phi(r, fn):
    o = care_org(r); c = Case(r, o=o)
    (m, s), pt = fn(r, o, c)
    hdr_body(r, m, s, o, pt); return m

CLEAN_BODY = ["Please approve when you can.", "Details are on the shared drive.", "Thanks!", "See you there.", "Does this work?", "Confirming for next week.", "Please share with your team.", "Attached link in Teams.",
              "No action needed.", "Let me know by Friday."]
def K1(r, o, s): t = staffer(r); return new_msg(r, f"Badge photo retake - {t.first_last()}", o)
def K2(r, o, s): t = staffer(r); return new_msg(r, f"{t.lfm()} - 401(k) enrollment confirmation", o)
def K3(r, o, s):
    t = staffer(r); m, s2 = new_msg(r, f"Laptop swap for {t.given} {t.family}", o); sethdr(m, "X-Ticket-ID", f"INC{dg(r, 7)}"); return m, s2
def K4(r, o, s): t = staffer(r, o.state); return new_msg(r, "Audit schedule", o, cc=Address(display_name=f"{t.first_last()} (Compliance)", addr_spec=mbox(r, t, o.dom)))
def K5(r, o, s): m, s2 = new_msg(r, "RE: sign-up", o); sethdr(m, "Thread-Topic", "Holiday potluck sign-up"); return m, s2
def K6(r, o, s): t = staffer(r); return new_msg(r, r.choice(["Password reset completed", "Your ticket was resolved"]), o, from_name=f"IT Service Desk - {t.given}")
def K7(r, o, s): return new_msg(r, f"Employee ID E{dg(r, 5)} - parking permit renewal", o)
def K8(r, o, s): return new_msg(r, f"Invoice {dg(r, 7)} / PO{dg(r, 8)} - {r.choice(VENDORS).short}", o)
def K9(r, o, s):
    t = staffer(r); m, s2 = new_msg(r, "W-4 update", o); sethdr(m, "Reply-To", Address(display_name=f"{t.first_last()} (Payroll)", addr_spec=mbox(r, t, o.dom))); return m, s2
def K10(r, o, s):
    m, s2 = new_msg(r, "Vendor paperwork", o); sethdr(m, "X-Fax-Subject", f"W-9 and certificate of insurance - {r.choice(VENDORS).name}"); return m, s2
def K11(r, o, s): t = staffer(r); return new_msg(r, f"{t.given}'s baby shower - {fd(future(r, 3, 20), 'm/d')}", o)
def K12(r, o, s): cl = Clin(r, state=o.state); return new_msg(r, f"{cl.dr()} NPI {cl.npi} - Medicaid enrollment approved", o)
def K13(r, o, s): return new_msg(r, f"Fleet van #{r.randint(1, 20)} - insurance card, policy BAP {dg(r, 7)}", o)
def K14(r, o, s): m, s2 = new_msg(r, "Staff council agenda", o); sethdr(m, "Organization", f"Staff Council - {o.name}"); return m, s2
def K15(r, o, s):
    t = staffer(r); m, s2 = new_msg(r, "Capital requests", o); sethdr(m, "Keywords", f"budget; FY{TODAY.year % 100 + 1}; capital; {t.family}"); return m, s2
def K16(r, o, s): return new_msg(r, f"Date of birth field moved on the onboarding form (rev {r.randint(1, 12)}/{TODAY.year})", o)
def K17(r, o, s): return new_msg(r, "MBI example 1EG4-TE5-MK73 for the billing job aid", o)
def K18(r, o, s): m, s2 = new_msg(r, "Agenda", o); sethdr(m, "Comments", f"P&T committee agenda for {fd(future(r, 3, 20), 'mdy')}"); return m, s2
def K19(r, o, s):
    t = staffer(r); m, s2 = new_msg(r, f"Timesheet correction - {t.first_last()}", o); sethdr(m, "X-Employee-ID", f"E{dg(r, 6)}"); return m, s2
def K20(r, o, s): return new_msg(r, f"Staff flu shot clinic {fd(future(r, 2, 10), 'm/d')} - bring your badge", o)
def K21(r, o, s): t = staffer(r); return new_msg(r, "Welcome aboard", o, to=Address(display_name=f"{t.first_last()} (new hire - orientation {fd(future(r, 3, 20), 'm/d')})", addr_spec=f"{re.sub('[^a-z]', '', asc(t.given).lower())}{re.sub('[^a-z]', '', asc(t.family).lower())[:6]}@{r.choice(MAILDOMS)}"))
HDR_CLEAN = [K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13, K14, K15, K16, K17, K18, K19, K20, K21]
def build_header_clean(r, fn):
    o = r.choice(ORGS + VENDORS); CUR["state"] = o.state; s = staffer(r, o.state)
    m, s2 = fn(r, o, s)
    set_body(r, m, r.choice(CLEAN_BODY) + "\n\n" + sig_block(r, s2, o), o=o, logo=r.random() < 0.3); return m

# ================================================================== LibreOffice batching (Ctx/Pending, as batch 7 wired it; re-typed)
class Pending:
    def __init__(self, path, key, gs=False, redo=None): self.path, self.key, self.gs, self.redo = path, key, gs, redo
class Ctx:
    """run_lo (generate.py) reads ctx.tmp and ctx.lo = {kind: [input files]} and writes ctx.tmp/kind/out; kinds it knows: docx2pdf (any Writer/Calc
    input -> pdf), html2pdf, html2docx, xlsx2xlsx.  docx2docx (a LibreOffice re-save of a python-docx file) runs here."""
    EXTRA = ("docx2docx",)
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0
        self.lo = {k: [] for k in ("docx2pdf", "html2pdf", "html2docx", "xlsx2xlsx") + self.EXTRA}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf): self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False, redo=None):
        self.n += 1; base = f"b8_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p)
        return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{ {'docx2pdf': 'pdf', 'html2pdf': 'pdf', 'html2docx': 'docx', 'xlsx2xlsx': 'xlsx', 'docx2docx': 'docx'}[kind]}"), key, gs, redo)
    def run(self):
        extra = {k: self.lo.pop(k) for k in self.EXTRA}
        run_lo(self)
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
    x = r.random()
    how = ("xlsx" if x < 0.45 else "docx" if x < 0.75 else "html") if doc.kind == "list" else ("docx" if x < 0.6 else "html")
    seed = int(hashlib.sha256(("b8" + key).encode()).hexdigest()[:12], 16)
    def make(d, rr):
        if how == "xlsx": return "docx2pdf", xlsx_bytes(rr, d, for_pdf=True), "xlsx"
        if how == "docx": return "docx2pdf", docx_bytes(rr, d), "docx"
        return "html2pdf", render_html(rr, d, for_print=True), "html"
    kind, data, ext = make(doc, r)
    return ctx.add(kind, data, ext, key, gs=gs, redo=lambda n: make(doc.cut(n), random.Random(seed + n)))
def printed_mail(r, doc):
    if doc.kind != "mail": return doc
    o = doc.o or org(r); s = staffer(r, o.state); t = staffer(r)
    d = copy.copy(doc)
    d.blocks = [("kv", [("From", f"{s.given} {s.family} <{mbox(r, s, o.dom)}>"), ("Sent", f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 2)), 'wd')} {clock(r)}"), ("To", f"{t.given} {t.family}"), ("Subject", doc.subject or "(no subject)")], None)] + list(doc.blocks)
    d.kind = "doc"; return d
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", asc(doc.title or doc.cat)).strip("_")[:30] or "document"; d = recent(r, 4)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%m%d%Y}_{base}.{ext}", f"scan{dg(r, 9)}.{ext}", f"{doc.cat}.{ext}", f"{(doc.o.short if doc.o else 'doc').replace(' ', '').replace('/', '')}_{dg(r, 5)}.{ext}",
                     f"{base.lower()}-v{r.randint(2, 4)}.{ext}", f"IMG_{dg(r, 4)}.{ext}" if ext == "pdf" else f"{base}.{ext}", f"{base} - Copy.{ext}"])
def build_attachment(r, ctx, carrier, doc, key):
    doc = printed_mail(r, doc)
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-libreoffice": return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return fname_for(r, doc, "pdf"), ps_pdf(r, ctx, doc, key)
        if x < 0.63: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: rl_pdf(r, d), doc), key)
        if x < 0.8: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: fp_pdf(r, d), doc), key)
        return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key, gs=True)
    if carrier == "docx":
        x = r.random()
        if x < 0.6: return fname_for(r, doc, "docx"), docx_bytes(r, doc)
        if x < 0.8: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(r, doc, for_print=True), "html", key)
        return fname_for(r, doc, "docx"), ctx.add("docx2docx", docx_bytes(r, doc), "docx", key)
    if carrier == "xlsx":
        if r.random() < 0.4: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc, for_lo=True), "xlsx", key)
        return fname_for(r, doc, "xlsx"), xlsx_bytes(r, doc)
    if carrier == "csv":
        data, ext = csv_bytes(r, doc); return fname_for(r, doc, ext), data
    if carrier == "zip":
        x = r.random()
        if doc.kind == "list":
            if x < 0.4: data, ext = csv_bytes(r, doc)
            elif x < 0.72: data, ext = xlsx_bytes(r, doc), "xlsx"
            else: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
        else:
            if x < 0.5: data, ext = fit_pdf(lambda d: rl_pdf(r, d) if r.random() < 0.5 else fp_pdf(r, d), doc), "pdf"
            else: data, ext = docx_bytes(r, doc), "docx"
        inner = fname_for(r, doc, ext); folder = r.choice(["", "", f"{TODAY:%Y-%m}/", "to_send/", f"{(doc.o.short if doc.o else 'files').replace(' ', '_').replace('/', '_')}/", "export/", f"batch_{dg(r, 4)}/"])
        entries = [(folder + inner, data)]
        if r.random() < 0.2: entries.append((folder + "README.txt", f"Created {fd(TODAY, 'mdy')}. Password will be sent in a separate message.\r\n".encode()))
        return r.choice([f"{re.sub('[^A-Za-z0-9]+', '_', asc(doc.title or doc.cat))[:24]}.zip", f"files_{dg(r, 5)}.zip", "documents.zip", f"{doc.cat}_{TODAY:%Y%m%d}.zip", "Compressed.zip"]), make_zip(entries)
    raise ValueError(carrier)

# ================================================================== run order
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.45 else "_form" if x < 0.75 else "_raw" if x < 0.87 else "_list")]
    if carrier == "zip": return cyc[L_ + ("_list" if x < 0.4 else "_narr" if x < 0.7 else "_form")]
    return cyc[L_ + ("_narr" if x < 0.47 else "_form" if x < 0.86 else "_list" if x < 0.97 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b8_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
    data = m.as_bytes(policy=SMTP)
    assert b"\n" not in data.replace(b"\r\n", b""), fname
    return data
def main():
    t0 = dtm.datetime.now()
    for f in os.listdir(HERE):
        if f.startswith(PREFIX) and f.endswith(".eml"): os.remove(os.path.join(HERE, f))
    specs = [(c, l) for c in CARRIERS for l in ("phi", "clean") for _ in range(PER_LABEL)]
    R.shuffle(specs)
    cyc = {"phi_narr": cycler(R, PHI_NARR), "phi_form": cycler(R, PHI_FORM), "phi_raw": cycler(R, PHI_RAW), "phi_list": cycler(R, PHI_LIST),
           "cln_narr": cycler(R, CLEAN_NARR), "cln_form": cycler(R, CLEAN_FORM), "cln_raw": cycler(R, CLEAN_RAW), "cln_list": cycler(R, CLEAN_LIST)}
    hcyc = {"phi": cycler(R, HDR_PHI), "clean": cycler(R, HDR_CLEAN)}
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b8-"); ctx = Ctx(tmp); built = []; rows = []; hard = 0
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"; CUR["state"] = None
            if carrier == "header":
                m = build_header_phi(R, hcyc["phi"]()) if label == "phi" else build_header_clean(R, hcyc["clean"]())
                hard += label == "phi"
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if label == "phi" and (doc.hard or carrier == "forwarded"): hard += 1
            if carrier == "plain": m = build_plain(R, doc)
            elif carrier == "html": m = build_html(R, doc)
            elif carrier == "forwarded": m = build_forwarded(R, doc)
            else:
                o = doc.o or org(R)
                m, s = new_msg(R, R.choice(GEN_SUBJ) if R.random() < 0.5 else (doc.title or R.choice(GEN_SUBJ)), o)
                cover(R, m, s, o)
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
    print(f"wrote {len(rows)} batch-8 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s; phi messages of the hardest kinds: {hard} of {len(rows) // 2}", file=sys.stderr)

if __name__ == "__main__":
    main()
