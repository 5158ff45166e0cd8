#!/usr/bin/env bash
# The Debian package, installed for real on this machine (CI: a fresh Debian
# 12, as root). Lints it, installs it, checks what it put where and with
# which owner and mode, starts the installed binary as root the way an
# administrator would without systemd (it binds, then becomes `sealgate`),
# relays one message through it to Postfix's smtp-sink, then reinstalls,
# removes and purges it and checks that purge leaves nothing behind.
# Whatever happens, the package is purged on exit.
#
#   bash packaging/test.sh [PACKAGE.deb]
#
# Without an argument it runs `cargo deb --no-build` (after `cargo build
# --release`). It refuses to start where sealgate is installed or its
# account or folders exist already: its purge would delete them.
# shellcheck disable=SC2034  # read by lib.sh: its temp dir's name
WORK_PREFIX=deb
# shellcheck source-path=SCRIPTDIR source=../tests/interop/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/interop/lib.sh"

[[ $EUID -eq 0 ]] || fail "packaging/test.sh installs a package and must run as root"
need dpkg dpkg-query dpkg-statoverride lintian swaks smtp-sink runuser

# ---------------------------------------------------------------- preconditions
status="$(dpkg-query -W -f='${db:Status-Abbrev}' sealgate 2>/dev/null || true)"
[[ -z "$status" || "$status" == un* ]] || fail "sealgate is installed here (dpkg: '$status'); this test would purge it"
for what in passwd group; do
    ! getent "$what" sealgate >/dev/null || fail "a '$what' entry 'sealgate' exists; this test would delete it"
done
for d in /etc/sealgate /var/lib/sealgate /var/log/sealgate; do
    [[ ! -e "$d" ]] || fail "$d exists; this test would delete it"
done

# ---------------------------------------------------------------- build and lint
deb="${1:-}"
if [[ -z "$deb" ]]; then
    need cargo
    [[ -x "$REPO/target/release/sealgate" ]] || fail "no target/release/sealgate: run 'cargo build --release' first"
    (cd "$REPO" && cargo deb --no-build --output "$WORK/") >"$WORK/cargo-deb.log" 2>&1 ||
        { artifact "$WORK/cargo-deb.log"; fail "cargo deb --no-build failed"; }
    deb="$(find "$WORK" -maxdepth 1 -name 'sealgate_*.deb' | head -1)"
fi
[[ -f "$deb" ]] || fail "no package at '$deb'"
log "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

# Warnings are listed; an error fails the test.
start=$SECONDS
lintian --fail-on error --tag-display-limit 0 "$deb" >"$WORK/lintian.log" 2>&1 ||
    { artifact "$WORK/lintian.log"; fail "lintian reports errors"; }
log "lintian: $(grep -c '^E:' "$WORK/lintian.log" || true) errors, $(grep -c '^W:' "$WORK/lintian.log" || true) warnings ($((SECONDS - start))s)"
sed 's/^/    /' "$WORK/lintian.log" >&2

# ---------------------------------------------------------------- install
INSTALLED=0
SG_PID=
deb_cleanup() {
    local rc=$?
    set +e
    [[ -n "$SG_PID" ]] && stop_pid "$SG_PID" 40
    if ((INSTALLED)); then
        log "purging the package on exit"
        dpkg --purge sealgate >"$WORK/purge-on-exit.log" 2>&1 || cat "$WORK/purge-on-exit.log" >&2
    fi
    (exit "$rc")
    cleanup
}
trap deb_cleanup EXIT

INSTALLED=1
artifact "$WORK/install.log"
dpkg -i "$deb" >"$WORK/install.log" 2>&1 || fail "dpkg -i failed"
log "installed: $(dpkg-query -W -f='${Package} ${Version} ${Status}' sealgate)"

# expect_stat PATH 'MODE OWNER:GROUP'
expect_stat() {
    local got
    got="$(stat -c '%a %U:%G' "$1" 2>/dev/null)" || fail "$1 is missing"
    [[ "$got" == "$2" ]] || fail "$1 is '$got', expected '$2'"
}
expect_stat /usr/bin/sealgate '755 root:root'
expect_stat /etc/sealgate '755 root:root'
expect_stat /etc/sealgate/sealgate.toml '640 root:sealgate'
expect_stat /etc/sealgate/rules/hipaa.toml '644 root:root'
expect_stat /etc/sealgate/rules/data/icd10cm-2026.txt '644 root:root'
expect_stat /etc/sealgate/certs '750 root:sealgate'
expect_stat /etc/sealgate/certs/server.key '640 root:sealgate'
expect_stat /etc/sealgate/certs/server.crt '644 root:sealgate'
expect_stat /var/lib/sealgate '750 sealgate:sealgate'
expect_stat /var/log/sealgate '750 sealgate:sealgate'
unit="$(dpkg -L sealgate | grep -E '/lib/systemd/system/sealgate\.service$')" || fail "no systemd unit in the package"
expect_stat "$unit" '644 root:root'
cmp -s "$unit" "$REPO/systemd/sealgate.service" || fail "$unit differs from systemd/sealgate.service"
for f in copyright changelog.Debian.gz README.md ARCHITECTURE.md operations.md; do
    [[ -f "/usr/share/doc/sealgate/$f" ]] || fail "/usr/share/doc/sealgate/$f is missing"
