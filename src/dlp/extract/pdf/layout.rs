//! Tables and forms of a PDF page read by position.
//!
//! The text layer gives a table's cells in drawing order, separated by tabs
//! (a column gap) and line breaks. That is enough when every row is one
//! line with one text run per column, but real reports wrap long cells
//! ("Pneumonia due to / Methicillin resistant S"), merge two narrow columns
//! into one run ("2026-08-17 5:00 PM" under `Date` and `Time`) or leave
//! cells empty, and then a row no longer has as many cells as its header:
//! the header's labels are lost for every row.
//!
//! Here each cell keeps the x position where it starts. Under a header line
//! (three or more cells that all read as column names, without numbers),
//! every later cell belongs to the header column whose start is nearest; a
//! line with a cell in the first column starts a new record and the other
//! lines continue it, which is how producers that draw a table row by row
//! (ReportLab, fpdf2, LibreOffice) lay out wrapped cells. Each record is written as one
//! labelled line (`Patient: ...; DOB: ...`), like spreadsheet rows.
//! Outside tables, a line of two cells whose first cell is a caption
//! (`Patient` and its value, as forms print them) becomes `Patient: value`.
//!
//! This is an additional view: the text as drawn is always scanned too.

use crate::dlp::extract::table::{Bound, Row, Table, is_label_like, looks_like_header};

use super::content::CellStart;

/// Fewer columns than this is a form line, not a table header.
const MIN_COLUMNS: usize = 3;
/// Characters kept of one cell.
const MAX_CELL_CHARS: usize = 400;
/// A table ends when the next line is this many font sizes away vertically
/// (the page footer, the next section).
const MAX_ROW_JUMP: f32 = 8.0;

/// One text run between tabs and line breaks, with where it starts.
struct Cell<'a> {
    x: f32,
    text: &'a str,
}

struct Line<'a> {
    cells: Vec<Cell<'a>>,
    y: f32,
    size: f32,
    page: u32,
    /// Gathered from lines drawn apart (see [`same_row`]): a row of a
    /// table, or two blocks of a letterhead side by side, never a form line.
    joined: bool,
}

/// A header line: three or more cells that all read as column names and
/// hold no number (a record line whose cells merged, `Amira Qureshi
/// 973-559-7358`, `October 18, 1940`, reads as words too).
fn is_header(line: &Line<'_>) -> bool {
    line.cells.len() >= MIN_COLUMNS
        && looks_like_header(&as_row(line))
        && line.cells.iter().all(|c| !has_number(c.text))
}

