"""Header-carrier specs for dev5: PHI only in headers (phi) and ordinary headers with names/dates/tickets (clean)."""
from gen_content import *

HREG = {"phi": [], "clean": []}
def hspec(label, where):
    def d(f): HREG[label].append((where, f)); return f
    return d
def ext_addr(r, p): return (p.full, p.email)
def col(r, o, cred=""):
    s = staff(r, cred or r.choice(o.creds)); return (f"{s.given} {s.family}", mailbox(s, o.dom))

# ---------------------------------------------------------------- PHI in headers
@hspec("phi", "subject-shorthand")
def hp_room(r):
    p = pt(r, 55, 90); rm = f"{r.randint(3, 7)}{r.randint(10, 45)}"
    s = pick(r, f"pt {p.family}, {p.nick} {p.age}{p.sex} rm {rm} s/p L BKA POD{r.randint(2, 9)} - wound vac alarming",
             f"{p.family.upper()} {rm}-B {p.age}yo {p.sex} c/o CP, r/o NSTEMI, trop pending",
             f"rm {rm} {p.title} - dx cellulitis LLE, abx changed to doxy, f/u cx")
    return "wound" if "BKA" in s else "amc", dict(Subject=s)

@hspec("phi", "to-display-mrn")
def hp_to(r):
    p = pt(r, 30, 80)
    disp = pick(r, f"{p.lfm} (MRN {p.mrn})", f"{p.family}, {p.given} (DOB {dob(r, p, 'mdy')})", f"{p.caps} - DOB {dob(r, p, 'm/d/yy')} - Acct {acct(r)}")
    return pick(r, "amc", "cancer", "sleep"), dict(To=[(disp, p.email)], Subject=pick(r, "Your upcoming visit", "Information you requested", "Follow-up from today"))

@hspec("phi", "x-fax-cover")
def hp_fax(r):
    p = pt(r, 35, 80); dx = pick(r, "brca", "lung", "colon", "esrd", "dmfoot"); pg = r.randint(2, 9)
    if dx == "brca": p.sex = "F"; p.given = r.choice(GIVEN_F)
    return pick(r, "cancer", "tx", "wound"), {"Subject": f"Fax delivery confirmation - {pg} pages", "X-RightFax-Cover-Subject": f"Referral: {p.caps} DOB {dob(r, p, 'ymd')} dx {icd(dx)}",
                                              "X-RightFax-Pages": str(pg), "X-RightFax-To-Fax": f"1{p.ac}{dg(r, 7)}"}

@hspec("phi", "x-servicenow")
def hp_ticket(r):
    k = kid(r, 8, 17); t = tkt(r)
    return pick(r, "kids", "amc"), {"Subject": f"{t} assigned to your group", "X-ServiceNow-Ticket": t,
            "X-ServiceNow-Short-Description": f"can't open chart - {k.lf} {k.age}yo {k.sex} MRN {k.mrn} admitted sickle cell crisis, PCA order won't verify"}

@hspec("phi", "subject+thread-topic")
def hp_sleep(r):
    p = pt(r, 35, 75, "M"); s = f"f/u sleep study - {p.title} AHI {r.randint(31, 70)}, needs CPAP titration"
    return "sleep", {"Subject": s, "Thread-Topic": s.replace("f/u ", "")}

@hspec("phi", "keywords")
def hp_kw(r):
    p = pt(r, 30, 65)
    return "tx", {"Subject": "committee packet - revised", "Keywords": f"transplant waitlist; {p.family}, {p.first}; ABO {pick(r, 'O', 'B', 'A')}; cPRA {r.randint(20, 99)}; inactive - infection"}

@hspec("phi", "comments")
def hp_comments(r):
    p = pt(r, 25, 58, "M")
    return "occ", {"Subject": pick(r, "status", "update for your file", "revised restrictions"), "Comments": f"WC claim {dg(r, 2)}-{dg(r, 4)} - {p.first} {p.family} lumbar strain, restricted duty thru {fd(soon(r, 7, 21), 'm/d')}, no lifting >20 lb"}

