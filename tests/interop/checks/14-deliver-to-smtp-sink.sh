#!/usr/bin/env bash
# (e1) sealgate delivers to Postfix's smtp-sink as the final destination:
# two recipients of one domain, plaintext inbound (allowed network).
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
start_smtp_sink sink "$SINK" "$WORK/dump"
sealgate_config sg "$SG" "$SINK" >/dev/null
start_sealgate sg "$SG"

tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run relay --server "127.0.0.1:$SG" --from sender@tenant.test \
    --to rcpt@sink.test,second@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "relay with two recipients"
H wait-files "$WORK/dump" '*' 1 30 --contains "END-OF-BODY $tok" >/dev/null || fail "message never reached smtp-sink"
# Wait until both recipients are seen (one transaction or two).
end=$((SECONDS + 30))
while :; do
    mapfile -t files < <(sink_files_with "END-OF-BODY $tok" "$WORK/dump" '*')
    rcpts="$(cat "${files[@]}" </dev/null | grep -E '^X-Rcpt-Args:' | sed -E 's/^X-Rcpt-Args: <([^>]*)>.*/\1/' | sort | tr '\n' ' ' || true)"
    [[ "$rcpts" == "rcpt@sink.test second@sink.test " ]] && break
    ((SECONDS < end)) || fail "smtp-sink got recipients [$rcpts], expected rcpt@sink.test and second@sink.test once each"
    sleep 0.1
done
for f in "${files[@]}"; do
    H check-message "$WORK/sent.eml" "$f" --received-by gw.test --sink-dump || fail "message altered at smtp-sink"
    grep -q '^X-Client-Proto: ESMTP' "$f" || fail "sealgate did not use ESMTP (EHLO) towards smtp-sink"
done
wait_queue_empty sg 30
log "ok: delivered to smtp-sink in ${#files[@]} transaction(s) for 2 recipients"
