#!/usr/bin/python3
"""Batch 7 of the blind DLP corpus: b7-0001.eml ... b7-0456.eml (12 carriers x 38, 19 phi + 19 clean each).

Written by a seventh author from BRIEF.md (see README "Batch 7").  Texts, scenarios, layouts, name pools and
organisations are this batch's own; only producer plumbing (OOXML zip timestamps, zip writing, the split rule,
latin-1 folding, gs_distill, run_lo, the SMTP policy) is imported from generate.py.  The batch wiring (LibreOffice
batching through a Ctx/Pending pair, MIME boundaries from the file name, manifest handling, PDF stamp
normalisation) follows generate_b6.py's plumbing.

Extra weight on the hardest PHI: prose without field labels (clinician notes, phone-call notes, care-coordination
messages, result and referral letters), short worklists with unusual column headers, forwarded/replied threads
with the PHI deep in the quoted part, DOCX/PDF letters, Spanish patient letters and header-only PHI.

Deterministic: one random.Random(SEED), fixed run order, MIME boundaries derived from the file name, fixed OOXML
timestamps and normalised LibreOffice/Ghostscript PDF stamps, so two runs give byte-identical files.
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

SEED = 20261208
R = random.Random(SEED)
PREFIX = "b7-"
DJ = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DJB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DJS = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DJSB = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
D = dtm.date
TODAY = D(2026, 12, 7)
L1MAP = {"ł": "l", "Ł": "L", "•": "-", "…": "...", "≥": ">=", "≤": "<=", "→": "->", "✓": "x", "\u2009": " ", "\u00a0": " "}
def l1(s): return lat1("".join(L1MAP.get(c, c) for c in str(s)))
def ascii_fold(s): return l1(s).encode("latin-1", "ignore").decode("latin-1").translate(str.maketrans("áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ", "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC"))
def dg(r, n): return "".join(r.choice("0123456789") for _ in range(n))
def pick(r, *xs): return r.choice(xs)

# ================================================================== people
# community: (female given, male given, family)
NAMES = {
    "south": (["Brenda", "Tammy", "Lorene", "Kayla", "Crystal", "Wanda", "Shelby", "Peggy Sue", "Margaret", "Loretta"],
              ["Dale", "Randy", "Cody", "Wayne", "Travis", "Earl", "Billy Ray", "Clint", "Richard", "James"],
              ["Pruitt", "Hollis", "Tackett", "Bledsoe", "Crenshaw", "Massengill", "Sizemore", "Whitaker", "McCurdy", "Dobbins", "Honeycutt"]),
    "afam": (["Latoya", "Shanice", "Dorothea", "Imani", "Keyonna", "Bernice", "Ebony", "Tiana", "Odessa", "Queen Esther"],
             ["Darnell", "Tyrone", "Marcus", "Jamal", "Cedric", "Reginald", "DeShawn", "Alonzo", "Otis", "Rashad"],
             ["Washington", "Jefferson", "Blount", "Pettiford", "Tillman", "Gaither", "Oglesby", "Mabry", "Rountree", "Fairley", "Peoples"]),
    "mex": (["Guadalupe", "Maricela", "Xóchitl", "Araceli", "Yesenia", "Rocío", "Itzel", "María del Carmen", "Reyna", "Socorro"],
            ["Jesús", "Rigoberto", "Juan Manuel", "Efraín", "Octavio", "Hugo", "Ulises", "José Luis", "Francisco", "Ignacio"],
            ["Zamora", "Villalobos", "Cárdenas", "Ochoa", "Tapia", "Quiñones", "Arellano", "Bustamante", "Espinoza", "Medina", "Saldívar"]),
    "centro": (["Xiomara", "Wendy", "Marleny", "Glenda", "Yanira", "Ingrid Yamileth"], ["Wilber", "Nelson", "Edwin", "Selvin", "Oswaldo", "Elmer"],
               ["Portillo", "Ventura", "Chávez", "Ajú", "Coj", "Menjívar", "Funes", "Orellana", "Pérez Xicará"]),
    "carib": (["Yaritza", "Milagros", "Nereida", "Awilda", "Yokasta", "Iris Nanette"], ["Radhamés", "Wilfredo", "Ángel Luis", "Yunior", "Eligio", "Heriberto"],
              ["Almonte", "Batista", "de la Rosa", "Rosario", "Santana", "Peralta", "Féliz", "Tavárez", "Ortiz de Jesús"]),
    "viet": (["Lan", "Ngoc Anh", "Thu", "Hanh", "Mai", "Phuong"], ["Minh", "Tuan", "Duc", "Quang", "Bao", "Hieu"],
             ["Nguyen", "Tran", "Pham", "Huynh", "Vo", "Dang", "Bui", "Truong"]),
    "haiti": (["Marie-Carmel", "Guerline", "Nadège", "Fabiola", "Rose-Berthe", "Mirlande"], ["Jean-Claude", "Wilner", "Frantz", "Dieuseul", "Jean-Ronel", "Wisly"],
              ["Pierre-Louis", "Saint-Cyr", "Jean-Baptiste", "Dorvil", "Exantus", "Célestin", "Desrosiers", "Augustin"]),
    "persia": (["Shirin", "Mahnaz", "Parisa", "Azadeh"], ["Dariush", "Kourosh", "Behrooz", "Farhad"], ["Rahimi", "Tehrani", "Moradi", "Farahani", "Ghorbani", "Jafari"]),
    "armen": (["Anahit", "Lusine", "Siranush"], ["Aram", "Hovhannes", "Garnik", "Vartan"], ["Hakobyan", "Sargsyan", "Ter-Minasyan", "Kazarian", "Boyajian"]),
    "bosnia": (["Amra", "Selma", "Emina", "Lejla"], ["Emir", "Adnan", "Haris", "Jasmin"], ["Hodžić", "Begović", "Mujić", "Hadžiahmetović", "Kovačević"]),
    "horn": (["Hodan", "Fadumo", "Meskerem", "Tigist", "Sahra"], ["Abdirahman", "Mohamed", "Tesfaye", "Dawit", "Liban"], ["Warsame", "Abdi", "Hussein", "Gebremedhin", "Tadesse", "Haile"]),
    "nepal": (["Bishnu Maya", "Sita", "Dil Maya", "Tika"], ["Dhan Bahadur", "Hari", "Bhim", "Khadga"], ["Gurung", "Rai", "Subba", "Adhikari", "Pradhan", "Tamang"]),
    "lusa": (["Maria de Fátima", "Conceição", "Filomena", "Lurdes"], ["Manuel", "João Paulo", "Adelino", "Armindo"], ["da Rosa", "Fortes", "Andrade", "Gonçalves", "Lopes da Silva", "Mendes"]),
    "nordic": (["Ingrid", "Solveig", "Marit", "Kari", "Britt"], ["Lars", "Arne", "Nils", "Thorvald", "Gunnar"], ["Lindqvist", "Halvorsen", "Haugen", "Bjornstad", "Skogen", "Nygaard"]),
    "cajun": (["Rosalie", "Colette", "Marie Claire", "Noelle"], ["Beau", "Remy", "Lucien", "Achille"], ["Thibodeaux", "Fontenot", "Broussard", "Arceneaux", "Guidry", "LeBlanc"]),
    "dutch": (["Hendrika", "Geertje", "Alida"], ["Pieter", "Gerrit", "Dirk"], ["van der Veen", "Van Houten", "vander Linden", "von Ahn", "ter Beek", "De Vries", "VanderMolen"]),
    "irish": (["Siobhan", "Maeve", "Roisin", "Bridget"], ["Declan", "Padraig", "Cormac", "Seamus"], ["O'Driscoll", "McGonigal", "MacAskill", "Fitzhugh", "Ó Briain", "O'Keeffe"]),
    "chinese": (["Mei-Ling", "Xiuying", "Yan", "Wai Man"], ["Wei", "Jianhua", "Kwok Wing", "Hao"], ["Chan", "Leung", "Zhou", "Lam", "Ng", "Huang", "Tsang"]),
    "korean": (["Eun-ji", "Soo-ah", "Hye-jin"], ["Dong-hyun", "Seung-woo", "Jae-min"], ["Park", "Choi", "Jung", "Kang", "Yoon", "Hwang"]),
    "sasia": (["Priya", "Hetal", "Nusrat", "Farzana", "Sunita"], ["Rakesh", "Imran", "Jignesh", "Tanvir", "Sandeep"], ["Patel", "Desai", "Chowdhury", "Rahman", "Shah", "Qureshi", "Bhattacharya"]),
    "wafrica": (["Adaeze", "Folake", "Akosua", "Efua", "Ngozi"], ["Chukwuemeka", "Oluwaseun", "Kwame", "Kofi", "Babatunde"], ["Okafor", "Adebayo", "Mensah", "Boateng", "Nwosu", "Ogunleye", "Asante"]),
    "native": (["Winona", "Delphine", "Lorraine", "Shandiin"], ["Elroy", "Vernon", "Harlan", "Tohee"], ["Begay", "Yazzie", "Tsosie", "Whitehorse", "Standing Elk", "Chee", "Three Stars"]),
    "pacific": (["Malia", "Losa", "Faith", "Leilani"], ["Sione", "Tavita", "Iosefa", "Kimo"], ["Faleolo", "Tuiasosopo", "Leiataua", "Jibas", "Kahananui"]),
    "russ": (["Raisa", "Ilana", "Svetlana", "Tova"], ["Yosef", "Boris", "Mikhail", "Avraham"], ["Rosenbaum", "Kaplan", "Feldshteyn", "Gurevich", "Zilberman", "Abramov"]),
    "polish": (["Halina", "Jadwiga", "Zuzana", "Krystyna"], ["Stanisław", "Tadeusz", "Miroslav", "Zbigniew"], ["Kowalczyk", "Szymański", "Wróblewski", "Zieliński", "Nowak", "Dudek"]),
    "arab": (["Rania", "Layla", "Huda", "Nour"], ["Khalil", "Tariq", "Samir", "Youssef"], ["Haddad", "Khoury", "al-Amin", "Abu-Saleh", "El-Sayed", "Nasrallah"]),
    "filipino": (["Ma. Theresa", "Rowena", "Marilou", "Jocelyn"], ["Rolando", "Jun", "Ferdinand", "Reynaldo"], ["Dimaculangan", "Macaraeg", "dela Cruz", "Bautista", "Villanueva", "Pangilinan"]),
    "anglo": (["Jennifer", "Susan", "Karen", "Megan", "Elizabeth", "Heather", "Katherine", "Patricia"], ["Michael", "David", "Steven", "Robert", "William", "Gary", "Thomas", "Kevin"],
              ["Ellison", "Whitfield", "Hargrove", "Pennington", "Kimball", "Ashford", "Radcliffe", "Stroud", "St. Germain", "Fairbanks"]),
}
HISP = {"mex", "centro", "carib"}
NICK = {"Robert": "Bobby", "William": "Bill", "Elizabeth": "Betsy", "Katherine": "Kit", "Margaret": "Peggy", "Richard": "Rick", "James": "Jim", "Guadalupe": "Lupe",
        "Francisco": "Paco", "Jesús": "Chuy", "Ignacio": "Nacho", "Chukwuemeka": "Emeka", "Oluwaseun": "Seun", "Wilfredo": "Willy", "Thorvald": "Tor", "Patricia": "Trish",
        "Thomas": "Tommy", "Socorro": "Coco", "Dong-hyun": "Danny", "Jianhua": "Jimmy", "Abdirahman": "Abdi", "Maria de Fátima": "Fatinha"}
STATE_BIAS = {"NM": ["mex", "mex", "native", "anglo"], "AZ": ["mex", "native", "anglo"], "LA": ["cajun", "cajun", "afam"], "MN": ["nordic", "horn", "horn", "nepal"],
              "ME": ["anglo", "horn", "haiti", "irish"], "FL": ["carib", "haiti", "afam"], "MI": ["dutch", "dutch", "arab"], "WA": ["viet", "pacific", "russ", "nordic"],
              "GA": ["afam", "afam", "south"], "TN": ["south", "afam", "bosnia"], "OH": ["south", "afam", "nepal"], "PA": ["polish", "carib", "irish"],
              "MA": ["lusa", "irish", "haiti"], "CO": ["mex", "anglo"], "OK": ["native", "south"], "NE": ["centro", "nordic"], "MD": ["afam", "korean", "wafrica"],
              "VA": ["afam", "filipino", "korean"], "NC": ["south", "afam", "centro"], "SC": ["afam", "south"], "MT": ["native", "anglo", "nordic"], "OR": ["anglo", "chinese", "russ"],
              "CA": ["armen", "persia", "chinese", "mex"], "TX": ["mex", "sasia"], "NY": ["carib", "chinese", "russ", "wafrica"], "IL": ["polish", "mex", "sasia"]}
SUFFIXES = ["Jr.", "Jr", "Sr.", "II", "III", "IV"]
STREETS = ["Old Post Rd", "Kestrel Way", "N Saguaro Blvd", "Bluebonnet Ct", "Hemlock Hollow Rd", "E 14th St", "Riverbend Dr", "Tinker Creek Ln", "Dogwood Cir", "Lakeview Terrace",
           "Calle Sombra", "Cherokee Trl", "W Magnolia Ave", "Rue Bayard", "Pleasant Grove Church Rd", "County Road 212", "Harbor View Apts", "Quincy St NE", "Wildflower Loop",
           "Greenbriar Pkwy", "S Pecan St", "Juniper Ridge Rd", "Mill Race Ct", "Ocean Blvd", "Sycamore Bend", "Prairie Wind Dr", "Twin Oaks Ln", "Camino del Sol"]
UNITS = ["", "", "", "", "", " Apt 2C", " Apt 407", " Unit 12", " #3", " Lot 17", " Trlr 5", " Apt B"]
PLACES = {
    "OH": (["937", "614", "740", "419"], [("Dayton", "454"), ("Columbus", "432"), ("Zanesville", "437"), ("Lima", "458")]),
    "WA": (["509"], [("Spokane", "992"), ("Colville", "991"), ("Yakima", "989"), ("Wenatchee", "988")]),
    "ME": (["207"], [("Portland", "041"), ("Lewiston", "042"), ("Bangor", "044"), ("Biddeford", "040")]),
    "AZ": (["520", "928", "480"], [("Tucson", "857"), ("Yuma", "853"), ("Flagstaff", "860"), ("Mesa", "852")]),
    "NC": (["828", "336", "910"], [("Asheville", "288"), ("Hickory", "286"), ("Greensboro", "274"), ("Wilmington", "284")]),
    "VA": (["757"], [("Norfolk", "235"), ("Suffolk", "234"), ("Hampton", "236"), ("Chesapeake", "233")]),
    "MN": (["218", "320", "507", "612"], [("Duluth", "558"), ("St. Cloud", "563"), ("Rochester", "559"), ("Minneapolis", "554")]),
    "FL": (["727", "813", "863", "352"], [("Clearwater", "337"), ("Tampa", "336"), ("Lakeland", "338"), ("Ocala", "344")]),
    "MT": (["406"], [("Butte", "597"), ("Missoula", "598"), ("Helena", "596"), ("Browning", "594")]),
    "MD": (["410", "443", "301"], [("Baltimore", "212"), ("Towson", "212"), ("Glen Burnie", "210"), ("Frederick", "217")]),
    "TN": (["615", "931", "731"], [("Nashville", "372"), ("Murfreesboro", "371"), ("Clarksville", "370"), ("Jackson", "383")]),
    "NE": (["308", "402"], [("Grand Island", "688"), ("Kearney", "688"), ("Lincoln", "685"), ("Lexington", "688")]),
    "NM": (["575", "505"], [("Las Cruces", "880"), ("Albuquerque", "871"), ("Española", "875"), ("Gallup", "873")]),
    "GA": (["478", "706", "229"], [("Macon", "312"), ("Augusta", "309"), ("Valdosta", "316"), ("Athens", "306")]),
    "OK": (["918", "405"], [("Tulsa", "741"), ("Muskogee", "744"), ("Tahlequah", "744"), ("Norman", "730")]),
    "PA": (["610", "484", "570"], [("Allentown", "181"), ("Bethlehem", "180"), ("Reading", "196"), ("Scranton", "185")]),
    "SC": (["843"], [("Charleston", "294"), ("Beaufort", "299"), ("Summerville", "294"), ("Florence", "295")]),
    "MI": (["616", "231", "269"], [("Grand Rapids", "495"), ("Holland", "494"), ("Muskegon", "494"), ("Kalamazoo", "490")]),
    "CO": (["719"], [("Pueblo", "810"), ("Colorado Springs", "809"), ("Cañon City", "812"), ("Trinidad", "810")]),
    "LA": (["337"], [("Lafayette", "705"), ("Opelousas", "705"), ("New Iberia", "705"), ("Lake Charles", "706")]),
    "OR": (["541", "503"], [("Bend", "977"), ("Eugene", "974"), ("Salem", "973"), ("Corvallis", "973")]),
    "MA": (["508", "774"], [("New Bedford", "027"), ("Fall River", "027"), ("Brockton", "023"), ("Taunton", "027")]),
    "TX": (["915", "956"], [("El Paso", "799"), ("Brownsville", "785"), ("Laredo", "780"), ("McAllen", "785")]),
}
MAILDOMS = ["gmail.com", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com", "comcast.net", "att.net", "protonmail.com", "live.com"]
CUR = {"state": None}

def phone(r, area=None, st=None):
    a = area or r.choice(PLACES.get(st or CUR["state"] or r.choice(sorted(PLACES)), PLACES["OH"])[0])
    ex, ln = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}", dg(r, 4)
    if ex == "555": ex = "556"
    k = r.randrange(10)
    return [f"({a}) {ex}-{ln}", f"{a}-{ex}-{ln}", f"{a}-{ex}-{ln}", f"{a}.{ex}.{ln}", f"{a} {ex} {ln}", f"+1 {a}-{ex}-{ln}", f"{a}{ex}{ln}", f"({a}){ex}-{ln}", f"1-{a}-{ex}-{ln}", f"({a}) {ex}-{ln}"][k]

class Person:
    def __init__(self, r, amin=18, amax=90, sex=None, comm=None, state=None, staff=False):
        st = state or CUR["state"] or r.choice(sorted(PLACES))
        if st not in PLACES: st = "OH"
        if comm is None:
            comm = r.choice(STATE_BIAS.get(st, [])) if r.random() < 0.45 and STATE_BIAS.get(st) else r.choice(sorted(NAMES))
        self.comm, self.sex = comm, sex or r.choice("FM")
        fem, mal, fam = NAMES[comm]
        pool = fem if self.sex == "F" else mal
        self.given = r.choice(pool)
        self.family = r.choice(fam)
        if comm in HISP and r.random() < 0.4 and " " not in self.family:
            self.family = self.family + " " + r.choice([f for f in fam if f != self.family and " " not in f])
        if comm == "polish" and self.sex == "F" and self.family.endswith("ski"): self.family = self.family[:-1] + "a"
        x = r.random()
        self.middle = (r.choice(pool) if x < 0.35 else r.choice("ABCDEFGHJKLMNPRSTW") if x < 0.6 else "")
        if comm == "viet" and r.random() < 0.6: self.middle = "Thi" if self.sex == "F" else "Van"
        if self.middle == self.given: self.middle = ""
        self.suffix = r.choice(SUFFIXES) if self.sex == "M" and not staff and r.random() < 0.09 else ""
        self.nick = NICK.get(self.given) if r.random() < 0.5 else None
        age = r.randint(amin, amax)
        self.dob = D(TODAY.year - age, 1, 1) + dtm.timedelta(days=r.randint(0, 364))
        if self.dob > TODAY.replace(year=TODAY.year - age): self.dob = self.dob.replace(year=self.dob.year - 1) if not (self.dob.month == 2 and self.dob.day == 29) else D(self.dob.year - 1, 2, 28)
        self.state = st
        area, cities = PLACES[st]
        self.city, z3 = r.choice(cities)
        self.zip = z3 + dg(r, 2) + (("-" + dg(r, 4)) if r.random() < 0.15 else "")
        self.street = f"{r.randint(3, 9899)} {r.choice(STREETS)}{r.choice(UNITS)}"
        self.phone = phone(r, r.choice(area))
        g, f = re.sub(r"[^a-z]", "", ascii_fold(self.given).lower()), re.sub(r"[^a-z]", "", ascii_fold(self.family).lower())
        self.email = r.choice([f"{g}.{f}", f"{g}{f}{r.randint(1, 99)}", f"{g[0]}{f}{dg(r, 2)}", f"{f}.{g}", f"{g}_{f[:4]}{self.dob.year % 100:02d}"]) + "@" + r.choice(MAILDOMS)
        self.ssn_raw = ssn_raw(r)
        self.mrn = mrn(r)
        self.mbi = mbi(r)
    @property
    def age(self):
        return TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
    def mi(self): return self.middle[0] if self.middle else ""
    def first_last(self): return f"{self.given} {self.family}" + (f" {self.suffix}" if self.suffix else "")
    def full(self): return " ".join(x for x in [self.given, (self.mi() + ".") if self.middle and len(self.middle) == 1 else self.middle, self.family, self.suffix] if x)
    def lfm(self, comma_sfx=False):
        base = f"{self.family}, {self.given}" + (f" {self.mi()}" if self.middle else "")
        if self.suffix: base = (base + f", {self.suffix}") if comma_sfx else f"{self.family} {self.suffix}, {self.given}" + (f" {self.mi()}" if self.middle else "")
        return base
    def caps(self): return self.lfm().upper()
    def nicked(self): return f'{self.given} "{self.nick}" {self.family}' if self.nick else self.first_last()
    def hl7(self): return f"{ascii_fold(self.family).upper()}^{ascii_fold(self.given).upper()}^{self.mi()}^{self.suffix.upper().rstrip('.')}".rstrip("^")
    def mr(self): return ("Ms. " if self.sex == "F" else "Mr. ") + self.family
    def sra(self): return ("Sra. " if self.sex == "F" else "Sr. ") + self.family
    def he(self): return "she" if self.sex == "F" else "he"
    def his(self): return "her" if self.sex == "F" else "his"
    def him(self): return "her" if self.sex == "F" else "him"
    def sexword(self): return ("woman" if self.sex == "F" else "man") if self.age >= 18 else ("girl" if self.sex == "F" else "boy")
    def addr2(self): return f"{self.city}, {self.state} {self.zip}"
    def name(self, r, caps_ok=True):
        k = r.randrange(12 if caps_ok else 9)
        return [self.first_last, self.full, self.lfm, self.first_last, lambda: self.lfm(True), self.full, self.nicked, self.first_last, lambda: f"{self.given} {self.family}",
                self.caps, lambda: f"{ascii_fold(self.family).upper()},{ascii_fold(self.given).upper()}", lambda: self.first_last().upper()][k]()

def staffer(r, state=None): return Person(r, 24, 66, state=state, staff=True)
CREDS = ["MD", "MD", "DO", "MD", "NP", "PA-C", "MD, FACP", "DO, FAAFP", "MD, PhD", "DNP, FNP-BC", "MD, FACC", "MD, MPH"]
class Clin:
    def __init__(self, r, cred=None, state=None):
        self.p = staffer(r, state); self.cred = cred or r.choice(CREDS); self.npi = npi(r)
    def name(self): return f"{self.p.given} {self.p.family}, {self.cred}"
    def dr(self): return ("Dr. " + self.p.family) if self.cred.split(",")[0] in ("MD", "DO") else f"{self.p.given} {self.p.family}, {self.cred.split(',')[0]}"
    def short(self): return f"{self.p.given[0]}. {self.p.family}"
    def lf(self): return f"{self.p.family}, {self.p.given}"

# ================================================================== identifiers
def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return str((10 - tot % 10) % 10)
def npi(r): base = r.choice("12") + dg(r, 8); return base + luhn_digit("80840" + base)
SAMPLE_SSN = {"078051120", "219099999", "123456789", "457555462"}
def ssn_raw(r):
    while True:
        a = r.randint(1, 899)
        if a == 666: continue
        s = f"{a:03d}{r.randint(1, 99):02d}{r.randint(1, 9999):04d}"
        if s not in SAMPLE_SSN: return s
def ssn_fmt(raw, st="d"): return {"d": f"{raw[:3]}-{raw[3:5]}-{raw[5:]}", "s": f"{raw[:3]} {raw[3:5]} {raw[5:]}", "n": raw, "m": f"XXX-XX-{raw[5:]}", "m2": f"***-**-{raw[5:]}"}[st]
MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
def mbi(r, dashes=None):
    while True:
        an = MBI_ALPHA + "0123456789"
        s = [str(r.randint(1, 9)), r.choice(MBI_ALPHA), r.choice(an), str(r.randint(0, 9)), r.choice(MBI_ALPHA), r.choice(an), str(r.randint(0, 9)),
             r.choice(MBI_ALPHA), r.choice(MBI_ALPHA), str(r.randint(0, 9)), str(r.randint(0, 9))]
        v = "".join(s)
        if v != "1EG4TE5MK73": return v
def mbi_fmt(v, dash): return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dash else v
def dea(r, first=None):
    l1 = first or r.choice("ABFM"); l2 = r.choice("ABCDEFGHJKLMNPRSTW"); d = [r.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return l1 + l2 + "".join(map(str, d)) + str(c)
def ndc(r):
    k = r.randrange(3)
    return [f"{dg(r, 5)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 4)}-{dg(r, 4)}-{dg(r, 2)}", f"{dg(r, 5)}-{dg(r, 3)}-{dg(r, 2)}"][k]
def mrn(r): return r.choice([dg(r, 8), f"0{dg(r, 7)}", f"K{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}-{dg(r, 2)}", f"BR{dg(r, 6)}", f"E{dg(r, 10)}", f"{dg(r, 6)}", f"MR{dg(r, 7)}"])
def memid(r): return r.choice([f"PSH{dg(r, 9)}", f"{r.choice('QUVY')}{r.choice('KXZ')}{r.choice('ABDH')}{dg(r, 9)}", f"RB{dg(r, 8)}-0{r.randint(1, 4)}", f"{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}", f"H{dg(r, 10)}",
                               f"PS-{dg(r, 4)}-{dg(r, 5)}", f"{dg(r, 9)}0{r.randint(1, 3)}", f"ZGT{dg(r, 8)}"])
def medicaid(r): return r.choice([f"{r.choice('ABCDEFGHJKL')}{dg(r, 8)}", dg(r, 10), f"NM{dg(r, 9)}", f"{dg(r, 9)}H"])
def acct(r): return r.choice([dg(r, 9), f"{dg(r, 8)}-{dg(r, 1)}", f"HAR {dg(r, 9)}", f"G{dg(r, 7)}", dg(r, 11), f"PB{dg(r, 8)}"])
def fin(r): return r.choice([dg(r, 10), f"F{dg(r, 9)}", f"26{dg(r, 7)}"])
def csn(r): return dg(r, 9) if r.random() < 0.5 else dg(r, 10)
def claimno(r): return r.choice([dg(r, 14), f"{dg(r, 4)}{dg(r, 3)}{dg(r, 6)}", f"CLM{dg(r, 10)}", f"26{dg(r, 3)}E{dg(r, 7)}", f"{dg(r, 2)}-{dg(r, 8)}-{dg(r, 2)}"])
def accession(r): return r.choice([f"{r.choice(['CH', 'HE', 'MI', 'SP'])}26-{dg(r, 6)}", f"A{dg(r, 9)}", f"26-{dg(r, 3)}-{dg(r, 5)}", f"VL{dg(r, 8)}"])
def authno(r): return r.choice([f"PA-{dg(r, 8)}", f"{dg(r, 4)}-{dg(r, 6)}", f"UM26{dg(r, 7)}", f"A{dg(r, 3)}{r.choice('KMNT')}{dg(r, 5)}"])
def rxno(r): return r.choice([dg(r, 7), f"{dg(r, 7)}-{r.randint(0, 5):02d}", f"RX{dg(r, 6)}"])
def tin(r): return f"{r.choice(['20', '26', '31', '38', '45', '52', '61', '74', '83', '87'])}-{dg(r, 7)}"
def group_no(r): return r.choice([dg(r, 6), f"G{dg(r, 5)}", f"{r.choice('ABCK')}{dg(r, 5)}"])

# ================================================================== dates
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
def ordinal(n): return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
def fd(d, st="mdy"):
    M = MON[d.month - 1]
    return {"mdy": f"{d.month:02d}/{d.day:02d}/{d.year}", "m/d/yy": f"{d.month}/{d.day}/{d.year % 100:02d}", "m/d/y": f"{d.month}/{d.day}/{d.year}", "iso": d.isoformat(),
            "d-Mon-y": f"{d.day:02d}-{M[:3]}-{d.year}", "Month d, y": f"{M} {d.day}, {d.year}", "Mon d, y": f"{M[:3]} {d.day}, {d.year}", "ymd8": d.strftime("%Y%m%d"),
            "m d y": f"{d.month:02d} {d.day:02d} {d.year}", "d Month y": f"{d.day} {M} {d.year}", "dMONy": f"{d.day:02d}{M[:3].upper()}{d.year}", "m-d-y": f"{d.month:02d}-{d.day:02d}-{d.year}",
            "m.d.y": f"{d.month:02d}.{d.day:02d}.{d.year}", "Mon. d, y": f"{M[:3]}. {d.day}, {d.year}", "y/m/d": f"{d.year}/{d.month:02d}/{d.day:02d}", "mdy8": d.strftime("%m%d%Y"),
            "Month dth, y": f"{M} {ordinal(d.day)}, {d.year}", "Month d": f"{M} {d.day}", "wd": f"{WD[d.weekday()]}, {M} {d.day}, {d.year}", "m/d": f"{d.month}/{d.day}", "Mon d": f"{M[:3]} {d.day}",
            "d-MON-yy": f"{d.day:02d}-{M[:3].upper()}-{d.year % 100:02d}", "es": f"{d.day} de {MES[d.month - 1]} de {d.year}", "es/": f"{d.day:02d}/{d.month:02d}/{d.year}",
            "es-abr": f"{d.day:02d}-{MES[d.month - 1][:3]}-{d.year}", "eswd": f"{DIAS[d.weekday()]} {d.day} de {MES[d.month - 1]}"}[st]
DOB_ST = ["mdy", "mdy", "mdy", "mdy", "m/d/yy", "m/d/y", "iso", "d-Mon-y", "Month d, y", "Mon d, y", "ymd8", "m d y", "d Month y", "dMONy", "m-d-y", "m.d.y", "Mon. d, y", "y/m/d", "Month dth, y", "d-MON-yy"]
def dob(r, p, es=False, age=None):
    if es: s = fd(p.dob, r.choice(["es", "es/", "es/", "es-abr"]))
    else: s = fd(p.dob, r.choice(DOB_ST))
    if age if age is not None else r.random() < 0.15: s += r.choice([f" ({p.age} y/o)", f" ({p.age}{p.sex})", f", age {p.age}", f" - {p.age} yrs"]) if not es else f" ({p.age} años)"
    return s
def recent(r, back=60, fwd=0): return TODAY - dtm.timedelta(days=r.randint(-fwd, back))
def future(r, a=2, b=40): return TODAY + dtm.timedelta(days=r.randint(a, b))
def wkday(d): return d + dtm.timedelta(days=(7 - d.weekday()) % 7 if d.weekday() >= 5 else 0)
def clock(r, h24=False):
    h, m = r.randint(7, 17), r.choice([0, 0, 15, 30, 45, 10, 20, 40, 50])
    return f"{h:02d}{m:02d}" if h24 else f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"
def money(v): return f"${v:,.2f}"

# ================================================================== organisations
class Org:
    def __init__(self, r, name, short, dom, kind, state, street, system, color):
        self.name, self.short, self.dom, self.kind, self.state, self.system, self.color = name, short, dom, kind, state, system, color
        area, cities = PLACES[state]; self.city, z3 = r.choice(cities); self.zip = z3 + dg(r, 2); self.street = street
        self.area = r.choice(area); self.phone = phone(r, self.area); self.fax = phone(r, self.area)
        self.npi = npi(r); self.tin = tin(r); self.clia = f"{r.randint(10, 52):02d}D{dg(r, 7)}"
    def addr(self): return f"{self.street}, {self.city}, {self.state} {self.zip}"
ORG_DEFS = [
    ("Bramblecrest Regional Medical Center", "Bramblecrest", "bramblecrestrmc.org", "hospital", "OH", "2200 Woodland Commons Dr", "Epic", "#1f4e79"),
    ("Kettle Falls Community Hospital", "KFCH", "kettlefallsch.org", "hospital", "WA", "480 Hospital Hill Rd", "Meditech Expanse", "#2e6b4f"),
    ("Harborlight Family Health Center", "Harborlight FHC", "harborlightfhc.org", "fqhc", "ME", "15 Casco Wharf St", "eClinicalWorks", "#0b6e8a"),
    ("Sundial Pediatrics", "Sundial Peds", "sundialpeds.com", "peds", "AZ", "7310 E Broadway Blvd Ste 120", "athenaOne", "#e07a1f"),
    ("Pinemoor Heart & Vascular", "Pinemoor Heart", "pinemoorheart.com", "clinic", "NC", "95 Medical Park Dr Ste 300", "NextGen", "#a4161a"),
    ("Tidewater Renal Partners", "Tidewater Renal", "tidewaterrenal.com", "dialysis", "VA", "3400 Holland Rd", "Acumen", "#3c5a99"),
    ("Verity Diagnostic Laboratories", "Verity Labs", "veritydx.com", "lab", "MN", "1 Verity Way", "Sunquest", "#5b2a86"),
    ("Gulfbreeze Imaging Partners", "Gulfbreeze Imaging", "gulfbreezeimaging.com", "imaging", "FL", "2525 Gulf to Bay Blvd", "Sectra RIS", "#00838f"),
    ("Copper Basin Behavioral Health", "Copper Basin BH", "copperbasinbh.org", "bh", "MT", "118 W Granite St", "Credible", "#6d4c41"),
    ("Oriole Street Pharmacy", "Oriole Street Rx", "oriolerx.com", "pharmacy", "MD", "1420 Oriole St", "PioneerRx", "#f9a825"),
    ("Meridian Specialty Pharmacy", "Meridian Specialty Rx", "meridianspecialtyrx.com", "pharmacy", "TN", "600 Commerce Ct Ste B", "CPR+", "#37474f"),
    ("Prairie Shield Health Plan", "Prairie Shield", "prairieshieldhp.com", "payer", "NE", "8800 Dodge St", "Facets", "#1565c0"),
    ("Rio Bravo Salud Community Plan", "Rio Bravo Salud", "riobravosalud.org", "medicaid", "NM", "401 Avenida de Mesilla", "HealthRules Payor", "#c62828"),
    ("Ledgerline Medical Billing", "Ledgerline", "ledgerlinemb.com", "billing", "GA", "2900 Riverside Dr Ste 210", "Kareo", "#455a64"),
    ("Evening Star Home Health & Hospice", "Evening Star", "eveningstarhh.org", "homehealth", "OK", "77 S Cherokee Ave", "HCHB", "#283593"),
    ("Hollins Gate Orthopedics", "Hollins Gate Ortho", "hollinsgateortho.com", "clinic", "PA", "1650 Cedar Crest Blvd", "ModMed", "#2e7d32"),
    ("Sandpiper Women's Health", "Sandpiper WH", "sandpiperwh.com", "women", "SC", "304 Coleman Blvd", "Epic", "#ad1457"),
    ("Lakeshore Oncology Institute", "Lakeshore Oncology", "lakeshoreonc.org", "oncology", "MI", "555 Michigan St NE", "Epic", "#4527a0"),
    ("Quick Ridge Urgent Care", "Quick Ridge UC", "quickridgeuc.com", "urgent", "CO", "1919 N Elizabeth St", "Experity", "#ef6c00"),
    ("Bayou Verde Family Medicine", "Bayou Verde FM", "bayouverdefm.com", "clinic", "LA", "210 Rue Chanson", "eClinicalWorks", "#33691e"),
    ("Cascade Sleep & Lung", "Cascade Sleep", "cascadesleeplung.com", "clinic", "OR", "2650 NE Courtney Dr", "Greenway Intergy", "#00695c"),
    ("Rio Grande Valley Health Partners", "RGV Health", "rgvhealthpartners.org", "fqhc", "TX", "1102 W Nolana Ave", "NextGen", "#8d6e63"),
]
ORGS = [Org(R, *d) for d in ORG_DEFS]
VENDOR_DEFS = [("Northstar Medical Supply", "Northstar", "northstarmedsupply.com", "vendor", "MN", "4400 Industrial Blvd", "", "#263238"),
               ("Apex Claims Exchange", "Apex EDI", "apexclaimsx.com", "vendor", "TN", "12 Music Sq W", "", "#0d47a1"),
               ("Brightline Biomed Services", "Brightline", "brightlinebiomed.com", "vendor", "OH", "88 Tech Park Dr", "", "#00796b"),
               ("CareStaff Solutions", "CareStaff", "carestaffsolutions.com", "vendor", "GA", "500 Peachtree Center Ave", "", "#6a1b9a"),
               ("Ironbridge Managed IT", "Ironbridge IT", "ironbridgeit.com", "vendor", "PA", "21 Hamilton Mall", "", "#424242"),
               ("Fernwood Document Imaging", "Fernwood", "fernwooddocs.com", "vendor", "OR", "300 Pearl St", "", "#5d4037")]
VENDORS = [Org(R, *d) for d in VENDOR_DEFS]
CARE = ("hospital", "clinic", "fqhc", "peds", "dialysis", "bh", "homehealth", "women", "oncology", "urgent")
def org(r, kinds=None):
    pool = [o for o in ORGS if kinds is None or o.kind in kinds] or ORGS
    o = r.choice(pool); CUR["state"] = o.state; CUR["org_short"] = o.short; return o
def patient(r, o=None, amin=18, amax=90, **kw):
    if o is not None and o.kind == "peds": amin, amax = 0, 17
    if o is not None and o.kind == "women": kw["sex"] = "F"
    return Person(r, amin, amax, **kw)

# ================================================================== clinical scenarios
# each scenario keeps a diagnosis, the finding, the drug and the plan consistent inside one message.
# {he} {his} {him} {He} {His} and the values v[...] are filled by fill(); "es" keys are patient-facing Spanish.
def _v(**kw): return kw
SCEN = [
    dict(k="dm", dx=("E11.65", "Type 2 diabetes mellitus with hyperglycemia"), lay="diabetes", spec="Endocrinology", amin=30, test="Hemoglobin A1c",
         val=lambda r: _v(a=f"{r.uniform(8.6, 11.8):.1f}", a0=f"{r.uniform(7.0, 8.4):.1f}"), res="{a} %",
         visit="follow-up of {his} type 2 diabetes", find="A1c came back at {a}%, up from {a0}% last spring; {he} admits {he} ran out of metformin for about six weeks",
         med="restarting metformin 1000 mg BID and adding semaglutide 0.25 mg weekly", plan="diabetes education referral and repeat A1c in 3 months",
         letter="Your hemoglobin A1c, which shows your average blood sugar over the last three months, was {a}%. Our goal for you is under 7%, so we would like to adjust your diabetes medicine.",
         es="Su hemoglobina A1c, que muestra el promedio de azúcar en la sangre de los últimos tres meses, salió en {a}%. La meta es menos de 7%, por lo que queremos ajustar su medicamento para la diabetes."),
    dict(k="chf", dx=("I50.23", "Acute on chronic systolic (congestive) heart failure"), lay="heart failure", spec="Cardiology", amin=45, test="BNP",
         val=lambda r: _v(lb=r.randint(5, 9), bnp=f"{r.randint(900, 2600):,}", ef=r.choice([20, 25, 30, 35])), res="{bnp} pg/mL",
         visit="shortness of breath and leg swelling", find="weight up {lb} lb in five days, BNP {bnp}, EF {ef}% on last echo",
         med="furosemide increased to 40 mg BID", plan="daily weights, 2 g sodium diet, cardiology visit within 7 days",
         letter="Your BNP blood test, which rises when the heart is working too hard, was {bnp}. Together with your weight gain this tells us fluid is building up again.",
         es=None),
    dict(k="afib", dx=("I48.91", "Unspecified atrial fibrillation"), lay="atrial fibrillation", spec="Cardiology", amin=55, test="ECG",
         val=lambda r: _v(hr=r.randint(118, 146)), res="AF, rate {hr}",
         visit="a fall at home while on apixaban", find="ECG shows atrial fibrillation with a ventricular rate of {hr}; head CT negative for bleed",
         med="continuing apixaban 5 mg BID, metoprolol succinate increased to 50 mg daily", plan="PT/OT home safety evaluation and follow-up with cardiology",
         letter="Your heart tracing (ECG) showed that your heart is still in atrial fibrillation, an irregular rhythm, with a rate of {hr} beats per minute.", es=None),
    dict(k="copd", dx=("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), lay="COPD", spec="Pulmonology", amin=45, test="SpO2",
         val=lambda r: _v(o2=r.randint(84, 89)), res="{o2}% RA",
         visit="worsening cough and wheeze", find="sats {o2}% on room air, diffuse wheezing, chest film without infiltrate",
         med="prednisone 40 mg x5 days and azithromycin", plan="pulmonary rehab referral and home O2 qualification walk",
         letter="Your oxygen level was {o2}% on room air, which is lower than we want. We would like you to have a walking oxygen test.", es=None),
    dict(k="breast", dx=("N63.10", "Unspecified lump in the right breast, unspecified quadrant"), lay="breast lump", spec="Breast Surgery", sex="F", amin=30, test="Diagnostic mammogram",
         val=lambda r: _v(cm=f"{r.uniform(0.8, 2.4):.1f}", br=r.choice(["4A", "4B", "4C"])), res="BI-RADS {br}",
         visit="a right breast lump {he} noticed a month ago", find="diagnostic mammogram and ultrasound show a {cm} cm irregular mass at 10 o'clock, BI-RADS {br}",
         med="no medication changes", plan="ultrasound-guided core biopsy and breast surgery consult",
         letter="Your diagnostic mammogram and ultrasound found a {cm} cm area in the right breast that needs a biopsy (BI-RADS {br}). Most biopsies like this are not cancer, but we need the biopsy to be sure.",
         es="Su mamografía de diagnóstico y el ultrasonido mostraron un área de {cm} cm en el seno derecho que necesita una biopsia (BI-RADS {br}). La mayoría de estas biopsias no son cáncer, pero necesitamos la biopsia para estar seguros."),
    dict(k="psa", dx=("R97.20", "Elevated prostate specific antigen [PSA]"), lay="elevated PSA", spec="Urology", sex="M", amin=50, test="PSA, total",
         val=lambda r: _v(psa=f"{r.uniform(6.2, 14.8):.1f}", psa0=f"{r.uniform(2.5, 4.0):.1f}"), res="{psa} ng/mL",
         visit="routine physical", find="PSA {psa} ng/mL, up from {psa0} two years ago; DRE with a firm left lobe",
         med="no new medication", plan="urology referral for MRI prostate and possible biopsy",
         letter="Your PSA, a blood test that screens the prostate, was {psa}. That is higher than your last result of {psa0}, so we are referring you to a urologist.",
         es="Su PSA, un análisis de sangre de la próstata, salió en {psa}. Está más alto que el resultado anterior ({psa0}), por eso le enviamos con un urólogo."),
    dict(k="ckd", dx=("N18.4", "Chronic kidney disease, stage 4 (severe)"), lay="kidney disease", spec="Nephrology", amin=40, test="eGFR (CKD-EPI 2021)",
         val=lambda r: _v(egfr=r.randint(17, 28), cr=f"{r.uniform(2.4, 3.6):.2f}"), res="{egfr} mL/min/1.73m2",
         visit="follow-up of {his} kidney function", find="creatinine {cr}, eGFR {egfr}, potassium 5.4",
         med="stopping ibuprofen and holding lisinopril", plan="nephrology referral, vein preservation (no BP or IV in the left arm)",
         letter="Your kidney function test (eGFR) was {egfr}. This means your kidneys are working at about a quarter of normal, and we would like you to see a kidney specialist.",
         es="Su prueba de función de los riñones (eGFR) salió en {egfr}. Esto significa que sus riñones funcionan a una cuarta parte de lo normal y queremos que vea a un especialista del riñón."),
    dict(k="hcv", dx=("B18.2", "Chronic viral hepatitis C"), lay="hepatitis C", spec="Hepatology", amin=20, test="HCV RNA, quantitative",
         val=lambda r: _v(vl=f"{r.randint(180, 4900):,},000"), res="{vl} IU/mL",
         visit="abnormal screening labs", find="HCV antibody reactive, HCV RNA {vl} IU/mL, ALT 88",
         med="none yet", plan="start sofosbuvir/velpatasvir once the payer approves; hepatitis A and B vaccines",
         letter="Your blood test for hepatitis C showed an active infection (viral load {vl}). Hepatitis C can be cured with 8 to 12 weeks of pills.",
         es="Su análisis para hepatitis C mostró una infección activa (carga viral {vl}). La hepatitis C se puede curar con pastillas por 8 a 12 semanas."),
    dict(k="hiv", dx=("B20", "Human immunodeficiency virus [HIV] disease"), lay="HIV", spec="Infectious Disease", amin=20, test="HIV-1 RNA",
         val=lambda r: _v(vl=f"{r.randint(2, 90) * 100:,}", cd4=r.randint(180, 520)), res="{vl} copies/mL",
         visit="HIV care after a gap in refills", find="viral load {vl} copies/mL and CD4 {cd4} after two missed Biktarvy fills",
         med="Biktarvy restarted with a 90-day supply through the ADAP program", plan="repeat viral load in 4 weeks, case manager to arrange transportation",
         letter="Your viral load was {vl} copies and your CD4 count {cd4}. Because you were off your medicine for a while, the virus has become detectable again.", es=None),
    dict(k="dep", dx=("F33.1", "Major depressive disorder, recurrent, moderate"), lay="depression", spec="Behavioral Health", amin=18, test="PHQ-9",
         val=lambda r: _v(phq=r.randint(15, 22)), res="score {phq}",
         visit="low mood and poor sleep", find="PHQ-9 of {phq}, denies SI/HI, safety plan reviewed",
         med="sertraline increased from 50 mg to 100 mg daily", plan="warm handoff to the behavioral health consultant and recheck in 4 weeks",
         letter=None, es=None),
    dict(k="oud", dx=("F11.20", "Opioid dependence, uncomplicated"), lay="opioid use disorder", spec="Addiction Medicine", amin=20, amax=65, test="Urine drug screen",
         val=lambda r: _v(dose=r.choice(["8 mg/2 mg", "16 mg/4 mg", "12 mg/3 mg"])), res="buprenorphine positive, fentanyl negative",
         visit="medication for opioid use disorder", find="urine positive for buprenorphine, negative for fentanyl, no withdrawal signs",
         med="buprenorphine/naloxone {dose} film daily, 14-day supply", plan="weekly group and a naloxone kit at discharge; 42 CFR Part 2 consent on file",
         letter=None, es=None),
    dict(k="gdm", dx=("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"), lay="gestational diabetes", spec="Maternal-Fetal Medicine", sex="F", amin=19, amax=42, test="3-hr GTT",
         val=lambda r: _v(wk=r.randint(25, 30), g=r.randint(188, 214)), res="2 of 4 values high ({g} mg/dL at 1 h)",
         visit="prenatal visit at {wk} weeks", find="3-hour glucose tolerance test with two abnormal values (1-hour {g} mg/dL)",
         med="no insulin yet; glucometer and strips prescribed", plan="nutrition consult, four-times-daily glucose log, growth ultrasound at 32 weeks",
         letter="Your 3-hour glucose test showed two high values, which means you have gestational diabetes (diabetes of pregnancy).",
         es="Su prueba de glucosa de 3 horas mostró dos valores altos; esto significa que tiene diabetes gestacional (diabetes del embarazo)."),
    dict(k="asthma", dx=("J45.41", "Moderate persistent asthma with (acute) exacerbation"), lay="asthma", spec="Pediatric Pulmonology", amax=17, test="Peak flow",
         val=lambda r: _v(pf=r.randint(45, 65)), res="{pf}% of personal best",
         visit="asthma flare, second ED visit this fall", find="peak flow {pf}% of personal best, wheezing improved after two nebs",
         med="prednisolone 5 days and budesonide/formoterol started as controller", plan="asthma action plan sent to school, spacer teaching done",
         letter=None, es=None),
    dict(k="thyroid", dx=("E03.9", "Hypothyroidism, unspecified"), lay="thyroid", spec="Endocrinology", amin=20, test="TSH",
         val=lambda r: _v(tsh=f"{r.uniform(9.5, 24.0):.1f}"), res="{tsh} uIU/mL",
         visit="fatigue and weight gain", find="TSH {tsh}, free T4 0.6",
         med="levothyroxine increased from 75 to 100 mcg", plan="repeat TSH in 6-8 weeks",
         letter="Your thyroid test (TSH) was {tsh}, which means your thyroid is underactive. We are increasing your levothyroxine dose.",
         es="Su prueba de tiroides (TSH) salió en {tsh}, lo que indica que su tiroides está lenta. Vamos a subir la dosis de levotiroxina."),
    dict(k="anemia", dx=("D50.9", "Iron deficiency anemia, unspecified"), lay="anemia", spec="Gastroenterology", amin=40, test="Hemoglobin",
         val=lambda r: _v(hgb=f"{r.uniform(7.9, 9.6):.1f}", fer=r.randint(3, 9)), res="{hgb} g/dL",
         visit="fatigue", find="hemoglobin {hgb}, ferritin {fer}, stool immunochemical test positive",
         med="ferrous sulfate 325 mg every other day", plan="GI referral for colonoscopy and upper endoscopy",
         letter="Your blood count showed anemia (hemoglobin {hgb}) from low iron. We want to find out why, so we are referring you for a colonoscopy.",
         es="Su conteo de sangre mostró anemia (hemoglobina {hgb}) por falta de hierro. Queremos saber la causa, por eso le enviamos a una colonoscopía."),
    dict(k="nodule", dx=("R91.1", "Solitary pulmonary nodule"), lay="lung nodule", spec="Pulmonology", amin=45, test="CT chest",
         val=lambda r: _v(mm=r.randint(7, 14), lobe=r.choice(["right upper", "left upper", "right lower"])), res="{mm} mm {lobe} lobe nodule",
         visit="a nodule seen on a CT done for abdominal pain", find="CT shows a {mm} mm solid nodule in the {lobe} lobe; 30 pack-year smoking history",
         med="varenicline offered", plan="PET-CT and pulmonary nodule clinic",
         letter="Your CT scan showed a small spot ({mm} mm) in the {lobe} part of your lung. Most spots like this are not cancer, but it needs a follow-up scan.",
         es="Su tomografía mostró una mancha pequeña ({mm} mm) en el pulmón. La mayoría no son cáncer, pero necesita otro estudio de seguimiento."),
    dict(k="adenoma", dx=("D12.5", "Benign neoplasm of sigmoid colon"), lay="colon polyps", spec="Gastroenterology", amin=45, test="Surgical pathology",
         val=lambda r: _v(n=r.randint(2, 5)), res="{n} tubular adenomas",
         visit="screening colonoscopy", find="{n} polyps removed, pathology tubular adenomas without high-grade dysplasia",
         med="none", plan="repeat colonoscopy in 3 years",
         letter="The {n} polyps removed during your colonoscopy were tubular adenomas. These are not cancer, but they can become cancer over time, so you should have your next colonoscopy in 3 years.",
         es="Los {n} pólipos que se quitaron en su colonoscopía son adenomas tubulares. No son cáncer, pero con el tiempo podrían serlo; su próxima colonoscopía debe ser en 3 años."),
    dict(k="hip", ip=True, dx=("S72.002A", "Fracture of unspecified part of neck of left femur, initial encounter for closed fracture"), lay="hip fracture", spec="Orthopedics", amin=68, test="X-ray left hip",
         val=lambda r: _v(pod=r.randint(2, 4)), res="displaced femoral neck fracture",
         visit="a fall with left hip pain", find="displaced left femoral neck fracture, hemiarthroplasty done, post-op day {pod}",
         med="enoxaparin 40 mg daily for 28 days, oxycodone 5 mg q6h PRN", plan="SNF for rehab, weight bearing as tolerated",
         letter=None, es=None),
    dict(k="inr", dx=("R79.1", "Abnormal coagulation profile"), lay="high INR", spec="Anticoagulation Clinic", amin=55, test="INR",
         val=lambda r: _v(inr=f"{r.uniform(4.2, 6.8):.1f}"), res="{inr}",
         visit="routine INR check", find="INR {inr} after starting fluconazole for a yeast infection last week, no bleeding",
         med="warfarin held tonight, then 2.5 mg daily instead of 5 mg", plan="recheck INR in 3 days",
         letter=None, es=None),
    dict(k="dementia", dx=("G30.1", "Alzheimer's disease with late onset"), lay="Alzheimer's", spec="Geriatrics", amin=72, test="MoCA",
         val=lambda r: _v(moca=r.randint(9, 17)), res="{moca}/30",
         visit="wandering at night", find="MoCA {moca}/30, daughter reports {he} left the stove on twice",
         med="donepezil 10 mg continued, trazodone stopped", plan="hospice/palliative eval and caregiver respite referral",
         letter=None, es=None),
    dict(k="uti", dx=("N39.0", "Urinary tract infection, site not specified"), lay="urinary infection", spec="Urology", amin=18, test="Urine culture",
         val=lambda r: _v(cfu=r.choice([">100,000", "50,000-100,000"])), res="E. coli {cfu} CFU/mL",
         visit="burning with urination", find="urine culture grew E. coli {cfu} CFU/mL, resistant to trimethoprim-sulfamethoxazole",
         med="switched to nitrofurantoin 100 mg BID x5 days", plan="call if fever or flank pain",
         letter="Your urine culture grew a bacteria (E. coli) that is resistant to the antibiotic you were given, so we sent a new prescription to your pharmacy.",
         es="Su cultivo de orina mostró una bacteria (E. coli) resistente al antibiótico que le dimos, así que mandamos otra receta a su farmacia."),
    dict(k="osteo", dx=("M81.0", "Age-related osteoporosis without current pathological fracture"), lay="osteoporosis", spec="Endocrinology", sex="F", amin=55, test="DEXA",
         val=lambda r: _v(t=f"-{r.uniform(2.6, 3.6):.1f}"), res="T-score {t} (L1-L4)",
         visit="bone density review", find="DEXA lumbar spine T-score {t}",
         med="alendronate 70 mg weekly, calcium and vitamin D", plan="repeat DEXA in 2 years",
         letter="Your bone density scan showed osteoporosis (T-score {t}). This means your bones are thinner and break more easily.",
         es="Su estudio de densidad ósea mostró osteoporosis (T-score {t}). Esto quiere decir que sus huesos están más débiles y se pueden fracturar con más facilidad."),
    dict(k="osa", dx=("G47.33", "Obstructive sleep apnea (adult) (pediatric)"), lay="sleep apnea", spec="Sleep Medicine", amin=30, test="Home sleep apnea test",
         val=lambda r: _v(ahi=r.randint(22, 58), nadir=r.randint(74, 84)), res="AHI {ahi}",
         visit="snoring and daytime sleepiness", find="home sleep test AHI {ahi} with oxygen nadir {nadir}%",
         med="auto-CPAP 5-15 cm H2O ordered", plan="DME setup and compliance download in 31-90 days",
         letter="Your home sleep test showed moderate to severe sleep apnea ({ahi} breathing pauses per hour). We ordered a CPAP machine for you.",
         es="Su estudio de sueño en casa mostró apnea del sueño ({ahi} pausas de respiración por hora). Le ordenamos una máquina CPAP."),
    dict(k="vitd", dx=("E55.9", "Vitamin D deficiency, unspecified"), lay="vitamin D", spec="Primary Care", amin=18, test="Vitamin D, 25-OH",
         val=lambda r: _v(d=r.randint(7, 14)), res="{d} ng/mL",
         visit="muscle aches", find="25-OH vitamin D {d} ng/mL",
         med="ergocalciferol 50,000 units weekly for 8 weeks", plan="recheck level in 3 months",
         letter="Your vitamin D level was {d}, which is low (normal is 30 to 100). Please take vitamin D 50,000 units once a week for 8 weeks.",
         es="Su nivel de vitamina D salió en {d}, que está bajo (lo normal es de 30 a 100). Tome vitamina D de 50,000 unidades una vez por semana por 8 semanas."),
    dict(k="htn", dx=("I10", "Essential (primary) hypertension"), lay="blood pressure", spec="Primary Care", amin=30, test="Blood pressure",
         val=lambda r: _v(sbp=r.randint(162, 184), dbp=r.randint(94, 108)), res="{sbp}/{dbp}",
         visit="headaches and high home readings", find="BP {sbp}/{dbp} on recheck, no end-organ symptoms",
         med="amlodipine 5 mg added to lisinopril", plan="nurse BP check in 2 weeks and bring home cuff",
         letter="Your blood pressure was {sbp}/{dbp} at your visit, which is too high. We added a second blood pressure medicine, amlodipine.",
         es="Su presión arterial fue {sbp}/{dbp} en la consulta, lo cual está muy alto. Agregamos otro medicamento para la presión, amlodipino."),
    dict(k="crc", dx=("C18.7", "Malignant neoplasm of sigmoid colon"), lay="colon cancer", spec="Medical Oncology", amin=40, test="ANC",
         val=lambda r: _v(anc=f"{r.uniform(0.5, 0.9):.1f}", cyc=r.randint(3, 8)), res="{anc} K/uL",
         visit="FOLFOX cycle {cyc}", find="ANC {anc} on day of treatment",
         med="cycle {cyc} delayed one week, pegfilgrastim to be added", plan="recheck CBC next Tuesday",
         letter=None, es=None),
    dict(k="stone", dx=("N20.1", "Calculus of ureter"), lay="kidney stone", spec="Urology", amin=20, test="CT abdomen/pelvis",
         val=lambda r: _v(mm=r.randint(5, 8)), res="{mm} mm left UVJ stone",
         visit="left flank pain", find="CT shows a {mm} mm stone at the left ureterovesical junction with mild hydronephrosis",
         med="tamsulosin 0.4 mg daily and ondansetron", plan="strain urine, urology follow-up in 1 week, return for fever",
         letter=None, es=None),
    dict(k="sz", dx=("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"), lay="seizures", spec="Neurology", amin=16, test="Levetiracetam level",
         val=lambda r: _v(lvl=f"{r.uniform(3.0, 8.9):.1f}"), res="{lvl} ug/mL (low)",
         visit="a breakthrough seizure at work", find="levetiracetam level {lvl} ug/mL (low), missed doses over the weekend",
         med="levetiracetam 1000 mg BID continued, pill organizer", plan="no driving for 6 months per state law, EEG scheduled",
         letter=None, es=None),
    dict(k="cellulitis", ip=True, dx=("L03.116", "Cellulitis of left lower limb"), lay="leg infection", spec="Wound Care", amin=25, test="WBC",
         val=lambda r: _v(wbc=f"{r.uniform(12.1, 17.8):.1f}"), res="{wbc} K/uL",
         visit="red, swollen left shin", find="WBC {wbc}, erythema spreading past the marked border",
         med="cephalexin changed to IV cefazolin", plan="observation admission and leg elevation",
         letter=None, es=None),
    dict(k="lead", dx=("R78.71", "Abnormal lead level in blood"), lay="lead level", spec="Pediatrics", amax=6, test="Lead, blood (venous)",
         val=lambda r: _v(pb=r.randint(5, 19)), res="{pb} mcg/dL",
         visit="{his} well-child check", find="venous blood lead {pb} mcg/dL, confirming the fingerstick result",
         med="no medication; iron-rich diet reviewed", plan="home lead inspection referral to the county and repeat level in 3 months",
         letter="Your child's blood lead level was {pb} mcg/dL. Any level of 3.5 or higher needs follow-up, and the health department will contact you about a home inspection.",
         es="El nivel de plomo en la sangre de su niño(a) fue {pb} mcg/dL. Cualquier nivel de 3.5 o más necesita seguimiento y el departamento de salud le llamará para revisar su casa."),
    dict(k="adhd", dx=("F90.2", "Attention-deficit hyperactivity disorder, combined type"), lay="ADHD", spec="Pediatrics", amin=6, amax=17, test="Vanderbilt rating scales",
         val=lambda r: _v(n=r.randint(6, 9)), res="positive, {n}/9 inattentive items",
         visit="school concerns", find="parent and teacher Vanderbilt scales positive ({n} of 9 inattentive items), grades slipping",
         med="methylphenidate ER 18 mg each school morning", plan="weight and BP check in 4 weeks, 504 plan letter for school",
         letter=None, es=None),
    dict(k="t1dm", ip=True, dx=("E10.10", "Type 1 diabetes mellitus with ketoacidosis without coma"), lay="new type 1 diabetes", spec="Pediatric Endocrinology", amin=3, amax=17, test="Glucose",
         val=lambda r: _v(g=r.randint(420, 690), bic=r.randint(8, 14)), res="{g} mg/dL",
         visit="weight loss, thirst and vomiting", find="glucose {g} with bicarbonate {bic} and large ketones; admitted to the PICU for DKA",
         med="insulin drip, then glargine and lispro by carb ratio", plan="diabetes education for the family before discharge and endocrine follow-up in 1 week",
         letter=None, es=None),
]
SCEN_BY = {s["k"]: s for s in SCEN}
# specialty organisations see their own kind of patient
ORG_SCEN = {"Pinemoor Heart": ["chf", "afib", "htn", "inr"], "Tidewater Renal": ["ckd"], "Cascade Sleep": ["osa", "copd", "nodule"], "Hollins Gate Ortho": ["hip", "osteo"],
            "Lakeshore Oncology": ["crc", "breast", "nodule", "anemia", "psa"], "Sandpiper WH": ["breast", "gdm", "osteo", "uti", "thyroid", "vitd"], "Sundial Peds": ["asthma", "lead", "adhd", "t1dm"],
            "Copper Basin BH": ["dep", "oud"], "Gulfbreeze Imaging": ["breast", "nodule", "stone", "osteo"], "Meridian Specialty Rx": ["hcv", "hiv", "crc"]}
SCEN_RX = {"dm": ["metformin ER 500 mg tablet", "atorvastatin 40 mg tablet"], "chf": ["carvedilol 12.5 mg tablet", "furosemide 40 mg tablet", "empagliflozin 10 mg tablet"], "afib": ["apixaban 5 mg tablet", "metoprolol succinate 50 mg tablet"],
           "copd": ["tiotropium 18 mcg inhalation capsule", "albuterol HFA 90 mcg/actuation"], "ckd": ["amlodipine 5 mg tablet", "sodium bicarbonate 650 mg tablet"], "hiv": ["Biktarvy 50/200/25 mg tablet"], "dep": ["sertraline 100 mg tablet"],
           "oud": ["buprenorphine/naloxone 8 mg/2 mg film", "naloxone 4 mg nasal spray"], "gdm": ["prenatal vitamin tablet"], "asthma": ["albuterol HFA 90 mcg/actuation", "budesonide/formoterol 80/4.5 mcg inhaler"],
           "thyroid": ["levothyroxine 88 mcg tablet"], "anemia": ["ferrous sulfate 325 mg tablet"], "hip": ["enoxaparin 40 mg/0.4 mL syringe", "acetaminophen 500 mg tablet"], "inr": ["warfarin 5 mg tablet"],
           "dementia": ["donepezil 10 mg tablet"], "osteo": ["alendronate 70 mg tablet", "calcium + vitamin D3 600 mg/800 IU tablet"], "htn": ["lisinopril 20 mg tablet", "amlodipine 5 mg tablet"], "crc": ["ondansetron 8 mg tablet"],
           "stone": ["tamsulosin 0.4 mg capsule"], "sz": ["levetiracetam 1000 mg tablet"], "adhd": ["methylphenidate ER 18 mg tablet"], "t1dm": ["insulin glargine 100 units/mL pen", "insulin lispro 100 units/mL pen"],
           "psa": ["tamsulosin 0.4 mg capsule"], "vitd": ["ergocalciferol 50,000 unit capsule"], "uti": ["nitrofurantoin 100 mg capsule"], "cellulitis": ["cephalexin 500 mg capsule"]}
DX_RX = {"E78.5": "atorvastatin 40 mg tablet", "I10": "lisinopril 10 mg tablet", "E11.9": "metformin ER 500 mg tablet", "K21.9": "omeprazole 20 mg capsule", "M17.11": "acetaminophen 500 mg tablet", "F41.1": "buspirone 10 mg tablet",
         "I25.10": "aspirin 81 mg tablet", "J45.909": "albuterol HFA 90 mcg/actuation", "F17.210": "nicotine 21 mg/24 hr patch", "Z79.01": "apixaban 5 mg tablet", "Z79.4": "insulin glargine 100 units/mL pen",
         "M54.50": "cyclobenzaprine 5 mg tablet", "E03.9": "levothyroxine 88 mcg tablet", "F32.A": "sertraline 50 mg tablet", "G43.909": "sumatriptan 50 mg tablet", "M79.7": "duloxetine 30 mg capsule",
         "F90.2": "methylphenidate ER 18 mg tablet", "H66.93": "amoxicillin 400 mg/5 mL suspension", "E10.9": "insulin glargine 100 units/mL pen", "L20.83": "hydrocortisone 2.5% ointment"}
SIG = {"tablet": "1 tab PO daily", "capsule": "1 cap PO daily", "pen": "as directed", "film": "1 film SL daily", "syringe": "1 SC daily", "inhaler": "2 puffs BID", "actuation": "2 puffs q4-6h PRN", "suspension": "as directed BID",
       "patch": "apply 1 patch daily", "ointment": "apply BID to affected skin", "spray": "1 spray in nostril PRN overdose"}
def sig_of(drug):
    for k, v in SIG.items():
        if drug.split()[-1].startswith(k) or drug.endswith(k): return v
    return "as directed"
def meds_for(r, p, c=None, ox=()):
    out = list((SCEN_RX.get(c.s["k"], []) if c else []))
    for code, _ in ox:
        if code in DX_RX and DX_RX[code] not in out: out.append(DX_RX[code])
    if not out: out = [r.choice(["acetaminophen 500 mg tablet", "cholecalciferol 1,000 unit tablet", "omeprazole 20 mg capsule"])]
    return [(d, sig_of(d)) for d in out[:5]]
def scen_for(r, p, need=None, keys=None, outpt=False):
    fit = lambda s: (not s.get("sex") or s["sex"] == p.sex) and s.get("amin", 0) <= p.age <= s.get("amax", 120) and (need is None or s.get(need)) and not (outpt and s.get("ip"))
    prefer = keys or ORG_SCEN.get(CUR.get("org_short") or "", None)
    ok = [s for s in SCEN if fit(s) and (prefer is None or s["k"] in prefer)]
    if not ok: ok = [s for s in SCEN if fit(s)]
    if not ok: ok = [s for s in SCEN if (need is None or s.get(need)) and not s.get("sex")] or [SCEN_BY["vitd"]]
    return r.choice(ok)
class Case:
    """a patient's scenario with its values filled in"""
    def __init__(self, r, p, need=None, sc=None, keys=None, outpt=False):
        self.p = p; self.s = sc or scen_for(r, p, need, keys, outpt); self.v = self.s["val"](r)
        self.v.update(he=p.he(), his=p.his(), him=p.him(), He=p.he().capitalize(), His=p.his().capitalize())
        self.code, self.desc = self.s["dx"]
    def f(self, key):
        t = self.s.get(key)
        return t.format(**self.v) if t else ""
    @property
    def lay(self): return self.s["lay"]
    @property
    def lay_es(self): return LAY_ES[self.s["k"]]
    @property
    def spec_es(self): return SPEC_ES.get(self.s["spec"], self.s["spec"])
    @property
    def spec(self): return self.s["spec"]
    @property
    def test(self): return self.s["test"]

LAY_ES = {"dm": "diabetes", "chf": "insuficiencia cardíaca", "afib": "fibrilación auricular", "copd": "EPOC", "breast": "bulto en el seno", "psa": "PSA elevado", "ckd": "enfermedad de los riñones",
          "hcv": "hepatitis C", "hiv": "VIH", "dep": "depresión", "oud": "trastorno por uso de opioides", "gdm": "diabetes gestacional", "asthma": "asma", "thyroid": "tiroides", "anemia": "anemia",
          "nodule": "nódulo en el pulmón", "adenoma": "pólipos del colon", "hip": "fractura de cadera", "inr": "anticoagulación", "dementia": "Alzheimer", "uti": "infección de orina", "osteo": "osteoporosis",
          "osa": "apnea del sueño", "vitd": "vitamina D baja", "htn": "presión alta", "crc": "cáncer de colon", "stone": "piedra en el riñón", "sz": "convulsiones", "cellulitis": "infección de la piel",
          "lead": "plomo en la sangre", "adhd": "TDAH", "t1dm": "diabetes tipo 1"}
SPEC_ES = {"Endocrinology": "Endocrinología", "Cardiology": "Cardiología", "Pulmonology": "Neumología", "Breast Surgery": "Cirugía de Seno", "Urology": "Urología", "Nephrology": "Nefrología",
           "Hepatology": "Hepatología", "Infectious Disease": "Infectología", "Behavioral Health": "Salud Mental", "Addiction Medicine": "Medicina de Adicciones", "Maternal-Fetal Medicine": "Medicina Materno-Fetal",
           "Pediatric Pulmonology": "Neumología Pediátrica", "Gastroenterology": "Gastroenterología", "Orthopedics": "Ortopedia", "Anticoagulation Clinic": "Clínica de Anticoagulación", "Geriatrics": "Geriatría",
           "Sleep Medicine": "Medicina del Sueño", "Primary Care": "Medicina Familiar", "Medical Oncology": "Oncología", "Neurology": "Neurología", "Wound Care": "Clínica de Heridas", "Pediatrics": "Pediatría",
           "Pediatric Endocrinology": "Endocrinología Pediátrica"}
OTHER_DX = [("E78.5", "Hyperlipidemia, unspecified"), ("I10", "Essential (primary) hypertension"), ("E11.9", "Type 2 diabetes mellitus without complications"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
            ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("F41.1", "Generalized anxiety disorder"), ("E66.01", "Morbid (severe) obesity due to excess calories"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"),
            ("N18.31", "Chronic kidney disease, stage 3a"), ("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"), ("J45.909", "Unspecified asthma, uncomplicated"),
            ("F17.210", "Nicotine dependence, cigarettes, uncomplicated"), ("Z79.01", "Long term (current) use of anticoagulants"), ("Z79.4", "Long term (current) use of insulin"), ("M54.50", "Low back pain, unspecified"),
            ("E03.9", "Hypothyroidism, unspecified"), ("F32.A", "Depression, unspecified"), ("R73.03", "Prediabetes"), ("G43.909", "Migraine, unspecified, not intractable, without status migrainosus"), ("M79.7", "Fibromyalgia")]
PEDS_DX = [("J45.909", "Unspecified asthma, uncomplicated"), ("F90.2", "Attention-deficit hyperactivity disorder, combined type"), ("H66.93", "Otitis media, unspecified, bilateral"),
           ("E10.9", "Type 1 diabetes mellitus without complications"), ("L20.83", "Infantile (acute) (chronic) eczema"), ("F84.0", "Autistic disorder"), ("R62.51", "Failure to thrive (child)")]
def other_dx(r, p, n=1):
    pool = PEDS_DX if p.age < 18 else [d for d in OTHER_DX if not (d[0] == "J45.909" and r.random() < 0.5)]
    return r.sample(pool, n)
CPT = [("99213", "Office/outpatient visit, est, low MDM"), ("99214", "Office/outpatient visit, est, moderate MDM"), ("99215", "Office/outpatient visit, est, high MDM"), ("99204", "Office/outpatient visit, new, moderate MDM"),
       ("93000", "Electrocardiogram, complete"), ("80053", "Comprehensive metabolic panel"), ("83036", "Hemoglobin; glycosylated (A1c)"), ("85025", "CBC with automated differential"), ("80061", "Lipid panel"),
       ("84443", "Thyroid stimulating hormone (TSH)"), ("71046", "Radiologic exam, chest; 2 views"), ("74177", "CT abdomen and pelvis with contrast"), ("72148", "MRI lumbar spine w/o contrast"),
       ("77067", "Screening mammography, bilateral"), ("45380", "Colonoscopy, flexible; with biopsy"), ("97110", "Therapeutic exercises, each 15 min"), ("90837", "Psychotherapy, 60 minutes"),
       ("96413", "Chemotherapy IV infusion, up to 1 hour"), ("20610", "Arthrocentesis, major joint"), ("36415", "Collection of venous blood by venipuncture"), ("95810", "Polysomnography, attended"),
       ("G0439", "Annual wellness visit, subsequent"), ("J0897", "Injection, denosumab, 1 mg"), ("E0601", "Continuous positive airway pressure (CPAP) device")]
DRUGS = [("metformin ER 500 mg tablet", "2 tabs PO with evening meal"), ("lisinopril 10 mg tablet", "1 tab PO daily"), ("atorvastatin 40 mg tablet", "1 tab PO nightly"), ("amlodipine 5 mg tablet", "1 tab PO daily"),
         ("levothyroxine 88 mcg tablet", "1 tab PO daily before breakfast"), ("apixaban 5 mg tablet", "1 tab PO BID"), ("furosemide 40 mg tablet", "1 tab PO BID"), ("sertraline 100 mg tablet", "1 tab PO daily"),
         ("albuterol HFA 90 mcg/actuation", "2 puffs q4-6h PRN wheeze"), ("insulin glargine 100 units/mL pen", "22 units SC at bedtime"), ("semaglutide 0.5 mg/dose pen", "0.5 mg SC weekly"),
         ("tiotropium 18 mcg inhalation capsule", "inhale 1 cap daily"), ("buprenorphine/naloxone 8 mg/2 mg film", "1 film SL daily"), ("Biktarvy 50/200/25 mg tablet", "1 tab PO daily"),
         ("warfarin 5 mg tablet", "as directed by anticoag clinic"), ("adalimumab 40 mg/0.4 mL pen", "40 mg SC every 14 days"), ("gabapentin 300 mg capsule", "1 cap PO TID"), ("omeprazole 20 mg capsule", "1 cap PO daily"),
         ("carvedilol 12.5 mg tablet", "1 tab PO BID with food"), ("empagliflozin 10 mg tablet", "1 tab PO daily"), ("montelukast 10 mg tablet", "1 tab PO nightly"), ("tamsulosin 0.4 mg capsule", "1 cap PO daily")]
LABS = {
    "BMP": [("Sodium", "mmol/L", 133, 147, "135-145", "2951-2"), ("Potassium", "mmol/L", 3.1, 5.9, "3.5-5.1", "2823-3"), ("Chloride", "mmol/L", 96, 110, "98-107", "2075-0"),
            ("CO2", "mmol/L", 19, 31, "22-29", "2028-9"), ("BUN", "mg/dL", 8, 52, "7-20", "3094-0"), ("Creatinine", "mg/dL", 0.6, 3.4, "0.60-1.20", "2160-0"), ("Glucose", "mg/dL", 72, 320, "70-99", "2345-7")],
    "CBC": [("WBC", "K/uL", 3.1, 16.8, "4.0-10.5", "6690-2"), ("Hemoglobin", "g/dL", 7.9, 16.4, "12.0-16.0", "718-7"), ("Hematocrit", "%", 25.0, 48.0, "36-46", "4544-3"), ("Platelets", "K/uL", 88, 460, "150-400", "777-3")],
    "Lipid": [("Cholesterol, total", "mg/dL", 140, 290, "<200", "2093-3"), ("Triglycerides", "mg/dL", 70, 480, "<150", "2571-8"), ("HDL", "mg/dL", 28, 78, ">40", "2085-9"), ("LDL, calculated", "mg/dL", 60, 210, "<100", "13457-7")],
    "Diabetes": [("Hemoglobin A1c", "%", 5.4, 11.8, "4.0-5.6", "4548-4"), ("Microalbumin/creatinine ratio", "mg/g", 8, 380, "<30", "14959-1"), ("eGFR (CKD-EPI 2021)", "mL/min/1.73m2", 24, 104, ">=60", "98979-8")],
    "Liver": [("ALT", "U/L", 12, 140, "7-56", "1742-6"), ("AST", "U/L", 14, 120, "10-40", "1920-8"), ("Alk phos", "U/L", 40, 220, "44-147", "6768-6"), ("Bilirubin, total", "mg/dL", 0.2, 3.1, "0.1-1.2", "1975-2")],
    "Thyroid": [("TSH", "uIU/mL", 0.05, 18.0, "0.45-4.50", "3016-3"), ("Free T4", "ng/dL", 0.5, 2.4, "0.82-1.77", "3024-7")],
    "Coag": [("PT", "sec", 11.0, 38.0, "11.0-13.5", "5902-2"), ("INR", "", 0.9, 5.8, "0.8-1.1", "6301-6")],
}
def lab_rows(r, panel):
    out = []
    for name, unit, lo, hi, ref, loinc in LABS[panel]:
        v = r.uniform(lo, hi); vs = f"{v:.0f}" if hi > 60 and isinstance(hi, int) else f"{v:.1f}" if hi > 5 else f"{v:.2f}"
        flag = ""
        m = re.match(r"([\d.]+)-([\d.]+)", ref)
        if m:
            if v < float(m.group(1)): flag = "L"
            elif v > float(m.group(2)): flag = "H"
        elif ref.startswith("<"): flag = "H" if v >= float(ref[1:]) else ""
        elif ref.startswith(">="): flag = "L" if v < float(ref[2:]) else ""
        elif ref.startswith(">"): flag = "L" if v <= float(ref[1:]) else ""
        out.append((name, vs, flag, unit, ref, loinc))
    return out
PAYERS = ["Prairie Shield Health Plan", "Rio Bravo Salud Community Plan (Medicaid)", "Medicare Part B", "Humana Gold Plus (HMO)", "Aetna Medicare Advantage", "UnitedHealthcare Choice Plus", "Cigna Open Access Plus",
          "Anthem Blue Cross", "Ambetter from Sunflower", "TRICARE East", "Wellcare Medicaid", "Self-pay"]
CARC = [("CO-16", "Claim/service lacks information needed for adjudication"), ("CO-197", "Precertification/authorization absent"), ("CO-50", "Not deemed a medical necessity by the payer"),
        ("CO-29", "Time limit for filing has expired"), ("PR-1", "Deductible amount"), ("CO-22", "May be covered by another payer per coordination of benefits"), ("CO-97", "Payment included in the allowance for another service"),
        ("CO-109", "Claim not covered by this payer; send to correct payer"), ("CO-4", "Procedure code inconsistent with the modifier used")]

# ================================================================== document model
class Doc:
    """blocks: ("h", text) ("p", text) ("kv", [(label, value)]) ("tbl", hdr, rows, opts) ("pre", text) ("addr", [lines])
    ("sig", [lines]) ("ul", [items]) ("small", text).  kind: doc | mail | list | raw"""
    def __init__(self, cat, title, o, blocks, kind="doc", lang="en", to=None, subject=None, land=False, runhead=None, hard=False, letter=False):
        self.cat, self.title, self.o, self.blocks, self.kind, self.lang = cat, title, o, blocks, kind, lang
        self.to, self.subject, self.land, self.runhead, self.hard, self.letter = to, subject, land, runhead, hard, letter
    def table(self):
        for b in self.blocks:
            if b[0] == "tbl": return b
        return None
    def cut(self, n):
        d = copy.copy(self); d.blocks = []
        for b in self.blocks:
            if b[0] == "tbl": d.blocks.append(("tbl", b[1], b[2][:n], b[3]))
            elif b[0] == "p" and n < 8 and len(b[1]) > 900: d.blocks.append(("p", b[1][:b[1].rfind(". ", 0, 700) + 1]))
            else: d.blocks.append(b)
        return d
    def ncols(self):
        t = self.table(); return len(t[1]) if t else 0

def cellfmt(v, dfmt="mdy", money_col=False):
    if v is None: return ""
    if isinstance(v, dtm.datetime): return fd(v.date(), dfmt) + v.strftime(" %H:%M")
    if isinstance(v, dtm.date): return fd(v, dfmt)
    if isinstance(v, float): return money(v) if money_col else f"{v:,.2f}"
    return str(v)
def tdfmt(r, doc): x = r.choice(TDFMT); return 'es/' if doc.lang == 'es' else x
TDFMT = ["mdy", "mdy", "m/d/y", "iso", "d-Mon-y", "m/d/yy", "m-d-y", "dMONy"]

def wrap(t, w):
    if not w: return t
    return "\n".join(textwrap.fill(par, w, break_long_words=False, break_on_hyphens=False) if par.strip() else par for par in t.split("\n"))

def kv_text(r, pairs, st):
    if not pairs: return ""
    lw = max(len(l) for l, _ in pairs)
    if st == 0: return "\n".join(f"{l}: {v}" for l, v in pairs)
    if st == 1: return "\n".join(f"{(l + ' ').ljust(lw + 3, '.')} {v}" for l, v in pairs)
    if st == 2: return "\n".join(f"{l.upper().ljust(lw + 2)}{v}" for l, v in pairs)
    if st == 3: return "\n".join(f"{l}:\n    {v}" for l, v in pairs)
    if st == 4: return "\n".join(f"{l} - {v}" for l, v in pairs)
    if st == 5:
        out = []
        for i in range(0, len(pairs), 2):
            a = f"{pairs[i][0]}: {pairs[i][1]}"
            out.append((a.ljust(40) if len(a) < 38 else a + "   ") + (f"{pairs[i + 1][0]}: {pairs[i + 1][1]}" if i + 1 < len(pairs) else "")); out[-1] = out[-1].rstrip()
        return "\n".join(out)
    if st == 6: return "\n".join(f"{l.ljust(lw)} | {v}" for l, v in pairs)
    if st == 7: return "\n".join(f"{l.ljust(lw + 3)}{v}" for l, v in pairs)
    if st == 8: return "\n".join(f"* {l}: {v}" for l, v in pairs)
    return textwrap.fill("; ".join(f"{l}: {v}" for l, v in pairs), 76)

def tbl_text(r, hdr, rows, opts, dfmt, st):
    mc = opts.get("money", ())
    S = [[cellfmt(v, dfmt, i in mc) for i, v in enumerate(row)] for row in rows]
    w = [max([len(h)] + [len(x[i]) for x in S]) for i, h in enumerate(hdr)]
    g = opts.get("group")
    if st == 0:
        out = ["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(x) + " |" for x in S]
    elif st == 1:
        out = ["  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)).rstrip(), "  ".join("-" * w[i] for i in range(len(hdr)))] + ["  ".join(c.ljust(w[i]) for i, c in enumerate(x)).rstrip() for x in S]
        if g:
            line, i = "", 0
            for lab, span in g:
                width = sum(w[i:i + span]) + 2 * (span - 1); line += ("-- " + lab + " ").ljust(width, "-") + "  " if lab else " " * (width + 2); i += span
            out.insert(0, line.rstrip())
    elif st == 2: out = ["\t".join(hdr)] + ["\t".join(x) for x in S]
    elif st == 3: out = [f"{k}) " + ", ".join(x) for k, x in enumerate(S, 1)]
    elif st == 4: out = ["\n".join(f"{hdr[i]}: {c}" for i, c in enumerate(x) if c) + "\n" for x in S]
    elif st == 5: out = [",".join(hdr)] + [",".join(f'"{c}"' if "," in c else c for c in x) for x in S]
    elif st == 6:
        sep = "+" + "+".join("-" * (n + 2) for n in w) + "+"
        out = [sep, "| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(hdr)) + " |", sep.replace("-", "=")] + ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(x)) + " |" for x in S] + [sep]
    else: out = [" / ".join(hdr), ""] + [" / ".join(x) for x in S]
    return "\n".join(out)

def render_text(r, doc, title=True, wrapw=None):
    if wrapw is None: wrapw = r.choice([72, 76, 0, 0, 78])
    kst, tst, dfmt = r.randrange(10), r.randrange(8), r.choice(TDFMT)
    if doc.kind == "list" and tst == 3 and doc.ncols() > 7: tst = 1
    hs = r.randrange(4); out = []
    if doc.runhead and r.random() < 0.6: out.append(doc.runhead)
    if title and doc.title and doc.kind != "mail":
        t = doc.title
        out.append([t.upper(), f"{t}\n{'=' * len(t)}", f"*** {t} ***", f"{t}\n{'-' * len(t)}"][hs])
    for b in doc.blocks:
        k = b[0]
        if k == "h": out.append([b[1].upper(), b[1] + ":", f"-- {b[1]} --", b[1].upper() + ":"][hs])
        elif k == "p": out.append(wrap(b[1], wrapw))
        elif k == "kv": out.append(kv_text(r, b[1], kst))
        elif k == "tbl": out.append(tbl_text(r, b[1], b[2], b[3], dfmt, tst))
        elif k == "pre": out.append(b[1])
        elif k in ("addr", "sig"): out.append("\n".join(b[1]))
        elif k == "ul": bl = r.choice(["-", "*", "-", "o"]); out.append("\n".join(f"{bl} {x}" for x in b[1]))
        elif k == "small": out.append(wrap(b[1], wrapw))
    return "\n\n".join(x for x in out if x) + "\n"

def kv_html(r, pairs, st, col):
    if st == 0: return "".join(f'<p class="MsoNormal"><b>{hx(l)}:</b>&nbsp;{hx(v)}</p>\n' for l, v in pairs)
    if st == 1: return '<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:10pt">' + "".join(
        f'<tr><th align="left" style="background:#eef1f5;border:1px solid #c9d1da;width:34%">{hx(l)}</th><td style="border:1px solid #c9d1da">{hx(v)}</td></tr>' for l, v in pairs) + "</table>\n"
    if st == 2: return "<dl>" + "".join(f"<dt><strong>{hx(l)}</strong></dt><dd>{hx(v)}</dd>" for l, v in pairs) + "</dl>\n"
    if st == 3: return "<div>" + "<br>\n".join(f"{hx(l)}: {hx(v)}" for l, v in pairs) + "</div>\n"
    cells = ""
    for i in range(0, len(pairs), 2):
        cells += "<tr>" + "".join(f'<td style="padding:3px 8px;border-bottom:1px solid #ddd"><span style="font-size:8pt;color:#666">{hx(l)}</span><br>{hx(v)}</td>' for l, v in pairs[i:i + 2]) + "</tr>"
    return f'<table style="border-collapse:collapse;width:100%;font-size:10pt">{cells}</table>\n'

def tbl_html(hdr, rows, opts, dfmt, col, zebra=True):
    mc = opts.get("money", ())
    h = '<table border="1" cellpadding="3" cellspacing="0" style="border-collapse:collapse;font-size:9.5pt;border-color:#999">'
    if opts.get("group"): h += "<tr>" + "".join(f'<th colspan="{s}" style="background:#dde4ea">{hx(l)}</th>' for l, s in opts["group"]) + "</tr>"
    h += "<tr>" + "".join(f'<th style="background:{col};color:#fff;text-align:left">{hx(x)}</th>' for x in hdr) + "</tr>"
    for i, row in enumerate(rows):
        bg = ' style="background:#f4f6f8"' if zebra and i % 2 else ""
        h += f"<tr{bg}>" + "".join(f"<td>{hx(cellfmt(v, dfmt, j in mc))}</td>" for j, v in enumerate(row)) + "</tr>"
    return h + "</table>\n"

def render_html(r, doc, head_html="", tail_html="", for_print=False):
    st = r.randrange(4); kst = r.randrange(5); dfmt = tdfmt(r, doc); col = doc.o.color if doc.o else "#34495e"
    body = []
    if doc.runhead and for_print: body.append(f'<p style="text-align:right;font-size:8pt;color:#444">{hx(doc.runhead)}</p>')
    if for_print and doc.o: body.append(f'<p style="font-size:15pt;color:{col};margin-bottom:0"><b>{hx(doc.o.name)}</b></p><p style="font-size:8.5pt;margin-top:0">{hx(doc.o.addr())} &middot; Tel {hx(doc.o.phone)} &middot; Fax {hx(doc.o.fax)}</p><hr>')
    if doc.title and doc.kind != "mail": body.append(f"<h2 style=\"font-size:14pt;color:{col}\">{hx(doc.title)}</h2>" if st != 2 else f"<p><b><u>{hx(doc.title.upper())}</u></b></p>")
    for b in doc.blocks:
        k = b[0]
        if k == "h": body.append(f'<h3 style="font-size:11pt;margin:12px 0 4px">{hx(b[1])}</h3>' if st != 0 else f'<p class="MsoNormal"><b><span style="color:{col}">{hx(b[1])}</span></b></p>')
        elif k == "p": body.append(f'<p class="MsoNormal">{hx(b[1])}</p>' if st == 0 else f"<p>{hx(b[1])}</p>" if st != 3 else f"<div>{hx(b[1])}</div><div><br></div>")
        elif k == "kv": body.append(kv_html(r, b[1], kst, col))
        elif k == "tbl": body.append(tbl_html(b[1], b[2], b[3], dfmt, col, zebra=st != 1))
        elif k == "pre": body.append(f'<pre style="font-family:Consolas,Courier New,monospace;font-size:9pt">{hx(b[1])}</pre>')
        elif k in ("addr", "sig"): body.append("<p>" + "<br>".join(hx(x) for x in b[1]) + "</p>")
        elif k == "ul": body.append("<ul>" + "".join(f"<li>{hx(x)}</li>" for x in b[1]) + "</ul>")
        elif k == "small": body.append(f'<p style="font-size:8pt;color:#555">{hx(b[1])}</p>')
    font = ["Calibri,Arial,sans-serif", "Aptos,Calibri,sans-serif", "Arial,Helvetica,sans-serif", "Segoe UI,Tahoma,sans-serif"][st]
    inner = head_html + "\n".join(body) + tail_html
    if st == 1 and not for_print:
        inner = (f'<table width="620" cellpadding="0" cellspacing="0" style="border:1px solid #d0d7de"><tr><td style="background:{col};color:#fff;padding:10px 16px;font-size:13pt">'
                 f'{hx(doc.o.short if doc.o else "")}</td></tr><tr><td style="padding:14px 16px">{inner}</td></tr></table>')
    css = "@page { size: landscape; margin: 1.5cm }" if doc.land and for_print else "@page { margin: 2cm }"
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>{css} body {{ font-family:{font}; font-size:10.5pt }}</style></head>'
            f'<body><div class="WordSection1">{inner}</div></body></html>')

# ================================================================== logos
_LOGO = {}
TAGLINE = {"hospital": "Hospital & Clinics", "clinic": "Specialty Care", "fqhc": "Community Health", "peds": "Pediatrics", "dialysis": "Kidney Care", "lab": "Laboratory Services", "imaging": "Imaging",
           "bh": "Behavioral Health", "pharmacy": "Pharmacy", "payer": "Health Plan", "medicaid": "Community Health Plan", "billing": "Revenue Cycle Services", "homehealth": "Home Health & Hospice",
           "women": "Women's Health", "oncology": "Cancer Care", "urgent": "Urgent Care", "vendor": ""}
def logo_png(o, style=0, w=240, h=64):
    key = (o.short, style, w, h)
    if key in _LOGO: return _LOGO[key]
    from PIL import Image, ImageDraw, ImageFont
    c = tuple(int(o.color[i:i + 2], 16) for i in (1, 3, 5))
    im = Image.new("RGB", (w, h), (255, 255, 255)); d = ImageDraw.Draw(im)
    room = w - (h + 10 if style == 0 else 24 if style == 1 else 58)
    fs = int(h * 0.30)
    while fs > 8 and ImageFont.truetype(DJB, fs).getlength(o.short.upper() if style == 1 else o.short) > room: fs -= 1
    f1 = ImageFont.truetype(DJB, fs); f2 = ImageFont.truetype(DJ, int(h * 0.17))
    words = o.short.split()
    if style == 0:
        d.ellipse([6, 6, h - 6, h - 6], fill=c); d.text((h / 2, h / 2), words[0][0], fill=(255, 255, 255), font=ImageFont.truetype(DJB, int(h * 0.45)), anchor="mm")
        d.text((h + 6, h * 0.18), o.short, fill=c, font=f1); d.text((h + 6, h * 0.60), TAGLINE.get(o.kind, ""), fill=(90, 90, 90), font=f2)
    elif style == 1:
        d.rectangle([0, 0, w, h], fill=c); d.text((12, h / 2), o.short.upper(), fill=(255, 255, 255), font=f1, anchor="lm")
    else:
        for i in range(4): d.rectangle([8 + i * 9, h - 12 - i * 10, 14 + i * 9, h - 8], fill=c)
        d.text((52, h * 0.22), o.short, fill=(40, 40, 40), font=f1); d.line([52, h * 0.72, w - 8, h * 0.72], fill=c, width=3)
    b = io.BytesIO(); im.save(b, "PNG", optimize=False); _LOGO[key] = b.getvalue(); return _LOGO[key]

# ================================================================== PDF helpers (plumbing, as generate_b6.py does it)
def pdf_pages(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data); f.flush()
        out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 99
def norm_pdf(data, key):
    """LibreOffice and Ghostscript stamp the wall-clock time and random IDs into a PDF; replace them with values derived
    from the file name, byte for byte the same length, so xref offsets stay valid (same approach as batch 6)"""
    h = hashlib.sha256(("b7/" + key).encode()).hexdigest().upper() * 2
    data = re.sub(rb"D:\d{14}", b"D:20261204101500", data)
    data = re.sub(rb"(<xmp:(?:Create|Modify|Metadata)Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", lambda m: m.group(1) + b"2026-12-04T10:15:00", data)
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
        L = [len(cellfmt(x[i], dfmt)) for x in rows[:40]] + [len(h) * 0.8]
        ws.append(min(max(max(L), 4), 34) + 2)
    return ws

# ---------------------------------------------------------------- reportlab
_RL = {"fonts": False}
def rl_pdf(r, doc, ttf=None):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib.units import inch
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, Preformatted, Image, KeepTogether
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from xml.sax.saxutils import escape as xe
    if ttf is None: ttf = r.random() < 0.4
    if ttf and not _RL["fonts"]:
        pdfmetrics.registerFont(TTFont("DJ", DJ)); pdfmetrics.registerFont(TTFont("DJB", DJB)); pdfmetrics.registerFont(TTFont("DJS", DJS)); pdfmetrics.registerFont(TTFont("DJSB", DJSB)); _RL["fonts"] = True
    serif = r.random() < 0.3
    F, FB = (("DJS", "DJSB") if serif else ("DJ", "DJB")) if ttf else (("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold"))
    T = (lambda s: str(s)) if ttf else l1
    E = lambda s: xe(T(s))
    col = colors.HexColor(doc.o.color if doc.o else "#333333")
    ps = landscape(letter) if doc.land else letter
    W, H = ps; lm = 0.75 * inch; avail = W - 2 * lm
    lh = r.randrange(4); fs = r.choice([9.5, 10, 10.5])
    base = ParagraphStyle("b", fontName=F, fontSize=fs, leading=fs * 1.3, spaceAfter=5)
    small = ParagraphStyle("s", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#555555"))
    cell = ParagraphStyle("c", parent=base, fontSize=8, leading=9.6, spaceAfter=0)
    cellb = ParagraphStyle("cb", parent=cell, fontName=FB)
    head = ParagraphStyle("h", parent=base, fontName=FB, fontSize=11, textColor=col, spaceBefore=6, spaceAfter=3)
    ttl = ParagraphStyle("t", parent=base, fontName=FB, fontSize=14, leading=17, spaceAfter=8, textColor=col if lh != 2 else colors.black)
    o = doc.o
    def on_page(c, d):
        c.saveState()
        if o:
            if lh == 0:
                c.drawImage(__import__("reportlab.lib.utils", fromlist=["ImageReader"]).ImageReader(io.BytesIO(logo_png(o, 0))), lm, H - 0.45 * inch - 48, width=180, height=48)
                c.setFont(F, 7.5)
                for i, t in enumerate([o.name, o.street, f"{o.city}, {o.state} {o.zip}", f"Tel {o.phone}  Fax {o.fax}"]): c.drawRightString(W - lm, H - 0.55 * inch - i * 9.5, T(t))
            elif lh == 1:
                c.setFillColor(col); c.rect(0, H - 0.8 * inch, W, 0.8 * inch, stroke=0, fill=1); c.setFillColor(colors.white)
                c.setFont(FB, 15); c.drawString(lm, H - 0.48 * inch, T(o.name)); c.setFont(F, 7.5); c.drawString(lm, H - 0.66 * inch, T(f"{o.addr()}  |  {o.phone}"))
            elif lh == 2:
                c.setFont(FB, 13); c.drawCentredString(W / 2, H - 0.6 * inch, T(o.name.upper())); c.setFont(F, 7.5); c.drawCentredString(W / 2, H - 0.75 * inch, T(f"{o.addr()}   Phone {o.phone}   Fax {o.fax}"))
                c.setStrokeColor(col); c.setLineWidth(1.2); c.line(lm, H - 0.85 * inch, W - lm, H - 0.85 * inch)
            else:
                c.setFont(FB, 9); c.setFillColor(col); c.drawString(lm, H - 0.55 * inch, T(o.short)); c.setFillColor(colors.black); c.setFont(F, 7); c.drawRightString(W - lm, H - 0.55 * inch, T(o.addr()))
        c.setFont(F, 7); c.setFillColor(colors.HexColor("#555555"))
        if doc.runhead: c.drawString(lm, 0.45 * inch, T(doc.runhead))
        c.drawRightString(W - lm, 0.45 * inch, f"Page {d.page}")
        c.restoreState()
    dfmt = tdfmt(r, doc)
    fl = []
    if doc.title and doc.kind != "mail": fl.append(Paragraph(E(doc.title), ttl))
    for b in doc.blocks:
        k = b[0]
        if k == "h": fl.append(Paragraph(E(b[1]), head))
        elif k == "p": fl.append(Paragraph(E(b[1]), base))
        elif k == "small": fl.append(Paragraph(E(b[1]), small))
        elif k in ("addr", "sig"): fl.append(Paragraph("<br/>".join(E(x) for x in b[1]), base)); fl.append(Spacer(1, 4))
        elif k == "ul": fl += [Paragraph(("\u2022 " if ttf else "- ") + E(x), ParagraphStyle("u", parent=base, leftIndent=12, firstLineIndent=-8, spaceAfter=2)) for x in b[1]]
        elif k == "pre": fl.append(Preformatted(T(b[1]), ParagraphStyle("pre", fontName="Courier", fontSize=7, leading=8.4)))
        elif k == "kv":
            pairs = b[1]; four = len(pairs) > 5 and r.random() < 0.5 and not doc.land
            if four:
                data = []
                for i in range(0, len(pairs), 2):
                    row = []
                    for l, v in pairs[i:i + 2]: row += [Paragraph(E(l), cellb), Paragraph(E(v), cell)]
                    data.append(row + [""] * (4 - len(row)))
                t = Table(data, colWidths=[avail * 0.17, avail * 0.33] * 2)
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0b7bf")), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f4")), ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef1f4")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            else:
                t = Table([[Paragraph(E(l), cellb), Paragraph(E(v), cell)] for l, v in pairs], colWidths=[avail * 0.3, avail * 0.7])
                t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f4f6")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            fl.append(t); fl.append(Spacer(1, 6))
        elif k == "tbl":
            hdr, rows, opts = b[1], b[2], b[3]; mc = opts.get("money", ())
            ws = col_weights(hdr, rows, dfmt); tot = sum(ws)
            data = [[Paragraph(E(h), ParagraphStyle("th", parent=cellb, textColor=colors.white)) for h in hdr]] + [[Paragraph(E(cellfmt(v, dfmt, j in mc)), cell) for j, v in enumerate(row)] for row in rows]
            sty = [("BACKGROUND", (0, 0), (-1, 0), col), ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa3ad")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            if opts.get("group"):
                g = []; c0 = 0
                for lab, span in opts["group"]:
                    g += [Paragraph(E(lab), cellb)] + [""] * (span - 1); sty.append(("SPAN", (c0, 0), (c0 + span - 1, 0))); c0 += span
                data.insert(0, g); sty = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe5ea")), ("BACKGROUND", (0, 1), (-1, 1), col)] + [s for s in sty if s[0] != "BACKGROUND"]
            for i in range(len(data)):
                if i % 2 == 0 and i > (1 if opts.get("group") else 0): sty.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f3f5f7")))
            t = Table(data, colWidths=[avail * w / tot for w in ws], repeatRows=2 if opts.get("group") else 1)
            t.setStyle(TableStyle(sty)); fl.append(t); fl.append(Spacer(1, 6))
    top = {0: 1.35, 1: 1.15, 2: 1.15, 3: 0.9}[lh] * inch if o else 0.8 * inch
    b = io.BytesIO()
    SimpleDocTemplate(b, pagesize=ps, leftMargin=lm, rightMargin=lm, topMargin=top, bottomMargin=0.8 * inch, title=T(doc.title or ""), author=T(o.short if o else ""),
                      creator=r.choice(["", "ReportServer 4.2", o.system if o else ""]) or "(unspecified)").build(fl, onFirstPage=on_page, onLaterPages=on_page)
    return b.getvalue()

# ---------------------------------------------------------------- fpdf2
def fp_pdf(r, doc, ttf=None):
    from fpdf import FPDF
    from fpdf.fonts import FontFace
    if ttf is None: ttf = r.random() < 0.5
    T = (lambda s: str(s)) if ttf else l1
    o = doc.o; colh = o.color if o else "#444444"; rgb = tuple(int(colh[i:i + 2], 16) for i in (1, 3, 5))
    fam = "DJ" if ttf else r.choice(["helvetica", "helvetica", "times", "courier"])
    lh = r.randrange(3); footer_style = r.randrange(3)
    class P(FPDF):
        def header(self):
            if not o: return
            if lh == 0:
                self.image(io.BytesIO(logo_png(o, r_logo)), x=self.l_margin, y=8, w=52)
                self.set_font(fam, "", 7.5); self.set_xy(self.w - self.r_margin - 80, 9)
                self.multi_cell(80, 3.6, T(f"{o.name}\n{o.street}\n{o.city}, {o.state} {o.zip}\nTel {o.phone} / Fax {o.fax}"), align="R"); self.set_y(27)
            elif lh == 1:
                self.set_font(fam, "B", 14); self.set_text_color(*rgb); self.cell(0, 7, T(o.name), new_x="LMARGIN", new_y="NEXT")
                self.set_font(fam, "", 7.5); self.set_text_color(60, 60, 60); self.cell(0, 4, T(f"{o.addr()}  -  Phone {o.phone}  -  Fax {o.fax}"), new_x="LMARGIN", new_y="NEXT")
                self.set_draw_color(*rgb); self.set_line_width(0.6); self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1); self.set_y(self.get_y() + 4); self.set_text_color(0, 0, 0)
            else:
                self.set_fill_color(*rgb); self.rect(0, 0, self.w, 6, "F"); self.set_y(9); self.set_font(fam, "B", 10); self.cell(0, 5, T(o.short), new_x="LMARGIN", new_y="NEXT")
            if doc.runhead and self.page_no() > 0 and footer_style == 2:
                self.set_font(fam, "B", 7.5); self.cell(0, 4, T(doc.runhead), align="R", new_x="LMARGIN", new_y="NEXT")
        def footer(self):
            self.set_y(-12); self.set_font(fam, "", 7); self.set_text_color(90, 90, 90)
            if doc.runhead and footer_style != 2: self.cell(0, 4, T(doc.runhead), new_x="LEFT")
            self.cell(0, 4, f"Page {self.page_no()}/{{nb}}" if footer_style != 1 else f"{self.page_no()}", align="R"); self.set_text_color(0, 0, 0)
    r_logo = r.randrange(3)
    pdf = P(orientation="L" if doc.land else "P", unit="mm", format=r.choice(["Letter", "Letter", "A4"]))
    pdf.set_creation_date(dtm.datetime(2026, 12, 4, 10, 15, tzinfo=dtm.timezone.utc))
    pdf.set_author(T(o.short if o else "")); pdf.set_title(T(doc.title or ""))
    import fpdf as _f; pdf.set_producer(f"PyFPDF/fpdf{_f.__version__}")          # fpdf2 2.8 leaves /Producer empty unless told
    if ttf:
        pdf.add_font("DJ", "", DJ); pdf.add_font("DJ", "B", DJB)
    pdf.set_margins(18, 16, 18); pdf.set_auto_page_break(True, 16); pdf.alias_nb_pages(); pdf.add_page()
    fs = 9.5 if fam != "courier" else 8.5
    dfmt = tdfmt(r, doc)
    if doc.title and doc.kind != "mail":
        pdf.set_font(fam, "B", 13); pdf.set_text_color(*rgb) if lh != 2 else None; pdf.multi_cell(0, 6.5, T(doc.title), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(0, 0, 0); pdf.ln(2)
    for b in doc.blocks:
        k = b[0]
        if k == "h": pdf.ln(1.5); pdf.set_font(fam, "B", 10.5); pdf.multi_cell(0, 5.5, T(b[1]), new_x="LMARGIN", new_y="NEXT")
        elif k == "p": pdf.set_font(fam, "", fs); pdf.multi_cell(0, fs * 0.5, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif k == "small": pdf.set_font(fam, "", 7); pdf.set_text_color(90, 90, 90); pdf.multi_cell(0, 3.4, T(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.set_text_color(0, 0, 0); pdf.ln(1)
        elif k in ("addr", "sig"): pdf.set_font(fam, "", fs); pdf.multi_cell(0, fs * 0.48, T("\n".join(b[1])), new_x="LMARGIN", new_y="NEXT"); pdf.ln(3)
        elif k == "ul":
            pdf.set_font(fam, "", fs)
            for x in b[1]: pdf.set_x(pdf.l_margin + 4); pdf.multi_cell(0, fs * 0.48, T(("\u2022 " if ttf else "- ") + x), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif k == "pre": pdf.set_font("courier", "", 6.8); pdf.multi_cell(0, 3.0, l1(b[1]), new_x="LMARGIN", new_y="NEXT"); pdf.ln(2)
        elif k == "kv":
            pdf.set_font(fam, "", fs - 0.5)
            lab = FontFace(emphasis="BOLD", fill_color=(236, 239, 242))
            with pdf.table(col_widths=(30, 70), first_row_as_headings=False, text_align="LEFT", line_height=fs * 0.47, borders_layout=r.choice(["ALL", "HORIZONTAL_LINES", "MINIMAL"])) as t:
                for l, v in b[1]:
                    row = t.row(); row.cell(T(l), style=lab); row.cell(T(v))
            pdf.ln(2)
        elif k == "tbl":
            hdr, rows, opts = b[1], b[2], b[3]; mc = opts.get("money", ())
            pdf.set_font(fam, "", 7.2 if len(hdr) > 6 else 8)
            ws = col_weights(hdr, rows, dfmt)
            g = opts.get("group")
            with pdf.table(col_widths=ws, text_align="LEFT", line_height=3.6, num_heading_rows=2 if g else 1,
                           headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=rgb), cell_fill_color=(244, 246, 248), cell_fill_mode="ROWS") as t:
                if g:
                    row = t.row()
                    for lab_, span in g: row.cell(T(lab_), colspan=span)
                row = t.row()
                for h in hdr: row.cell(T(h))
                for x in rows:
                    row = t.row()
                    for j, v in enumerate(x): row.cell(T(cellfmt(v, dfmt, j in mc)))
            pdf.ln(2)
    return bytes(pdf.output())

# ---------------------------------------------------------------- hand-written PostScript (mail-house letter / print-stream style)
def ps_str(s):
    out = []
    for ch in l1(s):
        c = ord(ch)
        if ch in "()\\": out.append("\\" + ch)
        elif c < 32 or c > 126: out.append(f"\\{c:03o}")
        else: out.append(ch)
    return "(" + "".join(out) + ")"
PS_PROLOG = """%!PS-Adobe-3.0
%%Creator: {creator}
%%Title: {title}
%%Pages: (atend)
%%DocumentMedia: Letter 612 792 0 () ()
%%EndComments
%%BeginProlog
/L1 {{ findfont dup length dict begin {{1 index /FID ne {{def}} {{pop pop}} ifelse}} forall
  /Encoding ISOLatin1Encoding 256 array copy dup 45 /hyphen put def currentdict end definefont pop }} bind def
/CL /Courier L1 /CLB /Courier-Bold L1 /HL /Helvetica L1 /HLB /Helvetica-Bold L1 /TL /Times-Roman L1
/F {{ exch findfont exch scalefont setfont }} bind def
/S {{ 3 1 roll moveto show }} bind def
/RS {{ dup stringwidth pop 4 -1 roll exch sub 3 -1 roll moveto show }} bind def
/BOX {{ 4 dict begin /h exch def /w exch def /y exch def /x exch def newpath x y moveto w 0 rlineto 0 h rlineto w neg 0 rlineto closepath end }} bind def
%%EndProlog
"""
def ps_doc(r, doc):
    """Courier body text at 10 pt (6 pt per character) so lines can be wrapped here; Helvetica headings; inserter marks"""
    o = doc.o; colh = o.color if o else "#333333"; rgb = " ".join(f"{int(colh[i:i + 2], 16) / 255:.3f}" for i in (1, 3, 5))
    form = f"{r.choice(['LTR', 'CORR', 'NTC', 'RPT'])}-{r.randint(10, 99)} (Rev. {r.randint(1, 12):02d}/{r.choice([2024, 2025, 2026])})"
    batch = f"{r.choice(['MH', 'PS', 'DP'])}{dg(r, 6)}"
    CW = 78; lines = []; skipped = False     # (kind, payload)
    dfmt = tdfmt(r, doc)
    if doc.title and doc.kind != "mail": lines.append(("title", doc.title))
    for b in doc.blocks:
        k = b[0]
        if k == "h": lines += [("blank", ""), ("head", b[1])]
        elif k in ("p", "small"):
            for ln in textwrap.wrap(l1(b[1]), CW, break_on_hyphens=False): lines.append(("txt", ln))
            lines.append(("blank", ""))
        elif k in ("addr", "sig"):
            if k == "addr" and doc.letter and doc.to and not skipped: skipped = True; continue      # printed in the envelope window instead
            lines += [("txt", l1(x)) for x in b[1]] + [("blank", "")]
        elif k == "ul":
            for x in b[1]:
                for i, ln in enumerate(textwrap.wrap(l1(x), CW - 3)): lines.append(("txt", ("-  " if i == 0 else "   ") + ln))
            lines.append(("blank", ""))
        elif k == "pre":
            for ln in b[1].split("\n"):
                for i in range(0, max(len(ln), 1), 92): lines.append(("pre", l1(ln[i:i + 92])))
            lines.append(("blank", ""))
        elif k == "kv":
            lw = min(max(len(l) for l, _ in b[1]) + 2, 30)
            for l, v in b[1]:
                vv = textwrap.wrap(l1(v), CW - lw) or [""]
                lines.append(("kv", (l1(l), vv[0], lw)))
                for x in vv[1:]: lines.append(("kv", ("", x, lw)))
            lines.append(("blank", ""))
        elif k == "tbl":
            hdr, rows, opts = b[1], b[2], b[3]; mc = opts.get("money", ())
            S = [[l1(cellfmt(v, dfmt, j in mc)) for j, v in enumerate(x)] for x in rows]
            w = [max([len(h)] + [len(x[i]) for x in S]) for i, h in enumerate(hdr)]
            while sum(w) + 2 * len(w) > 92 and max(w) > 8: w[w.index(max(w))] -= 1
            fmt = lambda cells: "  ".join(c[:w[i]].ljust(w[i]) for i, c in enumerate(cells)).rstrip()
            lines.append(("thead", fmt([l1(h) for h in hdr])))
            for x in S: lines.append(("trow", fmt(x)))
            lines.append(("blank", ""))
    # paginate: 792 high; body from 560 (page 1, after the header/address area) or 700 down to 80
    pages, cur, y = [], [], 560 if (doc.letter and doc.to) else 712
    for kind, pay in lines:
        h = {"title": 20, "head": 16, "blank": 7, "pre": 8.5, "trow": 10.5, "thead": 13}.get(kind, 12)
        if y - h < 86: pages.append(cur); cur = []; y = 700
        cur.append((kind, pay, y)); y -= h
    pages.append(cur)
    out = [PS_PROLOG.format(creator=r.choice(["DocuPrint Composer 7.3", "PrintStream Designer 4.1", "Exstream Dialogue 16", "ISIS Papyrus DocEXEC"]), title=l1(doc.title or doc.cat).replace("\n", " "))]
    n = len(pages)
    for pi, items in enumerate(pages, 1):
        out.append(f"%%Page: {pi} {pi}\nsave")
        # inserter (OMR) marks and header
        out.append("0 setgray " + " ".join(f"14 {700 - i * 12} 18 2 BOX fill" for i in range(r.randint(3, 6) if pi == 1 else 2)))
        if o:
            out.append(f"{rgb} setrgbcolor 54 738 504 3 BOX fill 0 setgray /HLB 15 F 54 748 {ps_str(o.name)} S /HL 7.5 F 558 752 {ps_str(o.addr())} RS 558 743 {ps_str('Tel ' + o.phone + '   Fax ' + o.fax)} RS")
        if pi == 1 and doc.letter and doc.to:
            p = doc.to
            out.append(f"/HL 6.5 F 72 690 {ps_str((o.short if o else '') + ' - ' + (o.street if o else ''))} S /CL 10 F")
            for i, t in enumerate([p.first_last().upper(), p.street.upper(), p.addr2().upper()]): out.append(f"72 {668 - i * 12} {ps_str(t)} S")
            out.append(f"/HL 7 F 558 690 {ps_str(r.choice(['Date: ', 'Mailed ', 'Print date ']) + fd(TODAY, r.choice(['Mon d, y', 'mdy', 'Month d, y'])))} RS")
        if pi > 1 and doc.runhead: out.append(f"/HL 7 F 54 724 {ps_str(doc.runhead)} S")
        for kind, pay, y in items:
            if kind == "title": out.append(f"0.92 setgray 54 {y - 4} 504 17 BOX fill 0 setgray /HLB 11.5 F 60 {y + 1} {ps_str(pay.upper())} S")
            elif kind == "head": out.append(f"/HLB 9.5 F 54 {y} {ps_str(pay)} S {rgb} setrgbcolor 54 {y - 3} 504 0.6 BOX fill 0 setgray")
            elif kind == "txt": out.append(f"/CL 10 F 54 {y} {ps_str(pay)} S")
            elif kind == "pre": out.append(f"/CL 7 F 54 {y} {ps_str(pay)} S")
            elif kind == "kv":
                l, v, lw = pay
                out.append((f"/CLB 10 F 54 {y} {ps_str(l + (':' if l else ''))} S " if l else "") + f"/CL 10 F {54 + lw * 6} {y} {ps_str(v)} S")
            elif kind == "thead": out.append(f"0.85 setgray 52 {y - 3} 508 12 BOX fill 0 setgray /CLB 8.2 F 54 {y} {ps_str(pay)} S")
            elif kind == "trow": out.append(f"/CL 8.2 F 54 {y} {ps_str(pay)} S")
        out.append(f"/HL 6.5 F 54 52 {ps_str(form + '   ' + batch)} S 558 52 {ps_str(f'Page {pi} of {n}')} RS")
        out.append("restore showpage")
    out.append(f"%%Trailer\n%%Pages: {n}\n%%EOF\n")
    return "\n".join(out), n

# ---------------------------------------------------------------- python-docx
def _shade(cell, hexcolor):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr(); sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcolor.lstrip("#")); tcPr.append(sh)
def _field(par, code):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    r1 = par.add_run(); f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin"); r1._r.append(f1)
    r2 = par.add_run(); it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {code} "; r2._r.append(it)
    r3 = par.add_run(); f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "separate"); r3._r.append(f3)
    par.add_run("1")
    r4 = par.add_run(); f4 = OxmlElement("w:fldChar"); f4.set(qn("w:fldCharType"), "end"); r4._r.append(f4)
def _repeat(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr(); e = OxmlElement("w:tblHeader"); e.set(qn("w:val"), "true"); trPr.append(e)
DOCX_TSTYLES = ["Table Grid", "Light Grid Accent 1", "Light List Accent 1", "Medium Shading 1 Accent 1", "Light Shading Accent 1", "Table Grid"]
def docx_bytes(r, doc, letterhead=None):
    import docx
    from docx.shared import Pt, Inches, RGBColor, Mm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.section import WD_ORIENT
    d = docx.Document(); o = doc.o
    st = d.styles["Normal"]; st.font.name = r.choice(["Calibri", "Arial", "Cambria", "Times New Roman", "Aptos", "Garamond", "Segoe UI"]); st.font.size = Pt(r.choice([10, 10.5, 11]))
    sec = d.sections[0]; sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    if doc.land: sec.orientation = WD_ORIENT.LANDSCAPE; sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    sec.left_margin = sec.right_margin = Inches(r.choice([0.75, 0.9, 1.0])); sec.top_margin = Inches(0.8); sec.bottom_margin = Inches(0.7)
    col = RGBColor.from_string((o.color if o else "#333333").lstrip("#").upper())
    if letterhead is None: letterhead = r.random() < 0.45
    hp = sec.header.paragraphs[0]
    if o:
        if letterhead:
            hp.add_run().add_picture(io.BytesIO(logo_png(o, r.randrange(3))), width=Inches(2.1))
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{o.name}  |  {o.addr()}  |  Tel {o.phone}  |  Fax {o.fax}"); rr.font.size = Pt(7.5); rr.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        else:
            rr = hp.add_run(o.name); rr.bold = True; rr.font.size = Pt(14); rr.font.color.rgb = col
            p2 = sec.header.add_paragraph(); rr = p2.add_run(f"{o.addr()}   Phone {o.phone}   Fax {o.fax}"); rr.font.size = Pt(8)
    if doc.runhead:
        p3 = sec.header.add_paragraph(); rr = p3.add_run(doc.runhead); rr.bold = True; rr.font.size = Pt(8.5); p3.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]; fs = r.randrange(3)
    if fs == 0: fp.add_run("Page "); _field(fp, "PAGE"); fp.add_run(" of "); _field(fp, "NUMPAGES"); fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif fs == 1: rr = fp.add_run(f"{(o.short if o else '')} {r.choice(['Form', 'Doc'])} {r.randint(100, 999)}-{r.choice(['A', 'B', 'C'])}  ·  rev {r.randint(1, 12)}/{r.choice([2025, 2026])}"); rr.font.size = Pt(7)
    else: rr = fp.add_run(r.choice(["CONFIDENTIAL", "Internal use", "Printed from " + (o.system if o and o.system else "EHR")])); rr.font.size = Pt(7); fp.add_run("\t\t"); _field(fp, "PAGE")
    dfmt = tdfmt(r, doc); kst = r.randrange(3); tst = r.choice(DOCX_TSTYLES)
    if doc.title and doc.kind != "mail":
        p = d.add_paragraph(); rr = p.add_run(doc.title); rr.bold = True; rr.font.size = Pt(15); rr.font.color.rgb = col
    for b in doc.blocks:
        k = b[0]
        if k == "h":
            p = d.add_paragraph(); rr = p.add_run(b[1]); rr.bold = True; rr.font.size = Pt(11.5); p.paragraph_format.space_before = Pt(8)
        elif k == "p": d.add_paragraph(b[1])
        elif k == "small": p = d.add_paragraph(); rr = p.add_run(b[1]); rr.font.size = Pt(7.5); rr.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        elif k in ("addr", "sig"):
            p = d.add_paragraph()
            for i, x in enumerate(b[1]):
                if i: p.add_run().add_break()
                p.add_run(x)
        elif k == "ul":
            for x in b[1]: d.add_paragraph(x, style="List Bullet")
        elif k == "pre":
            p = d.add_paragraph()
            for i, x in enumerate(b[1].split("\n")):
                if i: p.add_run().add_break()
                rr = p.add_run(x); rr.font.name = "Courier New"; rr.font.size = Pt(7.5)
        elif k == "kv":
            pairs = b[1]
            if kst == 0:
                t = d.add_table(rows=0, cols=2); t.style = "Table Grid"
                for l, v in pairs:
                    c = t.add_row().cells; c[0].text = l; c[1].text = v; _shade(c[0], "E8ECF0"); c[0].paragraphs[0].runs[0].bold = True
                    c[0].width = Inches(2.0); c[1].width = Inches(4.5)
            elif kst == 1 and len(pairs) > 3:
                t = d.add_table(rows=0, cols=4); t.style = "Table Grid"
                for i in range(0, len(pairs), 2):
                    c = t.add_row().cells
                    for j, (l, v) in enumerate(pairs[i:i + 2]):
                        c[2 * j].text = l; c[2 * j + 1].text = v; _shade(c[2 * j], "EEF1F4"); c[2 * j].paragraphs[0].runs[0].font.size = Pt(8.5)
            else:
                for l, v in pairs:
                    p = d.add_paragraph(); p.paragraph_format.space_after = Pt(1); rr = p.add_run(l + ":\t"); rr.bold = True; p.add_run(v)
            d.add_paragraph()
        elif k == "tbl":
            hdr, rows, opts = b[1], b[2], b[3]; mc = opts.get("money", ())
            g = opts.get("group"); t = d.add_table(rows=1 + (1 if g else 0), cols=len(hdr))
            try: t.style = tst
            except Exception: t.style = "Table Grid"
            if g:
                c0 = 0
                for lab, span in g:
                    cell = t.rows[0].cells[c0]
                    if span > 1: cell = cell.merge(t.rows[0].cells[c0 + span - 1])
                    cell.text = lab; c0 += span
                _repeat(t.rows[0])
            hr = t.rows[-1]
            for i, h in enumerate(hdr):
                hr.cells[i].text = h; run = hr.cells[i].paragraphs[0].runs[0]; run.bold = True; run.font.size = Pt(8.5)
            _repeat(hr)
            for x in rows:
                c = t.add_row().cells
                for i, v in enumerate(x):
                    c[i].text = cellfmt(v, dfmt, i in mc)
                    if c[i].paragraphs[0].runs: c[i].paragraphs[0].runs[0].font.size = Pt(8.5 if len(hdr) < 7 else 7.5)
            d.add_paragraph()
    b = io.BytesIO(); d.core_properties.author = (o.short if o else ""); d.core_properties.title = doc.title or ""; d.save(b)
    return fix_zip(b.getvalue())

# ---------------------------------------------------------------- openpyxl
XL_DATE = ["mm/dd/yyyy", "m/d/yyyy", "yyyy-mm-dd", "dd-mmm-yyyy", "mmm d, yyyy", "m/d/yy", "mm-dd-yyyy", "d-mmm-yy"]
def xlsx_bytes(r, doc, for_pdf=False, for_lo=False):
    import openpyxl
    from openpyxl.styles import Font, PatternFill, Alignment, Border, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook(); ws = wb.active
    t = doc.table(); hdr, rows, opts = t[1], t[2], t[3]; mc = opts.get("money", ())
    ws.title = re.sub(r"[\[\]:*?/\\]", "", (doc.title or doc.cat))[:28] if r.random() < 0.6 else r.choice(["Sheet1", "Export", "Worklist", "Data", "Report"])
    dfmt = "dd/mm/yyyy" if doc.lang == "es" else r.choice(XL_DATE)
    colh = (doc.o.color if doc.o else "#34495E").lstrip("#").upper()
    row0 = 1
    if r.random() < 0.6 or for_pdf:
        ws.cell(1, 1, doc.title or doc.cat).font = Font(bold=True, size=13)
        ws.cell(2, 1, r.choice([f"Run: {fd(TODAY, 'mdy')} {clock(r)}", f"Source: {doc.o.system if doc.o and doc.o.system else 'report'}", f"{doc.o.name if doc.o else ''}", f"As of {fd(TODAY, 'Month d, y')}"]))
        row0 = 4
    g = opts.get("group")
    if g:
        c0 = 1
        for lab, span in g:
            ws.cell(row0, c0, lab).font = Font(bold=True, italic=True)
            if span > 1 and not for_lo: ws.cell(row0, c0).alignment = Alignment(horizontal="centerContinuous")
            c0 += span
        row0 += 1
    fill = PatternFill("solid", fgColor=colh if r.random() < 0.6 else "D9E1F2")
    white = fill.fgColor.rgb.endswith(colh)
    for i, h in enumerate(hdr, 1):
        c = ws.cell(row0, i, h); c.font = Font(bold=True, color="FFFFFF" if white else "000000"); c.fill = fill; c.alignment = Alignment(wrap_text=True, vertical="top")
    for ri, x in enumerate(rows, row0 + 1):
        for ci, v in enumerate(x, 1):
            c = ws.cell(ri, ci, v)
            if isinstance(v, dtm.datetime): c.number_format = dfmt + " hh:mm"
            elif isinstance(v, dtm.date): c.number_format = dfmt
            elif isinstance(v, float) and (ci - 1) in mc: c.number_format = '"$"#,##0.00'
    for i in range(1, len(hdr) + 1):
        L = max([len(str(hdr[i - 1]))] + [len(cellfmt(x[i - 1])) for x in rows[:50]])
        ws.column_dimensions[get_column_letter(i)].width = min(max(L + 2, 8), 42)
    ws.freeze_panes = ws.cell(row0 + 1, 1) if r.random() < 0.7 else None
    if r.random() < 0.6: ws.auto_filter.ref = f"A{row0}:{get_column_letter(len(hdr))}{row0 + len(rows)}"
    if for_pdf or r.random() < 0.3:
        ws.page_setup.orientation = "landscape"; ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0; ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{row0}:{row0}"
    notes = [b[1] for b in doc.blocks if b[0] in ("p", "small")]
    if notes and r.random() < 0.35 and not for_pdf:
        ns = wb.create_sheet(r.choice(["Notes", "Read me", "About"]))
        for i, n in enumerate(notes, 1): ns.cell(i, 1, n)
        ns.column_dimensions["A"].width = 100
        if r.random() < 0.4: wb.move_sheet(ns, offset=-1)
    wb.properties.creator = doc.o.short if doc.o else "report"
    b = io.BytesIO(); wb.save(b); return fix_zip(b.getvalue())

# ---------------------------------------------------------------- CSV / TSV
def snake(s): return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", ascii_fold(s).lower())).strip("_")
def csv_bytes(r, doc):
    t = doc.table(); hdr, rows, opts = list(t[1]), t[2], t[3]; mc = opts.get("money", ())
    k = r.randrange(8)
    delim, ext = [(",", "csv"), (",", "csv"), ("\t", "tsv"), ("|", "txt"), (";", "csv"), (",", "csv"), ("\t", "txt"), (",", "csv")][k]
    dfmt = r.choice(["mdy", "iso", "ymd8", "m/d/y", "d-Mon-y", "mdy"]) if doc.lang != "es" else "es/"
    if k == 5: hdr = [snake(h) for h in hdr]
    b = io.StringIO(); w = csv.writer(b, delimiter=delim, quoting=csv.QUOTE_ALL if k == 7 else csv.QUOTE_MINIMAL, lineterminator="\r\n" if r.random() < 0.6 else "\n")
    if k == 4 and r.random() < 0.6: b.write("sep=;" + ("\r\n"))
    if r.random() < 0.25: b.write(f"# {doc.o.system if doc.o and doc.o.system else 'export'} | {doc.title or doc.cat} | generated {fd(TODAY, 'iso')} {clock(r, True)}\n")
    w.writerow(hdr)
    for x in rows:
        out = []
        for j, v in enumerate(x):
            if isinstance(v, dtm.datetime) and dfmt == "iso": out.append(v.strftime("%Y-%m-%dT%H:%M:%S"))
            elif isinstance(v, float) and j in mc: out.append(f"{v:.2f}")
            else: out.append(cellfmt(v, dfmt))
        w.writerow(out)
    if r.random() < 0.25: b.write(f"Total records: {len(rows)}\n")
    data = b.getvalue()
    return (("\ufeff" if r.random() < 0.2 else "") + data).encode("utf-8"), ext

# ================================================================== shared content helpers
LBL = {"name": ["Patient", "Patient Name", "Pt Name", "Name", "PATIENT", "Pt", "Client", "Patient (Last, First)"],
       "dob": ["DOB", "Date of Birth", "D.O.B.", "Birth Date", "Birthdate", "DOB/Age", "BD", "Born"],
       "mrn": ["MRN", "Med Rec #", "Medical Record No.", "MR#", "Chart #", "Patient ID", "Pt ID", "EMR #", "Unit No."],
       "mem": ["Member ID", "Mbr ID", "Member #", "Subscriber ID", "Insured's ID Number", "ID#", "Policy/Member No.", "Health Plan ID"],
       "acct": ["Acct #", "Account No.", "Guarantor Acct", "HAR", "FIN", "Encounter #", "Visit ID", "CSN"],
       "claim": ["Claim #", "Claim No.", "ICN", "Payer Claim Control #", "TCN"],
       "phone": ["Phone", "Home Phone", "Cell", "Contact #", "Tel", "Best number"],
       "addr": ["Address", "Home Address", "Mailing Address"]}
def L(r, k): return r.choice(LBL[k])
def clin_for(r, o, cred=None): return Clin(r, cred=cred, state=o.state if o else None)
TITLES = ["Patient Access Representative", "RN Care Manager", "Billing Specialist", "Referral Coordinator", "Revenue Cycle Analyst", "Practice Manager", "HIM Specialist", "Clinical Pharmacist",
          "Prior Authorization Coordinator", "Medical Assistant", "Charge Nurse", "Utilization Review RN", "Patient Financial Counselor", "Scheduling Lead", "Social Worker, LCSW", "Intake Coordinator"]
def sigl(r, s, o, title=None, clin=None):
    if clin: return [r.choice(["", "Sincerely,", "Regards,", "Thank you,"]), clin.name(), r.choice([f"{clin.cred.split(',')[0]} - {o.short}", o.name, f"NPI {clin.npi}", o.name])]
    return [r.choice(["Thanks,", "Thank you,", "Best,", "", "Regards,"]), f"{s.given} {s.family}", title or r.choice(TITLES), o.name + (f" | {o.phone}" if r.random() < 0.5 else "")]
def drugs_for(r, p, cs=None, n=3):
    pool = [d for d in DRUGS if not (p.age < 18 and d[0].split()[0] in ("apixaban", "warfarin", "Biktarvy", "buprenorphine/naloxone", "tamsulosin", "semaglutide", "empagliflozin"))]
    if p.sex == "F": pool = [d for d in pool if not d[0].startswith("tamsulosin")]
    return r.sample(pool, n)
def relation(r, p):
    if p.age < 18: return r.choice(["mother", "father", "grandmother", "foster mother", "aunt"])
    if p.age > 58: return r.choice(["daughter", "son", "wife" if p.sex == "M" else "husband", "caregiver", "niece", "home health aide"])
    return r.choice(["wife" if p.sex == "M" else "husband", "partner", "mother", "sister", "roommate"])
def kin(r, p, rel):
    sex = "F" if rel in ("mother", "grandmother", "foster mother", "aunt", "daughter", "wife", "sister", "niece") else "M" if rel in ("father", "son", "husband") else None
    lo, hi = {"mother": (max(p.age + 17, 22), p.age + 42), "father": (max(p.age + 17, 22), p.age + 45), "grandmother": (p.age + 38, p.age + 75), "foster mother": (28, 60), "aunt": (p.age + 12, p.age + 40),
              "daughter": (max(p.age - 42, 18), max(p.age - 18, 19)), "son": (max(p.age - 42, 18), max(p.age - 18, 19)), "niece": (max(p.age - 40, 18), max(p.age - 12, 19))}.get(rel, (max(p.age - 12, 19), p.age + 10))
    k = Person(r, min(lo, 95), min(max(hi, lo), 98), sex=sex, comm=p.comm, state=p.state)
    for _ in range(4):
        if k.given != p.given: break
        k.given = r.choice(NAMES[k.comm][0 if k.sex == "F" else 1])
    if rel in ("mother", "father", "daughter", "son", "grandmother", "sister", "aunt") and r.random() < 0.7: k.family = p.family
    return k
def andlist(xs):
    xs = list(xs)
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]
def cap(t): return t[:1].upper() + t[1:]
def a_age(n): return ("an" if n in (8, 11, 18) or 80 <= n <= 89 else "a") + f" {n}-year-old"
def first_ref(r, p): return r.choice([p.first_last(), p.full(), p.nicked(), p.first_last(), p.full()])
def later_ref(r, p): return r.choice([p.mr(), p.given, p.mr(), p.mr()]) if p.age >= 18 else p.given

# ================================================================== PHI: narrative (no or few field labels)
def P_note(r):
    o = org(r, ("clinic", "fqhc", "hospital", "urgent", "women", "peds", "bh")); p = patient(r, o); c = Case(r, p, outpt=True); cl = clin_for(r, o); d = recent(r, 10)
    ref = first_ref(r, p); lr = later_ref(r, p); ox = other_dx(r, p, 1)[0]; meds = meds_for(r, p, c, [ox])
    open_ = r.choice([f"Saw {ref} today for {c.f('visit')}.", f"{ref} ({p.age}{p.sex}) came in this morning with {p.his()} {relation(r, p)} for {c.f('visit')}.",
                      f"Follow-up visit with {ref}, whom I have followed since {r.randint(2012, 2023)}, for {c.f('visit')}.", f"{lr} returns for {c.f('visit')}.",
                      f"{ref} is {a_age(p.age)} {p.sexword()} with a history of {ox[1].split(',')[0].lower()} seen today for {c.f('visit')}."])
    body = [open_ + " " + c.f("find")[0].upper() + c.f("find")[1:] + ".",
            f"{p.he().capitalize()} is taking {andlist(m[0] for m in meds)}. " + r.choice([f"No new complaints otherwise; appetite is fair and {p.he()} is sleeping about six hours.",
                 f"{p.his().capitalize()} {relation(r, p)} helps with the pill box.", "Reports good adherence except over the holidays.", f"{p.he().capitalize()} quit smoking in {r.randint(2005, 2024)}." if p.age > 30 else "No missed doses per family."]),
            f"Assessment: {c.lay} ({c.code}), {r.choice(['not at goal', 'worse than at the last visit', 'new problem today', 'improving but not resolved'])}. Also {ox[1].split(',')[0].lower()} ({ox[0]}), stable.",
            f"Plan: {c.f('med')}; {c.f('plan')}. " + r.choice([f"Return in {r.randint(2, 8)} weeks.", "Will call with results.", f"Follow up with me after the {c.spec.lower()} visit.", "RTC 1 month, sooner if worse."])]
    if r.random() < 0.5:
        blocks = [("p", x) for x in body] + [("sig", [cl.name(), fd(d, r.choice(["mdy", "m/d/y", "Month d, y"])) + " " + clock(r)])]
        return Doc("clinical-note-nolabel", None, o, blocks, kind="mail", subject=r.choice(["note for chart", "visit note", f"{p.given} - note", "Progress note", "FYI note from today"]), hard=True)
    blocks = [("p", f"Office visit {fd(d, r.choice(['mdy', 'Month d, y', 'm/d/y']))} - {cl.name()}")] + [("p", x) for x in body] + [("small", f"Electronically signed by {cl.name()} on {fd(d, 'mdy')} {clock(r)}")]
    return Doc("clinical-note-nolabel", r.choice(["Progress Note", "Clinic Note", "Office Visit", "Follow-up Note"]), o, blocks, hard=True)

def P_phone_note(r):
    o = org(r, ("clinic", "fqhc", "peds", "women", "oncology", "homehealth", "hospital")); p = patient(r, o); c = Case(r, p, outpt=True); rel = relation(r, p); k = kin(r, p, rel)
    nurse = staffer(r); cl = clin_for(r, o); d = recent(r, 5); t1 = clock(r, True)
    who = first_ref(r, p)
    sym = r.choice([f"{p.he()} has been more tired and short of breath since the weekend", f"{p.his()} {c.lay} medicine ran out on Friday", f"{p.he()} has not been eating and is more confused at night",
                    f"{p.he()} had a fever of 101.4 last night", f"{p.he()} is worried about the results from the {c.test.lower()}", f"{p.he()} fell getting out of the tub but did not hit {p.his()} head"])
    lines = [f"{fd(d, r.choice(['mdy', 'm/d', 'm/d/yy']))} {t1} - {r.choice(['Incoming call', 'Phone call', 'TC', 'Call received'])} from {k.given} {k.family if r.random() < 0.6 else ''}".rstrip() +
             f" ({rel}) about {who}. {k.given} says {sym}.",
             f"Reviewed chart: {c.f('find')}. " + r.choice([f"Last seen by {cl.dr()} on {fd(recent(r, 90), 'm/d/y')}.", f"{p.he().capitalize()} is on {meds_for(r, p, c)[0][0]}.", "No ED visits since last contact."]),
             r.choice([f"Per protocol advised {k.given} to take {p.him()} to urgent care today if no better by 5 pm; call 911 for chest pain or trouble breathing.",
                       f"Message routed to {cl.dr()} for review. Told {k.given} we will call back before end of day at {k.phone}.",
                       f"Refill sent per standing order; {c.f('plan')}.", f"Scheduled with {cl.dr()} on {fd(future(r, 1, 6), 'm/d')} at {clock(r)}. {k.given} agrees with plan."]),
             f"{fd(d, 'm/d')} {(int(t1[:2]) + r.randint(1, 3)) % 24:02d}{t1[2:]} - " + r.choice([f"Called {k.given} back, {c.f('med')} per {cl.dr()}. Verbalized understanding.", f"LVM at {k.phone} to call back re: plan.",
                                                                                             f"Spoke with {p.given} directly; {p.he()} feels a little better and will keep the appointment."])]
    if r.random() < 0.3: lines.insert(1, f"Callback number {k.phone}.")
    sig = [f"- {nurse.given} {nurse.family[0]}." + r.choice([", RN", " RN", ", LPN", ", RN BSN"])]
    return Doc("nurse-triage", r.choice(["Telephone Encounter", "Phone Note", None, None]), o, [("p", x) for x in lines] + [("sig", sig)], kind="mail" if r.random() < 0.6 else "doc",
               subject=r.choice(["phone note", "TE - callback", f"call from {rel}", "Telephone encounter", "please review - phone call"]), hard=True)

def P_care_coord(r):
    o = org(r, ("hospital", "homehealth", "payer", "medicaid", "fqhc", "clinic", "dialysis")); p = patient(r, o, 45, 92); c = Case(r, p); s = staffer(r); to = staffer(r)
    rel = relation(r, p); k = kin(r, p, rel); d = recent(r, 4)
    where = r.choice(["4 West", "the step-down unit", "our observation unit", "the SNF on Hillcrest", f"{ORGS[0].short if o is not ORGS[0] else ORGS[1].short}"])
    paras = [r.choice([f"Hi {to.given},", f"{to.given} -", "Hello team,", f"Good morning {to.given},"]),
             f"Quick update on {first_ref(r, p)}: {p.he()} went home from {where} on {fd(d, r.choice(['m/d', 'Mon d', 'wd']))} after {r.randint(2, 7)} days for {c.lay}. {c.f('find')[0].upper() + c.f('find')[1:]}. Discharge plan was {c.f('med')}.",
             r.choice([f"{p.he().capitalize()} lives alone at {p.street} in {p.city} and does not drive. {p.his().capitalize()} {rel} {k.given} checks on {p.him()} in the evenings; {k.given}'s number is {k.phone}.",
                       f"{p.he().capitalize()} told me {p.he()} cannot afford the copay for {meds_for(r, p, c)[0][0].split()[0]} this month and has been skipping doses.",
                       f"{p.his().capitalize()} {rel} {k.first_last()} is the main contact and asked that we call {k.him()} at {k.phone} rather than the home number."]),
             r.choice([f"Could your team get a home visit in this week and set up {c.f('plan')}?", f"Can you see if there is an earlier {c.spec.lower()} appointment? The first available was {fd(future(r, 25, 60), 'm/d')}.",
                       "Can someone from pharmacy call about the patient assistance program?", f"Please add {p.him()} to the transitional care call list; I already did the 48-hour call."]),
             r.choice(["Thanks so much.", "Let me know what you need from me.", "Appreciate you!", "Thank you."])]
    return Doc("care-coordination", None, o, [("p", x) for x in paras] + [("sig", sigl(r, s, o, r.choice(["RN Care Manager", "Transitions of Care Nurse", "Community Health Worker", "Social Worker, LCSW"]))[1:])],
               kind="mail", subject=r.choice([f"{p.given} {p.family[0]}. - post d/c", "care transition", f"Re: {p.family}", "home visit request", "f/u after discharge"]), hard=True)

def letter_head(r, o, p, es=False, d=None):
    d = d or recent(r, 6)
    return [("p", fd(d, "es" if es else r.choice(["Month d, y", "mdy", "Month d, y", "d Month y"]))), ("addr", [p.first_last() if r.random() < 0.7 else p.full(), p.street, p.addr2()])]
def P_result_letter(r):
    o = org(r, ("clinic", "fqhc", "women", "hospital", "imaging", "lab", "oncology")); p = patient(r, o, 20, 88); c = Case(r, p, need="letter"); cl = clin_for(r, o)
    ld = recent(r, 4); d = ld - dtm.timedelta(days=r.randint(2, 16))
    paras = [f"Dear {r.choice([p.mr(), p.first_last(), p.given])},",
             f"Thank you for coming in on {fd(d, 'Month d, y')} for your {r.choice(['recent testing', 'lab work', 'tests', 'appointment'])}{r.choice(['', ' with ' + cl.dr()])}. " + c.f("letter"),
             r.choice([f"{cl.dr()} recommends the following: {c.f('med')}, and {c.f('plan')}.", f"Next steps: {c.f('plan')}. Our office will call you to schedule.",
                       f"We have sent a referral to {c.spec} and they will contact you within two weeks."]),
             f"If you have any questions, please call us at {o.phone}" + r.choice([" or send a message through the patient portal.", ". After hours, the on-call provider can be reached at the same number.", "."])]
    blocks = letter_head(r, o, p, d=ld) + [("p", x) for x in paras] + [("sig", ["Sincerely,", "", cl.name(), o.name])]
    if r.random() < 0.35: blocks.insert(2, ("p", f"RE: {c.test} results" + (f"   DOB {fd(p.dob, r.choice(DOB_ST))}" if r.random() < 0.5 else "")))
    return Doc("result-letter", r.choice([None, "Results Letter"]), o, blocks, to=p, letter=True, subject=r.choice(["Your test results", "Results from your recent visit", "Letter from your care team", "Your results"]), hard=True)

def P_referral_prose(r):
    o = org(r, ("clinic", "fqhc", "women", "urgent", "peds", "hospital")); p = patient(r, o); c = Case(r, p); cl = clin_for(r, o); spec = clin_for(r, o)
    ox = other_dx(r, p, 2); meds = meds_for(r, p, c, ox); payer = r.choice(PAYERS[:-1])
    paras = [f"Dear Dr. {spec.p.family},",
             f"I am writing to refer {first_ref(r, p)}, {a_age(p.age)} {p.sexword()} born {fd(p.dob, r.choice(['Month d, y', 'mdy', 'd Month y', 'm/d/y']))}, for evaluation of {c.lay}. {c.f('find')[0].upper() + c.f('find')[1:]}.",
             f"{p.his().capitalize()} other problems include {ox[0][1].split(',')[0].lower()} and {ox[1][1].split(',')[0].lower()}. Current medicines are {andlist(m[0] for m in meds)}. " +
             r.choice(["No known drug allergies.", "Allergic to penicillin (hives).", "Sulfa allergy (rash).", "Intolerant of statins (myalgias)."]),
             f"So far we have {c.f('med')}. I would be grateful if you could see {p.him()} " + r.choice(["within the next two weeks", "at your earliest opening", "soon; the family is anxious", "in the next month"]) +
             f". {p.he().capitalize()} can be reached at {p.phone}" + (r.choice([f"; {p.his()} {relation(r, p)} usually answers.", ". Spanish interpreter needed.", "."])),
             r.choice([f"Insurance is {payer}, ID {memid(r)}.", f"{p.he().capitalize()} has {payer}; authorization is pending.", "Recent notes and labs are enclosed."]),
             "Thank you for helping with the care of this patient."]
    blocks = [("p", fd(recent(r, 3), r.choice(["Month d, y", "mdy"]))), ("addr", [spec.name(), f"{r.choice(['Valley', 'Lakeside', 'Summit', 'Riverside', 'Mercy', 'St. Brendan', 'Northgate'])} {c.spec} {r.choice(['Associates', 'Clinic', 'Specialists', 'Group'])}", f"{r.randint(100, 9900)} {r.choice(STREETS)}, {o.city}, {o.state}"])] + [("p", x) for x in paras] + [("sig", ["Sincerely,", cl.name(), o.name, f"Phone {o.phone}  Fax {o.fax}"])]
    return Doc("referral", r.choice(["Referral Letter", None]), o, blocks, subject=r.choice(["Referral", "New referral", f"Referral - {c.spec}"]), hard=True, kind=r.choice(["doc", "doc", "mail"]))

def P_ed_notice(r):
    o = org(r, ("hospital", "urgent")); p = patient(r, o); c = Case(r, p); pcp = clin_for(r, o); edoc = clin_for(r, o, "MD"); d = recent(r, 3)
    dispo = r.choice(["discharged home", "admitted to the hospitalist service", "transferred for a higher level of care", "placed in observation overnight and discharged the next morning"])
    paras = [f"Dear {pcp.dr()},", f"Your patient {r.choice([p.full(), p.first_last(), p.caps()])}{r.choice(['', ' (DOB ' + fd(p.dob, r.choice(DOB_ST)) + ')', ', born ' + fd(p.dob, 'Month d, y') + ','])} was seen in the {o.short} {'Urgent Care' if o.kind == 'urgent' else 'Emergency Department'} on {fd(d, 'Month d, y')} for {c.f('visit')}.",
             f"{c.f('find')[0].upper() + c.f('find')[1:]}. {p.he().capitalize()} was {dispo}. Treatment included {c.f('med')}.",
             f"We recommend follow-up with you within {r.choice(['2-3 days', 'one week', '72 hours'])}; {c.f('plan')}.", f"The full record is available in {o.system} or by fax request to {o.fax}.", f"{edoc.name()}, Emergency Medicine"]
    return Doc("ed-notification", "Emergency Department Visit Notification" if r.random() < 0.6 else None, o, [("p", x) for x in paras], subject=r.choice(["ED visit notification", "Your patient was seen in our ED", "PCP notification"]), hard=True,
               kind=r.choice(["doc", "mail"]))

def P_pharm_note(r):
    o = org(r, ("pharmacy",)); p = patient(r, None, 30, 88); c = Case(r, p); ph = staffer(r); doc_ = clin_for(r, o); d = recent(r, 4)
    drug = r.choice([("fluconazole 150 mg", "warfarin", "a big INR jump"), ("clarithromycin 500 mg", "simvastatin 40 mg", "rhabdomyolysis risk"), ("trimethoprim-sulfamethoxazole DS", "lisinopril and spironolactone", "hyperkalemia"),
                     ("tramadol 50 mg", "sertraline 100 mg", "serotonin syndrome and seizure risk"), ("ciprofloxacin 500 mg", "tizanidine", "severe hypotension")])
    paras = [f"{fd(d, 'mdy')} {clock(r)} - Received a new e-Rx for {drug[0]} for {first_ref(r, p)}{r.choice(['', ' (DOB ' + fd(p.dob, 'mdy') + ')', ', ' + p.street])}. Profile shows {drug[1]}, which is a significant interaction ({drug[2]}).",
             f"Called {doc_.dr()}'s office and spoke with {staffer(r).given}, the nurse. " + r.choice([f"Prescriber changed the order; new Rx received at {clock(r)}.", "They will hold the new medication and call the patient.", "Prescriber aware and wants to continue with closer monitoring; documented."]),
             f"Counseled {p.given} at pickup. {p.he().capitalize()} also mentioned {p.he()} is being treated for {c.lay} and {r.choice(['has a follow-up next week', 'sees a specialist at ' + r.choice(ORGS).short, 'has not started the new medicine yet'])}.",
             f"{ph.given} {ph.family}, PharmD"]
    return Doc("pharmacist-intervention", r.choice(["Pharmacist Intervention Note", None]), o, [("p", x) for x in paras], kind=r.choice(["mail", "doc"]), subject="DUR intervention", hard=True)

def P_portal(r):
    o = org(r, ("clinic", "fqhc", "women", "oncology")); p = patient(r, o, 20, 80); c = Case(r, p, need="letter", outpt=True); cl = clin_for(r, o); ma = staffer(r)
    paras = [f"Hi {p.given},", f"{cl.dr()} reviewed the {c.test.lower()} from {fd(recent(r, 14), r.choice(['m/d', 'Month d, y', 'mdy']))}. {c.f('letter')}",
             r.choice([f"{cl.dr()} would like you to come in to talk about {c.lay}. I have you tentatively scheduled for {fd(wkday(future(r, 2, 12)), 'wd')} at {clock(r)}.", f"Plan: {c.f('med')}. The prescription was sent to your pharmacy on file.",
                       f"{cl.dr()} also placed a referral to {c.spec}."]),
             "Reply to this message or call the clinic if you have questions.", f"{ma.given}, {r.choice(['CMA', 'RN', 'LPN', 'MA'])} for {cl.dr()}"]
    return Doc("portal-message", None, o, [("p", x) for x in paras], kind="mail", to=p, subject=r.choice(["Your recent results", "Message from your care team", f"Re: question about {c.test.lower()}", "Test result follow-up"]), hard=True)

def P_dc_prose(r):
    o = org(r, ("hospital",)); p = patient(r, o, 35, 92); c = Case(r, p, keys=["chf", "afib", "copd", "hip", "cellulitis", "inr", "ckd", "dm", "sz", "stone", "uti", "anemia"]); hosp = clin_for(r, o)
    dday = TODAY - dtm.timedelta(days=r.randint(0, 4)); a = dday - dtm.timedelta(days=r.randint(2, 8)); ox = other_dx(r, p, 2); meds = meds_for(r, p, c, ox)
    blocks = [("kv", [(L(r, "name"), r.choice([p.lfm(), p.caps(), p.full()])), ("Admitted", fd(a, "mdy")), ("Discharged", fd(dday, "mdy")), ("Attending", hosp.name())])] if r.random() < 0.5 else \
             [("p", f"Discharge summary for {p.full()} - admitted {fd(a, 'm/d/y')}, discharged {fd(dday, 'm/d/y')}.")]
    blocks += [("h", "Hospital course"),
               ("p", f"{p.first_last()} is {a_age(p.age)} {p.sexword()} admitted on {fd(a, 'm/d')} with {c.lay} after presenting with {c.f('visit').replace('follow-up of ' + p.his() + ' ', 'poorly controlled ').replace('routine ', '')}. {cap(c.f('find'))}. Management included {c.f('med')}; {p.he()} improved steadily."),
               ("p", r.choice([f"Course was complicated by {r.choice(['delirium on night two', 'acute kidney injury that resolved with fluids', 'a fall without injury', 'hypokalemia'])}. ", ""]) + f"At discharge {p.he()} was {r.choice(['ambulating with a walker', 'at baseline mental status', 'on room air', 'tolerating a regular diet'])}."),
               ("h", "Discharge medications"), ("ul", [f"{m[0]} - {m[1]}" for m in meds]),
               ("h", "Follow-up"), ("p", f"{c.f('plan')[0].upper() + c.f('plan')[1:]}. PCP visit within 7 days. Diagnoses: {c.code} {c.desc}; " + "; ".join(f"{x[0]} {x[1]}" for x in ox) + ".")]
    return Doc("discharge-summary", "Discharge Summary", o, blocks, subject="Discharge summary", hard=True)

def P_cm_outreach(r):
    o = org(r, ("payer", "medicaid")); p = patient(r, None, 30, 85); c = Case(r, p); nurse = staffer(r); d = recent(r, 7)
    mid = memid(r) if o.kind == "payer" else medicaid(r)
    paras = [f"{fd(d, 'mdy')} outreach call, {r.choice(['successful', 'completed on second attempt', 'member called back'])}.",
             f"Spoke with member {p.first_last()} after verifying {p.his()} date of birth and address. {p.he().capitalize()} was recently {r.choice(['in the hospital', 'seen in the ER twice', 'started on a new medicine'])} for {c.lay}; {c.f('find')}.",
             f"Member reports {r.choice(['no transportation to appointments', 'trouble paying for groceries this month', 'that the pharmacy did not have the medication in stock', 'good understanding of the plan'])}. Enrolled in {r.choice(['complex case management', 'the transitions of care program', 'the disease management program for ' + c.lay])}.",
             f"Goals: {c.f('plan')}. Next call {fd(future(r, 7, 21), 'm/d')}. Member ID {mid} noted in {o.system}." if r.random() < 0.6 else f"Goals: {c.f('plan')}. Next call {fd(future(r, 7, 21), 'm/d')}.",
             f"{nurse.given} {nurse.family}, RN, CCM - {o.short} Care Management"]
    return Doc("care-mgmt-outreach", r.choice(["Case Management Note", None]), o, [("p", x) for x in paras], kind=r.choice(["mail", "doc"]), subject="CM outreach note", hard=True)

def P_social_work(r):
    o = org(r, ("hospital", "fqhc", "bh")); p = patient(r, o, 19, 80); c = Case(r, p); sw = staffer(r)
    paras = [f"Met with {first_ref(r, p)} at bedside{r.choice(['', ' with an interpreter (' + r.choice(['Spanish', 'Nepali', 'Somali', 'Vietnamese', 'Haitian Creole']) + ')'])}.",
             f"{p.he().capitalize()} is admitted for {c.lay} and has been staying {r.choice(['with a cousin since losing ' + p.his() + ' apartment in October', 'in ' + p.his() + ' car', 'at the Salvation Army shelter on Main', 'with ' + p.his() + ' adult daughter, who works nights'])}. "
             f"{p.he().capitalize()} reports {r.choice(['skipping meals to afford medications', 'no phone minutes left this month', 'that the gas was shut off last week', 'worry about losing ' + p.his() + ' job'])}.",
             f"Assisted with {r.choice(['a Medicaid application', 'SNAP referral', 'a pharmacy voucher for discharge medications', 'a bus pass and food box'])}. Provided list of {p.city} resources. {p.he().capitalize()} agrees with the plan for {c.f('plan')}.",
             f"{sw.given} {sw.family}, LCSW"]
    return Doc("social-work-note", r.choice(["Social Work Note", None]), o, [("p", x) for x in paras], kind=r.choice(["mail", "doc"]), subject="SW note", hard=True)

def P_billing_prose(r):
    o = org(r, ("billing", "hospital", "clinic", "urgent")); child = r.random() < 0.5; p = patient(r, None, 2 if child else 25, 17 if child else 80); s = staffer(r)
    g = kin(r, p, "mother") if child else p
    inj = r.choice([("a broken wrist", "S52.501A"), ("a cut on the chin that needed stitches", "S01.81XA"), ("an asthma attack", "J45.901"), ("abdominal pain", "R10.31"), ("a concussion", "S06.0X0A")])
    amt = r.uniform(380, 4200); d = recent(r, 80)
    paras = [r.choice(["Hi all,", f"Hi {staffer(r).given},", "Team,"]),
             (f"{g.mr()} called this morning upset about the bill for {p.his()} son's" if False else f"{g.mr() if not child else g.first_last()} called this morning upset about the statement for " + (f"{r.choice(['her', 'their'])} {'son' if p.sex == 'M' else 'daughter'} {p.given}'s" if child else "the") +
              f" ER visit on {fd(d, r.choice(['m/d', 'Month d', 'mdy']))} for {inj[0]}. The balance is {money(amt)}."),
             f"{r.choice(['She', 'The guarantor']) if child else p.he().capitalize()} says {r.choice(['the insurance card was scanned at registration', 'they had Medicaid at the time', 'the visit should have gone to the auto insurance', 'they were told the visit would be covered'])}. "
             f"Looks like the claim denied {r.choice(CARC)[0]} and went to self-pay. Account is {acct(r)}" + (f"; policy holder DOB {fd(g.dob, 'mdy')}." if r.random() < 0.5 else "."),
             r.choice(["Can someone rebill this before it goes to collections?", "I put a 30-day hold on the account. Please advise.", "Could you check eligibility for that date and resubmit?"]),
             f"{s.given}"]
    return Doc("billing-dispute", None, o, [("p", x) for x in paras], kind="mail", subject=r.choice(["billing complaint", "statement question", "please rebill", "account on hold"]), hard=True)

def P_excuse(r):
    o = org(r, ("peds", "clinic", "urgent", "fqhc", "women")); p = patient(r, o, 6, 60); c = Case(r, p, outpt=True); cl = clin_for(r, o); d = recent(r, 3)
    back = d + dtm.timedelta(days=r.randint(1, 5))
    school = p.age < 19
    paras = ["To whom it may concern:" if r.random() < 0.6 else ("Dear school nurse," if school else "Dear supervisor,"),
             f"{p.full() if r.random() < 0.5 else p.first_last()} was seen in our {'clinic' if o.kind != 'urgent' else 'urgent care'} on {fd(d, 'Month d, y')} for {c.lay if r.random() < 0.7 else c.f('visit')}. "
             f"{p.he().capitalize()} may return to {'school' if school else 'work'} on {fd(back, 'Month d, y')}" + r.choice([".", " with no restrictions.", f" with {r.choice(['no lifting over 10 lb', 'no PE for one week', 'breaks as needed', 'elevator pass'])} until {fd(back + dtm.timedelta(days=14), 'm/d')}."]),
             r.choice([f"Please allow {p.him()} to keep {r.choice(['an albuterol inhaler', 'glucose tabs', 'a water bottle', 'an EpiPen'])} and use it as needed.", f"{p.he().capitalize()} is being treated with {c.f('med')}.", ""]),
             "Please call our office with any questions."]
    return Doc("school-form", r.choice(["Return to School Note" if school else "Work Status Note", None]), o, [("p", x) for x in paras if x] + [("sig", [cl.name(), o.name, o.phone])], letter=False, subject="note", hard=True)

def P_tumor_board(r):
    o = org(r, ("oncology", "hospital")); p = patient(r, o, 40, 86); cl = clin_for(r, o)
    ca = r.choice([("a 3.1 cm right upper lobe mass; EBUS biopsy shows adenocarcinoma, PD-L1 60%", "C34.11"), ("newly diagnosed sigmoid adenocarcinoma with two liver lesions on CT", "C18.7"),
                   ("newly diagnosed triple-negative left breast cancer, 2.4 cm, node positive", "C50.912"), ("a pancreatic head mass with a CA 19-9 of 1,140", "C25.0"), ("Gleason 4+4 prostate cancer with a PSA of 28", "C61")])
    if ca[1] == "C50.912" and p.sex == "M": ca = ("newly diagnosed sigmoid adenocarcinoma with two liver lesions on CT", "C18.7")
    if ca[1] == "C61" and p.sex == "F": ca = ("a pancreatic head mass with a CA 19-9 of 1,140", "C25.0")
    paras = [r.choice(["Hi Dr. " + staffer(r).family + ",", "Tumor board coordinators -", "Hi Renee,", "Hello,"]),
             f"Can we add {r.choice([p.first_last(), p.caps(), p.full()])} ({r.choice([L(r, 'mrn') + ' ' + p.mrn, 'DOB ' + fd(p.dob, 'mdy'), str(p.age) + p.sex])}) to {r.choice(['Thursday', 'next Wednesday', 'Friday'])}'s {r.choice(['thoracic', 'GI', 'multidisciplinary', 'breast'])} tumor board? "
             f"{p.he().capitalize()} has {ca[0]}. {r.choice(['Staging PET is done.', 'MRI brain is pending.', 'Surgery has already seen ' + p.him() + '.', 'ECOG 1.'])}",
             r.choice([f"{p.he().capitalize()} prefers to be treated close to home in {p.city}.", f"Family is asking about clinical trials.", "I'd like radiation oncology input before we start chemo."]),
             f"Thanks, {cl.p.given}"]
    return Doc("tumor-board", None, o, [("p", x) for x in paras], kind="mail", subject=r.choice(["add to tumor board", "TB case request", "case for Thursday"]), hard=True)

def P_family_meeting(r):
    o = org(r, ("hospital", "homehealth", "oncology")); p = patient(r, o, 62, 96); c = Case(r, p, keys=["chf", "dementia", "crc", "copd", "hip", "ckd"]); cl = clin_for(r, o); rel = relation(r, p); k = kin(r, p, rel)
    paras = [f"Family meeting {fd(recent(r, 3), 'm/d/y')} regarding {first_ref(r, p)}. Present: {p.his()} {rel} {k.first_last()}, {r.choice(['two grandchildren', 'a family friend', 'the chaplain', 'the unit social worker'])}, and {cl.dr()}.",
             f"We reviewed that {p.he()} has {c.lay} and that {c.f('find')}. The family shared that {p.he()} had said many times {p.he()} would not want to be on machines.",
             f"Decision: code status changed to DNR/DNI. Plan is comfort-focused care with a referral to {r.choice([x.name for x in ORGS if x.kind == 'homehealth'])} for hospice evaluation. {k.given} is the health care agent; best number {k.phone}.",
             f"Total time 45 minutes, more than half in counseling. - {cl.name()}"]
    return Doc("hospice", r.choice(["Goals of Care Note", None]), o, [("p", x) for x in paras], kind=r.choice(["mail", "doc"]), subject="goals of care note", hard=True)

def P_critical(r):
    o = org(r, ("lab", "hospital")); p = patient(r, None, 18, 90); s = staffer(r); rn = staffer(r); cl = clin_for(r, o)
    test = r.choice([("potassium", f"{r.uniform(6.3, 7.1):.1f} mmol/L"), ("glucose", f"{r.randint(32, 44)} mg/dL"), ("hemoglobin", f"{r.uniform(5.6, 6.6):.1f} g/dL"), ("troponin I", f"{r.uniform(2.1, 9.9):.2f} ng/mL"),
                     ("sodium", f"{r.randint(114, 119)} mmol/L"), ("blood culture", "gram-positive cocci in clusters, 1 of 2 bottles")])
    h0, m0 = r.randint(0, 22), r.randint(0, 40); t0 = f"{h0:02d}{m0:02d}"; t1 = f"{h0:02d}{m0 + r.randint(3, 18):02d}"
    paras = [f"Critical result called {fd(recent(r, 2), 'mdy')} at {t0}: {test[0]} {test[1]} on {r.choice([p.caps(), p.lfm(), p.first_last()])}, {r.choice(['accession ' + accession(r), 'collected ' + clock(r, True), 'room ' + str(r.randint(200, 640))])}.",
             f"Read back and verified by {rn.given} {rn.family}, RN on {r.choice(['5 North', '3 East', 'the ICU', 'ED pod C'])}; {cl.dr()} notified by the nurse at {t1}.",
             f"- {s.given} {s.family[0]}., MLS(ASCP)"]
    return Doc("critical-value", None, o, [("p", x) for x in paras], kind="mail", subject=r.choice(["critical call documentation", "crit value log entry", "critical called"]), hard=True)

# ---------- Spanish patient letters
def es_dr(cl): return ("Dra. " if cl.p.sex == "F" else "Dr. ") + cl.p.family
def es_de(cl): return ("de la Dra. " if cl.p.sex == "F" else "del Dr. ") + cl.p.family
ES_SVC = {"osa": ("equipo CPAP", "E0601"), "copd": ("concentrador de oxígeno portátil", "E1390"), "dm": ("monitor continuo de glucosa", "E2103"), "t1dm": ("monitor continuo de glucosa", "E2103"),
          "hip": ("terapia física, 12 sesiones", "97110"), "osteo": ("denosumab 60 mg cada 6 meses", "J0897"), "breast": ("resonancia magnética de mama", "77049"), "nodule": ("tomografía PET-CT", "78815"),
          "anemia": ("colonoscopía", "45380"), "adenoma": ("colonoscopía", "45380"), "dep": ("psicoterapia, 12 sesiones", "90837"), "hcv": ("sofosbuvir/velpatasvir, 12 semanas", "J8499"), "asthma": ("budesonida/formoterol inhalador", "J3490")}
def P_es_result(r):
    o = org(r, ("fqhc", "clinic", "women", "medicaid", "lab")); p = patient(r, o, 20, 85, comm=r.choice(["mex", "centro", "carib"])); c = Case(r, p, need="es"); cl = clin_for(r, o)
    estim = "Estimada" if p.sex == "F" else "Estimado"
    ld = recent(r, 3)
    paras = [f"{estim} {r.choice([p.sra(), p.first_last(), p.given])}:", f"Le escribimos para informarle los resultados de su {r.choice(['análisis', 'estudio', 'prueba'])} del {fd(ld - dtm.timedelta(days=r.randint(2, 15)), 'es')}. {c.s['es'].format(**c.v)}",
             r.choice([f"{'La' if cl.p.sex == 'F' else 'El'} {es_dr(cl)} quiere verle en la clínica en las próximas dos semanas. Por favor llame al {o.phone} para hacer una cita.", f"Le enviamos una referencia a {c.spec_es}; le llamarán para darle una cita.",
                       "Ya mandamos la receta a su farmacia. Si tiene preguntas, llámenos."]),
             r.choice(["Si necesita un intérprete, díganos y se lo proporcionamos sin costo.", "Recuerde traer todos sus medicamentos a su próxima cita.", ""]), "Atentamente,"]
    blocks = [("p", fd(ld, "es")), ("addr", [p.first_last(), p.street, p.addr2()])]
    if r.random() < 0.5: blocks.append(("p", f"Fecha de nacimiento: {fd(p.dob, r.choice(['es/', 'es']))}    Expediente: {p.mrn}"))
    blocks += [("p", x) for x in paras if x] + [("sig", [cl.name(), o.name])]
    return Doc("spanish-lab", r.choice(["Resultados de laboratorio", "Carta de resultados", None]), o, blocks, lang="es", to=p, letter=True, subject=r.choice(["Sus resultados", "Resultados de su prueba", "Carta de su clínica"]), hard=True)
def P_es_appt(r):
    o = org(r, ("fqhc", "clinic", "women", "peds", "hospital", "imaging")); p = patient(r, o, 1, 85, comm=r.choice(["mex", "centro", "carib"])); c = Case(r, p); cl = clin_for(r, o)
    when = wkday(future(r, 3, 30)); estim = "Estimada" if p.sex == "F" else "Estimado"
    motivo = r.choice([f"control de {c.lay_es}", "su examen físico anual", "revisar los resultados de sus análisis", "su ultrasonido", "vacunas"])
    paras = [f"{estim} {p.sra() if p.age >= 18 else 'padre/madre de ' + p.first_last()}:" if r.random() < 0.7 else f"Hola {p.given}:",
             f"Le recordamos que tiene una cita con {es_dr(cl) if cl.cred.startswith(('MD', 'DO')) else cl.name()} el {fd(when, 'eswd')} a las {clock(r)} en {o.name}, {o.street}, para {motivo}.",
             r.choice(["Llegue 15 minutos antes y traiga su tarjeta de seguro y una identificación con foto.", "Por favor no coma ni beba nada después de la medianoche.", "Traiga la cartilla de vacunas del niño.", "Traiga la lista de sus medicamentos."]),
             f"Si no puede venir, llame al {o.phone} por lo menos 24 horas antes."]
    blocks = [("p", fd(recent(r, 2), "es")), ("addr", [p.first_last() if p.age >= 18 else f"A los padres de {p.first_last()}", p.street, p.addr2()])] + [("p", x) for x in paras] + [("sig", ["Atentamente,", f"Departamento de Citas - {o.short}"])]
    if r.random() < 0.4: blocks.insert(2, ("kv", [("Paciente", p.first_last()), ("Fecha de nacimiento", fd(p.dob, "es/")), ("Número de expediente", p.mrn)]))
    return Doc("spanish-appointment", r.choice(["Recordatorio de cita", None]), o, blocks, lang="es", to=p, letter=True, subject=r.choice(["Recordatorio de su cita", "Su cita", "Cita programada"]), hard=True)
def P_es_auth(r):
    o = org(r, ("medicaid", "payer")); p = patient(r, None, 1, 80, comm=r.choice(["mex", "centro", "carib"])); c = Case(r, p); cl = clin_for(r, o)
    svc = ES_SVC.get(c.s["k"], ("consulta con " + c.spec_es, "99204"))
    ok = r.random() < 0.65
    paras = [r.choice(["Estimado(a) afiliado(a):", f"{'Estimada' if p.sex == 'F' else 'Estimado'} {p.sra()}:"]), f"Recibimos la solicitud de su médico, {es_dr(cl) if cl.cred.startswith(('MD', 'DO')) else cl.name()}, para {svc[0]} (código {svc[1]}) por {c.lay_es} ({c.code}).",
             (f"Su solicitud fue APROBADA del {fd(TODAY, 'es/')} al {fd(TODAY + dtm.timedelta(days=90), 'es/')}. Número de autorización: {authno(r)}." if ok else
              f"Su solicitud fue NEGADA porque no se recibió información que muestre que el servicio es médicamente necesario. Usted tiene derecho a apelar dentro de 60 días."),
             f"Si tiene preguntas llame a Servicios para Afiliados al {o.phone} (TTY 711)."]
    blocks = [("p", fd(recent(r, 3), "es")), ("addr", [p.first_last(), p.street, p.addr2()]), ("kv", [("Afiliado", p.first_last()), ("Número de afiliado", medicaid(r) if o.kind == "medicaid" else memid(r)), ("Fecha de nacimiento", fd(p.dob, r.choice(["es/", "es"])))])]
    blocks += [("p", x) for x in paras] + [("sig", ["Atentamente,", f"Departamento de Autorizaciones, {o.name}"])]
    return Doc("spanish-auth", "Aviso de autorización", o, blocks, lang="es", to=p, letter=True, subject="Aviso sobre su solicitud", hard=True)
def P_es_note(r):
    """Spanish message from a bilingual clinic nurse to the patient's e-mail"""
    o = org(r, ("fqhc", "clinic", "women", "peds")); p = patient(r, o, 1, 80, comm=r.choice(["mex", "centro", "carib"])); c = Case(r, p, need="es"); ma = staffer(r); cl = clin_for(r, o)
    paras = [(f"Hola {p.given}," if r.random() < 0.5 else f"Buenas tardes, {p.sra()}:") if p.age >= 18 else f"Hola, mamá de {p.given}:",
             f"Le escribo de parte {es_de(cl)}. {c.s['es'].format(**c.v)}", r.choice(["¿Nos puede llamar mañana para explicarle el plan?", "Ya le mandamos la receta a la farmacia.", f"Le hicimos una cita para el {fd(future(r, 3, 15), 'eswd')} a las {clock(r)}."]),
             f"Saludos,\n{ma.given}, {'asistente médica' if ma.sex == 'F' else 'asistente médico'}"]
    return Doc("spanish-lab", None, o, [("p", x) for x in paras], kind="mail", lang="es", to=p, subject=r.choice(["Sus resultados", "Mensaje de la clínica", "Resultados"]), hard=True)

PHI_NARR = [P_note, P_note, P_phone_note, P_phone_note, P_care_coord, P_care_coord, P_result_letter, P_result_letter, P_referral_prose, P_ed_notice, P_pharm_note, P_portal, P_dc_prose,
            P_cm_outreach, P_social_work, P_billing_prose, P_excuse, P_tumor_board, P_family_meeting, P_critical, P_es_result, P_es_appt, P_es_auth, P_es_note]

# ================================================================== PHI: structured documents
def runhead_for(r, p, o):
    return r.choice([f"{p.caps()}  |  {L(r, 'mrn')} {p.mrn}  |  DOB {fd(p.dob, 'mdy')}", f"Patient: {p.lfm()}   DOB: {fd(p.dob, r.choice(DOB_ST))}", f"{p.first_last()} - {p.mrn} - {fd(p.dob, 'm/d/y')}"])
def P_lab(r):
    o = org(r, ("lab", "hospital", "clinic", "fqhc")); p = patient(r, o); cl = clin_for(r, o); col = recent(r, 6)
    panels = r.sample([k for k in LABS if not (k == "Coag" and p.age < 18)], r.randint(1, 2)); rows = []
    for pn in panels:
        for name, v, flag, unit, ref, loinc in lab_rows(r, pn): rows.append((name, v, flag, unit, ref))
    hdr = r.choice([["Test", "Result", "Flag", "Units", "Reference"], ["Analyte", "Value", "H/L", "Unit", "Ref Range"], ["Component", "Your Value", "Flag", "Units", "Standard Range"]])
    kv = [(L(r, "name"), r.choice([p.lfm(), p.caps(), p.full()])), (L(r, "dob"), dob(r, p)), (L(r, "mrn"), p.mrn), ("Accession", accession(r)), ("Collected", fd(col, "mdy") + " " + clock(r, True)),
          ("Ordering provider", cl.name()), ("Sex", {"F": "Female", "M": "Male"}[p.sex])]
    r.shuffle(kv[2:])
    blocks = [("kv", kv), ("tbl", hdr, rows, {})]
    crit = [x for x in rows if x[2]]
    if crit and r.random() < 0.5: blocks.append(("p", f"{crit[0][0]} {crit[0][2] and 'abnormal'} result reported to {staffer(r).given} {staffer(r).family}, RN at {clock(r, True)} on {fd(col + dtm.timedelta(days=1), 'mdy')}, read back verified."))
    blocks.append(("small", f"Performed at {o.name}, {o.addr()}. CLIA {o.clia}. Medical Director: {clin_for(r, o, 'MD').name()}."))
    return Doc("lab-results", r.choice(["Laboratory Report", "Final Report", "Cumulative Lab Results", "Lab Results"]), o, blocks, runhead=runhead_for(r, p, o) if r.random() < 0.3 else None, subject=r.choice(["Lab results", "Results", "lab report"]))

def P_radiology(r):
    o = org(r, ("imaging", "hospital")); p = patient(r, o, 18, 90); rad = clin_for(r, o, "MD"); refd = clin_for(r, o); d = recent(r, 5)
    ex = r.choice([("CT CHEST WITHOUT CONTRAST", "71250", "Cough, weight loss.", f"{r.randint(6, 15)} mm spiculated nodule in the right upper lobe. No mediastinal adenopathy. Mild centrilobular emphysema.", "Suspicious right upper lobe nodule. PET-CT recommended (Lung-RADS 4B).", "R91.1"),
                  ("MRI LUMBAR SPINE WITHOUT CONTRAST", "72148", "Low back pain radiating to the left leg x 3 months.", "L4-5 left paracentral disc extrusion contacting the traversing left L5 nerve root. Mild facet arthropathy L3-S1.", "L4-5 disc extrusion with left L5 root contact.", "M51.26"),
                  ("US RIGHT UPPER QUADRANT", "76705", "RUQ pain after meals.", "Multiple mobile gallstones up to 1.4 cm. Gallbladder wall 2 mm. CBD 4 mm.", "Cholelithiasis without sonographic evidence of cholecystitis.", "K80.20"),
                  ("CT HEAD WITHOUT CONTRAST", "70450", "Fall on anticoagulation.", "No acute intracranial hemorrhage, mass effect or territorial infarct. Chronic small vessel ischemic change.", "No acute intracranial abnormality.", "W19.XXXA"),
                  ("XR LEFT WRIST 3 VIEWS", "73110", "FOOSH injury.", "Transverse fracture of the distal radial metaphysis with 10 degrees dorsal angulation. Ulnar styloid intact.", "Distal radius fracture.", "S52.502A")])
    blocks = [("kv", [(L(r, "name"), r.choice([p.caps(), p.lfm()])), (L(r, "mrn"), p.mrn), (L(r, "dob"), dob(r, p)), ("Exam date", fd(d, "mdy") + " " + clock(r, True)), ("Ordering", refd.name()), ("Accession", accession(r))]),
              ("h", "EXAM"), ("p", f"{ex[0]} (CPT {ex[1]})"), ("h", "CLINICAL HISTORY"), ("p", ex[2]), ("h", "COMPARISON"), ("p", r.choice(["None.", f"{fd(d - dtm.timedelta(days=r.randint(200, 900)), 'mdy')}."])),
              ("h", "FINDINGS"), ("p", ex[3]), ("h", "IMPRESSION"), ("p", ex[4]), ("small", f"Dictated by {rad.name()} - signed {fd(d, 'mdy')} {clock(r, True)}")]
    return Doc("radiology", r.choice(["Radiology Report", "Diagnostic Imaging Report"]), o, blocks, subject="Imaging report")

def P_pathology(r):
    o = org(r, ("lab", "hospital")); p = patient(r, o, 30, 88); pat = clin_for(r, o, "MD"); d = TODAY - dtm.timedelta(days=r.randint(3, 10))
    spec = r.choice([("A. Colon, sigmoid, polypectomy", "Tubular adenoma. Negative for high-grade dysplasia.", "D12.5"), ("A. Skin, left forearm, shave", "Basal cell carcinoma, nodular type, extending to the deep margin.", "C44.619"),
                     ("A. Prostate, left base, needle core" if p.sex == "M" else "A. Breast, right, 10:00, core biopsy", "Prostatic adenocarcinoma, Gleason 3+4=7 (Grade Group 2), 30% of core." if p.sex == "M" else "Invasive ductal carcinoma, grade 2. ER positive (90%), PR positive (40%), HER2 1+.", "C61" if p.sex == "M" else "C50.911"),
                     ("A. Stomach, antrum, biopsy", "Chronic active gastritis with Helicobacter pylori organisms on IHC.", "K29.50")])
    blocks = [("kv", [(L(r, "name"), p.caps()), (L(r, "dob"), dob(r, p)), (L(r, "mrn"), p.mrn), ("Case #", f"S26-{dg(r, 5)}"), ("Received", fd(d, "mdy")), ("Submitting physician", clin_for(r, o).name())]),
              ("h", "FINAL DIAGNOSIS"), ("p", f"{spec[0]}: {spec[1]}"), ("h", "GROSS DESCRIPTION"), ("p", f"Received in formalin labeled with the patient's name and \"{spec[0][3:].split(',')[0].lower()}\" are {r.randint(1, 4)} tan tissue fragments measuring up to {r.uniform(0.2, 1.4):.1f} cm. Entirely submitted in cassette A1."),
              ("small", f"ICD-10: {spec[2]}. Electronically signed by {pat.name()}, {fd(d + dtm.timedelta(days=2), 'mdy')}.")]
    return Doc("pathology", "Surgical Pathology Report", o, blocks, runhead=runhead_for(r, p, o) if r.random() < 0.4 else None, subject="Path report")

PA_SVC = {"osa": [("CPAP, auto-titrating, with humidifier", "E0601")], "osteo": [("denosumab 60 mg SC every 6 months", "J0897")], "dm": [("semaglutide 1 mg/dose pen", "J3490"), ("continuous glucose monitor", "E2103")],
          "hcv": [("sofosbuvir/velpatasvir 400/100 mg, 12 weeks", "J8499")], "breast": [("MRI breast bilateral w/ and w/o contrast", "77049")], "nodule": [("PET-CT skull base to mid-thigh", "78815")],
          "copd": [("pulmonary rehabilitation, 36 sessions", "G0424")], "hip": [("home physical therapy, 12 visits", "97110")], "dep": [("transcranial magnetic stimulation, 36 sessions", "90868")],
          "crc": [("pegfilgrastim 6 mg", "J2506")], "oud": [("buprenorphine extended-release injection 300 mg", "Q9991")], "ckd": [("AV fistula creation", "36821")], "sz": [("video EEG monitoring, 3 days", "95720")]}
def P_prior_auth(r):
    o = org(r, ("payer", "medicaid", "clinic", "oncology", "pharmacy")); p = patient(r, None, 18, 85); c = Case(r, p, keys=list(PA_SVC)); cl = clin_for(r, o)
    svc = r.choice(PA_SVC.get(c.s["k"], [("office consultation, new patient", "99204")]))
    pairs = [("Member name", p.lfm()), (L(r, "mem"), memid(r)), (L(r, "dob"), dob(r, p)), ("Requesting provider", cl.name()), ("NPI", cl.npi), ("Service", svc[0]), ("HCPCS/CPT", svc[1]),
             ("Diagnosis", f"{c.code} {c.desc}"), ("Request type", r.choice(["Standard", "Expedited (72 h)", "Retro review"])), ("Clinical notes", c.f("find")[0].upper() + c.f("find")[1:] + ".")]
    dec = r.choice(["APPROVED", "APPROVED", "PENDED - additional information requested", "DENIED - step therapy not met"])
    blocks = [("kv", pairs), ("h", "Determination"), ("p", f"{dec}. Reference {authno(r)}" + (f", valid {fd(TODAY, 'mdy')} through {fd(TODAY + dtm.timedelta(days=180), 'mdy')}." if dec.startswith("APPROVED") else ". A peer-to-peer review is available by calling " + o.phone + "."))]
    return Doc("prior-auth", r.choice(["Prior Authorization Request", "Precertification Determination", "PA Request Form"]), o, blocks, subject="PA request")

PRICE = {"99213": 145, "99214": 210, "99215": 295, "99204": 260, "93000": 60, "80053": 48, "83036": 38, "85025": 32, "80061": 55, "84443": 60, "71046": 120, "74177": 1450, "72148": 1350,
         "77067": 260, "45380": 1900, "97110": 85, "90837": 190, "96413": 820, "20610": 240, "36415": 18, "95810": 2400, "G0439": 190, "J0897": 1950, "E0601": 980}
def price(r, code): return float(round(PRICE.get(code, 200) * r.uniform(0.85, 1.35), 2))
def P_claim_followup(r):
    o = org(r, ("billing", "hospital", "clinic", "payer")); p = patient(r, None, 1, 88); c = Case(r, p); s = staffer(r); carc = r.choice(CARC); dos = recent(r, 120); cpt = r.choice(CPT)
    amt = price(r, cpt[0])
    paras = [r.choice(["Hi,", "Hello Provider Services,", f"Hi {staffer(r).given},"]),
             f"Following up on the claim below, which denied {carc[0]} ({carc[1]}). " + r.choice(["We resubmitted with the corrected information on " + fd(recent(r, 20), "m/d") + " and have not seen it reprocess.", "Can you tell us what is missing?", "We believe this was processed in error."])]
    kv = [(L(r, "name"), r.choice([p.lfm(), p.caps(), p.first_last()])), (L(r, "mem"), memid(r)), (L(r, "dob"), fd(p.dob, r.choice(DOB_ST))), (L(r, "claim"), claimno(r)), ("DOS", fd(dos, "mdy")),
          ("CPT / Dx", f"{cpt[0]} / {c.code}"), ("Billed", money(amt)), (L(r, "acct"), acct(r))]
    r.shuffle(kv)
    return Doc("claims", None, o, [("p", x) for x in paras] + [("kv", kv), ("p", r.choice(["Thank you for your help.", "Please call me with the status.", "Reference # from the last call: " + dg(r, 10) + "."])), ("sig", sigl(r, s, o)[1:])],
               kind="mail", subject=r.choice(["claim status", "denied claim follow-up", "Re: claim reprocessing", "Claim question"]))

def P_eligibility(r):
    o = org(r, ("payer", "medicaid", "billing", "clinic", "hospital")); p = patient(r, None, 0, 88); s = staffer(r); plan = r.choice(PAYERS[:-1])
    kv = [("Subscriber", p.lfm()), (L(r, "mem"), memid(r)), (L(r, "dob"), fd(p.dob, r.choice(DOB_ST))), ("Group", group_no(r)), ("Plan", plan), ("Coverage", f"Active {fd(D(2026, 1, 1), 'mdy')} - {fd(D(2026, 12, 31), 'mdy')}"),
          ("PCP on file", clin_for(r, o).name())]
    tbl = [("Office visit", money(r.choice([20, 25, 30, 40])), "n/a"), ("Specialist", money(r.choice([40, 50, 60])), "n/a"), ("Deductible", money(r.choice([1500, 2500, 3000])), money(r.uniform(0, 2500))),
           ("Out-of-pocket max", money(r.choice([6000, 7500, 8700])), money(r.uniform(200, 6000))), ("Imaging (MRI/CT)", "20% after ded.", "PA required")]
    return Doc("eligibility", r.choice(["Eligibility & Benefits Verification", "Benefits Check", "Insurance Verification"]), o,
               [("kv", kv), ("tbl", ["Benefit", "In-network", "Met / Note"], tbl, {}), ("p", f"Verified by {s.given} {s.family[0]}. on {fd(recent(r, 2), 'mdy')} via {r.choice(['Availity', 'payer portal', 'phone, ref ' + dg(r, 8)])} for upcoming visit ({r.choice(['MRI', 'surgery consult', 'new patient visit', 'infusion'])}).")],
               subject="eligibility check")

def P_appt_reminder(r):
    o = org(r, ("clinic", "fqhc", "women", "peds", "imaging", "hospital", "oncology")); p = patient(r, o, 0, 88); cl = clin_for(r, o); when = wkday(future(r, 2, 20))
    W = {"colo": ("colonoscopy", "Nothing to eat after midnight; start the prep at 5 PM the day before."), "mammo": ("mammogram", "Do not wear deodorant or lotion."), "dm": ("follow-up visit for your diabetes", "Please bring your glucose meter."),
         "ob": ("prenatal visit (28 weeks)", "You will have the glucose test; drink the orange drink 1 hour before."), "chemo": ("chemotherapy infusion, cycle 4", "Labs will be drawn 1 hour before."), "sleep": ("sleep study", "Arrive at 8:30 PM with your pajamas."),
         "echo": ("echocardiogram and visit", "Wear a two-piece outfit."), "mri": ("MRI of the lumbar spine", "Remove all metal; tell us if you have a pacemaker."), "fu": ("follow-up visit", "Please bring your medication list."), "hep": ("hepatitis C treatment start visit", "Bring all your pill bottles.")}
    opts = {"women": ["mammo", "ob", "fu"], "imaging": ["mammo", "mri"], "oncology": ["chemo", "fu"], "hospital": ["colo", "mri", "echo"], "clinic": {"Pinemoor Heart": ["echo", "fu"], "Cascade Sleep": ["sleep", "fu"], "Hollins Gate Ortho": ["mri", "fu"]}.get(o.short, ["dm", "fu", "colo"]),
            "fqhc": ["dm", "fu", "hep", "mammo"]}.get(o.kind, ["fu"])
    what = W[r.choice(opts)]
    if p.sex == "M" and what[0] in ("mammogram", "prenatal visit (28 weeks)"): what = W["fu"]
    if p.sex == "F" and what[0] == "prenatal visit (28 weeks)" and not 18 <= p.age <= 43: what = W["fu"]
    if p.age < 5: what = ("well-child check and vaccines", "Bring your child's shot record.")
    paras = [f"Dear {p.first_last() if p.age >= 18 else 'parent/guardian of ' + p.given},", f"This is a reminder of your {what[0]} with {cl.name()} on {fd(when, 'wd')} at {clock(r)} at {o.name}, {o.street}.",
             what[1], f"To cancel or reschedule call {o.phone}. Reply C to confirm."]
    blocks = [("p", x) for x in paras]
    if r.random() < 0.4: blocks.insert(1, ("kv", [(L(r, "name"), p.first_last()), (L(r, "dob"), fd(p.dob, "mdy")), ("Appointment", f"{fd(when, 'mdy')} {clock(r)}")]))
    return Doc("appointment-reminder", None, o, blocks, kind="mail", to=p, subject=r.choice(["Appointment reminder", "Your upcoming appointment", f"Reminder: {what[0].split(' (')[0]}"]))

def P_refill(r):
    o = org(r, ("pharmacy",)); p = patient(r, None, 18, 90); cl = clin_for(r, o); drug = drugs_for(r, p, n=1)[0]
    kv = [(L(r, "name"), r.choice([p.lfm(), p.caps(), f"{p.family}/{p.given}"])), (L(r, "dob"), fd(p.dob, r.choice(DOB_ST))), ("Address", f"{p.street}, {p.addr2()}"), ("Phone", p.phone),
          ("Drug", drug[0]), ("NDC", ndc(r)), ("Sig", drug[1]), ("Qty / Days", f"{r.choice([30, 60, 90, 180])} / {r.choice([30, 90])}"), ("Last fill", fd(recent(r, 60), "mdy")), ("Rx #", rxno(r)), ("Refills remaining", "0")]
    blocks = [("p", f"TO: {cl.name()}   FAX: {phone(r)}"), ("p", f"FROM: {o.name}   PH: {o.phone}   FAX: {o.fax}   NPI {o.npi}"), ("kv", kv),
              ("p", r.choice(["Patient requests 90-day supply.", "Please send a new prescription.", "Patient out of medication. Please respond ASAP.", "Dose change? Last Rx was for a different strength."])),
              ("kv", [("Approved", "___  Refills: ____"), ("Denied", "___  Reason: ______________"), ("Prescriber signature", "______________________"), ("DEA (if CII-V)", "______________")])]
    return Doc("pharmacy-refill", "Refill Authorization Request", o, blocks, subject="Refill request")

def P_cms1500(r):
    o = org(r, ("billing", "clinic", "fqhc")); p = patient(r, None, 18, 88); c = Case(r, p); cl = clin_for(r, o); dos = recent(r, 60); cpts = r.sample(CPT[:12], 2)
    pairs = [("1a INSURED'S ID NUMBER", memid(r) if r.random() < 0.6 else mbi_fmt(p.mbi, False)), ("2 PATIENT'S NAME (Last, First, MI)", p.lfm(True).upper()), ("3 PATIENT'S BIRTH DATE / SEX", f"{fd(p.dob, 'm d y')}  {p.sex}"),
             ("5 PATIENT'S ADDRESS", f"{p.street.upper()}, {p.city.upper()} {p.state} {p.zip}"), ("5 TELEPHONE", p.phone), ("11 INSURED'S POLICY GROUP", group_no(r)), ("21 ICD IND 0  A.", c.code), ("21 B.", other_dx(r, p)[0][0]),
             ("24A DOS", fd(dos, "mdy")), ("24D CPT/HCPCS", f"{cpts[0][0]}  {cpts[1][0]}"), ("24J RENDERING NPI", cl.npi), ("25 FEDERAL TAX I.D.", o.tin), ("26 PATIENT'S ACCOUNT NO.", acct(r)), ("28 TOTAL CHARGE", money(r.uniform(90, 900)))]
    return Doc("cms-1500", r.choice(["CMS-1500 claim data", "HCFA keyed data", "Professional claim (CMS-1500)"]), o, [("kv", pairs), ("small", "Keyed from the scanned paper claim for correction; see item 21.")], subject="1500 correction")

def P_ub04(r):
    o = org(r, ("hospital",)); p = patient(r, None, 30, 92); c = Case(r, p); a = recent(r, 40); dd = a + dtm.timedelta(days=r.randint(2, 6))
    pairs = [("FL 03a PAT CNTL #", acct(r)), ("FL 03b MED REC #", p.mrn), ("FL 04 TYPE OF BILL", r.choice(["0111", "0131", "0121"])), ("FL 06 STATEMENT PERIOD", f"{fd(a, 'mdy8')} - {fd(dd, 'mdy8')}"),
             ("FL 08 PATIENT NAME", p.caps()), ("FL 09 PATIENT ADDRESS", f"{p.street}, {p.city} {p.state} {p.zip}".upper()), ("FL 10 BIRTHDATE", fd(p.dob, "mdy8")), ("FL 11 SEX", p.sex),
             ("FL 50 PAYER", r.choice(PAYERS[:-1])), ("FL 60 INSURED'S UNIQUE ID", mbi_fmt(p.mbi, False) if p.age >= 65 else memid(r)), ("FL 67 PRIN DX", c.code.replace(".", "")), ("FL 76 ATTENDING NPI", clin_for(r, o).npi)]
    return Doc("ub-04", "UB-04 Claim Detail", o, [("kv", pairs), ("tbl", ["Rev", "Description", "Units", "Charges"], [("0120", "Room & board semi-private", (dd - a).days, r.uniform(4000, 12000)), ("0250", "Pharmacy", r.randint(8, 40), r.uniform(300, 4000)),
                                                                                                               ("0300", "Laboratory", r.randint(6, 30), r.uniform(500, 3000)), ("0450", "Emergency room", 1, r.uniform(900, 3200))], {"money": (3,)})], subject="UB-04 detail")

def P_reg_ssn(r):
    o = org(r, ("hospital", "clinic", "billing", "fqhc")); p = patient(r, o); s = staffer(r)
    paras = [r.choice(["Hi HIM,", "Registration team -", "Hi,"]),
             f"Please correct the SSN on {r.choice([p.lfm(), p.caps(), p.first_last()])} ({L(r, 'mrn')} {p.mrn}, DOB {fd(p.dob, r.choice(DOB_ST))}). It was registered as {ssn_fmt(ssn_raw(r), 'd')} but the card the patient showed at the {r.choice(['ED', 'clinic', 'lab'])} visit on {fd(recent(r, 10), 'm/d')} reads {ssn_fmt(p.ssn_raw, r.choice(['d', 'd', 's', 'n']))}.",
             r.choice(["The claim to Medicaid rejected for the mismatch.", "This is holding up the charity-care application.", "Insurance will not pay until it matches."]), s.given]
    return Doc("registration-ssn", None, o, [("p", x) for x in paras], kind="mail", subject=r.choice(["SSN correction", "registration fix", "demographic correction"]))

def P_mrn_merge(r):
    o = org(r, ("hospital", "clinic", "lab")); p = patient(r, o); s = staffer(r); m2 = mrn(r)
    paras = [f"Possible duplicate found during {r.choice(['ED registration', 'lab order entry', 'the weekly EMPI report'])}:",
             f"{p.caps()}  DOB {fd(p.dob, 'mdy')}  {L(r, 'mrn')} {p.mrn}\n{p.caps()}{r.choice(['', ' ' + (p.middle or 'X')[0]])}  DOB {fd(p.dob, 'mdy')}  {L(r, 'mrn')} {m2}",
             f"Same address ({p.street}) and phone. The second record has {r.choice(['a ' + r.choice(['CBC', 'chest x-ray', 'pregnancy test', 'flu swab']) + ' result', 'two clinic visits', 'an allergy to penicillin that the first does not'])}. Please review and merge into {p.mrn} if appropriate.",
             f"{s.given} {s.family}, HIM Data Integrity"]
    return Doc("mrn-merge", None, o, [("p", x) for x in paras], kind="mail", subject="duplicate MRN review")

def P_member_dob(r):
    o = org(r, ("payer", "medicaid", "billing", "pharmacy")); p = patient(r, None, 1, 88); s = staffer(r)
    paras = [r.choice(["Hi,", "Good afternoon,", "Hello Provider Relations,"]),
             f"{r.choice(['Can you confirm', 'Please check', 'We need'])} the PA status for member {memid(r) if o.kind != 'medicaid' else medicaid(r)}, DOB {fd(p.dob, r.choice(DOB_ST))}. " + r.choice(["Pharmacy is getting a 75 reject.", "The auth number we have is not found.", "The member is at the counter."]),
             s.given]
    return Doc("member-id-dob", None, o, [("p", x) for x in paras], kind="mail", subject=r.choice(["PA status", "member question", "auth check"]))

def P_roi(r):
    o = org(r, ("hospital", "clinic", "bh")); p = patient(r, None, 18, 80); s = staffer(r); law = f"{r.choice(['Whitcomb', 'Delgado', 'Farrow', 'Ashby'])} & {r.choice(['Pryor', 'Lund', 'Castellanos', 'Merritt'])}, PLLC"
    kv = [(L(r, "name"), p.lfm()), (L(r, "dob"), fd(p.dob, r.choice(DOB_ST))), ("SSN", ssn_fmt(p.ssn_raw, r.choice(["d", "m", "d"]))), ("Dates of service", f"{fd(recent(r, 400), 'mdy')} - present"),
          ("Records requested", r.choice(["ED records, imaging, billing", "All records including behavioral health (separate authorization attached)", "Office notes and PT notes"])), ("Requestor", law), ("Purpose", r.choice(["Personal injury claim", "Disability application", "Litigation"]))]
    return Doc("release-of-information", r.choice(["Release of Information Request", "ROI Log Entry"]), o, [("kv", kv), ("p", f"HIPAA-compliant authorization signed by the patient on {fd(recent(r, 30), 'mdy')} is attached. Invoice per state copy fee schedule.")], subject="ROI request")

def P_denial_letter(r):
    o = org(r, ("payer", "medicaid")); p = patient(r, None, 18, 85); c = Case(r, p); md = clin_for(r, o, "MD")
    svc = r.choice(["an inpatient stay", "MRI of the lumbar spine", "continuous glucose monitor", "brand-name Humira", "12 additional physical therapy visits"])
    paras = [f"Dear {p.first_last()},", f"We reviewed the request from your provider for {svc} for {c.lay}. We cannot approve it.",
             f"Reason: {r.choice(['The information we received does not show that you tried and failed the required first-line treatment.', 'Your records do not meet our medical policy criteria (MP-' + dg(r, 3) + ').', 'This service is not a covered benefit under your plan.'])}",
             f"You or your provider may appeal within {r.choice([60, 180])} days. Call Member Services at {o.phone} (TTY 711). This decision was made by {md.name()}, Medical Director."]
    blocks = letter_head(r, o, p) + [("kv", [("Member", p.first_last()), (L(r, "mem"), memid(r)), ("Reference", authno(r)), ("Date of request", fd(recent(r, 14), "mdy"))])] + [("p", x) for x in paras]
    return Doc("denial-letter", "Notice of Adverse Benefit Determination", o, blocks, to=p, letter=True, subject="Notice about your request")

def P_transfer(r):
    o = org(r, ("hospital", "urgent")); p = patient(r, o, 18, 90); c = Case(r, p, keys=["chf", "afib", "copd", "hip", "cellulitis", "inr", "sz", "stone", "t1dm", "nodule"]); cl = clin_for(r, o)
    kv = [(L(r, "name"), r.choice([p.caps(), p.lfm()])), ("Age/Sex", f"{p.age}{p.sex}"), (L(r, "dob"), fd(p.dob, "mdy")), ("Sending facility", o.name), ("Sending MD", cl.name()), ("Diagnosis", f"{c.desc} ({c.code})"),
          ("Reason for transfer", r.choice([f"Needs {c.spec.lower()} - not available here", "No ICU bed", "Higher level of care", f"{c.spec} consult requested by family"])), ("Vitals", f"BP {r.randint(90, 170)}/{r.randint(50, 100)} HR {r.randint(60, 130)} SpO2 {r.randint(88, 99)}%"),
          ("Insurance", r.choice(PAYERS)), ("Accepting", "pending")]
    return Doc("transfer-request", r.choice(["Transfer Center Request", "Interfacility Transfer"]), o, [("kv", kv), ("p", c.f("find")[0].upper() + c.f("find")[1:] + ".")], subject="transfer request")

def P_immun(r):
    o = org(r, ("peds", "fqhc", "clinic")); p = patient(r, o, 0, 17) if o.kind != "peds" else patient(r, o); par = kin(r, p, r.choice(["mother", "father"]))
    vacc = [("DTaP", "90700"), ("IPV", "90713"), ("MMR", "90707"), ("Varicella", "90716"), ("Hep B", "90744"), ("Hib", "90648"), ("PCV20", "90677"), ("Hep A", "90633"), ("Tdap", "90715"), ("HPV9", "90651"), ("MenACWY", "90734"), ("Influenza", "90686")]
    rows = []
    for v in r.sample(vacc, r.randint(5, 9)):
        d = p.dob + dtm.timedelta(days=r.randint(60, max(61, (TODAY - p.dob).days)))
        rows.append((v[0], v[1], d, f"{r.choice('ABCUX')}{dg(r, 3)}{r.choice('AB')}{dg(r, 2)}", r.choice(["L deltoid", "R thigh", "L thigh", "R deltoid"])))
    rows.sort(key=lambda x: x[2])
    return Doc("immunization", r.choice(["Immunization Record", "Certificate of Immunization"]), o, [("kv", [("Child", p.full()), (L(r, "dob"), fd(p.dob, "mdy")), ("Parent/guardian", par.first_last()), ("Address", f"{p.street}, {p.addr2()}")]),
                                                                                             ("tbl", ["Vaccine", "CPT", "Date given", "Lot", "Site"], rows, {}), ("small", "Record from the state immunization registry and clinic chart. Valid for school and child care entry.")], subject="shot record")

def P_avs(r):
    o = org(r, ("clinic", "fqhc", "urgent", "women")); p = patient(r, o); c = Case(r, p, outpt=True); cl = clin_for(r, o); ox = other_dx(r, p, 1); meds = meds_for(r, p, c, ox)
    blocks = [("p", f"{p.first_last()}, thank you for visiting {cl.name()} on {fd(recent(r, 2), 'Month d, y')}."), ("h", "Today's diagnoses"), ("ul", [f"{c.desc} ({c.code})"] + [f"{x[1]} ({x[0]})" for x in ox]),
              ("h", "Changes to your medicines"), ("p", c.f("med")[0].upper() + c.f("med")[1:] + "."), ("h", "Your medicine list"), ("tbl", ["Medicine", "How to take"], [(m[0], m[1]) for m in meds], {}),
              ("h", "Next steps"), ("p", c.f("plan")[0].upper() + c.f("plan")[1:] + "."), ("small", f"{L(r, 'mrn')}: {p.mrn}   DOB: {fd(p.dob, 'mdy')}")]
    return Doc("visit-summary", "After Visit Summary", o, blocks, to=p, subject="Your After Visit Summary")

def P_statement(r):
    o = org(r, ("hospital", "clinic", "billing", "imaging")); p = patient(r, None, 18, 85); c = Case(r, p); rows = []; ld = recent(r, 3)
    for _ in range(r.randint(3, 6)):
        cpt = r.choice(CPT); rows.append((recent(r, 120) - dtm.timedelta(days=10), cpt[0], cpt[1], price(r, cpt[0])))
    rows.sort(key=lambda x: x[0]); bal = sum(x[3] for x in rows) * r.uniform(0.1, 0.4)
    blocks = letter_head(r, o, p, d=ld) + [("kv", [("Guarantor", p.first_last()), (L(r, "acct"), acct(r)), ("Statement date", fd(ld, "mdy")), ("Amount due", money(bal)), ("Due by", fd(TODAY + dtm.timedelta(days=25), "mdy"))]),
                                     ("tbl", ["Date", "Code", "Description", "Charge"], rows, {"money": (3,)}), ("p", f"Insurance has processed these charges ({c.code}). The balance is your responsibility. Payment plans and financial assistance are available: {o.phone}.")]
    return Doc("patient-statement", "Patient Statement", o, blocks, to=p, letter=True, subject="Your statement")

def P_workcomp(r):
    o = org(r, ("clinic", "urgent")); p = patient(r, None, 20, 64); cl = clin_for(r, o); inj = r.choice([("S61.412A", "laceration of left hand", "no use of left hand"), ("S39.012A", "lumbar strain", "no lifting over 15 lb, no bending"), ("S93.401A", "right ankle sprain", "seated work only")])
    emp = r.choice(["Tri-County Poultry", "Ridgeline Logistics", "Hanover Concrete", "Sunset Senior Living", "Bluebird Transit"])
    kv = [("Employee", p.lfm()), ("SSN", ssn_fmt(p.ssn_raw, r.choice(["d", "m"]))), (L(r, "dob"), fd(p.dob, "mdy")), ("Employer", emp), ("Claim #", f"WC{dg(r, 8)}"), ("Date of injury", fd(recent(r, 30), "mdy")),
          ("Diagnosis", f"{inj[0]} {inj[1]}"), ("Work status", r.choice(["Modified duty", "Off work", "Full duty"])), ("Restrictions", inj[2]), ("Next visit", fd(future(r, 5, 14), "mdy"))]
    return Doc("workers-comp", "Work Status Report", o, [("kv", kv), ("sig", [cl.name(), o.name])], subject="work status")

def P_home_health(r):
    o = org(r, ("homehealth",)); p = patient(r, None, 66, 95); c = Case(r, p); rn = staffer(r)
    kv = [(L(r, "name"), p.lfm()), ("MBI", mbi_fmt(p.mbi, r.random() < 0.5)), (L(r, "dob"), fd(p.dob, "mdy")), ("Visit", f"{fd(recent(r, 3), 'mdy')} {clock(r)} SN"), ("Primary dx", f"{c.code} {c.desc}"),
          ("Vitals", f"BP {r.randint(100, 160)}/{r.randint(55, 95)}, P {r.randint(56, 104)}, wt {r.randint(110, 240)} lb")]
    return Doc("home-health", r.choice(["Skilled Nursing Visit Note", "Home Health Visit"]), o, [("kv", kv), ("p", f"{c.f('find')[0].upper() + c.f('find')[1:]}. Teaching done on {c.lay} and medication schedule. {c.f('plan')[0].upper() + c.f('plan')[1:]}."), ("sig", [f"{rn.given} {rn.family}, RN"])], subject="visit note")

PHI_FORM = [P_lab, P_lab, P_radiology, P_pathology, P_prior_auth, P_claim_followup, P_eligibility, P_appt_reminder, P_refill, P_cms1500, P_ub04, P_reg_ssn, P_mrn_merge, P_member_dob, P_roi, P_denial_letter,
            P_transfer, P_immun, P_avs, P_statement, P_workcomp, P_home_health]

# ================================================================== PHI: interchange snippets
def hts(d, r, t=True): return d.strftime("%Y%m%d") + (f"{r.randint(6, 22):02d}{r.randint(0, 59):02d}" if t else "")
def msh(r, o, typ, ctl=None, proc="P"):
    return f"MSH|^~\\&|{o.system.upper().replace(' ', '_')}|{o.short.upper().replace(' ', '')[:10]}|{r.choice(['HIE', 'RHAPSODY', 'CLOVERLEAF', 'MIRTH'])}|{r.choice(['STATEHIE', 'LAB', 'PAYER'])}|{hts(TODAY, r)}||{typ}|{ctl or dg(r, 9)}|{proc}|2.5.1"
def pid(r, p, ssn_in=False):
    ad = f"{p.street}^^{p.city}^{p.state}^{p.zip}"
    return f"PID|1||{p.mrn}^^^{r.choice(['MRN', 'MR', 'PI'])}~{dg(r, 9)}^^^EMPI||{p.hl7()}||{hts(p.dob, r, False)}|{p.sex}|||{ad}||{re.sub(r'[^0-9]', '', p.phone)[-10:]}|||||{acct(r).replace(' ', '')}|{ssn_fmt(p.ssn_raw, 'd') if ssn_in else ''}"
def wrap_hl7(r, seg, intro):
    return [("p", intro), ("pre", "\n".join(seg))]
def R_adt(r):
    o = org(r, ("hospital",)); p = patient(r, o); c = Case(r, p); ev = r.choice(["A01", "A03", "A04", "A08"]); cl = clin_for(r, o)
    seg = [msh(r, o, f"ADT^{ev}^ADT_A01"), f"EVN|{ev}|{hts(recent(r, 1), r)}", pid(r, p, r.random() < 0.3),
           f"PV1|1|{r.choice(['I', 'E', 'O'])}|{r.choice(['4W', 'ICU', 'ED', 'MS3'])}^{r.randint(401, 460)}^{r.choice('AB')}|||{cl.npi}^{cl.p.family.upper()}^{cl.p.given.upper()}|||||||||||{fin(r)}",
           f"DG1|1||{c.code}^{c.desc}^I10||{hts(recent(r, 1), r)}|A", f"IN1|1|{dg(r, 5)}|{dg(r, 6)}|{r.choice(PAYERS[:-1])}|||||||||||||||||||||||||||||||||||{memid(r)}"]
    return Doc("hl7-adt", None, o, wrap_hl7(r, seg, r.choice(["This ADT is stuck in the error queue (PV1-19 duplicate). Raw message below:", "Interface message from last night, please check the insurance mapping:", "Sample from production for the ticket:"])),
               kind="raw", subject=r.choice(["ADT error queue", "interface issue - ADT", "HL7 message for review"]))
def R_oru(r):
    o = org(r, ("lab", "hospital")); p = patient(r, o); cl = clin_for(r, o); pn = r.choice(["BMP", "CBC", "Lipid", "Thyroid"]); rows = lab_rows(r, pn); when = recent(r, 3)
    seg = [msh(r, o, "ORU^R01^ORU_R01"), pid(r, p), f"ORC|RE|{dg(r, 8)}|{accession(r)}", f"OBR|1|{dg(r, 8)}|{accession(r)}|{r.choice(['80048^BMP', '85025^CBC', '80061^LIPID', '84443^TSH'])}^CPT|||{hts(when, r)}|||||||||{cl.npi}^{cl.p.family.upper()}^{cl.p.given.upper()}||||||{hts(when, r)}||CH|F"]
    for i, (name, v, flag, unit, ref, loinc) in enumerate(rows, 1): seg.append(f"OBX|{i}|NM|{loinc}^{name}^LN||{v}|{unit}|{ref}|{flag}|||F|||{hts(when, r)}")
    return Doc("hl7-oru", None, o, wrap_hl7(r, seg, r.choice(["Results for this patient did not file to the chart - ORU below.", "Can you tell me why OBX-8 is blank on some of these?", "Resending the result message:"])), kind="raw", subject=r.choice(["ORU not filing", "results interface", "HL7 ORU"]))
def R_vxu(r):
    o = org(r, ("peds", "fqhc", "pharmacy")); p = patient(r, o, 0, 17) if o.kind != "pharmacy" else patient(r, o, 18, 80); par = kin(r, p, "mother"); d = recent(r, 5)
    v = r.choice([("141", "Influenza, seasonal, injectable", "90686"), ("03", "MMR", "90707"), ("21", "varicella", "90716"), ("115", "Tdap", "90715"), ("213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION", "91318")])
    seg = [msh(r, o, "VXU^V04^VXU_V04"), pid(r, p), f"PD1|||||||||||02^Reminder/Recall - any method^HL70215", f"NK1|1|{par.hl7()}|MTH^Mother^HL70063", f"ORC|RE||{dg(r, 8)}",
           f"RXA|0|1|{hts(d, r)}||{v[0]}^{v[1]}^CVX|0.5|mL^mL^UCUM||00^New Record^NIP001||||||{r.choice('ABCUX')}{dg(r, 4)}{r.choice('AB')}|{fd(future(r, 90, 400), 'ymd8')}|{r.choice(['SKB^GlaxoSmithKline', 'MSD^Merck', 'PMC^Sanofi Pasteur', 'PFR^Pfizer'])}^MVX|||CP|A"]
    return Doc("hl7-vxu", None, o, wrap_hl7(r, seg, "Registry rejected this VXU (invalid NK1). Can you look at the segment below?"), kind="raw", subject="IIS rejection")
def isa(r, snd, rcv, gs):
    return f"ISA*00*          *00*          *ZZ*{snd[:15].ljust(15)}*ZZ*{rcv[:15].ljust(15)}*{TODAY:%y%m%d}*{r.randint(0, 23):02d}{r.randint(0, 59):02d}*^*00501*{dg(r, 9)}*0*P*:~GS*{gs}*{snd[:15]}*{rcv[:15]}*{TODAY:%Y%m%d}*{r.randint(1000, 2359)}*{r.randint(1, 9999)}*X*005010X222A1~"
def R_837(r):
    o = org(r, ("billing", "clinic", "fqhc")); p = patient(r, None, 18, 88); c = Case(r, p); cl = clin_for(r, o); cpt = r.choice(CPT[:12]); amt = r.uniform(90, 600); dos = recent(r, 45)
    mid = memid(r).replace(" ", "")
    seg = [isa(r, o.short.upper().replace(" ", ""), "APEXEDI", "HC"), f"ST*837*{dg(r, 4)}*005010X222A1~", f"BHT*0019*00*{dg(r, 9)}*{TODAY:%Y%m%d}*1200*CH~", f"NM1*85*2*{o.name.upper()}*****XX*{o.npi}~", f"REF*EI*{o.tin.replace('-', '')}~",
           f"HL*2*1*22*0~", f"SBR*P*18*{group_no(r)}******CI~", f"NM1*IL*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}*{p.mi()}***MI*{mid}~", f"N3*{p.street.upper()}~", f"N4*{p.city.upper()}*{p.state}*{p.zip.split('-')[0]}~",
           f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"CLM*{acct(r).replace(' ', '')}*{amt:.2f}***11:B:1*Y*A*Y*Y~", f"HI*ABK:{c.code.replace('.', '')}~", f"NM1*82*1*{cl.p.family.upper()}*{cl.p.given.upper()}****XX*{cl.npi}~",
           f"LX*1~", f"SV1*HC:{cpt[0]}*{amt:.2f}*UN*1***1~", f"DTP*472*D8*{dos:%Y%m%d}~", f"SE*{r.randint(20, 40)}*{dg(r, 4)}~"]
    return Doc("x12-837", None, o, [("p", r.choice(["Clearinghouse rejected the claim below (2010BA). Segment dump:", "Here is the 837 for the claim that keeps rejecting:", "837P for the corrected claim:"])), ("pre", "\n".join(seg))], kind="raw", subject="837 rejection")
def R_835(r):
    o = org(r, ("payer", "billing")); s = staffer(r); seg = [isa(r, "PRAIRIESHIELD", "LEDGERLINE", "HP").replace("005010X222A1", "005010X221A1"), f"ST*835*{dg(r, 4)}~", f"BPR*I*{r.uniform(200, 9000):.2f}*C*ACH*CCP*01*{dg(r, 9)}*DA*{dg(r, 10)}*{dg(r, 10)}**01*{dg(r, 9)}*DA*{dg(r, 8)}*{TODAY:%Y%m%d}~",
           f"TRN*1*{dg(r, 10)}*1{dg(r, 9)}~"]
    for _ in range(r.randint(2, 4)):
        p = patient(r, None, 18, 88); bill = r.uniform(100, 2400); paid = bill * r.uniform(0, 0.7); carc = r.choice(CARC)
        seg += [f"CLP*{acct(r).replace(' ', '')}*{r.choice(['1', '1', '4', '22'])}*{bill:.2f}*{paid:.2f}*{bill * 0.1:.2f}*12*{claimno(r)}*11*1~", f"CAS*{carc[0].split('-')[0]}*{carc[0].split('-')[1]}*{bill - paid - bill * 0.1:.2f}~",
                f"NM1*QC*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}****MI*{memid(r).replace(' ', '')}~", f"DTM*232*{recent(r, 90):%Y%m%d}~"]
    seg.append(f"SE*{len(seg) + 1}*{dg(r, 4)}~")
    return Doc("x12-835", None, o, [("p", f"Remit attached below for the posting team; the second CLP looks underpaid. - {s.given}"), ("pre", "\n".join(seg))], kind="raw", subject="835 question")
def R_271(r):
    o = org(r, ("payer", "medicaid", "billing")); p = patient(r, None, 1, 88); mid = memid(r).replace(" ", "")
    seg = [isa(r, "RIOBRAVO", "HARBORLIGHT", "HB").replace("005010X222A1", "005010X279A1"), f"ST*271*{dg(r, 4)}*005010X279A1~", f"BHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*{clock(r, True)}~",
           f"NM1*PR*2*{o.name.upper()}*****PI*{dg(r, 5)}~", f"NM1*IL*1*{ascii_fold(p.family).upper()}*{ascii_fold(p.given).upper()}****MI*{mid}~", f"N3*{p.street.upper()}~", f"N4*{p.city.upper()}*{p.state}*{p.zip.split('-')[0]}~",
           f"DMG*D8*{p.dob:%Y%m%d}*{p.sex}~", f"EB*1*IND*30**{r.choice(['HMO', 'MEDICAID MANAGED CARE', 'PPO'])}~", f"EB*B*IND*98***27*{r.choice([20, 25, 0])}~", f"MSG*{r.choice(['PCP ASSIGNMENT REQUIRED', 'MEMBER IN CARE MANAGEMENT - DIABETES', 'PRIOR AUTH REQUIRED FOR IMAGING'])}~", "SE*12*0001~"]
    return Doc("x12-271", None, o, [("p", "Raw 271 response for the member we discussed:"), ("pre", "\n".join(seg))], kind="raw", subject="271 response")
def R_fhir_json(r):
    o = org(r, ("hospital", "clinic", "lab", "fqhc")); p = patient(r, o); c = Case(r, p); pn = r.choice(["BMP", "Diabetes", "Thyroid"]); row = lab_rows(r, pn)[0]
    pid_ = f"pt-{dg(r, 6)}"
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": pid_, "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{dg(r, 4)}.1", "type": {"text": "MRN"}, "value": p.mrn}],
                      "name": [{"family": p.family, "given": [p.given] + ([p.middle] if p.middle and len(p.middle) > 1 else [])}], "gender": {"F": "female", "M": "male"}[p.sex], "birthDate": p.dob.isoformat(),
                      "address": [{"line": [p.street], "city": p.city, "state": p.state, "postalCode": p.zip}], "telecom": [{"system": "phone", "value": p.phone}]}},
        {"resource": {"resourceType": "Condition", "subject": {"reference": f"Patient/{pid_}"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c.code, "display": c.desc}]}, "clinicalStatus": {"text": "active"}}},
        {"resource": {"resourceType": "Observation", "status": "final", "subject": {"reference": f"Patient/{pid_}"}, "code": {"coding": [{"system": "http://loinc.org", "code": row[5], "display": row[0]}]},
                      "valueQuantity": {"value": float(row[1]), "unit": row[3]}, "effectiveDateTime": recent(r, 5).isoformat()}}]}
    return Doc("fhir-json", None, o, [("p", r.choice(["Payload from the failed POST to the HIE endpoint (422):", "Bundle we are sending for the pilot - does this look right?", "FHIR bundle for ticket review:"])), ("pre", json.dumps(bundle, indent=2, ensure_ascii=False))],
               kind="raw", subject="FHIR bundle")
def R_fhir_xml(r):
    o = org(r, ("hospital", "clinic")); p = patient(r, o); ai = r.choice([("penicillin", "hives"), ("sulfamethoxazole", "rash"), ("shellfish", "anaphylaxis"), ("lisinopril", "angioedema")])
    x = f"""<Patient xmlns="http://hl7.org/fhir">
  <identifier><system value="http://{o.dom}/mrn"/><value value="{p.mrn}"/></identifier>
  <identifier><system value="http://hl7.org/fhir/sid/us-ssn"/><value value="{ssn_fmt(p.ssn_raw, 'n')}"/></identifier>
  <name><family value="{hx(p.family)}"/><given value="{hx(p.given)}"/></name>
  <gender value="{ {'F': 'female', 'M': 'male'}[p.sex] }"/>
  <birthDate value="{p.dob.isoformat()}"/>
</Patient>
<AllergyIntolerance xmlns="http://hl7.org/fhir">
  <code><text value="{ai[0]}"/></code>
  <patient><display value="{hx(p.first_last())}"/></patient>
  <reaction><manifestation><text value="{ai[1]}"/></manifestation></reaction>
</AllergyIntolerance>"""
    return Doc("fhir-xml", None, o, [("p", "XML from the allergy feed that failed validation:"), ("pre", x)], kind="raw", subject="FHIR XML validation")
PHI_RAW = [R_adt, R_oru, R_vxu, R_837, R_835, R_271, R_fhir_json, R_fhir_xml]

# ================================================================== PHI: patient lists / worklists (deliberately odd column headers)
def pts(r, n, o=None, a=18, b=90, **kw): return [patient(r, o, a, b, **kw) for _ in range(n)]
def nm(r, style):
    return {0: lambda p: p.lfm(), 1: lambda p: p.caps(), 2: lambda p: p.first_last(), 3: lambda p: f"{ascii_fold(p.family).upper()},{ascii_fold(p.given).upper()}", 4: lambda p: f"{p.family}, {p.given}"}[style]
def HDR(r, *alts): return [r.choice(a) if isinstance(a, (list, tuple)) else a for a in alts]
def listdoc(cat, title, o, intro, hdr, rows, opts=None, land=None, hard=True):
    blocks = ([("p", intro)] if intro else []) + [("tbl", hdr, rows, opts or {})]
    return Doc(cat, title, o, blocks, kind="list", land=land if land is not None else len(hdr) > 7, hard=hard and len(rows) <= 9)   # "hard": a short worklist
def n_rows(r, lo=5, hi=14): return r.randint(lo, hi)

def Lp_census(r):
    o = org(r, ("hospital",)); ps = pts(r, n_rows(r, 8, 18), o, 19, 96); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Rm", "Bed", "Loc"], ["Pt", "Patient", "Who"], ["Born", "DOB", "BD"], ["Attg", "Attending", "MD"], ["Working dx", "Why here", "Problem"], ["Code", "Code status"], ["LOS", "Days"], ["Dispo", "Plan/barrier"])
    rows = []
    for p in ps:
        c = Case(r, p, keys=["chf", "afib", "copd", "hip", "cellulitis", "inr", "ckd", "dm", "sz", "stone", "uti", "anemia", "dep", "crc", "dementia"])
        rows.append((f"{r.choice(['4W', '5N', '3E', 'ICU'])}-{r.randint(1, 36):02d}{r.choice('AB')}", f(p), p.dob, clin_for(r, o).short(), c.lay, r.choice(["Full", "Full", "DNR", "DNR/DNI", "Limited"]), r.randint(1, 14),
                     r.choice(["SNF auth pending", "home w/ HH", "needs PT eval", "awaiting echo", "IV abx", "placement", "d/c AM"])))
    return listdoc("census", r.choice(["Unit census", "Midnight census", "Huddle list", "Bed board - patients"]), o, r.choice(["For 0700 huddle.", "", "Please do not forward outside the unit."]), hdr, rows, land=True)
def Lp_noshow(r):
    o = org(r, ("clinic", "fqhc", "women", "peds", "bh")); ps = pts(r, n_rows(r, 4, 10), o); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Missed", "Appt date", "When"], ["Who", "Patient"], ["DOB", "Birthday"], ["Callback", "Phone"], ["Visit", "What for"], ["Prov", "With"], ["Notes", "Tried"])
    rows = [(recent(r, 14), f(p), p.dob, p.phone, Case(r, p).lay + r.choice([" f/u", " check", "", " new"]), clin_for(r, o).short(), r.choice(["LVM x1", "no VM set up", "wrong #", "will call back", "", "sent letter"])) for p in ps]
    return listdoc("no-show", r.choice(["Missed appointments", "No-show follow-up", "DNKA list", "Didn't show - week of " + fd(recent(r, 7), "m/d")]), o, "", hdr, rows)
def Lp_pending(r):
    o = org(r, ("clinic", "fqhc", "lab", "women", "oncology")); ps = pts(r, n_rows(r, 4, 9), o); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Patient", "Name"], ["Chart", "MRN", "Acct"], ["What came back", "Result", "Test"], ["Value", "Finding"], ["Resulted", "Date"], ["Called?", "Notified", "Status"])
    rows = []
    for p in ps:
        c = Case(r, p); rows.append((f(p), p.mrn, c.test, c.s["res"].format(**c.v), recent(r, 6), r.choice(["yes - LVM", "no", "portal msg sent", "letter", "pending MD review"])))
    return listdoc("pending-results", r.choice(["Results to call", "Abnormal results - need outreach", "Inbasket overflow"]), o, r.choice(["Please call these today.", "", "From Dr. " + staffer(r).family + "'s box"]), hdr, rows)
def Lp_refills(r):
    o = org(r, ("pharmacy", "clinic")); ps = pts(r, n_rows(r, 5, 12), None, 25, 90); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Rx#", "Rx"], ["Pt", "Patient"], ["BD", "DOB"], ["Drug", "Med"], ["Qty"], ["Last fill", "Filled"], ["Prescriber", "Dr"], ["Issue", "Reason"])
    rows = []
    for p in ps:
        dr = drugs_for(r, p, n=1)[0][0]
        rows.append((rxno(r), f(p), p.dob, dr, r.choice([30, 60, 90]), recent(r, 60), clin_for(r, o).short(), r.choice(["0 refills", "PA needed", "too soon", "dose change?", "ins. rejected 70", "needs visit"])))
    return listdoc("refill-queue", r.choice(["Refill queue", "Pending refill requests", "Rx to call on"]), o, "", hdr, rows)
def Lp_denials(r):
    o = org(r, ("billing", "hospital", "clinic")); ps = pts(r, n_rows(r, 6, 14), None, 0, 90); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Claim", "Claim #", "ICN"], ["Pt name", "Patient"], ["Mbr", "Member ID"], ["DOS", "Svc date"], ["CPT"], ["Dx"], ["CARC", "Denial"], ["Billed", "Charge"], ["Next step", "Action"])
    rows = []
    for p in ps:
        c = Case(r, p); cp = r.choice(CPT)[0]; rows.append((claimno(r), f(p), memid(r), recent(r, 120), cp, c.code, r.choice(CARC)[0], price(r, cp), r.choice(["appeal", "rebill w/ mod", "get auth retro", "COB update", "write off"])))
    return listdoc("denials-worklist", r.choice(["Denials worklist", "Denials - week " + str(r.randint(40, 49)), "Open denials"]), o, "", hdr, rows, {"money": (7,)}, land=True)
def Lp_elig(r):
    o = org(r, ("clinic", "billing", "fqhc", "hospital")); ps = pts(r, n_rows(r, 6, 14), None, 0, 90); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Subscriber", "Patient"], ["DOB", "Birth date"], ["Member #", "ID"], ["Payer", "Plan"], ["Status", "Elig"], ["Copay"], ["Appt", "Visit date"])
    rows = [(f(p), p.dob, memid(r) if r.random() < 0.7 else medicaid(r), r.choice(PAYERS[:-1]), r.choice(["Active", "Active", "Active", "Termed 10/31", "Not found"]), r.choice(["$0", "$20", "$35", "$50"]), future(r, 1, 7)) for p in ps]
    return listdoc("eligibility-batch", r.choice(["Tomorrow's eligibility", "Batch eligibility results", "Insurance verification"]), o, "", hdr, rows)
def Lp_postdc(r):
    o = org(r, ("hospital", "payer", "homehealth")); ps = pts(r, n_rows(r, 5, 12), o, 40, 95); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Pt", "Name"], ["DOB", "Born"], ["D/C", "Went home"], ["Reason", "Dx"], ["Phone"], ["Call 1", "Outcome"])
    rows = [(f(p), p.dob, recent(r, 5), Case(r, p, keys=["chf", "afib", "copd", "hip", "cellulitis", "inr", "ckd", "dm", "sz", "stone", "uti", "anemia", "dep", "crc", "dementia"]).lay, p.phone, r.choice(["reached - doing ok", "LVM", "no answer", "has questions re meds", "readmitted", ""])) for p in ps]
    return listdoc("discharge-calls", r.choice(["48-hour calls", "Post discharge phone calls", "TCM outreach"]), o, "", hdr, rows)
def Lp_es(r):
    o = org(r, ("fqhc", "medicaid", "clinic", "women")); ps = pts(r, n_rows(r, 5, 12), o, 1, 85, comm=r.choice(["mex", "centro", "carib"])); f = nm(r, r.choice([0, 2, 4]))
    hdr = HDR(r, ["Paciente", "Nombre"], ["Fecha de nacimiento", "F. nac."], ["No. de afiliado", "Medicaid #"], ["Teléfono", "Tel."], ["Motivo", "Razón"], ["Idioma"])
    rows = [(f(p), p.dob, medicaid(r), p.phone, r.choice(["control de " + Case(r, p).lay_es, "vacunas", "resultados", "Papanicolaou" if p.sex == "F" and p.age > 21 else "examen físico", "cita de seguimiento"]), r.choice(["español", "español", "español", "inglés"] + (["K'iche'", "Mam"] if p.comm == "centro" else []))) for p in ps]
    return Doc("spanish-list", r.choice(["Lista de llamadas", "Pacientes para llamar", "Recordatorios"]), o, [("p", "Llamar antes del viernes."), ("tbl", hdr, rows, {})], kind="list", lang="es", hard=len(rows) <= 9)
def Lp_registry(r):
    o = org(r, ("clinic", "fqhc", "payer")); ps = pts(r, n_rows(r, 6, 14), o, 30, 85); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Name", "Patient"], ["Age"], ["Last A1c", "A1c"], ["A1c date", "Drawn"], ["Eye exam", "Retinal"], ["Statin?"], ["Next appt", "Seen next"])
    rows = [(f(p), p.age, f"{r.uniform(6.4, 12.4):.1f}", recent(r, 300), r.choice(["2025", "overdue", "done", "refused", "n/a"]), r.choice(["Y", "N", "Y"]), r.choice([future(r, 2, 60), "none"])) for p in ps]
    return listdoc("registry", r.choice(["Diabetes registry - A1c > 9", "Uncontrolled DM panel", "Registry pull"]), o, r.choice(["Pulled from the registry this morning.", ""]), hdr, rows)
def Lp_vax(r):
    o = org(r, ("peds", "fqhc")); ps = pts(r, n_rows(r, 5, 11), o, 0, 12); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Child", "Kid"], ["DOB"], ["Parent/guardian", "Mom/Dad"], ["Phone"], ["Due", "Missing"], ["Last WCC", "Last check"])
    rows = []
    for p in ps:
        par = kin(r, p, r.choice(["mother", "father", "grandmother"]))
        rows.append((f(p), p.dob, par.first_last(), par.phone, r.choice(["MMR #1, Var #1", "DTaP #4", "Flu", "HPV #2", "Tdap, MenACWY", "4-yr shots"]), recent(r, 400)))
    return listdoc("vaccines-due", r.choice(["Overdue shots", "Vaccine recall list", "Kids due for vaccines"]), o, "", hdr, rows)
def Lp_chairs(r):
    o = org(r, ("dialysis",)); ps = pts(r, n_rows(r, 6, 12), o, 35, 88); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Chair"], ["Shift"], ["Patient", "Pt"], ["MBI", "Medicare #"], ["DOB", "Born"], ["Access"], ["EDW kg", "Dry wt"], ["Note"])
    rows = [(str(i), r.choice(["MWF-1", "MWF-2", "TTS-1", "TTS-2"]), f(p), mbi_fmt(p.mbi, r.random() < 0.5), p.dob, r.choice(["L AVF", "R AVF", "R IJ TDC", "L AVG"]), f"{r.uniform(52, 118):.1f}", r.choice(["", "K 5.8 last tx", "missed Sat", "transport issues", "new start"])) for i, p in enumerate(ps, 1)]
    return listdoc("dialysis-schedule", r.choice(["Chair assignments", "Floor sheet", "Dialysis schedule"]), o, "", hdr, rows)
def Lp_transport(r):
    o = org(r, ("medicaid", "dialysis", "fqhc")); ps = pts(r, n_rows(r, 5, 10), None, 20, 90); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Pickup", "P/U time"], ["Member", "Rider"], ["DOB", "Birthdate"], ["Medicaid #", "ID"], ["From", "Pickup address"], ["To", "Destination"], ["Return"], ["Mobility"])
    rows = [(f"{r.randint(5, 11)}:{r.choice(['00', '15', '30', '45'])}", f(p), p.dob, medicaid(r), f"{p.street}, {p.city}", r.choice(["Tidewater Renal - dialysis", "Lakeshore Oncology - chemo", "Harborlight FHC - prenatal", "Copper Basin BH - methadone", "Bramblecrest wound clinic"]),
             r.choice(["will call", "1:30", "3:00", "after tx"]), r.choice(["amb", "wheelchair", "stretcher", "amb + attendant"])) for p in ps]
    return listdoc("transport-list", r.choice(["Rides for tomorrow", "NEMT manifest", "Trip sheet"]), o, "", hdr, rows, land=True)
def Lp_collections(r):
    o = org(r, ("billing", "hospital")); ps = pts(r, n_rows(r, 5, 12), None, 19, 85); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Guarantor", "Debtor"], ["SSN"], ["DOB"], ["Acct", "Account"], ["Svc", "Service"], ["Balance"], ["Last pmt", "Last paid"])
    rows = [(f(p), ssn_fmt(p.ssn_raw, r.choice(["d", "n"])), p.dob, acct(r), r.choice(["ED visit", "MRI", "OB delivery" if p.sex == "F" else "ortho surgery", "ambulance", "lab"]), float(round(r.uniform(150, 8200), 2)), r.choice([recent(r, 300), "never"])) for p in ps]
    return listdoc("collections-placement", r.choice(["Placement file", "Bad debt - November", "To agency"]), o, "", hdr, rows, {"money": (5,)})
def Lp_gaps(r):
    o = org(r, ("payer", "clinic")); ps = pts(r, n_rows(r, 6, 14), None, 66, 92); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["MBI"], ["Member", "Name"], ["DOB"], ["Gap", "Open measure"], ["PCP"], ["Last visit"])
    rows = [(mbi_fmt(p.mbi, r.random() < 0.4), f(p), p.dob, r.choice(["CBP - BP not controlled", "HbA1c > 9", "Colorectal screening", "Statin adherence < 80%", "Eye exam - diabetic", "Mammogram" if p.sex == "F" else "Osteoporosis mgmt"]), clin_for(r, o).short(), recent(r, 300)) for p in ps]
    return listdoc("care-gaps", r.choice(["Open care gaps", "Star measure gaps", "HEDIS gaps - your panel"]), o, "", hdr, rows)
def Lp_specimens(r):
    o = org(r, ("lab", "clinic", "fqhc")); ps = pts(r, n_rows(r, 6, 14), None, 1, 90); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Tube", "#"], ["Accession"], ["Patient", "Name"], ["DOB"], ["Test", "Ordered"], ["Collected"])
    rows = [(str(i), accession(r), f(p), p.dob, r.choice(["CBC", "CMP", "A1c", "Lipid", "TSH", "HIV Ag/Ab", "HCV Ab", "UA w/ reflex", "PSA" if p.sex == "M" else "hCG", "Lead"]), dtm.datetime.combine(recent(r, 1), dtm.time(r.randint(7, 16), r.choice([0, 15, 30, 45])))) for i, p in enumerate(ps, 1)]
    return listdoc("specimen-manifest", r.choice(["Courier manifest", "Specimen pickup log", "Send-out list"]), o, "", hdr, rows)
def Lp_route(r):
    o = org(r, ("homehealth",)); ps = pts(r, n_rows(r, 4, 7), o, 60, 96); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Stop", "#"], ["Patient", "Who"], ["DOB", "Birthdate"], ["Address", "Where"], ["Phone"], ["Visit", "Type"], ["Why", "Dx"], ["Gate code / notes", "Notes"])
    rows = [(str(i), f(p), p.dob, f"{p.street}, {p.city}", p.phone, r.choice(["SN", "PT", "OT", "HHA", "SN - wound"]), Case(r, p).lay, r.choice(["dog in yard", "key under mat", "call first", "2nd floor", "", "daughter present after 3"])) for i, p in enumerate(ps, 1)]
    return listdoc("home-health", r.choice(["Route for Tuesday", "Visit schedule", "Today's stops"]), o, "", hdr, rows, land=True)
def Lp_bh_group(r):
    o = org(r, ("bh",)); ps = pts(r, n_rows(r, 5, 10), o, 19, 64); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Member", "Client"], ["DOB"], ["Group", "Program"], ["Attended", "Here?"], ["UDS", "Tox"], ["Notes"])
    rows = [(f(p), p.dob, r.choice(["IOP - AM", "MAT group", "DBT skills", "Relapse prevention"]), r.choice(["Y", "Y", "N", "late"]), r.choice(["neg", "neg", "+THC", "+bup (Rx)", "not done"]), r.choice(["", "engaged", "left early", "court letter req", "housing issue"])) for p in ps]
    return Doc("bh-group-roster", r.choice(["Group attendance", "IOP roster"]), o, [("p", "42 CFR Part 2 protected - re-disclosure prohibited."), ("tbl", hdr, rows, {})], kind="list", hard=len(rows) <= 9)
def Lp_or(r):
    o = org(r, ("hospital", "clinic")); ps = pts(r, n_rows(r, 5, 10), o, 18, 88); f = nm(r, r.randrange(5))
    hdr = HDR(r, ["Time", "Start"], ["OR"], ["Patient", "Pt"], ["DOB"], ["Procedure", "Case"], ["Surgeon"], ["Anes"], ["Ins"])
    rows = [(f"{r.randint(7, 15):02d}:{r.choice(['00', '30'])}", f"OR {r.randint(1, 9)}", f(p), p.dob, r.choice(["R TKA", "Lap chole", "L THA", "ACL recon", "Carpal tunnel release", "Lap appy", "Hernia repair w/ mesh", "Cysto/stent"]),
             clin_for(r, o, "MD").short(), r.choice(["GA", "MAC", "Spinal", "Block+MAC"]), r.choice(PAYERS)) for p in ps]
    return listdoc("or-schedule", r.choice(["OR schedule", "Tomorrow's cases", "Surgery board"]), o, "", hdr, rows, land=True)
PHI_LIST = [Lp_census, Lp_noshow, Lp_pending, Lp_refills, Lp_denials, Lp_elig, Lp_postdc, Lp_es, Lp_registry, Lp_vax, Lp_chairs, Lp_transport, Lp_collections, Lp_gaps, Lp_specimens, Lp_route, Lp_bh_group, Lp_or]

# ================================================================== CLEAN: prose that looks like PHI but is not
NEWS = [
    ("Hepatitis C: screen every adult once", "The CDC recommends a one-time hepatitis C antibody test for every adult 18 and older, and for every pregnancy. Most people with chronic hepatitis C (B18.2) feel well for years. "
     "Treatment with 8 to 12 weeks of pills cures more than 95% of infections.", "We quietly missed a lot of people before we built the reflex order,", "Hepatitis C antibody with reflex to RNA is now one order in the lab menu (LOINC 13955-0)."),
    ("Lead poisoning prevention week", "Children on Medicaid should have a blood lead test at 12 and 24 months. The CDC blood lead reference value is 3.5 micrograms per deciliter. Older housing and some imported spices and cosmetics remain the main sources.",
     "A fingerstick above the reference value always needs a venous confirmation,", "Well-child templates now prompt for the 12- and 24-month lead test."),
    ("Heart failure: know your zones", "Heart failure admissions peak in the winter. Patients who weigh themselves every morning and call when they gain 3 pounds in a day or 5 in a week are much less likely to be readmitted. "
     "Guideline therapy now includes four drug classes, often called the four pillars.", "The scale is the cheapest heart failure device we have,", "Our HF clinic accepts referrals for any patient with an EF under 40%."),
    ("Naloxone saves lives", "Opioid overdose deaths in our region fell last year, but fentanyl in counterfeit pills remains a risk. Any patient on more than 50 MME per day, or with opioid use disorder, should be offered naloxone.",
     "Nobody ever regrets having naloxone in the glove box,", "Pharmacies can dispense naloxone without a prescription; the nasal spray is available over the counter."),
    ("Colorectal cancer screening starts at 45", "Screening for average-risk adults now begins at age 45. Options include colonoscopy every 10 years, a FIT every year, or a stool DNA test every three years. A positive stool test needs a follow-up colonoscopy.",
     "The best screening test is the one the patient will actually do,", "FIT kits can be mailed directly from the clinic using order code FIT-MAIL."),
    ("Sleep apnea is underdiagnosed", "Up to 80% of moderate to severe obstructive sleep apnea (G47.33) is undiagnosed. Snoring, witnessed apneas and resistant hypertension are clues. Home sleep apnea testing is appropriate for most adults without significant lung or heart disease.",
     "We now have same-week home sleep test slots,", "The STOP-BANG questionnaire is built into the annual wellness visit."),
    ("RSV protection this season", "RSV vaccine is recommended for all adults 75 and older and for adults 50 to 74 at increased risk. Infants can be protected with nirsevimab or maternal vaccination at 32 to 36 weeks.",
     "This is the first season we can protect both ends of the age spectrum,", "Pharmacy has stock of nirsevimab 50 mg and 100 mg for the newborn nursery."),
    ("Gestational diabetes: what's new", "Gestational diabetes affects about 8% of pregnancies in the U.S. Women with GDM have a much higher lifetime risk of type 2 diabetes and should be screened 4 to 12 weeks after delivery and every 1 to 3 years after that.",
     "The postpartum glucose test is the one most often missed,", "The postpartum order set now includes a 75-g OGTT."),
]
def C_newsletter(r):
    o = org(r); t = r.choice(NEWS); q = clin_for(r, o); ed = staffer(r)
    blocks = [("h", t[0]), ("p", t[1]), ("p", f"\"{t[2]}\" said {q.name()}, {r.choice(['medical director of', 'a physician at', 'who chairs the quality committee at'])} {o.short}. \"{r.choice(['Please talk about it at every visit.', 'Small changes add up.', 'Ask your team how to help.'])}\""),
              ("p", t[3]), ("h", r.choice(["Upcoming", "Save the date", "Also this month"])), ("ul", [f"{r.choice(['Lunch & learn', 'Webinar', 'Skills lab'])}: {fd(future(r, 5, 40), 'wd')}, {clock(r)}, {r.choice(['Conference Room B', 'Teams', 'Auditorium'])}",
                                                                                                     f"CME credit: {r.choice(['1.0', '1.5'])} AMA PRA Category 1", f"Questions: {ed.given} {ed.family}, {r.choice(['Clinical Education', 'Communications', 'Population Health'])}"])]
    return Doc("newsletter", r.choice([f"{o.short} Clinical Update", "Provider Newsletter", "Health Matters", "Population Health Bulletin"]), o, blocks, subject=f"Newsletter: {t[0]}", hard=True)
def C_recognition(r):
    o = org(r); a, b, c = staffer(r), staffer(r), staffer(r)
    blocks = [("p", r.choice(["Team,", "Good morning everyone,", "Hello all,"])),
              ("p", f"Please join me in congratulating {a.given} {a.family}, RN, who passed the {r.choice(['Certified Diabetes Care and Education Specialist (CDCES)', 'Oncology Certified Nurse (OCN)', 'Certified Heart Failure Nurse (CHFN)', 'Certified Wound Care Nurse (CWCN)'])} exam last week. "
                     f"{a.given} has taught our {r.choice(['insulin start class', 'chemo teaching sessions', 'heart failure zone class', 'wound care skills lab'])} for three years."),
              ("p", f"Shout-out also to {b.given} {b.family} and {c.given} {c.family} from {r.choice(['4 West', 'the infusion center', 'the ED', 'registration'])} for {r.choice(['covering extra shifts during the flu surge', 'the new falls-prevention huddle', 'cutting door-to-needle time for stroke patients to 38 minutes', 'organizing the coat drive'])}."),
              ("p", "A family wrote to tell us the nurses \"treated our dad like their own.\" Comments like that belong to all of you."), ("sig", [staffer(r).given, r.choice(["Director of Nursing", "CNO", "Clinic Manager"])])]
    return Doc("recognition", None, o, blocks, kind="mail", subject=r.choice(["Kudos!", "Congratulations", "Team recognition", f"Congrats {a.given}!"]), hard=True)
def C_grand_rounds(r):
    o = org(r, ("hospital", "oncology", "clinic")); sp = clin_for(r, o, "MD"); d = wkday(future(r, 4, 30))
    topic = r.choice(["Anticoagulation reversal in 2026: what the ED needs to know", "Managing hyperkalemia in CKD stage 4", "GLP-1 receptor agonists beyond diabetes", "Pediatric asthma: getting kids off oral steroids",
                      "Alcohol withdrawal without benzodiazepines?", "Early palliative care in advanced lung cancer"])
    blocks = [("p", f"{topic}"), ("kv", [("Speaker", sp.name()), ("Date", fd(d, "wd")), ("Time", "12:00 - 1:00 PM"), ("Location", r.choice(["Pavilion Auditorium", "Teams (link below)", "Education Center Room 2"])), ("CME", "1.0 AMA PRA Category 1 Credit")]),
              ("p", f"{sp.dr()} is {r.choice(['associate professor of medicine', 'section chief', 'a hospitalist'])} and has led {o.short}'s {r.choice(['anticoagulation stewardship', 'kidney care', 'obesity medicine', 'asthma'])} program since {r.randint(2014, 2023)}. Cases will be de-identified."),
              ("small", "Lunch provided for in-person attendees. Faculty have no relevant financial relationships to disclose.")]
    return Doc("grand-rounds", "Medical Grand Rounds", o, blocks, subject=f"Grand Rounds {fd(d, 'm/d')}: {topic}", hard=True)
def C_teaching(r):
    o = org(r, ("hospital", "clinic")); res = staffer(r)
    case = r.choice([("a man in his late 60s", "two weeks of fatigue and dark urine", "a hemoglobin of 7.1 and an LDH over 900", "warm autoimmune hemolytic anemia", "prednisone and rituximab", "pallor and mild jaundice"),
                     ("a woman in her 30s", "palpitations and weight loss after a recent pregnancy", "a suppressed TSH with a painless thyroid", "postpartum thyroiditis", "a beta-blocker and watchful waiting", "a fine tremor and a small non-tender thyroid"),
                     ("a teenager", "syncope during basketball practice", "an ECG with a prolonged QTc", "congenital long QT syndrome", "nadolol and activity counselling", "no abnormal findings"),
                     ("a woman in her 70s", "three days of confusion after starting a new medication", "a sodium of 118", "drug-induced SIADH", "fluid restriction and stopping the SSRI", "euvolemia and mild disorientation")])
    blocks = [("p", f"For Wednesday's morning report ({r.choice(['internal medicine', 'family medicine', 'pediatrics'])} residents): this case has been de-identified - no names, dates, record numbers or locations."),
              ("h", "Case"), ("p", f"{case[0].capitalize()} presents with {case[1]}. Exam is notable for {case[5]}. Initial workup shows {case[2]}."),
              ("h", "Questions"), ("ul", ["What is your differential?", "Which single test would you order next?", "How would you explain the diagnosis to the family?"]),
              ("h", "Answer (don't peek)"), ("p", f"{cap(case[3])}, treated with {case[4]}."), ("sig", [f"{res.given} {res.family}, MD", "Chief Resident"])]
    return Doc("teaching-case", r.choice(["Morning Report Case", "Case of the Week"]), o, blocks, subject="Case of the week (de-identified)", hard=True)
def qi_rows(r, m):
    out = []
    for i in range(4):
        dd = r.randint(190, 260); rate = m[1] + (m[2] - m[1]) * i / 3; n = round(dd * rate / 100)
        out.append((f"Q{i + 1} 2026" if i < 3 else "Oct-Nov 2026", n, dd, f"{100 * n / dd:.0f}%"))
    return out
def C_qi(r):
    o = org(r, ("hospital", "clinic", "fqhc", "dialysis")); team = [staffer(r) for _ in range(3)]
    m = r.choice([("SEP-1 sepsis bundle compliance", 61, 79), ("Hand hygiene observations", 82, 93), ("Diabetic eye exam completion", 44, 58), ("Door-to-balloon under 90 min", 78, 91), ("Central line days per 1,000 patient days", 9, 6), ("Depression screening (PHQ-2)", 67, 88)])
    blocks = [("p", f"Quarterly update from the {m[0].split(' (')[0]} improvement team ({', '.join(t.given + ' ' + t.family for t in team)})."),
              ("tbl", ["Quarter", "Numerator", "Denominator", "Rate"], qi_rows(r, m), {}),
              ("p", f"{m[0]} moved from {m[1]}% to {m[2]}% over the year. Cells with fewer than 11 cases are suppressed per policy. No patient-level data is included in this report."),
              ("p", f"Next steps: {r.choice(['a nurse-driven protocol for lactate redraws', 'adding the measure to daily huddle boards', 'standing orders for MAs', 'weekly feedback by unit'])}.")]
    return Doc("quality-dashboard", r.choice(["QI Project Update", "Quality Committee Report"]), o, blocks, subject="QI update", hard=True)
def C_clinic_change(r):
    o = org(r, ("clinic", "fqhc", "hospital", "women", "oncology")); a, b = clin_for(r, o), clin_for(r, o); s = staffer(r)
    blocks = [("p", r.choice(["Hi all,", "Team,", "Good afternoon,"])),
              ("p", f"Starting {fd(future(r, 10, 40), 'Month d')}, {a.dr()}'s {r.choice(['heart failure', 'diabetes', 'memory', 'high-risk OB', 'anticoagulation', 'hepatitis C'])} clinic moves from Tuesday afternoons to Thursday mornings in Suite {r.randint(100, 450)}. "
                     f"{b.dr()} will cover the {r.choice(['Tuesday walk-in slots', 'procedure block', 'nursing home rounds'])}."),
              ("p", f"Schedulers: please do not move existing patients yourselves - {s.given} will run the reschedule list and send letters. New referrals for {r.choice(['CHF', 'uncontrolled diabetes', 'dementia evaluation', 'hep C treatment'])} can be booked on the new template after {fd(future(r, 3, 9), 'm/d')}."),
              ("sig", sigl(r, s, o, "Practice Manager")[1:])]
    return Doc("staff-schedule", None, o, blocks, kind="mail", subject="clinic schedule change", hard=True)
def C_hipaa_prose(r):
    o = org(r); s = staffer(r)
    blocks = [("p", "Reminder from the Privacy Office"), ("p", f"Last month we had {r.randint(2, 6)} incidents where e-mails with patient names or record numbers were sent to the wrong recipient because of autocomplete. "
                                                             "Please double-check the To line, use [secure] in the subject when sending outside the organisation, and never put a patient's name, date of birth or diagnosis in the subject line."),
              ("p", f"Annual HIPAA training is due by {fd(future(r, 10, 40), 'Month d, y')}. {r.randint(70, 93)}% of staff have completed it so far."), ("sig", [f"{s.given} {s.family}", "Privacy Officer", o.name, o.phone])]
    return Doc("hipaa-reminder", None, o, blocks, kind="mail", subject=r.choice(["Privacy reminder", "HIPAA: check the To line", "Annual training due"]), hard=True)
def C_research(r):
    o = org(r, ("hospital", "oncology", "clinic", "lab")); pi_ = clin_for(r, o, "MD, PhD"); crc = staffer(r)
    study = r.choice([("adults 40-75 with type 2 diabetes and an A1c between 7.5 and 10", "a once-weekly oral medication"), ("adults with moderate to severe sleep apnea who cannot tolerate CPAP", "a hypoglossal nerve stimulation device"),
                      ("children 6-11 with persistent asthma", "a school-based asthma education program"), ("adults 60+ with atrial fibrillation", "a smartwatch rhythm monitoring program")])
    blocks = [("p", f"The {r.choice(['STRIDE', 'BREATHE-2', 'HOMEFIT', 'ECHO-AF'])} study is enrolling {study[0]} to test {study[1]}. Participants receive up to ${r.choice([150, 200, 300])} for their time."),
              ("p", f"Principal investigator: {pi_.name()}. IRB #{r.randint(2024, 2026)}-{dg(r, 4)}."),
              ("p", f"Please do NOT e-mail us names or record numbers of possible participants. Give interested patients the attached flyer or have them call the study line at {phone(r)}; {crc.given} {crc.family} will screen them."),
              ("small", "This study has been approved by the Institutional Review Board.")]
    return Doc("research-flyer", "Now Enrolling", o, blocks, subject="Research study - now enrolling", hard=True)
def C_party(r):
    o = org(r); s = staffer(r); k = staffer(r)
    if r.random() < 0.5:
        blocks = [("p", f"Shhh - it's a surprise! {s.given} {s.family} from {r.choice(['Patient Access', 'Medical Records', 'the Lab', 'Pharmacy', '3 North'])} turns {r.choice([40, 50, 60, 65])} on {fd(future(r, 2, 14), 'Month d')}."),
                  ("p", f"Cake in the {r.choice(['2nd floor break room', 'cafeteria annex', 'staff lounge'])} at 2:30. {k.given} is collecting for a card and a gift card - cash or Venmo.")]
        return Doc("staff-birthday", None, o, blocks, kind="mail", subject=f"Birthday cake for {s.given}!", hard=True)
    yrs = r.randint(22, 41)
    blocks = [("p", f"After {yrs} years at {o.short}, {s.given} {s.family} is retiring on {fd(future(r, 7, 30), 'Month d')}. {s.given} started as a unit clerk in {2026 - yrs} and has run the {r.choice(['cardiac rehab', 'diabetes education', 'wound clinic', 'sleep lab', 'anticoagulation clinic'])} scheduling desk for the last decade."),
              ("p", f"Open house in the {r.choice(['Board Room', 'Atrium', 'Conference Center'])} from 2-4 PM. Please sign the memory book at the front desk.")]
    return Doc("retirement", None, o, blocks, kind="mail", subject=f"Retirement celebration - {s.given} {s.family}", hard=True)
def C_new_provider(r):
    o = org(r, ("clinic", "hospital", "fqhc", "oncology", "women", "peds")); d = clin_for(r, o)
    spec, interest = r.choice([("nephrology", "diabetic kidney disease"), ("endocrinology", "thyroid nodules"), ("gastroenterology", "fatty liver disease"), ("geriatric medicine", "falls and polypharmacy"),
                               ("pediatric pulmonology", "severe asthma"), ("maternal-fetal medicine", "preterm birth prevention"), ("hepatology", "hepatitis C elimination")])
    blocks = [("p", f"Please welcome {d.name()}, board certified in {spec}, who joins {o.short} on {fd(future(r, 3, 30), 'Month d')}."),
              ("p", f"{d.dr()} completed fellowship at {r.choice(['the University of Iowa', 'Emory', 'Oregon Health & Science University', 'UT Southwestern', 'Baylor'])} and has a special interest in {interest}. "
                     f"{d.p.he().capitalize()} will see new patients at the {o.city} office; referrals can be placed in {o.system} (NPI {d.npi})."),
              ("p", f"{d.p.he().capitalize()} speaks {r.choice(['Spanish', 'Vietnamese', 'Arabic', 'English only', 'Portuguese'])} and enjoys {r.choice(['trail running', 'woodworking', 'coaching youth soccer', 'baking bread'])}.")]
    return Doc("press-release", r.choice(["Welcome our new physician", "New Provider Announcement"]), o, blocks, subject=f"Welcome {d.dr()}", hard=True)
def C_abstract(r):
    o = org(r, ("hospital", "oncology", "clinic", "dialysis", "payer")); au = [clin_for(r, o) for _ in range(3)]; n = r.randint(180, 2400); k = r.randint(int(n * 0.1), int(n * 0.4))
    topic = r.choice([("Thirty-day readmission after heart failure hospitalization remains common.", "A nurse-led follow-up call within 72 hours was associated with fewer 30-day readmissions."),
                      ("Missed dialysis treatments are associated with hospitalization.", "Text-message reminders were associated with fewer missed treatments."),
                      ("Hepatitis C cure rates in community clinics are not well described.", "Cure rates in a community setting were similar to those in clinical trials."),
                      ("Colorectal cancer screening rates fell during the pandemic and have not fully recovered.", "Mailed FIT outreach was associated with higher completed screening.")])
    blocks = [("p", f"{', '.join(a.p.family + ' ' + a.p.given[0] for a in au)}. {o.name}."),
              ("h", "Background"), ("p", topic[0]),
              ("h", "Methods"), ("p", f"Retrospective cohort of {n:,} adult encounters from January 2024 to June 2026. Data were de-identified under the HIPAA Safe Harbor method before analysis."),
              ("h", "Results"), ("p", f"{k:,} ({100 * k / n:.1f}%) met the primary outcome. Median age was {r.randint(52, 71)} (IQR {r.randint(40, 50)}-{r.randint(72, 80)}); {r.randint(38, 62)}% were women. After adjustment the odds ratio was {r.uniform(0.5, 0.9):.2f} (95% CI {r.uniform(0.3, 0.5):.2f}-{r.uniform(0.91, 0.99):.2f})."),
              ("h", "Conclusion"), ("p", topic[1])]
    return Doc("deidentified-stats", r.choice(["Abstract draft for the regional meeting", "Poster abstract"]), o, blocks, subject="abstract draft - please review", hard=True)
def C_es_notice(r):
    o = org(r, ("fqhc", "clinic", "medicaid", "women")); s = staffer(r)
    t = r.choice([("Campaña de vacunación contra la influenza", f"Todos los empleados deben vacunarse antes del {fd(future(r, 10, 30), 'es')}. La clínica de empleados estará abierta de 7 a 9 de la mañana. Traiga su gafete (número de empleado)."),
                  ("Nuevo horario de la clínica", f"A partir del {fd(future(r, 5, 25), 'es')} la clínica abrirá los sábados de 8 a 12. Necesitamos voluntarios del personal para cubrir los turnos; anótese con {s.given}."),
                  ("Clases de diabetes para la comunidad", "Las clases gratuitas de diabetes son los martes a las 6 pm en el salón comunitario. No se necesita cita. Por favor comparta el volante con sus pacientes, pero no escriba nombres de pacientes en la hoja de inscripción del personal.")])
    blocks = [("h", t[0]), ("p", t[1]), ("p", "Gracias por su apoyo."), ("sig", [f"{s.given} {s.family}", r.choice(["Recursos Humanos", "Gerente de la clínica", "Educación en salud"])])]
    return Doc("spanish-staff-notice", None, o, blocks, lang="es", subject=t[0], hard=True)
def C_education(r):
    o = org(r, ("clinic", "fqhc", "women", "peds", "hospital", "dialysis")); t = r.choice(NEWS)
    blocks = [("kv", [("Name", "______________________________"), ("Date of birth", "____/____/________"), ("Date", "______________")]),
              ("h", t[0]), ("p", t[1]), ("h", "When to call us"), ("ul", ["Fever over 101 F (38.3 C)", "New shortness of breath or chest pain", "Any question about your medicines"]),
              ("small", f"{o.name} - {o.phone}. This handout is general information and does not replace advice from your care team. Form PE-{r.randint(100, 400)} rev {r.randint(1, 12)}/{r.choice([2025, 2026])}.")]
    return Doc("patient-education", r.choice(["Patient Information", "Health Education Handout"]), o, blocks, subject="handout for the exam rooms", hard=True)
def C_it_test(r):
    o = org(r, ("hospital", "clinic", "lab")); v = r.choice(VENDORS); s = staffer(r); tk = f"INC{dg(r, 7)}"
    blocks = [("p", f"Ticket {tk} - {r.choice(['label printer in the lab prints blank wristbands', 'results not crossing to the portal', 'fax queue stuck', 'e-prescribing timeouts'])}."),
              ("p", f"We reproduced it in TEST with the training patient ZZTEST, ALPHA (MRN 900000{r.randint(10, 99)}, DOB 01/01/1900). No production patients were used. The vendor ({v.name}) pushed a fix on {fd(recent(r, 2), 'm/d')} at {clock(r)}."),
              ("p", f"Please validate in PROD after 6 PM. Badge ID for after-hours access: E{dg(r, 5)}."), ("sig", [f"{s.given} {s.family}", "Clinical Applications Analyst", f"ext. {r.randint(2000, 7999)}"])]
    return Doc("it-ticket", None, o, blocks, kind="mail", subject=f"{tk} update", hard=True)
CLEAN_NARR = [C_newsletter, C_newsletter, C_recognition, C_grand_rounds, C_teaching, C_qi, C_clinic_change, C_hipaa_prose, C_research, C_party, C_party, C_new_provider, C_abstract, C_es_notice, C_education, C_it_test]

# ================================================================== CLEAN: structured admin documents
def C_invoice(r):
    v = r.choice(VENDORS); o = org(r); rows = []
    items = {"Northstar": [("Exam gloves, nitrile, M, 100/bx", 8.9), ("Sharps container 2 gal", 4.15), ("IV start kit", 2.4), ("Blood pressure cuff, adult large", 31.0), ("Thermometer probe covers, 1000/cs", 42.5), ("Toner cartridge HP 89A", 149.0)],
             "Apex EDI": [("Claim transactions, per 1,000", 95.0), ("Eligibility (270/271) transactions, per 1,000", 40.0), ("ERA enrollment, per payer", 25.0), ("Monthly platform fee", 450.0)],
             "Brightline": [("Biomed PM visit", 1250.0), ("Infusion pump repair, labor hr", 165.0), ("Electrical safety testing, per device", 18.0), ("Defibrillator battery", 310.0)],
             "CareStaff": [("Travel RN - 36 hrs", 2790.0), ("Per diem CNA - 12 hr shift", 396.0), ("Overtime differential, hrs", 28.5), ("Housing stipend, week", 840.0)],
             "Ironbridge IT": [("Managed firewall - monthly", 780.0), ("Help desk seats", 38.0), ("Endpoint protection licence", 6.5), ("After-hours callout", 225.0)],
             "Fernwood": [("Document scanning, per 1,000 images", 65.0), ("Box pickup and storage, per box", 3.25), ("Certified shredding, per bin", 18.0), ("Indexing, per hour", 42.0)]}[v.short]
    for it in r.sample(items, r.randint(2, len(items))): q = r.randint(1, 40); rows.append((it[0], q, float(it[1]), float(round(q * it[1], 2))))
    tot = sum(x[3] for x in rows)
    blocks = [("kv", [("Invoice #", f"INV-{dg(r, 6)}"), ("Invoice date", fd(recent(r, 5), "mdy")), ("PO #", f"PO{dg(r, 7)}"), ("Bill to", f"{o.name}, Accounts Payable"), ("Terms", r.choice(["Net 30", "Net 45", "2% 10 Net 30"])), ("Vendor Tax ID", v.tin)]),
              ("tbl", ["Description", "Qty", "Unit price", "Amount"], rows, {"money": (2, 3)}), ("p", f"Total due: {money(tot)}. Remit to {v.name}, {v.addr()}. ACH routing {aba(r)}, account ending {dg(r, 4)}.")]
    return Doc("invoice", "Invoice", v, blocks, subject=f"Invoice from {v.short}")
def aba(r):
    while True:
        d = [r.randint(0, 9) for _ in range(8)]; d[0] = r.choice([0, 1, 2, 3])
        s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        c = (10 - s % 10) % 10; return "".join(map(str, d)) + str(c)
def C_vendor_order(r):
    v = VENDORS[0]; o = org(r); rows = []
    for _ in range(r.randint(3, 6)):
        rows.append((f"REF {r.choice(['MX', 'CV', 'IV', 'OR'])}-{dg(r, 5)}", r.choice(["Foley catheter 16Fr", "Suture 4-0 nylon", "Trocar 12 mm", "Wound VAC dressing, medium", "Pulse ox sensor, adult", "Syringe 10 mL luer lock"]),
                     f"LOT {dg(r, 2)}{r.choice('ABCDEFGH')}{dg(r, 4)}", future(r, 200, 900), r.randint(1, 20)))
    blocks = [("kv", [("Sales order", f"SO-{dg(r, 7)}"), ("Customer #", f"C{dg(r, 6)}"), ("Ship to", f"{o.name}, Receiving Dock"), ("Carrier / tracking", f"UPS 1Z{dg(r, 3)}{r.choice('ABCDE')}{dg(r, 12)}")]),
              ("tbl", ["Item", "Description", "Lot", "Expiry", "Qty"], rows, {}), ("p", "Thank you for your order. Backordered items will ship separately.")]
    return Doc("vendor-order", "Order Confirmation", v, blocks, subject="Your order has shipped")
def C_recall(r):
    v = VENDORS[0]; o = org(r)
    blocks = [("p", f"URGENT: MEDICAL DEVICE FIELD SAFETY NOTICE - {r.choice(['Infusion pump tubing set', 'Blood glucose test strips', 'Surgical stapler reload', 'Enteral feeding connector'])}"),
              ("p", f"{v.name} is voluntarily recalling the lots below because of {r.choice(['a possible leak at the Y-site', 'falsely low readings at high hematocrit', 'incomplete staple formation', 'a cracked ENFit connector'])}. No serious injuries have been reported."),
              ("tbl", ["Catalogue #", "UDI-DI", "Lot", "Expiry"], [(f"{r.choice(['IS', 'GS', 'SR'])}-{dg(r, 4)}", f"(01){dg(r, 14)}", f"{dg(r, 6)}{r.choice('ABC')}", future(r, 100, 700)) for _ in range(r.randint(2, 5))], {}),
              ("p", "Quarantine affected stock, complete the response form within 10 business days, and contact customer service for replacement.")]
    return Doc("device-recall", "Field Safety Notice", v, blocks, subject="URGENT: Field Safety Notice")
def C_gym(r):
    o = org(r); s = staffer(r)
    blocks = [("p", f"Hi {s.given},"), ("p", f"Welcome to the {r.choice(['FitLife', 'Anytime Wellness', 'Riverfront Athletic Club'])} corporate wellness program through {o.short}. Your membership is active."),
              ("kv", [("Member #", f"FL{dg(r, 8)}"), ("Employee ID", f"{r.choice(['E', ''])}{dg(r, 6)}"), ("Plan", "Corporate - single"), ("Payroll deduction", money(r.choice([19.99, 24.5, 29.0])) + " per pay period"), ("Start date", fd(recent(r, 3), "mdy"))]),
              ("p", "Bring your badge to your first visit for a free fitness assessment.")]
    return Doc("gym-membership", None, o, blocks, kind="mail", subject="Your wellness membership")
def C_fleet(r):
    o = org(r, ("homehealth", "hospital", "dialysis", "lab")); s = staffer(r)
    rows = [(f"20{r.randint(19, 25)} {r.choice(['Ford Transit Connect', 'Toyota Prius', 'Chevrolet Equinox', 'Honda CR-V'])}", "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)), f"{r.choice(['HHV', 'MED', 'GOV'])}-{dg(r, 4)}", r.choice(["Home health", "Courier", "Outreach van"])) for _ in range(r.randint(3, 6))]
    blocks = [("kv", [("Named insured", o.name), ("Policy #", f"CA {dg(r, 3)}-{dg(r, 6)}-{dg(r, 2)}"), ("Policy period", f"{fd(D(2027, 1, 1), 'mdy')} - {fd(D(2027, 12, 31), 'mdy')}"), ("Agent", f"{s.given} {s.family}, {r.choice(['Hartwell Insurance', 'Keystone Risk Partners'])}")]),
              ("tbl", ["Vehicle", "VIN", "Plate", "Use"], rows, {}), ("p", "Keep the ID cards in each glove box. Report any accident to the claims line within 24 hours.")]
    return Doc("fleet-insurance", "Commercial Auto Renewal", o, blocks, subject="Fleet policy renewal")
def C_mbi_training(r):
    o = org(r); s = staffer(r)
    blocks = [("p", "The Medicare Beneficiary Identifier (MBI) is 11 characters, with dashes only when printed. Format: 1AA1-AA1-AA11 (position 1 is a number 1-9, positions 2, 5, 8 and 9 are letters, positions 4, 7, 10 and 11 are numbers; 3 and 6 can be either)."),
              ("p", "Letters S, L, O, I, B and Z are never used. CMS's example on the sample card is 1EG4-TE5-MK73 - use only that example in training material, never a real beneficiary's number."),
              ("ul", ["Always look the MBI up in the eligibility portal if the patient does not have the card.", "Do not write the MBI on sign-in sheets.", "The old SSN-based HICN is no longer accepted on claims."]),
              ("sig", [f"{s.given} {s.family}", "Revenue Cycle Education"])]
    return Doc("training-mbi", "Job Aid: Reading the Medicare Card", o, blocks, subject="Job aid: MBI format")
def C_ssn_training(r):
    o = org(r); s = staffer(r)
    blocks = [("p", "Never send a full Social Security number by e-mail, even internally. For training exercises use only the well-known sample numbers, which can never be assigned to a person:"),
              ("ul", ["123-45-6789 (the classic example)", "078-05-1120 (the 1938 wallet-card number)", "987-65-4320 through 987-65-4329 (reserved for advertising)", "Any number beginning with 000, 666 or 9xx"]),
              ("p", "Registration should ask for the last four digits only unless the payer requires the full number."), ("sig", [f"{s.given} {s.family}", "Compliance"])]
    return Doc("training-ssn", "SSN Handling - Training Sheet", o, blocks, subject="Training: SSN handling")
def C_dob_notice(r):
    o = org(r); s = staffer(r); rev = future(r, 5, 30)
    blocks = [("p", f"Effective {fd(rev, 'Month d, y')}, registration form REG-{r.randint(10, 40)} (rev. {r.randint(1, 12)}/2026) replaces the previous version."),
              ("p", "The Date of Birth field now uses separate boxes for month, day and four-digit year (MM/DD/YYYY), and a new optional field for preferred name has been added below Legal Name."),
              ("p", f"Please recycle old stock by {fd(rev + dtm.timedelta(days=14), 'mdy')}. Print shop order #{dg(r, 5)}; questions to {s.given} {s.family}.")]
    return Doc("form-revision", "Form Revision Notice", o, blocks, subject="Registration form revised - DOB field")
def C_cred(r):
    o = org(r, ("hospital", "clinic", "oncology", "women", "fqhc", "urgent")); d = clin_for(r, o); s = staffer(r)
    blocks = [("p", f"Dear {d.dr()},"), ("p", f"The Credentials Committee approved your reappointment to the medical staff of {o.name} on {fd(recent(r, 10), 'Month d, y')} with {r.choice(['full', 'active', 'courtesy'])} privileges in {r.choice(['Internal Medicine', 'Family Medicine', 'Cardiology', 'OB/GYN', 'Pediatrics'])}."),
              ("kv", [("NPI", d.npi), ("DEA", dea(r)), ("State license", f"{o.state}-{r.choice(['MD', 'DO', 'RN'])}{dg(r, 6)}"), ("CAQH ID", dg(r, 8)), ("Term", f"{fd(D(2027, 1, 1), 'mdy')} - {fd(D(2028, 12, 31), 'mdy')}")]),
              ("p", "Please keep your board certification and license current in the credentialing portal."), ("sig", [f"{s.given} {s.family}, CPMSM", "Medical Staff Office"])]
    return Doc("credentialing", "Reappointment Approval", o, blocks, subject="Reappointment approved")
def C_downtime(r):
    o = org(r, ("hospital", "clinic", "lab", "fqhc")); s = staffer(r); d = future(r, 2, 14)
    blocks = [("p", f"{o.system} will be unavailable on {fd(d, 'wd')} from 01:00 to 05:00 for the quarterly upgrade."),
              ("ul", ["Use downtime forms in the red binders at every nursing station.", "Print the BCA census report at 00:30.", "Label specimens with downtime labels; results will be phoned for critical values.", "Back-enter all orders within 4 hours of recovery."]),
              ("p", f"Command center: {phone(r)}. IT on call: {s.given} {s.family}.")]
    return Doc("downtime-notice", "Planned EHR Downtime", o, blocks, subject=f"Planned downtime {fd(d, 'm/d')}")
def C_shortage(r):
    o = org(r, ("pharmacy", "hospital", "oncology")); s = staffer(r)
    rows = [(r.choice(["Cisplatin 50 mg/50 mL vial", "Amoxicillin 400 mg/5 mL susp", "Lidocaine 1% 30 mL", "Methotrexate 25 mg/mL", "Albuterol 2.5 mg/3 mL neb", "Dextrose 50% syringe"]), ndc(r), r.choice(["Backorder", "Allocation", "Resolved"]), r.choice(["use alternate NDC", "restrict to oncology", "switch to 250 mg/5 mL", "none"])) for _ in range(r.randint(3, 6))]
    return Doc("drug-shortage", "Drug Shortage Update", o, [("tbl", ["Product", "NDC", "Status", "Action"], rows, {}), ("p", f"P&T approved the substitutions above. Questions: {s.given} {s.family}, PharmD.")], subject="Drug shortage update")
def C_bulletin(r):
    o = org(r, ("payer", "medicaid")); rows = [(c[0], c[1], r.choice(["PA required", "No PA", "Site-of-care review", "Bundled"])) for c in r.sample(CPT, 5)]
    blocks = [("p", f"Effective {fd(D(2027, 1, 1), 'Month d, y')}, the following codes change under {o.short} commercial and Medicare Advantage plans."), ("tbl", ["Code", "Description", "Requirement"], rows, {}),
              ("p", f"Diagnosis codes supporting medical necessity include E11.65, I50.22 and G47.33. Submit requests through the provider portal. Provider Services: {o.phone}.")]
    return Doc("payer-bulletin", "Provider Bulletin", o, blocks, subject="Provider bulletin - code updates")
def C_lab_menu(r):
    o = org(r, ("lab",)); rows = [("Hemoglobin A1c", "83036", "4548-4", "Lavender EDTA", "Same day"), ("Comprehensive metabolic panel", "80053", "24323-8", "SST", "Same day"), ("HCV Ab w/ reflex RNA", "86803", "13955-0", "SST", "2-3 days"),
                                    ("Lead, venous", "83655", "5671-3", "Royal blue K2EDTA", "3 days"), ("TSH", "84443", "3016-3", "SST", "Same day"), ("Urine culture", "87086", "630-4", "Gray top urine", "2-3 days")]
    return Doc("lab-test-menu", "Test Menu Update", o, [("tbl", ["Test", "CPT", "LOINC", "Container", "TAT"], r.sample(rows, 4), {}), ("p", f"CLIA {o.clia}. Client services {o.phone}.")], subject="Test menu update")
def C_baa(r):
    o = org(r); v = r.choice(VENDORS); s = staffer(r)
    blocks = [("p", f"This Business Associate Agreement is entered into as of {fd(future(r, 1, 30), 'Month d, y')} between {o.name} (\"Covered Entity\") and {v.name} (\"Business Associate\")."),
              ("p", "1. Business Associate shall not use or disclose protected health information other than as permitted by this Agreement or required by law, and shall report any breach of unsecured PHI within 10 business days of discovery."),
              ("p", "2. Business Associate shall ensure that any subcontractors agree to the same restrictions and conditions."), ("p", "3. On termination, Business Associate shall return or destroy all PHI."),
              ("kv", [("Covered Entity signatory", f"{s.given} {s.family}, Privacy Officer"), ("Business Associate signatory", f"{staffer(r).given} {staffer(r).family}, CEO"), ("Contract #", f"C-{dg(r, 5)}")])]
    return Doc("baa-contract", "Business Associate Agreement", o, blocks, subject="BAA for signature")
def C_fax_cover(r):
    o = org(r)
    blocks = [("kv", [("To", "______________________"), ("Fax", "______________________"), ("From", "______________________"), ("Date", "____/____/______"), ("Pages (incl. cover)", "____"), ("Re", "______________________")]),
              ("p", "[ ] Urgent   [ ] For review   [ ] Please reply   [ ] Records request"), ("small", "CONFIDENTIALITY NOTICE: The documents accompanying this fax may contain health information that is confidential and legally privileged. If you received this fax in error, please notify us at the number above and destroy the documents.")]
    return Doc("fax-cover-template", "Fax Cover Sheet", o, blocks, subject="new fax cover template")
def C_travel(r):
    o = org(r); s = staffer(r); d = future(r, 10, 60)
    blocks = [("p", f"Traveler: {s.given.upper()} {s.family.upper()}"), ("kv", [("Confirmation", "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))), ("Flight", f"{r.choice(['DL', 'AA', 'UA', 'WN'])} {r.randint(100, 2999)} {fd(d, 'Mon d')} {clock(r)}"),
                                                                           ("Hotel", f"{r.choice(['Hilton Garden Inn', 'Hyatt Place', 'Courtyard'])} - conf. {dg(r, 9)}"), ("Loyalty #", dg(r, 10)), ("Purpose", r.choice(["HIMSS conference", "AAFP FMX", "Epic UGM", "ADA Scientific Sessions"]))]),
              ("p", f"Expense report due within 10 days of return. Cost center {dg(r, 5)}.")]
    return Doc("travel-itinerary", "Travel Itinerary", o, blocks, subject="Your itinerary")
def C_enroll(r):
    o = org(r); s = staffer(r)
    blocks = [("p", f"Open enrollment for 2027 benefits runs through {fd(future(r, 5, 20), 'Month d')}."), ("ul", ["Medical plans: PPO, HDHP with HSA (employer contributes $750)", "Dental and vision unchanged", "New: fertility benefit and Employee Assistance Program expanded to 8 sessions",
                                                                                                     "Check that your dependents' names and dates of birth are correct in the HR portal"]), ("p", f"Benefits fair: {fd(future(r, 2, 8), 'wd')}, cafeteria, 10-2. Questions: {s.given} {s.family}, HR.")]
    return Doc("benefits-enrollment", "2027 Open Enrollment", o, blocks, subject="Open enrollment reminder")
def C_minutes(r):
    o = org(r); ppl = [staffer(r) for _ in range(5)]
    blocks = [("kv", [("Meeting", r.choice(["Patient Safety Committee", "Pharmacy & Therapeutics", "Revenue Cycle Huddle", "Infection Prevention"])), ("Date", fd(recent(r, 5), "mdy")), ("Present", ", ".join(p.given + " " + p.family for p in ppl))]),
              ("h", "Discussion"), ("ul", [f"Falls with injury: {r.randint(0, 4)} this month (rate {r.uniform(0.5, 3.2):.2f} per 1,000 patient days).", f"CAUTI: {r.randint(0, 3)} events; no cluster.", f"Denial rate down to {r.uniform(6, 11):.1f}%.", "Hand hygiene compliance 91%."]),
              ("h", "Action items"), ("ul", [f"{ppl[0].given}: update the fall-risk policy by {fd(future(r, 7, 30), 'm/d')}", f"{ppl[2].given}: schedule the sepsis simulation", f"{ppl[4].given}: circulate the antibiogram"])]
    return Doc("meeting-minutes", "Meeting Minutes", o, blocks, subject="Minutes")
def C_template(r):
    o = org(r); k = r.randrange(3)
    ph = [("«PatientName»", "«DOB»", "«MRN»", "«ApptDate»"), ("{{patient.full_name}}", "{{patient.birth_date}}", "{{patient.mrn}}", "{{appt.date}}"), ("[PATIENT NAME]", "[DOB]", "[MRN]", "[DATE]")][k]
    blocks = [("p", ph[0]), ("p", f"Date of birth: {ph[1]}    Record #: {ph[2]}"), ("p", f"Dear {ph[0]},"),
              ("p", f"Our records show that you are due for your {r.choice(['annual mammogram', 'diabetic eye exam', 'colonoscopy', 'well-child visit'])}. Please call {o.phone} to schedule before {ph[3]}."),
              ("small", f"Template ID LTR-{r.randint(100, 999)}. Merge fields are filled by {o.system} when the letter is printed.")]
    return Doc("reminder-template", "Recall Letter Template", o, blocks, subject="updated recall letter template")
def C_policy(r):
    o = org(r, ("hospital", "clinic", "lab", "fqhc")); s = staffer(r)
    blocks = [("kv", [("Policy", f"PC-{r.randint(100, 400)} Patient Identification"), ("Effective", fd(D(2026, r.randint(1, 11), 1), "mdy")), ("Owner", f"{s.given} {s.family}, Director of Quality")]),
              ("h", "Policy"), ("p", "Two patient identifiers - the patient's full name and date of birth - must be verified before any medication, blood product, specimen collection, procedure or release of information. The room number is never an identifier."),
              ("h", "Unidentified patients"), ("p", "Trauma patients receive an alias (e.g. TRAUMA, ZULU) and a temporary MRN until identity is confirmed; the records are merged by HIM."),
              ("h", "Specimen labels"), ("p", "Labels are printed at the bedside after scanning the wristband. Unlabeled or mislabeled specimens are rejected.")]
    return Doc("policy", "Policy and Procedure", o, blocks, subject="Policy update: patient identification")
def C_deposit(r):
    o = org(r, ("billing", "hospital", "clinic")); rows = []
    for _ in range(r.randint(4, 8)): rows.append((recent(r, 10), r.choice(PAYERS[:-1]), r.choice(["EFT", "EFT", "Check", "VCC"]), f"1{dg(r, 9)}", float(round(r.uniform(800, 48000), 2))))
    return Doc("deposit-reconciliation", "Deposit Reconciliation", o, [("tbl", ["Deposit date", "Payer", "Type", "Trace #", "Amount"], rows, {"money": (4,)}), ("p", f"Bank routing {aba(r)}; variance {money(r.uniform(0, 90))} under review.")], subject="Daily deposit rec")
def C_job(r):
    o = org(r); s = staffer(r)
    job = r.choice([("Registered Nurse - Infusion Center", "Administer chemotherapy and biologic infusions; OCN preferred."), ("Patient Access Representative", "Register patients, verify insurance and collect copays."),
                    ("Medical Coder - Outpatient", "CPC required; ICD-10-CM and CPT coding for clinic visits."), ("Community Health Worker (bilingual Spanish)", "Connect patients with food, housing and transportation resources.")])
    blocks = [("kv", [("Position", job[0]), ("Requisition", f"R-2026-{dg(r, 4)}"), ("Location", f"{o.name}, {o.city}, {o.state}"), ("Schedule", r.choice(["Full time, days", "0.9 FTE, 10-hr shifts", "Part time"])), ("Pay range", f"${r.randint(18, 42)}.{r.choice(['00', '50'])} - ${r.randint(43, 60)}.00/hr")]),
              ("p", job[1] + " Sign-on bonus available."), ("p", f"Apply at careers.{o.dom} or contact {s.given} {s.family}, Talent Acquisition.")]
    return Doc("job-posting", "Job Posting", o, blocks, subject=f"Now hiring: {job[0]}")
def C_sample_letter(r):
    o = org(r); s = staffer(r)
    blocks = [("p", "TRAINING SAMPLE - NOT A REAL PATIENT"), ("p", f"This is the sample the new registrars will use in {o.system} TRAIN on {fd(future(r, 2, 9), 'wd')}."),
              ("kv", [("Patient", "ZZTRAIN, SAMPLE"), ("DOB", "01/01/1900"), ("MRN", f"TRN{dg(r, 5)}"), ("SSN", "000-00-0000"), ("Insurance", "TRAINING PAYER"), ("Member ID", "TEST0000001")]),
              ("p", "Walk through: search before create, verify two identifiers, scan the insurance card image from the training folder, then print the wristband to the TRAIN printer."), ("sig", [f"{s.given} {s.family}", "Patient Access Educator"])]
    return Doc("test-data", "Registration Training Exercise", o, blocks, subject="Training exercise for new hires")
CLEAN_FORM = [C_invoice, C_vendor_order, C_recall, C_gym, C_fleet, C_mbi_training, C_ssn_training, C_dob_notice, C_cred, C_downtime, C_shortage, C_bulletin, C_lab_menu, C_baa, C_fax_cover, C_travel, C_enroll, C_minutes, C_template,
              C_policy, C_deposit, C_job, C_sample_letter]

# ================================================================== CLEAN: interchange specs and test messages
def Q_edi_guide(r):
    o = org(r, ("payer", "billing", "medicaid"))
    seg = ["NM1*IL*1*<SUBSCRIBER LAST>*<FIRST>*<MI>***MI*<MEMBER ID>~", "N3*<ADDRESS LINE 1>~", "N4*<CITY>*<ST>*<ZIP>~", "DMG*D8*<CCYYMMDD>*<F|M|U>~", "CLM*<PATIENT CONTROL #>*<TOTAL CHARGE>***11:B:1*Y*A*Y*Y~", "HI*ABK:<ICD-10 WITHOUT DECIMAL>~"]
    return Doc("edi-companion-guide", "837P Companion Guide - Loop 2010BA", o, [("p", "Subscriber name and demographic segments. Values in angle brackets are placeholders; the member ID must match the ID card exactly, including any suffix."),
                                                                             ("pre", "\n".join(seg)), ("p", f"Test files go to the TEST ISA15 indicator 'T'. EDI support: edi@{o.dom}.")], kind="raw", subject="Companion guide excerpt")
def Q_hl7_spec(r):
    o = org(r, ("hospital", "lab"))
    seg = ["MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|<RECV_APP>|<RECV_FAC>|<YYYYMMDDHHMM>||ORU^R01^ORU_R01|<CONTROL_ID>|<P|T>|2.5.1", "PID|1||<MRN>^^^<AA>^MR||<LAST>^<FIRST>^<MIDDLE>||<YYYYMMDD>|<SEX>",
           "OBR|1|<PLACER>|<FILLER>|<CODE>^<TEXT>^<CODING SYSTEM>", "OBX|1|NM|<LOINC>^<NAME>^LN||<VALUE>|<UNITS>|<REF RANGE>|<FLAG>|||F"]
    return Doc("hl7-spec", "Results Interface Specification v3.2", o, [("p", "Section 4.2 - ORU message structure. Optional fields may be empty; PID-3 repeats for MRN and EMPI."), ("pre", "\n".join(seg))], kind="raw", subject="interface spec section 4.2")
def Q_ack(r):
    o = org(r, ("hospital", "billing", "payer"))
    x = f"MSH|^~\\&|RHAPSODY|{o.short.upper().replace(' ', '')[:8]}|LIS|LAB|{hts(TODAY, r)}||ACK^R01|{dg(r, 8)}|P|2.5.1\nMSA|AE|{dg(r, 9)}|Required field PID-7 missing\nERR|||101^Required field missing^HL70357|E\n\n" \
        f"ISA*00*          *00*          *ZZ*APEXEDI        *ZZ*{o.short.upper().replace(' ', '')[:15].ljust(15)}*{TODAY:%y%m%d}*1015*^*00501*{dg(r, 9)}*0*P*:~\nST*999*0001*005010X231A1~\nAK1*HC*{r.randint(100, 999)}*005010X222A1~\nIK5*R*5~\nAK9*R*1*1*0~\nSE*6*0001~"
    return Doc("interface-ack", None, o, [("p", "Acknowledgments from last night's batch - one HL7 negative ACK and one rejected 837 set. No patient data in these; can you check the mapping?"), ("pre", x)], kind="raw", subject="ACK/999 errors")
def Q_fhir_example(r):
    o = org(r, ("hospital", "clinic"))
    j = {"resourceType": "Patient", "id": "example-test", "meta": {"tag": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST", "display": "test health data"}]},
         "identifier": [{"system": f"http://{o.dom}/mrn", "value": "ZZ0000001"}], "name": [{"family": "ZZTEST", "given": ["SANDBOX"]}], "gender": "unknown", "birthDate": "1900-01-01"}
    return Doc("fhir-example", None, o, [("p", "Sandbox test resource for the vendor onboarding call (HTEST-tagged, not a real person):"), ("pre", json.dumps(j, indent=2))], kind="raw", subject="FHIR sandbox example")
def Q_test_adt(r):
    o = org(r, ("hospital", "clinic"))
    seg = [f"MSH|^~\\&|{o.system.upper().replace(' ', '_')}|TEST|HIE|TEST|{hts(TODAY, r)}||ADT^A04|TST{dg(r, 6)}|T|2.5.1", "EVN|A04", "PID|1||ZZT000042^^^TEST^MR||ZZTEST^PATIENT^A||19000101|U|||1 TEST ST^^TESTVILLE^ZZ^00000",
           "PV1|1|O|TESTCLINIC"]
    return Doc("test-data", None, o, [("p", "Test ADT from the validation environment (processing ID T). Please confirm it arrived in your TEST queue:"), ("pre", "\n".join(seg))], kind="raw", subject="test message sent")
CLEAN_RAW = [Q_edi_guide, Q_hl7_spec, Q_ack, Q_fhir_example, Q_test_adt]

# ================================================================== CLEAN: lists (staff, supplies, aggregates, test patients)
def staffs(r, n, st=None): return [staffer(r, st) for _ in range(n)]
def K_schedule(r):
    o = org(r, ("hospital", "clinic", "dialysis", "urgent")); ss = staffs(r, n_rows(r, 8, 14)); d0 = wkday(future(r, 1, 3)); days = [d0 + dtm.timedelta(days=i) for i in range(3)]
    rows = [(f"{s.family}, {s.given}", r.choice(["RN", "RN", "LPN", "CNA", "Charge RN", "Unit Sec"]), *[r.choice(["D", "D", "N", "off", "7a-3p", "orient", "PTO"]) for _ in days], f"ext {r.randint(2000, 7999)}") for s in ss]
    return listdoc("staff-schedule", r.choice(["Staffing grid", "Nursing schedule", "Week schedule"]), o, "Swaps must be approved by the charge nurse.", ["Staff", "Role"] + [fd(d, "wd")[:3] + " " + fd(d, "m/d") for d in days] + ["Phone"], rows,
                   {"group": [("", 2), ("Shifts", 3), ("", 1)]} if r.random() < 0.4 else None, hard=False)
def K_oncall(r):
    o = org(r, ("hospital", "clinic", "oncology", "women")); rows = []
    for i in range(n_rows(r, 7, 14)):
        c = clin_for(r, o); rows.append((future(r, 0, 0) + dtm.timedelta(days=i), r.choice(["Cardiology", "Hospitalist", "OB/GYN", "Gen Surg", "Peds", "Nephrology"]), c.name(), phone(r), r.choice(["pager", "cell", "via operator"])))
    return listdoc("on-call", r.choice(["On-call schedule", "Call calendar"]), o, "", ["Date", "Service", "Physician", "Contact", "Method"], rows, hard=False)
def K_directory(r):
    o = org(r); ss = staffs(r, n_rows(r, 8, 16))
    rows = [(f"{s.given} {s.family}", r.choice(TITLES), r.choice(["Billing", "Pharmacy", "HIM", "Case Mgmt", "Lab", "Radiology", "Registration", "Quality"]), f"x{r.randint(2000, 7999)}", f"{s.given[0].lower()}{re.sub('[^a-z]', '', ascii_fold(s.family).lower())}@{o.dom}") for s in ss]
    return listdoc("directory", r.choice(["Department directory", "Who to call"]), o, "", ["Name", "Title", "Dept", "Ext", "E-mail"], rows, hard=False)
def K_inventory(r):
    o = org(r); rows = [(r.choice(["Foley tray 16Fr", "Blood culture bottles", "PICC kit", "Saline flush 10 mL", "N95 mask", "Sterile gloves 7.5", "Chest tube 28Fr", "Urine cups"]), f"REF {dg(r, 6)}", f"{r.choice('ABCDK')}{dg(r, 5)}", future(r, 30, 800), r.randint(0, 240), r.choice(["Central supply", "OR core", "ED", "3W"])) for _ in range(n_rows(r, 8, 15))]
    return listdoc("inventory", r.choice(["Par level count", "Supply inventory", "Expiring stock"]), o, "", ["Item", "Catalogue", "Lot", "Expires", "On hand", "Location"], rows, hard=False)
def K_pos(r):
    o = org(r); rows = [(f"PO{dg(r, 7)}", r.choice(VENDORS).name, recent(r, 40), float(round(r.uniform(90, 48000), 2)), r.choice(["Open", "Received", "Partial", "Closed"]), f"{staffer(r).given} {staffer(r).family[0]}.") for _ in range(n_rows(r, 6, 14))]
    return listdoc("purchase-orders", "Open purchase orders", o, "", ["PO", "Vendor", "Ordered", "Amount", "Status", "Buyer"], rows, {"money": (3,)}, hard=False)
def K_training(r):
    o = org(r); ss = staffs(r, n_rows(r, 8, 16))
    rows = [(f"E{dg(r, 6)}", f"{s.family}, {s.given}", r.choice(["HIPAA 2026", "Bloodborne pathogens", "Fire safety", "Workplace violence", "Sepsis update"]), r.choice([recent(r, 200), "not started"]), r.choice(["Complete", "Overdue", "In progress"])) for s in ss]
    return listdoc("training-compliance", r.choice(["Annual training status", "LMS compliance report"]), o, "", ["Employee ID", "Employee", "Course", "Completed", "Status"], rows, hard=False)
def K_rooms(r):
    o = org(r); rows = [(future(r, 0, 14), f"{r.randint(8, 16)}:00", r.choice(["Board Room", "Conf A", "Sim Lab", "Classroom 2"]), r.choice(["Diabetes education class", "Heart failure support group", "CPR recert", "Budget review", "Stroke committee", "Lactation class"]),
                                                            f"{staffer(r).given} {staffer(r).family}") for _ in range(n_rows(r, 6, 12))]
    return listdoc("room-bookings", "Room bookings", o, "", ["Date", "Start", "Room", "Event", "Booked by"], rows, hard=False)
def K_equipment(r):
    o = org(r, ("hospital", "dialysis", "clinic", "imaging")); rows = [(f"BME-{dg(r, 5)}", r.choice(["Infusion pump", "Defibrillator", "Dialysis machine", "Ventilator", "ECG cart", "Ultrasound"]), f"SN{dg(r, 8)}", recent(r, 300), future(r, 10, 300), r.choice(["Pass", "Pass", "Repair"])) for _ in range(n_rows(r, 6, 14))]
    return listdoc("equipment-pm", "PM schedule", o, "", ["Asset", "Device", "Serial", "Last PM", "Next PM", "Result"], rows, hard=False)
def K_quality(r):
    o = org(r, ("hospital", "clinic", "payer", "fqhc")); rows = []
    for unit in r.sample(["4W", "5N", "ICU", "ED", "Peds", "L&D", "Clinic A", "Clinic B"], 6):
        den = r.randint(6, 240); num = r.randint(0, den)
        rows.append((unit, den if den >= 11 else "<11", num if num >= 11 or num == 0 else "<11", f"{100 * num / den:.1f}%" if den >= 11 else "suppressed"))
    return listdoc("quality-dashboard", r.choice(["Readmissions by unit", "Falls dashboard", "CLABSI by unit"]), o, "Aggregate counts; cells under 11 are suppressed.", ["Unit", "Denominator", "Events", "Rate"], rows, hard=False)
def K_fees(r):
    o = org(r); rows = [(c[0], c[1], float(round(r.uniform(25, 2400), 2)), r.choice(["26/TC", "", "", "25"])) for c in r.sample(CPT, n_rows(r, 8, 14))]
    return listdoc("fee-schedule", "2027 fee schedule", o, "", ["CPT/HCPCS", "Description", "Fee", "Mods"], rows, {"money": (2,)}, hard=False)
def K_providers(r):
    o = org(r); rows = []
    for _ in range(n_rows(r, 6, 12)):
        c = clin_for(r, o); rows.append((c.lf(), c.cred, r.choice(["Family Med", "Cardiology", "Peds", "OB/GYN", "Nephrology", "Psychiatry"]), c.npi, f"{o.state}{dg(r, 6)}", r.choice(["Accepting", "Closed", "Accepting"])))
    return listdoc("provider-roster", "Provider roster", o, "For the payer directory audit.", ["Provider", "Cred", "Specialty", "NPI", "License", "Panel"], rows, hard=False)
def K_birthdays(r):
    o = org(r); ss = staffs(r, n_rows(r, 6, 12))
    rows = [(f"{s.given} {s.family}", r.choice(["Lab", "3 North", "Billing", "Pharmacy", "Front desk"]), f"{MON[(TODAY.month) % 12][:3]} {r.randint(1, 28)}") for s in ss]
    return listdoc("staff-birthdays", "Staff birthdays next month", o, "Cake on the last Friday!", ["Name", "Dept", "Birthday"], rows, hard=False)
def K_interpreters(r):
    o = org(r, ("hospital", "fqhc", "clinic")); ss = staffs(r, n_rows(r, 5, 10))
    rows = [(future(r, 0, 7), f"{s.given} {s.family}", r.choice(["Spanish", "Vietnamese", "Somali", "Nepali", "ASL", "Haitian Creole", "Arabic"]), r.choice(["8-12", "12-4:30", "on call", "video"]), f"x{r.randint(2000, 7999)}") for s in ss]
    return listdoc("interpreter-schedule", "Interpreter schedule", o, "", ["Date", "Interpreter", "Language", "Hours", "Ext"], rows, hard=False)
def K_vax_lots(r):
    o = org(r, ("peds", "fqhc", "pharmacy", "clinic")); rows = [(v, ndc(r), f"{r.choice('ABCUX')}{dg(r, 4)}{r.choice('AB')}", future(r, 30, 500), r.randint(0, 80), r.choice(["VFC", "Private", "317"])) for v in r.sample(["Flu (0.5 mL PFS)", "MMR", "Varicella", "Tdap", "HPV9", "PCV20", "Hep B ped", "DTaP-IPV", "RSV mAb 100 mg"], 6)]
    return listdoc("vaccine-inventory", "Vaccine inventory", o, "", ["Vaccine", "NDC", "Lot", "Expires", "Doses", "Stock"], rows, hard=False)
def K_testpts(r):
    o = org(r); rows = [(f"ZZTEST, {w}", f"TST{dg(r, 5)}", D(1900, 1, 1) + dtm.timedelta(days=i), f"999-00-{dg(r, 4)}", r.choice(["ED flow", "Lab interface", "Portal", "Pharmacy"])) for i, w in enumerate(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"][:r.randint(4, 7)])]
    return listdoc("test-patients", "Test patients for the upgrade", o, "TEST environment only. These records are fictitious.", ["Name", "MRN", "DOB", "SSN", "Use"], rows, hard=False)
def K_parking(r):
    o = org(r); ss = staffs(r, n_rows(r, 6, 12))
    rows = [(f"{s.family}, {s.given}", f"E{dg(r, 6)}", f"{r.choice(['', 'ABC', 'K', 'HM'])}{dg(r, 3)}{r.choice(['', 'XT', 'Q'])}", r.choice(["Lot C", "Garage 2", "Lot F"]), future(r, 100, 365)) for s in ss]
    return listdoc("parking-permits", "Parking permits", o, "", ["Employee", "Badge", "Plate", "Lot", "Expires"], rows, hard=False)
def K_classes(r):
    o = org(r, ("hospital", "clinic", "fqhc", "women")); rows = [(future(r, 1, 45), f"{r.randint(9, 18)}:00", r.choice(["Diabetes basics", "Carb counting", "Heart failure: zones", "Childbirth prep", "Breastfeeding", "Quit smoking", "COPD breathing skills"]), f"{staffer(r).given} {staffer(r).family}, {r.choice(['RN, CDCES', 'RD', 'IBCLC', 'RT'])}", r.choice(["Classroom 1", "Zoom", "Community Room"]), r.randint(0, 14)) for _ in range(n_rows(r, 6, 12))]
    return listdoc("class-schedule", r.choice(["Community class calendar", "Patient education classes"]), o, "Open seats as of today. Registration through the call center.", ["Date", "Time", "Class", "Instructor", "Room", "Open seats"], rows, hard=False)
def K_courier(r):
    o = org(r, ("lab", "hospital", "clinic")); rows = [(r.choice(["Route 1", "Route 2", "Route 3"]), c.name, c.street if hasattr(c, 'street') else "", f"{r.randint(8, 16)}:{r.choice(['00', '30'])}", r.choice(["lab bags", "pharmacy totes", "mail", "specimens (ambient)"])) for c in r.sample(ORGS, n_rows(r, 5, 9))]
    return listdoc("courier-schedule", "Courier stops", o, "", ["Route", "Stop", "Address", "Pickup", "Items"], rows, hard=False)
CLEAN_LIST = [K_schedule, K_oncall, K_directory, K_inventory, K_pos, K_training, K_rooms, K_equipment, K_quality, K_fees, K_providers, K_birthdays, K_interpreters, K_vax_lots, K_testpts, K_parking, K_classes, K_courier]

# ================================================================== mail assembly
MAILERS = ["Microsoft Outlook 16.0", "Microsoft Outlook 16.0.18129", "Apple Mail (2.3826.300.87)", "iPhone Mail (22B91)", "Mozilla Thunderbird 140.2.0", "Zimbra 10.1.3_GA_4655", "Evolution 3.46.4",
           "Microsoft Outlook 15.0", "Microsoft-MacOutlook/16.92.24121515", "Mailbird 3.0.29"]
CONF = ["CONFIDENTIALITY NOTICE: This message and any attachments may contain protected health information or other confidential information. If you are not the intended recipient, do not read, copy or forward it; notify the sender and delete it.",
        "The information in this e-mail is intended only for the addressee. Health information is protected by federal and state law.",
        "AVISO: Este correo puede contener información confidencial. Si lo recibió por error, avise al remitente.",
        "Think before you print. Please do not reply with patient information unless the message is encrypted."]
def mbox(r, p, dom):
    g, f = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower()) or "x", re.sub(r"[^a-z]", "", ascii_fold(p.family).lower()) or "y"
    return r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{f}{g[0]}", f"{g}.{f[0]}", f"{g[0]}.{f}{r.randint(2, 9)}", f"{f}.{g}"]) + "@" + dom
def sig_block(r, s, o):
    k = r.randrange(8); t = r.choice(TITLES)
    if k == 0: x = f"{s.given} {s.family}\n{t}\n{o.name}\n{o.street}, {o.city}, {o.state} {o.zip}\nTel {o.phone}  Fax {o.fax}"
    elif k == 1: x = f"-{s.given}"
    elif k == 2: x = f"{s.given} {s.family} | {t}\n{o.short} | {phone(r, o.area)}"
    elif k == 3: x = f"{s.given}\n\nSent from my iPhone"
    elif k == 4: x = f"Best regards,\n\n{s.given} {s.family}, {r.choice(['CPC', 'RN', 'CMA', 'RHIT', 'CRCR', 'PharmD', 'LCSW', 'MBA'])}\n{t}, {o.short}\n{mbox(r, s, o.dom)}"
    elif k == 5: x = f"Un saludo,\n{s.given} {s.family}\n{o.name}"
    elif k == 6: x = f"{s.given} {s.family} ({('she/her' if s.sex == 'F' else 'he/him') if r.random() < 0.9 else 'they/them'})\n{t}\n{o.name} - {o.city}, {o.state}"
    else: x = f"Thank you,\n{s.given} {s.family[0]}.\n{o.short} {r.choice(['Billing Office', 'Front Desk', 'Care Team', 'Pharmacy', 'HIM'])}\nDirect: {phone(r, o.area)}"
    if r.random() < 0.3: x += "\n\n" + r.choice(CONF)
    return x
def when_dt(r):
    d = TODAY - dtm.timedelta(days=r.randint(0, 16))
    return dtm.datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-r.choice([5, 5, 6, 7, 8, 4]))))
def msgid(r, o):
    return r.choice([f"<{''.join(r.choice('0123456789abcdef') for _ in range(32))}@{o.dom}>", f"<{r.choice(['DM6PR', 'PH0PR', 'SJ0PR', 'BL1PR'])}{dg(r, 2)}MB{dg(r, 4)}{''.join(r.choice('0123456789ABCDEF') for _ in range(12))}@{r.choice(['DM6PR', 'PH0PR'])}{dg(r, 2)}MB{dg(r, 4)}.namprd{dg(r, 2)}.prod.outlook.com>",
                     f"<CAF{''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-') for _ in range(42))}@mail.gmail.com>", f"<{dg(r, 13)}.{dg(r, 5)}.JavaMail.{r.choice(['mfp', 'app', 'notify'])}@{o.dom}>"])
def partner(r, o): return r.choice([x for x in ORGS + VENDORS if x is not o])
def new_msg(r, subject, o, s=None, to=None, cc=None, from_name=None):
    s = s or staffer(r, o.state)
    m = EmailMessage(policy=SMTP)
    m["From"] = Address(display_name=from_name if from_name is not None else r.choice([f"{s.given} {s.family}", f"{s.family}, {s.given}", f"{s.given} {s.family} - {o.short}", f"{s.given} {s.family}"]), addr_spec=mbox(r, s, o.dom))
    if to is None:
        other = r.choice([partner(r, o), o]); t = staffer(r)
        to = Address(display_name=r.choice([f"{t.given} {t.family}", f"{t.family}, {t.given}", ""]), addr_spec=mbox(r, t, other.dom)) if r.random() < 0.7 else \
             Address(addr_spec=r.choice(["referrals", "intake", "billing", "medrecords", "priorauth", "claims", "scheduling", "edi", "rxrefills", "provider.relations", "him", "caremgmt"]) + "@" + other.dom)
    m["To"] = to
    if cc: m["Cc"] = cc
    elif r.random() < 0.12: c = staffer(r); m["Cc"] = Address(display_name=f"{c.given} {c.family}", addr_spec=mbox(r, c, o.dom))
    m["Subject"] = subject
    m["Date"] = format_datetime(when_dt(r))
    m["Message-ID"] = msgid(r, o)
    x = r.choice(MAILERS + [None] * 5)
    if x: m["X-Mailer"] = x
    if r.random() < 0.2: m["Thread-Topic"] = re.sub(r"^(RE|FW|Fwd|RV|Re): ", "", subject)
    if r.random() < 0.06: m["Importance"] = "High"
    return m, s
def html_from_text(t): return '<html><body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">' + hx(t).replace("\n", "<br>\n") + "</div></body></html>"
def set_body(r, m, text, html=None, o=None, logo=None):
    if logo is None: logo = o is not None and r.random() < 0.3
    if not logo or o is None:
        m.set_content(text)
        if html: m.add_alternative(html, subtype="html")
        return
    png = logo_png(o, style=r.randrange(3))
    if html or r.random() < 0.7:
        cid = f"image{r.randint(1, 4):03d}.png@01DC{dg(r, 4)}.{''.join(r.choice('0123456789ABCDEF') for _ in range(8))}"
        h = html or html_from_text(text)
        img = f'<p><img src="cid:{cid}" width="200" height="53" alt="{hx(o.short)} logo"></p>'
        h = h.replace("</body>", img + "</body>") if "</body>" in h else h + img
        m.set_content(text); m.add_alternative(h, subtype="html")
        m.get_payload()[1].add_related(png, "image", "png", cid=f"<{cid}>", filename="image001.png", disposition="inline")
    else:
        m.set_content(text); m.add_attachment(png, "image", "png", filename=f"{re.sub('[^A-Za-z]', '', o.short)}_logo.png", disposition="inline")
COVERS = ["Please see the attached.", "Attached, as discussed.", "Hi - file attached. Let me know if you need anything else.", "Sending this over for your records.", "Attached for review.",
          "Good afternoon,\n\nPlease find the requested document attached.", "Here you go.", "See attached. Call me with any questions.", "Attached is the updated copy; please discard the one from yesterday.",
          "Adjunto el archivo.", "As requested.", "Please process at your earliest convenience - attached.", "Forwarding the document below as an attachment.", "Attached (encrypted per policy)."]
GEN_SUBJ = ["Document", "Requested records", "Scanned document", "Fax", "For your review", "[secure] attached", "Follow up", "As requested", "Documento adjunto", "Updated file", "Paperwork", "RE: your request", "Attachment", "Report", "File"]
def cover(r, m, s, o):
    x = r.random()
    if x < 0.08:
        dev = r.choice(["Toshiba e-STUDIO 5015AC", "Epson WorkForce Enterprise AM-C5000", "FUJIFILM Apeos C3070", "Lexmark CX943"])
        m.replace_header("From", Address(display_name=f"Scan to Email ({dev.split()[0]})", addr_spec=f"scanner{r.randint(1, 40):02d}@{o.dom}"))
        m.set_content(f"This document was scanned on {dev}.\n\nDevice name: {r.choice(['MFP-HIM-01', 'MFP-REG-2', 'MFP-BILL', 'MFP-PHARM'])}\nScan date: {fd(recent(r, 1), 'iso')} {clock(r, True)}\nNumber of pages: {r.randint(1, 4)}\nFormat: PDF\n\nPlease do not reply to this automated message.\n"); return
    if x < 0.14:
        m.replace_header("From", Address(display_name=r.choice(["Consensus Signal Fax", "Updox Fax", "eFax Corporate"]), addr_spec=f"fax-noreply@{o.dom}"))
        m.set_content(f"New inbound fax\n\nCaller ID: {phone(r)}\nDestination: {o.fax}\nPages: {r.randint(1, 5)}\nReceived: {fd(recent(r, 1), 'mdy')} {clock(r)}\nJob #: {dg(r, 9)}\n\nThe fax image is attached.\n"); return
    if x < 0.2:
        m.set_content(f"{s.given} {s.family} sent you a secure message through {r.choice(['Mimecast Secure Messaging', 'Cisco Secure Email Encryption', 'DataMotion SecureMail'])}.\n\nOpen the attachment or sign in to read it. For help contact {o.phone}.\n"); return
    set_body(r, m, r.choice(COVERS) + "\n\n" + sig_block(r, s, o), o=o, logo=r.random() < 0.3)

GREET = ["", "", "", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n", "See below.\n\n", "Team,\n\n", "Hola,\n\n", "As requested -\n\n", "FYI\n\n"]
def body_text(r, doc, s, o):
    if doc.kind == "mail":
        t = render_text(r, doc, title=False)
        if not any(b[0] == "sig" for b in doc.blocks) and r.random() < 0.7: t += "\n" + sig_block(r, s, o) + "\n"
        return t
    return r.choice(GREET if doc.lang != "es" else ["", "Buenos días:\n\n", "Hola,\n\n"]) + render_text(r, doc, title=r.random() < 0.85) + "\n" + sig_block(r, s, o) + "\n"
def subj_body(r, doc):
    if doc.subject and (doc.kind == "mail" or r.random() < 0.6): return doc.subject
    return doc.title if doc.title and r.random() < 0.7 else r.choice(GEN_SUBJ)
def to_for(r, doc):
    if doc.to is not None and r.random() < 0.8:
        p = doc.to
        return Address(display_name=r.choice([p.first_last(), f"{p.given} {p.family}", ""]), addr_spec=p.email)
    return None
def build_plain(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    set_body(r, m, body_text(r, doc, s, o), o=o)
    return m
def build_html(r, doc):
    o = doc.o or org(r); m, s = new_msg(r, subj_body(r, doc), o, to=to_for(r, doc))
    sig = sig_block(r, s, o); g = r.choice(GREET)
    html = render_html(r, doc, head_html=(f"<p>{hx(g.strip())}</p>" if g.strip() else ""), tail_html="<p>" + hx(sig).replace("\n", "<br>") + "</p>")
    text = (g + render_text(r, doc, title=doc.kind != "mail") + "\n" + sig + "\n") if r.random() < 0.78 else f"This message is best viewed in an HTML-capable e-mail program.\n\n{o.name}\n"
    set_body(r, m, text, html, o=o, logo=r.random() < 0.4)
    return m

# ---------------------------------------------------------------- forwards and replies (content deep in the quoted part)
def quote(t, pre="> "): return "\n".join((pre + ln).rstrip() if ln.strip() else pre.rstrip() for ln in t.rstrip("\n").split("\n"))
TOPS = ["FYI - see the thread below.", "Can you take care of this one?", "Forwarding for the chart.", "Who owns this? See below.", "Looping you in.", "Please review the bottom message and advise.",
        "See below - thanks.", "Reenvío para su atención.", "Can we discuss at huddle?", "Not sure this is ours, see original message.", "Adding you - the details are at the bottom."]
MIDS = ["Checking on this - any update?", "Not mine, sending back.", "Is this still open?", "I called and left a message.", "Can you look at the original below?", "Bumping this up.", "Sorry, just seeing this.",
        "Let me know if you need more info.", "Adding the right team."]
def hdr_block(r, style, frm, when, to, subj, d):
    if style == "outlook": return f"From: {frm}\nSent: {when}\nTo: {to}\nSubject: {subj}"
    if style == "gmail": return f"From: {frm}\nDate: {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}\nSubject: {subj}\nTo: {to}"
    if style == "apple": return f"From: {frm}\nSubject: {subj}\nDate: {MON[d.month - 1]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d}:{r.randint(10, 59)} {r.choice(['AM', 'PM'])} {r.choice(['EST', 'CST', 'MST', 'PST'])}\nTo: {to}"
    if style == "es": return f"De: {frm}\nEnviado el: {fd(d, 'eswd')} de {d.year} {r.randint(8, 17)}:{r.randint(0, 59):02d}\nPara: {to}\nAsunto: {subj}"
    return f"Subject: \t{subj}\nDate: \t{WD[d.weekday()][:3]}, {d.day} {MON[d.month - 1][:3]} {d.year} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} -0500\nFrom: \t{frm}\nTo: \t{to}"
def build_forwarded(r, doc):
    o0 = doc.o or org(r); s0 = staffer(r, o0.state); subj = doc.subject if doc.subject and r.random() < 0.7 else (doc.title or r.choice(GEN_SUBJ))
    fwd = r.choice([x for x in ORGS if x is not o0] + [o0, o0]); CUR["state"] = fwd.state
    inner = body_text(r, doc, s0, o0)
    frm0 = f"{s0.given} {s0.family} <{mbox(r, s0, o0.dom)}>"
    depth = r.choice([0, 1, 1, 2])
    d0 = TODAY - dtm.timedelta(days=depth + r.randint(0, 2))
    lw = lambda d: f"{WD[d.weekday()]}, {MON[d.month - 1]} {d.day}, {d.year} {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"
    chain = []      # middle replies, oldest first
    people = [staffer(r, fwd.state) for _ in range(depth)]
    for i, p in enumerate(people): chain.append((p, d0 + dtm.timedelta(days=i + 1), r.choice(MIDS) + "\n\n" + p.given))
    st = r.randrange(10)
    s1 = staffer(r, fwd.state)
    pre = {0: "FW: ", 1: "RE: ", 2: "Fwd: ", 3: "Fwd: ", 4: "Re: ", 5: "FW: ", 6: "RV: ", 7: "FW: ", 8: "Fwd: ", 9: "FW: "}[st]
    m, s = new_msg(r, pre + ("RE: " * min(depth, 1)) + subj, fwd, s=s1)
    top = r.choice(TOPS) + "\n\n" + sig_block(r, s1, fwd)
    def tline():
        t = staffer(r, fwd.state); return f"{t.given} {t.family} <{mbox(r, t, fwd.dom)}>"
    if st in (0, 1, 2, 3, 6, 8):
        style = {0: "outlook", 1: "outlook", 2: "gmail", 3: "apple", 6: "es", 8: "tbird"}[st]
        sep = {"outlook": r.choice(["-----Original Message-----", "________________________________"]), "gmail": "---------- Forwarded message ---------", "apple": "Begin forwarded message:", "es": "________________________________",
               "tbird": "-------- Forwarded Message --------"}[style]
        parts = [top]
        for p, d, txt in reversed(chain): parts += [sep, hdr_block(r, style, f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", lw(d), tline(), "RE: " + subj, d), txt]
        parts += [sep, hdr_block(r, style, frm0, lw(d0), tline(), subj, d0), inner]
        body = "\n\n".join(parts)
        if style == "apple": body = body.replace(inner, quote(inner))
        set_body(r, m, body, o=fwd, logo=r.random() < 0.2); return m
    if st == 4:        # Gmail-style nested quoting
        attr = lambda who, d: f"On {WD[d.weekday()][:3]}, {MON[d.month - 1][:3]} {d.day}, {d.year} at {r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])} {who} wrote:"
        msg_text, author, d = inner, frm0, d0
        for p, dp, txt in chain:
            msg_text = txt + "\n\n" + attr(author, d) + "\n" + quote(msg_text)
            author, d = f"{p.given} {p.family} <{mbox(r, p, fwd.dom)}>", dp
        body = r.choice(["Thanks, got it.", "Will do.", "Called them - resolved.", "Noted, thank you."]) + "\n\n" + sig_block(r, s1, fwd) + "\n\n" + attr(author, d) + "\n" + quote(msg_text)
        set_body(r, m, body, o=fwd, logo=False); return m
    if st == 5:        # attached message/rfc822
        im = EmailMessage(policy=SMTP); im["From"] = Address(display_name=f"{s0.given} {s0.family}", addr_spec=mbox(r, s0, o0.dom)); im["To"] = Address(display_name=f"{s1.given} {s1.family}", addr_spec=mbox(r, s1, fwd.dom))
        im["Subject"] = subj; im["Date"] = format_datetime(dtm.datetime(d0.year, d0.month, d0.day, r.randint(7, 18), r.randint(0, 59), tzinfo=dtm.timezone(dtm.timedelta(hours=-5)))); im["Message-ID"] = msgid(r, o0)
        im.set_content(inner)
        if r.random() < 0.5: im.add_alternative(render_html(r, doc), subtype="html")
        set_body(r, m, top, o=fwd, logo=False)
        m.add_attachment(im, filename=(re.sub(r"[^A-Za-z0-9 ]", "", subj)[:40].strip() or "message") + ".eml"); return m
    if st == 7:        # Outlook HTML forward
        hdr = f"<b>From:</b> {hx(frm0)}<br><b>Sent:</b> {hx(lw(d0))}<br><b>To:</b> {hx(tline())}<br><b>Subject:</b> {hx(subj)}"
        inner_html = render_html(r, doc).split("<body>", 1)[1].rsplit("</body>", 1)[0]
        html = (f'<html><body><div class="WordSection1"><p class="MsoNormal">{hx(top).replace(chr(10), "<br>")}</p>'
                f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p class="MsoNormal">{hdr}</p></div>{inner_html}</div></body></html>')
        text = f"{top}\n\n________________________________\nFrom: {frm0}\nSent: {lw(d0)}\nSubject: {subj}\n\n{inner}"
        set_body(r, m, text, html, o=fwd, logo=r.random() < 0.3); return m
    # st == 9: Lotus Notes style
    body = f"{top}\n\n----- Forwarded by {s1.given} {s1.family}/{fwd.short.replace(' ', '')} on {fd(d0, 'mdy')} {r.randint(8, 11)}:{r.randint(0, 59):02d} AM -----\n\nFrom:\t{frm0}\nTo:\t{tline()}\nDate:\t{fd(d0, 'mdy')} {r.randint(1, 5)}:{r.randint(0, 59):02d} PM\nSubject:\t{subj}\n\n{inner}"
    set_body(r, m, body, o=fwd, logo=False); return m

# ================================================================== header carrier (PHI only in headers; neutral bodies)
HDR_BODY = ["Please give me a call when you have a moment.", "See my note in the secure portal.", "Can we talk about this at 2?", "Following up on our call this morning.", "Thanks for your help with this.",
            "Call me back please - ext {ext}.", "Per our conversation.", "Let's discuss at huddle tomorrow.", "Llámeme cuando pueda, por favor.", "Got it, thank you!", "Handled - no further action needed.",
            "I'll update the tracker.", "Can you check on this before end of day?", "Adding you so you have it."]
PT_BODY = ["Please log in to the patient portal to read your message.", "Please call our office to confirm.", "Reply to this e-mail if you have any questions.", "Your care team sent you a secure message. Sign in to the portal to view it."]
def hdr_body(r, m, s, o):
    to_pt = any(d in str(m["To"]) for d in MAILDOMS)
    t = (r.choice(PT_BODY) if to_pt else r.choice(HDR_BODY)).replace("{ext}", str(r.randint(2000, 7999)))
    sig = r.choice([f"\n\n{s.given}", f"\n\n{s.given} {s.family}\n{o.short}", "\n\nSent from my iPhone", f"\n\n{s.given} {s.family} | {r.choice(TITLES)}", ""])
    set_body(r, m, t + sig + "\n", o=o, logo=r.random() < 0.25)
def care_org(r): return org(r, ("hospital", "clinic", "fqhc", "women", "oncology", "dialysis", "homehealth", "bh", "urgent", "imaging", "lab"))
def pstaff(r, o): t = staffer(r, o.state); return Address(display_name=f"{t.given} {t.family}", addr_spec=mbox(r, t, o.dom))
def H1(r, o, p, c): return new_msg(r, f"{p.lfm()} DOB {fd(p.dob, r.choice(DOB_ST))} - {c.lay} f/u", o)
def H2(r, o, p, c): return new_msg(r, f"[SECURE] RE: {p.first_last()} ({L(r, 'mrn')} {p.mrn}) - {c.test} {c.s['res'].format(**c.v)}", o)
def H3(r, o, p, c): return new_msg(r, r.choice([f"Your {c.test.lower()} results are ready", "Your lab results from this week", "Results from your visit"]), o, to=Address(display_name=f"{p.first_last()} (DOB {fd(p.dob, 'mdy')})", addr_spec=p.email))
def H4(r, o, p, c): return new_msg(r, r.choice(["Tomorrow's schedule", "Huddle", "Quick question"]), o, cc=Address(display_name=f"{p.lfm()} - {c.lay} pt", addr_spec=f"{re.sub('[^a-z]', '', ascii_fold(p.family).lower())}.chart@{o.dom}"))
def H5(r, o, p, c):
    cl = clin_for(r, o); return new_msg(r, r.choice(["Call back", "Please call", "Message"]), o, from_name=f"{cl.dr()}'s office re: {p.first_last()} {c.lay}")
def H6(r, o, p, c):
    m, s = new_msg(r, r.choice(["Scheduling", "Appointment", "Prep instructions"]), o)
    m["Reply-To"] = Address(display_name=f"Scheduling - {p.first_last()} {r.choice(['colonoscopy', 'MRI', 'biopsy', 'echo', 'sleep study'])} {fd(future(r, 2, 20), 'm/d')}", addr_spec=f"scheduling@{o.dom}"); return m, s
def H7(r, o, p, c):
    m, s = new_msg(r, r.choice(["Chart question", "Please review", "Coding query"]), o); m["X-Patient-Context"] = f"{p.hl7()}|MRN {p.mrn}|{c.code}"; return m, s
def H8(r, o, p, c):
    m, s = new_msg(r, r.choice(["RE: auth", "RE: question", "RE: status?"]), o)
    if "Thread-Topic" in m: del m["Thread-Topic"]
    m["Thread-Topic"] = f"{p.family}, {p.given} - {c.lay} - prior auth"; return m, s
def H9(r, o, p, c):
    m, s = new_msg(r, r.choice(["PA paperwork", "Follow-up", "Documents"]), o); m["Keywords"] = f"prior auth, {drugs_for(r, p, n=1)[0][0].split()[0]}, member {memid(r)}, {p.family}"; return m, s
def H10(r, o, p, c):
    m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"{p.caps()} SSN {ssn_fmt(p.ssn_raw, 'd')} records request - {c.lay}"; return m, s
def H11(r, o, p, c):
    m, s = new_msg(r, r.choice(["Scanned document", "Scan", "New scan"]), o)
    m["X-Scan-Filename"] = f"{ascii_fold(p.family).upper().replace(' ', '')}_{ascii_fold(p.given).upper().replace(' ', '')}_{fd(p.dob, 'mdy8')}_{r.choice(['PathReport', 'EchoReport', 'PsychEval', 'MRI_Lspine', 'ColonoscopyReport'])}.pdf"; return m, s
def H12(r, o, p, c):
    p2 = Person(r, 20, 80, comm=r.choice(["mex", "centro", "carib"]), state=o.state); c2 = Case(r, p2)
    return new_msg(r, f"Resultados de {p2.first_last()} (nac. {fd(p2.dob, 'es/')}) - {c2.lay_es}", o)
def H13(r, o, p, c):
    q = Person(r, 66, 92, state=o.state); return new_msg(r, f"MBI {mbi_fmt(q.mbi, r.random() < 0.5)} - {q.first_last()} {r.choice(['home health eligibility', 'hospice election', 'dialysis start', 'SNF 3-day stay'])}", o)
def H14(r, o, p, c):
    m, s = new_msg(r, r.choice(["Lab", "Follow up", "FYI"]), o); m["Comments"] = f"Re: {p.first_last()}, {c.test} {c.s['res'].format(**c.v)}"; return m, s
def H15(r, o, p, c):
    m, s = new_msg(r, "[EXTERNAL] Message", o); m["X-Original-Subject"] = f"{p.first_last()} {fd(p.dob, 'm/d/yy')} {c.lay} results"; return m, s
def H16(r, o, p, c):
    return new_msg(r, f"Mbr {memid(r)} DOB {fd(p.dob, r.choice(['ymd8', 'mdy', 'iso']))} - claim reprocess", o)
def H17(r, o, p, c):
    m, s = new_msg(r, r.choice(["ED follow-up", "Encounter question", "Please review"]), o); m["X-EHR-Encounter"] = f"CSN {csn(r)} | {p.lfm()} | ED {fd(recent(r, 3), 'm/d')} {c.lay}"; return m, s
def H18(r, o, p, c):
    return new_msg(r, r.choice(["Appointment confirmation", "Your visit summary", "Message from your care team"]), o, to=Address(display_name=f"{p.lfm()} - {L(r, 'mrn')} {p.mrn}", addr_spec=p.email))
def H19(r, o, p, c):
    m, s = new_msg(r, f"Voice message from {p.caps()} ({re.sub(r'[^0-9]', '', p.phone)[-10:]})", o, from_name="Voicemail System")
    m["X-VM-Transcript"] = f"Hi this is {p.given} {p.family} calling about my {c.lay} medicine, I ran out on {WD[recent(r, 3).weekday()]}, please call me back"; return m, s
def H20(r, o, p, c):
    m, s = new_msg(r, r.choice([f"RE: {p.mr()} - {c.lay}", f"{p.given} {p.family[0]}. {c.lay} - question"]) + f" ({fd(p.dob, 'm/d/y')})", o); return m, s
HDR_PHI = [H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13, H14, H15, H16, H17, H18, H19, H20]
def build_header_phi(r, fn):
    o = org(r, ("payer", "billing", "medicaid")) if fn is H16 else org(r, ("homehealth", "dialysis", "hospital")) if fn is H13 else care_org(r)
    p = patient(r, o, 18, 88); c = Case(r, p)
    m, s = fn(r, o, p, c)
    hdr_body(r, m, s, o); return m

CLEAN_BODY = ["Please approve when you get a chance.", "Details are in the shared drive.", "Thanks!", "See you there.", "Let me know if this works.", "Confirming for next week.", "Please forward to your team.",
              "No action needed - FYI.", "Gracias.", "Can you sign by Friday?"]
def K1(r, o, s): t = staffer(r); d = future(r, 5, 40); return new_msg(r, f"PTO request - {t.given} {t.family} {fd(d, 'm/d')}-{fd(d + dtm.timedelta(days=r.randint(1, 6)), 'm/d')}", o)
def K2(r, o, s): return new_msg(r, r.choice(["Elevator B out of service", "Parking garage resurfacing", "Water shut-off Saturday"]), o, from_name=f"Facilities - {o.short}")
def K3(r, o, s):
    t = staffer(r); m, s = new_msg(r, f"Laptop refresh for {t.given} {t.family}", o); m["X-Ticket-ID"] = f"RITM{dg(r, 7)}"; return m, s
def K4(r, o, s):
    m, s = new_msg(r, "RE: numbers", o)
    if "Thread-Topic" in m: del m["Thread-Topic"]
    m["Thread-Topic"] = f"FY27 budget - {r.choice(['Revenue Cycle', 'Pharmacy', 'Imaging', 'Facilities'])}"; return m, s
def K5(r, o, s):
    t = staffer(r); m, s = new_msg(r, "Offer letter", o); m["Keywords"] = f"offer letter; {t.given} {t.family}; start date {fd(future(r, 14, 45), 'mdy')}"; return m, s
def K6(r, o, s): return new_msg(r, f"Invoice INV-{dg(r, 6)} / PO{dg(r, 7)} - {o.short}", o)
def K7(r, o, s): return new_msg(r, f"Shipment 1Z{dg(r, 3)}{r.choice('ABCDE')}{dg(r, 12)} delivered", o)
def K8(r, o, s):
    t = staffer(r); m, s = new_msg(r, f"Badge reprint for {t.given} {t.family}", o); m["X-Employee-ID"] = f"E{dg(r, 6)}"; return m, s
def K9(r, o, s): t = staffer(r); return new_msg(r, "Interview schedule", o, cc=Address(display_name=f"{t.family}, {t.given} (HR)", addr_spec=mbox(r, t, o.dom)))
def K10(r, o, s): return new_msg(r, f"Registration form rev {r.randint(1, 11)}/2026 - new Date of Birth field layout", o)
def K11(r, o, s): return new_msg(r, "MBI format example 1EG4-TE5-MK73 for the job aid", o)
def K12(r, o, s):
    m, s = new_msg(r, "Agenda", o); m["Comments"] = f"Agenda for the {r.choice(['Patient Safety Committee', 'Credentials Committee', 'P&T'])} meeting {fd(future(r, 2, 12), 'm/d')}"; return m, s
def K13(r, o, s):
    m, s = new_msg(r, "Fax", o); m["X-Fax-Subject"] = f"W-9 and COI - {r.choice(VENDORS).name}"; return m, s
def K14(r, o, s): d = clin_for(r, o); return new_msg(r, f"{d.dr()} NPI {d.npi} - credentialing packet complete", o)
def K15(r, o, s): t = staffer(r); return new_msg(r, f"Lunch order for {t.given}'s farewell - reply by 11", o)
def K16(r, o, s):
    m, s = new_msg(r, "Permit renewal", o); m["Reply-To"] = Address(display_name="Parking Office", addr_spec=f"parking@{o.dom}"); return m, s
def K17(r, o, s):
    t = staffer(r); m, s = new_msg(r, "Scanned timesheet", o); m["X-Scan-Filename"] = f"TIMESHEET_{ascii_fold(t.family).upper().replace(' ', '')}_{fd(recent(r, 7), 'mdy8')}.pdf"; return m, s
def K18(r, o, s): t = staffer(r); return new_msg(r, f"Jury duty - {t.given} {t.family} out {fd(future(r, 3, 20), 'm/d')}", o)
def K19(r, o, s): t = staffer(r); return new_msg(r, f"{t.family}, {t.given} (RN) - orientation schedule week 2", o)
def K20(r, o, s): return new_msg(r, f"Staff flu shot clinic {fd(future(r, 2, 10), 'm/d')} - bring your badge", o)
HDR_CLEAN = [K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13, K14, K15, K16, K17, K18, K19, K20]
def build_header_clean(r, fn):
    o = VENDORS[0] if fn is K7 else r.choice(VENDORS) if fn is K6 else org(r); m, s = fn(r, o, None)
    oo = o
    t = r.choice(CLEAN_BODY)
    sig = r.choice([f"\n\n{s.given}", f"\n\n{s.given} {s.family}\n{oo.short}", "\n\nSent from my iPhone", f"\n\n{s.given} {s.family} | {r.choice(TITLES)}", ""])
    set_body(r, m, t + sig + "\n", o=oo, logo=r.random() < 0.25); return m

# ================================================================== attachments and the LibreOffice batch (wiring as in generate_b6.py)
class Pending:
    def __init__(self, path, key, gs=False, redo=None): self.path, self.key, self.gs, self.redo = path, key, gs, redo
class Ctx:
    """run_lo (generate.py) reads ctx.tmp and ctx.lo = {kind: [input files]} and writes to ctx.tmp/kind/out;
    kinds it knows: docx2pdf (any Writer/Calc input -> pdf), html2pdf, html2docx, xlsx2xlsx. docx2docx (re-save) runs here."""
    EXTRA = ("docx2docx",)
    def __init__(self, tmp):
        self.tmp, self.n = tmp, 0
        self.lo = {k: [] for k in ("docx2pdf", "html2pdf", "html2docx", "xlsx2xlsx") + self.EXTRA}
        for k in self.lo: os.makedirs(os.path.join(tmp, k, "in"), exist_ok=True); os.makedirs(os.path.join(tmp, k, "out"), exist_ok=True)
    def path(self, suf):
        self.n += 1; return os.path.join(self.tmp, f"w{self.n:04d}{suf}")
    def add(self, kind, data, ext, key, gs=False, redo=None):
        self.n += 1; base = f"b7_{self.n:04d}"; p = os.path.join(self.tmp, kind, "in", f"{base}.{ext}")
        with open(p, "wb") as f: f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        self.lo[kind].append(p)
        out = {"docx2pdf": "pdf", "html2pdf": "pdf", "html2docx": "docx", "xlsx2xlsx": "xlsx", "docx2docx": "docx"}[kind]
        return Pending(os.path.join(self.tmp, kind, "out", f"{base}.{out}"), key, gs, redo)
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
    how = ("xlsx" if x < 0.45 else "docx" if x < 0.75 else "html") if doc.kind == "list" else ("docx" if x < 0.55 else "html")
    seed = int(hashlib.sha256(("b7" + key).encode()).hexdigest()[:12], 16)
    def make(d, rr):
        if how == "xlsx": return "docx2pdf", xlsx_bytes(rr, d, for_pdf=True), "xlsx"
        if how == "docx": return "docx2pdf", docx_bytes(rr, d), "docx"
        return "html2pdf", render_html(rr, d, for_print=True), "html"
    kind, data, ext = make(doc, r)
    return ctx.add(kind, data, ext, key, gs=gs, redo=lambda n: make(doc.cut(n), random.Random(seed + n)))

def printed_mail(r, doc):
    """a message-style document saved/printed into a file gets the usual printed e-mail header"""
    if doc.kind != "mail": return doc
    o = doc.o or org(r); s = staffer(r, o.state); t = staffer(r)
    d = copy.copy(doc)
    d.blocks = [("kv", [("From", f"{s.given} {s.family} <{mbox(r, s, o.dom)}>"), ("Sent", f"{fd(TODAY - dtm.timedelta(days=r.randint(0, 1)), 'wd')} {clock(r)}"), ("To", f"{t.given} {t.family}"), ("Subject", doc.subject or "(no subject)")])] + list(doc.blocks)
    d.kind = "doc"; d.title = d.title or None
    return d
def fname_for(r, doc, ext):
    base = re.sub(r"[^A-Za-z0-9]+", "_", ascii_fold(doc.title or doc.cat)).strip("_")[:32] or "document"; d = recent(r, 4)
    return r.choice([f"{base}.{ext}", f"{base}_{d:%Y%m%d}.{ext}", f"{d:%Y-%m-%d}_{base}.{ext}", f"scan_{dg(r, 8)}.{ext}", f"{doc.cat}.{ext}", f"{(doc.o.short if doc.o else 'doc').replace(' ', '')}-{dg(r, 6)}.{ext}",
                     f"{base.lower()}_final.{ext}", f"DOC{dg(r, 7)}.{ext}", f"{base} ({r.randint(1, 3)}).{ext}"])
def build_attachment(r, ctx, carrier, doc, key):
    doc = printed_mail(r, doc)
    if carrier == "pdf-reportlab": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: rl_pdf(r, d), doc)
    if carrier == "pdf-fpdf2": return fname_for(r, doc, "pdf"), fit_pdf(lambda d: fp_pdf(r, d), doc)
    if carrier == "pdf-libreoffice": return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key)
    if carrier == "pdf-ghostscript":
        x = r.random()
        if x < 0.45: return fname_for(r, doc, "pdf"), ps_pdf(r, ctx, doc, key)
        if x < 0.65: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: rl_pdf(r, d), doc), key)
        if x < 0.8: return fname_for(r, doc, "pdf"), gs_redistill(ctx, fit_pdf(lambda d: fp_pdf(r, d), doc), key)
        return fname_for(r, doc, "pdf"), lo_pdf_job(r, ctx, doc, key, gs=True)
    if carrier == "docx":
        x = r.random()
        if x < 0.55: return fname_for(r, doc, "docx"), docx_bytes(r, doc)
        if x < 0.75: return fname_for(r, doc, "docx"), ctx.add("html2docx", render_html(r, doc, for_print=True), "html", key)
        return fname_for(r, doc, "docx"), ctx.add("docx2docx", docx_bytes(r, doc), "docx", key)
    if carrier == "xlsx":
        if r.random() < 0.42: return fname_for(r, doc, "xlsx"), ctx.add("xlsx2xlsx", xlsx_bytes(r, doc, for_lo=True), "xlsx", key)
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
        inner = fname_for(r, doc, ext); folder = r.choice(["", "", f"{TODAY:%Y-%m}/", "outgoing/", f"{(doc.o.short if doc.o else 'files').replace(' ', '_')}/", "export/"])
        entries = [(folder + inner, data)]
        if r.random() < 0.22: entries.append((folder + "READ_ME.txt", f"Exported {fd(TODAY, 'mdy')}. Password sent separately if required.\r\n".encode()))
        return r.choice([f"{re.sub('[^A-Za-z0-9]+', '_', ascii_fold(doc.title or doc.cat))[:24]}.zip", f"export_{dg(r, 6)}.zip", "files.zip", f"{doc.cat}_{TODAY:%Y%m%d}.zip", "Archive.zip"]), make_zip(entries)
    raise ValueError(carrier)

# ================================================================== run order
CARRIERS = ["plain", "html", "pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip", "forwarded", "header"]
PER_LABEL = 19
ATTACH = {"pdf-libreoffice", "pdf-ghostscript", "pdf-reportlab", "pdf-fpdf2", "docx", "xlsx", "csv", "zip"}
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
    if carrier in ("plain", "html", "forwarded"): return cyc[L_ + ("_narr" if x < 0.38 else "_form" if x < 0.75 else "_raw" if x < 0.87 else "_list")]
    if carrier == "zip": return cyc[L_ + ("_list" if x < 0.4 else "_narr" if x < 0.66 else "_form" if x < 0.97 else "_raw")]
    return cyc[L_ + ("_narr" if x < 0.38 else "_form" if x < 0.84 else "_list" if x < 0.98 else "_raw")]
def finish(fname, m):
    for j, part in enumerate(p for p in m.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_b7_{j}_" + hashlib.sha256(f"{fname}/{j}".encode()).hexdigest()[:26])
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
    tmp = tempfile.mkdtemp(prefix="corpus-blind-b7-"); ctx = Ctx(tmp); built = []; rows = []; stats = {"hard_phi": 0}
    try:
        for i, (carrier, label) in enumerate(specs, 1):
            fname = f"{PREFIX}{i:04d}.eml"; CUR["state"] = None; CUR["org_short"] = None
            if carrier == "header":
                m = build_header_phi(R, hcyc["phi"]()) if label == "phi" else build_header_clean(R, hcyc["clean"]())
                if label == "phi": stats["hard_phi"] += 1
                built.append((fname, label, carrier, f"header-{label}", m, None)); continue
            doc = choose(R, cyc, carrier, label)()(R)
            if label == "phi" and (doc.hard or carrier == "forwarded"): stats["hard_phi"] += 1
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
    print(f"wrote {len(rows)} batch-7 messages in {(dtm.datetime.now() - t0).total_seconds():.1f}s; phi messages of the hardest kinds: {stats['hard_phi']} of {len(rows) // 2}", file=sys.stderr)

if __name__ == "__main__":
    main()
