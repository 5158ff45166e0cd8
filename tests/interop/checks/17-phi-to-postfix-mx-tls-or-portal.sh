#!/usr/bin/env bash
# (f) PHI to Postfix as the recipient MX, with and without TLS. Two private
# Postfix instances are final destinations (virtual mailboxes in $WORK):
#   A  tls-partner.test    STARTTLS with a certificate for mx.tls-partner.test
#                          from a test CA that sealgate trusts through ca_file
#   B  plain-partner.test  no TLS at all
# One PHI message (the corpus referral the shipped rules mark secure) to a
# recipient at each: A gets it over verified TLS 1.3 (Postfix's log, the
# audit event: tls_verified = pkix, the certificate's hash), B gets nothing
# and its recipient is handed to the portal (queue show, audit event).
# Then, after a SIGHUP with a wrong tls_name on A's route, a second PHI
# message to A is handed to the portal too: a certificate that chains but
# names another host is not good enough.
source "$(dirname "$0")/../lib.sh"
need openssl

read -r PFA PFB SG DSN <<<"$(free_ports 4)"

# ------------------------------------------------------------------ PKI
PKI="$WORK/pki"
mkdir -p "$PKI"
chmod 755 "$PKI"
test_ca "$PKI"
ca_signed_cert "$PKI" mx.tls-partner.test
MX_CERT_SHA256="$(openssl x509 -in "$PKI/mx.tls-partner.test.crt" -outform DER | sha256sum | cut -d' ' -f1)"

# ---------------------------------------------------- the partners' MXes
# partner_mx NAME PORT DOMAIN [main.cf settings...]: a private Postfix that
# is the final destination for DOMAIN; rcpt@DOMAIN lands in the Maildir
# $WORK/NAME/mail/rcpt/ (delivered by virtual(8) as nobody).
partner_mx() {
    local name=$1 port=$2 domain=$3
    shift 3
    mkdir -p "$WORK/$name/mail"
    chown nobody:nogroup "$WORK/$name/mail"
    pf_setup "$name" "$port" \
        "myhostname = mx.$domain" \
        "virtual_mailbox_domains = $domain" \
        "virtual_mailbox_base = $WORK/$name/mail" \
        "virtual_mailbox_maps = inline:{ rcpt@$domain=rcpt/ }" \
        "virtual_uid_maps = static:$(id -u nobody)" \
        "virtual_gid_maps = static:$(id -g nobody)" \
        "$@"
    pf_start "$name" "$port"
}

partner_mx pfa "$PFA" tls-partner.test \
    "smtpd_tls_security_level = may" \
    "smtpd_tls_chain_files = $PKI/mx.tls-partner.test.key, $PKI/mx.tls-partner.test.crt" \
    "smtpd_tls_protocols = >=TLSv1.2" \
    "smtpd_tls_loglevel = 1"
partner_mx pfb "$PFB" plain-partner.test "smtpd_tls_security_level = none"
LOGA="$WORK/pfa/maillog"
LOGB="$WORK/pfb/maillog"

# The premise: A offers STARTTLS, B does not. Once these probes' sessions
# are in the logs, every later session is sealgate's.
# (Whole output first: grep -q closing the pipe early would fail it under pipefail.)
ehlo_a="$(H ehlo 127.0.0.1 "$PFA")" || fail "EHLO to Postfix A failed"
ehlo_b="$(H ehlo 127.0.0.1 "$PFB")" || fail "EHLO to Postfix B failed"
grep -qx STARTTLS <<<"$ehlo_a" || fail "Postfix A does not advertise STARTTLS: $ehlo_a"
if grep -qx STARTTLS <<<"$ehlo_b"; then fail "Postfix B advertises STARTTLS; it must have no TLS"; fi
wait_until 30 "Postfix A never logged the EHLO probe's session" grep -q 'disconnect from .* ehlo=1 quit=1 commands=2' "$LOGA"
wait_until 30 "Postfix B never logged the EHLO probe's session" grep -q 'disconnect from .* ehlo=1 quit=1 commands=2' "$LOGB"
logb_before="$(wc -l <"$LOGB")"

# ------------------------------------------------------------- sealgate
# DSNs to the envelope sender (tenant.test) go to an smtp-sink.
start_smtp_sink dsn "$DSN" "$WORK/dsn"
CFG="$(sealgate_config sg "$SG" "$DSN")"
sed -i "/^\[delivery\]\$/a ca_file = \"$PKI/ca.crt\"\nphi_tls = \"verify\"" "$CFG"
cat >>"$CFG" <<EOF

