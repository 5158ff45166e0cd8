"""Clients for bench/portal.sh: the sender that fills the portal, and the
recipient who logs in. Loopback only; synthetic records only (no real
patient data).

  portal_clients.py send --port P --count N [--connections C]
      N PHI messages to p1..pN@plain.test through the gateway's SMTP
      listener, C connections in parallel, each with many transactions.
      A third are text only, a third text + HTML, a third text + HTML + a
      small CSV attachment; 4-20 KB each. Prints "sent N bytes B kinds ...".

  portal_clients.py login --base-url URL --sink DIR --out FILE [--logins K]
                          [--count N]
      For K of the N recipients (every kind of message among them): find
      the notification at the sink, ask for a code (POST /m/T/send with
      Origin), read the code from the next mail to that recipient, POST it
      to /m/T/verify, keep the __Host-sg_session cookie, and check that
      GET /m/T/view answers 200 with it. Writes FILE: one line per login,
      "<token> <cookie>"; prints the kinds and page sizes.
"""

import argparse
import email
import email.policy
import email.utils
import http.client
import ipaddress
import os
import random
import re
import smtplib
import ssl
import sys
import threading
import time
import urllib.parse
from email.message import EmailMessage

SENDER = "dr.kim@riverbend.test"
KINDS = ("text", "html", "html+attachment")

FIRST = ["Maria", "John", "Aiko", "Omar", "Grace", "Luis", "Fatima", "Peter", "Zebulon", "Ines"]
LAST = ["Lopez", "Smith", "Tanaka", "Haddad", "Okafor", "Novak", "Reyes", "Brown", "Quartermaine"]
DX = [
    ("E11.9", "type 2 diabetes mellitus without complications", "metformin 500 mg twice daily"),
    ("I10", "essential hypertension", "lisinopril 10 mg once daily"),
    ("C34.90", "adenocarcinoma of the lung", "carboplatin and pemetrexed, cycle 3 of 4"),
    ("J45.40", "moderate persistent asthma", "budesonide/formoterol 160/4.5 two puffs twice daily"),
    ("N18.3", "chronic kidney disease, stage 3", "dose review of all renally cleared drugs"),
]
PROSE = (
    "The patient was seen in clinic today for scheduled follow-up. Vital signs were within the "
    "expected range and the patient reports good adherence to the current plan. We reviewed the "
    "most recent laboratory results together and discussed the next steps, including the timing "
    "of the repeat panel and the referral that was requested at the last visit. Please let me "
    "know if you need anything further from our side before the appointment. "
)


def kind_of(n):
    return KINDS[n % 3]


def make_message(n):
    """Recipient pN's message: PHI in the first lines, so the shipped rules
    call it `secure`; prose to 4-20 KB; HTML and an attachment by kind."""
    r = random.Random(n)
    name = "%s %s" % (r.choice(FIRST), r.choice(LAST))
    code, dx, plan = r.choice(DX)
    phi = (
        "Patient: %s\nDOB: %02d/%02d/%d\nMRN: MR%09d\nSSN: 219-09-9999\n"
        "Diagnosis: %s (%s).\nPlan: %s.\n"
        % (name, r.randint(1, 12), r.randint(1, 28), r.randint(1930, 2005), r.randint(0, 10**9 - 1), dx, code, plan)
    )
    target = r.randint(4 * 1024, 20 * 1024)
    paras = []
    size = len(phi)
    while size < target * (0.45 if kind_of(n) != "text" else 0.95):
        p = PROSE * r.randint(1, 3)
        paras.append(p)
        size += len(p) + 2
    text = "Dear colleague,\n\n" + phi + "\n" + "\n\n".join(paras) + "\n\nBest regards,\nDr. Ada Kim\n"
    m = EmailMessage()
    m["From"] = "Dr. Ada Kim <%s>" % SENDER
    m["To"] = "p%d@plain.test" % n
    m["Subject"] = "Follow-up for record %d" % n
    m["Message-ID"] = "<bench-%d@riverbend.test>" % n
    m["Date"] = email.utils.formatdate(localtime=False)
    m.set_content(text)
    if kind_of(n) != "text":
        rows = "".join("<tr><td>%s</td><td>%s</td></tr>" % tuple(line.split(": ", 1)) for line in phi.strip().split("\n"))
        body = "".join("<p>%s</p>" % p for p in paras)
        html = (
            "<!doctype html><html><head><style>td{padding:2px 8px}</style></head><body>"
            "<p>Dear colleague,</p><table>%s</table>%s<p>Best regards,<br><b>Dr. Ada Kim</b></p>"
            "</body></html>" % (rows, body)
        )
        m.add_alternative(html, subtype="html")
    if kind_of(n) == "html+attachment":
        csv = "date,test,value,unit\n" + "".join(
            "2024-%02d-%02d,HbA1c,%.1f,%%\n" % (r.randint(1, 12), r.randint(1, 28), r.uniform(5, 9)) for _ in range(60)
        )
        m.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="labs-%d.csv" % n)
    return m.as_bytes(policy=email.policy.SMTP)


