#!/usr/bin/env bash
# Portal benchmark: how fast does the recipient portal serve the message
# page with many stored messages? One gateway on loopback, its plaintext
# recipient domain (plain.test) an aiosmtpd sink, so every PHI message goes
# to the portal:
#   1. `cargo build --release` (skip with --no-build or SEALGATE_BIN=...);
#   2. bench/portal_clients.py sends M PHI messages (default 1000; 4-20 KB;
#      text, text + HTML, text + HTML + CSV attachment) to p1..pM@plain.test
#      over 4 SMTP connections; the script waits until `portal list --json`
#      has M records and the sink M notifications;
#   3. it logs in to K of them (default 8) the way a recipient does: link
#      from the notification, POST /m/T/send with Origin, the code from the
#      next mail, POST /m/T/verify, the __Host-sg_session cookie;
#   4. wrk (-t THREADS -c CONNS -d DURATION --latency, keep-alive HTTPS)
#      measures, in this order, each page rotating over the K messages
#      (bench/portal_wrk.lua):
#        view     GET /m/T/view with the session (decrypt, parse, sanitize)
#        landing  GET /m/T without a session: same TLS, routing, rate limit
#                 and store lookup, no decryption or parsing (the peer)
#        static   GET /static/portal.css: the server's floor
#      each after a short warm-up; with --rounds R the three alternate R
#      times and the median of each figure is reported.
# Prints a table (requests/s, p50, p90, p99, max, and the gateway's CPU time
# per request from /proc, which the machine's other load disturbs least) and
# the view page's ratios to its peers in the same run (view / peer).
# Target from the issue: view p99 < 20 ms on this machine. wrk keeps CONNS
# requests in flight and shares the cores with the gateway, so latency is
# mostly queueing: p50 is about CONNS / (requests/s).
# Every response must be 200 (a session that stopped working answers 303;
# rate limiting 429): any other status or socket error fails the run.
#
#   bash bench/portal.sh [--messages M] [--logins K] [--duration SECS]
#                        [--threads T] [--connections C] [--rounds R]
#                        [--warmup SECS] [--no-build]
#
# Defaults: 1000 messages, 8 logins, wrk -t2 -c32 -d15s, 1 round, 2 s
# warm-up. About 1.5 minutes on 2 cores after the build.
#
# The portal limits each client address (the TCP peer) to 60 requests and
# 10 POSTs a minute; wrk runs from 127.0.0.1 only, so this gateway's config
# raises them ([portal] requests_per_minute / posts_per_minute) and the
# output says so. Everything else is the shipped behaviour. Needs wrk
# (Debian's, with TLS) and python3 with aiosmtpd. Loopback only; every
# process stops and the temp dir goes on exit (KEEP_TMP=1 keeps it).
WORK_PREFIX=portal
source "$(dirname "$0")/../tests/interop/lib.sh"
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"

MESSAGES=1000 LOGINS=8 DURATION=15 THREADS=2 CONNS=32 ROUNDS=1 WARMUP=2 BUILD=1
RPM=1000000000 PPM=1000
while (($#)); do
    case $1 in
    --messages) MESSAGES=$2; shift 2 ;;
    --logins) LOGINS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,44p' "$0"; exit 0 ;;
    *) fail "unknown argument: $1 (see --help)" ;;
    esac
done
for v in MESSAGES LOGINS DURATION THREADS CONNS ROUNDS; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || fail "--${v,,} takes a positive integer"
done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || fail "--warmup takes a number of seconds"
((LOGINS <= MESSAGES)) || fail "--logins cannot exceed --messages"
((CONNS >= THREADS)) || fail "--connections must be at least --threads (wrk)"
need wrk
"$PY" -c 'import aiosmtpd' 2>/dev/null || fail "$PY cannot import aiosmtpd (apt-get install python3-aiosmtpd)"

if ((BUILD)) && [[ "$SEALGATE_BIN" == "$REPO/target/release/sealgate" ]]; then
    log "cargo build --release"
    (cd "$REPO" && cargo build --release --quiet) || fail "cargo build --release failed"
fi
check_sealgate_bin

read -r SMTP SINK WEB DNS <<<"$(free_ports 4)"
BASE_URL="https://127.0.0.1:$WEB"
SINKDIR="$WORK/sink"
mkdir -p "$WORK/sg"
cat >"$WORK/sg/sealgate.toml" <<TOML
# bench/portal.sh: every PHI message to plain.test goes to the portal.
[server]
hostname = "gw.test"
data_dir = "var"
drain_timeout = "5s"

[[listener]]
address = "127.0.0.1:$SMTP"
tls = "starttls"

[tls]
cert = "certs/server.crt" # generated (self-signed) on first start
key = "certs/server.key"

[relay]
allowed_networks = ["127.0.0.1/32"]

[delivery]
nameservers = ["127.0.0.1:$DNS"] # closed port: no lookup leaves the machine
retry = ["1s"]

