#!/usr/bin/env bash
# DLP scan cost versus message size: `sealgate rules test` on generated
# 1 MiB and 8 MiB messages, (a) clean prose and (b) a PHI-dense list with
# one labelled patient record per line. Prints MB/s and the 8 MiB / 1 MiB
# time ratio (linear scanning gives ~8).
#
# usage: bench/dlp_scale.sh [path/to/sealgate [path/to/baseline-sealgate]]
#   default target/release/sealgate; BASELINE=path works too.
#
# The baseline is any other build to compare with, scanned on the same
# messages in the same run: build the commit to compare against (e.g. the
# one before a speed change) and pass its binary. Its figures are printed in
# the same table, with "x" = baseline time / this time.
#
# Time is the CPU time (user + sys) of the `rules test` process, because
# the figures are per core and wall-clock time on a shared machine includes
# waiting for a core; CLOCK=wall measures wall-clock time instead. The time
# of one message is the slope between a `rules test` of one copy and one of
# k copies (each copy a separate message with its own verdict; k copies
# make TOTAL_MIB, default 256 MiB of clean prose and 64 MiB of the PHI
# list, so that scanning takes about a second against the start-up's
# noise): (t_k - t_1) / (k - 1). The start-up
# (loading and compiling the rules, ~0.5 s, noisy) cancels out instead of
# being measured apart and subtracted, and what is measured is a message
# scanned by a running scanner, as the gateway does. t_1 and t_k are each
# the best of RUNS runs (default 5). The scan budget is raised to 10
# minutes so slow builds are measured instead of stopping at the 10 s
# limit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/target/release/sealgate}")
base=${2:-${BASELINE:-}}
[ -z "$base" ] || base=$(readlink -f "$base")
for b in "$bin" ${base:+"$base"}; do
  [ -x "$b" ] || { echo "not an executable: $b" >&2; exit 2; }
