#!/usr/bin/env bash
# Harness self-test (no sealgate): swaks -> private Postfix instance ->
# smtp-sink. If this fails, the environment (Postfix, swaks, the helpers) is
# broken, not sealgate.
source "$(dirname "$0")/../lib.sh"

read -r SINK PF <<<"$(free_ports 2)"
start_smtp_sink sink "$SINK" "$WORK/dump"
pf_setup tenant "$PF" "relayhost = [127.0.0.1]:$SINK" "smtp_tls_security_level = may"
pf_start tenant "$PF"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run submit --server "127.0.0.1:$PF" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
[[ $SWAKS_RC == 0 ]] || fail "swaks could not submit to the Postfix instance (swaks exit $SWAKS_RC)"

f="$(H wait-files "$WORK/dump" '*' 1 30 --contains "END-OF-BODY $tok")" || fail "message never reached smtp-sink through Postfix"
H check-message "$WORK/sent.eml" "$f" --received-by tenant.test --sink-dump || fail "message arrived altered"
log "ok: Postfix relayed the message to smtp-sink intact"
