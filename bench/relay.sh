#!/usr/bin/env bash
# Relay benchmark: Postfix's smtp-source sends M messages of L bytes over S
# parallel sessions through a relay to Postfix's smtp-sink; the same load goes
# through a stock Postfix relay and through sealgate, in the same run, on the
# same machine. The clock runs from the moment smtp-source starts until the
# SINK has counted all M messages (relays queue: what counts is delivery).
#
#   bash bench/relay.sh [--runs N] [--messages M] [--sessions S] [--size L]
#                       [--reuse] [--only postfix|sealgate|sealgate-bare]
#                       [--timeout SECS] [--message FILE] [--settle SECS]
#                       [--breakdown] [--scratch-fs]
#
# Defaults: 1 run, 2000 messages, 20 sessions, 20480 bytes, a new connection
# per message (smtp-source's default; --reuse sends all of a session's
# messages over one connection, smtp-source -d). --message FILE sends FILE
# as every message instead of smtp-source's filler (smtp-source -F), e.g.
# bench/data/realistic.eml: an HTML body with a logo, a DOCX and a PDF, which
# sealgate's DLP must take apart. With --runs N the systems alternate (in
# reverse order every other run) and the median of each is reported.
# --settle SECS (default 6) is the pause before each measurement; see the
# comment at the end of measure(). --breakdown adds two more systems,
# sealgate-dkim (signing, no audit log) and sealgate-audit (audit log, no
# signing), so the cost of each is reported apart.
# --scratch-fs (root only) puts the work dirs — sealgate's spool and audit
# log, Postfix's queue — on a fresh ext4 file system (journal, defaults) in
# a loop-mounted image, unmounted and deleted at the end. Use it for figures
# you mean to compare: on ext4 *without* a journal (some VM images' root
# file system) the inode allocator skips every inode freed in the last
# 60-300 s, so each new queue file costs more the more files earlier runs
# deleted, and runs of the same binary differed by up to 40%.
# Prints per-run lines and a final block:
#   postfix: 512.3 msg/s
#   sealgate: 801.0 msg/s
#   sealgate-bare: 830.0 msg/s
#   ratio: 1.56            (sealgate / postfix)
#   signing+audit cost: 3.5%   (1 - sealgate / sealgate-bare)
#   signing+audit cost per run: 2.1% 5.0% 3.9%; median 3.9%   (with --runs N)
#   relay CPU per message: sealgate 700 µs, sealgate-bare 650 µs; signing+audit CPU cost: 7.7%
#
# `sealgate` is the whole pipeline: DLP scan, DKIM signing (an Ed25519 key
# for the sender domain, made by `sealgate dkim keygen`) and the signed
# audit log with its fsync before every 250. `sealgate-bare` is the same
# without DKIM keys and with `[audit] enabled = false`, so the difference
# is what signing and auditing cost.
#
# sealgate's config template (tests/interop/sealgate.toml.in) ends with its
# [audit] table, so a line appended to it lands in [audit].
#
# The Postfix peer is stock Postfix 3.x (tests/interop/postfix/*.in: its own
# instance, no chroot, log to a file because containers have no syslog) plus
# mynetworks = 127.0.0.0/8, relayhost = [127.0.0.1]:<sink>,
# smtp_tls_security_level = may. It queues every message (fsynced) and
# delivers it with its smtp client, exactly like sealgate must. sealgate runs
# from SEALGATE_BIN (default target/release/sealgate) with
# tests/interop/sealgate.toml.in. Loopback only.
if [[ " $* " == *" --scratch-fs "* && -z "${SEALGATE_BENCH_SCRATCH:-}" ]]; then
    # Mount, run this script again with its work dir there, clean up.
    ((EUID == 0)) || { echo "relay.sh: --scratch-fs needs root (it mounts a loop image)" >&2; exit 2; }
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/sealgate-benchfs.XXXXXX")"
    if ! { truncate -s 4G "$scratch.img" && mkfs.ext4 -q -F "$scratch.img" && mount -o loop "$scratch.img" "$scratch"; }; then
        rm -rf "$scratch" "$scratch.img"
        echo "relay.sh: --scratch-fs: could not make and mount an ext4 image" >&2
        exit 2
    fi
    chmod 755 "$scratch"
    SEALGATE_BENCH_SCRATCH="$scratch" TMPDIR="$scratch" bash "$0" "$@" &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null' TERM INT
    while true; do
        wait "$child"
        rc=$?
        kill -0 "$child" 2>/dev/null || break
    done
    umount "$scratch" && rm -rf "$scratch" "$scratch.img"
    exit "$rc"
