#!/usr/bin/env bash
# (e3) default_tls = "may": when the next hop (an aiosmtpd sink with a
# self-signed certificate) offers STARTTLS, sealgate uses it.
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
self_signed_cert "$WORK" sink.test
start_aiosmtpd_sink sink "$SINK" "$WORK/mail" "$WORK/sink.test.crt" "$WORK/sink.test.key"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run relay --server "127.0.0.1:$SG" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "relay"
f="$(H wait-files "$WORK/mail" 'msg-*.eml' 1 30 --contains "END-OF-BODY $tok")" || fail "message never reached the TLS-capable sink"
artifact "$f"
grep -q '^X-Sink-TLS: yes' "$f" || fail "sealgate delivered without STARTTLS although the next hop offered it (default_tls = may)"
wait_queue_empty sg 30
log "ok: opportunistic STARTTLS used towards the next hop"
