//! PHI that travels only in headers: a display name carrying a birth date,
//! an `X-` header with a name and SSN, Thread-Topic and Keywords. The shipped
//! packs scan them (issue 6, point 4), offline through `rules test` and over
//! SMTP, where such a message must never reach a plaintext next hop.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;

const T: Duration = Duration::from_secs(30);

fn message(headers: &str) -> Vec<u8> {
    format!(
        "From: Front Desk <desk@clinic.test>\r\n{headers}Subject: Follow-up\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Please see the note from this morning and call me back.\r\n"
    )
    .into_bytes()
}

/// `rules test --json` with the shipped rules.
fn verdict(dir: &Path, name: &str, msg: &[u8]) -> serde_json::Value {
    rules_test_json(dir, name, msg, "")
}

fn header_hit(v: &serde_json::Value, header: &str) -> bool {
    v["hits"].as_array().is_some_and(|hits| {
        hits.iter()
            .any(|h| h["part"].as_str() == Some(&format!("header:{header}")))
    })
}

#[test]
fn phi_in_headers_is_found() {
    let dir = temp_dir("dlp-headers");
    let cases = [
        (
            "to-display-name",
            "To: \"Smith, John (DOB 04/12/1961)\" <jsmith@family.test>\r\n",
            "To",
        ),
        (
            "cc-comment",
            "To: care@partner.test\r\nCc: Lopez Maria (MRN 00482913) <ml@family.test>\r\n",
            "Cc",
        ),
        (
            "x-header",
            "To: care@partner.test\r\nX-Patient: Maria Lopez SSN 512-44-9087\r\n",
            "X-Patient",
        ),
        (
            "thread-topic",
            "To: care@partner.test\r\nThread-Topic: Member ID: W44820193 claim for Maria Lopez\r\n",
            "Thread-Topic",
        ),
        (
            "keywords",
            "To: care@partner.test\r\nKeywords: referral, Medicare 1EG4-TE5-MK72\r\n",
            "Keywords",
        ),
        // The header's name is the value's label (fax and scan gateways).
        (
            "x-header-name-is-the-label",
            "To: care@partner.test\r\nX-Patient-Name: LOPEZ, MARIA\r\nX-Patient-DOB: 19610412\r\n",
            "X-Patient-DOB",
        ),
        // A reply address whose display name says what the mail is about.
        (
            "reply-to-display-name-subject",
            "To: care@partner.test\r\nReply-To: Hodan O'Neill - asthma f/u <scheduling@clinic.test>\r\n",
            "Reply-To",
        ),
        // A topic line of shorthand: a "Last, First" item and the case's
        // reference number or diagnosis code, no labels.
        (
            "thread-topic-last-first-and-reference",
            "To: care@partner.test\r\nThread-Topic: Appeal - Marsh, Odile Ann - ref 5581-2290-17\r\n",
            "Thread-Topic",
        ),
        (
            "keywords-last-first-and-code",
            "To: care@partner.test\r\nKeywords: Whitlock, Bram; J45.40 asthma\r\n",
            "Keywords",
        ),
        // A scanned document's file name, words joined by `_`.
        // A topic line of shorthand: "LAST, FIRST M - <finding>", and a
        // slash-separated reference line with a date of service.
        (
            "topic-caps-name-and-finding",
            "To: care@partner.test\r\nThread-Topic: FW: YODER, LYDIA D - positive urine drug screen\r\n",
            "Thread-Topic",
        ),
        (
            "x-billing-ref-slashes",
            "To: care@partner.test\r\nX-Billing-Ref: Claim 26673E94497311 / Lombardi, Giuseppe / DOS 11/04/2026 / 99204\r\n",
            "X-Billing-Ref",
        ),
        (
            "x-scan-document-file-name",
            "To: care@partner.test\r\nX-Scan-Document: Lopez_Maria_MRN_00482913_path.pdf\r\n",
            "X-Scan-Document",
        ),
        // LAST_FIRST_<birth date>_<document> as document systems name scans.
        (
            "x-document-name-last-first-birth-date",
            "To: care@partner.test\r\nX-Document-Name: TER-PETROSYAN_HAGOP_04031975_PsychEval.pdf\r\n",
            "X-Document-Name",
        ),
        // An HL7 fragment: a caret name and, a field later, a birth date.
        (
            "x-header-hl7-fragment",
            "To: care@partner.test\r\nX-Patient-Ref: 860669|SATTERFIELD^BILLY RAY^|19640515|ONC\r\n",
            "X-Patient-Ref",
        ),
        // Display names that say whose care the mail is about (an unquoted
        // "re:" is read as a group name).
        (
            "reply-to-re-name-and-condition",
            "To: care@partner.test\r\nReply-To: Dr. Van Dyke's office re: Efrain Cruz Maldonado (suicidal ideation) <vd@clinic.test>\r\n",
            "Reply-To",
        ),
        (
            "reply-to-care-of-and-subject",
            "To: care@partner.test\r\nReply-To: Shaquana Pruitt c/o OHHP - transplant workup <coord@plan.test>\r\n",
            "Reply-To",
        ),
        // "born <date>" anchors the condition as a name would.
        (
            "comments-born-date-and-condition",
            "To: care@partner.test\r\nComments: Scanned for OKAFOR JR., GRACE A, born 2 June 1987 - sickle cell\r\n disease, on hydroxyurea\r\n",
            "Comments",
        ),
        // A health-plan number after a name, in a display name.
        (
            "sender-on-behalf-of-a-member",
            "To: care@partner.test\r\nSender: \"Ana Ruiz on behalf of Tomas Greer (member QXH 4410 2291)\" <ana@clinic.test>\r\n",
            "Sender",
        ),
        // An acronym right after "Last, First" is a test, not the end of
        // an organization's name.
        (
            "reply-to-last-first-and-a-test",
            "To: care@partner.test\r\nReply-To: \"Scheduling - Greer, Tomas PSA recheck 12/16\" <s@clinic.test>\r\n",
            "Reply-To",
        ),
        (
            "cc-capitals-and-a-wound",
            "To: care@partner.test\r\nCc: \"DUARTE, PALOMA R - heel wound pt\" <pd@family.test>\r\n",
            "Cc",
        ),
        // A shorthand subject: whose results, then the finding.
        (
            "results-for-a-first-name",
            "To: care@partner.test\r\nX-Original-Subject: Lab results Tamsin - new meniscal tear on MRI\r\n",
            "X-Original-Subject",
        ),
        // A staff word behind "re:" and a parenthesis names the sender, not
        // the code's owner; a surname with a particle.
        (
            "team-re-patient-code",
            "To: care@partner.test\r\nReply-To: \"Wound Team re: Ilse Marden (L89.153)\" <wt@clinic.test>\r\n",
            "Reply-To",
        ),
        (
            "particle-surname",
            "To: care@partner.test\r\nThread-Topic: Janneke van der Berg - new atrial fibrillation\r\n",
            "Thread-Topic",
        ),
        (
            "flag-call-about-a-new-diagnosis",
            "To: care@partner.test\r\nX-Message-Flag: Follow up: call Thuy Bui at (509) 751-0317 re new T2DM\r\n",
            "X-Message-Flag",
        ),
        // A sleep study's index and a genetic finding, in a display name
        // and a Keywords list.
        (
            "display-name-study-index",
            "To: care@partner.test\r\nReply-To: Sleep Lab re: Rivera Col\u{f3}n, Wilfredo - AHI 35.6 <lab@clinic.test>\r\n",
            "Reply-To",
        ),
        (
            "keywords-genetic-finding",
            "To: care@partner.test\r\nKeywords: BRCA2; pathogenic; Tsosie, Harrison; cascade testing\r\n",
            "Keywords",
        ),
        // An MRN printed in two groups, in a chart mailbox's display name;
        // a wound centre's treatment count; a bed notice in capitals.
        (
            "mrn-in-two-groups",
            "To: care@partner.test\r\nCc: \"Chart - DUNMORE, ELSPETH R [MRN TX41 2207]\" <chart@clinic.test>\r\n",
            "Cc",
        ),
        (
            "hyperbaric-treatment-count",
            "To: care@partner.test\r\nReply-To: HBO - Tobias Wrenfield tx 12/30 <hbo@clinic.test>\r\n",
            "Reply-To",
        ),
        (
            "caps-name-before-an-event",
            "To: care@partner.test\r\nThread-Topic: Bed board: MARTA OYELARAN admitted overnight - pneumonia\r\n",
            "Thread-Topic",
        ),
        // A test with a digit or a value after a name is no part of it; a
        // caller labelled as such is the person a test is about.
        (
            "test-with-a-digit-after-a-name",
            "To: care@partner.test\r\nX-Triage-Note: Akira Sato A1c 9.2\r\n",
            "X-Triage-Note",
        ),
        (
            "acronym-and-value-after-a-name",
            "To: care@partner.test\r\nThread-Topic: Akira Sato INR 4.2\r\n",
            "Thread-Topic",
        ),
        (
            "labelled-caller-and-a-test",
            "To: care@partner.test\r\nComments: Caller: Jae-won Park re: his MRI results\r\n",
            "Comments",
        ),
        // One system's record over a family of headers: the name in one,
        // what it is treated for in the next.
        (
            "header-family-record",
            "To: care@partner.test\r\nX-Referral-ID: RF11223344\r\nX-Referral-Patient: Obi, Chidera N.\r\n\
X-Referral-Reason: Cardiology - new atrial fibrillation\r\n",
            "X-Referral-*",
        ),
        // Shorthand subjects: a lower-case courtesy title, a surname with an
        // initial and an age, a record's fields between bars.
        (
            "lower-case-title-and-a-drug",
            "To: care@partner.test\r\nThread-Topic: mrs lindqvist sugars 40s overnight after glipizide\r\n",
            "Thread-Topic",
        ),
        (
            "surname-initial-age-and-a-lab",
            "To: care@partner.test\r\nThread-Topic: move slot? Marchetti R 57F C2D1 - ANC 0.7\r\n",
            "Thread-Topic",
        ),
        (
            "fields-between-bars",
            "To: care@partner.test\r\nX-Inbox-Subject: OYELARAN, FOLAKE B | 1948-07-21 | c/o dizziness\r\n",
            "X-Inbox-Subject",
        ),
        // A scanner's job name: the patient's surname and given name in
        // capitals before the date of injury, words joined by `_`.
        (
            "scan-job-name-caps-name-and-injury",
            "To: care@partner.test\r\nX-Scan-Job-Name: WC_status_KOVACS_DENNIS_DOI_03-02-2026_rotator_cuff_tear\r\n",
            "X-Scan-Job-Name",
        ),
        // A crisis line's case header: a caller's given name with age and
        // sex, and what the call was about.
        (
            "caller-name-age-sex-and-si",
            "To: care@partner.test\r\nX-Crisis-Case: CC-26-104233 | caller Dorian, 24M | SI with plan | MCT sent to home\r\n",
            "X-Crisis-Case",
        ),
    ];
    for (name, headers, header) in cases {
        let v = verdict(&dir, name, &message(headers));
        assert_ne!(v["action"], "deliver", "{name}: {v}");
        assert!(header_hit(&v, header), "{name}: no hit in {header}: {v}");
    }
}