fi
WORK_PREFIX=bench
source "$(dirname "$0")/../tests/interop/lib.sh"

RUNS=1 MESSAGES=2000 SESSIONS=20 SIZE=20480 REUSE=0 ONLY="" TIMEOUT=300 MESSAGE="" SETTLE=6 BREAKDOWN=0
while (($#)); do
    case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --messages) MESSAGES=$2; shift 2 ;;
    --sessions) SESSIONS=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --reuse) REUSE=1; shift ;;
    --only) ONLY=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --message) MESSAGE=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --breakdown) BREAKDOWN=1; shift ;;
    --scratch-fs) shift ;; # handled above, before the work dir was made
    -h | --help) sed -n '2,55p' "$0"; exit 0 ;;
    *) fail "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$SETTLE" =~ ^[0-9]+$ && "$RUNS" =~ ^[1-9][0-9]*$ && "$MESSAGES" =~ ^[1-9][0-9]*$ && "$SESSIONS" =~ ^[1-9][0-9]*$ && "$SIZE" =~ ^[0-9]+$ ]] || fail "numeric arguments expected"
case $ONLY in "" | postfix | sealgate | sealgate-bare | sealgate-dkim | sealgate-audit) ;; *) fail "--only takes postfix, sealgate, sealgate-bare, sealgate-dkim or sealgate-audit" ;; esac
if [[ -n "$MESSAGE" ]]; then
    [[ -r "$MESSAGE" ]] || fail "--message $MESSAGE: not a readable file"
    MESSAGE="$(realpath "$MESSAGE")"
    SIZE=$(stat -c %s "$MESSAGE")
fi
need smtp-source smtp-sink postfix postconf
systems=()
[[ -z "$ONLY" || "$ONLY" == postfix ]] && systems+=(postfix)
[[ -z "$ONLY" || "$ONLY" == sealgate ]] && systems+=(sealgate)
[[ -z "$ONLY" || "$ONLY" == sealgate-bare ]] && systems+=(sealgate-bare)
if ((BREAKDOWN)) || [[ "$ONLY" == sealgate-dkim || "$ONLY" == sealgate-audit ]]; then
    [[ -z "$ONLY" || "$ONLY" == sealgate-dkim ]] && systems+=(sealgate-dkim)
    [[ -z "$ONLY" || "$ONLY" == sealgate-audit ]] && systems+=(sealgate-audit)
fi
[[ " ${systems[*]} " == *" sealgate"* ]] && check_sealgate_bin

