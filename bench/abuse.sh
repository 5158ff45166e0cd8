#!/usr/bin/env bash
# Abuse benchmark: does a well-behaved tenant keep relaying while strangers
# attack the gateway? Two phases, each against a fresh gateway (so its peak
# RSS, VmHWM, is the phase's own):
#   1. baseline: the tenant (Postfix's smtp-source from 127.0.0.1, an allowed
#      network) sends M messages to Postfix's smtp-sink through sealgate;
#   2. attack: the same tenant load while bench/abuse_clients.py runs, from
#      127.0.0.2-127.0.0.50, for --duration seconds: an AUTH flood (TLS
#      sessions sending wrong AUTH PLAIN passwords), idle connections that
#      send nothing, slow drip (one byte every 3 s, in a command or in a DATA
#      body), and multi-MB messages to <postmaster> from many connections.
#      Together they open more connections (580) than limits.max_connections
#      (500), so the tenant competes for slots too.
# The tenant's clock runs from smtp-source's start until the tenant's sink
# has counted all M messages; under attack, if the attack ends first, the
# rate counts only what reached the sink while it lasted. smtp-source gives
# up at the first 4xx (e.g. "421 too many connections"); as the tenant's MTA
# would, it is restarted after 1 s for the messages it had not completed,
# until --timeout. Postmaster mail goes to a second smtp-sink so it never
# counts as the tenant's.
#
#   bash bench/abuse.sh [--messages M] [--duration SECS] [--timeout SECS]
#                       [--sessions S] [--size L] [--auth N] [--idle N]
#                       [--drip N] [--big N] [--big-size BYTES] [--settle SECS]
#                       [--max-rss MB]
#
# Defaults: 300 messages x 20480 bytes over 10 sessions (a new connection per
# message); attack 60 s with 120 AUTH, 400 idle, 40 drip and 20 big-message
# clients (5 MiB, at most 3 messages each); tenant deadline (--timeout) 50 s
# per phase, so the tenant runs inside the attack; RSS sampled --settle 5 s
# after the attack stopped; the attackers are stopped early if the gateway's
# RSS passes --max-rss 8192 MB (the machine is shared). About 1.5 minutes in
# all on 2 cores. Prints a final block: tenant msg/s baseline and under
# attack, their ratio, peak RSS of each phase, RSS after the attack, and what
# each kind of attacker saw (reply codes, banner refusals, server closes).
# Exits non-zero only when the setup fails, never because the gateway did
# badly; a tenant that could not deliver everything is reported as
# INCOMPLETE. Needs smtp-source and smtp-sink (Debian's postfix), Python
# 3.11+, and `argon2` (Debian's argon2) unless the binary has a
# `hash-password` subcommand. sealgate runs from SEALGATE_BIN (default
# target/release/sealgate). Loopback only; every process stops on exit.
WORK_PREFIX=abuse
source "$(dirname "$0")/../tests/interop/lib.sh"
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"

MESSAGES=300 SESSIONS=10 SIZE=20480 DURATION=60 TIMEOUT=50 SETTLE=5 MAX_RSS=8192
AUTH=120 IDLE=400 DRIP=40 BIG=20 BIG_SIZE=$((5 * 1024 * 1024)) BIG_COUNT=3
while (($#)); do
    case $1 in
    --messages) MESSAGES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --sessions) SESSIONS=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --auth) AUTH=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --drip) DRIP=$2; shift 2 ;;
    --big) BIG=$2; shift 2 ;;
    --big-size) BIG_SIZE=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --max-rss) MAX_RSS=$2; shift 2 ;;
    -h | --help) sed -n '2,41p' "$0"; exit 0 ;;
    *) fail "unknown argument: $1 (see --help)" ;;
    esac
