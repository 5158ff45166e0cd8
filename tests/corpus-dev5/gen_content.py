"""Message content for dev5 (all text, people and organisations written for this corpus)."""
from gen_base import *

ICD = {"asthma": ("J45.909", "Unspecified asthma, uncomplicated"), "asthma_mod": ("J45.40", "Moderate persistent asthma, uncomplicated"),
       "dm2": ("E11.9", "Type 2 diabetes mellitus without complications"), "dmfoot": ("E11.621", "Type 2 diabetes mellitus with foot ulcer"),
       "htn": ("I10", "Essential (primary) hypertension"), "dep": ("F32.A", "Depression, unspecified"), "brca": ("C50.911", "Malignant neoplasm of unspecified site of right female breast"),
       "osa": ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"), "narco": ("G47.411", "Narcolepsy with cataplexy"), "esrd": ("N18.6", "End stage renal disease"),
       "cirr": ("K74.60", "Unspecified cirrhosis of liver"), "ktx": ("Z94.0", "Kidney transplant status"), "rej": ("T86.11", "Kidney transplant rejection"),
       "ptsd": ("F43.10", "Post-traumatic stress disorder, unspecified"), "si": ("R45.851", "Suicidal ideations"), "bip": ("F31.9", "Bipolar disorder, unspecified"),
       "aud": ("F10.20", "Alcohol dependence, uncomplicated"), "lbp": ("M54.50", "Low back pain, unspecified"), "hand": ("S61.411A", "Laceration without foreign body of right hand, initial encounter"),
       "ankle": ("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter"), "insom": ("G47.00", "Insomnia, unspecified"),
       "scd": ("D57.00", "Hb-SS disease with crisis, unspecified"), "scd2": ("D57.1", "Sickle-cell disease without crisis"), "gdm": ("O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"),
       "lung": ("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), "colon": ("C18.7", "Malignant neoplasm of sigmoid colon"), "prost": ("C61", "Malignant neoplasm of prostate"),
       "chemo": ("Z51.11", "Encounter for antineoplastic chemotherapy"), "pna": ("J18.9", "Pneumonia, unspecified organism"), "hiv": ("B20", "Human immunodeficiency virus [HIV] disease"),
       "chf": ("I50.9", "Heart failure, unspecified"), "copd": ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), "rsv": ("J21.0", "Acute bronchiolitis due to respiratory syncytial virus"),
       "pu": ("L89.154", "Pressure ulcer of sacral region, stage 4"), "venous": ("I87.2", "Venous insufficiency (chronic) (peripheral)"), "hepc": ("B18.2", "Chronic viral hepatitis C"),
       "ckd3": ("N18.30", "Chronic kidney disease, stage 3 unspecified"), "otitis": ("H66.91", "Otitis media, unspecified, right ear"), "t1d": ("E10.9", "Type 1 diabetes mellitus without complications"),
       "carpal": ("G56.01", "Carpal tunnel syndrome, right upper limb"), "opioid": ("F11.20", "Opioid dependence, uncomplicated")}
def icd(k): return ICD[k][0]
def icdx(k): return f"{ICD[k][0]} {ICD[k][1]}"
def pick(r, *xs): return r.choice(xs)

REG = []
def tpl(label, cat, table=False):
    def d(f): REG.append((label, cat, table, f)); return f
    return d
O = ORGS

def sal(r, p): return pick(r, f"Dear {p.title},", f"Dear {p.given} {p.family},", f"Hi {p.first},", f"Hello {p.first},", f"{p.first} -")

# ================================================================== PHI templates
@tpl("phi", "kids/nurse-callback")
def kids_callback(r):
    k = kid(r, 2, 9); mom = pt(r, 24, 44, "F"); mom.family = k.family; n = staff(r, "RN, CPN")
    t = pick(r, "96.8", "101.2", "102.4", "100.9"); rr = r.randint(28, 44)
    txt = (f"Called mom ({mom.first}) back at {clock(r)} re: {k.first}, {k.age}yo, cough x3 days and wheezing overnight. "
           f"Mom gave albuterol neb at 0300 and again at 0700 with some relief. Temp {t} at home. She counted breathing about {rr}/min while he was asleep. "
           f"No retractions per mom, drinking ok, 3 wet diapers/voids since midnight. Hx of asthma, on Flovent 44 mcg 2 puffs BID but mom admits they ran out last week.\n\n"
           f"Advised: albuterol q4h while awake, restart Flovent (sent refill to Walgreens on {k.city} Hwy), go to ED if lips blue, can't talk in sentences, or pulling in at ribs. "
           f"Sick visit booked with Dr. {pick(r, 'Quarles', 'Batiste', 'Fairley')} tomorrow {clock(r)}. Mom verbalized understanding.")
    if k.sex == "F": txt = txt.replace("while he was", "while she was")
    return Doc(O["kids"], "kids/nurse-callback", pick(r, "Nurse Line - telephone encounter", "Phone note", ""), [P(txt), P(f"- {n.given} {n.family}, {n.cred}")], "phone note")

@tpl("phi", "kids/picu-family-update")
def kids_family(r):
    k = kid(r, 0, 6); gm = pt(r, 50, 75, "F"); n = staff(r, "RN")
    txt = (f"Hi Ms. {gm.family},\n\nYour daughter asked me to send you an update since you couldn't get through on the unit phone. {k.first} had a calmer night. "
           f"The RSV is still making {k.him} work hard to breathe, so {k.he} is on the high-flow oxygen at 8 liters, down from 10 yesterday. "
           f"{k.he.capitalize()} is taking milk through the little tube in {k.his} nose and kept all of it down. The chest x-ray this morning looked about the same, no pneumonia.\n\n"
           f"If things keep going this way the team hopes to move {k.him} out of the PICU to the regular floor (4 South) by the weekend. Visiting hours for grandparents are 10 to 8, "
           f"two at the bedside. Room {r.randint(2, 3)}{r.randint(10, 40)}.\n\nTake care,\n{n.given}, PICU night nurse")
    return Doc(O["kids"], "kids/picu-family-update", "", [P(txt)], "update from the PICU")

@tpl("phi", "kids/discharge-instructions")
def kids_dc(r):
    k = kid(r, 1, 16); d = doc_(r); dx = pick(r, "scd", "asthma_mod", "t1d", "otitis")
    meds = {"scd": ["Hydroxyurea 500 mg capsule, 1 by mouth daily", "Folic acid 1 mg daily", "Ibuprofen 200 mg every 6 hours as needed for pain"],
            "asthma_mod": ["Albuterol HFA 2 puffs every 4 hours as needed", "Fluticasone 110 mcg 2 puffs twice daily", "Prednisolone 15 mg/5 mL, 10 mL daily x 3 more days"],
            "t1d": ["Insulin glargine 12 units at bedtime", "Insulin lispro per carb ratio 1:15 and correction 1:50 >150", "Glucagon 1 mg emergency kit"],
            "otitis": ["Amoxicillin 400 mg/5 mL, 7.5 mL twice daily x 10 days", "Acetaminophen 160 mg/5 mL as needed"]}[dx]
    return Doc(O["kids"], "kids/discharge-instructions", "Discharge Instructions", [
        KV(("Patient", k.shape(r)), ("Date of birth", dob(r, k)), ("MRN", k.mrn), ("Admit date", fd(past(r, 3, 8), "mdy")), ("Discharge date", fd(past(r, 0, 2), "mdy")),
           ("Attending", f"{d.given} {d.family}, {d.cred}"), ("Diagnosis", icdx(dx))),
        H("Medicines"), BUL(*meds),
        P(f"Follow up with your pediatrician in 2-3 days. Call {O['kids'].phone} or return to the Emergency Department for fever over 101, trouble breathing, or if {k.first} is not drinking."),
    ], "discharge paperwork")

@tpl("phi", "fqhc/appt-reminder-clinic-type")
def fqhc_reminder(r):
    p = pt(r, 19, 60); clin = pick(r, ("PrEP & HIV Care Clinic", "your PrEP refill and lab check"), ("Prenatal Clinic", "your 28-week prenatal visit and glucose test"),
                                     ("Behavioral Health - Suboxone Program", "your medication-assisted treatment visit"), ("Diabetes Education", "your diabetes class and foot check"))
    dt = soon(r, 2, 12)
    txt = (f"{sal(r, p)}\n\nThis is a reminder of {clin[1]} at Bayou Lantern CHC - {clin[0]}, {pick(r, 'Houma', 'Raceland', 'Thibodaux', 'Lockport')} site, on "
           f"{fd(dt, 'long')} at {clock(r)}. Please arrive 15 minutes early and bring your Medicaid card and the list of medicines you take.\n\n"
           f"Reply C to confirm or call {O['fqhc'].phone} to reschedule. Need a ride? Ask about free transportation.\n\nBayou Lantern Community Health Centers")
    return Doc(O["fqhc"], "fqhc/appt-reminder-clinic-type", "", [P(txt)], "Appointment reminder")

