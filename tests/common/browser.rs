//! A minimal W3C WebDriver client for browser tests: chromedriver on a
//! loopback port, driven over plain HTTP/1.1 (`std::net::TcpStream`, one
//! request per connection) with JSON bodies, headless Chromium behind it.
//!
//! Trust is narrow: Chromium is started with
//! `--ignore-certificate-errors-spki-list` naming only the SHA-256 of the
//! SubjectPublicKeyInfo of the server certificates a test pins (see
//! [`spki_pin`]); `acceptInsecureCerts` stays false, so any other
//! certificate error still fails the navigation.
//!
//! Every wait has a deadline and says what it waited for when it expires.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The W3C name of the key under which a WebElement reference is sent.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long one WebDriver command may take before the client gives up.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// The default deadline of [`Browser::find`].
pub const FIND_TIMEOUT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------- errors

/// A WebDriver error response (`{"value": {"error", "message"}}`), or a
/// transport failure talking to chromedriver (`error` = "transport").
#[derive(Debug, Clone)]
pub struct WdError {
    pub status: u16,
    pub error: String,
    pub message: String,
}

impl std::fmt::Display for WdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // chromedriver's messages carry a long native stack trace after the
        // first lines; the first lines are what says what went wrong.
        let msg: String = self.message.lines().take(3).collect::<Vec<_>>().join(" | ");
        write!(f, "WebDriver {} (HTTP {}): {msg}", self.error, self.status)
    }
}

impl std::error::Error for WdError {}

pub type WdResult<T> = Result<T, WdError>;

fn transport(e: impl std::fmt::Display) -> WdError {
    WdError {
        status: 0,
        error: "transport".into(),
        message: e.to_string(),
    }
}

// ---------------------------------------------------------------- HTTP

/// One HTTP/1.1 request to `addr` with `Connection: close`; returns the
/// status and body (Content-Length, chunked, or read to EOF).
fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&Value>,
    timeout: Duration,
) -> std::io::Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect_timeout(&addr, timeout)?;
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())?;
    // chromedriver answers `Connection: close` with the same header but
    // keeps the socket open: the body ends where Content-Length says.
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut raw = Vec::new();
    let mut chunk = [0u8; 16384];
    let mut fill = |raw: &mut Vec<u8>| -> std::io::Result<bool> {
        let n = s.read(&mut chunk)?;
        raw.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    };
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if !fill(&mut raw)? {
            return Err(bad("connection closed before the end of the HTTP head"));
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_string();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no HTTP status"))?;
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let start = head_end + 4;
    let rest = if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            if let Some(body) = dechunk(&raw[start..]) {
                break body;
            }
            if !fill(&mut raw)? {
                return Err(bad("connection closed inside a chunked body"));
            }
        }
    } else if let Some(n) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        while raw.len() < start + n {
            if !fill(&mut raw)? {
                return Err(bad("body shorter than Content-Length"));
            }
        }
        raw[start..start + n].to_vec()
    } else {
        while fill(&mut raw)? {}
        raw[start..].to_vec()
    };
    Ok((status, rest))
}

fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size + 2..)?;
    }
}

// ---------------------------------------------------------------- helpers

/// `$SEALGATE_CHROMEDRIVER` if set (a path that does not exist means "no
/// chromedriver", to try the skip path), else chromedriver on PATH, else
/// `/usr/bin/chromedriver`.
pub fn find_chromedriver() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SEALGATE_CHROMEDRIVER") {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let on_path = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("chromedriver"))
            .find(|f| f.is_file())
    });
    on_path.or_else(|| {
        let f = PathBuf::from("/usr/bin/chromedriver");
        f.is_file().then_some(f)
    })
}

/// The base64 SHA-256 of the SubjectPublicKeyInfo of the first certificate
/// in the PEM file `cert`: the form `--ignore-certificate-errors-spki-list`
/// takes.
pub fn spki_pin(cert: &Path) -> String {
    use rustls::pki_types::pem::PemObject;
    let der = rustls::pki_types::CertificateDer::pem_file_iter(cert)
        .unwrap_or_else(|e| panic!("reading {}: {e}", cert.display()))
        .next()
        .unwrap_or_else(|| panic!("no certificate in {}", cert.display()))
        .unwrap();
    let parsed = webpki::EndEntityCert::try_from(&der)
        .unwrap_or_else(|e| panic!("parsing {}: {e:?}", cert.display()));
    let spki = parsed.subject_public_key_info();
    let digest = ring::digest::digest(&ring::digest::SHA256, spki.as_ref());
    base64_encode(digest.as_ref())
}

