"""Hostile SMTP clients for bench/abuse.sh (Python 3.11+, standard library only).

Runs four kinds of attacker against one gateway, concurrently, for a fixed
time, each from stranger source addresses (127.0.0.2-127.0.0.50 by default):

  auth   TLS sessions that send wrong AUTH PLAIN passwords back to back and
         reconnect whenever the server closes the session
  idle   connections that send nothing and just hold their slot
  drip   connections that send one byte every few seconds: half of them
         inside a command (NOOP), half inside a DATA body to <postmaster>
  big    connections that send multi-megabyte messages to <postmaster>

Everything is bounded: the whole run stops after --duration seconds (or at
SIGTERM), every wait ends at a 30 s reply timeout or at the end of the run,
and every client has a cap on reconnects and messages. Only loopback
addresses are connected to or bound. What each attacker saw (reply codes,
banner refusals, server-side closes, errors) goes to --out as JSON the
moment the run ends; --summary prints such a file as lines to paste.

  abuse_clients.py --port P --duration SECS --out FILE [--ready FILE]
                   [--auth N] [--idle N] [--drip N] [--big N]
                   [--big-size BYTES] [--big-count N] [--drip-interval SECS]
                   [--user NAME] [--sources FIRST-LAST]

  abuse_clients.py --summary FILE      print FILE's results as a table

--ready FILE is created once every client has made its first connection
attempt (or after 5 s), so the caller can start its own load under attack.
"""

import argparse
import asyncio
import base64
import collections
import ipaddress
import json
import os
import signal
import ssl
import sys
import time

READ_TIMEOUT = 30.0  # one reply; the duration bounds the whole run anyway
CONNECT_TIMEOUT = 10.0
MAX_RECONNECTS = 2000  # per client, on top of the duration bound


def die(msg):
    sys.stderr.write("abuse_clients: %s\n" % msg)
    sys.exit(2)


class Stats:
    """What one kind of attacker saw, summed over its clients."""

    def __init__(self, kind, clients):
        self.kind = kind
        self.clients = clients
        self.codes = collections.Counter()  # first reply line code -> count
        self.counts = collections.Counter()  # named events
        self.held = []  # seconds a connection lived before the server closed it
        self.open = 0  # sessions past a 220 banner and not yet closed

    def code(self, code):
        self.codes[str(code)] += 1

    def event(self, name, n=1):
        self.counts[name] += n

    def as_dict(self):
        held = sorted(self.held)
        return {
            "kind": self.kind,
            "clients": self.clients,
            "codes": dict(sorted(self.codes.items())),
            "events": dict(sorted({**self.counts, "open_at_end": self.open}.items())),
            "server_closed_after_s": {
                "n": len(held),
                "min": round(held[0], 1) if held else None,
                "median": round(held[len(held) // 2], 1) if held else None,
                "max": round(held[-1], 1) if held else None,
            },
        }


class ServerClosed(Exception):
    pass


class Refused(Exception):
    """The banner was not 220 (e.g. 421 too many connections)."""


async def read_reply(reader):
    """One (possibly multi-line) reply -> (code, last line). EOF raises."""
    while True:
        line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT)
        if not line:
            raise ServerClosed()
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if len(text) < 4 or text[3] != "-":
            try:
                return int(text[:3]), text
            except ValueError:
                return 0, text


async def command(reader, writer, stats, line):
    writer.write(line.encode() + b"\r\n")
    await writer.drain()
    code, _ = await read_reply(reader)
    stats.code(code)
    return code


async def connect(port, source, stats):
    """Open a connection and read the banner: (reader, writer, code, t0)."""
    stats.event("connects")
    t0 = time.monotonic()
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0), limit=1 << 16),
        CONNECT_TIMEOUT,
    )
    try:
        code, _ = await read_reply(reader)
    except BaseException:
        close(writer)
        raise
    stats.code(code)
    if code != 220:
        close(writer)
        raise Refused(code)
    stats.open += 1  # the caller's finally undoes this with close(writer)
    return reader, writer, code, t0


def close(writer):
    try:
        writer.transport.abort()
    except Exception:
        pass


def note_error(stats, e, t0=None):
    """Classify why a session ended."""
    if isinstance(e, Refused):
        stats.event("refused_at_banner")
    elif isinstance(e, ServerClosed):
        stats.event("server_closed")
        if t0 is not None:
            stats.held.append(time.monotonic() - t0)
    elif isinstance(e, asyncio.TimeoutError):
        stats.event("our_read_timeouts")
    elif isinstance(e, ConnectionRefusedError):
        stats.event("connect_refused")
    elif isinstance(e, (ConnectionResetError, BrokenPipeError)):
        stats.event("reset_by_server")
        if t0 is not None:
            stats.held.append(time.monotonic() - t0)
    elif isinstance(e, ssl.SSLError):
        stats.event("tls_errors")
    elif isinstance(e, OSError):
        stats.event("os_error_%s" % (e.errno or "other"))
    else:
        stats.event("error_%s" % type(e).__name__)