@tpl("phi", "fqhc/portal-reply-a1c")
def fqhc_portal(r):
    p = pt(r, 35, 70); np_ = staff(r, "FNP-C"); a1c = round(r.uniform(7.4, 11.8), 1); prev = round(a1c - r.uniform(-1.5, 1.2), 1)
    txt = (f"{sal(r, p)}\n\nThanks for your message. Your A1c from last week came back at {a1c}% (in {MON[past(r, 90, 150).month - 1]} it was {prev}%). "
           f"{'That is going the wrong way, but we can fix it.' if a1c > prev else 'That is a little better, keep it up.'} "
           f"I'd like to increase your metformin to 1000 mg twice a day with meals and add Jardiance 10 mg once a day. Your kidney test was normal so it is safe.\n\n"
           f"About the tingling in your feet you asked about - that can be from the sugar. Let's look at your feet at your visit and I will put in a referral to podiatry. "
           f"Please don't go barefoot outside.\n\n{np_.given} {np_.family}, {np_.cred}\nBayou Lantern CHC - Houma")
    return Doc(O["fqhc"], "fqhc/portal-reply-a1c", "", [P(txt)], "RE: question about my lab results")

@tpl("phi", "fqhc/referral-es")
def fqhc_ref_es(r):
    p = pt(r, 20, 45, "F"); p.given = pick(r, "María José", "Yesenia", "Guadalupe", "Rosa Elena"); p.family = pick(r, "de la Cruz", "Hernández", "Ramírez Soto", "Velásquez")
    mcd = mcaid_la(r)
    return Doc(O["fqhc"], "fqhc/referral-es", "Referencia a especialista / Specialty Referral", [
        KV(("Paciente", f"{p.family}, {p.given}"), ("Fecha de nacimiento", fd(p.dob, "dmy")), ("Número de afiliado (Medicaid)", mcd), ("Teléfono", p.phone),
           ("Dirección", p.addr), ("Idioma", "Español - necesita intérprete")),
        KV(("Especialidad", "Endocrinología materno-fetal"), ("Diagnóstico", icdx("gdm")), ("Prioridad", "Urgente - 2 semanas")),
        P(f"La paciente tiene {r.randint(26, 31)} semanas de embarazo. Glucosa de 3 horas anormal ({r.randint(190, 215)} mg/dL a la hora). "
          f"Dieta sin control adecuado después de 2 semanas. Favor de evaluar para insulina."),
    ], "Referencia - endocrinologia")

@tpl("phi", "fqhc/no-show-list", table=True)
def fqhc_noshow(r):
    rows = []
    for _ in range(r.randint(7, 11)):
        p = pt(r, 18, 80)
        rows.append([p.lf, p.dob, p.phone, pick(r, "Peds", "Adult Med", "OB", "Behavioral Health", "Dental", "PrEP"), fd(past(r, 1, 14), "mdy"), pick(r, "LVM", "no answer", "wrong #", "resched", "")])
    return Doc(O["fqhc"], "fqhc/no-show-list", "No-show follow-up - Houma site", [P("No-shows from the last two weeks. CHWs please call and document in the outreach column."),
               T(["Patient", "DOB", "Phone", "Clinic", "Missed appt", "Outreach"], rows)], "no-show list")

@tpl("phi", "mco/care-coordination-note")
def mco_cc(r):
    p = pt(r, 28, 62, "F"); cc = staff(r, "RN, CCM"); kids = r.randint(2, 5)
    txt = (f"Care coordination note - outreach call #{r.randint(2, 5)}\n\nReached {p.title} at the number on file. She is still staying with her sister in {p.city} with her {kids} kids since the "
           f"flooding. Reports she has been out of her Trulicity for about three weeks because the pharmacy said it needed a PA; I checked and the PA was approved {fd(past(r, 5, 20), 'm/d/yy')}, "
           f"so she can pick it up. Sugars running 250-300 per her meter. She missed her endocrinology appt because she had no ride - scheduled Medicaid NEMT for the new date.\n\n"
           f"She also screened positive on the PHQ-9 (score {r.randint(12, 19)}). Denies thoughts of hurting herself. Warm transfer offered to BH line, she wants to think about it. "
           f"Will call her back next Tuesday.\n\n{cc.given} {cc.family}, {cc.cred}\nPelican Bend Health Plan - Care Management")
    return Doc(O["mco"], "mco/care-coordination-note", "", [P(txt)], "CM note")

@tpl("phi", "mco/pa-determination")
def mco_pa(r):
    p = pt(r, 5, 64); prv = doc_(r); cpt = pick(r, ("95810", "Polysomnography, attended"), ("E0601", "CPAP device"), ("97605", "Negative pressure wound therapy"), ("J9271", "Pembrolizumab injection"))
    dx = {"95810": "osa", "E0601": "osa", "97605": "pu", "J9271": "lung"}[cpt[0]]
    ok = r.random() < 0.6
    return Doc(O["mco"], "mco/pa-determination", "Prior Authorization Determination", [
        KV(("Member name", p.lfm), ("Member ID", mbr(r)), ("Date of Birth", dob(r, p)), ("Authorization #", f"PA{dg(r, 10)}"),
           ("Requesting provider", f"{prv.given} {prv.family}, {prv.cred} (NPI {npi(r)})"), ("Service", f"{cpt[0]} {cpt[1]}"), ("Diagnosis", icdx(dx)),
           ("Determination", "APPROVED" if ok else "DENIED - not medically necessary"), ("Effective", f"{fd(TODAY, 'mdy')} - {fd(soon(r, 60, 180), 'mdy')}")),
        P("This decision was made using InterQual criteria and the plan's medical policy. " + ("" if ok else
          "You or your doctor may appeal within 60 days of this notice. Call Member Services at 1-888-555-0142 (TTY 711) for help.")),
    ], "PA determination")

@tpl("phi", "mco/x12-271")
def mco_271(r):
    p = pt(r, 2, 64); m = mcaid_la(r); d8 = p.dob.strftime("%Y%m%d"); ctl = dg(r, 9)
    seg = (f"ISA*00*          *00*          *ZZ*PELICANBEND    *ZZ*BAYOULANTERN   *{TODAY:%y%m%d}*1015*^*00501*{ctl}*0*P*:~\nGS*HB*PBHP*BLCHC*{TODAY:%Y%m%d}*1015*{int(ctl) % 9999}*X*005010X279A1~\n"
           f"ST*271*0001*005010X279A1~\nBHT*0022*11*{dg(r, 10)}*{TODAY:%Y%m%d}*1015~\nHL*1**20*1~\nNM1*PR*2*PELICAN BEND HEALTH PLAN*****PI*72147~\nHL*2*1*21*1~\n"
           f"NM1*1P*2*BAYOU LANTERN CHC*****XX*{npi(r)}~\nHL*3*2*22*0~\nNM1*IL*1*{asciify(p.family).upper()}*{asciify(p.given).upper().split()[0]}*{p.mi}***MI*{m}~\n"
           f"N3*{p.street.upper()}~\nN4*{p.city.upper()}*{p.st}*{p.zip}~\nDMG*D8*{d8}*{p.sex}~\nDTP*346*D8*{TODAY.year}0101~\nEB*1*IND*30**MEDICAID CHISHOLM~\n"
           f"EB*B*IND*98***27*3~\nMSG*BEHAVIORAL HEALTH CARVE-IN; PCP BAYOU LANTERN HOUMA~\nSE*17*0001~\nGE*1*{int(ctl) % 9999}~\nIEA*1*{ctl}~")
    return Doc(O["mco"], "mco/x12-271", "", [P("271 response for the eligibility question from this morning:"), PRE(seg)], "271 response")

@tpl("phi", "mco/high-risk-outreach", table=True)
def mco_outreach(r):
    rows = []
    for _ in range(r.randint(6, 10)):
        p = pt(r, 19, 64); dx = pick(r, "dm2", "copd", "chf", "scd2", "bip", "opioid", "esrd")
        trig = ["ED x3 in 90d", "IP readmit", "no PCP visit 12mo", "rx gap"] + (["pregnant - no PNC"] if p.sex == "F" and p.age < 44 else [])
        rows.append([mbr(r), p.full, p.dob, icd(dx), r.randint(2, 9), r.choice(trig), pick(r, "Landry", "Okafor", "Pettus", "Chauvin")])
    return Doc(O["mco"], "mco/high-risk-outreach", "High-risk member outreach - October", [T(["Member ID", "Member", "DOB", "Dx", "Risk score", "Trigger", "CM assigned"], rows)], "outreach list")

@tpl("phi", "crisis/follow-up-call")
def crisis_fu(r):
    p = pt(r, 16, 40); c = staff(r, "Crisis Counselor")
    txt = (f"{p.first} called back at {clock(r)} as planned. {p.he.capitalize()} said the last two nights were rough - not sleeping, drinking more than usual, "
           f"and thoughts of \"not waking up\" came back Sunday. No plan this time and no access to the gun anymore, {p.his} uncle in {p.city} is keeping it. "
           f"Went over the safety plan again: {p.his} reasons (little sister, dog), the people {p.he} will call ({p.his} cousin Dre, the 988 line), and getting to the walk-in at Pine Belt Mental Health on Thursday.\n\n"
           f"Risk today: moderate. Callback scheduled tomorrow 6 pm at {p.phone}. Supervisor ({pick(r, 'Kimbrough', 'Ardoin', 'Rankin')}) reviewed.\n\n- {c.given}")
    if r.random() < 0.5: txt = txt.lower()
    return Doc(O["crisis"], "crisis/follow-up-call", pick(r, "Follow-up contact", "", "callback note"), [P(txt)], "follow-up contact")