pub fn base64_encode(bytes: &[u8]) -> String {
    use base64ct::Encoding;
    base64ct::Base64::encode_string(bytes)
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    use base64ct::Encoding;
    base64ct::Base64::decode_vec(text.trim())
        .unwrap_or_else(|e| panic!("bad base64 from the browser: {e}"))
}

/// A PNG's width and height from its IHDR chunk, or None if `png` is not a PNG.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if png.len() < 24 || &png[..8] != SIG || &png[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(png[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(png[20..24].try_into().ok()?);
    Some((w, h))
}

/// Polls `f` until it returns Ok(Some), or fails at the deadline with `what`.
fn poll<T>(
    what: &str,
    timeout: Duration,
    mut f: impl FnMut() -> WdResult<Option<T>>,
) -> WdResult<T> {
    let end = Instant::now() + timeout;
    loop {
        if let Some(v) = f()? {
            return Ok(v);
        }
        if Instant::now() > end {
            return Err(WdError {
                status: 0,
                error: "timeout".into(),
                message: format!("timed out after {timeout:?} waiting for {what}"),
            });
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

// ---------------------------------------------------------------- options

/// How the browser is started.
#[derive(Clone, Debug)]
pub struct BrowserOptions {
    /// [`spki_pin`]s of the server certificates to accept without a
    /// trusted chain; nothing else is accepted.
    pub trust_spki: Vec<String>,
    /// Viewport size in CSS pixels (a phone by default). Headless Chromium
    /// will not make a window narrower than 500 px and takes the height of
    /// a window frame off the viewport, so this is emulated over CDP (see
    /// [`Browser::set_viewport`]); the window gets the same size as a hint.
    pub window: (u32, u32),
    /// Emulate a mobile device (meta viewport, overlay scrollbars).
    pub mobile: bool,
    /// Last resort: accept every certificate. Off by default.
    pub accept_insecure_certs: bool,
    /// More Chromium arguments.
    pub args: Vec<String>,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            trust_spki: Vec::new(),
            window: (390, 844),
            mobile: false,
            accept_insecure_certs: false,
            args: Vec::new(),
        }
    }
}

impl BrowserOptions {
    pub fn trusting(pins: &[String]) -> BrowserOptions {
        BrowserOptions {
            trust_spki: pins.to_vec(),
            ..Default::default()
        }
    }
}

// ---------------------------------------------------------------- the browser

/// A port free on 127.0.0.1 and on ::1 alike: chromedriver binds both and
/// exits at once ("IPv6 port not available") when ::1 holds the port, which
/// a probe of 127.0.0.1 alone cannot see. A host without IPv6 loopback only
/// needs the IPv4 port (chromedriver then skips ::1).
fn driver_port() -> u16 {
    for _ in 0..64 {
        let port = super::free_port();
        match std::net::TcpListener::bind((std::net::Ipv6Addr::LOCALHOST, port)) {
            Ok(_) => return port,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(_) => return port,
        }
    }
    super::free_port()
}

/// A chromedriver process (in its own process group) with one headless
/// Chromium session. Dropping it ends the session, kills the group, reaps
/// chromedriver and removes the profile and download directories.
pub struct Browser {
    driver: Option<Child>,
    addr: SocketAddr,
    session: String,
    /// Temp root holding the profile, downloads and chromedriver's log.
    pub dir: PathBuf,
    pub download_dir: PathBuf,
}

impl Browser {
    /// A browser trusting no extra certificate, or None (with a note on
    /// stderr) if chromedriver is not installed.
    pub fn start() -> Option<Browser> {
        Self::start_with(&BrowserOptions::default())
    }

    /// As [`Browser::start`] with `opts`; panics if chromedriver is there
    /// but the browser cannot be started.
    pub fn start_with(opts: &BrowserOptions) -> Option<Browser> {
        let Some(driver) = find_chromedriver() else {
            eprintln!(
                "browser: no chromedriver (SEALGATE_CHROMEDRIVER, PATH, /usr/bin/chromedriver); no browser"
            );
            return None;
        };
        // The port comes from `driver_port`, which another process can take
        // before chromedriver binds it (it then exits at once): try again
        // on a new port.
        let mut last = None;
        for _ in 0..5 {
            match Self::launch(&driver, opts) {
                Ok(b) => return Some(b),
                Err(e) if e.to_string().contains("chromedriver exited") => last = Some(e),
                Err(e) => panic!("starting the browser: {e}"),
            }
        }
        panic!(
            "starting the browser: {}",
            last.map(|e| e.to_string()).unwrap_or_default()
        )
    }

    /// As [`Browser::start_with`], but panics when chromedriver is missing
    /// and `CI` is set: in CI a skipped browser test is a failure.
    pub fn require(opts: &BrowserOptions) -> Option<Browser> {
        let b = Self::start_with(opts);
        if b.is_none() && std::env::var_os("CI").is_some() {
            panic!(
                "CI is set but chromedriver is not installed (looked at $SEALGATE_CHROMEDRIVER, on PATH and at /usr/bin/chromedriver): install chromium and chromium-driver"
            );
        }
        b
    }

    fn launch(driver: &Path, opts: &BrowserOptions) -> WdResult<Browser> {
        let dir = super::temp_dir("browser");
        let profile = dir.join("profile");
        let download_dir = dir.join("downloads");
        std::fs::create_dir_all(&profile).map_err(transport)?;
        std::fs::create_dir_all(&download_dir).map_err(transport)?;
        let log = std::fs::File::create(dir.join("chromedriver.log")).map_err(transport)?;
        become_subreaper();
        let port = driver_port();
        // No --allowed-ips: with it chromedriver listens on the wildcard
        // addresses ([::] dual-stack), which is more than a test may open and
        // collides with a port any local address holds; without it, it
        // listens on 127.0.0.1 and ::1 only.
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg(format!(
                "--log-path={}",
                dir.join("chromedriver.log").display()
            ))
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(transport)?)
            .stderr(log)
            // Chromium's config and cache (crash reports included) stay in
            // the temp dir, not in $HOME.
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_CACHE_HOME", dir.join("cache"))
            // Its own process group, so Drop can kill chromedriver and
            // every Chromium process it started in one signal.
            .process_group(0)
            .spawn()
            .map_err(transport)?;
        let mut b = Browser {
            driver: Some(child),
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            session: String::new(),
            dir,
            download_dir,
        };
        // From here on a failure drops `b`, which kills what was started.
        poll(
            "chromedriver /status ready",
            Duration::from_secs(20),
            || {
                if let Some(c) = b.driver.as_mut()
                    && let Ok(Some(st)) = c.try_wait()
                {
                    return Err(transport(format!(
                        "chromedriver exited with {st}: {}",
                        b.driver_log()
                    )));
                }
                match http(b.addr, "GET", "/status", None, Duration::from_secs(2)) {
                    Ok((200, body)) => {
                        let v: Value = serde_json::from_slice(&body).unwrap_or_default();
                        Ok((v["value"]["ready"] == json!(true)).then_some(()))
                    }
                    _ => Ok(None),
                }
            },
        )?;

        let (w, h) = opts.window;
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--disable-breakpad",
            "--disable-crash-reporter",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--window-size={w},{h}"));
        args.push(format!("--user-data-dir={}", profile.display()));
        if !opts.trust_spki.is_empty() {
            args.push(format!(
                "--ignore-certificate-errors-spki-list={}",
                opts.trust_spki.join(",")
            ));
        }
        args.extend(opts.args.iter().cloned());
        let dl = b.download_dir.display().to_string();
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "acceptInsecureCerts": opts.accept_insecure_certs,
                    "pageLoadStrategy": "normal",
                    "timeouts": {"implicit": 0, "pageLoad": 20000, "script": 15000},
                    "goog:chromeOptions": {
                        "binary": chromium_binary(),
                        "args": args,
                        "prefs": {
                            "download.default_directory": dl,
                            "download.prompt_for_download": false,
                            "download.directory_upgrade": true,
                            "safebrowsing.enabled": false,
                        },
                    },
                    "goog:loggingPrefs": {"browser": "ALL"},
                }
            }
        });
        let v = b.raw("POST", "/session", Some(&caps))?;
        b.session = v["sessionId"]
            .as_str()
            .ok_or_else(|| transport(format!("no sessionId in {v}")))?
            .to_string();
        // Headless Chromium ignores the download prefs unless told over CDP.
        b.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dl, "eventsEnabled": false}),
        )?;
        b.set_viewport(w, h, opts.mobile)?;
        Ok(b)
    }

    fn driver_log(&self) -> String {
        std::fs::read_to_string(self.dir.join("chromedriver.log")).unwrap_or_default()
    }

    /// One command; the `value` of a success, or the error it reports.
    fn raw(&self, method: &str, path: &str, body: Option<&Value>) -> WdResult<Value> {
        let (status, body) = http(self.addr, method, path, body, COMMAND_TIMEOUT)
            .map_err(|e| transport(format!("{method} {path}: {e}")))?;
        let v: Value = serde_json::from_slice(&body).map_err(|e| {
            transport(format!(
                "{method} {path}: HTTP {status}, not JSON ({e}): {}",
                String::from_utf8_lossy(&body)
            ))
        })?;
        let value = v.get("value").cloned().unwrap_or(Value::Null);
        if status != 200 || value.get("error").is_some_and(Value::is_string) {
            return Err(WdError {
                status,
                error: value["error"].as_str().unwrap_or("unknown error").into(),
                message: format!(
                    "{method} {path}: {}",
                    value["message"].as_str().unwrap_or("")
                ),
            });
        }
        Ok(value)
    }

    /// A command on this session: `path` is relative to `/session/{id}`.
    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> WdResult<Value> {
        let full = format!("/session/{}{path}", self.session);
        // POST needs a body, even an empty object.
        let body = match (method, body) {
            ("POST", None) => Some(json!({})),
            (_, b) => b,
        };
        self.raw(method, &full, body.as_ref())
    }

    /// A Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> WdResult<Value> {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    pub fn session_id(&self) -> &str {
        &self.session
    }

    /// Navigates and waits for the load event (page-load strategy "normal").
    pub fn goto(&self, url: &str) -> WdResult<()> {
        self.cmd("POST", "/url", Some(json!({ "url": url })))
            .map(drop)
    }

    pub fn current_url(&self) -> WdResult<String> {
        Ok(self.cmd("GET", "/url", None)?.as_str().unwrap_or("").into())
    }

    pub fn title(&self) -> WdResult<String> {
        Ok(self
            .cmd("GET", "/title", None)?
            .as_str()
            .unwrap_or("")
            .into())
    }

    pub fn page_source(&self) -> WdResult<String> {
        Ok(self
            .cmd("GET", "/source", None)?
            .as_str()
            .unwrap_or("")
            .into())
    }

    /// The first element matching `css` now, or None.
    pub fn try_find(&self, css: &str) -> WdResult<Option<Element<'_>>> {
        match self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        ) {
            Ok(v) => Ok(Some(self.element(&v)?)),
            Err(e) if e.error == "no such element" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// All elements matching `css` now.
    pub fn find_all(&self, css: &str) -> WdResult<Vec<Element<'_>>> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        v.as_array()
            .map(|a| a.iter().map(|e| self.element(e)).collect())
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    /// The first element matching `css`, waiting until it is present.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> WdResult<Element<'_>> {
        poll(&format!("an element matching {css:?}"), timeout, || {
            self.try_find(css)
        })
    }

    /// [`Browser::wait_for`] with [`FIND_TIMEOUT`], panicking with the page's
    /// URL on failure (test code).
    pub fn find(&self, css: &str) -> Element<'_> {
        self.wait_for(css, FIND_TIMEOUT)
            .unwrap_or_else(|e| panic!("{e} (page {:?})", self.current_url().unwrap_or_default()))
    }

    /// Polls `script` (sync, in the page) until it returns something other
    /// than null/false/undefined; returns that value.
    pub fn wait_until(&self, what: &str, timeout: Duration, script: &str) -> WdResult<Value> {
        poll(what, timeout, || {
            let v = self.execute(script, vec![])?;
            Ok(match v {
                Value::Null | Value::Bool(false) => None,
                v => Some(v),
            })
        })
    }

    fn element(&self, v: &Value) -> WdResult<Element<'_>> {
        let id = v[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| transport(format!("not an element reference: {v}")))?;
        Ok(Element {
            b: self,
            id: id.to_string(),
        })
    }

    /// Runs `script` as a function body with `arguments`; its return value.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs `script`, which calls `arguments[arguments.length - 1](value)`
    /// when done (within the session's 15 s script timeout).
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// All cookies visible to the current page, with httpOnly, secure and
    /// sameSite.
    pub fn cookies(&self) -> WdResult<Vec<Value>> {
        Ok(self
            .cmd("GET", "/cookie", None)?
            .as_array()
            .cloned()
            .unwrap_or_default())
    }

    pub fn cookie(&self, name: &str) -> WdResult<Option<Value>> {
        Ok(self.cookies()?.into_iter().find(|c| c["name"] == name))
    }

    /// The window's outer size (WebDriver Set Window Rect). Headless
    /// Chromium clamps the width to at least 500 and the viewport is the
    /// window less its frame; for an exact viewport use
    /// [`Browser::set_viewport`].
    pub fn set_window_size(&self, width: u32, height: u32) -> WdResult<()> {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .map(drop)
    }

    /// Makes the page's viewport exactly `width`×`height` CSS pixels at
    /// scale 1 (CDP `Emulation.setDeviceMetricsOverride`; it lasts across
    /// navigations in this tab). [`Browser::set_window_size`] cannot go
    /// below Chromium's minimum window width.
    pub fn set_viewport(&self, width: u32, height: u32, mobile: bool) -> WdResult<()> {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        )
        .map(drop)
    }

    /// The viewport as a PNG.
    pub fn screenshot_png(&self) -> WdResult<Vec<u8>> {
        let v = self.cmd("GET", "/screenshot", None)?;
        Ok(base64_decode(v.as_str().unwrap_or("")))
    }

    /// Waits until a finished download is in the download directory:
    /// the file `name`, or any file if None. Chromium writes to a
    /// `.crdownload` (or hidden temp) file and renames it when complete.
    pub fn wait_for_download(&self, name: Option<&str>, timeout: Duration) -> WdResult<PathBuf> {
        let what = match name {
            Some(n) => format!("download {n:?} in {}", self.download_dir.display()),
            None => format!("any download in {}", self.download_dir.display()),
        };
        poll(&what, timeout, || {
            let entries: Vec<_> = std::fs::read_dir(&self.download_dir)
                .map_err(transport)?
                .flatten()
                .collect();
            // Chromium reserves the final name with an empty file while the
            // bytes still go to `.crdownload`: done only when no part is left.
            let partial = |f: &str| f.ends_with(".crdownload") || f.starts_with('.');
            if entries
                .iter()
                .any(|e| partial(&e.file_name().to_string_lossy()))
            {
                return Ok(None);
            }
            for e in entries {
                let file = e.file_name().to_string_lossy().to_string();
                if name.is_some_and(|n| n != file) {
                    continue;
                }
                if e.file_type().is_ok_and(|t| t.is_file()) {
                    return Ok(Some(e.path()));
                }
            }
            Ok(None)
        })
    }

    /// Browser console entries since the last call (chromedriver's log
    /// endpoint, `goog:loggingPrefs` browser ALL): each has level, message
    /// and timestamp.
    pub fn console_logs(&self) -> WdResult<Vec<Value>> {
        Ok(self
            .cmd("POST", "/se/log", Some(json!({"type": "browser"})))?
            .as_array()
            .cloned()
            .unwrap_or_default())
    }

    fn shutdown(&mut self) {
        if !self.session.is_empty() {
            // chromedriver quits Chromium and reaps it.
            let path = format!("/session/{}", self.session);
            let _ = http(self.addr, "DELETE", &path, None, Duration::from_secs(10));
            self.session.clear();
        }
        if let Some(mut c) = self.driver.take() {
            let pgid = c.id() as i32;
            // The group is chromedriver's pid; anything left in it goes too.
            unsafe { libc::kill(-pgid, libc::SIGKILL) };
            let _ = c.wait();
            self.reap(pgid);
        }
    }

    /// Chromium's zygotes outlive the browser process by a moment and its
    /// crashpad handlers daemonize into their own sessions: all of them end
    /// up orphans. As a subreaper this process adopts them; wait (with a
    /// deadline) until every process of the group, and every process whose
    /// command line names this browser's temp dir, is gone and reaped.
    fn reap(&self, pgid: i32) {
        let me = std::process::id() as i32;
        let mine = self.dir.display().to_string();
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let mut left = Vec::new();
            for p in procs() {
                let ours = p.pgrp == pgid
                    || p.cmdline.contains(&mine)
                    || (p.ppid == me && p.state == 'Z' && p.comm.starts_with("chrom"));
                if !ours {
                    continue;
                }
                if p.state == 'Z' {
                    if p.ppid == me {
                        // A zombie child of ours: reap exactly that pid.
                        unsafe { libc::waitpid(p.pid, std::ptr::null_mut(), libc::WNOHANG) };
                    }
                } else {
                    unsafe { libc::kill(p.pid, libc::SIGKILL) };
                }
                left.push(format!("{} {} {}", p.pid, p.state, p.comm));
            }
            if left.is_empty() {
                return;
            }
            if Instant::now() > end {
                eprintln!("browser: after 10s these browser processes remain: {left:?}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Makes this process adopt orphaned descendants (Linux
/// PR_SET_CHILD_SUBREAPER), so Browser::reap can wait for Chromium's.
fn become_subreaper() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    });
}

