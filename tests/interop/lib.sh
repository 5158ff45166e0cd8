# shellcheck shell=bash
# Shared functions for the interop checks (tests/interop/checks/*.sh) and the
# benchmark (bench/relay.sh). Source it; it sets up a private temp dir ($WORK),
# a cleanup trap that stops every process and Postfix instance started through
# these functions, and helpers that wait on conditions with deadlines.
#
# Rules kept here: loopback addresses only; no fixed sleeps (every wait polls a
# condition until a deadline); every failure exits non-zero with a message.

set -euo pipefail

INTEROP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$INTEROP_DIR/../.." && pwd)"
SEALGATE_BIN="${SEALGATE_BIN:-$REPO/target/release/sealgate}"

# Debian's python3-aiosmtpd lives in /usr/bin/python3's dist-packages; a
# python3 earlier on PATH (pyenv, venv) may not see it.
if [[ -z "${PY:-}" ]]; then
    if [[ -x /usr/bin/python3 ]]; then PY=/usr/bin/python3; else PY=python3; fi
fi

H() { "$PY" "$INTEROP_DIR/helpers.py" "$@"; }

log() { printf '[%s] %s\n' "$(date -u +%T)" "$*" >&2; }

ARTIFACTS=()
# artifact FILE: show the tail of FILE if the check fails.
artifact() { ARTIFACTS+=("$1"); }

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    local a
    for a in "${ARTIFACTS[@]}"; do
        if [[ -s "$a" ]]; then
            printf -- '----- last lines of %s -----\n' "$a" >&2
            tail -n "${FAIL_TAIL_LINES:-25}" "$a" | tr '\r' '\n' | tail -n "${FAIL_TAIL_LINES:-25}" >&2
        fi
    done
    exit 1
}

need() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || fail "required command '$c' not found (run .ci/run's apt-get step)"
    done
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sealgate-${WORK_PREFIX:-interop}.XXXXXX")"
chmod 755 "$WORK"   # Postfix's unprivileged daemons must traverse it

PIDS=()
POSTFIX_INSTANCES=()

pid_alive() {
    local st
    st="$(ps -o stat= -p "$1" 2>/dev/null || true)"
    [[ -n "$st" && "$st" != Z* ]]
}