@tpl("phi", "crisis/mobile-dispatch")
def crisis_dispatch(r):
    p = pt(r, 14, 70); c = staff(r, "QMHP")
    txt = (f"MCT dispatch {mil(r)} - {p.age}{p.sex}, {p.full}, at {p.street}, {p.city}. Mother called: pt barricaded in bedroom, broke window, yelling that people are poisoning food. "
           f"Hx bipolar per mom, stopped lithium ~1 mo ago. No weapons known. Sheriff CIT deputy requested for standby only. Team: {c.given} + peer specialist. "
           f"Mom's cell {pt(r).phone}. Possible need for Chancery Court writ if pt refuses voluntary eval.")
    return Doc(O["crisis"], "crisis/mobile-dispatch", "", [P(txt)], "MCT dispatch")

@tpl("phi", "cancer/tumor-board", table=True)
def cancer_tb(r):
    rows = []
    for _ in range(r.randint(5, 8)):
        p = pt(r, 38, 84); dx = r.choice(["brca", "lung", "colon"] if p.sex == "F" else ["lung", "colon", "prost"])
        rows.append([p.lf, p.mrn, p.dob, icdx(dx), ("Gleason 4+3, PSA 14" if dx == "prost" else pick(r, "cT2N1M0", "pT1cN0", "cT3N0", "stage IIIA", "stage IV - liver mets")),
                     pick(r, "neoadjuvant chemo?", "surgery vs SBRT", "FOLFOX x6 then re-image", "ADT + RT", "clinical trial screen", "genetics referral")])
    return Doc(O["cancer"], "cancer/tumor-board", f"Multidisciplinary Tumor Board - {fd(soon(r, 1, 6), 'long')}", [T(["Patient", "MRN", "DOB", "Diagnosis", "Stage", "Question for board"], rows),
               P("Presenting physicians please have imaging pulled by 11:30.")], "tumor board list")

@tpl("phi", "cancer/result-letter")
def cancer_letter(r):
    p = pt(r, 40, 78, "F"); d = doc_(r)
    txt = (f"{sal(r, p)}\n\nI wanted you to have your results in writing before our visit on {fd(soon(r, 3, 10), 'long')}. The biopsy of the lump in your right breast shows "
           f"invasive ductal carcinoma, grade {r.randint(1, 3)}. The cancer cells are estrogen receptor positive and HER2 negative. Your CT scan did not show spread to other organs.\n\n"
           f"I know this is a lot to take in. Our nurse navigator, {pick(r, 'Ruby Tillman', 'Cora Breland', 'Imani Stallworth')}, will call you tomorrow to set up the surgery consult and "
           f"answer questions. Please bring a family member if you can.\n\nSincerely,\n{d.given} {d.family}, {d.cred}\nCahaba Oaks Cancer Center")
    return Doc(O["cancer"], "cancer/result-letter", "", [P(txt)], "Your biopsy results")

@tpl("phi", "cancer/navigator-chat")
def cancer_chat(r):
    p = pt(r, 45, 80); n = staff(r, "Nurse Navigator")
    txt = (f"hey - fyi {p.title.lower().replace('mr. ', 'mr ').replace('ms. ', 'ms ')} (the folfox pt from tues) called, {p.he} has mouth sores and diarrhea 6x since last night, "
           f"cant keep fluids down. told {p.him} to come to the infusion center for fluids + labs at 1. can you get dr {pick(r, 'pham', 'maddox', 'causey')} to sign the IVF order? "
           f"also {p.his} wife says {p.he} skipped the dex on day 2. cycle 3 prob needs a dose reduction\n\nthx\n{n.given.lower()}")
    return Doc(O["cancer"], "cancer/navigator-chat", "", [P(txt)], "pt call")

@tpl("phi", "tx/listing-update")
def tx_listing(r):
    p = pt(r, 30, 68); d = doc_(r); ref = doc_(r)
    txt = (f"Dr. {ref.family},\n\nThank you for referring {p.full} (DOB {dob(r, p)}) to the DCUMC Kidney Transplant Program. {p.he.capitalize()} completed evaluation on "
           f"{fd(past(r, 20, 60), 'long')} and the selection committee approved listing. {p.he.capitalize()} is now active on the UNOS deceased-donor waitlist as of "
           f"{fd(past(r, 1, 10), 'long')}, blood type {pick(r, 'O', 'B', 'A', 'AB')}, cPRA {r.randint(0, 98)}%. Dialysis start date counted for waiting time: {fd(past(r, 400, 1900), 'mdy')}.\n\n"
           f"Please continue monthly PRA samples from the dialysis unit and let us know about any hospitalization, transfusion or infection. {p.his.capitalize()} sister is being worked up as a living donor.\n\n"
           f"{d.given} {d.family}, {d.cred}\nTransplant Nephrology")
    return Doc(O["tx"], "tx/listing-update", "", [P(txt)], "transplant listing letter")

@tpl("phi", "tx/waitlist", table=True)
def tx_wait(r):
    rows = []
    for _ in range(r.randint(6, 9)):
        p = pt(r, 22, 70)
        rows.append([p.lfm, p.mrn, p.dob, pick(r, "Kidney", "Kidney", "Liver", "Kidney/Pancreas"), pick(r, "O", "A", "B", "AB"), r.randint(0, 99),
                     pick(r, "Active", "Inactive - infection", "Inactive - BMI", "Active", "Hold - insurance"), pick(r, "Pine Belt Kidney", "Houma Nephrology", "self")])
    return Doc(O["tx"], "tx/waitlist", "Waitlist review - selection committee", [T(["Candidate", "MRN", "DOB", "Organ", "ABO", "cPRA", "Status", "Referring"], rows)], "waitlist review")

@tpl("phi", "tx/hl7-oru-tacrolimus")
def tx_hl7(r):
    p = pt(r, 25, 70); m = mrn(r); v = round(r.uniform(3.1, 14.9), 1)
    h = (f"MSH|^~\\&|SUNQUEST|DCUMC|EPIC|DCUMC|{TODAY:%Y%m%d}0642||ORU^R01|{dg(r, 8)}|P|2.5.1\rPID|1||{m}^^^DCUMC^MR||{asciify(p.family).upper()}^{asciify(p.first).upper()}^{p.mi}||"
         f"{p.dob:%Y%m%d}|{p.sex}|||{p.street.upper()}^^{p.city.upper()}^{p.st}^{p.zip}||{p.phone}\rPV1|1|O|TXCLIN^^^DCUMC\r"
         f"OBR|1||{dg(r, 9)}|TACRO^Tacrolimus level|||{TODAY:%Y%m%d}0610\rOBX|1|NM|TACRO^Tacrolimus trough||{v}|ng/mL|5.0-10.0|{'H' if v > 10 else 'L' if v < 5 else 'N'}|||F\r"
         f"OBX|2|NM|CREAT^Creatinine||{round(r.uniform(0.9, 3.1), 2)}|mg/dL|0.6-1.3||||F")
    return Doc(O["tx"], "tx/hl7-oru-tacrolimus", "", [P("Interface error queue - message below failed routing to the transplant in-basket, please re-drop:"), PRE(h.replace("\r", "\n"))], "ORU retry")

@tpl("phi", "pfs/dispute-reply")
def pfs_dispute(r):
    p = pt(r, 25, 80); a = acct(r); rep = staff(r, "Patient Account Rep"); dos = past(r, 40, 200); amt = round(r.uniform(180, 4200), 2)
    txt = (f"{sal(r, p)}\n\nThank you for contacting Patient Financial Services about account {a}. I reviewed the charges for your visit on {fd(dos, 'mdy')}. "
           f"The balance of ${amt:,.2f} is from the emergency department visit and the CT of your abdomen (CPT 74177). Your plan, "
           f"{pick(r, 'Blue Cross of Mississippi', 'Humana Medicare Advantage', 'Pelican Bend Health Plan')}, processed claim {claim(r)} and applied it to your deductible.\n\n"
           f"Because your household income qualifies, I have submitted a financial assistance application on your behalf; the account is on hold for 60 days while it is reviewed.\n\n"
           f"{rep.given} {rep.family}\nPatient Account Representative\nDCUMC Patient Financial Services | {O['pfs'].phone}")
    return Doc(O["pfs"], "pfs/dispute-reply", "", [P(txt)], f"Your account inquiry")

@tpl("phi", "pfs/denial-worklist", table=True)
def pfs_denials(r):
    rows = []
    for _ in range(r.randint(7, 11)):
        p = pt(r, 1, 90)
        rows.append([har(r), p.caps, p.dob, past(r, 20, 120), pick(r, "CO-197 no auth", "CO-50 med necessity", "CO-16 missing info", "PR-1 deductible", "CO-29 timely filing"),
                     icd(pick(r, "osa", "dm2", "chf", "pna", "lbp", "hepc")), f"{r.uniform(120, 38000):.2f}"])
    return Doc(O["pfs"], "pfs/denial-worklist", "Denials worklist - Medicaid MCOs", [T(["HAR", "Patient", "DOB", "DOS", "CARC", "Primary Dx", "Billed"], rows)], "denials worklist")

@tpl("phi", "pfs/ub04")
def pfs_ub04(r):
    p = pt(r, 60, 90); dos = past(r, 20, 60)
    return Doc(O["pfs"], "pfs/ub04", "UB-04 claim data (corrected claim)", [KV(
        ("1 Provider", "DCUMC - 2200 Magnolia Bluff Pkwy Jackson MS"), ("3a PAT CNTL #", har(r)), ("4 Type of Bill", "0117"), ("6 Statement period", f"{fd(dos, 'mdy')} - {fd(dos + DAY(days=4), 'mdy')}"),
        ("8 Patient Name", p.caps), ("9 Patient Address", p.addr.upper()), ("10 Birthdate", p.dob.strftime("%m%d%Y")), ("11 Sex", p.sex),
        ("50 Payer", "MEDICARE PART A"), ("60 Insured's Unique ID", mbi(r, False)), ("67 Principal Dx", icd(pick(r, "chf", "pna", "copd"))),
        ("76 Attending NPI", npi(r)), ("80 Remarks", "Corrected claim - added condition code D4"))], "UB04 corrected")