done
runs=${RUNS:-5}
work=${DLP_SCALE_DIR:-$(mktemp -d)}
[ -n "${DLP_SCALE_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
cat > "$work/sealgate.toml" <<TOML
[dlp]
rules_dir = "$root/rules"
[dlp.limits]
max_time_ms = 600000
TOML
# Synthetic test records only; no real patient data.
python3 - "$work" <<'PY'
import sys, random
work = sys.argv[1]
prose = ("Thanks for joining the quality committee meeting in room 4-112. The agenda covers "
         "experience scores, the budget for next year and the new parking rules. Lunch is on "
         "the third floor; bring your badge and your reusable cup. ")
first = ["Maria", "John", "Aiko", "Omar", "Grace", "Luis", "Fatima", "Peter"]
last = ["Lopez", "Smith", "Tanaka", "Haddad", "Okafor", "Novak", "Reyes", "Brown"]
dx = [("E11.9", "type 2 diabetes", "metformin"), ("I10", "hypertension", "lisinopril")]
def ssn(r):
    while True:
        a, g, s = r.randint(1, 665), r.randint(1, 99), r.randint(1, 9999)
        if a not in (123, 78, 219):
            return f"{a:03d}-{g:02d}-{s:04d}"
for mib in (1, 8):
    n = mib << 20
    hdr = "From: a@example.org\r\nTo: b@example.net\r\nSubject: scale\r\nContent-Type: text/plain\r\n\r\n"
    body = []
    size = 0
    while size < n:
        body.append(prose[:-1] + "\r\n"); size += len(prose) + 1
    open(f"{work}/clean-{mib}.eml", "w").write(hdr + "".join(body))
    r = random.Random(mib)
    body = []; size = 0
    while size < n:
        line = (f"Patient: {r.choice(first)} {r.choice(last)}  DOB: {r.randint(1,12):02d}/{r.randint(1,28):02d}/{r.randint(1930,2010)}"
                f"  MRN: {r.randint(0, 99999999):08d}  SSN: {ssn(r)}  Dx: %s %s  Rx: %s\r\n" % r.choice(dx))
        body.append(line); size += len(line)
    open(f"{work}/phi-{mib}.eml", "w").write(hdr + "".join(body))
open(f"{work}/empty.eml", "w").write(hdr + "hello\r\n")
PY
cd "$work"
# One run of binary $1 on message $2, $3 copies (default 1): seconds of CPU
# time (user + sys, from the child's rusage) or, with CLOCK=wall, of
# wall-clock time.
once() {
  python3 - "$CLOCK_KIND" "$work/out" "$1" "$2" "${3:-1}" "$work/sealgate.toml" <<'PY'
import resource, subprocess, sys, time
kind, out, binary, message, copies, config = sys.argv[1:7]
cmd = [binary, "--config", config, "rules", "test"] + [message] * int(copies)
t = time.perf_counter()
with open(out, "w") as f:
    subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.4f" % (wall if kind == "wall" else r.ru_utime + r.ru_stime))
PY
}
CLOCK_KIND=${CLOCK:-cpu}
clock=$([ "$CLOCK_KIND" = wall ] && echo "wall-clock time" || echo "CPU time (user+sys)")
best() { local b=999999 t; for _ in $(seq "$runs"); do t=$(once "$1" "$2" "${3:-1}"); b=$(awk -v a="$b" -v t="$t" 'BEGIN{print (t<a)?t:a}'); done; echo "$b"; }
# Seconds of scanning one copy of message $2 with binary $1, from copies
# making $3 MiB (TOTAL_MIB overrides).
secs() {
  local mib k t1 tk
  mib=$(stat -c %s "$2" | awk '{print int(($1 + 1048575) / 1048576)}')
  k=$(( ${TOTAL_MIB:-$3} / mib ))
  [ "$k" -ge 2 ] || k=2
  t1=$(best "$1" "$2" 1)
  tk=$(best "$1" "$2" "$k")
  awk -v a="$t1" -v b="$tk" -v k="$k" 'BEGIN{d=(b-a)/(k-1); if (d<0.0001) d=0.0001; printf "%.4f", d}'
}
mbs() { awk -v s="$(stat -c %s "$1")" -v t="$2" 'BEGIN{printf "%.1f", s/1e6/t}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b/a}'; }

echo "$clock, best of $runs, per message from 1 and ${TOTAL_MIB:-256 (clean) / 64 (phi)} MiB of copies" >&2
if [ -z "$base" ]; then
  printf '%-6s %6s %9s %9s %10s\n' kind size seconds MB/s 8MiB/1MiB
else
  printf '%-6s %6s %9s %9s %10s | %9s %9s %10s %6s\n' kind size seconds MB/s 8MiB/1MiB \
    base-s base-MB/s 8MiB/1MiB x
fi
for kind in clean phi; do
  total=$([ "$kind" = clean ] && echo 256 || echo 64)
  t1=$(secs "$bin" "$kind-1.eml" "$total"); t8=$(secs "$bin" "$kind-8.eml" "$total")
  head -c 300 "$work/out" | sed -n 1,3p >&2
  if [ -n "$base" ]; then
    b1=$(secs "$base" "$kind-1.eml" "$total"); b8=$(secs "$base" "$kind-8.eml" "$total")
  fi
  for m in 1 8; do
    t=$([ "$m" = 1 ] && echo "$t1" || echo "$t8")
    r=$([ "$m" = 8 ] && ratio "$t1" "$t8" || echo -)
    if [ -z "$base" ]; then
      printf '%-6s %4sMiB %9s %9s %10s\n' "$kind" "$m" "$t" "$(mbs "$kind-$m.eml" "$t")" "$r"
    else
      b=$([ "$m" = 1 ] && echo "$b1" || echo "$b8")
      br=$([ "$m" = 8 ] && ratio "$b1" "$b8" || echo -)
      printf '%-6s %4sMiB %9s %9s %10s | %9s %9s %10s %6s\n' "$kind" "$m" "$t" "$(mbs "$kind-$m.eml" "$t")" "$r" \
        "$b" "$(mbs "$kind-$m.eml" "$b")" "$br" "$(ratio "$t" "$b")"
    fi
  done
done
