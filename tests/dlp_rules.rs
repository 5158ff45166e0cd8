//! The shipped rule packs load, lint clean, and behave on hand-written cases.

use std::path::{Path, PathBuf};

use sealgate::dlp::{Action, DlpConfig, Scanner, cli};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

fn scanner() -> Scanner {
    let cfg = DlpConfig::default();
    match Scanner::load(&cfg, Path::new(env!("CARGO_MANIFEST_DIR"))) {
        Ok(s) => s,
        Err(e) => panic!("default packs must load:\n{e}"),
    }
}

fn msg(subject: &str, body: &str) -> Vec<u8> {
    format!("From: a@riverbend-health.org\r\nTo: b@example.com\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").into_bytes()
}

#[test]
fn shipped_packs_lint_clean() {
    assert_eq!(cli::rules_check(&rules_dir()), 0);
}

#[test]
fn cases() {
    let s = scanner();
    let cases: &[(&str, &str, bool)] = &[
        ("Hi", "Her SSN is 536-22-8915, please update.", true),
        ("Hi", "Sample SSN 078-05-1120 from the wallet card.", false),
        ("Hi", "Order 123-45-6789 shipped", false),
        ("Hi", "ITIN 912-70-1234 on file", true),
        ("Hi", "call 555-123-4567 tomorrow", false),
        ("Hi", "Medicare ID 1EG4-TE5-MK72", true),
        // CMS's published example and a format template from a billing guide.
        ("Hi", "Medicare ID 1EG4-TE5-MK73", false),
        ("Hi", "Medicare MBI format: 1AA1-AA1-AA11", false),
        ("Hi", "DOB 12-Apr-1961", true),
        ("Hi", "Patient born 19610412, seen today", true),
        ("Hi", "Cake for Dana, born 5/6/1985!", false),
        ("Hi", "Date of Birth (MM/DD/YYYY): 04/12/1961", true),
        ("Hi", "Fecha de nacimiento: 25/04/1961", true),
        (
            "Hi",
            "Paciente: José Pérez García, nacido el 12 de abril de 1961",
            true,
        ),
        (
            "Hi",
            "PATIENT'S NAME (Last Name, First Name)\nLOPEZ, MARIA\nDx: diabetes",
            true,
        ),
        ("Hi", "Pt: van der Berg, Anna - diabetes follow-up", true),
        ("Hi", "Mbr ID: XJH48291374 for the health plan", true),
        ("Hi", "Claim #: 88213345 for the patient", true),
        ("Hi", "Claim #: 88213345 for the fender bender", false),
        ("Hi", "CSN: 4410293381", true),
        ("Hi", "MBI is 1EG4TE5MK72 for the beneficiary", true),
        ("Hi", "ref code 1EG4TE5MK73 in the catalog", false),
        ("Hi", "MRN: 00483921 admitted yesterday", true),
        (
            "Hi",
            "Patient: Jane Roe was diagnosed with type 2 diabetes",
            true,
        ),
        ("Hi", "Patient: Jane Roe has an appointment", false),
        (
            "Hi",
            "Diabetes awareness month: metformin and insulin facts",
            false,
        ),
        ("Hi", "DOB: 03/14/1962", true),
        ("Hi", "Meeting on 03/14/2026 at 10am", false),
        ("Hi", "Card 4111 1111 1111 1111 exp 12/28", true),
        ("Hi", "Card 4111 1111 1111 1112", false),
        (
            "Hi",
            "Dr. Smith, NPI 1234567893, accepting new patients",
            false,
        ),
        ("Hi", "Patient: Jane Roe, referring NPI 1234567893", true),
        ("Lab results MRN 48213377", "see attached", true),
        ("Hi", "Patient: John Doe, Dx E11.9 follow-up", true),
        (
            "Hi",
            "ICD-10 code E11.9 means type 2 diabetes without complications",
            false,
        ),
        (
            "Hi",
            "Routing number 021000021 account number 123456789012 for the wire",
            true,
        ),
        ("Hi", "The server at 192.168.10.24 is down", false),
        // Placeholders and templates identify no one.
        (
            "Hi",
            "If a patient has no SSN do not enter 999-99-9999.",
            false,
        ),
        ("Hi", "Medicare MBI template: 1AN9-AA9-AA99", false),
        (
            "Hi",
            "Patient: Jane Sample, DOB 01/01/1900, MRN 0000000",
            false,
        ),
        ("Hi", "DOB 04FEB1973, MRN pending", true),
        ("Hi", "MR #: P4728972C, INR 1.9", true),
        ("Hi", "Change ticket CHG5654500 for the MRN blocks", false),
        ("Hi", "EHR context: MRN=00482913; DEP=4W", true),
        // Unlabelled patients in clinicians' shorthand, with a condition
        // or drug next to them.
        (
            "Araceli Novak (78F) - C. diff colitis, bed request",
            "see below",
            true,
        ),
        (
            "Hi",
            "We got the echo on Ana Ruiz: EF 34%, start Eliquis.",
            true,
        ),
        (
            "Hi",
            "Ana Ruiz, a 67-year-old with COPD, was seen today.",
            true,
        ),
        ("Hi", "The echo on Ana Ruiz was read by cardiology.", false),
        (
            "Hi",
            "Patient: Ana Ruiz; DOS: 2026-01-25; Payer: Aetna; Balance: 63.10",
            true,
        ),
        (
            "Hi",
            "Payer bulletin: for DOS 01/01/2026 and later, use the new form.",
            false,
        ),
        // Label glued to the value, as specimen and LIS labels print it.
        ("Hi", "74F0983217 YAZZIE,F DOB19581021 BRCA1/2", true),
        ("Hi", "Lot DOBX19581021 received", false),
        ("Hi", "Paciente: Earl Rios - fecha de nac. 7/feb/1950", true),
        // Ids printed in groups, and the guarantor's account.
        (
            "Hi",
            "Member ID: ZGP 4406 3993 71 - your coverage was denied",
            true,
        ),
        ("Hi", "Balance due, guarantor acct G45399500", true),
        ("Hi", "Número de cuenta 995-163177 del paciente", true),
        // A label and its value in table columns.
        (
            "Hi",
            "Paciente        Juan Cordova\nDiagnóstico     diabetes",
            true,
        ),
        // Clinical shorthand: age and sex, a relative speaking for the patient.
        (
            "Hi",
            "S: Ezequiel Xiong, 70m, rm 577A, sepsis suspected",
            true,
        ),
        (
            "Hi",
            "Spoke with Katherine Adeyemi's son - back on insulin glargine since Tuesday.",
            true,
        ),
        ("Hi", "Katherine Adeyemi's son won the spelling bee.", false),
        // People in care lists under the role the list gives them.
        ("Hi", "Rider: Richard Begay\nDestination: dialysis", true),
        ("Hi", "Policy rider: Accidental Death - see page 4", false),
        // A date a notice gives its own label, near a DOB field it talks about.
        (
            "Hi",
            "The Date of Birth field is now required.\nRevision: 06/12/2026",
            false,
        ),
        // The same in a form's padded caption column.
        (
            "Hi",
            "NEW FIELD: DATE OF BIRTH\nDEADLINE FOR ALL CLINICS     : 03/01/2027",
            false,
        ),
        (
            "Hi",
            "Refills\nPatient,DOB,Drug\n\"BEN-DAVID, HARPER\",17-SEP-2002,furosemide 40 mg tab",
            true,
        ),
        // An appointment reminder letter: the person's mailing block, then
        // which visit and when. A staff reminder with an address is not one.
        (
            "Reminder",
            "Odile Marsh\n77 Quarry Rd Apt 3\nBangor, ME 04401\n\nDear Odile,\nThis is a reminder of your follow-up visit on Tue 03/09/2027 at 8:40a with Dr. Hale.",
            true,
        ),
        (
            "Reminder",
            "ODILE MARSH\n77 QUARRY RD\nBANGOR, ME 04401\nTHIS IS A REMINDER OF BRAM'S ASTHMA CHECK ON MAR. 9, 2027 AT 8:40A.",
            true,
        ),
        (
            "Reminder",
            "Facilities Office\n77 Quarry Rd\nBangor, ME 04401\nThis is a reminder of your annual compliance training on 03/09/2027.",
            false,
        ),
        // "Last, First Middle" and two given names after the comma.
        ("Hi", "Patient: Lopez, Maria Elena\nDx: asthma", true),
        ("Hi", "PATIENT: VANG, PA NHIA; Dx: asthma", true),
        // A label wrapped across lines, as narrow form columns print it.
        ("Hi", "Patient\nName: Maria Lopez\nDx: asthma", true),
        // Census lists and bed boards: the room or bed is the label.
        (
            "Hi",
            "Census 3 West\nRm 301 Lopez, Maria - CHF\nRm 302 Smith, John - pneumonia",
            true,
        ),
        ("Hi", "Bed 12B: Omar Haddad, sepsis", true),
        (
            "Hi",
            "The fair is in Room 301 Grand Ballroom, diabetes education all day",
            false,
        ),
        // Spanish condition names.
        ("Hi", "Paciente: María López\nDiagnóstico: asma", true),
        (
            "Hi",
            "Boletín: la hipertensión y el asma en la comunidad",
            false,
        ),
        // A person's own result, with its value, in a letter about their labs;
        // not the same numbers in health education or a race's results.
        (
            "Hi",
            "Hi Odile, Dr. Hale reviewed your labs from March 2. Your potassium came back at 5.9 mEq/L, so please repeat the test this week.",
            true,
        ),
        (
            "Hi",
            "Your results are in the portal. If your A1c is 6.5% or higher, ask about our diabetes class.",
            false,
        ),
        (
            "Hi",
            "Thanks for joining the 5K! Your results: your finish time was 31 minutes and your average heart rate was 151 bpm.",
            false,
        ),
        // PHI without an identifier label (issue 6, item 7): a bed request,
        // a refill, a call about a person's own result, a result letter, a
        // no-show list and a census; and their look-alikes that are not.
        (
            "Hi",
            "Bed request: 74 y/o female, Gloria Mendez, NSTEMI, needs telemetry tonight.",
            true,
        ),
        (
            "Hi",
            "Rx ready for pickup: Samuel Ortiz, atorvastatin 40 mg #90.",
            true,
        ),
        (
            "Hi",
            "Pharmacy staffing: refills for Saturday handled by Kevin Brooks, PharmD. Metformin restock arrived.",
            false,
        ),
        (
            "Hi",
            "Please call Mrs. Beatriz Almeida at 617-555-0143 regarding her positive strep culture.",
            true,
        ),
        (
            "Hi",
            "For the diabetes fair, please contact Maria Lopez about her booth schedule.",
            false,
        ),
        (
            "Hi",
            "Dear Mr. Okonkwo,\nYour recent colonoscopy biopsy showed a tubular adenoma. We recommend a repeat colonoscopy in 3 years.",
            true,
        ),
        (
            "Hi",
            "Dear Mr. Holloway,\nYour recent survey results showed strong satisfaction with our front desk.",
            false,
        ),
        (
            "Hi",
            "Dear Ms. Nguyen,\nThank you for attending our seminar. If your test shows high cholesterol, talk to your doctor.",
            false,
        ),
        (
            "Hi",
            "No-shows from Tuesday's clinic, please call to reschedule:\n- Darnell Whitfield (insulin titration)\n- Priya Raman (A1c recheck)",
            true,
        ),
        (
            "Hi",
            "ICU census 11/30:\n12 - Abernathy, Louis - septic shock\n14 - Nguyen, Thi Hoa - DKA resolving",
            true,
        ),
        (
            "Hi",
            "Sign-out schedule for hospitalists:\n- Maria Lopez - Monday\n- John Park - Tuesday\nDiabetes protocol review Friday.",
            false,
        ),
        // A letter's reference line, a procedure, a birth date in prose, a
        // guarantor's account: PHI; the same words in business mail are not.
        (
            "Hi",
            "RE: Thompson, Keisha L. - follow-up after lumpectomy, pathology pending.",
            true,
        ),
        (
            "Hi",
            "RE: Smith, John - contract renewal, pricing attached.",
            false,
        ),
        (
            "Hi",
            "PATIENT NAME: O'CONNOR-WALSH, SIOBHAN\nPROCEDURE: MRI BRAIN W/WO CONTRAST",
            true,
        ),
        (
            "Hi",
            "Ms. Adeyemi (born 12 April 1961) was seen today for her COPD exacerbation.",
            true,
        ),
        (
            "Hi",
            "Acct # 4471920 - guarantor Rosa Delgado - statement for ER visit 10/03/2026, amount due $350.",
            true,
        ),
        (
            "Hi",
            "Acct # 4471920 - statement for the October supplies order, amount due $350.",
            false,
        ),
        // A billing notice's table: a bare "Account" label and a gap.
        (
            "Hi",
            "Final Notice\nAccount        PB-32342313        Service   Ambulance transport 07/01/2026\nBalance due    $8,768.13",
            true,
        ),
        (
            "Hi",
            "Account        PB-32342313        Service   Fleet fuel cards 07/01/2026\nBalance due    $8,768.13",
            false,
        ),
        // A named person's result with no label; a date with the age it
        // gives; a courtesy title's result; '>>' as a form's separator.
        (
            "Hi",
            "Just an FYI that Mirlande Pierre-Louis tested positive for hepatitis C on the screening panel.",
            true,
        ),
        (
            "Hi",
            "Name:\n     Haile, Tigist\nHosp #:\n     Z9698831\nBD:\n     03/09/1984 (42 y.o.)",
            true,
        ),
        (
            "Hi",
            "Mr. Desrosiers's biopsy came back as adenocarcinoma. Tumor board next Thursday.",
            true,
        ),
        (
            "Hi",
            "Mr. Holloway's survey results showed strong satisfaction with the front desk.",
            false,
        ),
        (
            "Hi",
            "Client >> Flaherty, Maureen\nDOB >> Jul. 18, 1965",
            true,
        ),
        // A name right before a birth-year date; test patients are not.
        (
            "Hi",
            "re Marisela Guzman Reyes 05/26/1984 - supervision of normal pregnancy",
            true,
        ),
        (
            "Hi",
            "Downtime drill: ZZTEST, ALPHA 01/01/1985 and Zzz Testpatient 01/01/1900, synthetic.",
            false,
        ),
        (
            "Hi",
            "Mr. Yoon (Sung-ho) came in after his shift with chest tightness; EKG showed ST depressions.",
            true,
        ),
        // A key/value table row: label, value, next label.
        (
            "Hi",
            "Patient | Jun K. Xu | Prescriber | Denise Two Bulls, MD\nDiagnosis | E11.65 T2DM w hyperglycemia",
            true,
        ),
        (
            "Hi",
            "REF Suture 3-0 Vicryl exp 2027-03-18 (01)00208381836021(17)270318",
            false,
        ),
        // A person and a diagnosis or test in one subject line; staff with
        // an organization or credential, and topics of events, are not.
        (
            "FW: Teodora Vasquez - Suboxone induction",
            "see below",
            true,
        ),
        ("Kowalczyk, Irena - hepatitis C follow-up", "thanks", true),
        (
            "Welcome Ana Ruiz, RN to the dialysis unit",
            "see below",
            false,
        ),
        (
            "Ana Ruiz (Red Cedar Cancer Institute) - budget",
            "thanks",
            false,
        ),
        (
            "Diabetes class with Ana Ruiz - Thursday",
            "all welcome",
            false,
        ),
        ("Paperwork for Ezekiel Papadakis", "attached", false),
        // The member-id vocabulary of payers and pharmacies.
        (
            "Hi",
            "Member ID No.: XJH482913740 for the health plan",
            true,
        ),
        (
            "Hi",
            "Pharmacy claim rejected, Cardholder ID: XJH482913740",
            true,
        ),
        (
            "Hi",
            "Medicaid Recipient #: 12345678901, eligibility ended",
            true,
        ),
        (
            "Hi",
            "Email recipient ID 88392011 was removed from the newsletter list",
            false,
        ),
        // A schedule line: a name and a birth date written with its month.
        (
            "Hi",
            "3. 9:00, Kaitlyn M. Hollister, Dec 28, 1962, Depression f/u, Medicaid FFS",
            true,
        ),
        (
            "Hi",
            "Cake for Dana Smith, Dec 28 at 3 pm in the break room",
            false,
        ),
        // A reminder to its reader by full name, past a "Dr." in the sentence.
        (
            "Hi",
            "Hi Mei-Ling Chow,\nThis is a reminder of your annual physical with Dr. Vang on Monday, December 21, 2026 at 12:05 PM.",
            true,
        ),
        (
            "Hi",
            "Hi Mei-Ling Chow,\nThis is a reminder of your performance review with Dr. Vang on Monday, December 21, 2026.",
            false,
        ),
        // An organization in a display name is not a drug.
        (
            "Paperwork from Dorota Grabowska (Cordgrass Rx)",
            "attached",
            false,
        ),
        // Title Case subjects are topics, not people.
        ("New Asthma Guidelines", "see the update", false),
        (
            "Quarterly Sepsis Bundle Compliance",
            "see the update",
            false,
        ),
        ("Stroke Alert Drill results", "see the update", false),
        (
            "Medicare Advantage Plan changes - diabetes supplies",
            "see the update",
            false,
        ),
        ("Insulin Pump Training for Staff", "see the update", false),
        // A list row that names a person next to a health column; a
        // directory row names staff with no such column.
        (
            "Outreach",
            "Name: Lwazi Dube; Phone: 555-0182; Medical need: gout flare; Referred to: food bank",
            true,
        ),
        (
            "Directory",
            "Sunrise Cancer Center directory\nName: Lwazi Dube; Department: Pharmacy; Title: Analyst; Ext.: x5659",
            false,
        ),
        // Two given names and an initial; a heading is still no name.
        (
            "Hi",
            "Client: Priya Anjali R. Subramanian. Dx: major depressive disorder",
            true,
        ),
        (
            "Bulletin",
            "Patient: Safety Week Kicks Off\nThis year: sepsis and hypertension.",
            false,
        ),
        (
            "Hi",
            "Visited Tomasz Adam Wiśniewski and his wife at the bedside; he is treated for heart failure.",
            true,
        ),
        (
            "Hi",
            "Hannah Okoro returns, accompanied by her mother, regarding asthma.",
            true,
        ),
        // A caller's birthday with a birth year, near care words; a staff
        // list's birthday is this year's party.
        (
            "Voicemail",
            "This is Lwazi Dube, birthday 3/9/1974, the doctor said I need a refill, call me back.",
            true,
        ),
        (
            "Birthdays",
            "December birthdays: Lwazi Dube, Pharmacy, birthday 12/3/2026. Cake at the clinic!",
            false,
        ),
        // A dotted diagnosis code or a lab name in a subject with a person.
        ("Lwazi Dube (E11.65) care plan", "see attached", true),
        (
            "Accepted: Dube, Lwazi M - Potassium 12/17 9:40 AM",
            "see you then",
            true,
        ),
        // Release notes and test records are not patients.
        (
            "SAP release notes",
            "Fixed: the date of birth field accepted 2-digit years.\nSecurity: TLS 1.1 disabled on 12/17/2026.",
            false,
        ),
        (
            "Training",
            "Patient: Subscriber Test - diabetes education sample",
            false,
        ),
        (
            "Training",
            "Practice record MRN: TRN55012 in the TRAIN environment",
            false,
        ),
        // A result told to the reader a portal message greets by first name;
        // a team is greeted the same way about a drill.
        (
            "Message from your care team",
            "Hi Rakesh,\nYour urine culture grew a bacteria that is resistant to the antibiotic, so we sent a new prescription.",
            true,
        ),
        // The patient named through the relative who called.
        (
            "Phone note",
            "Spoke with Ana Ruiz, daughter of Tomas Ruiz Ortega, this morning. He has been missing doses of the warfarin.",
            true,
        ),
        // Batch 9's kinds, in my own words: a vaccine list, a wrapped
        // Spanish birth-date label, a huddle line with age, sex and room, a
        // birth date in parentheses, a slash-separated list row, an
        // accession number in a report, a dotted "y.o.".
        (
            "Outreach",
            "child: Nandi Zulu; born: 04/02/2020; due: DTaP-IPV, MMRV",
            true,
        ),
        (
            "Carta",
            "Estimada Sra. Zulu:\nFecha de\nnacimiento en el expediente: 14/03/1979.",
            true,
        ),
        (
            "Huddle",
            "Sipho T. Zulu (46M, rm 317) - sleep apnea; pharmacy to check copay.",
            true,
        ),
        (
            "Review",
            "Monthly review for Thandiwe Nomsa Zulu (3/21/1982), chair 16.",
            true,
        ),
        (
            "Visits",
            "1) Lindiwe Zulu / 07/05/1942 / 12 Oak St / ertapenem 1 g IV daily",
            true,
        ),
        (
            "Report",
            "CT HEAD. Accession B26-287149. Findings: acute infarct. Impression: stroke.",
            true,
        ),
        (
            "Note",
            "Ms. Zanele Mbatha is a 22 y.o. G2P1 with gestational diabetes.",
            true,
        ),
        // Vietnamese letters (Latin Extended Additional), and a
        // parenthetical between the name and the care event.
        (
            "Health office",
            "Phạm Thị Thảo (grade 2, student ID 3496672) was seen in the health office; epinephrine given for anaphylaxis.",
            true,
        ),
        // A sample record in a guide.
        (
            "Understanding your EOB",
            "How to read your EOB (sample). Member: SAMPLE, PAT\nDx: asthma",
            false,
        ),
        // A blank form's date-of-birth line above a forward's timestamps.
        (
            "Handout",
            "On 12/4/2026 17:58, Ana Ruiz wrote:\n> Patient name: ______ Date of birth: __/__/____\n> Caring for yourself: asthma",
            false,
        ),
        (
            "Drill",
            "Hi Team,\nYour test results were normal across all sites in the mock drill.",
            false,
        ),
        // A phone note: who was called about which result.
        (
            "Phone note",
            "Called Renata St. Amand at (555) 201-3344 re: INR (4.8 on warfarin). Spoke with her son; patient was resting.",
            true,
        ),
        (
            "Call log",
            "Called Renata Solis at (555) 201-3344 re: Q3 budget (draft 2). She will send the numbers Friday.",
            false,
        ),
        // A lab analyte named as the test of a result letter.
        (
            "Result letter",
            "Dear Mr. Okafor,\n\nYour recent Hemoglobin showed 7.9 g/dL. Please call the clinic to discuss.",
            true,
        ),
        // A courtesy title and surname in a subject, with a test.
        (
            "RE: FW: Ms. de Vries (Anke) Ferritin - did she get the call back?",
            "See below.",
            true,
        ),
        // A column label wrapped in its cell.
        (
            "List",
            "Patient\tDate of\nbirth\tAddress\nRoberto Diaz\t12 Elm Street, Springfield\t03/14/1958",
            true,
        ),
        // A phone note names the patient after "LVM for"; a note about a
        // vendor does not.
        (
            "Call back",
            "LVM for Ingeborg Saar, then reached her son. Hx COPD, on tiotropium 18 mcg daily.",
            true,
        ),
        (
            "Call back",
            "LVM for Petra Lind about the badge printer order, will try again Friday.",
            false,
        ),
        // A name with a unit-bed code is an inpatient.
        (
            "huddle",
            "Tomasz Wierzba in 5W-12 going home on apixaban 5 mg tomorrow.",
            true,
        ),
        // A letter's imaging finding with the study's date in between, to a
        // reader whose name has an accented initial.
        (
            "Your results",
            "Tavita Ó Briain\n412 Larch Rd\nBend, OR 97701\n\nYour recent MRI knee from March 3, 2026 came back with a medial meniscus tear.",
            true,
        ),
        // A value in parentheses after the test, in a portal reply.
        (
            "Portal reply",
            "Hi Leontyne,\nBecause your last INR (4.1) is high, skip tonight's warfarin dose.",
            true,
        ),
        // A reminder whose wrapped sentence puts the date on the next line,
        // to an addressee printed LAST, FIRST.
        (
            "Reminder",
            "MALAKAR, FNU:\n\nThis is a reminder of your infusion visit with\nDr. Osei on March 9, 2026 at 8:00 AM.",
            true,
        ),
        // A care manager's call names whom it is for.
        (
            "outreach",
            "Transition call #1 for Oksana Brandt (member HX4419022) after her discharge; she is taking furosemide 20 mg daily.",
            true,
        ),
        // A class handout's record is named as a test patient.
        (
            "Class",
            "Use only this record (TRAIN environment):\nPatient | TEST, PATIENT TWO\nDOB | 03/03/1960",
            false,
        ),
        // A named person's value, by name or pronoun, near a greeting or
        // a call-back request.
        (
            "Lab message",
            "Hi Rosalind,\nRosalind's potassium was 5.9 mmol/L this morning; please repeat the draw tomorrow.",
            true,
        ),
        (
            "note",
            "Could you call Teodoro Vaifale back? His INR was 4.6 % and he missed his warfarin check.",
            true,
        ),
        (
            "Staff",
            "Hi Dana,\nCall Peter Holm back about the badge order when you can.",
            false,
        ),
        // A nickname in quotes, a unit-bed code after "now".
        (
            "handoff",
            "fyi: Ngozi \"Zizi\" Obi now in 4E-09, repeated falls overnight, sitter ordered.",
            true,
        ),
        // A care team's reply in a portal thread, to a patient by name.
        (
            "Portal",
            "Hi Corwin,\nDr. Lund read your note and the plan is unchanged; see you Tuesday.\n(replying to MyChart message #5510923)",
            true,
        ),
        // "as" between the label and the date.
        (
            "Reminder",
            "We have your date of birth as 07 19 1981 - call us if that is wrong.",
            true,
        ),
        // A lab's critical call: "born" with a lab context.
        (
            "critical",
            "Called critical on Luz A. Ferro (born 3-Jul-1990): Hgb 6.1 g/dL, read back by the charge nurse.",
            true,
        ),
        // A quoted reminder greets its reader after the quote marks.
        (
            "Re: reminder",
            "> Hello Pernille Aas,\n>\n> This is a reminder of your speech re-evaluation with Dr. Holt on January 6, 2027 at 9:00 AM.",
            true,
        ),
        // A home visit note: a client's name and home address; a courier's
        // client list is of businesses.
        (
            "Visit",
            "Client | Bao Tran\nAddress | 88 Alder St Apt 4, Fresno, CA 93701\nNotes | aide visit, refused meal",
            true,
        ),
        (
            "Couriers",
            "Client | Address | Pickup\nRiverside Lab Partners | 12 Commerce Blvd, Fresno, CA 93701 | 17:30\nNorth Valley Imaging | 400 Medical Pkwy, Fresno, CA 93720 | 10:00",
            false,
        ),
        // Care events written without a label: a missed treatment, a
        // failed screen, an age and a bed; a group member who relapsed.
        (
            "pt update",
            "Mordechai Katz missed dialysis Friday and Monday; K was 6.9 at the ED.",
            true,
        ),
        (
            "FYI",
            "Shanice Gaines (61) in bed 14 failed the swallow eval, NPO until speech re-evals.",
            true,
        ),
        (
            "Update",
            "Mr. Katz from the 2 pm group relapsed over the weekend. He agreed to go back to IOP.",
            true,
        ),
        (
            "Schedule",
            "Mr. Katz from the billing office missed the 2 pm meeting; the dialysis unit budget moves to Friday.",
            false,
        ),
        // Labels in square brackets, as some templates print them.
        (
            "Interpreter request",
            "[Patient name] SIONE P. FALEOLO\n[DOB] Sep 18, 1962\n[Language] Samoan",
            true,
        ),
        (
            "Template",
            "Dear [Patient Name],\nYour appointment on [Date] is confirmed.",
            false,
        ),
        // An NCPDP claim prints each field's id between label and value.
        (
            "reject escalation",
            "Patient Name (310-CA/311-CB)  YULIYA TKACHUK\nDate of Birth (304-C4)        19840116\nProduct/Service ID (407-D7)   52239987530  (Humira (adalimumab) 40 mg/0.4 mL pen)",
            true,
        ),
        // An employer's account in a price list is not a patient's.
        (
            "2027 pricing",
            "Here is the 2027 employer pricing for City of Gastonia (account #821693):\nService | CPT | Price\n5-panel DOT drug screen | 80305 | $45.00",
            false,
        ),
        // A trial site's visit tracker: names with visit and safety notes.
        (
            "tracker",
            "Subject | Name | Phone | Next visit | Notes\n201-004 | Imani Okafor | 555-201-0142 | V3 | SAE f/u\n201-009 | Tomas Lindqvist | 555-201-0177 | V5 | dose held",
            true,
        ),
        // "Pt Name" glued to its value, a birth date with a two-digit year.
        (
            "PT progress",
            "Pt Name:Jonah R. Whitcombe\nDate of birth:14 Mar 79\nDx: shoulder pain",
            true,
        ),
        (
            "Withdrawal",
            "Ayla T. Brennan (Student ID K55123098) has been under care at our clinic for a concussion since October.",
            true,
        ),
        // A letter's address on one line after the name.
        (
            "Device check",
            "Morgan Ellery\n4410 Birch Hollow Rd Apt 3, Dayton, OH 45402\nDear Ms. Ellery,\nWe have not received a transmission from your pacemaker since October.",
            true,
        ),
        // A form notice's page footer date is no birth date.
        (
            "Form update",
            "The Date of Birth field on the enrolment card is now required.\nCounts only, no names.\nDistrict Health Office - Page 2 | 12/18/2026",
            false,
        ),
        // A tip sheet's practice record is a test patient.
        (
            "Tip sheet",
            "Practice in the PLAYGROUND environment only.\nPatient | ZZTEST, BABYBOY\nDOB | 02/02/2002",
            false,
        ),
        // Shapes from batch 18's tune half, each missed by the packs before it.
        // Obstetric and blood-bank shorthand is a health fact.
        (
            "OB follow-up",
            "Priya Raman was diagnosed with GDM at 26 weeks; please send the glucometer order.",
            true,
        ),
        (
            "blood bank",
            "Dmitri Volkov (58M): warm autoantibody on the screen.",
            true,
        ),
        (
            "blood bank",
            "Dmitri Volkov (58M) in 4W-12: alloantibody, anti-Jkb, needs antigen-negative units.",
            true,
        ),
        // Patients are *in* a unit or a room.
        (
            "bed board",
            "Ren Yamamoto in 6 North needs telemetry; new afib overnight.",
            true,
        ),
        (
            "bed board",
            "Halima Osei in room 612 has a fever and new cough.",
            true,
        ),
        (
            "adherence",
            "Garrett Lindgren missed his dose of methotrexate twice this month.",
            true,
        ),
        // Spanish forms write both genders; a date may wrap after "de".
        (
            "cita",
            "Paciente Jorge Ibarra, nacido/a el 03/11/1958, control de diabetes.",
            true,
        ),
        (
            "cita",
            "Jorge Ibarra, fecha de nacimiento 3 de\nnoviembre de 1958, hipertensión.",
            true,
        ),
        (
            "Aviso",
            "Rosa Ibarra\n221 Luna St\nEl Paso, TX 79901\n\nEstimado/a Sra. Ibarra:\nSu cita es el martes.\nDiagnosis code E11.9",
            true,
        ),
        (
            "Aviso",
            "Rosa Ibarra\n221 Luna St\nEl Paso, TX 79901\n\nQuerido(a) Rosa Ibarra,\nSu cita es el martes.\nDiagnosis code E11.9",
            true,
        ),
        // Subjects: a suffix before the comma, a second given name in caps,
        // drug levels and ingestions.
        ("Dunbar Jr., Terrence - vanc trough", "see chart", true),
        ("VO, DUC HUU - INR 4.2", "see chart", true),
        ("Amara Eze trough 24", "pls redose", true),
        ("Amara Eze fasting BGs", "log attached", true),
        ("Amara Eze ingestion", "poison control called", true),
        // A committee is staff, whatever it reviews.
        (
            "Amara Eze, Trauma Committee - sepsis",
            "see attached",
            false,
        ),
        // Shapes from batch 19's tune half, each missed by the packs before it.
        (
            "outreach",
            "Just so you know, Tobias Redcloud tested positive at the mobile van (rapid HIV). He wants treatment.",
            true,
        ),
        (
            "day center",
            "Incident today: Winifred Aske (Winnie to staff) had a witnessed fall in the dining room, skin tear R hand.",
            true,
        ),
        // Other words for the person care is about, in a table's header row.
        (
            "Route 2",
            "Pickup | Participant | Phone | Notes\n12/21/2026 08:15 | Okonjo, Ada | 402-555-0188 | dialysis 1 pm",
            true,
        ),
        (
            "Weekly injury report",
            "Athlete | Sport | Injury | Status\nBrandt, Lukas | MSOC | ankle sprain gr II | out",
            true,
        ),
        (
            "Adverse event",
            "Donor: Kessler, Ruth A\nAge/Sex: 44/F\nEvent: hematoma R antecubital, procedure stopped",
            true,
        ),
        (
            "to coach",
            "Injury update for Malik Strand: L shoulder dislocation, out 6 weeks.",
            true,
        ),
        // A result told to the person a letter greets by full name.
        (
            "Donor update",
            "Dear Lena Okafor,\n\nWe learned that Donor 4410 carries a CFTR variant. Your carrier screening on file (03/02/2025) was positive for the same gene; please call us.",
            true,
        ),
        // Shapes from batch 20's tune half, each missed by the packs before it.
        (
            "Your results",
            "Sunil de Souza\n41 Alder Way, Bend, OR 97701\nDear Mr. de Souza,\nThe 2 polyps removed during your colonoscopy on November 3, 2026 were tubular adenomas.",
            true,
        ),
        (
            "EMU",
            "Marisol K. Tran had a breakthrough generalized seizure at work yesterday.",
            true,
        ),
        (
            "burn clinic",
            "Idris Bello (age 7) returns 3 weeks after a skin graft to the right hand. Itching controlled on hydroxyzine.",
            true,
        ),
        (
            "infusion held",
            "Teodoro da Vance (04/17/1979) - infliximab 5 mg/kg was held today.",
            true,
        ),
        ("Ingrid Solheim; GSV reflux 1.2s R", "see chart", true),
        // A person named in running text with a condition or a drug a few
        // words away, with no label or care-event phrase (sentence-name).
        (
            "update",
            "FYI Deshawn Miller is s/p lap chole for cholecystitis on 11/20, f/u in 2 wks.",
            true,
        ),
        (
            "update",
            "Hospice update: Walter Jenkins is actively dying, family at bedside, morphine 5 mg q2h prn.",
            true,
        ),
        (
            "DME",
            "DME order: hospital bed and 2L O2 for Edna Price, COPD.",
            true,
        ),
        // ... but not in another line, table cell or sentence, nor when the
        // words around it make it a topic, a service or a colleague.
        (
            "Grand Rounds",
            "Dr. Dagny Iwu will present on dialysis access care on December 24 at noon in the Birch Room.",
            false,
        ),
        (
            "birthday",
            "Shh! Zsolt Kovari from Dialysis turns 50 on December 14. Cake in the break room at 3 pm.",
            false,
        ),
        (
            "classes",
            "Class; Instructor\nLiving with pneumonia; Loretta J. Two Bulls, MD\nRelapse prevention; Hiba Khoury, LPC",
            false,
        ),
        (
            "unit news",
            "This month: atrial fibrillation. Anais Hernandez-Ybarra, RN, shares tips on early recognition.",
            false,
        ),
        // Subjects in a clinician's shorthand: an honorific and a surname,
        // a newborn under the family name, a test and its value or an
        // acronym with its sign after the name, a condition's short form.
        ("Mrs. Alvarez - hip fx - OR tomorrow", "see above", true),
        ("Kowalski baby - NICU transfer", "see above", true),
        ("Today's dialysis: Bernard Okafor K 6.2", "see above", true),
        ("Isabella Moreno COVID+", "see above", true),
        (
            "Court-ordered eval: Michael Chang, bipolar I",
            "see above",
            true,
        ),
        ("WC-2026-4412 Luis Herrera lumbar strain", "see above", true),
        // An organization's name before a colon is not a person's.
        (
            "Field safety notice",
            "Urgent field safety notice from Cobalt Interface Systems: certain lots of sleep apnea mask cushions may crack.",
            false,
        ),
        // A result letter says what the result means for its reader.
        (
            "Results from your 3-hour test",
            "Dear Rosalind,\nWe went over the 3-hour test from December 17. This means you have gestational diabetes. Our educator will call you this week.",
            true,
        ),
        // ... but education speaks to anyone.
        (
            "Living well",
            "Dear Rosalind,\nIf you have diabetes, our free class on Tuesday covers meal planning.",
            false,
        ),
        // A newborn under the family name; a med pass drawn as a table.
        (
            "NICU",
            "Team - update on the O'Brien baby (Bed 21, 29 wk, on CPAP, bili 9.5 under phototherapy).",
            true,
        ),
        (
            "med pass list",
            "Cell   Inmate   Booking #   Medication\nD-25   Kowalski, Evelyn   26-96878   insulin glargine 20u",
            true,
        ),
        // A room schedule drawn the same way is staff and topics.
        (
            "rooms",
            "12/25/2026  Boardroom  Dong-hyun Kang     Tumor board prep\n12/18/2026  3B  Pyotr Zaitsev      Tumor board prep",
            false,
        ),
        // A training handout's placeholder person and a deadline next year
        // near the words "date of birth" are nobody's birth date.
        (
            "Onboarding",
            "In the training video we use 'John Doe, date of birth 01/01/1970' - these are not real people.\nPayroll cutoff for the January 9 check is 01/02/2099.",
            false,
        ),
        // A jail's med pass labels its patients 'Inmate'.
        (
            "med pass list",
            "Cell: C-33; Inmate: Al-Sayed, Ashley; Booking #: 26-97805; Medication: buprenorphine 8 mg SL",
            true,
        ),
        // A family member's call names the patient by a given name.
        (
            "f/u from last night",
            "Hey - Del's mom called the line again around 2 am. She says he hasn't taken the Abilify since discharge and he's been up for 3 nights.",
            true,
        ),
        // From the second dev corpus: an age after the name, an honorific
        // after "saw", a recommendation for a named patient, a frozen
        // section on one, a header's "LAST, First".
        (
            "SNF referral",
            "Sending you Ms. O'Hara (74 y/o) for a possible bed Dec 27. Admitted Dec 15 with cerebral infarction.",
            true,
        ),
        (
            "SLP",
            "Saw Mr. Hatfield this afternoon for the aphasia eval.",
            true,
        ),
        (
            "TF recs",
            "Nutrition f/u for Sinead E. Holbrook (6W-22): refeeding risk - phos 1.8 this AM.",
            true,
        ),
        (
            "frozen section - OR 18",
            "OR 19 / Dr. Nwachukwu - frozen on Priyanka R. St. Clair\nFS dx: Adenocarcinoma, margins grossly clear by 1.2 cm.",
            true,
        ),
        (
            "A451693397 WARSAME, Yesenia - IGRA+ / HBsAg+ - needs GI + TB clinic",
            "see subject",
            true,
        ),
        // A cafeteria's menu names its dietitian, not a patient.
        (
            "heart-healthy January",
            "Cafe Meridian: starting Jan 2 the cafeteria will flag sodium-smart entrees with a green heart.",
            false,
        ),
        // Health-plan id labels as billing offices abbreviate them.
        (
            "Question",
            "Eligibility follow-up for Dana Holloway.\nSub ID: W2291837741\nPlease confirm coverage.",
            true,
        ),
        (
            "Question",
            "Eligibility follow-up for Dana Holloway.\nIns ID: W2291837741\nPlease confirm coverage.",
            true,
        ),
        (
            "Question",
            "Eligibility follow-up for Dana Holloway.\nAuth #: W2291837741\nPlease confirm coverage.",
            true,
        ),
        // A companion guide's placeholder member and its standard's name.
        (
            "837P guide",
            "Companion guide v5.2 - values shown are placeholders.\nNM1*IL*1*DOE*JOHN****MI*XXXXXXXXX~\nDMG*D8*CCYYMMDD*M~\nHI*ABK:<ICD-10 NO DECIMAL>~\nSee the X12 837P guide.",
            false,
        ),
        // Prose wrapped at the end of a line goes on about the same person,
        // and so does a sentence whose subject is a pronoun.
        (
            "handoff",
            "Quick one: Marisol Vantreese was moved back to your floor this morning after her\nheart failure workup came back.",
            true,
        ),
        (
            "release",
            "Tobias Ferreira-Lund leaves county custody on Friday. He takes buprenorphine 8 mg daily.",
            true,
        ),
        (
            "release",
            "Tobias Ferreira-Lund leaves county custody on Friday.\nHe takes buprenorphine 8 mg daily.",
            true,
        ),
        // A bed after a name on a monitoring unit's note; a client named by
        // a given name and an initial.
        (
            "EMU day 3",
            "Day 3 - Corinne Abernathy (bed 5)\nThree events overnight, started levetiracetam 500 BID.",
            true,
        ),
        (
            "our client",
            "Darnell W. wanted me to tell you he is back on methadone, 90 mg daily.",
            true,
        ),
        // Header shorthand: a given name and an initial; an age as "(10y)".
        (
            "Kofi b. - new ileostomy - supplies for home?",
            "see subject",
            true,
        ),
        (
            "school forms",
            "Aoife Brennan (9y) - asthma action plan attached",
            true,
        ),
        (
            "Part B. - coverage for colostomy supplies",
            "Policy update for all sites.",
            false,
        ),
        // An ostomy is a condition (ICD-10 Z93.x, "colostomy status").
        (
            "consult",
            "Ostomy consult - Brandvold, Ingrid M (72F) 4N-09\nNew end ileostomy POD 2, stoma pink and moist.",
            true,
        ),
        // "Vitamin D." is a test, not a given name and an initial.
        (
            "lab reminder",
            "Vitamin D. levels and diabetes screening are drawn fasting.",
            false,
        ),
        // The FHIR specification's example Patient, pasted for a sandbox.
        (
            "sandbox",
            "Test resource from the spec:\n{\n  \"resourceType\": \"Patient\",\n  \"id\": \"example\",\n  \"name\": [{\"family\": \"Chalmers\", \"given\": [\"Peter\", \"James\"]}],\n  \"gender\": \"male\",\n  \"birthDate\": \"1974-12-25\"\n}",
            false,
        ),
        // Shapes from a third blind development set (tests/corpus-dev3):
        // a greeting ended by a dash; a phone note's "returned call to Mrs.
        // X"; a death notice; a genetic, pregnancy or Spanish lab result told
        // to the person; a treatment named to its patient; "your father,
        // Name,"; "the MRI of your spine showed"; "(shift) has missed N
        // treatments".
        (
            "labs",
            "Hello Mr. Abernathy -\nYour potassium was 6.1 today, which is high.",
            true,
        ),
        (
            "telephone encounter",
            "Returned call to Ms. Okonjo at (555) 201-3344. She fell last night and her hip hurts; advised ED eval today for an x-ray - she is on apixaban.",
            true,
        ),
        (
            "notification",
            "Mr. Haldane passed away at home this morning with family present. Cause per our notes: metastatic pancreatic cancer.",
            true,
        ),
        (
            "results",
            "Hi Tamsin,\nThe panel found a pathogenic variant in BRCA2. Let's meet to talk about what it means for you.",
            true,
        ),
        (
            "Recordatorio",
            "Hola Ximena, le recordamos su cita del 3 de marzo. Tiene 30 semanas; traiga su carnet.",
            true,
        ),
        (
            "resultados",
            "Estimada Sra. Villalobos:\nSu glucosa en la sangre est\u{e1} alta (A1c 8.8 %).",
            true,
        ),
        (
            "appointment",
            "Dear Orla Finnegan,\nYour chemotherapy infusion is on Monday at 8 am. Bring a snack.",
            true,
        ),
        (
            "your letter",
            "Dear Mr. Castellanos,\nThank you for your letter about the bill for your father, Ignatius Castellanos, for his heart catheterization in May.",
            true,
        ),
        (
            "imaging",
            "Dear Ms. Ferreira,\nThe MRI of your lumbar spine on March 3, 2027 showed a herniation at L4-L5.",
            true,
        ),
        (
            "missed tx",
            "Keanu Makoa (TTS 2nd shift) has missed 3 treatments this month; his hypertension is uncontrolled.",
            true,
        ),
        // A label is no middle name, and a name turned down hides no label
        // inside it: "SMITH, JOHN DOB 4/12/61" in a subject.
        ("SMITH, JOHN DOB 4/12/61", "Please see attached.", true),
        ("MORALES, ANA CSN 400123456", "Please see attached.", true),
        (
            "Okafor, Chinedu born 12-Apr-1961",
            "Please see attached.",
            true,
        ),
        // Shapes from corpus-dev4/5: a finding told in the present tense or
        // for a part of the body; a TB blood test; a relative's "her dad
        // Name"; a referral's "Mr. X, 79, lives alone"; treatment started
        // or continued; "the treatment of your ..."; "call Mr. X?".
        (
            "hearing",
            "Hello Mr. Adeyemi,\nYour hearing test showed moderate hearing loss in the left ear.",
            true,
        ),
        (
            "clearance",
            "Hi Tobias,\nYour QuantiFERON from 9/2 came back positive, so we cannot clear you yet.",
            true,
        ),
        (
            "results",
            "Hi Renata,\nThe biopsy of the lump in your left breast shows invasive ductal carcinoma.",
            true,
        ),
        (
            "phone msg",
            "Re: her dad Anselmo Prieto\nsays he fell last night and his hip hurts; he takes warfarin.",
            true,
        ),
        (
            "referral",
            "New hospice referral: Mr. Abernathy, 79, lives alone. Metastatic lung cancer, declined chemo.",
            true,
        ),
        (
            "dot",
            "Maricel Ocampo (60) continues DOT for pulmonary TB, week 8.",
            true,
        ),
        (
            "your account",
            "Dear Colm Byrne,\nThe charges are for the treatment of your kidney stone in August.",
            true,
        ),
        (
            "path",
            "can someone call Mr. Lindgren? path came back - basal cell, margins clear.",
            true,
        ),
        (
            "outreach",
            "Reached Ms. Okoro at the number on file. She has been out of her Trulicity for three weeks.",
            true,
        ),
        (
            "rides",
            "Please set up standing rides for Ruby Ann Foster from her home to the cancer center for chemo every other Thursday.",
            true,
        ),
        (
            "sleep study",
            "Dear Keisha,\nYour daytime nap study (MSLT) showed that you fell asleep in 3.1 minutes on average.",
            true,
        ),
        // A first name and the event that names the health fact.
        (
            "health office",
            "Hi team,\nRenzo - Tomasa had what looked like a seizure at recess today, about 2 minutes.",
            true,
        ),
        (
            "sessions",
            "Benicio missed his last two counseling sessions. His mom called this morning.",
            true,
        ),
        (
            "course",
            "Maria missed her last two sessions of the Excel course. Everyone had a fall drill today.",
            false,
        ),
        (
            "welcome",
            "Ms. Lee, 25, joined the billing team; she ran the diabetes walk last spring.",
            false,
        ),
        (
            "tb clinic",
            "Free TB testing. Harlan County had 12 active TB cases in 2025 (aggregate). TB is curable.",
            false,
        ),
        // ... and their look-alikes that name no one.
        (
            "pilot",
            "Hi all,\nThe new hereditary cancer panel found a pathogenic variant in 11% of tested families in the pilot.",
            false,
        ),
        (
            "curso",
            "Hola Equipo, el curso de lactancia tiene 12 semanas de duraci\u{f3}n.",
            false,
        ),
        (
            "leaflet",
            "Dear Patient,\nYour chemotherapy infusion will take about four hours; bring a snack.",
            false,
        ),
        // A claim form's field layout names no one.
        (
            "cheat sheet",
            "Box 2 PATIENT'S NAME - Last, First, MI\nBox 21 ICD-10 codes, e.g. Z23 for vaccination encounters\nBox 24D 90717 yellow fever vaccine",
            false,
        ),
    ];
    let mut bad = Vec::new();
    for (subj, body, phi) in cases {
        let v = s.scan(&msg(subj, body));
        if v.phi != *phi {
            bad.push(format!("{subj} / {body}: expected phi={phi}, got {v:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A header's name, written before its value as a label, is no person:
/// `Thread-Topic` must not read as "Thread Topic", a name next to a
/// condition.
#[test]
fn header_names_are_not_people() {
    let s = scanner();
    let m = b"From: a@riverbend-health.org\r\nTo: b@example.com\r\nThread-Topic: Thyroid cancer: what you should know\r\nSubject: Thyroid cancer: what you should know\r\n\r\nHandout attached.\r\n";
    let v = s.scan(m);
    assert!(!v.phi, "{v:?}");
    // A signature's organization ends in a care word: no health fact.
    let m = "From: \"Rania El-Amin - Tulip City Infusion\" <r@tulip.example>\r\nTo: b@example.com\r\nSubject: minutes\r\n\r\nMinutes attached.\r\n";
    let v = s.scan(m.as_bytes());
    assert!(!v.phi, "{v:?}");
    // The same line with a person in it is PHI.
    // A sender's display name that starts like "Name - topic" is a
    // meeting or clinic when its words are a title or a condition.
    for from in [
        "\"Cancer Meeting - minutes\" <m@x.org>",
        "\"Diabetes Clinic - minutes\" <m@x.org>",
    ] {
        let m = format!(
            "From: {from}\r\nTo: b@example.com\r\nSubject: minutes\r\n\r\nSee attached.\r\n"
        );
        let v = s.scan(m.as_bytes());
        assert!(!v.phi, "{from}: {v:?}");
    }
    let m = b"From: a@riverbend-health.org\r\nTo: b@example.com\r\nThread-Topic: Lwazi Dube - thyroid cancer\r\nSubject: handout\r\n\r\nHandout attached.\r\n";
    let v = s.scan(m);
    assert!(v.phi, "{v:?}");
}

/// An unstructured header in RFC 2047 encoded words is read decoded: an
/// SSN in base64 must not pass unseen.
#[test]
fn encoded_unstructured_headers_are_decoded() {
    let s = scanner();
    let m = "From: a@riverbend-health.org\r\nTo: b@example.com\r\nX-Case-Note: =?utf-8?b?QW5hIFJ1aXogU1NOIDUzNi0yMi04OTE1?=\r\nSubject: case\r\n\r\nSee the header.\r\n";
    let v = s.scan(m.as_bytes());
    assert!(v.phi, "{v:?}");
}

#[test]
fn tags_force_and_strip() {
    let s = scanner();
    let v = s.scan(&msg("[secure] lunch", "nothing here"));
    assert_eq!(v.forced, Some(Action::Secure));
    assert_eq!(v.action, Action::Secure);
    assert!(!v.phi);
    let out = s
        .strip_tags(&msg("[secure] lunch", "x"))
        .unwrap_or_default();
    assert!(String::from_utf8_lossy(&out).contains("Subject: lunch\r\n"));
}

#[test]
fn bad_rules_report_file_line_col() {
    let dir = std::env::temp_dir().join(format!("sealgate-badrules-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let bad = "[[detector]]\nid = \"x\"\npattern = 'a*'\n\n[[detector]]\nid = \"x\"\npattern = '[0-9]+'\nvalidator = \"nope\"\n\n[[rule]]\nid = \"r\"\ndetectors = [\"missing\"]\nscore = 1\n\n[[detector]]\nid = \"y\"\npattern = 'b+'\nexclude_files = [\"gone.txt\"]\n";
    let _ = std::fs::write(dir.join("bad.toml"), bad);
    let err = match sealgate::dlp::rules::load_dir(&dir) {
        Ok(_) => panic!("bad rules must not load"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("bad.toml:3:11: regex can match the empty string"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:8:13: unknown validator `nope`"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:12:13: rule `r` names unknown detector `missing`"),
        "{err}"
    );
    assert!(
        err.contains("bad.toml:18:17: cannot read") && err.contains("gone.txt"),
        "{err}"
    );
    assert_eq!(cli::rules_check(&dir), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scanner_is_shareable_and_thresholds_are_checked() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Scanner>();
    let mut cfg = DlpConfig::default();
    cfg.thresholds.reject = Some(100_000);
    match Scanner::load(&cfg, Path::new(env!("CARGO_MANIFEST_DIR"))) {
        Ok(_) => panic!("unreachable reject threshold must be refused"),
        Err(e) => assert!(e.to_string().contains("unreachable"), "{e}"),
    }
}

#[test]
fn regex_syntax_errors_are_located() {
    let dir = std::env::temp_dir().join(format!("sealgate-badregex-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(
        dir.join("x.toml"),
        "[[detector]]\nid = \"d\"\npattern = '[0-9'\n",
    );
    let err = match sealgate::dlp::rules::load_dir(&dir) {
        Ok(_) => panic!("must fail"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("x.toml:3:11: invalid regex"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