@tpl("phi", "occ/work-status")
def occ_status(r):
    p = pt(r, 22, 60, "M"); pa = staff(r, "PA-C"); emp = pick(r, "Singing River Marine Fabricators", "Chickasaw Gravel & Paving", "Pine Belt Poultry")
    inj = pick(r, ("lumbar strain lifting a pallet", "no lifting over 20 lb, no bending/twisting, sit/stand as needed"),
                  ("laceration to the right hand on sheet metal (8 sutures)", "no use of right hand, keep dressing dry, no gloves-required tasks"),
                  ("right ankle sprain stepping off the loader", "seated work only, no ladders, boot on at all times"))
    txt = (f"To: {pick(r, 'Safety Manager', 'HR / Workers Comp Coordinator')}, {emp}\n\n{p.first} {p.family} was seen today for the work injury of {fd(past(r, 2, 10), 'm/d/yy')} - "
           f"{inj[0]}. Status: modified duty, {inj[1]}. Recheck {fd(soon(r, 5, 10), 'mdy')}. Naproxen prescribed. Physical therapy 2x/week x 3 weeks has been ordered.\n\n"
           f"{pa.given} {pa.family}, {pa.cred}\nRed Clay Occupational Health")
    return Doc(O["occ"], "occ/work-status", "Work Status Report", [P(txt)], "work status")

@tpl("phi", "occ/mro-result")
def occ_mro(r):
    p = pt(r, 21, 58)
    return Doc(O["occ"], "occ/mro-result", "Medical Review Officer - Verified Result", [KV(
        ("Donor", p.lfm), ("Donor ID (last 4 SSN)", "XXX-XX-" + dg(r, 4)), ("Date of birth", dob(r, p)), ("Specimen ID", dg(r, 7)), ("Collected", fd(past(r, 3, 9), "mdy")),
        ("Reason", pick(r, "Post-accident", "Random - DOT FMCSA", "Pre-employment")), ("Verified result", pick(r, "POSITIVE - oxycodone (valid Rx not provided)", "POSITIVE - marijuana metabolite", "NEGATIVE-DILUTE, recollect under direct observation")),
        ("MRO", f"{doc_(r).given} {doc_(r).family}, MD")), P("Result released to the designated employer representative only.")], "MRO result")

@tpl("phi", "sleep/psg-result")
def sleep_psg(r):
    p = pt(r, 30, 72); d = doc_(r); ahi = r.randint(16, 72); spo2 = r.randint(71, 86)
    txt = (f"{sal(r, p)}\n\nYour overnight sleep study from {fd(past(r, 7, 20), 'long')} showed {'severe' if ahi >= 30 else 'moderate'} obstructive sleep apnea. "
           f"You stopped breathing or had shallow breathing about {ahi} times an hour (normal is fewer than 5), and your oxygen level dropped as low as {spo2}%. "
           f"This explains the daytime sleepiness and the snoring your {pick(r, 'wife', 'husband', 'partner')} described.\n\n"
           f"The next step is a CPAP titration night in our lab. Our scheduler will call you. Until then, please avoid driving when drowsy and skip alcohol in the evening.\n\n"
           f"{d.given} {d.family}, {d.cred}\nLive Oak Sleep Disorders Center")
    return Doc(O["sleep"], "sleep/psg-result", "", [P(txt)], "Sleep study results")

@tpl("phi", "sleep/cpap-compliance")
def sleep_cpap(r):
    p = pt(r, 30, 75); use = r.randint(31, 68)
    return Doc(O["sleep"], "sleep/cpap-compliance", "CPAP compliance - 30 day download", [KV(
        ("Patient", p.shape(r)), ("DOB", dob(r, p)), ("Device", f"ResMed AirSense 11 AutoSet SN {dg(r, 11)}"), ("Days used >= 4h", f"{use}%"),
        ("Avg use", f"{r.randint(2, 6)}h {r.randint(0, 59)}m"), ("Residual AHI", round(r.uniform(1.1, 9.8), 1)), ("Leak 95th", f"{r.randint(8, 40)} L/min")),
        P(f"Below the 70% Medicare adherence threshold. Patient reports mask discomfort - refit to nasal pillows. Please have the DME (Acadiana Home Respiratory) contact {p.him} at {p.phone}.")], "compliance download")

@tpl("phi", "wound/photo-description")
def wound_photo(r):
    p = pt(r, 50, 88); n = staff(r, "RN, CWS"); l, w, dp = round(r.uniform(1.2, 5.5), 1), round(r.uniform(0.8, 3.9), 1), round(r.uniform(0.2, 1.4), 1)
    txt = (f"Photos from today's visit are in Media tab. Describing for Dr. {pick(r, 'Necaise', 'Bivens', 'Loper')} since the upload is slow:\n\n"
           f"Photo 1 - {p.first} {p.family[0]}.'s left heel, plantar aspect. Wound {l} x {w} x {dp} cm, was {round(l + 0.6, 1)} x {round(w + 0.4, 1)} last week. Wound bed ~60% red granulation, "
           f"40% yellow slough at the 3-6 o'clock edge. Moderate serous drainage, no odor. Periwound callus, macerated at medial edge.\n"
           f"Photo 2 - probe to bone negative. Photo 3 - right great toe amputation site, healed.\n\n"
           f"{p.he.capitalize()} admits {p.he}'s been walking on it without the offloading boot at work. A1c last month 9.4. Sharp debridement done, collagen + foam, continue weekly.")
    return Doc(O["wound"], "wound/photo-description", "", [P(txt), P(f"{n.given} {n.family}, {n.cred}")], "wound photos")

@tpl("phi", "wound/hbot-schedule", table=True)
def wound_hbot(r):
    rows = []
    for i in range(r.randint(6, 9)):
        p = pt(r, 40, 85)
        rows.append([f"{7 + i}:{pick(r, '00', '30')}", p.lf, p.dob, pick(r, "Chamber 1", "Chamber 2"), f"{r.randint(3, 38)}/40",
                     pick(r, "DFU Wagner 3 L foot", "radiation cystitis", "osteoradionecrosis mandible", "compromised flap", "chronic refractory osteomyelitis"), pick(r, "", "glucose check pre-dive", "claustrophobic - ativan ok")])
    return Doc(O["wound"], "wound/hbot-schedule", f"HBOT dive schedule {fd(soon(r, 1, 3), 'dmon')}", [T(["Time", "Patient", "DOB", "Chamber", "Tx #", "Indication", "Notes"], rows)], "dive schedule")

@tpl("phi", "travel/shift-handoff")
def travel_handoff(r):
    rn = staff(r, "Travel RN"); rows = []
    for _ in range(r.randint(4, 6)):
        p = pt(r, 40, 92)
        rows.append(f"{r.randint(1, 30)} {p.family}{' ' + p.first if r.random() < 0.5 else ''} {p.age}{p.sex} - "
                    + pick(r, "CHF exac, lasix gtt, strict I/O, 2L NC", "s/p lap chole POD1, pain ctrl, advance diet", "COPD, on bipap at night, pulls it off", "DKA resolved, transition to subq, pt teaching",
                           "sepsis r/o UTI, blood cx pending, confused at night - sitter", "ETOH withdrawal CIWA 14, ativan q2h prn"))
    txt = (f"hey girl - here's my report for tonight since you're picking up my 5 North pod, sorry i'm sending from my phone\n\n" + "\n".join(rows) +
           f"\n\nbed {r.randint(1, 30)} family is a lot, daughter calls every hour. good luck!! -{rn.given}")
    return Doc(O["travel"], "travel/shift-handoff", "", [P(txt)], "report")

@tpl("phi", "travel/clearance-tb")
def travel_tb(r):
    rn = staff(r, "Travel RN"); cs = staff(r, "Credentialing Specialist")
    txt = (f"Hi {rn.given},\n\nYour QuantiFERON from {fd(past(r, 5, 12), 'm/d')} came back positive, so DCUMC Employee Health won't clear you to start on the "
           f"{fd(soon(r, 7, 20), 'm/d')} contract until the chest x-ray is read and you've seen their provider. You told me you had the BCG as a kid in the Philippines, which can do this, "
           f"but they still need the CXR. I also still need your hep B titer - the one you uploaded was negative, so they want the booster series started.\n\n"
           f"Your start date is on hold for now. Call me at {O['travel'].phone} x{r.randint(200, 299)}.\n\n{cs.given} {cs.family}\nCredentialing, Magnolia Compass")
    return Doc(O["travel"], "travel/clearance-tb", "", [P(txt)], "your clearance")

@tpl("phi", "amc/census", table=True)
def amc_census(r):
    rows = []
    for i in range(r.randint(8, 12)):
        p = pt(r, 19, 95)
        rows.append([f"{pick(r, '4W', '5N', '6E', 'MICU')}-{r.randint(1, 36):02d}", p.caps, p.mrn, p.age, pick(r, "CHF", "PNA", "GI bleed", "sepsis", "CVA", "DKA", "s/p CABG", "COPD exac", "SCD crisis"),
                     pick(r, "Home w/ HH", "SNF - awaiting bed", "LTACH referral", "Home", "Hospice eval"), soon(r, 0, 4)])
    return Doc(O["amc"], "amc/census", "Bed huddle - expected discharges", [T(["Bed", "Patient", "MRN", "Age", "Dx", "Dispo", "EDD"], rows)], "bed huddle")