def cmd_send(a):
    if not ipaddress.ip_address(a.host).is_loopback:
        sys.exit("portal_clients: loopback only")
    numbers = list(range(1, a.count + 1))
    errors, total = [], [0]
    lock = threading.Lock()

    def worker(part):
        try:
            with smtplib.SMTP(a.host, a.port, timeout=120) as s:
                s.ehlo("tenant.test")
                for n in part:
                    raw = make_message(n)
                    s.sendmail(SENDER, ["p%d@plain.test" % n], raw)
                    with lock:
                        total[0] += len(raw)
        except Exception as e:  # reported below; the script fails
            errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(numbers[i :: a.connections],)) for i in range(a.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit("send failed: %s" % errors[0])
    print("sent %d messages, %d bytes in all (mean %.1f KB); kinds: %s" % (
        a.count, total[0], total[0] / a.count / 1024, ", ".join("%s %d" % (k, sum(1 for n in numbers if kind_of(n) == k)) for k in KINDS)))


def sink_files(d):
    return sorted(f for f in os.listdir(d) if f.startswith("msg-") and f.endswith(".eml"))


def read_sink(path):
    with open(path, "rb") as f:
        raw = f.read()
    rcpts = re.findall(rb"^X-Sink-Rcpt-To: <([^>]*)>", raw, re.M)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    text = ""
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            text += part.get_content()
    return [r.decode() for r in rcpts], text


class Portal:
    def __init__(self, base_url):
        u = urllib.parse.urlsplit(base_url)
        if u.scheme != "https" or not ipaddress.ip_address(u.hostname).is_loopback:
            sys.exit("portal_clients: base_url must be https on loopback")
        self.base, self.host, self.port = base_url, u.hostname, u.port or 443
        # The gateway's self-signed development certificate: the bench does
        # not verify it (the tests do, with a test CA).
        self.ctx = ssl.create_default_context()
        self.ctx.check_hostname = False
        self.ctx.verify_mode = ssl.CERT_NONE

    def request(self, method, path, headers=None, body=None):
        c = http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=30)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, r.getheaders(), r.read()
        finally:
            c.close()


def header(headers, name):
    return [v for k, v in headers if k.lower() == name]


def cmd_login(a):
    portal = Portal(a.base_url)
    # K recipients spread over 1..N, of every kind in turn.
    picks = []
    for k in range(a.logins):
        n = 1 + k * (a.count // a.logins)
        while kind_of(n) != KINDS[k % 3]:
            n += 1
        picks.append(n)
    notices = {}
    for f in sink_files(a.sink):
        rcpts, text = read_sink(os.path.join(a.sink, f))
        for r in rcpts:
            notices.setdefault(r, (f, text))
    lines, report = [], []
    for n in picks:
        rcpt = "p%d@plain.test" % n
        if rcpt not in notices:
            sys.exit("no notification for recipient %d at the sink" % n)
        seen = set(sink_files(a.sink))
        m = re.search(re.escape(portal.base) + r"(/m/[A-Za-z0-9_-]+)", notices[rcpt][1])
        if not m:
            sys.exit("no portal link in the notification for recipient %d" % n)
        path = m.group(1)
        origin = {"Origin": portal.base}
        st, _, body = portal.request("POST", path + "/send", origin)
        if st != 303:
            sys.exit("POST %s/send: %d (expected 303): %s" % ("/m/<token>", st, body[:200]))
        code, end = None, time.monotonic() + 60
        while code is None:
            if time.monotonic() > end:
                sys.exit("no code mail for recipient %d within 60 s" % n)
            for f in sink_files(a.sink):
                if f in seen:
                    continue
                seen.add(f)
                rcpts, text = read_sink(os.path.join(a.sink, f))
                if rcpt in rcpts:
                    c = re.search(r"code is:?\s*(\d{6,8})", text)
                    if c:
                        code = c.group(1)
            time.sleep(0.05)
        form = {"Content-Type": "application/x-www-form-urlencoded", **origin}
        st, hdrs, body = portal.request("POST", path + "/verify", form, "code=" + code)
        cookies = header(hdrs, "set-cookie")
        if st != 303 or not cookies:
            sys.exit("POST /m/<token>/verify: %d, %d cookies (expected 303 and a session cookie)" % (st, len(cookies)))
        cookie = cookies[0].split(";")[0]
        if not cookie.startswith("__Host-sg_session="):
            sys.exit("unexpected cookie name: %s" % cookie.split("=")[0])
        st, _, page = portal.request("GET", path + "/view", {"Cookie": cookie})
        if st != 200 or b"Follow-up for record %d" % n not in page:
            sys.exit("GET /m/<token>/view with the session: %d (expected 200 and the message)" % st)
        st, _, landing = portal.request("GET", path)
        if st != 200:
            sys.exit("GET /m/<token> without a session: %d (expected 200)" % st)
        lines.append("%s %s" % (path, cookie))
        report.append("p%d (%s): view %d bytes" % (n, kind_of(n), len(page)))
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("logged in to %d messages: %s" % (len(lines), "; ".join(report)))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("send")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--count", type=int, default=1000)
    s.add_argument("--connections", type=int, default=4)
    l = sub.add_parser("login")
    l.add_argument("--base-url", required=True)
    l.add_argument("--sink", required=True)
    l.add_argument("--out", required=True)
    l.add_argument("--logins", type=int, default=8)
    l.add_argument("--count", type=int, default=1000)
    a = p.parse_args()
    {"send": cmd_send, "login": cmd_login}[a.cmd](a)


if __name__ == "__main__":
    main()