class Run:
    def __init__(self, args):
        self.args = args
        self.port = args.port
        first, last = args.sources
        self.sources = [str(ipaddress.ip_address(i)) for i in range(int(first), int(last) + 1)]
        self.started = 0
        self.stopped_early = False
        self.ended_at = time.time()
        self.deadline = time.monotonic() + args.duration  # reset in main()
        self.total_clients = args.auth + args.idle + args.drip + args.big
        self.first_attempts = asyncio.Event()
        if self.total_clients == 0:
            self.first_attempts.set()
        self.tls = ssl.create_default_context()
        self.tls.check_hostname = False
        self.tls.verify_mode = ssl.CERT_NONE  # the gateway's self-signed bench cert
        self.stats = {
            "auth": Stats("auth", args.auth),
            "idle": Stats("idle", args.idle),
            "drip": Stats("drip", args.drip),
            "big": Stats("big", args.big),
        }
        self.big_body = make_body(args.big_size)

    def going(self):
        """Every loop checks this: cancellation alone can be swallowed by
        asyncio.wait_for races in Python 3.11, and nothing may outlive the run."""
        return time.monotonic() < self.deadline

    def source(self, i):
        return self.sources[i % len(self.sources)]

    def attempted(self):
        self.started += 1
        if self.started >= self.total_clients:
            self.first_attempts.set()

    # ---------------------------------------------------------------- auth
    async def auth_client(self, i):
        st = self.stats["auth"]
        bad = base64.b64encode(b"\0" + self.args.user.encode() + b"\0wrong-password-%d" % i).decode()
        first = True
        for _ in range(MAX_RECONNECTS):
            if not self.going():
                return
            t0 = None
            writer = None
            tries = 0
            try:
                try:
                    reader, writer, _, t0 = await connect(self.port, self.source(i), st)
                finally:
                    if first:
                        first = False
                        self.attempted()
                tries = await self.auth_session(reader, writer, st, bad)
            except asyncio.CancelledError:
                raise
            except Exception as e:
                note_error(st, e, t0)
            finally:
                if writer is not None:
                    close(writer)
                    st.open -= 1
            # Straight back after a session that got to AUTH (that is the
            # flood); a pause after one that was refused earlier, so a full
            # gateway is not answered by a busy loop that eats the CPU the
            # gateway would need.
            await asyncio.sleep(0 if tries else 0.5)

    async def auth_session(self, reader, writer, st, bad):
        """After the banner; returns how many AUTH commands were answered."""
        tries = 0
        if await command(reader, writer, st, "EHLO auth-flood.test") != 250:
            return tries
        if await command(reader, writer, st, "STARTTLS") != 220:
            return tries
        await asyncio.wait_for(writer.start_tls(self.tls), READ_TIMEOUT)
        st.event("tls_sessions")
        if await command(reader, writer, st, "EHLO auth-flood.test") != 250:
            return tries
        while self.going():
            code = await command(reader, writer, st, "AUTH PLAIN " + bad)
            tries += 1
            st.event("auth_attempts")
            if code == 235:
                st.event("auth_accepted_WRONG_PASSWORD")
            if code // 100 != 5:
                break  # 421 (too many failures) or a throttle: start over
        return tries

    # ---------------------------------------------------------------- idle
    async def idle_client(self, i):
        st = self.stats["idle"]
        first = True
        for _ in range(MAX_RECONNECTS):
            if not self.going():
                return
            t0 = None
            writer = None
            try:
                try:
                    reader, writer, _, t0 = await connect(self.port, self.source(i), st)
                finally:
                    if first:
                        first = False
                        self.attempted()
                # Read whatever the server says next (a timeout notice) and
                # never answer, until the server closes or the run ends.
                left = self.deadline - time.monotonic()
                if left > 0:
                    try:
                        await asyncio.wait_for(self.drain_replies(reader, st), left)
                    except asyncio.TimeoutError:
                        pass  # held to the end of the run
            except asyncio.CancelledError:
                raise
            except Exception as e:
                note_error(st, e, t0)
            finally:
                if writer is not None:
                    close(writer)
                    st.open -= 1
            await asyncio.sleep(1.0)  # reconnect pace of a held-open attacker

    # ---------------------------------------------------------------- drip
    async def drip_client(self, i):
        st = self.stats["drip"]
        in_data = i % 2 == 1
        first = True
        for _ in range(MAX_RECONNECTS):
            if not self.going():
                return
            t0 = None
            writer = None
            try:
                try:
                    reader, writer, _, t0 = await connect(self.port, self.source(i), st)
                finally:
                    if first:
                        first = False
                        self.attempted()
                if in_data:
                    for line in ("EHLO drip.test", "MAIL FROM:<>", "RCPT TO:<postmaster>"):
                        await command(reader, writer, st, line)
                    if await command(reader, writer, st, "DATA") != 354:
                        continue
                    payload = b"Subject: drip\r\n\r\n" + b"slow " * 10000
                    st.event("sessions_in_data")
                else:
                    payload = b"NOOP\r\n" * 10000
                    st.event("sessions_in_command")
                # Replies (NOOP's 250, a timeout's 421) arrive while we drip.
                reading = asyncio.ensure_future(self.drain_replies(reader, st))
                try:
                    for b in payload:
                        if reading.done() or not self.going():
                            break
                        writer.write(bytes([b]))
                        await writer.drain()
                        st.event("bytes_dripped")
                        await asyncio.wait({reading}, timeout=self.args.drip_interval)
                    if reading.done():
                        reading.result()  # raises ServerClosed / reset
                finally:
                    reading.cancel()
            except asyncio.CancelledError:
                raise
            except Exception as e:
                note_error(st, e, t0)
            finally:
                if writer is not None:
                    close(writer)
                    st.open -= 1
            await asyncio.sleep(1.0)  # reconnect pace

    async def drain_replies(self, reader, st):
        while True:
            line = await reader.readline()
            if not line:
                raise ServerClosed()
            text = line.decode("utf-8", "replace")
            if len(text) >= 4 and text[3] != "-":
                st.code(text[:3])

    # ---------------------------------------------------------------- big
    async def big_client(self, i):
        st = self.stats["big"]
        first = True
        sent = 0
        for _ in range(MAX_RECONNECTS):
            if sent >= self.args.big_count or not self.going():
                return
            t0 = None
            writer = None
            try:
                try:
                    reader, writer, _, t0 = await connect(self.port, self.source(i), st)
                finally:
                    if first:
                        first = False
                        self.attempted()
                await command(reader, writer, st, "EHLO big.test")
                while sent < self.args.big_count and self.going():
                    sent += 1
                    st.event("messages_tried")
                    if await command(reader, writer, st, "MAIL FROM:<> SIZE=%d" % len(self.big_body)) != 250:
                        break
                    if await command(reader, writer, st, "RCPT TO:<postmaster>") != 250:
                        await command(reader, writer, st, "RSET")
                        continue
                    if await command(reader, writer, st, "DATA") != 354:
                        break
                    t1 = time.monotonic()
                    writer.write(self.big_body)
                    writer.write(b".\r\n")
                    # A gateway that stops reading must not hold us past the run.
                    await asyncio.wait_for(writer.drain(), max(1.0, self.deadline - time.monotonic()))
                    st.event("bytes_sent", len(self.big_body))
                    code = await self.final_reply(reader, st)
                    if code == 250:
                        st.event("messages_accepted")
                        st.event("accept_ms_total", int((time.monotonic() - t1) * 1000))
                await command(reader, writer, st, "QUIT")
            except asyncio.CancelledError:
                raise
            except Exception as e:
                note_error(st, e, t0)
            finally:
                if writer is not None:
                    close(writer)
                    st.open -= 1
            await asyncio.sleep(0.5)  # reconnect pace

    async def final_reply(self, reader, st):
        code, _ = await read_reply(reader)
        st.code(code)
        return code

    # ---------------------------------------------------------------- run
    async def main(self):
        a = self.args
        tasks = []
        for i in range(a.idle):
            tasks.append(asyncio.ensure_future(self.idle_client(i)))
        for i in range(a.drip):
            tasks.append(asyncio.ensure_future(self.drip_client(i)))
        for i in range(a.auth):
            tasks.append(asyncio.ensure_future(self.auth_client(i)))
        for i in range(a.big):
            tasks.append(asyncio.ensure_future(self.big_client(i)))
        t0 = time.monotonic()
        self.deadline = t0 + a.duration
        # SIGTERM (the caller's memory cap, or its cleanup) ends the run
        # early but still writes what was seen so far.
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        stopping = asyncio.ensure_future(stop.wait())
        if a.ready:
            started = asyncio.ensure_future(self.first_attempts.wait())
            await asyncio.wait({started, stopping}, timeout=min(5.0, a.duration),
                               return_when=asyncio.FIRST_COMPLETED)
            started.cancel()
            with open(a.ready, "w") as f:
                f.write("%.1f\n" % (time.monotonic() - t0))
        while not stop.is_set():  # each round: a client finished, time is up, or SIGTERM
            left = self.deadline - time.monotonic()
            pending = {t for t in tasks if not t.done()}
            if left <= 0 or not pending:
                break
            await asyncio.wait(pending | {stopping}, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        self.stopped_early = stop.is_set()
        self.deadline = 0.0
        self.ended_at = time.time()
        # Results first: on a starved machine cancelling hundreds of clients
        # can take longer than the caller's grace period after SIGTERM.
        self.write_result(time.monotonic() - t0)
        stopping.cancel()
        for t in tasks:
            t.cancel()
        # Cancelled clients only close sockets; do not wait on a stuck one.
        if tasks:
            await asyncio.wait(tasks, timeout=2)

    def write_result(self, elapsed):
        result = {
            "duration_s": round(elapsed, 1),
            "ended_at": round(self.ended_at, 3),
            "stopped_early": self.stopped_early,
            "sources": "%s-%s" % (self.sources[0], self.sources[-1]),
            "attackers": [s.as_dict() for s in self.stats.values()],
        }
        tmp = self.args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump(result, f, indent=1)
        os.replace(tmp, self.args.out)


def make_body(size):
    """A plain-text message of about SIZE bytes: no PHI, no line starting with a dot."""
    head = b"From: <stranger@abuse.test>\r\nTo: <postmaster@sink.test>\r\nSubject: big\r\n\r\n"
    line = b"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\r\n"
    n = max(1, (size - len(head)) // len(line))
    return head + line * n


def parse_sources(s):
    try:
        first, last = (ipaddress.ip_address(x) for x in s.split("-"))
    except ValueError:
        die("--sources takes FIRST-LAST, e.g. 127.0.0.2-127.0.0.50")
    if not (first.is_loopback and last.is_loopback and int(first) <= int(last)):
        die("--sources must be a loopback range, first <= last")
    return first, last


def summary(path):
    """Print the attackers' results in FILE as lines a human can paste."""
    with open(path) as f:
        r = json.load(f)
    print("attack ran %.1f s from %s" % (r["duration_s"], r["sources"]))
    for a in r["attackers"]:
        if not a["clients"]:
            continue
        ev = dict(a["events"])
        codes = " ".join("%s:%d" % kv for kv in a["codes"].items()) or "none"
        closed = a["server_closed_after_s"]
        line = "  %-5s %4d clients, %6d connects; replies %s" % (a["kind"], a["clients"], ev.pop("connects", 0), codes)
        if closed["n"]:
            line += "; server closed %d (after %s/%s/%s s min/median/max)" % (
                closed["n"], closed["min"], closed["median"], closed["max"])
        ev.pop("server_closed", None)
        ms = ev.pop("accept_ms_total", None)
        if ms is not None and ev.get("messages_accepted"):
            ev["avg_accept_s"] = round(ms / 1000 / ev["messages_accepted"], 2)
        if "bytes_sent" in ev:
            ev["MB_sent"] = round(ev.pop("bytes_sent") / 1e6, 1)
        if ev:
            line += "; " + " ".join("%s=%s" % kv for kv in ev.items())
        print(line)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--summary":
        summary(sys.argv[2])
        return
    p = argparse.ArgumentParser(description="hostile SMTP clients (see the module doc)")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--ready")
    p.add_argument("--auth", type=int, default=120)
    p.add_argument("--idle", type=int, default=300)
    p.add_argument("--drip", type=int, default=40)
    p.add_argument("--big", type=int, default=20)
    p.add_argument("--big-size", type=int, default=5 * 1024 * 1024)
    p.add_argument("--big-count", type=int, default=3)
    p.add_argument("--drip-interval", type=float, default=3.0)
    p.add_argument("--user", default="tenant-relay")
    p.add_argument("--sources", type=parse_sources, default=parse_sources("127.0.0.2-127.0.0.50"))
    args = p.parse_args()
    if sys.version_info < (3, 11):
        die("needs Python 3.11+ (StreamWriter.start_tls)")
    if not (0 < args.duration <= 3600):
        die("--duration must be in (0, 3600]")
    for k in ("auth", "idle", "drip", "big", "big_count"):
        if getattr(args, k) < 0:
            die("--%s must be >= 0" % k.replace("_", "-"))
    asyncio.run(Run(args).main())


if __name__ == "__main__":
    main()
