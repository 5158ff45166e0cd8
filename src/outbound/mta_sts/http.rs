//! Just enough HTTP/1.1 (RFC 9112) to read one response to one GET: a
//! policy fetch needs a status, a content type and a body, so a full client
//! (and its dependency tree) would be attack surface without a use.
//!
//! Everything is bounded — line length, header count, body size — because
//! the peer is whoever answers for `mta-sts.<domain>`. The reader is generic
//! over the stream so its framing rules are tested on byte strings.

use tokio::io::{AsyncRead, AsyncReadExt};

use super::FetchError;
use super::excerpt;

const MAX_LINE: usize = 8 * 1024;
const MAX_HEADERS: usize = 100;
const MAX_INTERIM: usize = 5;

/// A 200 response with a `text/plain` body.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Response {
    pub body: Vec<u8>,
}

/// Reads the response to our GET, refusing anything but `200` with
/// `Content-Type: text/plain` (RFC 8461 §3.3: no redirects) and any body
/// over `max_body`. The body is framed by chunked encoding, else
/// `Content-Length`, else the end of the connection.
pub(super) async fn read_response<R: AsyncRead + Unpin>(
    stream: R,
    max_body: usize,
) -> Result<Response, FetchError> {
    let mut r = Reader {
        inner: stream,
        buf: Vec::with_capacity(4096),
        pos: 0,
    };
    let mut head = r.head().await?;
    // 1xx answers are interim (RFC 9110 §15.2); the real one follows. A
    // few are plausible, an endless stream of them is not.
    for _ in 0..MAX_INTERIM {
        if !(100..200).contains(&head.status) || head.status == 101 {
            break;
        }
        head = r.head().await?;
    }
    match head.status {
        200 => {}
        code @ 300..=399 => return Err(FetchError::Redirect(code)),
        code => return Err(FetchError::Status(code)),
    }
    let content_type = head.content_type.ok_or(FetchError::NoContentType)?;
    let media = content_type.split(';').next().unwrap_or("").trim();
    if !media.eq_ignore_ascii_case("text/plain") {
        return Err(FetchError::ContentType(excerpt(&content_type)));
    }
    let body = match head.framing {
        Framing::Chunked => r.chunked(max_body).await?,
        Framing::Length(n) => {
            if n > max_body as u64 {
                return Err(FetchError::TooBig(max_body));
            }
            r.exact(n as usize).await?
        }
        Framing::Close => r.until_close(max_body).await?,
    };
    Ok(Response { body })
}

struct Head {
    status: u16,
    content_type: Option<String>,
    framing: Framing,
}

enum Framing {
    Chunked,
    Length(u64),
    Close,
}

