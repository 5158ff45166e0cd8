#!/usr/bin/env bash
# Interop suite for sealgate: real swaks, Postfix and aiosmtpd against the
# release binary, on loopback only.
#
#   bash tests/interop/run.sh [PATTERN...]     # all checks, or those whose file name contains a PATTERN
#
# Environment: SEALGATE_BIN (default target/release/sealgate), CHECK_TIMEOUT
# (seconds per check, default 180), KEEP_TMP=1 (keep every check's temp dir).
# Each check is one script in checks/, run in its own temp dir on its own free
# ports; a failing check prints why and the tails of its logs. The last line
# is "N passed, N failed"; the exit status is non-zero if any check failed.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CHECK_TIMEOUT="${CHECK_TIMEOUT:-180}"
export SEALGATE_BIN="${SEALGATE_BIN:-$(cd "$HERE/../.." && pwd)/target/release/sealgate}"

if [[ $EUID -ne 0 ]]; then
    echo "run.sh: must run as root (private Postfix instances and smtp-sink need it)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

checks=()
for f in "$HERE"/checks/*.sh; do
    name="$(basename "$f" .sh)"
    if (($# > 0)); then
        keep=0
        for p in "$@"; do [[ "$name" == *"$p"* ]] && keep=1; done
        ((keep)) || continue
    fi
    checks+=("$f")
done
if ((${#checks[@]} == 0)); then
    echo "run.sh: no checks selected" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

echo "sealgate interop: ${#checks[@]} checks; SEALGATE_BIN=$SEALGATE_BIN"
if [[ -x "$SEALGATE_BIN" ]]; then
    if ver="$("$SEALGATE_BIN" --version 2>/dev/null)"; then
        echo "sealgate: ${ver%%$'\n'*}"
    else
        echo "sealgate: (no --version output)"
    fi
else
    echo "warning: $SEALGATE_BIN is missing; the sealgate checks will fail" >&2
fi

passed=0
failed=0
failed_names=()
logdir="$(mktemp -d "${TMPDIR:-/tmp}/sealgate-interop-logs.XXXXXX")"
for f in "${checks[@]}"; do
    name="$(basename "$f" .sh)"
    out="$logdir/$name.log"
    start=$SECONDS
    # timeout signals the whole process group: the check's EXIT trap stops
    # what it started (Postfix instances included).
    timeout -k 20 "$CHECK_TIMEOUT" bash "$f" </dev/null >"$out" 2>&1
    rc=$?
    dur=$((SECONDS - start))
    if [[ $rc -eq 0 ]]; then
        passed=$((passed + 1))
        printf 'PASS  %-40s %3ss  %s\n' "$name" "$dur" "$(grep -E '^\[[0-9:]+\] ok: ' "$out" | tail -1 | sed -E 's/^\[[0-9:]+\] //')"
    else
        failed=$((failed + 1))
        failed_names+=("$name")
        why="exit $rc"
        [[ $rc -eq 124 || $rc -eq 137 ]] && why="timed out after ${CHECK_TIMEOUT}s"
        printf 'FAIL  %-40s %3ss  (%s)\n' "$name" "$dur" "$why"
        sed 's/^/    | /' "$out" | tail -n 80
    fi
done

((failed == 0)) && rm -rf "$logdir" || echo "check logs kept in $logdir"
((failed > 0)) && echo "failed: ${failed_names[*]}"
echo "$passed passed, $failed failed"
((failed == 0))