done
for v in MESSAGES SESSIONS DURATION TIMEOUT MAX_RSS; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || fail "--${v,,} takes a positive integer"
done
for v in SIZE SETTLE AUTH IDLE DRIP BIG BIG_SIZE; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || fail "numeric arguments expected (${v,,}=${!v})"
done
((DURATION <= 1800 && TIMEOUT <= 1800)) || fail "--duration and --timeout are capped at 1800 s"
need smtp-source smtp-sink
check_sealgate_bin
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || fail "$PY is older than Python 3.11 (abuse_clients.py needs StreamWriter.start_tls)"

RELAY_USER=tenant-relay
RELAY_PW="abuse-bench-$RANDOM$RANDOM"

# password_hash: a PHC argon2id string with sealgate's own default parameters
# (argon2 crate 0.5: m=19456 KiB, t=2, p=1), so every wrong AUTH costs the
# gateway what it costs in production.
# shellcheck disable=SC2016 # PHC strings begin with a literal $
password_hash() {
    local h
    if "$SEALGATE_BIN" --help 2>/dev/null | grep -qE '^ +hash-password\b'; then
        # setsid: no controlling terminal, so a prompt on /dev/tty fails at once
        h="$(printf '%s\n' "$RELAY_PW" | setsid -w timeout 30 "$SEALGATE_BIN" hash-password 2>/dev/null | tail -n 1 || true)"
        if [[ "$h" == '$argon2id$'* ]]; then
            printf '%s' "$h"
            return
        fi
        log "sealgate hash-password gave no PHC string on stdin; using the argon2 CLI"
    fi
    need argon2
    h="$(printf '%s' "$RELAY_PW" | argon2 "$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')" -id -t 2 -k 19456 -p 1 -e)"
    [[ "$h" == '$argon2id$v=19$m=19456,t=2,p=1$'* ]] || fail "argon2 did not produce the expected PHC string: $h"
    printf '%s' "$h"
}
HASH="$(password_hash)"

# check_auth PORT: from a stranger address, STARTTLS + AUTH with the right
# password must succeed (235), or the setup is broken.
check_auth() {
    "$PY" - "$1" "$RELAY_USER" "$RELAY_PW" >"$WORK/check-auth.txt" 2>&1 <<'PY' ||
import smtplib, ssl, sys
port, user, pw = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE  # the gateway's generated self-signed cert
with smtplib.SMTP("127.0.0.1", port, source_address=("127.0.0.2", 0), timeout=60) as s:
    s.starttls(context=ctx)
    s.login(user, pw)  # raises SMTPAuthenticationError unless 235
    print("AUTH ok")
PY
        { artifact "$WORK/check-auth.txt"; fail "AUTH with the right password did not succeed: the relay user's hash or TLS setup is broken"; }
}

# write_config NAME PORT TENANT_SINK POSTMASTER_SINK: $WORK/NAME/sealgate.toml
write_config() {
    local name=$1 port=$2 tsink=$3 psink=$4 dir="$WORK/$1" dns
    mkdir -p "$dir"
    dns="$(free_ports 1)"
    cat >"$dir/sealgate.toml" <<TOML
# bench/abuse.sh: one gateway, the tenant at 127.0.0.1, strangers elsewhere.
[server]
hostname = "gw.test"
data_dir = "var"
postmaster = "postmaster@sink.test"
drain_timeout = "5s"

[[listener]]
address = "127.0.0.1:$port"
tls = "starttls"

[tls]
cert = "certs/server.crt" # generated (self-signed) on first start
key = "certs/server.key"

[relay]
allowed_networks = ["127.0.0.1/32"]

[[relay.user]]
name = "$RELAY_USER"
password_hash = '$HASH'

[delivery]
nameservers = ["127.0.0.1:$dns"] # closed port: no lookup leaves the machine
default_tls = "may"

[[delivery.route]] # the tenant's recipients: the tenant sink
domain = "dest.test"
next_hop = "127.0.0.1:$tsink"

[[delivery.route]] # postmaster mail (and any DSN): the other sink
domain = "sink.test"
next_hop = "127.0.0.1:$psink"

[[delivery.route]]
domain = "tenant.test"
next_hop = "127.0.0.1:$psink"

[dlp]
rules_dir = "$REPO/rules"

[audit]
dir = "var/audit"
TOML
    artifact "$dir/sealgate.toml"
    "$SEALGATE_BIN" --config "$dir/sealgate.toml" check >"$WORK/$name.check" 2>&1 ||
        { artifact "$WORK/$name.check"; fail "sealgate check rejected the generated config"; }
}

