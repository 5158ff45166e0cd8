//! Tables typed or printed as text: a worklist pasted into a message with
//! `|` between cells, columns lined up with spaces, or a PDF whose cells the
//! PDF reader separated by tabs. The header names each column once, far
//! from the values below it, so each row is rendered as labelled cells
//! (`Patient: Clark, Arjun; Member ID: SHP05277492; ...`) by the same
//! [`Table`] renderer spreadsheets and CSV files use.

use crate::dlp::extract::structured::View;
use crate::dlp::extract::table::{Row, Table, looks_like_header};

/// Fewer columns than this is prose with a colon or two, not a table.
const MIN_COLUMNS: usize = 3;

/// Whether `text` may hold a table: a tab, a pipe, a box-drawing bar or a
/// run of three spaces.
pub fn candidate(b: &[u8]) -> bool {
    memchr::memchr2(b'\t', b'|', b).is_some()
        || memchr::memmem::find(b, b"   ").is_some()
        || memchr::memmem::find(b, "│".as_bytes()).is_some()
}

/// Box-drawing column bars (`│`, `┃`, `║`), as database shells, `tabulate`
/// and report writers print tables.
const BARS: [char; 4] = ['|', '│', '┃', '║'];

/// A line that only draws the table's rules (`├──────┼────┤`, `+----+`,
/// `|---|:--|`): no row, and no reason to end the table.
fn is_rule_line(line: &str) -> bool {
    let line = line.trim_start_matches(['>', ' ']);
    !line.is_empty()
        && line
            .chars()
            .any(|c| c == '-' || c == '=' || ('\u{2500}'..='\u{257f}').contains(&c))
        && line.chars().all(|c| {
            matches!(c, '-' | '=' | '+' | '|' | ':' | ' ' | '\t')
                || ('\u{2500}'..='\u{257f}').contains(&c)
        })
}

/// The cells of one line: split by `|` (or a box-drawing bar), by tabs, or
/// by runs of two or more spaces, whichever the line uses.
fn cells(line: &str) -> Vec<String> {
    let line = line.trim_start_matches(['>', ' ']).trim_end();
    let parts: Vec<&str> = if line.matches(BARS).count() >= 2 {
        line.split(BARS).collect()
    } else if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split("  ").collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

fn row(cells: Vec<String>) -> Row {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, c)| (i as u32, c))
        .collect()
}

/// Renders every header-led block of lines with the same number of cells.
pub fn render(text: &str, v: &mut View) {
    let mut header: Option<usize> = None;
    let mut table: Option<Table> = None;
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        if n >= super::MAX_LINES || v.full() {
            break;
        }
        if line.trim().is_empty() || is_rule_line(line) {
            continue;
        }
        let c = cells(line);
        match header {
            Some(cols) if c.len() == cols => {
                if let Some(t) = table.as_mut() {
                    t.row(row(c), &mut out);
                }
                continue;
            }
            _ => {}
        }
        // The block (if any) ended; flush it, then see whether this line
        // starts another.
        // A header no row followed writes nothing: the text as written is
        // scanned anyway.
        table = None;
        header = None;
        let r = row(c);
        if r.len() >= MIN_COLUMNS && looks_like_header(&r) {
            let mut t = Table::new(false);
            t.row(r.clone(), &mut out);
            header = Some(r.len());
            table = Some(t);
        }
    }
    for l in out.lines().filter(|l| l.contains(": ")) {
        v.line(l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> String {
        let mut v = View::default();
        render(text, &mut v);
        v.finish().unwrap_or_default()
    }

    /// A numbered worklist: the `#` column has no name, the others do.
    #[test]
    fn numbered_rows_keep_their_header() {
        let tabs = "Visit schedule\n#\tWho\tBirthdate\tDx\n1\tRADCLIFFE, WILLIAM S\t04APR1966\thigh INR\n2\tTACKETT, EARL\t29AUG1945\tcolon polyps\n";
        let v = view(tabs);
        assert!(
            v.contains("Who: TACKETT, EARL; Birthdate: 29AUG1945"),
            "{v}"
        );
        // A row of numbers and one word is no header.
        assert!(view("#\t1\tTotal\n2\t3\t4\n").is_empty());
    }

    #[test]
    fn box_drawn_tables_are_labelled() {
        let boxed = "> ┌──────────────┬──────────┬────────────┐\n> │ Patient      │ Account  │ DOS        │\n> ├──────────────┼──────────┼────────────┤\n> │ Wójcik, Ala  │ 58166096 │ 11/29/2026 │\n> │ Szabó, Réka  │ A8445816 │ 11/28/2026 │\n> └──────────────┴──────────┴────────────┘\n";
        let v = view(boxed);
        assert!(
            v.contains("Patient: Szabó, Réka; Account: A8445816; DOS: 11/28/2026"),
            "{v}"
        );
        let markdown = "| Patient | MRN | Dx |\n|---|:--|---|\n| Lee, Ann | 00482913 | asthma |\n";
        let v = view(markdown);
        assert!(
            v.contains("Patient: Lee, Ann; MRN: 00482913; Dx: asthma"),
            "{v}"
        );
        assert!(!v.contains("---"), "{v}");
    }

    #[test]
    fn pipe_aligned_and_tabbed_tables_are_labelled() {
        let pipe = "Worklist\n> Claim # | Patient | Member ID | DOS\n> 22384 | White, Agnes | M2810823001 | 26-Jan-2025\n";
        assert!(
            view(pipe).contains("Patient: White, Agnes; Member ID: M2810823001"),
            "{}",
            view(pipe)
        );
        let aligned = "Paciente               Fecha de nacimiento  Afiliado\nJuan Martinez          11/24/1982           M1280021801\n";
        assert!(view(aligned).contains("Paciente: Juan Martinez; Fecha de nacimiento: 11/24/1982"));
        let tabs = "Patient\tFIN\tDiagnosis\nDE SOUZA, JESUS\t8512196122\tHeadache\n";
        assert!(view(tabs).contains("Patient: DE SOUZA, JESUS; FIN: 8512196122"));
    }

    #[test]
    fn prose_and_two_column_text_are_not_tables() {
        assert_eq!(
            view("Dear Ana,  thanks for the note.\nSee you | soon\n"),
            ""
        );
        assert_eq!(view("Name   Room\nAna    4B\n"), "");
    }
}