@tpl("phi", "amc/fhir-patient-obs")
def amc_fhir(r):
    p = pt(r, 20, 80); m = p.mrn; g = round(r.uniform(180, 420))
    pat = {"resourceType": "Patient", "id": f"dc-{dg(r, 6)}", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.9921.1", "value": m}],
           "name": [{"family": p.family, "given": p.given.split() + [p.mi]}], "gender": "male" if p.sex == "M" else "female", "birthDate": p.dob.isoformat(),
           "telecom": [{"system": "phone", "value": p.phone}], "address": [{"line": [p.street], "city": p.city, "state": p.st, "postalCode": p.zip}]}
    obs = {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "Glucose [Mass/volume] in Serum or Plasma"}]},
           "subject": {"reference": f"Patient/{pat['id']}"}, "effectiveDateTime": f"{TODAY}T06:{r.randint(10, 59)}:00-05:00", "valueQuantity": {"value": g, "unit": "mg/dL"},
           "interpretation": [{"coding": [{"code": "H"}]}]}
    import json
    return Doc(O["amc"], "amc/fhir-patient-obs", "", [P("Payload the app vendor says didn't land - can you check the FHIR gateway logs?"), PRE(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": pat}, {"resource": obs}]}, indent=1, ensure_ascii=False))], "FHIR bundle not landing")

@tpl("phi", "amc/phone-message")
def amc_phone(r):
    p = pt(r, 55, 90); sp = pt(r, 55, 90, "F" if p.sex == "M" else "M"); sp.family = p.family; u = staff(r, "Unit Secretary")
    txt = (f"WHILE YOU WERE OUT\nFor: Dr. {pick(r, 'Harbison', 'Gautreaux', 'Ishee')}\nFrom: {'Mrs.' if sp.sex == 'F' else 'Mr.'} {sp.family} ({'wife' if sp.sex == 'F' else 'husband'} of {p.first})\n"
           f"Phone: {sp.phone}   Time: {clock(r)}\n\nMessage: Says {p.first} has been more confused since they started the new Eliquis and the Seroquel at night, fell in the bathroom Sunday - no head strike. "
           f"Wants to know if {p.he} should stop the Seroquel. Also needs the home health order re-faxed to Gulf Coast HH.\n\n[x] Please call back  [ ] Will call again  - {u.given}")
    return Doc(O["amc"], "amc/phone-message", "", [P(txt)], "phone msg")

@tpl("phi", "amc/refill-request")
def amc_refill(r):
    p = pt(r, 30, 85); med = pick(r, ("Eliquis 5 mg tablet", "0003-0894-21"), ("Lantus SoloStar 100 unit/mL pen", "0088-2219-05"), ("Sertraline 100 mg tablet", "16729-0214-01"), ("Lithium carbonate 300 mg capsule", "0054-2527-25"))
    return Doc(O["amc"], "amc/refill-request", "Refill Request", [KV(("Patient", p.lfm), ("DOB", dob(r, p)), ("Med Rec #", p.mrn), ("Medication", med[0]), ("NDC", med[1]),
               ("Sig", "1 tab PO daily" if "tablet" in med[0] or "capsule" in med[0] else "24 units subq at bedtime"), ("Last fill", fd(past(r, 25, 40), "mdy")),
               ("Pharmacy", pick(r, "Fred's", "Walgreens", "Rite Aid", "Gulf Drugs") + f" - {p.city}")),
               P("Patient out of meds since the weekend. Last office visit > 12 months - approve 30 days and schedule?")], "refill request")

@tpl("phi", "amc/lab-letter-es")
def amc_es(r):
    p = pt(r, 25, 70); p.given = pick(r, "Luis Ángel", "Yesenia", "José Manuel", "Ana Sofía"); p.family = pick(r, "Hernández", "de la Cruz", "Cuevas", "Ortiz Báez")
    txt = (f"Estimado(a) {p.given} {p.family}:\n\nLe escribimos con los resultados de sus análisis del {fd(past(r, 4, 12), 'es')}. Su colesterol LDL fue de {r.randint(165, 240)} mg/dL "
           f"y su hemoglobina A1c de {round(r.uniform(6.5, 9.9), 1)}%, lo que confirma diabetes tipo 2. El médico recomienda empezar metformina 500 mg dos veces al día y atorvastatina 40 mg.\n\n"
           f"Fecha de nacimiento en su expediente: {fd(p.dob, 'dmy')}. Si hay un error, llámenos al {O['amc'].phone}.\n\nClínica de Medicina Interna - DCUMC")
    return Doc(O["amc"], "amc/lab-letter-es", "", [P(txt)], "Resultados de laboratorio", lang="es")

@tpl("phi", "mco/enrollment-ssn")
def mco_ssn(r):
    p = pt(r, 20, 60); cc = staff(r, "Care Coordinator")
    txt = (f"Following up on the renewal packet for the member we talked about Friday. Her SSN on the state file is {ssn(r)} but the one on the application she mailed in doesn't match "
           f"(transposed digits). She is 31 weeks pregnant and her coverage lapses at the end of the month, so the OB can't schedule the growth ultrasound until it's fixed. "
           f"Can you push the correction through the LDH portal today?\n\n{cc.given}")
    return Doc(O["mco"], "mco/enrollment-ssn", "", [P(txt)], "renewal packet correction")

@tpl("phi", "kids/school-letter")
def kids_school(r):
    k = kid(r, 6, 15); n = staff(r, "CPNP")
    return Doc(O["kids"], "kids/school-letter", "School Health Plan", [
        P(f"To the school nurse, {pick(r, 'Davidson Elementary', 'Baker Middle School', 'Semmes Elementary', 'Citronelle Middle')}:"),
        P(f"{k.full}, date of birth {dob(r, k)}, is followed in our Hematology clinic for sickle cell disease (HbSS). {k.first} should be allowed unlimited water and bathroom breaks, "
          f"should not do strenuous PE outdoors when the heat index is over 95, and must be sent home/to the ED for any fever of 101 or higher, chest pain, or sudden weakness. "
          f"{k.he.capitalize()} takes hydroxyurea at home; no medication is needed at school except ibuprofen for mild pain."),
        P(f"{n.given} {n.family}, {n.cred}, Little Egret Children's Hematology")], "school letter")

@tpl("phi", "wound/referral")
def wound_ref(r):
    p = pt(r, 55, 90); d = doc_(r)
    return Doc(O["wound"], "wound/referral", "Referral to Wound Care", [KV(("Patient name", p.full), ("DOB", dob(r, p)), ("Insured's ID Number", mbi(r)), ("Phone", p.phone),
               ("Referring", f"{d.given} {d.family}, {d.cred}  NPI {npi(r)}"), ("Reason", icdx(pick(r, "pu", "venous", "dmfoot")))),
               P(f"Wound present ~{r.randint(3, 14)} weeks, failed silver alginate + compression. Lives with daughter, homebound, needs transport. Please evaluate for HBOT / skin substitute.")], "referral")

# ================================================================== CLEAN templates
@tpl("clean", "amc/oncall-schedule", table=True)
def c_oncall(r):
    rows = []; start = soon(r, 1, 10)
    for i in range(7):
        a, b = staff(r, "MD"), staff(r, "NP")
        rows.append([start + DAY(days=i), f"Dr. {a.family}", f"{b.given} {b.family}, NP", f"{r.randint(200, 999)}-{dg(r, 4)}", pick(r, "", "swap approved", "holiday")])
    return Doc(O["amc"], "amc/oncall-schedule", "Hospitalist on-call - week of " + fd(start, "long"), [T(["Date", "Attending", "APP", "Pager", "Note"], rows),
               P("Swaps must be approved by the section chief 48 hours in advance.")], "on-call schedule")

@tpl("clean", "kids/newsletter-sickle-cell")
def c_news_scd(r):
    return Doc(O["kids"], "kids/newsletter-sickle-cell", "September is Sickle Cell Awareness Month", [
        P("About 1 in 365 Black or African-American babies is born with sickle cell disease, and Alabama screens every newborn for it. Our Hematology team follows more than 600 children across the Gulf Coast."),
        H("What families can do"), BUL("Keep up with hydroxyurea and penicillin as prescribed", "Know the fever rule: 101°F or higher means a call to the clinic right away", "Get the flu shot every fall", "Drink water - lots of it - in our summer heat"),
        P(f"Join us for the Red Cell Walk on {fd(soon(r, 10, 30), 'long')} at Cooper Riverside Park. Registration and T-shirts at the Child Life desk. Questions: hematology outreach, {O['kids'].phone}.")], "newsletter")

@tpl("clean", "amc/deidentified-readmissions", table=True)
def c_stats(r):
    rows = [[u, r.randint(80, 420), f"{r.uniform(8, 24):.1f}%", f"{r.uniform(3, 7):.1f}", pick(r, "up", "down", "flat")] for u in ["4 West Med", "5 North Cardiac", "6 East Surg", "MICU", "Ortho/Neuro", "Oncology"]]
    return Doc(O["amc"], "amc/deidentified-readmissions", "30-day readmissions by unit, Q3 2026 (de-identified)", [T(["Unit", "Discharges", "30d readmit", "ALOS", "Trend"], rows),
               P("Aggregate counts only; cells under 11 suppressed per policy. Heart failure and COPD remain the top two readmission diagnoses system-wide.")], "Q3 readmissions")

@tpl("clean", "amc/it-ticket")
def c_it(r):
    t = tkt(r); s = staff(r)
    txt = (f"Ticket {t} has been updated.\n\nShort description: Zebra label printer offline - 4 West nurses' station, room 412 side\nCaller: {s.given} {s.family} (ext {r.randint(2000, 6999)})\n"
           f"Assignment group: Field Services - Jackson\nState: In Progress\n\nWork notes: Replaced the print head and re-paired with workstation WJKS4W{dg(r, 3)}. Test label printed OK. "
           f"Will leave open 24h to confirm.\n\nDo not reply to this e-mail; use the portal to add comments.")
    return Doc(O["amc"], "amc/it-ticket", "", [P(txt)], f"{t} updated - label printer 4 West")

@tpl("clean", "travel/car-insurance")
def c_carins(r):
    s = staff(r)
    txt = (f"Hi {s.first},\n\nYour auto policy {pick(r, 'MSA', 'LAP', 'ALF')}-{dg(r, 4)}-{dg(r, 5)} renews on {fd(soon(r, 10, 30), 'long')}. Premium for the 2021 Nissan Rogue goes from $612 to $655 per six months "
           f"because of the new garaging ZIP in {pick(r, 'Mobile', 'Daphne', 'Gulfport')}. Since you're on a travel contract, keep your home-of-record address with us unless you move for more than 6 months.\n\n"
           f"Member number for roadside assistance: {dg(r, 3)} {dg(r, 3)} {dg(r, 3)}.\n\nMagnolia State Insurance Agency")
    return Doc(O["travel"], "travel/car-insurance", "", [P(txt)], "auto policy renewal")

@tpl("clean", "wound/vendor-quote", table=True)
def c_quote(r):
    rows = [[f"{pick(r, 'MSC', 'ALG', 'FOM', 'CMP')}{dg(r, 4)}", pick(r, "Silver alginate 4x4", "Bordered foam 6x6", "Collagen sheet 2x2", "Two-layer compression kit", "Total contact cast kit"),
             pick(r, "BX/10", "CS/50", "EA"), f"{r.uniform(8, 240):.2f}", lot(r)] for _ in range(6)]
    return Doc(O["wound"], "wound/vendor-quote", f"Quote Q-{dg(r, 5)} - Brightwell Medical", [P("Thanks for the call. Pricing below is valid 90 days under your GPO contract."),
               T(["Catalog #", "Description", "UOM", "Price", "Lot (current)"], rows), P(f"Reference PO {po(r)} on your order. Free freight over $500.")], "quote")

@tpl("clean", "amc/hipaa-training")
def c_hipaa(r):
    return Doc(O["amc"], "amc/hipaa-training", "Annual Privacy & Security Training - module 3 examples", [
        P("These examples use fake identifiers. Never type real patient data into a training quiz."),
        KV(("Sample SSN (advertising card, never issued)", "078-05-1120"), ("CMS example MBI", "1EG4-TE5-MK73"), ("MBI format", "1AA1-AA1-AA11 (C A AN N A AN N A A N N)"),
           ("Sample MRN", "00000000"), ("Practice patient", "ZZTEST, SPARKY (Epic PLY environment only)")),
        P(f"Complete the module in HealthStream by {fd(soon(r, 10, 30), 'long')}. Managers will receive a completion roster on the 1st."),
    ], "HIPAA training")

@tpl("clean", "fqhc/staff-birthday")
def c_bday(r):
    s = staff(r); bd = soon(r, 1, 9)
    txt = (f"Hey team!\n\nIt's {s.given}'s birthday on {fd(bd, 'long')} (don't ask which one, ha). We're doing king cake and gumbo in the Houma break room at 12:30. "
           f"Sign the card at the front desk, and $5 toward the gift card if you want in - Venmo or cash to {pick(r, 'Tameka', 'Brandi', 'Wade')}.\n\nShhh it's a surprise!")
    return Doc(O["fqhc"], "fqhc/staff-birthday", "", [P(txt)], "shhh - birthday")

@tpl("clean", "amc/bls-classes", table=True)
def c_classes(r):
    rows = [[soon(r, 3, 60), f"{r.randint(8, 13)}:00", pick(r, "BLS Provider", "ACLS Renewal", "PALS", "NRP", "Heartsaver CPR/AED"), pick(r, "Sim Lab B", "Conf Rm Magnolia A", "Pavilion C 210"),
             f"{staff(r).given} {staff(r).family}", r.randint(2, 12)] for _ in range(8)]
    rows.sort(key=lambda x: x[0])
    return Doc(O["amc"], "amc/bls-classes", "Resuscitation education - class schedule", [T(["Date", "Start", "Course", "Room", "Instructor", "Seats left"], rows),
               P("Register in the learning system. Bring your e-card from the last course.")], "class schedule")

@tpl("clean", "sleep/device-recall")
def c_recall(r):
    return Doc(O["sleep"], "sleep/device-recall", "Field Safety Notice - humidifier water chamber", [
        P(f"The manufacturer has issued a voluntary recall of certain HumidAir water tubs, lot numbers {lot(r)} through {lot(r)}, due to cracking at the seam that may cause water leaks. No patient injuries reported."),
        BUL("Check lot number on the bottom of each spare chamber in the lab", "Quarantine affected tubs in the supply room, shelf 3", f"Return via the prepaid label, RMA {dg(r, 8)}"),
        P("Patients with home devices will be contacted by their DME supplier directly; the lab does not need to call anyone.")], "recall notice")

@tpl("clean", "travel/job-posting")
def c_job(r):
    return Doc(O["travel"], "travel/job-posting", f"HOT JOB: {pick(r, 'ICU', 'Med-Surg', 'L&D', 'ED', 'PICU')} RN - Jackson, MS - 13 weeks", [
        KV(("Shift", "3x12 nights"), ("Start", fd(soon(r, 14, 40), "mdy")), ("Weekly gross", f"${r.randint(1900, 2900):,}"), ("Requirements", "2 yrs recent experience, BLS/ACLS, MS or compact license"),
           ("Job ID", f"MC-{dg(r, 5)}")),
        P("Housing stipend included. Refer a friend and get $1,000 after they complete 360 hours. Reply to this e-mail or text your recruiter.")], "job posting")

@tpl("clean", "fqhc/grant-report", table=True)
def c_grant(r):
    rows = [[m, r.randint(900, 3100), r.randint(80, 410), f"{r.uniform(55, 80):.0f}%", f"{r.uniform(40, 70):.0f}%"] for m in ["Jul", "Aug", "Sep"]]
    return Doc(O["fqhc"], "fqhc/grant-report", "HRSA Health Center Program - quarterly progress (aggregate)", [T(["Month", "Unduplicated pts", "New pts", "HTN controlled", "A1c<9"], rows),
               P("Numbers are aggregate UDS-style counts; no patient-level data is included. Diabetes control improved after the CHW home-visit pilot started in July.")], "grant report")

@tpl("clean", "pfs/form-revision")
def c_formrev(r):
    txt = (f"All registration staff:\n\nThe Patient Information form (PFS-014) has a new revision dated {fd(past(r, 10, 30), 'mdy')}. The \"date of birth\" and \"guarantor date of birth\" boxes are now on page 1. "
           f"Please recycle the old forms (rev 2019) by {fd(soon(r, 5, 20), 'long')}. The deadline for the front-end audit is {fd(soon(r, 20, 40), 'mdy')}.\n\n"
           f"Reminder: Insured's ID Number must match the card exactly.\n\n- Revenue Cycle Training")
    return Doc(O["pfs"], "pfs/form-revision", "", [P(txt)], "new registration form revision")

@tpl("clean", "occ/employer-contract")
def c_occ_contract(r):
    return Doc(O["occ"], "occ/employer-contract", "Employer Services Agreement - renewal pricing", [
        KV(("Account", pick(r, "Chickasaw Gravel & Paving", "Pine Belt Poultry", "Singing River Marine Fabricators")), ("Account #", f"EMP-{dg(r, 5)}"), ("Term", f"{TODAY.year + 1}-01-01 to {TODAY.year + 1}-12-31")),
        T(["Service", "CPT/Code", "Price"], [["DOT physical", "99455", "$85.00"], ["5-panel urine drug screen (DOT)", "80305", "$48.00"], ["Breath alcohol test", "82075", "$35.00"],
                                            ["Audiogram", "92552", "$30.00"], ["Respirator fit test", "-", "$40.00"], ["New injury visit", "99203", "$165.00"]]),
        P("Rates are flat and include MRO review. Please sign and return by December 1.")], "pricing renewal")

@tpl("clean", "cancer/5k")
def c_5k(r):
    return Doc(O["cancer"], "cancer/5k", "Pink & Teal 5K - volunteers needed", [
        P(f"The Cahaba Oaks Survivorship 5K is {fd(soon(r, 15, 45), 'long')} at Bonita Lakes Park. We need 40 staff volunteers for water stations, packet pickup and the finish line."),
        BUL("Packet pickup: Friday 3-6 pm, Cancer Center lobby", "Race day check-in: 6:45 am", "Volunteer T-shirts: sizes S-3XL"),
        P("All proceeds go to the patient transportation fund. Sign up on the intranet by next Friday.")], "5K volunteers")

@tpl("clean", "crisis/volunteer-training", table=True)
def c_crisis_train(r):
    rows = [[soon(r, 2, 40), pick(r, "Active listening", "Suicide risk assessment (ASIST)", "Safety planning", "Trauma-informed care", "Lethal means counseling", "Self-care and vicarious trauma"),
             f"{staff(r).given} {staff(r).family}, LPC", pick(r, "Zoom", "Hattiesburg office", "Laurel satellite")] for _ in range(6)]
    rows.sort(key=lambda x: x[0])
    return Doc(O["crisis"], "crisis/volunteer-training", "New volunteer cohort - training calendar", [T(["Date", "Topic", "Trainer", "Location"], rows),
               P("Role-play scenarios use fictional callers only. Please don't bring real call examples to class.")], "volunteer training")

@tpl("clean", "crisis/988-stats")
def c_988(r):
    return Doc(O["crisis"], "crisis/988-stats", "988 Lifeline - September contact summary (aggregate)", [
        KV(("Calls answered", r.randint(1800, 2600)), ("Texts/chats", r.randint(400, 900)), ("In-state answer rate", f"{r.uniform(88, 97):.1f}%"), ("Mobile crisis dispatches", r.randint(40, 110)),
           ("Average speed to answer", f"{r.randint(12, 38)} sec")),
        P("Youth contacts rose 14% after school started. No caller-level information is included in this report.")], "September 988 summary")

@tpl("clean", "mco/provider-bulletin")
def c_bulletin(r):
    return Doc(O["mco"], "mco/provider-bulletin", "Provider Bulletin - prior authorization changes effective " + fd(soon(r, 20, 50), "long"), [
        P("Pelican Bend Health Plan is removing prior authorization for the following services for in-network providers:"),
        T(["Code", "Description"], [["95806", "Home sleep apnea test"], ["97597", "Debridement, open wound, first 20 sq cm"], ["90837", "Psychotherapy, 60 minutes"], ["E0601", "CPAP device (initial 90-day rental)"]]),
        P("Diagnosis codes commonly billed with these services (G47.33, L97.422, F32.A) still require documentation in the medical record. Questions: Provider Relations, " + O["mco"].phone + ".")], "provider bulletin")

@tpl("clean", "tx/education-seminar")
def c_tx_sem(r):
    return Doc(O["tx"], "tx/education-seminar", "Living Kidney Donation - community information session", [
        P(f"Thinking about becoming a living kidney donor? Join our transplant surgeons and a past donor on {fd(soon(r, 7, 30), 'long')} at 6:00 PM, Pavilion C auditorium, or online."),
        BUL("What the donor evaluation involves", "Recovery and time off work", "Costs covered by the recipient's insurance", "Paired exchange: when you are not a match"),
        P("No registration required. Light dinner served. Parking validated in Garage B.")], "donor info session")

@tpl("clean", "pfs/chargemaster", table=True)
def c_cdm(r):
    rows = [[f"{dg(r, 8)}", d, cpt, rc, f"{r.uniform(40, 4800):.2f}"] for d, cpt, rc in [("CT ABD/PELVIS W/CONTRAST", "74177", "0350"), ("POLYSOMNOGRAPHY 4+ PARAM", "95810", "0740"),
            ("HYPERBARIC O2 PER 30 MIN", "G0277", "0413"), ("ED VISIT LEVEL 4", "99284", "0450"), ("TACROLIMUS LEVEL", "80197", "0301"), ("DEBRIDEMENT SUBQ 20 SQ CM", "11042", "0761")]]
    return Doc(O["pfs"], "pfs/chargemaster", "CDM update - price transparency file", [T(["CDM #", "Description", "CPT/HCPCS", "Rev code", "Gross charge"], rows),
               P("Effective January 1. Shoppable services file will be republished to the website on the 2nd.")], "CDM update")

@tpl("clean", "amc/room-booking")
def c_room(r):
    s = staff(r)
    txt = (f"Your reservation is confirmed.\n\nRoom: {pick(r, 'Magnolia A', 'Pavilion C 210', 'Cypress Boardroom', 'Sim Lab B')}\nDate: {fd(soon(r, 2, 20), 'long')}\nTime: {clock(r)} - {clock(r)}\n"
           f"Booked by: {s.given} {s.family}\nEvent: {pick(r, 'Nursing practice council', 'Residents journal club', 'Wound care in-service', 'Sleep lab tech meeting')}\nAV: projector, speakerphone\n\n"
           f"To cancel, reply CANCEL {dg(r, 6)}.")
    return Doc(O["amc"], "amc/room-booking", "", [P(txt)], "Room reservation confirmed")

@tpl("clean", "wound/inservice")
def c_wound_ins(r):
    return Doc(O["wound"], "wound/inservice", "In-service: offloading the diabetic foot", [
        P("Diabetic foot ulcers account for most of our new consults. This month's in-service covers total contact casting, removable walkers and why adherence is the whole game."),
        BUL("Wagner and University of Texas classification refresher", "Hands-on TCC application (bring scrubs)", "Documentation tips for L97 and E11.621 claims"),
        P(f"Thursday {fd(soon(r, 2, 14), 'short')}, 7:30 AM, Gulfport clinic conference room. Breakfast from Le Bakery.")], "in-service")

@tpl("clean", "kids/toy-drive")
def c_toys(r):
    return Doc(O["kids"], "kids/toy-drive", "Holiday toy drive", [P(f"Child Life is collecting new, unwrapped toys through {fd(soon(r, 20, 50), 'long')}. Most needed: teen gift cards, art supplies, "
               "board games, baby rattles and board books. Drop boxes are in the main lobby and the cafeteria. No stuffed animals please (infection control). Thank you for making the season brighter!")], "toy drive")

@tpl("clean", "mco/hedis-spec")
def c_hedis(r):
    return Doc(O["mco"], "mco/hedis-spec", "HEDIS MY2026 - Controlling High Blood Pressure (CBP) measure notes", [
        P("Denominator: members 18-85 with at least two outpatient visits with a diagnosis of hypertension (I10) in the measurement year or the year prior."),
        P("Numerator: most recent BP < 140/90. Exclusions include ESRD (N18.6), kidney transplant (Z94.0), pregnancy, hospice and palliative care."),
        P("Provider groups: please use CPT II codes 3074F/3075F and 3078F/3079F on claims so we don't need chart chase.")], "HEDIS spec")

@tpl("clean", "travel/credentialing-checklist", table=True)
def c_cred(r):
    rows = [[x, "", ""] for x in ["RN license verification", "BLS (AHA)", "ACLS (AHA)", "TB screening (QFT or 2-step)", "Hep B titer or declination", "MMR/Varicella titers",
                                  "Flu vaccine (seasonal)", "10-panel drug screen", "Skills checklist", "Fit test N95", "Background check"]]
    return Doc(O["travel"], "travel/credentialing-checklist", "Pre-start credentialing checklist (blank)", [P("Upload each item to the traveler portal. Date fields are the date the document was issued, not your date of birth."),
               T(["Item", "Date on file", "Verified by"], rows)], "checklist")

@tpl("clean", "sleep/research-flyer")
def c_research(r):
    return Doc(O["sleep"], "sleep/research-flyer", "Do you snore? Research study recruiting", [P("Live Oak Sleep Disorders Center is enrolling adults 40-70 with suspected sleep apnea in a study of a new at-home test. "
               "Participants receive two home tests, a free consultation and up to $150 for their time."), P(f"Call the study line at {O['sleep'].phone} option 4. IRB protocol #{dg(r, 4)}-{dg(r, 3)}.")], "research flyer")

@tpl("clean", "amc/formulary", table=True)
def c_formulary(r):
    rows = [[ndc(r), m, s, pick(r, "Add", "Remove", "Restrict - ID approval", "Substitute")] for m, s in [("Apixaban 5 mg tab", "Tier 2"), ("Empagliflozin 10 mg tab", "Tier 2"),
            ("Insulin glargine-yfgn pen", "Tier 1"), ("Ceftriaxone 1 g vial", "Tier 1"), ("Tacrolimus 1 mg cap", "Tier 1"), ("Pembrolizumab 100 mg/4 mL", "Restricted")]]
    return Doc(O["amc"], "amc/formulary", "P&T Committee - formulary changes", [T(["NDC", "Drug", "Tier", "Action"], rows), P("Effective after order-set build. Questions to the drug information service.")], "formulary changes")

@tpl("clean", "amc/didactics")
def c_didactic(r):
    d1, d2, d3 = doc_(r), doc_(r), doc_(r)
    return Doc(O["amc"], "amc/didactics", "Internal Medicine noon conference - next week", [BUL(
        f"Mon - DKA and HHS: fluids first (Dr. {d1.family})", f"Tue - Sickle cell pain crisis in adults (Dr. {d2.family})", f"Wed - M&M (closed session)",
        f"Thu - Reading a polysomnogram for the internist (Dr. {d3.family})", "Fri - Board review: nephrology"), P("Lunch provided by the department. Attendance is tracked by badge tap.")], "noon conference")

@tpl("clean", "amc/gym-membership")
def c_gym(r):
    s = staff(r)
    txt = (f"Welcome to DCUMC Wellness Center, {s.given}!\n\nMember #: WC{dg(r, 6)}\nPlan: Employee - payroll deduct $18/pay period\nStart: {fd(TODAY, 'mdy')}\n\n"
           f"Your badge now opens the fitness center (Pavilion A, lower level), 5 AM - 10 PM. Free group classes: spin M/W 5:30, yoga Th noon.")
    return Doc(O["amc"], "amc/gym-membership", "", [P(txt)], "Welcome to the Wellness Center")

@tpl("clean", "occ/case-conference-deid")
def c_deid(r):
    return Doc(O["occ"], "occ/case-conference-deid", "Case conference - de-identified", [P("Case: male, 40s, forklift operator at a regional distribution center. Repeated low-back complaints over 18 months; "
               "three modified-duty episodes. Question for the group: when to escalate to MRI vs. functional capacity evaluation?"), P("Please do not add names or employer details in replies.")], "case conference")

@tpl("clean", "pfs/invoice-po")
def c_invoice(r):
    return Doc(O["pfs"], "pfs/invoice-po", f"Invoice {inv(r)}", [KV(("Bill to", "DCUMC Accounts Payable, PO Box 23811, Jackson MS 39225"), ("PO", po(r)), ("Vendor #", f"V{dg(r, 6)}"),
               ("Service", "Statement printing and mailing - September"), ("Statements mailed", f"{r.randint(18000, 42000):,}"), ("Amount due", f"${r.uniform(9000, 22000):,.2f}"), ("Terms", "Net 30")),
               P("Remit by ACH. Thank you for your business - Magnolia Print & Mail Solutions.")], "invoice")

@tpl("clean", "kids/meeting-minutes")
def c_minutes(r):
    ppl = [staff(r) for _ in range(5)]
    return Doc(O["kids"], "kids/meeting-minutes", f"Nursing practice council minutes - {fd(past(r, 1, 7), 'long')}", [
        P("Present: " + ", ".join(f"{p.given} {p.family}" for p in ppl)),
        BUL("Hourly rounding audit: 4 South at 91%, PICU at 88%", "New IV pump library goes live November 3", "Clinical ladder applications due December 15", f"{ppl[1].given} presenting poster at the state nursing conference"),
        P("Next meeting second Tuesday, 2 PM, room 2B.")], "council minutes")

# ================================================================== more PHI narratives (no identifier labels)
@tpl("phi", "tx/post-tx-chat")
def tx_chat(r):
    p = pt(r, 30, 65, "M"); n = staff(r, "RN, CCTC"); cr = round(r.uniform(1.9, 3.4), 1)
    txt = (f"{pick(r, 'Dr K', 'Dr. Pham', 'hey doc')} - {p.nick} (kidney, {r.randint(3, 11)} wks out) labs just resulted, creat {cr} up from 1.4 last week, tac trough {round(r.uniform(3, 5), 1)}. "
           f"he admits he missed a couple evening doses when he was working offshore. no fever, making urine ok, bp 158/94. "
           f"i told him to come in tmrw am for repeat labs + US, and to plan on a biopsy if it's still up. ok to bump the tac to {r.randint(3, 6)} mg bid in the meantime?\n\n{n.given}")
    return Doc(O["tx"], "tx/post-tx-chat", "", [P(txt)], "labs")

@tpl("phi", "sleep/mslt-letter")
def sleep_mslt(r):
    p = pt(r, 17, 35); d = doc_(r)
    txt = (f"Dear {p.first},\n\nYour daytime nap study (MSLT) showed that you fell asleep in an average of {round(r.uniform(1.5, 6.5), 1)} minutes across five naps and went straight into dream sleep (REM) in "
           f"{r.randint(2, 5)} of them. Together with the episodes of sudden knee buckling when you laugh that you told me about, this confirms narcolepsy type 1.\n\n"
           f"This is very treatable. I'd like to start you on a medication at night and schedule naps at lunch. Please do not drive until we talk, and I'll write the letter for "
           f"{pick(r, 'your college disability office', 'your employer', 'the DMV')} you asked about.\n\nDr. {d.family}\nLive Oak Sleep Disorders Center")
    return Doc(O["sleep"], "sleep/mslt-letter", "", [P(txt)], "your nap study")

@tpl("phi", "occ/hearing-sts")
def occ_sts(r):
    p = pt(r, 30, 62, "M"); c = staff(r, "Case Manager")
    txt = (f"{p.nick if r.random() < 0.5 else p.title},\n\nYour annual hearing test at the yard on {fd(past(r, 5, 20), 'long')} shows a standard threshold shift in your "
           f"{pick(r, 'left', 'right')} ear compared with your {past(r, 700, 1500).year} baseline - an average drop of {r.randint(10, 20)} dB at 2000-4000 Hz. That means noise is starting to damage your hearing. "
           f"We are required to refit your ear protection within 21 days and retest in 30 days. Please come by Red Clay on your next day off; bring the plugs you use now.\n\n{c.given} {c.family}, {c.cred}")
    return Doc(O["occ"], "occ/hearing-sts", "", [P(txt)], "hearing test follow-up")

@tpl("phi", "wound/family-text")
def wound_family(r):
    p = pt(r, 65, 92, "F"); dtr = pt(r, 35, 60, "F"); n = staff(r, "LPN")
    txt = (f"hi {dtr.first} its {n.given.lower()} from the wound center. mama {p.first} did good today, the sore on her tailbone is smaller, measured {round(r.uniform(2, 4), 1)} x {round(r.uniform(1, 3), 1)} "
           f"down from last wk. still has some of that yellow stuff in the bottom so we cleaned it out. pls keep turning her every 2 hrs and keep her off her back, the air matress should come "
           f"from the DME thursday. her sugar was 212 when she got here, did she eat breakfast? see yall next tues 10:30")
    return Doc(O["wound"], "wound/family-text", "", [P(txt)], "your mom's visit today")

@tpl("phi", "kids/ed-callback")
def kids_ed(r):
    k = kid(r, 1, 12); mom = pt(r, 22, 45, "F"); mom.family = k.family; n = staff(r, "RN")
    txt = (f"hi mrs {k.family.lower()}, this is {n.given.lower()} from the peds ER callback line. the radiologist over-read {k.first}'s xray from last night and saw a small buckle fracture "
           f"of the {pick(r, 'left', 'right')} wrist that wasnt called at the time. nothing you did wrong! {k.he} needs a splint - pls bring {k.him} to ortho clinic tomorow at "
           f"{clock(r)}, 3rd floor. until then keep it in the sling, tylenol or motrin for pain. call {O['kids'].phone} if fingers get cold or numb")
    return Doc(O["kids"], "kids/ed-callback", "", [P(txt)], "callback from the ER")

@tpl("phi", "mco/nemt-chemo")
def mco_nemt(r):
    p = pt(r, 45, 75); c = staff(r, "Care Coordinator")
    txt = (f"Transportation team -\n\nPlease set up standing rides for {p.given} {p.family} from {p.street}, {p.city} to Cahaba Oaks Cancer Center for chemo every other "
           f"{pick(r, 'Monday', 'Tuesday', 'Thursday')} starting {fd(soon(r, 3, 10), 'm/d')}, 6 cycles. Infusions run 5-6 hours and {p.he} goes home with a pump, so return pickup "
           f"around 3:30. {p.he.capitalize()} uses a walker and gets nauseated - front seat if possible. Cell {p.phone}.\n\nThanks,\n{c.given}")
    return Doc(O["mco"], "mco/nemt-chemo", "", [P(txt)], "standing rides")

# ================================================================== more hard CLEAN
@tpl("clean", "travel/payroll-calendar", table=True)
def c_payroll(r):
    start = D(2026, 10, 2); rows = [[start + DAY(days=14 * i), start + DAY(days=14 * i + 6), start + DAY(days=14 * i + 12), pick(r, "", "", "holiday - timecards due Mon")] for i in range(7)]
    return Doc(O["travel"], "travel/payroll-calendar", "Traveler payroll calendar Q4", [T(["Timecard due", "Pay date", "Stipend date", "Note"], rows),
               P("Submit hours in the app by 10 AM Central on the due date. Direct deposit changes take one cycle.")], "payroll calendar")

@tpl("clean", "mco/member-newsletter")
def c_member_news(r):
    return Doc(O["mco"], "mco/member-newsletter", "Healthy Bayou - member newsletter, fall edition", [
        P("Living with diabetes? Members with type 2 diabetes can get a free glucose meter, test strips and a class with a diabetes educator at any Bayou Lantern or DCUMC clinic."),
        P("Get your flu shot at no cost at any in-network pharmacy. Bring your member ID card. Children 6 months and older should be vaccinated every year."),
        P("Need a ride to the doctor? Call Member Services at least 48 hours before your appointment.")], "member newsletter")

@tpl("clean", "kids/safe-sleep")
def c_safesleep(r):
    return Doc(O["kids"], "kids/safe-sleep", "Safe sleep talking points for discharge teaching", [BUL(
        "Alone - baby sleeps in their own crib or bassinet", "Back - every sleep, every nap", "Crib - firm flat mattress, no bumpers, blankets or pillows",
        "Room-share, don't bed-share, for at least the first 6 months"), P("Mississippi and Alabama both rank in the top five states for sleep-related infant deaths. Please document teaching in the flowsheet.")], "safe sleep")

@tpl("clean", "pfs/phishing-alert")
def c_phish(r):
    return Doc(O["pfs"], "pfs/phishing-alert", "Phishing alert - fake 'remittance advice' e-mails", [
        P(f"Several billing staff received e-mails that claim to be 835 remittance advice with a link to 'view ERA'. Sender addresses look like payer domains but are misspelled (e.g. pelicanbend-hp.co). "
          f"Do not click. Real ERAs only arrive through the clearinghouse."),
        P(f"If you clicked, call the IT service desk at x{r.randint(4000, 4999)} and reference incident {tkt(r)}.")], "phishing alert")