/// Three digits in a row: a date, phone, amount or id, not a column name
/// (`ICD-10`, `Address 2` have fewer).
fn has_number(s: &str) -> bool {
    s.as_bytes()
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// The positioned view of `text`, or `None` when it has no table or form
/// line worth labelling.
pub fn view(text: &str, starts: &[CellStart], bound: &Bound) -> Option<String> {
    let lines = lines(text, starts);
    let mut out = String::new();
    let mut i = 0;
    let mut tick = 0;
    let mut in_form = false;
    while i < lines.len() && !bound.reached(&out, &mut tick) {
        let line = &lines[i];
        if is_header(line) {
            i = table(&lines, i, &mut out, bound);
            in_form = false;
            continue;
        }
        let at = out.len();
        if form_line(line, &mut out) {
            // A block of boxes keeps the line above it, which says whose
            // record it is ("Patient ZZTRAIN, DIALYSIS" over "DOB: ..."):
            // without it the view would hold values its source does not
            // leave unqualified.
            if let Some(above) = i.checked_sub(1).and_then(|k| lines.get(k))
                && !in_form
                && above.page == line.page
            {
                out.insert_str(at, &line_text(above));
            }
            in_form = true;
        } else {
            in_form = false;
        }
        i += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// A line's cells, one space apart, with its line break.
fn line_text(line: &Line<'_>) -> String {
    let mut s = line
        .cells
        .iter()
        .map(|c| c.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    s.push('\n');
    s
}

/// Cells grouped into lines. A cell runs from its start to the next tab or
/// line break; a cell right after a line break (or a page) begins a line.
fn lines<'a>(text: &'a str, starts: &[CellStart]) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::new();
    let b = text.as_bytes();
    for s in starts {
        let Some(rest) = text.get(s.at..) else {
            continue;
        };
        let end = memchr::memchr2(b'\t', b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let cell = rest.get(..end).unwrap_or("").trim();
        if cell.is_empty() {
            continue;
        }
        let new_line = s.at == 0
            || b.get(s.at - 1) == Some(&b'\n')
            || out.last().is_none_or(|l| l.page != s.page);
        if new_line {
            out.push(Line {
                cells: Vec::new(),
                y: s.y,
                size: s.size,
                page: s.page,
                joined: false,
            });
        }
        if let Some(l) = out.last_mut() {
            l.cells.push(Cell {
                x: s.x,
                text: cut(cell),
            });
        }
    }
    same_row(out)
}

/// How many earlier lines a line may join (see [`same_row`]).
const JOIN_BACK: usize = 8;
/// How far from a line's baseline, in font sizes, another line's baseline
/// may lie and still be set in the same table row: less than any leading
/// (a wrapped cell's next line is a leading below), more than the half
/// leading by which a vertically centred cell sits between two lines.
const SAME_ROW: f32 = 0.75;
/// Cells one joined line may hold: more than any table row, and a bound on
/// the work a page of thousands of runs on one baseline can cause.
const MAX_ROW_CELLS: usize = 64;

/// A line gathered from several: its cells and the baselines they span.
struct Band<'a> {
    line: Line<'a>,
    top: f32,
    bottom: f32,
}

/// Lines set in one table row joined into one, cells in x order.
/// Producers that draw a table cell by cell (LibreOffice, ReportLab) put a
/// wrapped cell's second line between two cells of one row, so the row
/// arrives as several lines: `Patient DOB`, `ED`, `arrival`, `Diagnosis
/// PCP`. Cells on one baseline are one line again. A vertically centred
/// cell sits between the lines of its wrapped neighbours, closer to each
/// than a leading: it joins them, and the row (`TWO FEATHERS,` over
/// `HARLAN D.`, `11/18/20` over `17`, and `J45.41 asthma` between) is one
/// line whose cells of one column follow each other.
fn same_row(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut out: Vec<Band<'_>> = Vec::with_capacity(lines.len());
    for line in lines {
        let reach = SAME_ROW * line.size.max(1.0);
        let from = out.len().saturating_sub(JOIN_BACK);
        let hits: Vec<usize> = (from..out.len())
            .filter(|&k| {
                let b = &out[k];
                b.line.page == line.page
                    && b.line.cells.len() + line.cells.len() <= MAX_ROW_CELLS
                    && line.y >= b.bottom - reach
                    && line.y <= b.top + reach
                    && line
                        .cells
                        .iter()
                        .all(|c| b.line.cells.iter().all(|d| (d.x - c.x).abs() > 1.0))
            })
            .collect();
        let Some((&first, rest)) = hits.split_first() else {
            out.push(Band {
                top: line.y,
                bottom: line.y,
                line,
            });
            continue;
        };
        // Later bands this line bridges fold into the first, newest last.
        for &k in rest.iter().rev() {
            let b = out.remove(k);
            let into = &mut out[first];
            into.top = into.top.max(b.top);
            into.bottom = into.bottom.min(b.bottom);
            into.line.cells.extend(b.line.cells);
        }
        let into = &mut out[first];
        into.line.joined = true;
        into.top = into.top.max(line.y);
        into.bottom = into.bottom.min(line.y);
        into.line.cells.extend(line.cells);
        // Stable: cells of one column stay in drawing order, top first.
        into.line.cells.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out.into_iter().map(|b| b.line).collect()
}

fn cut(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

fn as_row(line: &Line<'_>) -> Row {
    line.cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i as u32, c.text.to_string()))
        .collect()
}

/// Renders the table whose header is `lines[start]`; returns the index of
/// the first line after it.
fn table(lines: &[Line<'_>], start: usize, out: &mut String, bound: &Bound) -> usize {
    let head = &lines[start];
    let xs: Vec<f32> = head.cells.iter().map(|c| c.x).collect();
    let mut names: Vec<String> = head.cells.iter().map(|c| c.text.to_string()).collect();
    let mut prev = head;
    let mut i = start + 1;
    // Column names wrapped in their cells (`Date of` / `birth`, `Birthdat`
    // / `e`) finish on the lines right below the header.
    while let Some(line) = lines.get(i) {
        if line.page != head.page || !wraps_a_name(line, prev) {
            break;
        }
        for c in &line.cells {
            let name = &mut names[nearest(&xs, c.x)];
            if !cut_off_end(c.text) {
                name.push(' ');
            }
            name.push_str(c.text);
        }
        prev = line;
        i += 1;
    }
    let mut t = Table::new(false);
    t.row(
        names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (i as u32, n))
            .collect(),
        out,
    );
    let mut record: Vec<String> = vec![String::new(); xs.len()];
    // Cells in the line that began the record.
    let mut began = 0;
    let mut tick = 0;
    while let Some(line) = lines.get(i) {
        if bound.reached(out, &mut tick) {
            break;
        }
        let jump = (line.y - prev.y).abs();
        if line.page != head.page || jump > MAX_ROW_JUMP * line.size.max(prev.size).max(1.0) {
            break;
        }
        if is_header(line) {
            break;
        }
        let cols: Vec<usize> = line.cells.iter().map(|c| nearest(&xs, c.x)).collect();
        // A first-column cell that finishes a number the last line broke
        // (`06/27/2` then `026`) continues the record instead of starting
        // one, and so does a line set at the text's own leading right
        // below, with fewer cells, each under a cell it can finish: a
        // wrapped first cell (`TWO FEATHERS,` / `HARLAN D.`).
        let first = line.cells.iter().zip(&cols).find(|(_, col)| **col == 0);
        let wrapped = jump <= WRAP_LEADING * line.size.max(prev.size).max(1.0)
            && line.cells.len() < began
            && cols.iter().all(|&c| !record[c].is_empty());
        if first.is_some_and(|(c, _)| !continues(&record[0], c.text)) && !wrapped {
            flush(&mut t, &mut record, out);
        }
        if record.iter().all(String::is_empty) {
            began = line.cells.len();
        }
        for (c, col) in line.cells.iter().zip(cols) {
            let slot = &mut record[col];
            if !slot.is_empty() && !continues(slot, c.text) {
                slot.push(' ');
            }
            slot.push_str(c.text);
        }
        prev = line;
        i += 1;
    }
    flush(&mut t, &mut record, out);
    // A header no row followed adds nothing: the text as drawn is scanned.
    i
}

/// The most a wrapped cell's next line lies below its first, in font
/// sizes: a paragraph's leading (1.2 in most producers), less than a table
/// row with its padding.
const WRAP_LEADING: f32 = 1.3;

/// A line right below a header line (or its last wrapped line) that only
/// finishes column names: fewer cells, each a word or two starting in
/// lower case (`birth`, `visit`, `arrival`) or a cut-off end (`e`).
fn wraps_a_name(line: &Line<'_>, above: &Line<'_>) -> bool {
    let jump = (line.y - above.y).abs();
    jump > 0.0
        && jump <= WRAP_LEADING * line.size.max(above.size).max(1.0)
        && !line.cells.is_empty()
        && line.cells.iter().all(|c| {
            let t = c.text.trim();
            !has_number(t)
                && t.split_whitespace().count() <= 2
                && (cut_off_end(t) || t.starts_with(|ch: char| ch.is_lowercase()))
                && t.chars()
                    .all(|ch| ch.is_alphabetic() || ch == ' ' || ch == '.')
        })
}

/// The last letters of a word a narrow cell cut (`Birthdat` / `e`), glued
/// back without a space; a longer piece is a word of its own.
fn cut_off_end(piece: &str) -> bool {
    piece.trim().chars().count() <= 2
}

/// Whether `next` finishes a number that a narrow column broke at the end
/// of `cell`: a date whose year was cut (`10/12/1` + `975`) or a number cut
/// after a separator (`603-299-` + `3866`). Producers break a token only
/// when it does not fit, so the pieces are glued back without a space.
fn continues(cell: &str, next: &str) -> bool {
    if !next.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(last) = cell.split_whitespace().next_back() else {
        return false;
    };
    if !last.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if last.ends_with(['/', '-']) {
        return true;
    }
    let parts: Vec<&str> = last.split(['/', '-']).collect();
    // `11/18/20` then `17`: a year cut in half; `4/12/61` then `2026` is not.
    let half_year = next.len() == 2 && next.bytes().all(|c| c.is_ascii_digit());
    matches!(parts.as_slice(), [a, b, y]
        if [a, b, y].iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
            && (y.len() == 1 || y.len() == 3 || (y.len() == 2 && half_year)))
}

/// The column whose header starts nearest to `x`.
fn nearest(xs: &[f32], x: f32) -> usize {
    let mut best = (0, f32::INFINITY);
    for (i, &h) in xs.iter().enumerate() {
        let d = (h - x).abs();
        if d < best.1 {
            best = (i, d);
        }
    }
    best.0
}

fn flush(t: &mut Table, record: &mut [String], out: &mut String) {
    if record.iter().all(String::is_empty) {
        return;
    }
    let row: Row = record
        .iter_mut()
        .enumerate()
        .map(|(i, s)| (i as u32, std::mem::take(s)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    t.row(row, out);
}

/// `Caption<TAB>value` (and `Caption<TAB>value<TAB>Caption<TAB>value`, two
/// boxes on one line) as `Caption: value`; whether the line was one.
fn form_line(line: &Line<'_>, out: &mut String) -> bool {
    let cells = &line.cells;
    if line.joined || cells.len() < 2 || !cells.len().is_multiple_of(2) {
        return false;
    }
    let pairs: Vec<(&str, &str)> = cells.chunks(2).map(|p| (p[0].text, p[1].text)).collect();
    if !pairs.iter().all(|(k, _)| caption(k)) {
        return false;
    }
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(k.trim_end_matches(':').trim_end());
        out.push_str(": ");
        out.push_str(v);
    }
    out.push('\n');
    true
}

/// A form caption: short words, not a sentence.
fn caption(s: &str) -> bool {
    let s = s.trim_end_matches(':').trim_end();
    is_label_like(s) && s.split_whitespace().count() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text and cell starts from cells as (text line, baseline y, x,
    /// text), size 10: cells of one text line are separated by tabs.
    fn positioned(
        cells: impl Iterator<Item = (usize, f32, f32, &'static str)>,
    ) -> (String, Vec<CellStart>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut last_line = None;
        for (line, y, x, t) in cells {
            match last_line {
                Some(l) if l == line => text.push('\t'),
                Some(_) => text.push('\n'),
                None => {}
            }
            last_line = Some(line);
            starts.push(CellStart {
                at: text.len(),
                x,
                y,
                size: 10.0,
                page: 1,
            });
            text.push_str(t);
        }
        (text, starts)
    }

    /// Cells as (line, x, text); lines 14 pt apart.
    fn doc(cells: &[(u32, f32, &'static str)]) -> (String, Vec<CellStart>) {
        positioned(
            cells
                .iter()
                .map(|&(line, x, t)| (line as usize, 700.0 - 14.0 * line as f32, x, t)),
        )
    }

    #[test]
    fn numbers_broken_by_a_narrow_column_are_glued_back() {
        let (text, starts) = doc(&[
            (0, 50.0, "Appt"),
            (0, 120.0, "Patient"),
            (0, 220.0, "DOB"),
            (0, 290.0, "Phone"),
            (1, 50.0, "06/27/2"),
            (1, 220.0, "10/12/1"),
            (2, 120.0, "Marsh, Odile"),
            (2, 290.0, "207-555-"),
            (3, 50.0, "026"),
            (3, 220.0, "975"),
            (3, 290.0, "0142"),
            (4, 50.0, "06/28/2026"),
            (4, 120.0, "Bram Whitlock"),
            (4, 220.0, "4/12/61"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Appt: 06/27/2026; Patient: Marsh, Odile; DOB: 10/12/1975; Phone: 207-555-0142\n\
             Appt: 06/28/2026; Patient: Bram Whitlock; DOB: 4/12/61\n"
        );
        assert!(!continues("4/12/61", "2026"));
        assert!(!continues("Room 12", "34"));
        assert!(!continues("2026-08-17", "5:00"));
    }

    #[test]
    fn wrapped_and_merged_cells_keep_their_columns() {
        let (text, starts) = doc(&[
            (0, 50.0, "Patient"),
            (0, 150.0, "DOB"),
            (0, 250.0, "Drug"),
            (0, 350.0, "Member ID"),
            (1, 50.0, "Rohan Thibodeaux"),
            (1, 150.0, "November 22, 1993"),
            (2, 250.0, "dupilumab 300 mg/2 mL"),
            (3, 250.0, "pen"),
            (4, 350.0, "JRT160843727"),
            (5, 50.0, "Mai Brennan"),
            (5, 150.0, "January 25, 1964"),
            (5, 250.0, "valacyclovir"),
            (5, 350.0, "MC8358623D"),
            // Name and phone merged, dates that read as words: a record.
            (6, 50.0, "Amira Qureshi 973-559-7358"),
            (6, 150.0, "October 18, 1940"),
            (6, 250.0, "April 4, 2026"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Patient: Rohan Thibodeaux; DOB: November 22, 1993; Drug: dupilumab 300 mg/2 mL pen; Member ID: JRT160843727\n\
             Patient: Mai Brennan; DOB: January 25, 1964; Drug: valacyclovir; Member ID: MC8358623D\n\
             Patient: Amira Qureshi 973-559-7358; DOB: October 18, 1940; Drug: April 4, 2026\n"
        );
        let (text, starts) = doc(&[
            (0, 50.0, "Date"),
            (0, 110.0, "Time"),
            (0, 170.0, "Patient"),
            (0, 300.0, "Visit Purpose"),
            (1, 52.0, "2026-08-17 5:00 PM"),
            (1, 171.0, "Amos Maldonado"),
            (1, 301.0, "insulin teaching"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Date: 2026-08-17 5:00 PM; Patient: Amos Maldonado; Visit Purpose: insulin teaching\n"
        );
    }

    /// Each cell drawn on its own, as (baseline y, x, text).
    fn drawn(cells: &[(f32, f32, &'static str)]) -> (String, Vec<CellStart>) {
        positioned(cells.iter().enumerate().map(|(i, &(y, x, t))| (i, y, x, t)))
    }

    /// LibreOffice draws a table cell by cell and centres short cells
    /// between the lines of a wrapped neighbour: the row is read whole.
    #[test]
    fn a_row_drawn_cell_by_cell_with_centred_cells_is_one_record() {
        let (text, starts) = drawn(&[
            (700.0, 45.0, "Patient"),
            (700.0, 165.0, "DOB"),
            (706.0, 230.0, "ED"),
            (694.0, 226.0, "arrival"),
            (700.0, 300.0, "Diagnosis"),
            (677.0, 45.0, "TWO FEATHERS,"),
            (665.0, 45.0, "HARLAN D."),
            (677.0, 165.0, "11/18/20"),
            (665.0, 165.0, "17"),
            (677.0, 226.0, "11/21/20"),
            (665.0, 226.0, "26"),
            (671.0, 300.0, "J45.41 asthma flare"),
            (642.0, 45.0, "Ana Ruiz"),
            (642.0, 165.0, "08/09/1964"),
            (642.0, 300.0, "I50.22 heart failure"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Patient: TWO FEATHERS, HARLAN D.; DOB: 11/18/2017; arrival: 11/21/2026; Diagnosis: J45.41 asthma flare\n\
             Patient: Ana Ruiz; DOB: 08/09/1964; Diagnosis: I50.22 heart failure\n"
        );
    }

    /// ReportLab tops its cells: a column name cut by a narrow cell
    /// (`Birthdat` / `e`) is finished by the line below the header, and a
    /// date cut the same way by the line below its row.
    #[test]
    fn column_names_wrapped_below_the_header_are_finished() {
        let (text, starts) = drawn(&[
            (700.0, 40.0, "Who"),
            (700.0, 140.0, "Birthdat"),
            (688.0, 140.0, "e"),
            (700.0, 200.0, "Reason for"),
            (688.0, 200.0, "visit"),
            (700.0, 300.0, "Phone"),
            (670.0, 40.0, "Moradi, Parisa H"),
            (670.0, 140.0, "09-25-196"),
            (658.0, 140.0, "0"),
            (670.0, 200.0, "HIV"),
            (670.0, 300.0, "9188486034"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Who: Moradi, Parisa H; Birthdate: 09-25-1960; Reason for visit: HIV; Phone: 9188486034\n"
        );
    }

    /// Any positions at all, in any order, give a view without panicking,
    /// and a joined line never holds more than its bound of cells.
    #[test]
    fn arbitrary_positions_never_panic() {
        let words = [
            "Patient", "DOB", "e", "birth", "11/18/20", "17", "-", "", "Ana Ruiz", "visit",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..300 {
            let n = 1 + next(400) as usize;
            let cells: Vec<(f32, f32, &str)> = (0..n)
                .map(|_| {
                    let y = match next(3) {
                        0 => 700.0 - next(4) as f32,
                        1 => 700.0 - 6.0 * next(40) as f32,
                        _ => next(1000) as f32 - 100.0,
                    };
                    (
                        y,
                        next(600) as f32,
                        words[next(words.len() as u64) as usize],
                    )
                })
                .collect();
            let (text, starts) = drawn(&cells);
            let _ = view(&text, &starts, &Bound::unlimited());
            // Each cell is drawn alone: only joining gathers cells, and a
            // line bridging bands of at most the bound holds at most that
            // many bands' worth.
            assert!(
                lines(&text, &starts)
                    .iter()
                    .all(|l| l.cells.len() <= MAX_ROW_CELLS * JOIN_BACK)
            );
        }
    }

    #[test]
    fn form_lines_and_prose() {
        let (text, starts) = doc(&[
            (0, 50.0, "Guarantor #"),
            (0, 200.0, "355594670"),
            (1, 50.0, "Patient"),
            (1, 200.0, "Ebony Yellowhorse (minor)"),
            (2, 50.0, "I agree to the monthly payments above."),
            (3, 50.0, "Account"),
            (3, 150.0, "PB-32342313"),
            (3, 300.0, "Service"),
            (3, 400.0, "Ambulance transport 07/01/2026"),
            (4, 50.0, "Staff"),
            (4, 150.0, "Nurse"),
            (4, 300.0, "Room"),
            (4, 400.0, "Clerk"),
        ]);
        let v = view(&text, &starts, &Bound::unlimited()).unwrap_or_default();
        assert_eq!(
            v,
            "Guarantor #: 355594670\nPatient: Ebony Yellowhorse (minor)\n\
             I agree to the monthly payments above.\n\
             Account: PB-32342313; Service: Ambulance transport 07/01/2026\n",
            "a block of boxes keeps the line above it; prose alone is left out"
        );
    }
}
