//! `sealgate hash-password`: the PHC string for a `[[relay.user]]`, so an
//! admin needs no other tool and never writes a password into a file or a
//! shell history.

use std::io::{BufRead, Write};
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString};
use ring::rand::{SecureRandom, SystemRandom};

#[derive(Debug, thiserror::Error)]
pub enum HashPasswordError {
    #[error("cannot read the password from stdin: {0}")]
    Read(#[from] std::io::Error),
    #[error("no password given: stdin had an empty line or ended")]
    Empty,
    #[error("the two passwords differ; nothing was printed, try again")]
    Mismatch,
    #[error("cannot draw a salt from the system's random source")]
    Random,
    #[error("cannot hash the password: {0}")]
    Hash(argon2::password_hash::Error),
}

/// Reads the password (prompting twice without echo on a terminal, else one
/// line of stdin) and prints its argon2id hash. Returns the exit status.
pub fn run() -> u8 {
    match read_password().and_then(|p| hash(&p)) {
        Ok(phc) => {
            println!("{phc}");
            0
        }
        Err(e) => {
            eprintln!("sealgate hash-password: {e}");
            1
        }
    }
}

/// An argon2id PHC string with the argon2 crate's default cost (m=19456,
/// t=2, p=1, as OWASP recommends) and a random 16-byte salt.
pub fn hash(password: &str) -> Result<String, HashPasswordError> {
    let mut salt = [0u8; 16];
    SystemRandom::new()
        .fill(&mut salt)
        .map_err(|_| HashPasswordError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(HashPasswordError::Hash)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(HashPasswordError::Hash)
}

fn read_password() -> Result<String, HashPasswordError> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(0) } != 1 {
        return read_line();
    }
    let _echo = EchoOff::new()?;
    let first = prompt("Password: ")?;
    let second = prompt("Again: ")?;
    if first != second {
        return Err(HashPasswordError::Mismatch);
    }
    Ok(first)
}

fn prompt(text: &str) -> Result<String, HashPasswordError> {
    let mut err = std::io::stderr();
    err.write_all(text.as_bytes())?;
    err.flush()?;
    read_line()
}

/// One line without its line ending; an empty one is refused.
fn read_line() -> Result<String, HashPasswordError> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let line = line.strip_suffix('\n').unwrap_or(&line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return Err(HashPasswordError::Empty);
    }
    Ok(line.to_string())
}

/// The terminal settings to put back, also from the SIGINT handler: a ^C at
/// the prompt must not leave the admin's terminal without echo.
static SAVED: OnceLock<libc::termios> = OnceLock::new();

extern "C" fn restore_and_exit(_: libc::c_int) {
    if let Some(t) = SAVED.get() {
        // SAFETY: tcsetattr and _exit are async-signal-safe.
        unsafe { libc::tcsetattr(0, libc::TCSANOW, t) };
    }
    unsafe { libc::_exit(130) };
}

/// Terminal echo off (the newline still shows) until dropped.
struct EchoOff {
    saved: libc::termios,
}

impl EchoOff {
    fn new() -> std::io::Result<EchoOff> {
        // SAFETY: termios is plain data, filled in by tcgetattr.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(0, &mut t) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let saved = t;
        let _ = SAVED.set(saved);
        let handler = restore_and_exit as extern "C" fn(libc::c_int);
        // SAFETY: the handler only calls async-signal-safe functions.
        unsafe { libc::signal(libc::SIGINT, handler as libc::sighandler_t) };
        t.c_lflag &= !libc::ECHO;
        t.c_lflag |= libc::ECHONL;
        if unsafe { libc::tcsetattr(0, libc::TCSAFLUSH, &t) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(EchoOff { saved })
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        // SAFETY: puts back the settings read in `new`.
        unsafe { libc::tcsetattr(0, libc::TCSAFLUSH, &self.saved) };
        unsafe { libc::signal(libc::SIGINT, libc::SIG_DFL) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_salts_differ() {
        let a = hash("correct horse").unwrap();
        let b = hash("correct horse").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_eq!(
            super::super::pool::matches(&a, b"correct horse"),
            Some(true)
        );
        assert_eq!(
            super::super::pool::matches(&a, b"correct horsE"),
            Some(false)
        );
    }
}
