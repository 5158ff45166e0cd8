"""Small, dependency-free helpers for the interop suite and the benchmark.

Every command exits 0 when its condition holds and non-zero with a message on
stderr when it does not (or when its deadline passes). Only loopback
addresses are ever connected to or bound.

  free-ports N                    print N distinct free TCP ports on 127.0.0.1
  wait-banner HOST PORT SECS      wait until HOST:PORT answers a 220 banner
  wait-files DIR GLOB N SECS [--contains S]...
                                  wait until >= N files match GLOB in DIR and
                                  each contains every S; print their paths
  check-message SENT RECEIVED [--received-by HOST] [--esmtps] [--sink-dump]
                                  body of SENT arrived intact in RECEIVED, all
                                  of SENT's headers are there, and (optionally)
                                  a Received header "by HOST" sits on top of
                                  them, "with ESMTPS"/"ESMTPSA" when --esmtps
  ehlo HOST PORT [--source IP]    print the EHLO keywords (plaintext session)
  auth-plain-cleartext HOST PORT USER PASS [--source IP]
                                  try AUTH PLAIN before STARTTLS; succeed only
                                  if the server refuses it (4xx/5xx) or never
                                  advertises AUTH and rejects the command
  sink-count FILE                 print the last mesg= counter of an smtp-sink -c log
  wait-sink-count FILE N SECS     wait until smtp-sink's -c counter >= N;
                                  print the wall-clock time (epoch seconds,
                                  like bash's $EPOCHREALTIME) it was seen
  wait-json-line FILE SECS KEY=VALUE...
                                  wait until a line of the JSON-lines FILE (or
                                  of an audit folder's segments) has every KEY equal to VALUE (a
                                  string as is, anything else as compact
                                  JSON: delivered=1, tls=null); print it
  rcpt-state RCPT                 read `sealgate queue show` JSON on stdin;
                                  print RCPT's state object as compact JSON
"""

import base64
import glob
import ipaddress
import json
import os
import re
import socket
import sys
import time


def die(msg, code=1):
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.exit(code)


def loopback(host):
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = host == "localhost"
    if not ok:
        die("helpers: refusing non-loopback address %r" % host, 2)
    return host


def free_ports(n):
    socks, ports = [], []
    for _ in range(int(n)):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    print(" ".join(str(p) for p in ports))


def read_reply(f):
    """Read one (possibly multi-line) SMTP reply; return (code, [lines])."""
    lines = []
    while True:
        line = f.readline()
        if not line:
            raise ConnectionError("connection closed; got %r" % lines)
        line = line.decode("utf-8", "replace").rstrip("\r\n")
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            return int(line[:3]), lines


def connect(host, port, source=None, timeout=10):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    if source:
        s.bind((loopback(source), 0))
    s.connect((loopback(host), int(port)))
    return s


def wait_banner(host, port, secs):
    deadline = time.monotonic() + float(secs)
    last = "never tried"
    while time.monotonic() < deadline:
        try:
            with connect(host, port, timeout=3) as s:
                f = s.makefile("rb")
                code, lines = read_reply(f)
                if code == 220:
                    try:
                        s.sendall(b"QUIT\r\n")
                    except OSError:
                        pass
                    return
                last = "banner %r" % lines
        except (OSError, ConnectionError, ValueError) as e:
            last = repr(e)
        time.sleep(0.05)  # poll interval of a deadline-bounded wait
    die("no 220 banner from %s:%s within %ss (last: %s)" % (host, port, secs, last))


def wait_files(d, pattern, n, secs, contains):
    deadline = time.monotonic() + float(secs)
    n = int(n)
    while True:
        found = []
        for p in sorted(glob.glob(os.path.join(d, pattern))):
            try:
                data = open(p, "rb").read()
            except OSError:
                continue
            if all(c.encode() in data for c in contains):
                found.append(p)
        if len(found) >= n:
            print("\n".join(found))
            return
        if time.monotonic() >= deadline:
            allf = sorted(glob.glob(os.path.join(d, pattern)))
            die("expected >= %d file(s) %s/%s containing %r within %ss; %d complete, %d present: %s"
                % (n, d, pattern, contains, secs, len(found), len(allf), allf[:10]))
        time.sleep(0.05)