done
[[ -f /usr/share/man/man8/sealgate.8.gz ]] || fail "no manual page"
# Files under /etc are conffiles: dpkg keeps an administrator's edits.
conffiles="$(dpkg-query -W -f='${Conffiles}\n' sealgate)"
for f in /etc/sealgate/sealgate.toml /etc/sealgate/rules/hipaa.toml /etc/sealgate/rules/pci.toml; do
    grep -q "^ $f " <<<"$conffiles" || fail "$f is not a conffile: $conffiles"
done
# The account: a system user, no login shell, home the data folder.
IFS=: read -r _ _ uid gid _ home shell < <(getent passwd sealgate) || fail "no sealgate account"
((uid > 0 && uid < 1000)) || fail "sealgate's uid $uid is not a system uid"
[[ "$(getent group sealgate | cut -d: -f3)" == "$gid" ]] || fail "sealgate's primary group is not 'sealgate'"
[[ "$home" == /var/lib/sealgate && "$shell" == */nologin ]] || fail "sealgate: home '$home', shell '$shell'"
# Enabled (deb-systemd-helper links it even where systemd is not running).
[[ -L /etc/systemd/system/multi-user.target.wants/sealgate.service ]] || fail "the unit was not enabled"
# The installed config is valid as shipped. `check` binds its listen
# address to probe it: on a shared machine 127.0.0.1:2525 may be taken by
# someone's development gateway, which is the one problem let pass here.
if ! /usr/bin/sealgate --config /etc/sealgate/sealgate.toml check >"$WORK/check.out" 2>&1; then
    artifact "$WORK/check.out"
    grep -q 'error(s)' "$WORK/check.out" || fail "sealgate check failed on the installed config"
    others="$(grep -E '^/etc/sealgate/sealgate\.toml:[0-9]+:[0-9]+: ' "$WORK/check.out" |
        grep -vF 'listener.address: 127.0.0.1:2525 is already in use' || true)"
    [[ -z "$others" ]] || fail "sealgate check rejects the installed config"
    log "note: 127.0.0.1:2525 is in use on this machine; otherwise the installed config passes check"
fi
log "ok: files, modes, conffiles, account, unit; the installed config passes check"

# ---------------------------------------------------------------- relay one message
read -r SINK SG DNS <<<"$(free_ports 3)"
start_smtp_sink sink "$SINK" "$WORK/dump"
# A copy of the installed config, changed only where a test must: a free
# loopback port, 127.0.0.1 may relay, no real DNS, the sink as next hop.
# Everything else (data_dir, audit, user, certificate, rules) is as shipped.
mkdir -p "$WORK/sg"
cfg="$WORK/sg/sealgate.toml"   # where lib.sh's queue helpers look
sed -e "s|^address = \"127.0.0.1:2525\"|address = \"127.0.0.1:$SG\"|" \
    -e 's|^allowed_networks = \[\]|allowed_networks = ["127.0.0.1/32"]|' \
    -e "s|^nameservers = \[\]|nameservers = [\"127.0.0.1:$DNS\"]|" \
    /etc/sealgate/sealgate.toml >"$cfg"
for want in "address = \"127.0.0.1:$SG\"" 'allowed_networks = ["127.0.0.1/32"]' "nameservers = [\"127.0.0.1:$DNS\"]"; do
    grep -qF "$want" "$cfg" || fail "could not set '$want' in a copy of the installed config (did packaging/sealgate.toml change?)"
done
cat >>"$cfg" <<TOML

[[delivery.route]]
domain = "sink.test"
next_hop = "127.0.0.1:$SINK"

[[delivery.route]]
domain = "tenant.test"
next_hop = "127.0.0.1:$SINK"
TOML
chmod 644 "$cfg"
artifact "$cfg"
/usr/bin/sealgate --config "$cfg" check >"$WORK/check-copy.out" 2>&1 ||
    { artifact "$WORK/check-copy.out"; fail "sealgate check rejects the test's copy of the installed config"; }

