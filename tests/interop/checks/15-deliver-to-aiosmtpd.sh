#!/usr/bin/env bash
# (e2) sealgate delivers to an aiosmtpd sink as the final destination; the
# message arrives byte for byte apart from the headers sealgate adds on top.
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
start_aiosmtpd_sink sink "$SINK" "$WORK/mail"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run relay --server "127.0.0.1:$SG" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "relay to the aiosmtpd sink"
f="$(H wait-files "$WORK/mail" 'msg-*.eml' 1 30 --contains "END-OF-BODY $tok")" || fail "message never reached the aiosmtpd sink"
artifact "$f"
grep -q '^X-Sink-Mail-From: <sender@tenant.test>' "$f" || fail "envelope sender changed"
grep -q '^X-Sink-Rcpt-To: <rcpt@sink.test>' "$f" || fail "envelope recipient changed"
# Strip the sink's own X-Sink-* lines, then compare.
grep -v '^X-Sink-' "$f" >"$WORK/received.eml"
H check-message "$WORK/sent.eml" "$WORK/received.eml" --received-by gw.test || fail "message altered on the way to the aiosmtpd sink"
wait_queue_empty sg 30
log "ok: aiosmtpd sink got the message intact"