def split_msg(raw):
    raw = raw.replace(b"\r\n", b"\n")
    if raw.startswith(b"\n"):
        return [], raw[1:]
    i = raw.find(b"\n\n")
    if i < 0:
        return raw.split(b"\n"), b""
    head, body = raw[:i], raw[i + 2:]
    headers = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and headers:
            headers[-1] += b" " + line.strip()
        else:
            headers.append(line)
    return headers, body


def check_message(sent_path, recv_path, received_by=None, esmtps=False, sink_dump=False):
    sent_h, sent_b = split_msg(open(sent_path, "rb").read())
    recv_raw = open(recv_path, "rb").read()
    recv_h, recv_b = split_msg(recv_raw)
    problems = []
    if sink_dump:
        # smtp-sink appends one empty line after the message.
        if recv_b.endswith(b"\n\n"):
            recv_b = recv_b[:-1]
    if sent_b.rstrip(b"\n") != recv_b.rstrip(b"\n") or (not sink_dump and sent_b != recv_b):
        problems.append("body differs: sent %d bytes, received %d bytes; first difference at byte %d"
                        % (len(sent_b), len(recv_b),
                           next((i for i, (a, b) in enumerate(zip(sent_b, recv_b)) if a != b),
                                min(len(sent_b), len(recv_b)))))
    norm = lambda h: re.sub(rb"\s+", b" ", h).strip()
    recv_norm = [norm(h) for h in recv_h]
    first_sent_idx = None
    for h in sent_h:
        try:
            idx = recv_norm.index(norm(h))
        except ValueError:
            problems.append("header missing or altered: %r" % h[:200])
            continue
        first_sent_idx = idx if first_sent_idx is None else min(first_sent_idx, idx)
    if received_by:
        pat = re.compile(rb"^received:.*\bby\s+" + re.escape(received_by.encode()) + rb"\b", re.I)
        idxs = [i for i, h in enumerate(recv_norm) if pat.search(h)]
        if not idxs:
            problems.append("no 'Received: ... by %s' header; Received headers: %r"
                            % (received_by, [h for h in recv_norm if h.lower().startswith(b"received:")]))
        else:
            i = idxs[0]
            if first_sent_idx is not None and i > first_sent_idx:
                problems.append("the Received header by %s is below the original headers" % received_by)
            if esmtps and not re.search(rb"\bwith\s+ESMTPS", recv_norm[i], re.I):
                problems.append("Received header by %s does not say 'with ESMTPS': %r" % (received_by, recv_norm[i]))
    if problems:
        die("message check failed for %s:\n  - %s" % (recv_path, "\n  - ".join(problems)))
    print("message ok: %s (%d header lines, body %d bytes)" % (recv_path, len(recv_h), len(recv_b)))


def smtp_cmd(s, f, line, transcript):
    transcript.append("> " + line)
    s.sendall(line.encode() + b"\r\n")
    code, lines = read_reply(f)
    transcript.extend("< " + l for l in lines)
    return code, lines


def ehlo(host, port, source=None):
    with connect(host, port, source) as s:
        f = s.makefile("rb")
        t = []
        code, lines = read_reply(f)
        t.extend("< " + l for l in lines)
        code, lines = smtp_cmd(s, f, "EHLO client.test", t)
        if code != 250:
            die("EHLO refused: %s" % "\n".join(t))
        smtp_cmd(s, f, "QUIT", t)
        for l in lines[1:]:
            print(l[4:])


def auth_plain_cleartext(host, port, user, pw, source=None):
    with connect(host, port, source) as s:
        f = s.makefile("rb")
        t = []
        code, lines = read_reply(f)
        t.extend("< " + l for l in lines)
        code, lines = smtp_cmd(s, f, "EHLO client.test", t)
        advertised = any(l[4:].upper().startswith("AUTH") for l in lines[1:])
        token = base64.b64encode(b"\0" + user.encode() + b"\0" + pw.encode()).decode()
        code, lines = smtp_cmd(s, f, "AUTH PLAIN " + token, t)
        try:
            smtp_cmd(s, f, "QUIT", t)
        except (OSError, ConnectionError):
            pass
    print("\n".join(t))
    if advertised:
        die("AUTH is advertised before STARTTLS")
    if code < 400:
        die("AUTH PLAIN over cleartext was accepted (%d)" % code)
    print("ok: AUTH not advertised before STARTTLS and AUTH PLAIN refused with %d" % code)