# start_gateway HOW: `account` starts it as sealgate, as the unit does
# (the port is not privileged, so no capability is needed); `root` starts
# it as root, as an administrator without systemd would: no --allow-root,
# [server] user decides, and it must bind, then become sealgate.
start_gateway() {
    if [[ $1 == account ]]; then
        start_bg "gateway-$1" runuser -u sealgate -- /usr/bin/sealgate --config "$cfg" run
    else
        start_bg "gateway-$1" /usr/bin/sealgate --config "$cfg" run
    fi
    SG_PID=$BG_PID
    local end=$((SECONDS + 30)) pid runs_as
    until H wait-banner 127.0.0.1 "$SG" 1 2>/dev/null; do
        pid_alive "$SG_PID" || fail "the installed sealgate (started as $1) exited during startup"
        ((SECONDS < end)) || fail "the installed sealgate (started as $1) never answered 220 on 127.0.0.1:$SG"
    done
    pid="$(pgrep -f -n "^/usr/bin/sealgate --config $cfg run")" || fail "no sealgate process"
    runs_as="$(ps -o user= -p "$pid" | tr -d ' ')"
    [[ "$runs_as" == sealgate ]] || fail "the gateway started as $1 runs as '$runs_as', not sealgate"
}

# relay_one HOW: one message through the gateway to smtp-sink, over
# STARTTLS with the placeholder certificate; the queue empties.
relay_one() {
    local tok f
    tok="$(new_token)"
    write_test_message "$WORK/sent-$1.eml" "$tok"
    swaks_run "relay-$1" --server "127.0.0.1:$SG" --tls --from sender@tenant.test \
        --to rcpt@sink.test --data "@$WORK/sent-$1.eml.swaks"
    swaks_expect_ok "relay through the installed gateway started as $1"
    H wait-files "$WORK/dump" '*' 1 30 --contains "END-OF-BODY $tok" >/dev/null ||
        fail "the message relayed by the gateway started as $1 never reached smtp-sink"
    f="$(sink_files_with "END-OF-BODY $tok" "$WORK/dump" '*' | head -1)"
    H check-message "$WORK/sent-$1.eml" "$f" --received-by gw.example.org --sink-dump || fail "message altered at smtp-sink"
    wait_queue_empty sg 30
}

# First as the unit runs it, on fresh folders (it creates the spool, the
# audit folder and its key itself), then as root.
for how in account root; do
    start_gateway "$how"
    relay_one "$how"
    stop_pid "$SG_PID" 40
    SG_PID=
done
# Everything the gateway wrote belongs to the account.
stray="$(find /var/lib/sealgate /var/log/sealgate ! -user sealgate)"
[[ -z "$stray" ]] || fail "not owned by sealgate: $stray"
ls /var/log/sealgate/audit/audit-*.log >/dev/null 2>&1 || fail "no audit segment in /var/log/sealgate/audit"
[[ -f /var/lib/sealgate/keys/audit.key ]] || fail "no audit key at /var/lib/sealgate/keys/audit.key"
runuser -u sealgate -- /usr/bin/sealgate --config "$cfg" audit verify >"$WORK/verify.out" 2>&1 ||
    { artifact "$WORK/verify.out"; fail "sealgate audit verify fails on the installed gateway's log"; }
log "ok: relayed a message through the gateway started as sealgate and one started as root; the audit log verifies"

# ---------------------------------------------------------------- reinstall, remove, purge
crt_sum="$(sha256sum /etc/sealgate/certs/server.crt)"
dpkg -i "$deb" >"$WORK/install.log" 2>&1 || fail "installing the package a second time failed"
expect_stat /etc/sealgate/sealgate.toml '640 root:sealgate'
expect_stat /var/lib/sealgate '750 sealgate:sealgate'
[[ "$(sha256sum /etc/sealgate/certs/server.crt)" == "$crt_sum" ]] || fail "a reinstall replaced the certificate"

artifact "$WORK/remove.log"
dpkg -r sealgate >"$WORK/remove.log" 2>&1 || fail "dpkg -r failed"
[[ ! -e /usr/bin/sealgate ]] || fail "remove left /usr/bin/sealgate"
getent passwd sealgate >/dev/null || fail "remove deleted the account (only purge may)"
[[ -f /etc/sealgate/sealgate.toml && -d /var/lib/sealgate/spool && -d /var/log/sealgate/audit ]] ||
    fail "remove deleted configuration or data (only purge may)"

artifact "$WORK/purge.log"
dpkg --purge sealgate >"$WORK/purge.log" 2>&1 || fail "dpkg --purge failed"
INSTALLED=0
status="$(dpkg-query -W -f='${db:Status-Abbrev}' sealgate 2>/dev/null || true)"
[[ -z "$status" || "$status" == un* ]] || fail "after purge dpkg still knows sealgate: '$status'"
for what in passwd group; do
    ! getent "$what" sealgate >/dev/null || fail "purge left the '$what' entry sealgate"
done
for p in /etc/sealgate /var/lib/sealgate /var/log/sealgate /etc/systemd/system/multi-user.target.wants/sealgate.service; do
    [[ ! -e "$p" && ! -L "$p" ]] || fail "purge left $p"
done
! dpkg-statoverride --list /etc/sealgate/sealgate.toml >/dev/null || fail "purge left the stat override"
log "ok: the .deb installs, relays as sealgate, reinstalls, removes and purges cleanly"