# measure SYSTEM RUN: sets SECS_SINK (smtp-source start -> sink counted all)
# and SECS_SOURCE (smtp-source start -> smtp-source done: acceptance time).
# Runs in the main shell so the cleanup trap knows every process it starts.
measure() {
    local sys=$1 run=$2 tag="$1-$2" sink relay t0 t1 t2 rc end count
    read -r sink relay <<<"$(free_ports 2)"
    start_smtp_sink "sink-$tag" "$sink"
    local sink_pid=$SINK_PID
    local sinklog="$WORK/sink-$tag.out"
    artifact "$sinklog"
    case $sys in
    postfix)
        pf_setup "pf-$tag" "$relay" "relayhost = [127.0.0.1]:$sink" "smtp_tls_security_level = may"
        pf_start "pf-$tag" "$relay"
        ;;
    sealgate*)
        local cfg audit=on dkim=on
        cfg="$(sealgate_config "sg-$tag" "$relay" "$sink")"
        case $sys in
        sealgate-bare) audit=off dkim=off ;;
        sealgate-dkim) audit=off ;;
        sealgate-audit) dkim=off ;;
        esac
        # First, while the template's [audit] table is still the last one.
        [[ $audit == off ]] && printf 'enabled = false\n' >>"$cfg"
        if [[ $dkim == on ]]; then
            "$SEALGATE_BIN" --config "$cfg" dkim keygen --domain tenant.test --selector bench >/dev/null 2>&1
            printf '\n[[dkim.key]]\ndomain = "tenant.test"\nselector = "bench"\nkey = "var/dkim/tenant.test.bench.key"\n' >>"$cfg"
        fi
        start_sealgate "sg-$tag" "$relay"
        ;;
    esac
    local cpu0=""
    [[ $sys == sealgate* ]] && cpu0="$(cpu_ticks "$SEALGATE_PID")"
    local src_args=(-s "$SESSIONS" -m "$MESSAGES" -f sender@tenant.test -t rcpt@sink.test -M tenant.test)
    ((REUSE)) && src_args+=(-d)
    # smtp-source takes either its filler of -l bytes or a prepared file.
    if [[ -n "$MESSAGE" ]]; then src_args+=(-F "$MESSAGE"); else src_args+=(-l "$SIZE"); fi
    artifact "$WORK/source-$tag.err"
    t0=$EPOCHREALTIME
    start_bg "source-$tag" bash -c 'timeout -k 5 "$1" smtp-source "${@:3}"; rc=$?; echo "$EPOCHREALTIME" >"$2"; exit $rc' \
        _ "$TIMEOUT" "$WORK/source-$tag.done" "${src_args[@]}" "127.0.0.1:$relay"
    local src_pid=$BG_PID
    if ! t1="$(H wait-sink-count "$sinklog" "$MESSAGES" "$TIMEOUT")"; then
        fail "$sys run $run: the sink did not receive $MESSAGES messages within ${TIMEOUT}s (sink count: $(H sink-count "$sinklog"))"
    fi
    set +e
    wait "$src_pid"
    rc=$?
    set -e
    forget_pid "$src_pid"
    [[ $rc -eq 0 ]] || fail "$sys run $run: smtp-source exited $rc"
    t2="$(<"$WORK/source-$tag.done")"
    # The relay's queue must drain, and the sink must see no duplicates.
    end=$((SECONDS + 60))
    case $sys in
    postfix)
        while [[ "$(pf_queue_count "pf-$tag")" != 0 ]]; do
            ((SECONDS < end)) || fail "postfix run $run: queue not empty 60 s after the sink got all messages"
            sleep 0.1
        done
        ;;
    sealgate*) wait_queue_empty "sg-$tag" 60 ;;
    esac
    count="$(H sink-count "$sinklog")"
    [[ "$count" == "$MESSAGES" ]] || fail "$sys run $run: the sink counted $count messages, expected $MESSAGES (duplicates?)"
    CPU_US=""
    if [[ -n "$cpu0" ]]; then
        # CPU time (user + sys, all threads) the relay spent on this run's
        # messages: start-up excluded, queue drained. Per message, in µs.
        CPU_US="$("$PY" -c 'import os,sys; print("%.0f" % ((int(sys.argv[2]) - int(sys.argv[1])) * 1e6 / os.sysconf("SC_CLK_TCK") / int(sys.argv[3])))' "$cpu0" "$(cpu_ticks "$SEALGATE_PID")" "$MESSAGES")"
    fi
    # Stop this run's relay and sink before the next measurement.
    case $sys in
    postfix) pf_stop "pf-$tag" ;;
    sealgate*) stop_pid "$SEALGATE_PID" 30 ;;
    esac
    stop_pid "$sink_pid" 10
    # What this run left to write back (Postfix's queue files, sealgate's
    # spool and log) is written now, not during the next system's run.
    sync
    # ext4 without a journal (as on our CI machines: no jbd2) will not
    # reuse an inode freed in the last 5 s (300 s while its inode table
    # block is dirty, hence the sync), and scans past each such inode when
    # it allocates one: a run that starts right after another's 10,000
    # deleted spool or queue files pays for them. Wait them out, so each
    # system pays only for its own.
    sleep "$SETTLE"
    SECS_SINK="$("$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$t1")"
    SECS_SOURCE="$("$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$t2")"
}

# cpu_ticks PID: user + system clock ticks of every thread of PID so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