# sink_count FILE: smtp-sink -c's last mesg= counter, into $SINK_N
sink_count() {
    local t re='.*mesg=([0-9]+)'
    t="$(tail -c 256 "$1" 2>/dev/null || true)"
    if [[ "$t" =~ $re ]]; then SINK_N=${BASH_REMATCH[1]}; else SINK_N=0; fi
}
# proc_alive PID: running and not a zombie (builtins only: no fork)
proc_alive() {
    local f
    [[ -r "/proc/$1/stat" ]] && read -r -a f <"/proc/$1/stat" 2>/dev/null && [[ "${f[2]}" != Z ]]
}
# proc_kb PID FIELD: VmHWM / VmRSS of a live process in kB (builtins only)
proc_kb() {
    local k v _
    while read -r k v _; do
        [[ "$k" == "$2:" ]] && { echo "$v"; return 0; }
    done <"/proc/$1/status" 2>/dev/null
    return 0
}
# now_us: wall clock in microseconds (bash integers; any locale's separator)
now_us() { echo "${EPOCHREALTIME//[.,]/}"; }
# cpu_secs PID: user+system CPU seconds the process has used so far
cpu_secs() {
    local f
    read -r -a f <"/proc/$1/stat" 2>/dev/null || { echo 0; return; }
    # fields 14 and 15 (utime, stime) after the "(comm)" field, which has no spaces here
    "$PY" -c 'import os,sys; print("%.1f" % ((int(sys.argv[1]) + int(sys.argv[2])) / os.sysconf("SC_CLK_TCK")))' "${f[13]}" "${f[14]}"
}
mb() { "$PY" -c 'import sys; print("%.1f" % (int(sys.argv[1] or 0) / 1024))' "${1:-0}"; }
secs_between() { "$PY" -c 'import sys; print("%.2f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }
rate() { "$PY" -c 'import sys; print("%.1f" % (float(sys.argv[1]) / float(sys.argv[2])) if float(sys.argv[2]) > 0 else "0.0")' "$1" "$2"; }

# attack_tick: while the attackers run, note the tenant's count when they
# stop, and stop them early if the gateway's RSS passes --max-rss (this
# machine is shared; a gateway that balloons has made the point already).
attack_tick() {
    [[ -n "$ATT" ]] || return 0
    # abuse_clients.py writes its results the moment the attack ends.
    if [[ -z "$P_AT_ATTACK_END" ]] && { [[ -s "$ATT_JSON" ]] || ! proc_alive "$ATT"; }; then
        sink_count "$TLOG"
        P_AT_ATTACK_END=$SINK_N P_ATTACK_END_T=$EPOCHREALTIME
        log "attack over; the tenant sink has $SINK_N messages"
    fi
    if proc_alive "$ATT"; then
        local rss="" k v _
        [[ -r "/proc/$SG/status" ]] && while read -r k v _; do
            if [[ "$k" == VmRSS: ]]; then rss=$v; break; fi
        done <"/proc/$SG/status"
        if ((!P_RSS_CAPPED)) && [[ -n "$rss" ]] && ((rss > MAX_RSS * 1024)); then
            log "gateway RSS $((rss / 1024)) MB > --max-rss $MAX_RSS MB: stopping the attackers early"
            P_RSS_CAPPED=1
            kill -TERM "$ATT" 2>/dev/null || true
        fi
    fi
}

# tenant_start NAME COUNT SECS PORT: one smtp-source try (pid in $SRC) that
# sends COUNT messages and is killed after SECS; -c prints its completed count.
tenant_start() {
    P_TRIES=$((P_TRIES + 1))
    TRY_FILE="$WORK/source-$1-$P_TRIES"
    start_bg "source-$1-$P_TRIES" timeout -k 5 "$3" smtp-source -c -s "$SESSIONS" -m "$2" -l "$SIZE" \
        -f sender@tenant.test -t rcpt@dest.test -M tenant.test "127.0.0.1:$4"
    SRC=$BG_PID
}

# tenant_reap [deadline]: collect the finished try in $SRC: TRY_RC, TRY_SENT
# (messages whose DATA it completed); a try that gave up (not one we stopped
# at the deadline) counts in P_FAILED_TRIES, the first error in P_SOURCE_ERR.
tenant_reap() {
    set +e
    wait "$SRC"
    TRY_RC=$?
    set -e
    forget_pid "$SRC"
    SRC=""
    TRY_SENT="$(tr '\r' '\n' <"$TRY_FILE.out" | grep -E '^[0-9]+$' | tail -n 1 || true)"
    TRY_SENT=${TRY_SENT:-0}
    if ((TRY_RC != 0)) && [[ "${1:-}" != deadline ]]; then
        P_FAILED_TRIES=$((P_FAILED_TRIES + 1))
        [[ -n "$P_SOURCE_ERR" ]] || P_SOURCE_ERR="$(grep -m 1 -E 'fatal|warning|error' "$TRY_FILE.err" || echo "exit $TRY_RC")"
    fi
    return 0
}

# phase NAME ATTACK: one fresh gateway; sets P_* results. Runs in the main
# shell so the cleanup trap knows every process it starts.
phase() {
    local name=$1 attack=$2 tsink psink port t0 t_end now count last_count last_change
    read -r tsink psink port <<<"$(free_ports 3)"
    start_smtp_sink "sink-tenant-$name" "$tsink"
    local tsink_pid=$SINK_PID
    TLOG="$WORK/sink-tenant-$name.out"
    start_smtp_sink "sink-postmaster-$name" "$psink"
    local psink_pid=$SINK_PID plog="$WORK/sink-postmaster-$name.out"
    write_config "sg-$name" "$port" "$tsink" "$psink"
    start_sealgate "sg-$name" "$port"
    SG=$SEALGATE_PID
    [[ "$(cat "/proc/$SG/comm" 2>/dev/null)" == sealgate* ]] || fail "pid $SG is not the sealgate process; cannot read its RSS"

    ATT="" ATT_JSON="$WORK/attack-$name.json" P_AT_ATTACK_END="" P_ATTACK_END_T="" P_RSS_CAPPED=0
    if ((attack)); then
        # The flood must cost what it costs in production: the right password
        # has to work (a hash the gateway could not use would make every
        # wrong AUTH free). Not in the baseline: one argon2 run moves its RSS.
        check_auth "$port"
        log "$name: starting the attackers ($AUTH auth, $IDLE idle, $DRIP drip, $BIG big) for ${DURATION}s"
        start_bg "attack-$name" timeout -k 15 $((DURATION + 60)) "$PY" "$BENCH_DIR/abuse_clients.py" \
            --port "$port" --duration "$DURATION" --out "$ATT_JSON" --ready "$WORK/attack-$name.ready" \
            --auth "$AUTH" --idle "$IDLE" --drip "$DRIP" --big "$BIG" --big-size "$BIG_SIZE" --big-count "$BIG_COUNT" \
            --user "$RELAY_USER"
        ATT=$BG_PID
        H wait-files "$WORK" "attack-$name.ready" 1 30 >/dev/null || fail "the attackers never got going"
        log "$name: attackers connected after $(<"$WORK/attack-$name.ready") s; starting the tenant"
    fi

    log "$name: tenant sends $MESSAGES messages over $SESSIONS sessions"
    # smtp-source gives up at the first 4xx banner or reply; a tenant's MTA
    # would retry, so it is restarted (after 1 s) for the messages it had not
    # completed, until the deadline. The clock stops when the sink has all M,
    # at the deadline, or 10 s after everything was sent if nothing more came.
    P_COMPLETE=0 P_TRIES=0 P_FAILED_TRIES=0 P_SOURCE_ERR="" SRC=""
    local sent=0 retry_at=0 now_i
    t0=$EPOCHREALTIME T0=$EPOCHREALTIME
    t_end=$(($(now_us) + TIMEOUT * 1000000))
    last_count=-1 last_change=$(now_us)
    # Under attack the gateway's hundreds of threads starve every other
    # process, so this loop forks as little as it can (one tail per round).
    while :; do
        if [[ -z "$SRC" ]] && ((sent < MESSAGES && $(now_us) >= retry_at && t_end - $(now_us) >= 1000000)); then
            # +2 s: the deadline below stops it first, so that is not a give-up
            tenant_start "$name" $((MESSAGES - sent)) $(((t_end - $(now_us)) / 1000000 + 2)) "$port"
        fi
        sink_count "$TLOG"
        count=$SINK_N now=$EPOCHREALTIME now_i=${now//[.,]/}
        if ((count >= MESSAGES)); then P_COMPLETE=1 P_STOP="all delivered"; break; fi
        ((now_i < t_end)) || { P_STOP="deadline"; break; }
        attack_tick
        if [[ -n "$SRC" ]] && ! proc_alive "$SRC"; then
            tenant_reap
            sent=$((sent + TRY_SENT))
            ((TRY_RC == 0)) || retry_at=$((now_i + 1000000))
        fi
        if ((count != last_count)); then last_count=$count last_change=$now_i; fi
        if [[ -z "$SRC" ]] && ((sent >= MESSAGES && now_i - last_change >= 10000000)); then
            P_STOP="everything sent, nothing more arrived for 10 s"
            break
        fi
        sleep 0.02 # poll interval of a deadline-bounded wait
    done
    if [[ -n "$SRC" ]]; then # still sending at the deadline
        stop_pid "$SRC" 5
        tenant_reap deadline
        sent=$((sent + TRY_SENT))
    fi
    P_DELIVERED=$count P_SENT=$sent
    # attack_tick notes the count when the attackers stop; still empty here:
    # the tenant's whole run was under attack.
    P_OUTLIVED_ATTACK=0
    [[ -n "$P_AT_ATTACK_END" ]] && P_OUTLIVED_ATTACK=1
    P_SECS="$(secs_between "$t0" "$now")"

    if ((attack)); then
        # The attackers stop by themselves after --duration (python's own
        # deadline, then timeout(1) as a backstop).
        while proc_alive "$ATT"; do
            attack_tick
            sleep 0.05 # poll interval; timeout(1) bounds the attackers
        done
        attack_tick
        set +e
        wait "$ATT"
        local arc=$?
        set -e
        forget_pid "$ATT"
        ATT=""
        # After our SIGTERM (memory cap) timeout(1) exits 143; the results are written all the same.
        if [[ ! -s "$WORK/attack-$name.json" ]] || ((arc != 0 && !P_RSS_CAPPED)); then
            fail "abuse_clients.py exited $arc (results: $WORK/attack-$name.json)"
        fi
    fi
    pid_alive "$SG" || fail "sealgate died during the $name phase (see its log)"
    # RSS once the attack (or the tenant's load) has been over for a while:
    # a fixed measuring point, not a wait for a condition.
    sleep "$SETTLE"
    P_RSS_AFTER_KB="$(proc_kb "$SG" VmRSS)"
    P_CPU="$(cpu_secs "$SG")"
    P_HWM_KB="$(proc_kb "$SG" VmHWM)"
    P_PM_COUNT="$(H sink-count "$plog")"
    P_QUEUE="$(sealgate_queue_count "sg-$name")"
    P_AUTH_FAIL_LOGS="$(grep -c 'authentication failed' "$WORK/sg-$name.err" || true)"
    stop_pid "$SG" 30
    stop_pid "$tsink_pid" 10
    stop_pid "$psink_pid" 10
}

# tenant_line LABEL: the phase's tenant result; sets P_RATE (msg/s at the
# sink while the phase's conditions held: under attack, only the part of the
# tenant's run that the attack covered counts).
tenant_line() {
    local r under what
    r="$(rate "$P_DELIVERED" "$P_SECS")"
    P_RATE=$r
    if ((P_COMPLETE)); then
        what="$(printf '%s msg/s (%d/%d messages at the sink in %s s)' "$r" "$P_DELIVERED" "$MESSAGES" "$P_SECS")"
    else
        what="$(printf 'INCOMPLETE: only %d of %d messages reached the sink within %s s (%s msg/s; smtp-source completed %d; stopped: %s)' \
            "$P_DELIVERED" "$MESSAGES" "$P_SECS" "$r" "$P_SENT" "$P_STOP")"
    fi
    if ((P_OUTLIVED_ATTACK)); then
        under="$(secs_between "$T0" "$P_ATTACK_END_T")"
        P_RATE="$(rate "$P_AT_ATTACK_END" "$under")"
        printf '%-22s %s msg/s while the attack lasted (%d of %d messages at the sink in the tenant'"'"'s first %s s); the attack then stopped; overall: %s' \
            "$1" "$P_RATE" "$P_AT_ATTACK_END" "$MESSAGES" "$under" "$what"
    else
        printf '%-22s %s' "$1" "$what"
    fi
    if ((P_FAILED_TRIES)); then
        printf '; smtp-source gave up %d times (restarted after 1 s), first error: %s' "$P_FAILED_TRIES" "${P_SOURCE_ERR:-none}"
    fi
    printf '\n'
}

echo "== abuse benchmark: tenant $MESSAGES messages x $SIZE bytes over $SESSIONS sessions; attack ${DURATION}s; $(nproc) cores =="
echo "sealgate: $SEALGATE_BIN"

phase baseline 0
tenant_line "tenant baseline:" >"$WORK/tenant-baseline.txt"
B_LINE="$(<"$WORK/tenant-baseline.txt")"
B_RATE=$P_RATE B_COMPLETE=$P_COMPLETE B_HWM=$P_HWM_KB B_RSS_AFTER=$P_RSS_AFTER_KB B_CPU=$P_CPU
echo "$B_LINE"

phase attack 1
tenant_line "tenant under attack:" >"$WORK/tenant-attack.txt"
A_LINE="$(<"$WORK/tenant-attack.txt")"
A_RATE=$P_RATE
echo "$A_LINE"

echo "---- abuse benchmark result ($(date -u +%FT%TZ), $(nproc) cores) ----"
echo "tenant: $MESSAGES messages x $SIZE bytes, $SESSIONS sessions, from 127.0.0.1 (relay.allowed_networks)"
echo "$B_LINE"
echo "$A_LINE"
echo "ratio (attack / baseline): $("$PY" -c 'import sys; b = float(sys.argv[2]); print("%.3f" % (float(sys.argv[1]) / b) if b > 0 else "n/a")' "$A_RATE" "$B_RATE")$( ((B_COMPLETE && P_COMPLETE && !P_OUTLIVED_ATTACK)) || echo " (of delivered-per-second: a run was INCOMPLETE or outlived the attack)")"
if ((P_RSS_CAPPED)); then
    echo "note: the attackers were stopped early: the gateway's RSS passed --max-rss $MAX_RSS MB"
fi
echo "peak RSS baseline:      $(mb "$B_HWM") MB (RSS ${SETTLE}s after the load: $(mb "$B_RSS_AFTER") MB)"
echo "peak RSS under attack:  $(mb "$P_HWM_KB") MB"
echo "RSS ${SETTLE}s after the attack stopped: $(mb "$P_RSS_AFTER_KB") MB"
echo "gateway CPU (user+sys) baseline phase: $B_CPU s; attack phase: $P_CPU s"
echo "postmaster sink got $P_PM_COUNT messages; queue left at the end: $P_QUEUE; 'authentication failed' log lines: $P_AUTH_FAIL_LOGS"
echo "attackers:"
"$PY" "$BENCH_DIR/abuse_clients.py" --summary "$WORK/attack-attack.json"