[[delivery.route]]        # partner A: verified TLS, certificate named mx.tls-partner.test
domain = "tls-partner.test"
next_hop = "127.0.0.1:$PFA"
tls_name = "mx.tls-partner.test"

[[delivery.route]]        # partner B: no TLS
domain = "plain-partner.test"
next_hop = "127.0.0.1:$PFB"
EOF
artifact "$CFG"
start_sealgate sg "$SG"
artifact "$WORK/sg.out"
AUDIT="$WORK/sg/var/audit"
artifact "$AUDIT"
SG_LOG=("$WORK/sg.out" "$WORK/sg.err")

# write_phi_message FILE TOKEN TO: the corpus referral (PHI), addressed to TO,
# with TOKEN in the subject, Message-ID and body; FILE.swaks for swaks.
write_phi_message() {
    local f=$1 tok=$2 to=$3
    sed -e "s/^To: .*/To: $to/" -e "s/^Subject: .*/Subject: Referral $tok/" \
        -e "s/^Message-ID: .*/Message-ID: <$tok@riverbend-health.org>/" \
        "$REPO/tests/corpus/pos_referral_plain.eml" | sed 's/\r*$/\r/' >"$f"   # CRLF whatever the file has
    printf 'Reference %s.\r\nEND-OF-BODY %s\r\n' "$tok" "$tok" >>"$f"
    head -c -2 "$f" >"$f.swaks"
}

# submit NAME FILE RCPT...: relay FILE through sealgate in one transaction;
# prints sealgate's queue id
submit() {
    local name=$1 file=$2 id
    shift 2
    local IFS=,   # swaks takes several recipients as one comma-separated --to
    swaks_run "$name" --server "127.0.0.1:$SG" --from sender@tenant.test --to "$*" --data "@$file.swaks"
    swaks_expect_ok "$name"
    [[ "$(grep -c '^ -> RCPT TO:' "$WORK/$name.swaks")" == "$#" ]] || fail "swaks ($name) did not send $# RCPT commands"
    id="$(tr -d '\r' <"$WORK/$name.swaks" | sed -nE 's/.*250 .*queued as ([A-Za-z0-9]+).*/\1/p' | tail -1)"
    [[ -n "$id" ]] || fail "no 'queued as' id in the swaks transcript ($name)"
    printf '%s\n' "$id"
}

# new_sessions LOG N: the smtpd log lines of sessions that began after line N
# of LOG (a session open before then, e.g. a pooled connection that closes
# later, is left out; an smtpd process serves one session at a time)
new_sessions() {
    tail -n +"$(($2 + 1))" "$1" | awk '
        match($0, /smtpd\[[0-9]+\]: /) {
            pid = substr($0, RSTART, RLENGTH)
            if ($0 ~ /\]: connect from /) fresh[pid] = 1
            if (fresh[pid]) print
        }'
}

# new_session_ended LOG N: a session that began after line N has ended
new_session_ended() { [[ "$(new_sessions "$1" "$2")" == *'disconnect from '* ]]; }

queue_show() { "$SEALGATE_BIN" --config "$CFG" queue show "$1"; }

# rcpt_state_is QID RCPT STATE: `queue show` has RCPT in STATE (the state
# object is left in $WORK/state.json)
rcpt_state_is() {
    queue_show "$1" 2>"$WORK/queue-show.err" | H rcpt-state "$2" >"$WORK/state.json" 2>>"$WORK/queue-show.err" &&
        grep -q "\"state\":\"$3\"" "$WORK/state.json"
}

# audit_event WHAT QID DOMAIN EVENT: wait for that audit record; print it
audit_event() {
    H wait-json-line "$AUDIT" 60 queue_id="$2" recipient_domain="$3" event="$4" ||
        fail "$1: no audit event '$4' for $3 (queue id $2)"
}

# json_field LINE KEY: KEY's value (a string as is, else compact JSON)
json_field() {
    "$PY" -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print(v if isinstance(v,str) else json.dumps(v))' "$1" "$2"
}

