#!/usr/bin/env bash
# (d) Postfix as the tenant: a private Postfix instance with
# relayhost = [127.0.0.1]:<sealgate> and smtp_tls_security_level = encrypt
# relays through sealgate to smtp-sink. The Postfix -> sealgate hop must be
# TLS (Postfix's log and sealgate's "with ESMTPS" Received header).
source "$(dirname "$0")/../lib.sh"

read -r SINK SG PF <<<"$(free_ports 3)"
start_smtp_sink sink "$SINK" "$WORK/dump"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"
pf_setup tenant "$PF" "relayhost = [127.0.0.1]:$SG" "smtp_tls_security_level = encrypt"
pf_start tenant "$PF"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run submit --server "127.0.0.1:$PF" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "submission to the tenant Postfix"

f="$(H wait-files "$WORK/dump" '*' 1 60 --contains "END-OF-BODY $tok")" || fail "message from the Postfix tenant never reached the sink via sealgate"
artifact "$f"
H check-message "$WORK/sent.eml" "$f" --received-by gw.test --esmtps --sink-dump || fail "message altered, or sealgate's Received header missing / not ESMTPS"
H check-message "$WORK/sent.eml" "$f" --received-by tenant.test --sink-dump >/dev/null || fail "the tenant Postfix's Received header is missing"
log="$WORK/tenant/maillog"
grep -Eq "TLS connection established to 127\.0\.0\.1\[127\.0\.0\.1\]:$SG" "$log" || fail "Postfix's log shows no TLS connection to sealgate"
grep -Eq "relay=127\.0\.0\.1\[127\.0\.0\.1\]:$SG, .*status=sent" "$log" || fail "Postfix's log shows no status=sent via sealgate"
log "ok: $(grep -E 'TLS connection established to' "$log" | head -1 | sed 's/.*\]: //')"
wait_queue_empty sg 30
[[ "$(pf_queue_count tenant)" == 0 ]] || fail "the tenant Postfix still has queued mail"
log "ok: Postfix tenant -> sealgate (TLS) -> smtp-sink"
