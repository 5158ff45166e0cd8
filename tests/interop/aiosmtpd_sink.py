"""A final-destination SMTP sink for the interop suite, built on aiosmtpd.

Usage: aiosmtpd_sink.py HOST PORT OUTDIR [CERT KEY]

With CERT and KEY (PEM) the sink offers STARTTLS (not required), so a client
doing opportunistic TLS can be seen to use it (X-Sink-TLS: yes).

Every accepted message is written to OUTDIR/msg-NNNNNN.eml as
    X-Sink-Mail-From: <sender>
    X-Sink-Rcpt-To: <rcpt>            (one line per recipient)
    X-Sink-Peer: ip
    X-Sink-TLS: yes|no
followed by the message bytes exactly as received (CRLF line ends, dots
un-stuffed by aiosmtpd). The file is written to a temporary name, fsynced and
renamed, so a file named msg-*.eml is always complete. Prints "ready" on
stdout once it listens; exits on SIGTERM/SIGINT.

Only loopback addresses are accepted as HOST (rule of the test suite).
"""

import ipaddress
import itertools
import os
import signal
import sys

from aiosmtpd.controller import Controller


class FileSink:
    def __init__(self, outdir):
        self.outdir = outdir
        self.seq = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.seq)
        head = [b"X-Sink-Mail-From: <%s>" % envelope.mail_from.encode("utf-8", "surrogateescape")]
        for r in envelope.rcpt_tos:
            head.append(b"X-Sink-Rcpt-To: <%s>" % r.encode("utf-8", "surrogateescape"))
        peer = session.peer[0] if session.peer else "?"
        head.append(b"X-Sink-Peer: %s" % peer.encode())
        tls = b"yes" if session.ssl else b"no"
        head.append(b"X-Sink-TLS: %s" % tls)
        data = envelope.original_content
        if data is None:
            data = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        tmp = os.path.join(self.outdir, ".tmp-%06d" % n)
        final = os.path.join(self.outdir, "msg-%06d.eml" % n)
        with open(tmp, "wb") as f:
            f.write(b"\r\n".join(head) + b"\r\n")
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, final)
        return "250 2.0.0 Ok: stored as msg-%06d" % n


def main():
    host, port, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tls_kw = {}
    if len(sys.argv) >= 6:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[4], sys.argv[5])
        tls_kw = {"tls_context": ctx, "require_starttls": False}
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit("aiosmtpd_sink: refusing non-loopback address %s" % host)
    os.makedirs(outdir, exist_ok=True)
    controller = Controller(
        FileSink(outdir),
        hostname=host,
        port=port,
        server_hostname="aiosmtpd-sink.test",
        decode_data=False,
        enable_SMTPUTF8=True,
        data_size_limit=64 * 1024 * 1024,
        ready_timeout=10,
        **tls_kw,
    )
    # Block the stop signals before the server thread starts (it inherits the
    # mask), then wait for one synchronously: no race between check and wait.
    sigs = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
    controller.start()
    print("ready", flush=True)
    try:
        signal.sigwait(sigs)
    finally:
        controller.stop()

if __name__ == "__main__":
    main()
