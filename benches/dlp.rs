//! Throughput of the DLP scan on one core, with the full default packs.
//!
//! - `plain_text/engine`: one pass with the multi-pattern prefilter over a
//!   mixed text (mostly clean mail prose, numbers, some PHI).
//! - `plain_text/naive`: the same detectors run one regex at a time over the
//!   whole text (what a simple implementation does), for the ratio.
//! - `plain_text_non_ascii/engine`: the same with accented and CJK text, where
//!   Unicode-aware `\b`/`\d` would collapse.
//! - `messages_with_attachments`: whole corpus messages with attachments
//!   (MIME decoding, PDF, OOXML, zip) through `Scanner::scan`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regex::bytes::{Regex, RegexBuilder};
use sealgate::dlp::rules::{DetectorSource, DetectorSpec, load_dir};
use sealgate::dlp::{DlpConfig, Scanner};

const PROSE: &[&str] = &[
    "Thanks for joining the quality committee meeting on 04/14/2026 at 10:30 in room 4-112. ",
    "The agenda covers patient experience scores, the budget for FY2027 and the new parking rules. ",
    "Order #112-4567890-1234567 shipped; tracking 1Z999AA10123456784, invoice INV-2026-004512. ",
    "Please call the help desk at 555-201-3344 or open ticket CHG0048213 before Friday. ",
    "Our newsletter this month covers diabetes screening, flu shots and heart-healthy recipes. ",
    "Server 10.20.30.40 restarts at 02:00; build 4.12.9931, serial SN482193377, part 4521-3390-12. ",
    "Dr. Lee, Cardiology, NPI 1234567893, accepts new patients at the Riverbend campus. ",
    "Lunch is on the third floor; bring your badge and your reusable cup. ",
];
const PHI: &[&str] = &[
    "Patient: Maria Garcia, DOB: 03/14/1962, MRN: 00483921, started metformin 500 mg. ",
    "SSN on file 536-22-8915. ",
    "Medicare number 1EG4-TE5-MK73. ",
    "Card 4111 1111 1111 1111 exp 12/28. ",
];

fn mixed_text(target: usize, non_ascii: bool) -> String {
    let mut s = String::with_capacity(target + 1024);
    let mut i = 0usize;
    while s.len() < target {
        s.push_str(PROSE[i % PROSE.len()]);
        if non_ascii && i.is_multiple_of(3) {
            s.push_str("Réunion à 10 h, café über alles — 会議は午後です。 ");
        }
        // About one PHI sentence per 40 KB: realistic for a gateway's mix.
        if i % 450 == 449 {
            s.push_str(PHI[(i / 450) % PHI.len()]);
        }
        if i % 6 == 5 {
            s.push('\n');
        }
        i += 1;
    }
    s
}

/// One regex per detector over the whole text, validators and context
/// checked per match: the straightforward design the engine replaces.
struct Naive {
    dets: Vec<(Regex, DetectorSpec, Option<Regex>)>,
}

impl Naive {
    fn new(specs: &[DetectorSpec]) -> Naive {
        let dets = specs
            .iter()
            .filter_map(|d| {
                let re = match &d.source {
                    DetectorSource::Pattern { regex, ignore_case } => RegexBuilder::new(regex)
                        .unicode(false)
                        .case_insensitive(*ignore_case)
                        .build()
                        .ok()?,
                    DetectorSource::Terms(t) => {
                        let alt: Vec<String> = t.iter().map(|w| regex::escape(w)).collect();
                        RegexBuilder::new(&format!(r"\b(?:{})\b", alt.join("|")))
                            .unicode(false)
                            .case_insensitive(true)
                            .build()
                            .ok()?
                    }
                };
                let ctx = (!d.context.is_empty()).then(|| {
                    let alt: Vec<String> = d.context.iter().map(|w| regex::escape(w)).collect();
                    RegexBuilder::new(&alt.join("|"))
                        .unicode(false)
                        .case_insensitive(true)
                        .build()
                        .ok()
                });
                Some((re, d.clone(), ctx.flatten()))
            })
            .collect();
        Naive { dets }
    }

    fn scan(&self, text: &[u8]) -> usize {
        let mut n = 0;
        for (re, d, ctx) in &self.dets {
            for m in re.find_iter(text) {
                if let Some(v) = &d.validator
                    && !v.check(m.as_bytes())
                {
                    continue;
                }
                if let Some(c) = ctx {
                    let lo = m.start().saturating_sub(d.context_window);
                    let hi = (m.end() + d.context_window).min(text.len());
                    if !c.is_match(&text[lo..hi]) {
                        continue;
                    }
                }
                n += 1;
            }
        }
        n
    }
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scanner = match Scanner::load(&DlpConfig::default(), root) {
        Ok(s) => s,
        Err(e) => panic!("rules: {e}"),
    };
    let rules = match load_dir(&root.join("rules")) {
        Ok(r) => r,
        Err(e) => panic!("rules: {e}"),
    };
    let naive = Naive::new(&rules.detectors);

    let text = mixed_text(8 << 20, false);
    let mut g = c.benchmark_group("plain_text");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("engine", |b| {
        b.iter(|| black_box(scanner.scan_text(black_box(&text))))
    });
    g.bench_function("naive", |b| {
        b.iter(|| black_box(naive.scan(black_box(text.as_bytes()))))
    });
    g.finish();

    let text = mixed_text(8 << 20, true);
    let mut g = c.benchmark_group("plain_text_non_ascii");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("engine", |b| {
        b.iter(|| black_box(scanner.scan_text(black_box(&text))))
    });
    g.bench_function("naive", |b| {
        b.iter(|| black_box(naive.scan(black_box(text.as_bytes()))))
    });
    g.finish();

    let dir = root.join("tests/corpus");
    let mut msgs = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            if name.ends_with(".eml")
                && name.contains("_att-")
                && let Ok(raw) = std::fs::read(&p)
            {
                msgs.push(raw);
            }
        }
    }
    msgs.sort();
    let total: usize = msgs.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("messages_with_attachments");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(format!("scan_{}_messages", msgs.len()), |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(scanner.scan(black_box(m)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