/// Processes that belong to a dropped browser whose temp dir was `dir`:
/// any still naming it on their command line, and any unreaped Chromium
/// zombie of this process. Empty after a clean Drop.
pub fn processes_left(dir: &Path) -> Vec<String> {
    let me = std::process::id() as i32;
    let dir = dir.display().to_string();
    procs()
        .into_iter()
        .filter(|p| {
            p.cmdline.contains(&dir)
                || (p.ppid == me && p.state == 'Z' && p.comm.starts_with("chrom"))
        })
        .map(|p| format!("{} {} {} {}", p.pid, p.state, p.comm, p.cmdline))
        .collect()
}

struct Proc {
    pid: i32,
    ppid: i32,
    pgrp: i32,
    state: char,
    comm: String,
    cmdline: String,
}

/// Every process in /proc (those that vanish while read are skipped).
fn procs() -> Vec<Proc> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let pid: i32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // "pid (comm) state ppid pgrp ..."; comm may hold spaces and ')'.
            let open = stat.find('(')?;
            let close = stat.rfind(')')?;
            let comm = stat[open + 1..close].to_string();
            let mut rest = stat[close + 1..].split_whitespace();
            let state = rest.next()?.chars().next()?;
            let ppid = rest.next()?.parse().ok()?;
            let pgrp = rest.next()?.parse().ok()?;
            let cmdline = std::fs::read(e.path().join("cmdline"))
                .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
                .unwrap_or_default();
            Some(Proc {
                pid,
                ppid,
                pgrp,
                state,
                comm,
                cmdline,
            })
        })
        .collect()
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.shutdown();
        if std::thread::panicking() {
            // Keep chromedriver's log for the failure; drop the rest.
            let _ = std::fs::remove_dir_all(self.dir.join("profile"));
            let _ = std::fs::remove_dir_all(self.dir.join("config"));
            let _ = std::fs::remove_dir_all(self.dir.join("cache"));
            eprintln!(
                "browser: chromedriver log kept at {}",
                self.dir.join("chromedriver.log").display()
            );
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The Chromium binary next to the driver Debian ships, if there.
fn chromium_binary() -> String {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .find(|p| Path::new(p).is_file())
    .map(|p| p.to_string())
    .unwrap_or_else(|| "chromium".into())
}

// ---------------------------------------------------------------- elements

/// An element reference in the current page of a [`Browser`].
pub struct Element<'a> {
    b: &'a Browser,
    id: String,
}