struct Reader<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: AsyncRead + Unpin> Reader<R> {
    /// More bytes into the buffer; `Ok(0)` at a clean end of stream.
    async fn fill(&mut self) -> Result<usize, FetchError> {
        if self.pos > 0 && self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        let mut chunk = [0u8; 8192];
        match self.inner.read(&mut chunk).await {
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                Ok(n)
            }
            // rustls: the peer closed without close_notify. Where the end of
            // the stream is the end of the body, that may be a cut.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Err(FetchError::Truncated),
            Err(e) => Err(FetchError::Io(crate::proto::tls::error_text(&e))),
        }
    }

    /// One line without its LF or CRLF; a stream that ends first is cut short.
    async fn line(&mut self) -> Result<String, FetchError> {
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf[self.pos..]) {
                let raw = &self.buf[self.pos..self.pos + i];
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                let line = String::from_utf8_lossy(raw).into_owned();
                self.pos += i + 1;
                return Ok(line);
            }
            if self.buf.len() - self.pos > MAX_LINE {
                return Err(FetchError::Malformed("a line longer than 8 KiB".into()));
            }
            if self.fill().await? == 0 {
                return Err(FetchError::Truncated);
            }
        }
    }

    async fn head(&mut self) -> Result<Head, FetchError> {
        let status_line = self.line().await?;
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or("");
        let code = parts.next().unwrap_or("");
        if !version.starts_with("HTTP/1.") || code.len() != 3 {
            return Err(FetchError::Malformed(format!(
                "status line {}",
                excerpt(&status_line)
            )));
        }
        let status = code
            .parse::<u16>()
            .map_err(|_| FetchError::Malformed(format!("status line {}", excerpt(&status_line))))?;
        let mut head = Head {
            status,
            content_type: None,
            framing: Framing::Close,
        };
        let mut chunked = false;
        let mut length: Option<u64> = None;
        for _ in 0..=MAX_HEADERS {
            let line = self.line().await?;
            if line.is_empty() {
                head.framing = match (chunked, length) {
                    (true, _) => Framing::Chunked, // RFC 9112 §6.3: it overrides a length
                    (false, Some(n)) => Framing::Length(n),
                    (false, None) => Framing::Close,
                };
                return Ok(head);
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(FetchError::Malformed(format!("header {}", excerpt(&line))));
            };
            if name.is_empty() || name.contains([' ', '\t']) {
                // Also catches obsolete line folding, which RFC 9112 §5.2 lets us refuse.
                return Err(FetchError::Malformed(format!("header {}", excerpt(&line))));
            }
            let value = value.trim_matches([' ', '\t']);
            if name.eq_ignore_ascii_case("content-type") {
                head.content_type = Some(value.to_string());
            } else if name.eq_ignore_ascii_case("content-length") {
                let n = value
                    .parse::<u64>()
                    .ok()
                    .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| {
                        FetchError::Malformed(format!("Content-Length {}", excerpt(value)))
                    })?;
                if length.is_some_and(|m| m != n) {
                    return Err(FetchError::Malformed(
                        "two different Content-Lengths".into(),
                    ));
                }
                length = Some(n);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                let last = value.rsplit(',').next().unwrap_or("").trim();
                if !last.eq_ignore_ascii_case("chunked") {
                    return Err(FetchError::Malformed(format!(
                        "unsupported Transfer-Encoding {}",
                        excerpt(value)
                    )));
                }
                if value.contains(',') {
                    // gzip, chunked: we asked for no content coding.
                    return Err(FetchError::Malformed(format!(
                        "unsupported Transfer-Encoding {}",
                        excerpt(value)
                    )));
                }
                chunked = true;
            }
        }
        Err(FetchError::Malformed(format!(
            "more than {MAX_HEADERS} header lines"
        )))
    }

    async fn exact(&mut self, n: usize) -> Result<Vec<u8>, FetchError> {
        while self.buf.len() - self.pos < n {
            if self.fill().await? == 0 {
                return Err(FetchError::Truncated);
            }
        }
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok(out)
    }

    async fn until_close(&mut self, max: usize) -> Result<Vec<u8>, FetchError> {
        loop {
            if self.buf.len() - self.pos > max {
                return Err(FetchError::TooBig(max));
            }
            if self.fill().await? == 0 {
                return Ok(self.buf[self.pos..].to_vec());
            }
        }
    }

    async fn chunked(&mut self, max: usize) -> Result<Vec<u8>, FetchError> {
        let mut body = Vec::new();
        loop {
            let line = self.line().await?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = (!size.is_empty() && size.len() <= 16)
                .then(|| u64::from_str_radix(size, 16).ok())
                .flatten()
                .ok_or_else(|| FetchError::Malformed(format!("chunk size {}", excerpt(&line))))?;
            if size == 0 {
                // Trailer fields, ignored, up to the empty line.
                for _ in 0..=MAX_HEADERS {
                    if self.line().await?.is_empty() {
                        return Ok(body);
                    }
                }
                return Err(FetchError::Malformed("endless chunked trailer".into()));
            }
            if size > (max - body.len()) as u64 {
                return Err(FetchError::TooBig(max));
            }
            body.extend(self.exact(size as usize).await?);
            if !self.line().await?.is_empty() {
                return Err(FetchError::Malformed("chunk longer than its size".into()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn read(bytes: &[u8], max: usize) -> Result<Vec<u8>, FetchError> {
        read_response(bytes, max).await.map(|r| r.body)
    }

    const OK: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n";

    #[tokio::test]
    async fn content_length() {
        let r = format!("{OK}Content-Length: 5\r\n\r\nhello and more");
        assert_eq!(read(r.as_bytes(), 64).await.unwrap(), b"hello");
        let r = format!("{OK}Content-Length: 65\r\n\r\nhello");
        assert_eq!(read(r.as_bytes(), 64).await, Err(FetchError::TooBig(64)));
        let r = format!("{OK}Content-Length: 9\r\n\r\nhello");
        assert_eq!(read(r.as_bytes(), 64).await, Err(FetchError::Truncated));
        let r = format!("{OK}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
        assert!(matches!(
            read(r.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
        let r = format!("{OK}Content-Length: -5\r\n\r\nhello");
        assert!(matches!(
            read(r.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
    }

    #[tokio::test]
    async fn chunked() {
        let r = format!(
            "{OK}Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n\
             4;ext=1\r\nvers\r\nA\r\nion: STSv1\r\n0\r\nX-Trailer: y\r\n\r\n"
        );
        assert_eq!(read(r.as_bytes(), 64).await.unwrap(), b"version: STSv1");
        let r = format!(
            "{OK}Transfer-Encoding: chunked\r\n\r\n20\r\n{}\r\n0\r\n\r\n",
            "x".repeat(32)
        );
        assert_eq!(read(r.as_bytes(), 31).await, Err(FetchError::TooBig(31)));
        let r = format!("{OK}Transfer-Encoding: chunked\r\n\r\n4\r\nvers");
        assert_eq!(read(r.as_bytes(), 64).await, Err(FetchError::Truncated));
        let r = format!("{OK}Transfer-Encoding: chunked\r\n\r\nzz\r\nvers\r\n0\r\n\r\n");
        assert!(matches!(
            read(r.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
        let r = format!("{OK}Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n");
        assert!(matches!(
            read(r.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
        let r = format!("{OK}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
        assert!(matches!(
            read(r.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
    }

    #[tokio::test]
    async fn read_to_close() {
        let r = format!("{OK}\r\nversion: STSv1\n");
        assert_eq!(read(r.as_bytes(), 64).await.unwrap(), b"version: STSv1\n");
        let r = format!("{OK}\r\n{}", "x".repeat(65));
        assert_eq!(read(r.as_bytes(), 64).await, Err(FetchError::TooBig(64)));
    }

    #[tokio::test]
    async fn status_and_type() {
        let redirect = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere/\r\n\r\n";
        assert_eq!(
            read(redirect.as_bytes(), 64).await,
            Err(FetchError::Redirect(301))
        );
        let missing = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        assert_eq!(
            read(missing.as_bytes(), 64).await,
            Err(FetchError::Status(404))
        );
        let html = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>";
        assert!(matches!(
            read(html.as_bytes(), 64).await,
            Err(FetchError::ContentType(_))
        ));
        let none = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        assert_eq!(
            read(none.as_bytes(), 64).await,
            Err(FetchError::NoContentType)
        );
        let upper = "HTTP/1.0 200 OK\nCONTENT-TYPE: Text/Plain\n\nbody";
        assert_eq!(read(upper.as_bytes(), 64).await.unwrap(), b"body");
        let interim = format!("HTTP/1.1 100 Continue\r\n\r\n{OK}Content-Length: 2\r\n\r\nok");
        assert_eq!(read(interim.as_bytes(), 64).await.unwrap(), b"ok");
    }

    #[tokio::test]
    async fn garbage_is_refused() {
        for bad in [
            "SSH-2.0-OpenSSH_9.6\r\n",
            "HTTP/2 200\r\n\r\n",
            "HTTP/1.1 2000 OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n folded\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        ] {
            assert!(
                matches!(
                    read(bad.as_bytes(), 64).await,
                    Err(FetchError::Malformed(_))
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            read(b"HTTP/1.1 200 OK\r\n", 64).await,
            Err(FetchError::Truncated)
        );
        assert_eq!(read(b"", 64).await, Err(FetchError::Truncated));
        let long = format!("HTTP/1.1 200 OK\r\nX: {}\r\n\r\n", "y".repeat(20_000));
        assert!(matches!(
            read(long.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
        let many = format!("HTTP/1.1 200 OK\r\n{}\r\n", "X: y\r\n".repeat(200));
        assert!(matches!(
            read(many.as_bytes(), 64).await,
            Err(FetchError::Malformed(_))
        ));
    }
}