median() { "$PY" -c 'import sys,statistics; print("%.1f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
rate() { "$PY" -c 'import sys; print("%.1f" % (float(sys.argv[1])/float(sys.argv[2])))' "$1" "$2"; }

echo "== relay benchmark: $MESSAGES messages x $SIZE bytes${MESSAGE:+ ($(basename "$MESSAGE"))}, $SESSIONS sessions$( ((REUSE)) && echo ', connection reuse'), $RUNS run(s), $(nproc) cores =="
echo "postfix $(postconf -d -h mail_version 2>/dev/null); sealgate: $SEALGATE_BIN"
echo "work dir: $WORK ($(df -T "$WORK" | awk 'NR == 2 { print $2 " on " $1 }')${SEALGATE_BENCH_SCRATCH:+, fresh image})"
declare -A RATES CPUS
sync
sleep "$SETTLE" # whatever ran before this script: see measure's end
for ((run = 1; run <= RUNS; run++)); do
    # Every other run goes in the reverse order, so that no system is always
    # the one measured right after another (a disk still writing back).
    order=("${systems[@]}")
    if ((run % 2 == 0)); then
        order=()
        for ((i = ${#systems[@]} - 1; i >= 0; i--)); do order+=("${systems[i]}"); done
    fi
    for sys in "${order[@]}"; do
        measure "$sys" "$run"
        r="$(rate "$MESSAGES" "$SECS_SINK")"
        RATES[$sys]+="$r "
        [[ -n "$CPU_US" ]] && CPUS[$sys]+="$CPU_US "
        printf 'run %d: %-8s %d messages reached the sink in %s s = %s msg/s (smtp-source finished after %s s)%s\n' \
            "$run" "$sys" "$MESSAGES" "$SECS_SINK" "$r" "$SECS_SOURCE" "${CPU_US:+; relay CPU $CPU_US µs/message}"
    done
done

echo "---- result$( ((RUNS > 1)) && echo " (median of $RUNS runs)") ----"
declare -A MED
for sys in "${systems[@]}"; do
    # shellcheck disable=SC2086
    MED[$sys]="$(median ${RATES[$sys]})"
    echo "$sys: ${MED[$sys]} msg/s"
done
if [[ -n "${MED[postfix]:-}" && -n "${MED[sealgate]:-}" ]]; then
    echo "ratio: $("$PY" -c 'import sys; print("%.2f" % (float(sys.argv[1])/float(sys.argv[2])))' "${MED[sealgate]}" "${MED[postfix]}")"
fi
if [[ -n "${MED[sealgate]:-}" && -n "${MED[sealgate-bare]:-}" ]]; then
    echo "signing+audit cost: $("$PY" -c 'import sys; print("%.1f%%" % (100 * (1 - float(sys.argv[1]) / float(sys.argv[2]))))' "${MED[sealgate]}" "${MED[sealgate-bare]}")"
fi
if ((RUNS > 1)) && [[ -n "${MED[sealgate]:-}" && -n "${MED[sealgate-bare]:-}" ]]; then
    # Each run measures the two back to back, so a run's pair shares the
    # machine's mood of the moment: the median of the pairs' costs.
    # shellcheck disable=SC2086
    echo "signing+audit cost per run: $("$PY" -c '
import statistics, sys
full, bare = (list(map(float, a.split())) for a in sys.argv[1:3])
costs = [100 * (1 - f / b) for f, b in zip(full, bare)]
print(" ".join("%.1f%%" % c for c in costs) + "; median %.1f%%" % statistics.median(costs))' "${RATES[sealgate]}" "${RATES[sealgate-bare]}")"
fi
if [[ -n "${CPUS[sealgate]:-}" && -n "${CPUS[sealgate-bare]:-}" ]]; then
    # Less exposed to a shared machine's noise than throughput: the relay's
    # own CPU time per message, with and without signing and auditing.
    # shellcheck disable=SC2086
    cpu_s="$(median ${CPUS[sealgate]})" cpu_b="$(median ${CPUS[sealgate-bare]})"
    echo "relay CPU per message: sealgate $cpu_s µs, sealgate-bare $cpu_b µs; signing+audit CPU cost: $("$PY" -c 'import sys; print("%.1f%%" % (100 * (float(sys.argv[1]) / float(sys.argv[2]) - 1)))' "$cpu_s" "$cpu_b")"
fi
for part in dkim audit; do
    if [[ -n "${MED[sealgate-$part]:-}" && -n "${MED[sealgate-bare]:-}" ]]; then
        # shellcheck disable=SC2086
        echo "$part alone: cost $("$PY" -c 'import sys; print("%.1f%%" % (100 * (1 - float(sys.argv[1]) / float(sys.argv[2]))))' "${MED[sealgate-$part]}" "${MED[sealgate-bare]}")${CPUS[sealgate-$part]:+, relay CPU $(median ${CPUS[sealgate-$part]}) µs/message}"
    fi
done
