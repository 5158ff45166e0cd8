#!/usr/bin/env bash
# Harness self-test (no sealgate): swaks -> aiosmtpd sink, byte for byte.
source "$(dirname "$0")/../lib.sh"

read -r SINK <<<"$(free_ports 1)"
start_aiosmtpd_sink sink "$SINK" "$WORK/mail"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run direct --server "127.0.0.1:$SINK" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
[[ $SWAKS_RC == 0 ]] || fail "swaks could not deliver to the aiosmtpd sink (swaks exit $SWAKS_RC)"
f="$(H wait-files "$WORK/mail" 'msg-*.eml' 1 15 --contains "END-OF-BODY $tok")" || fail "message not stored by the aiosmtpd sink"
H check-message "$WORK/sent.eml" "$f" || fail "swaks -> aiosmtpd altered the message"
log "ok: aiosmtpd sink stored the message byte for byte"