[[delivery.route]] # plaintext only: PHI cannot be sent there, so it goes to the portal
domain = "plain.test"
next_hop = "127.0.0.1:$SINK"

[dlp]
rules_dir = "$REPO/rules"

[audit]
dir = "var/audit"

[portal]
listen = "127.0.0.1:$WEB"
base_url = "$BASE_URL"
organization = "Riverbend Health"
retention = "30d"
# wrk runs from 127.0.0.1 alone: the per-address limits (60 / 10 a minute
# by default) are raised for the benchmark.
requests_per_minute = $RPM
posts_per_minute = $PPM
TOML
"$SEALGATE_BIN" --config "$WORK/sg/sealgate.toml" check >"$WORK/check.out" 2>&1 ||
    { artifact "$WORK/check.out"; fail "sealgate check rejected the generated config"; }

portal_count() {
    "$SEALGATE_BIN" --config "$WORK/sg/sealgate.toml" portal list --json 2>"$WORK/portal-list.err" | wc -l
}
sink_count() { find "$SINKDIR" -maxdepth 1 -name 'msg-*.eml' | wc -l; }

echo "== portal benchmark: $MESSAGES stored messages, $LOGINS sessions, wrk -t$THREADS -c$CONNS -d${DURATION}s x $ROUNDS round(s), $(nproc) cores =="
echo "sealgate: $SEALGATE_BIN ($(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2))"
echo "note: [portal] requests_per_minute = $RPM, posts_per_minute = $PPM (defaults 60 / 10): wrk has one source address"

start_aiosmtpd_sink sink "$SINK" "$SINKDIR"
start_sealgate sg "$SMTP"
SG=$SEALGATE_PID
# The HTTPS port sends no banner: a connection is what counts.
wait_until 30 "the portal never accepted a connection on 127.0.0.1:$WEB" \
    "$PY" -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$WEB"

log "sending $MESSAGES PHI messages"
t0=$EPOCHREALTIME
"$PY" "$BENCH_DIR/portal_clients.py" send --port "$SMTP" --count "$MESSAGES" >"$WORK/send.out" 2>"$WORK/send.err" ||
    { artifact "$WORK/send.err"; fail "sending the messages failed"; }
SENT_LINE="$(<"$WORK/send.out")"
t1=$EPOCHREALTIME
end=$((SECONDS + 300))
while :; do
    n="$(portal_count)" s="$(sink_count)"
    ((n >= MESSAGES && s >= MESSAGES)) && break
    pid_alive "$SG" || fail "sealgate died while storing the messages"
    ((SECONDS < end)) || { artifact "$WORK/sg.err"; fail "after 300 s the portal holds $n and the sink has $s notifications of $MESSAGES"; }
    sleep 0.5
