#!/usr/bin/env bash
# (c) SMTP AUTH: not advertised and refused before STARTTLS; after STARTTLS a
# wrong password gets 535, the right one lets a client from a non-allowed
# network (127.0.0.2) relay.
source "$(dirname "$0")/../lib.sh"

read -r SINK SG <<<"$(free_ports 2)"
start_aiosmtpd_sink sink "$SINK" "$WORK/mail"
cfg="$(sealgate_config sg "$SG" "$SINK")"
PW='interop-Secret-pw-1'
hash="$(argon2_hash "$PW")"
[[ "$hash" == '$argon2id$'* ]] || fail "argon2 did not produce a PHC string: $hash"
cat >>"$cfg" <<TOML

[[relay.user]]
name = "tenant-relay"
password_hash = '$hash'
TOML
artifact "$cfg"
start_sealgate sg "$SG"

# 1. Cleartext: AUTH must not be advertised, and AUTH PLAIN must be refused.
H auth-plain-cleartext 127.0.0.1 "$SG" tenant-relay "$PW" --source 127.0.0.2 >"$WORK/cleartext.txt" 2>&1 ||
    { artifact "$WORK/cleartext.txt"; fail "AUTH before STARTTLS was not refused"; }
swaks_run noauth-tls --server "127.0.0.1:$SG" --local-interface 127.0.0.2 \
    --auth PLAIN --auth-user tenant-relay --auth-password "$PW" \
    --from sender@tenant.test --to rcpt@sink.test --body "cleartext auth must fail"
[[ $SWAKS_RC == 28 ]] || fail "swaks AUTH PLAIN without TLS: exit $SWAKS_RC, expected 28 (AUTH not offered/refused)"

# 2. After STARTTLS, a wrong password: 535.
swaks_run badpw --server "127.0.0.1:$SG" --local-interface 127.0.0.2 --tls \
    --auth PLAIN --auth-user tenant-relay --auth-password "wrong-$PW" \
    --from sender@tenant.test --to rcpt@sink.test --body "bad password must fail"
grep -Eq '^<[-~] +250[ -]AUTH[ =].*PLAIN' "$WORK/badpw.swaks" || fail "AUTH PLAIN not advertised after STARTTLS"
grep -Eq '^<[*~]\* +535' "$WORK/badpw.swaks" || fail "wrong password was not answered with 535"
[[ $SWAKS_RC == 28 ]] || fail "wrong password: swaks exit $SWAKS_RC, expected 28 (AUTH failed)"

# 3. After STARTTLS, the right password relays from 127.0.0.2.
tok="$(new_token)"
write_test_message "$WORK/sent.eml" "$tok"
swaks_run goodpw --server "127.0.0.1:$SG" --local-interface 127.0.0.2 --tls \
    --auth PLAIN --auth-user tenant-relay --auth-password "$PW" \
    --from sender@tenant.test --to rcpt@sink.test --data "@$WORK/sent.eml.swaks"
swaks_expect_ok "AUTH PLAIN after STARTTLS with the right password"
grep -Eq '^<[-~] +235' "$WORK/goodpw.swaks" || fail "no 235 after AUTH PLAIN with the right password"
f="$(H wait-files "$WORK/mail" 'msg-*.eml' 1 30 --contains "END-OF-BODY $tok")" || fail "authenticated message never arrived"
H check-message "$WORK/sent.eml" "$f" --received-by gw.test --esmtps || fail "authenticated message altered"
wait_queue_empty sg 30
n="$(ls "$WORK/mail" | grep -c '^msg-' || true)"
[[ "$n" == 1 ]] || fail "the sink holds $n messages, expected only the authenticated one"
if grep -qF -- "$PW" "$WORK/sg.err"; then fail "the password appears in sealgate's log"; fi
log "ok: AUTH only after TLS; 535 on a wrong password; authenticated relay delivered"