# ------------------------------------------- message 1: one to each partner
tok="$(new_token)"
write_phi_message "$WORK/phi1.eml" "$tok" "rcpt@tls-partner.test, rcpt@plain-partner.test"
QID="$(submit phi1 "$WORK/phi1.eml" rcpt@tls-partner.test rcpt@plain-partner.test)"
log "sealgate queued message 1 as $QID"

# A: the message, over TLS 1.3, from sealgate.
f="$(H wait-files "$WORK/pfa/mail" 'rcpt/new/*' 1 60 --contains "END-OF-BODY $tok")" ||
    fail "the PHI message never reached Postfix A (tls-partner.test) over verified TLS"
artifact "$f"
grep -q 'MRN: MR623811104' "$f" || fail "the message at Postfix A lost its body"
pfqid="$(tr -d '\r' <"$f" | sed -nE 's/.*by mx\.tls-partner\.test \(Postfix\) with ESMTPS id ([0-9A-Za-z]+).*/\1/p' | head -1)"
[[ -n "$pfqid" ]] || fail "Postfix A's Received header does not say ESMTPS (was the hop plaintext?)"
# The smtpd process that took this queue id logged a TLS 1.3 handshake.
wait_until 30 "Postfix A's log never showed $pfqid delivered to the maildir" \
    grep -Eq "$pfqid: to=<rcpt@tls-partner\.test>, .*status=sent" "$LOGA"
smtpd_pid="$(sed -nE "s/.*smtpd\[([0-9]+)\]: $pfqid: client=.*/\1/p" "$LOGA" | head -1)"
[[ -n "$smtpd_pid" ]] || fail "Postfix A's log has no 'client=' line for $pfqid"
tls_line="$(grep -E "smtpd\[$smtpd_pid\]: .*TLS connection established from [^ ]*\[127\.0\.0\.1\]: " "$LOGA" | head -1 || true)"
[[ -n "$tls_line" ]] || fail "Postfix A's smtpd[$smtpd_pid] (which took $pfqid) logged no TLS connection"
[[ "$tls_line" == *": TLSv1.3 with cipher "* ]] || fail "sealgate -> Postfix A was not TLS 1.3: $tls_line"
log "ok: Postfix A: ${tls_line#*: }"
log "ok: Postfix A: $(grep -E "$pfqid: to=<" "$LOGA" | head -1 | sed 's/.*\]: //')"

# sealgate's evidence for A.
ev="$(audit_event "tls-partner.test" "$QID" tls-partner.test delivered)"
[[ "$(json_field "$ev" tls_version)" == TLSv1.3 ]] || fail "audit: delivered event's tls_version is not TLSv1.3: $ev"
[[ "$(json_field "$ev" tls_verified)" == pkix ]] || fail "audit: delivered event's tls_verified is not pkix: $ev"
[[ "$(json_field "$ev" peer_cert_sha256)" == "$MX_CERT_SHA256" ]] ||
    fail "audit: peer_cert_sha256 is not the hash of mx.tls-partner.test's certificate ($MX_CERT_SHA256): $ev"
log "ok: audit: $ev"

# B: handed to the portal, nothing sent.
ev="$(audit_event "plain-partner.test" "$QID" plain-partner.test portal)"
[[ "$(json_field "$ev" route)" == portal ]] || fail "audit: portal event for plain-partner.test has route != portal: $ev"
[[ "$(json_field "$ev" tls_verified)" == none ]] || fail "audit: portal event for plain-partner.test claims verification: $ev"
log "ok: audit: $ev"
artifact "$WORK/state.json"
artifact "$WORK/queue-show.err"
wait_until 30 "sealgate queue show $QID never put rcpt@plain-partner.test in state portal (its last state is below)" \
    rcpt_state_is "$QID" rcpt@plain-partner.test portal
log "ok: queue show $QID: rcpt@plain-partner.test $(cat "$WORK/state.json")"
rcpt_state_is "$QID" rcpt@tls-partner.test delivered ||
    fail "queue show $QID: rcpt@tls-partner.test is not delivered: $(cat "$WORK/state.json")"
queue_show "$QID" >"$WORK/queue-show-1.json"
artifact "$WORK/queue-show-1.json"
"$SEALGATE_BIN" --config "$CFG" queue list >"$WORK/queue-list.out" 2>&1 || fail "sealgate queue list failed"
artifact "$WORK/queue-list.out"
grep -q 'portal: ' "$WORK/queue-list.out" || fail "queue list does not show the portal hand-off"
log "ok: queue list: $(grep 'portal: ' "$WORK/queue-list.out" | head -1 | sed 's/^ *//')"