@hspec("phi", "reply-to-display")
def hp_replyto(r):
    k = kid(r, 1, 6); mom = pt(r, 20, 40, "F"); mom.family = k.family
    return "kids", {"Subject": pick(r, "Visiting hours", "Parking pass", "Ronald McDonald House info"),
                    "Reply-To": [(f"{mom.given} {mom.family} (mom of {k.first}, {k.age}yo {k.sex}, RSV admit)", mom.email)]}

@hspec("phi", "subject-es")
def hp_es(r):
    p = pt(r, 18, 40, "F"); p.given = pick(r, "María", "Guadalupe", "Yesenia", "Ana Sofía"); p.family = pick(r, "de la Cruz Hernández", "Ramírez", "Ortiz Báez")
    return "fqhc", {"Subject": f"Paciente: {p.given} {p.family}, fecha de nac. {fd(p.dob, 'dmon').lower()} - prueba de embarazo positiva, cita prenatal"}

@hspec("phi", "x-epic-inbasket")
def hp_epic(r):
    p = pt(r, 55, 90)
    return "amc", {"Subject": "New In Basket message", "X-Epic-InBasket-Type": "Patient Advice Request",
                   "X-Epic-InBasket-Subject": f"{p.caps} {p.mi} | {dob(r, p, 'iso')} | c/o SOB, ankle swelling x3d, wt up 6 lb"}

@hspec("phi", "x-portal-thread")
def hp_portal(r):
    p = pt(r, 35, 70, "F")
    return "cancer", {"Subject": "You have a new message in the patient portal", "X-Portal-Thread-Subject": f"{p.given} {p.family[0]}. - neutropenic fever precautions after cycle {r.randint(2, 5)} (ANC {r.randint(300, 900)})"}

@hspec("phi", "subject-peds")
def hp_peds(r):
    k = kid(r, 1, 5, "F")
    return "kids", {"Subject": f"{k.age} yo F rm {r.randint(3, 4)}{r.randint(10, 30)} {k.first} {k.family[0]}. r/o intussusception - peds surg consult pls"}

@hspec("phi", "cc-display-dob")
def hp_cc(r):
    p = pt(r, 65, 90)
    return pick(r, "wound", "sleep", "amc"), {"Subject": pick(r, "appointment letter", "copy of letter", "for your records"), "Cc": [(f"{p.full}  DOB {dob(r, p, 'dot')}", p.email)]}

@hspec("phi", "x-scanner")
def hp_scan(r):
    p = pt(r, 25, 55, "M"); doi = past(r, 5, 30)
    return "occ", {"Subject": "Scan to Email - Ricoh IM C3000 (Front Desk)", "X-Scan-Job-Name": f"WC_status_{asciify(p.family).upper()}_{asciify(p.first).upper()}_DOI_{doi:%m-%d-%Y}_lumbar_strain_restrictions",
                   "X-Scan-Destination": "\\\\rcfs01\\scans\\frontdesk"}

@hspec("phi", "x-crisis-case")
def hp_crisis(r):
    p = pt(r, 14, 19)
    return "crisis", {"Subject": "Case assigned for follow-up", "X-Longleaf-Case": f"LL-{TODAY.year % 100}-{dg(r, 6)} | caller {p.first}, {p.age}{p.sex} | SI w/ plan | MCT dispatched to {p.city}"}

@hspec("phi", "subject-ssn")
def hp_ssn(r):
    p = pt(r, 25, 55, "F")
    return "mco", {"Subject": pick(r, f"RE: redetermination - SSN {ssn(r, 'dash')} for {p.title} (Medicaid, 31 wks pregnant)", f"member {p.full} SSN {ssn(r)} - coverage lapse, OB appt")}