#[test]
fn ordinary_headers_with_names_stay_clean() {
    let dir = temp_dir("dlp-headers-clean");
    let cases = [
        (
            "names",
            "To: \"Smith, John\" <jsmith@partner.test>, Maria Lopez <ml@partner.test>\r\n\
Cc: Dr. Anne O'Neil (Cardiology) <aoneil@clinic.test>\r\n",
        ),
        (
            "title-after-a-dash",
            "To: Maria Lopez - Scheduling <ml@partner.test>\r\nReply-To: Front Desk - Main Campus <desk@clinic.test>\r\n",
        ),
        (
            "x-headers",
            "To: it@clinic.test\r\nX-Mailer: Microsoft Outlook 16.0\r\nX-Ticket: INC0048213\r\n\
Thread-Topic: Q3 staff schedule\r\nKeywords: schedule, staffing\r\n",
        ),
        // A display name with an employee number, and a topic line whose
        // "Last, First" is followed by nothing that identifies a case.
        (
            "employee-number-and-topic-without-reference",
            "To: \"Marsh, Odile - employee #E440913\" <om@partner.test>\r\n\
Thread-Topic: Onboarding - Marsh, Odile - badge photo\r\n",
        ),
        (
            "transport",
            "To: it@clinic.test\r\nMessage-ID: <512-44-9087@clinic.test>\r\n\
X-MS-Exchange-Organization-Network-Message-Id: 512-44-9087\r\n",
        ),
        // A spec's HL7 placeholder, a report's dated file name, a "re:"
        // display name about a place.
        (
            "placeholders-and-dated-file-names",
            "To: it@clinic.test\r\nX-Sample: PID|1||12345||DOE^JOHN^A||19800101|M\r\n\
X-Document-Name: BUDGET_REVIEW_20261130_Final.pdf\r\n\
Reply-To: Facilities re: Parking Garage <fac@clinic.test>\r\n",
        ),
        // Capitals before a test are a heading, not a name; a planning
        // topic is no admission.
        (
            "caps-heading-before-a-test",
            "To: it@clinic.test\r\nThread-Topic: URGENT REQUEST for MRI room booking\r\n\
Keywords: STAFF MEETING moved - pneumonia vaccine clinic\r\n",
        ),
        // A job title in a display name is the sender's, not a service.
        (
            "job-title-in-display-name",
            "To: \"Hanh Le (Infusion Scheduler)\" <hl@clinic.test>\r\n\
Reply-To: \"Ana Ruiz (Dialysis Coordinator)\" <ar@clinic.test>\r\n",
        ),
        // An education series' title is no person, whatever its condition.
        (
            "grand-rounds-topic",
            "To: staff@clinic.test\r\nThread-Topic: Grand Rounds: heart failure update\r\n\
X-Original-Subject: Lab results pending - interface delay\r\n",
        ),
        // A family of headers with names and a class, no patient.
        (
            "header-family-without-a-patient",
            "To: staff@clinic.test\r\nX-Event-Host: Priya Raman\r\nX-Event-Topic: diabetes education class, room 4\r\n",
        ),
        (
            "office-product-in-lower-case",
            "To: it@clinic.test\r\nThread-Topic: ms word crashes when printing the metformin formulary\r\n",
        ),
        // Capitals before a service date's label, with no condition.
        (
            "caps-words-before-dos-without-a-condition",
            "To: billing@clinic.test\r\nX-Batch-Name: CLAIMS_EXPORT_DOS_2026-03-01_to_2026-03-31\r\n",
        ),
    ];
    for (name, headers) in cases {
        let v = verdict(&dir, name, &message(headers));
        assert_eq!(v["action"], "deliver", "{name}: {v}");
    }
}