# sealgate did reach B (the verdict is from a real connection) and never
# sent it a MAIL command: B's smtpd logged the session and its command counts.
wait_until 30 "Postfix B's log never showed a session from sealgate" new_session_ended "$LOGB" "$logb_before"
new_sessions "$LOGB" "$logb_before" >"$WORK/pfb-sealgate.log"
if grep -E 'disconnect from .* (mail|rcpt|data|bdat)=' "$WORK/pfb-sealgate.log"; then fail "sealgate sent MAIL/RCPT/DATA to the plaintext Postfix B"; fi
if grep -q 'from=<' "$LOGB"; then fail "Postfix B queued a message (plaintext PHI)"; fi
if [[ -n "$(find "$WORK/pfb/mail" -type f)" ]]; then fail "Postfix B delivered a message: $(find "$WORK/pfb/mail" -type f)"; fi
[[ "$(pf_queue_count pfb)" == 0 ]] || fail "Postfix B has a message in its queue"
log "ok: Postfix B: $(grep 'disconnect from ' "$WORK/pfb-sealgate.log" | tail -1 | sed 's/.*\]: //')"

# ------------------------------- message 2: A's route names the wrong host
loga_before="$(wc -l <"$LOGA")"
from_before="$(grep -c 'qmgr.*: from=<' "$LOGA" || true)"
reloads() { cat "${SG_LOG[@]}" 2>/dev/null | grep -c 'configuration reloaded' || true; }
reloads_before="$(reloads)"
reloaded() { (($(reloads) > reloads_before)); }
sed -i 's/^tls_name = "mx\.tls-partner\.test"$/tls_name = "mx.wrong-name.test"/' "$CFG"
grep -q '^tls_name = "mx.wrong-name.test"$' "$CFG" || fail "could not change tls_name in $CFG"
kill -HUP "$SEALGATE_PID"
wait_until 30 "sealgate did not log 'configuration reloaded' after SIGHUP" reloaded

tok2="$(new_token)x"
write_phi_message "$WORK/phi2.eml" "$tok2" "rcpt@tls-partner.test"
QID2="$(submit phi2 "$WORK/phi2.eml" rcpt@tls-partner.test)"
log "sealgate queued message 2 as $QID2 (tls_name now mx.wrong-name.test)"
ev="$(audit_event "tls-partner.test, wrong tls_name" "$QID2" tls-partner.test portal)"
[[ "$(json_field "$ev" tls_verified)" != pkix ]] || fail "audit: the wrong-name connection was counted as pkix-verified: $ev"
log "ok: audit: $ev"
wait_until 30 "queue show $QID2 never put rcpt@tls-partner.test in state portal (its last state is below)" \
    rcpt_state_is "$QID2" rcpt@tls-partner.test portal
log "ok: queue show $QID2: rcpt@tls-partner.test $(cat "$WORK/state.json")"
# sealgate reached A again, did TLS, and left without sending.
wait_until 30 "Postfix A's log shows no new session from sealgate after the reload" new_session_ended "$LOGA" "$loga_before"
new_sessions "$LOGA" "$loga_before" >"$WORK/pfa-after-reload.log"
artifact "$WORK/pfa-after-reload.log"
grep -q 'TLS connection established from ' "$WORK/pfa-after-reload.log" ||
    fail "sealgate did not even try TLS with Postfix A after the reload"
if grep -E 'disconnect from .* (mail|rcpt|data|bdat)=' "$WORK/pfa-after-reload.log"; then fail "sealgate sent MAIL FROM to Postfix A although its certificate does not name mx.wrong-name.test"; fi
[[ "$(grep -c 'qmgr.*: from=<' "$LOGA" || true)" == "$from_before" ]] || fail "Postfix A queued another message after the reload"
if [[ -n "$(sink_files_with "$tok2" "$WORK/pfa/mail" 'rcpt/new/*')" ]]; then fail "message 2 reached Postfix A despite the wrong tls_name"; fi
log "ok: Postfix A after the reload: $(grep 'disconnect from ' "$WORK/pfa-after-reload.log" | tail -1 | sed 's/.*\]: //')"
log "ok: PHI over verified TLS 1.3 to Postfix A; to the portal for Postfix B (no TLS) and for A under a wrong tls_name"