done
t2=$EPOCHREALTIME
((n == MESSAGES && s == MESSAGES)) || fail "the portal holds $n records and the sink $s mails; expected $MESSAGES each"
secs() { "$PY" -c 'import sys; print("%.1f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }
echo "$SENT_LINE"
echo "stored: $n portal records, $s notifications at the sink (sent in $(secs "$t0" "$t1") s, all stored and notified $(secs "$t0" "$t2") s after the first)"
echo "data: var/portal $(du -sh "$WORK/sg/var/portal" | cut -f1) on disk"

log "logging in to $LOGINS messages"
"$PY" "$BENCH_DIR/portal_clients.py" login --base-url "$BASE_URL" --sink "$SINKDIR" --out "$WORK/pairs" \
    --logins "$LOGINS" --count "$MESSAGES" >"$WORK/login.out" 2>"$WORK/login.err" ||
    { artifact "$WORK/login.err"; fail "logging in failed"; }
cat "$WORK/login.out"

# bench PAGE SECS: one wrk run; its "key value" figures in $WORK/wrk-PAGE.kv
bench() {
    local page=$1 secs=$2 out
    out="$WORK/wrk-$page.out"
    timeout -k 5 $((secs + 60)) wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s --latency \
        -s "$BENCH_DIR/portal_wrk.lua" "$BASE_URL" -- "$WORK/pairs" "$page" >"$out" 2>&1 ||
        { artifact "$out"; fail "wrk ($page) exited non-zero"; }
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        artifact "$out"
        fail "$page: wrk saw non-2xx/3xx responses"
    fi
    local bad errs
    bad="$(awk '$1 == "non200" {print $2}' "$out")"
    errs="$(awk '$1 == "socket_errors" {print $2}' "$out")"
    [[ -n "$bad" && -n "$errs" ]] || { artifact "$out"; fail "$page: no figures from the wrk script"; }
    ((bad == 0)) || { artifact "$out"; fail "$page: $bad responses were not 200 ($(grep '^non200' "$out"))"; }
    ((errs == 0)) || { artifact "$out"; fail "$page: $errs socket errors (connect/read/write/timeout)"; }
    pid_alive "$SG" || fail "sealgate died during the $page run"
}

# cpu_ticks PID: user+system CPU clock ticks the process has used so far
cpu_ticks() {
    local f
    read -r -a f <"/proc/$1/stat" || fail "cannot read /proc/$1/stat"
    # fields 14 and 15 after "(comm)", which has no spaces here
    echo $((f[13] + f[14]))
}
HZ="$(getconf CLK_TCK)"

PAGES=(view landing static)
declare -A RPS P50 P90 P99 MAX REQS BYTES CPU
for ((round = 1; round <= ROUNDS; round++)); do
    for page in "${PAGES[@]}"; do
        if ((WARMUP > 0)); then
            bench "$page" "$WARMUP"
        fi
        log "round $round: $page for ${DURATION}s"
        c0="$(cpu_ticks "$SG")"
        bench "$page" "$DURATION"
        c1="$(cpu_ticks "$SG")"
        kv="$WORK/wrk-$page.out"
        RPS[$page]+="$(awk '$1 == "rps" {print $2}' "$kv") "
        P50[$page]+="$(awk '$1 == "p50_us" {print $2}' "$kv") "
        P90[$page]+="$(awk '$1 == "p90_us" {print $2}' "$kv") "
        P99[$page]+="$(awk '$1 == "p99_us" {print $2}' "$kv") "
        MAX[$page]+="$(awk '$1 == "max_us" {print $2}' "$kv") "
        REQS[$page]+="$(awk '$1 == "requests" {print $2}' "$kv") "
        BYTES[$page]+="$(awk '$1 == "bytes" {print $2}' "$kv") "
        # the gateway's CPU time per request, in microseconds
        CPU[$page]+="$(awk -v t=$((c1 - c0)) -v hz="$HZ" '$1 == "requests" {printf "%.1f", t / hz * 1e6 / $2}' "$kv") "
        cp "$kv" "$WORK/wrk-$page-round$round.out"
    done
done

RSS_KB="$(awk '$1 == "VmHWM:" {print $2}' "/proc/$SG/status" 2>/dev/null || echo 0)"

# The table and the ratios, from the medians over the rounds.
"$PY" - "$ROUNDS" "${PAGES[*]}" "${RPS[view]}" "${RPS[landing]}" "${RPS[static]}" \
    "${P50[view]}" "${P50[landing]}" "${P50[static]}" "${P90[view]}" "${P90[landing]}" "${P90[static]}" \
    "${P99[view]}" "${P99[landing]}" "${P99[static]}" "${MAX[view]}" "${MAX[landing]}" "${MAX[static]}" \
    "${REQS[view]}" "${REQS[landing]}" "${REQS[static]}" "${BYTES[view]}" "${BYTES[landing]}" "${BYTES[static]}" \
    "${CPU[view]}" "${CPU[landing]}" "${CPU[static]}" "$RSS_KB" <<'PY'
import statistics, sys
rounds, pages = int(sys.argv[1]), sys.argv[2].split()
a = sys.argv[3:]
def med(s): return statistics.median(float(x) for x in s.split())
cols = {}
for i, name in enumerate(["rps", "p50", "p90", "p99", "max", "reqs", "bytes", "cpu"]):
    cols[name] = {p: med(a[3 * i + j]) for j, p in enumerate(pages)}
rss_kb = int(a[24] or 0)
label = {"view": "view (GET /m/T/view)", "landing": "landing (GET /m/T)", "static": "static (/static/portal.css)"}
print("---- portal benchmark result (%s%s) ----" % (
    __import__("time").strftime("%Y-%m-%dT%H:%M:%SZ", __import__("time").gmtime()),
    ", median of %d rounds" % rounds if rounds > 1 else ""))
print("%-30s %10s %9s %9s %9s %9s %9s %12s" % ("page", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "KB/resp", "gw CPU us/req"))
for p in pages:
    c = lambda k: cols[k][p]
    print("%-30s %10.1f %9.2f %9.2f %9.2f %9.1f %9.1f %12.0f" % (
        label[p], c("rps"), c("p50") / 1000, c("p90") / 1000, c("p99") / 1000, c("max") / 1000,
        c("bytes") / max(c("reqs"), 1) / 1024, c("cpu")))
for peer in ("landing", "static"):
    print("view / %-8s p50 ratio %5.2f   p99 ratio %5.2f   req/s ratio %5.3f   CPU/req ratio %5.2f" % (
        peer, cols["p50"]["view"] / cols["p50"][peer], cols["p99"]["view"] / cols["p99"][peer],
        cols["rps"]["view"] / cols["rps"][peer], cols["cpu"]["view"] / max(cols["cpu"][peer], 0.1)))
p99 = cols["p99"]["view"] / 1000
print("target: view p99 < 20 ms: %s (%.2f ms)" % ("met" if p99 < 20 else "NOT MET", p99))
print("gateway peak RSS: %.1f MB" % (rss_kb / 1024))
PY