# stop_pid PID [SECS]: SIGTERM, wait up to SECS (default 15) for it to exit,
# then SIGKILL. Only for processes this script started.
stop_pid() {
    local pid=$1 secs=${2:-15} end
    pid_alive "$pid" || { wait "$pid" 2>/dev/null || true; forget_pid "$pid"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    end=$((SECONDS + secs))
    while pid_alive "$pid" && ((SECONDS < end)); do sleep 0.05; done
    if pid_alive "$pid"; then
        log "pid $pid did not exit within ${secs}s of SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    forget_pid "$pid"
}

# forget_pid PID: drop a reaped pid from the cleanup list (pids get reused)
forget_pid() {
    local p keep=()
    for p in "${PIDS[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

cleanup() {
    local rc=$? i
    set +e
    trap - EXIT TERM INT
    local insts=("${POSTFIX_INSTANCES[@]}") pids=("${PIDS[@]}")
    for ((i = ${#insts[@]} - 1; i >= 0; i--)); do
        pf_stop "${insts[$i]}"
    done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        stop_pid "${pids[$i]}" 15
    done
    if [[ $rc -eq 0 && "${KEEP_TMP:-0}" != 1 ]]; then
        rm -rf "$WORK"
    elif rmdir "$WORK" 2>/dev/null; then
        :   # nothing was started yet
    else
        log "kept work dir $WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'fail "terminated by SIGTERM (time limit reached?) while waiting; logs so far:"' TERM
trap 'exit 130' INT

free_ports() { H free-ports "$1"; }

# start_bg NAME CMD...: run CMD in the background, stdout/stderr to
# $WORK/NAME.out/.err; the pid is in $BG_PID and is stopped on exit.
start_bg() {
    local name=$1
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    BG_PID=$!
    PIDS+=("$BG_PID")
    artifact "$WORK/$name.err"
}

# wait_until SECS WHAT CMD...: run CMD every 0.1s until it succeeds; at the
# deadline fail with "WHAT (waited SECSs)". CMD's output goes where it goes.
wait_until() {
    local secs=$1 what=$2 end
    shift 2
    end=$((SECONDS + secs))
    until "$@"; do
        ((SECONDS < end)) || fail "$what (waited ${secs}s)"
        sleep 0.1
    done
}

wait_banner() { # PORT [SECS] [what]
    H wait-banner 127.0.0.1 "$1" "${2:-30}" || fail "${3:-server} on 127.0.0.1:$1 never answered 220"
}

# ---------------------------------------------------------------- sinks

# start_smtp_sink NAME PORT [DUMPDIR]: Postfix's smtp-sink; with DUMPDIR every
# transaction is written to DUMPDIR/<time>.<random>. Counter log: $WORK/NAME.out
start_smtp_sink() {
    local name=$1 port=$2 dump=${3:-}
    need smtp-sink
    local args=(-c -u root)
    if [[ -n "$dump" ]]; then
        mkdir -p "$dump"
        args+=(-d "$dump/%H%M%S.")
    fi
    start_bg "$name" smtp-sink "${args[@]}" "127.0.0.1:$port" 1000
    SINK_PID=$BG_PID
    wait_banner "$port" 15 "smtp-sink $name"
}

# start_aiosmtpd_sink NAME PORT OUTDIR [CERT KEY]: files OUTDIR/msg-*.eml (see
# aiosmtpd_sink.py); with CERT KEY it offers STARTTLS.
start_aiosmtpd_sink() {
    local name=$1 port=$2 dir=$3
    shift 3
    "$PY" -c 'import aiosmtpd' 2>/dev/null || fail "$PY cannot import aiosmtpd (apt-get install python3-aiosmtpd)"
    start_bg "$name" "$PY" "$INTEROP_DIR/aiosmtpd_sink.py" 127.0.0.1 "$port" "$dir" "$@"
    wait_banner "$port" 15 "aiosmtpd sink $name"
}

# ---------------------------------------------------------------- sealgate

# sealgate_config NAME PORT SINKPORT: writes $WORK/NAME/sealgate.toml and
# prints its path; append more TOML to it before starting.
sealgate_config() {
    local name=$1 port=$2 sink=$3 dir="$WORK/$1" dns
    mkdir -p "$dir"
    dns="$(free_ports 1)"
    sed -e "s/@PORT@/$port/g" -e "s/@SINKPORT@/$sink/g" -e "s/@DNSPORT@/$dns/g" \
        -e "s|@RULES@|$(cd "$INTEROP_DIR/../.." && pwd)/rules|g" \
        "$INTEROP_DIR/sealgate.toml.in" >"$dir/sealgate.toml"
    echo "$dir/sealgate.toml"
}

check_sealgate_bin() {
    [[ -x "$SEALGATE_BIN" ]] || fail "sealgate binary $SEALGATE_BIN not found or not executable (build it with 'cargo build --release' or set SEALGATE_BIN)"
}

# start_sealgate NAME PORT: runs `sealgate --config $WORK/NAME/sealgate.toml run`
# (--allow-root: CI and the benchmarks run as root on throwaway machines)
start_sealgate() {
    local name=$1 port=$2
    check_sealgate_bin
    start_bg "$name" "$SEALGATE_BIN" --config "$WORK/$name/sealgate.toml" run --allow-root
    SEALGATE_PID=$BG_PID
    # Poll the banner in short slices so an early exit fails at once.
    local end=$((SECONDS + 30))
    until H wait-banner 127.0.0.1 "$port" 1 2>/dev/null; do
        if ! pid_alive "$SEALGATE_PID"; then
            local rc=0
            wait "$SEALGATE_PID" 2>/dev/null || rc=$?   # set -e must not end the script here
            fail "sealgate exited during startup (exit $rc)"
        fi
        ((SECONDS < end)) || fail "sealgate never answered 220 on 127.0.0.1:$port within 30s"
    done
}

# sealgate_queue_count NAME: number of messages `queue list` reports.
# Contract: empty output, or a header line only, when the queue is empty.
sealgate_queue_count() {
    local name=$1 out
    if ! out="$("$SEALGATE_BIN" --config "$WORK/$name/sealgate.toml" queue list 2>"$WORK/$name.queue.err")"; then
        cat "$WORK/$name.queue.err" >&2
        fail "'sealgate queue list' exited non-zero"
    fi
    printf '%s\n' "$out" >"$WORK/$name.queue.out"
    printf '%s\n' "$out" | awk '
        NF == 0 { next }
        NR == 1 && /(^|[^A-Za-z])(ID|QUEUE|Queue|queue[ _-]?id)([^A-Za-z]|$)/ { next }
        /^[ \t]*([Tt]otal:?[ \t]*0|0 messages|[Nn]o messages|.*queue is empty|\(empty\)|[Ee]mpty)/ { next }
        { n++ } END { print n + 0 }'
}

# wait_queue_empty NAME SECS
wait_queue_empty() {
    local name=$1 secs=${2:-30} end n
    end=$((SECONDS + secs))
    while :; do
        n="$(sealgate_queue_count "$name")"
        [[ "$n" == 0 ]] && return 0
        if ((SECONDS >= end)); then
            artifact "$WORK/$name.queue.out"
            fail "sealgate queue still lists $n message(s) after ${secs}s"
        fi
        sleep 0.2
    done
}

# argon2id PHC string for a password (Debian's `argon2` CLI)
argon2_hash() {
    need argon2
    printf '%s' "$1" | argon2 "sealgate-interop-salt" -id -e
}

# ---------------------------------------------------------------- Postfix

# pf_setup NAME PORT [main.cf settings...]: a private Postfix instance in
# $WORK/NAME (config in etc/, queue in spool/, data in data/, log in maillog)
# whose SMTP server listens on 127.0.0.1:PORT only.
pf_setup() {
    local name=$1 port=$2 d="$WORK/$1" kv
    shift 2
    need postfix postconf
    mkdir -p "$d/etc" "$d/spool" "$d/data"
    chmod 755 "$d" "$d/etc"
    chown postfix:postfix "$d/data"   # master.lock etc. are created as the mail owner
    sed -e "s|@DIR@|$d|g" -e "s|@NAME@|$name|g" "$INTEROP_DIR/postfix/main.cf.in" >"$d/etc/main.cf"
    sed -e "s|@LISTEN@|127.0.0.1:$port|g" "$INTEROP_DIR/postfix/master.cf.in" >"$d/etc/master.cf"
    for kv in "$@"; do
        postconf -c "$d/etc" -e "$kv"
    done
    artifact "$d/maillog"
}

pf_start() {
    local name=$1 port=$2 d="$WORK/$1"
    postfix -c "$d/etc" check >"$WORK/$name.check.log" 2>&1 || { artifact "$WORK/$name.check.log"; fail "postfix check failed for instance $name"; }
    POSTFIX_INSTANCES+=("$name")
    postfix -c "$d/etc" start >"$WORK/$name.start.log" 2>&1 || { artifact "$WORK/$name.start.log"; fail "postfix start failed for instance $name"; }
    wait_banner "$port" 30 "postfix instance $name"
}

pf_master_pid() {
    local f="$WORK/$1/spool/pid/master.pid"
    [[ -s "$f" ]] && tr -dc '0-9' <"$f"
}

pf_stop() {
    local name=$1 d="$WORK/$1" pid end p keep=()
    for p in "${POSTFIX_INSTANCES[@]}"; do [[ "$p" == "$name" ]] || keep+=("$p"); done
    POSTFIX_INSTANCES=("${keep[@]}")
    pid="$(pf_master_pid "$name" || true)"
    postfix -c "$d/etc" stop >/dev/null 2>&1 || true
    [[ -n "$pid" ]] || return 0
    end=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < end)); do sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then
        log "postfix $name master $pid still running; postfix abort + SIGKILL"
        postfix -c "$d/etc" abort >/dev/null 2>&1 || true
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

# pf_queue_count NAME: messages still in the instance's queue
pf_queue_count() {
    local d="$WORK/$1"
    find "$d/spool/incoming" "$d/spool/active" "$d/spool/deferred" "$d/spool/hold" "$d/spool/maildrop" -type f 2>/dev/null | wc -l
}

# ---------------------------------------------------------------- swaks

# swaks_run NAME ARGS...: swaks with a transcript in $WORK/NAME.swaks; sets
# SWAKS_RC. Never prompts (stdin is /dev/null) and is bounded in time.
swaks_run() {
    local name=$1
    shift
    need swaks
    artifact "$WORK/$name.swaks"
    set +e
    timeout -k 5 60 swaks --helo tenant.test --timeout 30 "$@" </dev/null >"$WORK/$name.swaks" 2>&1
    SWAKS_RC=$?
    set -e
}

# write_test_message FILE TOKEN: a message with headers, dot-leading lines,
# an empty line, trailing spaces and a unique TOKEN to find it at the sink.
# FILE is the message exactly as it must arrive (CRLF line ends); FILE.swaks
# is the same without the last CRLF, for `swaks --data @FILE.swaks` (swaks
# appends CRLF.CRLF itself, and dot-stuffs).
write_test_message() {
    local f=$1 token=$2 i
    {
        printf 'From: Tenant Sender <sender@tenant.test>\r\n'
        printf 'To: Recipient <rcpt@sink.test>\r\n'
        printf 'Subject: sealgate interop %s\r\n' "$token"
        printf 'Date: %s\r\n' "$(date -R)"
        printf 'Message-ID: <%s@tenant.test>\r\n' "$token"
        printf 'MIME-Version: 1.0\r\n'
        printf 'Content-Type: text/plain; charset=us-ascii\r\n'
        printf '\r\n'
        printf 'Hello from the interop suite, token %s.\r\n' "$token"
        printf '.a line that starts with a dot (must survive dot-stuffing)\r\n'
        printf '..two dots\r\n'
        printf '.\r\n'
        printf '\r\n'
        printf 'trailing spaces kept   \r\n'
        for i in $(seq 1 40); do printf 'line %03d %s\r\n' "$i" "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"; done
        printf 'END-OF-BODY %s\r\n' "$token"
    } >"$f"
    head -c -2 "$f" >"$f.swaks"
}

# self_signed_cert DIR NAME: DIR/NAME.crt + DIR/NAME.key for 127.0.0.1
self_signed_cert() {
    need openssl
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$2" \
        -addext "subjectAltName=DNS:$2,IP:127.0.0.1" \
        -keyout "$1/$2.key" -out "$1/$2.crt" >/dev/null 2>&1 || fail "openssl could not make a certificate"
}

# test_ca DIR: a throwaway CA, DIR/ca.crt + DIR/ca.key
test_ca() {
    need openssl
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=sealgate interop test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$1/ca.key" -out "$1/ca.crt" >/dev/null 2>&1 || fail "openssl could not make the test CA"
}

# ca_signed_cert DIR NAME: DIR/NAME.crt + DIR/NAME.key, a server certificate
# for the DNS name NAME issued by test_ca's DIR/ca.crt
ca_signed_cert() {
    local d=$1 n=$2
    printf '%s\n' "subjectAltName=DNS:$n" "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >"$d/$n.ext"
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$n" -keyout "$d/$n.key" -out "$d/$n.csr" >/dev/null 2>&1 ||
        fail "openssl could not make a key and request for $n"
    openssl x509 -req -in "$d/$n.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
        -days 2 -extfile "$d/$n.ext" -out "$d/$n.crt" >/dev/null 2>&1 ||
        fail "openssl could not issue a certificate for $n"
    openssl verify -CAfile "$d/ca.crt" "$d/$n.crt" >/dev/null 2>&1 || fail "the certificate for $n does not verify against the test CA"
}

# sink_files_with TOKEN DIR GLOB: paths of sink files that contain TOKEN
sink_files_with() {
    grep -l -F -- "$1" "$2"/$3 2>/dev/null || true
}

# swaks_expect_ok NAME: the swaks run NAME must have exited 0
swaks_expect_ok() {
    [[ $SWAKS_RC == 0 ]] || fail "swaks ($1) failed with exit $SWAKS_RC; see its transcript below"
}

new_token() { printf 'T%s%04d' "$(date +%s)" "$((RANDOM % 10000))"; }