@hspec("phi", "subject-mbi")
def hp_mbi(r):
    p = pt(r, 66, 92)
    return pick(r, "pfs", "sleep"), {"Subject": f"eligibility - {p.full} MBI {mbi(r)} DOB {dob(r, p, 'm/d/yy')}"}

@hspec("phi", "x-secure-message")
def hp_secure(r):
    p = pt(r, 40, 70, "M"); p.suffix = pick(r, "III", "Jr.")
    return "amc", {"Subject": "[SECURE] You have a new secure message", "X-SecureMail-Original-Subject": f"Hep C viral load result for {p.full} - {r.randint(120, 990)},000 IU/mL, start Epclusa"}

@hspec("phi", "subject-hbot")
def hp_hbot(r):
    p = pt(r, 50, 85, "M"); p.family = pick(r, "St. Romain", "Necaise", "Delahoussaye", "Ladner")
    return "wound", {"Subject": f"HBOT tx #{r.randint(10, 38)} today for Mr. {p.family}? (DFU L heel, BG {r.randint(55, 70)} this am)"}

@hspec("phi", "thread-topic-handoff")
def hp_handoff(r):
    p = pt(r, 60, 92)
    t = f"traveler handoff 5N bed {r.randint(1, 30)} - {p.lf} {p.age}{p.sex} CHF exac, lasix gtt"
    return "travel", {"Subject": "handoff", "Thread-Topic": t, "Thread-Index": "AdtN" + dg(r, 6) + "Qk=="}

# ---------------------------------------------------------------- CLEAN headers (names, dates, tickets, rooms - nothing about health)
@hspec("clean", "x-servicenow")
def hc_ticket(r):
    t = tkt(r)
    return "amc", {"Subject": f"{t} - docking station in 4 West rm {r.randint(401, 440)} not charging", "X-ServiceNow-Ticket": t, "X-ServiceNow-Short-Description": "Dock not charging laptop; swapped cable, still failing"}
@hspec("clean", "subject-names")
def hc_lunch(r):
    a, b, c = staff(r), staff(r), staff(r)
    return "wound", {"Subject": f"Lunch order Thursday - {a.nick}, {b.given}, {c.given} {c.family[0]}."}
@hspec("clean", "to-display-payroll")
def hc_payroll(r):
    s = staff(r)
    return "travel", {"To": [(f"{s.family}, {s.given} (Payroll)", mailbox(s, O['travel'].dom))], "Subject": "W-2 reprint request"}
@hspec("clean", "x-fax-cover")
def hc_fax(r):
    return "occ", {"Subject": "Fax delivery confirmation - 2 pages", "X-RightFax-Cover-Subject": f"W-9 and COI - {pick(r, 'Chickasaw Gravel & Paving', 'Pine Belt Poultry')} account EMP-{dg(r, 5)}", "X-RightFax-Pages": "2"}
@hspec("clean", "subject-birthday")
def hc_bday(r):
    s = staff(r)
    return pick(r, "fqhc", "kids"), {"Subject": f"Happy birthday {s.given}! cake in the break room {r.randint(1, 3)} pm"}
@hspec("clean", "keywords")
def hc_kw(r):
    return "sleep", {"Subject": "FY27 capital request", "Keywords": "budget; FY27; capital; polysomnography amplifiers; Lafayette"}
@hspec("clean", "thread-topic-room")
def hc_room(r):
    t = f"Room 2B booking - {fd(soon(r, 3, 20), 'long')} - grand rounds overflow"
    return "amc", {"Subject": t, "Thread-Topic": t}
@hspec("clean", "subject-car-insurance")
def hc_car(r):
    s = staff(r)
    return "travel", {"Subject": f"Auto policy renewal - {pick(r, 'ALF', 'MSA')}-{dg(r, 4)}-{dg(r, 5)} - {s.family}, {s.given}"}