/// A forwarded message's own headers are part of what the reader sees.
#[test]
fn headers_of_an_attached_message_are_scanned() {
    let dir = temp_dir("dlp-headers-nested");
    let msg = b"From: Front Desk <desk@clinic.test>\r\nTo: care@partner.test\r\nSubject: Fwd\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n\
--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n\
From: lab@lab.test\r\nTo: \"Lopez, Maria (DOB 04/12/1961)\" <ml@family.test>\r\nSubject: results\r\n\r\nReady.\r\n\
--b--\r\n";
    let v = verdict(&dir, "nested", msg);
    assert_ne!(v["action"], "deliver", "{v}");
}

/// Over SMTP: a message whose only PHI is an `X-` header is held for
/// verified TLS and never handed to a plaintext next hop, while a clean
/// message sent alongside goes out.
#[test]
fn header_phi_never_reaches_a_plaintext_sink() {
    let sink = Sink::start(Behaviour::default());
    let dir = temp_dir("dlp-headers-smtp");
    let gw = Gateway::start_in(
        dir.clone(),
        &format!(
            "[dlp]\nrules_dir = \"{}/rules\"\n\n[delivery]\nretry = [\"1s\"]\nphi_tls = \"verify\"\n\n\
[[delivery.route]]\ndomain = \"sink.test\"\nnext_hop = \"localhost:{}\"\n",
            env!("CARGO_MANIFEST_DIR"),
            sink.addr.port()
        ),
    );
    let phi = message("To: care@sink.test\r\nX-Patient: Maria Lopez SSN 512-44-9087\r\n");
    let mut c = Client::connect(gw.addr());
    c.reply();
    assert!(
        c.send_mail("staff@tenant.test", &["care@sink.test"], &phi)
            .starts_with("250")
    );
    assert!(
        c.transaction(
            "staff@tenant.test",
            &["friend@sink.test"],
            b"To: friend@sink.test\r\nX-Mailer: Outlook\r\nSubject: lunch\r\n\r\nNoon?\r\n"
        )
        .starts_with("250")
    );
    let first = sink.wait_count(1, T);
    assert_eq!(first[0].rcpts, vec!["friend@sink.test"]);
    wait_for(
        "header-PHI message handed to the portal at verify",
        T,
        || {
            gw.audit()
                .iter()
                .any(|e| e["event"] == "portal" && e["tls_level"] == "verify")
                .then_some(())
        },
    );
    assert_eq!(sink.count(), 1, "header PHI left over plaintext");
}

/// A subject about its reader's own results and a copy to someone marked
/// "(patient)": each is only evidence, together they are PHI; the same
/// subject to staff alone is not.
#[test]
fn a_subject_about_your_results_with_the_patient_in_copy() {
    let dir = temp_dir("dlp-headers-subject");
    let msg = |cc: &str| {
        format!(
            "From: Front Desk <desk@clinic.test>\r\nTo: care@partner.test\r\n{cc}Subject: Your colposcopy results\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nGot it - will take care of it.\r\n"
        )
        .into_bytes()
    };
    let v = verdict(
        &dir,
        "marked",
        &msg("Cc: \"Garabed Ter-Petrosyan (patient)\" <g918@family.test>\r\n"),
    );
    assert_ne!(v["action"], "deliver", "{v}");
    assert!(header_hit(&v, "Cc"), "{v}");
    let v = verdict(&dir, "staff", &msg("Cc: Anne Park <apark@clinic.test>\r\n"));
    assert_eq!(v["action"], "deliver", "{v}");
}
