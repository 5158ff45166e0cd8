#!/usr/bin/env bash
# (a) swaks -> sealgate over STARTTLS -> smtp-sink. The message arrives with
# envelope and body intact under a Received header by gw.test "with ESMTPS",
# and sealgate's queue becomes empty.
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
start_smtp_sink sink "$SINK" "$WORK/dump"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run relay --server "127.0.0.1:$SG" --tls \
    --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "STARTTLS relay"
grep -q '^=== TLS started' "$WORK/relay.swaks" || fail "swaks did not report 'TLS started'"

f="$(H wait-files "$WORK/dump" '*' 1 30 --contains "END-OF-BODY $tok")" || fail "relayed message never reached smtp-sink"
artifact "$f"
grep -Eq '^X-Mail-Args: <sender@tenant\.test>( |$)' "$f" || fail "envelope sender changed at the sink"
grep -Eq '^X-Rcpt-Args: <rcpt@sink\.test>( |$)' "$f" || fail "envelope recipient changed at the sink"
H check-message "$WORK/sent.eml" "$f" --received-by gw.test --esmtps --sink-dump || fail "message altered or missing sealgate's Received header"
wait_queue_empty sg 30
n="$(ls "$WORK/dump" | wc -l)"
[[ "$n" == 1 ]] || fail "expected exactly 1 message at the sink, found $n"
log "ok: STARTTLS relay delivered intact, queue empty"
