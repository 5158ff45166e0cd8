#!/usr/bin/env bash
# DLP scan cost versus message size: `sealgate rules test` on generated
# 1 MiB and 8 MiB messages, (a) clean prose and (b) a PHI-dense list with
# one labelled patient record per line. Prints MB/s and the 8 MiB / 1 MiB
# time ratio (linear scanning gives ~8).
#
# usage: bench/dlp_scale.sh [path/to/sealgate]   (default target/release/sealgate)
# The scan budget is raised to 10 minutes so the quadratic baseline can be
# measured instead of stopping at the 10 s limit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/sealgate}
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
# Best of three wall-clock runs, minus the start-up cost (loading and
# compiling the rules, measured on a one-line message).
once() { local t0 t1; t0=$(date +%s.%N); "$bin" --config "$work/sealgate.toml" rules test "$1" > "$work/out" 2>&1 || true; t1=$(date +%s.%N); echo "$t0 $t1" | awk '{printf "%.4f", $2-$1}'; }
best() { local b=999999 t; for _ in 1 2 3; do t=$(once "$1"); b=$(awk -v a="$b" -v t="$t" 'BEGIN{print (t<a)?t:a}'); done; echo "$b"; }
startup=$(best empty.eml)
secs() { awk -v t="$(best "$1")" -v s="$startup" 'BEGIN{d=t-s; if (d<0.001) d=0.001; printf "%.3f", d}'; }
echo "start-up (rules load) ${startup}s, subtracted below" >&2
printf '%-6s %8s %10s %10s %12s\n' kind size seconds MB/s 8MiB/1MiB
for kind in clean phi; do
  t1=$(secs "$kind-1.eml"); t8=$(secs "$kind-8.eml")
  for m in 1 8; do
    t=$([ $m = 1 ] && echo "$t1" || echo "$t8")
    sz=$(stat -c %s "$kind-$m.eml")
    printf '%-6s %6sMiB %10s %10s %12s\n' "$kind" "$m" "$t" "$(awk -v s="$sz" -v t="$t" 'BEGIN{printf "%.1f", s/1e6/t}')" \
      "$([ $m = 8 ] && awk -v a="$t1" -v b="$t8" 'BEGIN{printf "%.1f", b/a}' || echo -)"
  done
  head -c 300 "$work/out" | sed -n 1,3p >&2
done