_COUNT = re.compile(rb"mesg=(\d+)")


def sink_count(path):
    try:
        with open(path, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 256))
            tail = f.read()
    except OSError:
        return 0
    m = _COUNT.findall(tail)
    return int(m[-1]) if m else 0


def wait_sink_count(path, n, secs):
    deadline = time.monotonic() + float(secs)
    n = int(n)
    while True:
        c = sink_count(path)
        if c >= n:
            print("%.6f" % time.time())
            return
        if time.monotonic() >= deadline:
            die("smtp-sink counted %d of %d messages within %ss" % (c, n, secs))
        time.sleep(0.01)  # 10 ms poll of a deadline-bounded wait


def json_value_text(v):
    return v if isinstance(v, str) else json.dumps(v, separators=(",", ":"))


def wait_json_line(path, secs, pairs):
    want = []
    for p in pairs:
        k, sep, v = p.partition("=")
        if not sep:
            die("wait-json-line: %r is not KEY=VALUE" % p)
        want.append((k, v))
    deadline = time.monotonic() + float(secs)
    while True:
        seen = 0
        lines = []
        # A folder is an audit log: its segments in order.
        files = sorted(glob.glob(os.path.join(path, "audit-*.log"))) if os.path.isdir(path) else [path]
        for f in files:
            try:
                lines += open(f, encoding="utf-8").read().splitlines()
            except OSError:
                pass
        for line in lines:
            try:
                obj = json.loads(line)
            except ValueError:
                continue  # a line still being written
            seen += 1
            if isinstance(obj, dict) and all(k in obj and json_value_text(obj[k]) == v for k, v in want):
                print(line)
                return
        if time.monotonic() >= deadline:
            die("no line of %s with %s within %ss (%d JSON lines read)"
                % (path, " ".join("%s=%s" % kv for kv in want), secs, seen))
        time.sleep(0.1)  # poll interval of a deadline-bounded wait


def rcpt_state(rcpt):
    doc = json.load(sys.stdin)
    for r in doc.get("recipients", []):
        if r.get("recipient", "").lower() == rcpt.lower():
            print(json.dumps(r.get("state"), separators=(",", ":"), sort_keys=True))
            return
    die("recipient %s not in the queue entry" % rcpt)


def main(argv):
    if len(argv) < 2:
        die(__doc__)
    cmd, a = argv[1], argv[2:]

    def opt(name, default=None, many=False):
        vals = []
        while name in a:
            i = a.index(name)
            vals.append(a[i + 1])
            del a[i:i + 2]
        if many:
            return vals
        return vals[-1] if vals else default

    def flag(name):
        if name in a:
            a.remove(name)
            return True
        return False

    if cmd == "free-ports":
        free_ports(a[0] if a else 1)
    elif cmd == "wait-banner":
        wait_banner(*a)
    elif cmd == "wait-files":
        contains = opt("--contains", many=True)
        wait_files(a[0], a[1], a[2], a[3], contains)
    elif cmd == "check-message":
        rb = opt("--received-by")
        es = flag("--esmtps")
        sd = flag("--sink-dump")
        check_message(a[0], a[1], rb, es, sd)
    elif cmd == "ehlo":
        src = opt("--source")
        ehlo(a[0], a[1], src)
    elif cmd == "auth-plain-cleartext":
        src = opt("--source")
        auth_plain_cleartext(a[0], a[1], a[2], a[3], src)
    elif cmd == "sink-count":
        print(sink_count(a[0]))
    elif cmd == "wait-sink-count":
        wait_sink_count(*a)
    elif cmd == "wait-json-line":
        wait_json_line(a[0], a[1], a[2:])
    elif cmd == "rcpt-state":
        rcpt_state(a[0])
    else:
        die("unknown command %r\n%s" % (cmd, __doc__))


if __name__ == "__main__":
    main(sys.argv)
