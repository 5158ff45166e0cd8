//! Inputs of `sealgate rules test`: single message files, mbox files and
//! Maildir folders, so a rule can be tried on a whole exported mailbox.

use std::path::{Path, PathBuf};

/// One message to scan, named for the report (`box.mbox#3`, a file path).
pub struct Message {
    pub name: String,
    pub raw: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: folder holds no messages (expected a Maildir with cur/ or new/, or *.eml files)", .0.display())]
    EmptyFolder(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> InputError + '_ {
    move |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The messages of one argument: a folder (Maildir or `*.eml` files), an
/// mbox file (starts with a `From ` line), or one message file.
pub fn messages(path: &Path) -> Result<Vec<Message>, InputError> {
    if path.is_dir() {
        return folder(path);
    }
    let raw = std::fs::read(path).map_err(io(path))?;
    if raw.starts_with(b"From ") {
        let name = path.display().to_string();
        return Ok(split_mbox(&raw)
            .into_iter()
            .enumerate()
            .map(|(i, raw)| Message {
                name: format!("{name}#{}", i + 1),
                raw,
            })
            .collect());
    }
    Ok(vec![Message {
        name: path.display().to_string(),
        raw,
    }])
}

/// A Maildir's `cur/` and `new/` (`tmp/` holds deliveries in progress), or
/// else the `*.eml` files of a plain folder; in name order.
fn folder(dir: &Path) -> Result<Vec<Message>, InputError> {
    let maildir: Vec<PathBuf> = ["cur", "new"]
        .iter()
        .map(|s| dir.join(s))
        .filter(|p| p.is_dir())
        .collect();
    let mut files = Vec::new();
    if maildir.is_empty() {
        files.extend(
            list(dir)?
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("eml"))),
        );
    } else {
        for d in &maildir {
            files.extend(list(d)?);
        }
    }
    if files.is_empty() {
        return Err(InputError::EmptyFolder(dir.to_path_buf()));
    }
    files
        .into_iter()
        .map(|p| {
            let raw = std::fs::read(&p).map_err(io(&p))?;
            Ok(Message {
                name: p.display().to_string(),
                raw,
            })
        })
        .collect()
}

/// Regular files of a folder, sorted (hidden files skipped).
fn list(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    v.sort();
    Ok(v)
}

/// Split an mbox (mboxo or mboxrd): a message starts at a `From ` line at
/// the start of the file or after an empty line; body lines that were
/// escaped as `>From ` (any number of `>`) lose one `>`. The empty line
/// that separates messages is not part of the message before it.
pub fn split_mbox(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut prev_blank = true;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if prev_blank && line.starts_with(b"From ") {
            if let Some(last) = out.last_mut() {
                trim_separator(last);
            }
            out.push(Vec::new());
            prev_blank = false;
            continue;
        }
        prev_blank = matches!(line, b"\n" | b"\r\n");
        let Some(cur) = out.last_mut() else { continue };
        let quoted = line.iter().take_while(|&&b| b == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            cur.extend_from_slice(&line[1..]);
        } else {
            cur.extend_from_slice(line);
        }
    }
    if let Some(last) = out.last_mut() {
        trim_separator(last);
    }
    out
}

fn trim_separator(m: &mut Vec<u8>) {
    if m.ends_with(b"\r\n\r\n") {
        m.truncate(m.len() - 2);
    } else if m.ends_with(b"\n\n") {
        m.truncate(m.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_splits_on_from_lines_and_unescapes() {
        let mbox = b"From a@x Mon Jan 1 00:00:00 2026\nSubject: one\n\n>From here\n>>From there\nFrom me, no blank line before\n\nFrom b@x Mon Jan 1 00:00:01 2026\nSubject: two\n\nbody\n";
        let m = split_mbox(mbox);
        assert_eq!(m.len(), 2);
        assert_eq!(
            m[0],
            b"Subject: one\n\nFrom here\n>From there\nFrom me, no blank line before\n".to_vec()
        );
        assert_eq!(m[1], b"Subject: two\n\nbody\n".to_vec());
    }
}