impl Element<'_> {
    fn path(&self, rest: &str) -> String {
        format!("/element/{}{rest}", self.id)
    }

    /// As a script argument (`arguments[i]` is the DOM element).
    pub fn as_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    pub fn click(&self) -> WdResult<()> {
        self.b.cmd("POST", &self.path("/click"), None).map(drop)
    }

    pub fn send_keys(&self, text: &str) -> WdResult<()> {
        self.b
            .cmd("POST", &self.path("/value"), Some(json!({ "text": text })))
            .map(drop)
    }

    pub fn clear(&self) -> WdResult<()> {
        self.b.cmd("POST", &self.path("/clear"), None).map(drop)
    }

    /// The rendered text.
    pub fn text(&self) -> WdResult<String> {
        Ok(self
            .b
            .cmd("GET", &self.path("/text"), None)?
            .as_str()
            .unwrap_or("")
            .into())
    }

    /// The attribute (or, as WebDriver defines it, the boolean property)
    /// `name`; None when absent.
    pub fn attribute(&self, name: &str) -> WdResult<Option<String>> {
        let v = self
            .b
            .cmd("GET", &self.path(&format!("/attribute/{name}")), None)?;
        Ok(v.as_str().map(str::to_string))
    }

    /// The DOM property `name` (e.g. "value" of an input).
    pub fn property(&self, name: &str) -> WdResult<Value> {
        self.b
            .cmd("GET", &self.path(&format!("/property/{name}")), None)
    }

    /// The accessible name Chromium computes (label, aria-label, ...).
    pub fn computed_label(&self) -> WdResult<String> {
        Ok(self
            .b
            .cmd("GET", &self.path("/computedlabel"), None)?
            .as_str()
            .unwrap_or("")
            .into())
    }
}
