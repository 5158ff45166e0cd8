#!/usr/bin/env bash
# (b) No open relay: a client from 127.0.0.2 (not in allowed_networks =
# 127.0.0.1/32), without AUTH, gets 550 5.7.1 at RCPT, with and without
# STARTTLS; nothing is queued and nothing reaches the sink (checked after a
# control message from an allowed address has arrived).
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
start_aiosmtpd_sink sink "$SINK" "$WORK/mail"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"

expect_relay_denied() { # NAME [swaks args...]
    local name=$1
    shift
    swaks_run "$name" --server "127.0.0.1:$SG" --local-interface 127.0.0.2 \
        --from sender@tenant.test --to rcpt@sink.test --body "must not be relayed $name" "$@"
    case $SWAKS_RC in
    24) ;;
    0) fail "$name: relay from 127.0.0.2 was ACCEPTED (open relay)" ;;
    23) fail "$name: refused at MAIL FROM, expected the refusal at RCPT TO" ;;
    *) fail "$name: swaks exit $SWAKS_RC, expected 24 (RCPT refused)" ;;
    esac
    grep -Eq '^<[*~]\* +550[ -]5\.7\.1' "$WORK/$name.swaks" || fail "$name: RCPT was refused, but not with '550 5.7.1'"
    log "ok: $name: $(grep -E '^<[*~]\* +5' "$WORK/$name.swaks" | head -1)"
}
expect_relay_denied plain
expect_relay_denied starttls --tls
grep -q '^=== TLS started' "$WORK/starttls.swaks" || fail "starttls: swaks did not negotiate TLS"

# Also a recipient in a domain with no route (the classic open-relay probe).
swaks_run other --server "127.0.0.1:$SG" --local-interface 127.0.0.2 \
    --from sender@tenant.test --to victim@elsewhere.test --body "probe"
[[ $SWAKS_RC == 24 ]] || fail "relay to elsewhere.test from 127.0.0.2: swaks exit $SWAKS_RC, expected 24"

# Control: an allowed client's message arrives; after it, the sink must hold
# only that one message.
tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run control --server "127.0.0.1:$SG" --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "control message from 127.0.0.1"
H wait-files "$WORK/mail" 'msg-*.eml' 1 30 --contains "END-OF-BODY $tok" >/dev/null || fail "control message never arrived"
wait_queue_empty sg 30
n="$(ls "$WORK/mail" | grep -c '^msg-' || true)"
[[ "$n" == 1 ]] || fail "the sink holds $n messages; only the control message should have arrived"
if grep -l 'must not be relayed' "$WORK"/mail/msg-*.eml >/dev/null 2>&1; then fail "a refused message reached the sink"; fi
log "ok: unlisted network refused at RCPT with 550 5.7.1; nothing relayed"