@hspec("clean", "x-epic-build")
def hc_build(r):
    return "wound", {"Subject": "Build request approved", "X-Epic-Build-Ticket": f"BLD-{dg(r, 5)} new order panel for wound clinic (debridement supplies) - go-live {fd(soon(r, 10, 40), 'mdy')}"}
@hspec("clean", "subject-contract")
def hc_contract(r):
    s = staff(r)
    return "travel", {"Subject": f"Re: contract extension - {s.given} {s.family}, 13 wks @ 5 North, start {fd(soon(r, 10, 40), 'm/d')}"}
@hspec("clean", "comments-invoice")
def hc_inv(r):
    return "pfs", {"Subject": "Invoice for approval", "Comments": f"Invoice {inv(r)} - Q3 linen service - PO {po(r)} - approve by Friday"}
@hspec("clean", "subject-badge")
def hc_badge(r):
    d = doc_(r)
    return "tx", {"Subject": f"Badge access for Dr. {d.family} - Transplant office suite 300, start date {fd(soon(r, 2, 14), 'mdy')}"}
@hspec("clean", "subject-5k-team")
def hc_5k(r):
    a, b, c = staff(r), staff(r), staff(r)
    return "cancer", {"Subject": f"Donate Life 5K team sign-up ({a.given} {a.family[0]}., {b.given} {b.family[0]}., {c.given} {c.family[0]}.)"}
@hspec("clean", "x-room-booking")
def hc_roomx(r):
    return "amc", {"Subject": "Reservation confirmed", "X-Room-Booking": f"Conf Rm Magnolia A {fd(soon(r, 2, 20), 'm/d')} 1400-1530 BLS renewal class"}
@hspec("clean", "subject-parking")
def hc_park(r):
    s = staff(r)
    return "amc", {"Subject": f"Re: parking permit #P-{dg(r, 5)} - {s.title}, Garage B level 3"}
@hspec("clean", "reply-to-display-facilities")
def hc_facil(r):
    s = staff(r)
    return "sleep", {"Subject": "HVAC work in sleep lab rooms 3-6 this weekend", "Reply-To": [(f"{s.given} {s.family} (Facilities)", mailbox(s, O['amc'].dom))]}
@hspec("clean", "subject-sample-mbi")
def hc_mbi(r):
    return "mco", {"Subject": "Sample MBI 1EG4-TE5-MK73 in the training deck - ok to use on slide 12?"}
@hspec("clean", "subject-interviews")
def hc_interview(r):
    a, b = staff(r), staff(r); b.suffix = "III"
    return "kids", {"Subject": f"Interview schedule - RN candidates {fd(soon(r, 2, 9), 'long')} ({a.given} {a.family}, {b.given} {b.family} {b.suffix})"}
@hspec("clean", "x-secure-message")
def hc_w2(r):
    return "pfs", {"Subject": "[SECURE] You have a new secure message", "X-SecureMail-Original-Subject": f"Your W-2 for {TODAY.year - 1} is ready in the HR portal"}
@hspec("clean", "subject-grand-rounds")
def hc_gr(r):
    d = doc_(r)
    return "kids", {"Subject": f"Grand rounds {fd(soon(r, 3, 20), 'm/d')}: Dr. {d.given} {d.family} - 'Sickle cell disease across the lifespan'", "Thread-Topic": "Grand rounds"}

HBODIES = ["Ring me at my desk when you're free, I'm here till 3.", "Won't put the particulars in e-mail - it's all in Epic.", "Thanks, I'll knock this out after lunch.",
           "The rest is in the secure portal.", "Just copying you so it's on your radar, nothing for you to do.", "Y'all were fast on this one, thank you!", "Let's hash it out at the 1:30 huddle.",
           "I called too and got your voicemail.", "Pretty sure this lands on your desk.", "All set here, closing it.", "Shoot me a quick reply so I know it got to you.", "Per our phone call a bit ago.",
           "Sorry this took so long, crazy morning.", "See y'all at the meeting.", "Holler if anything changes.", "I'll circle back once rounds are done."]
