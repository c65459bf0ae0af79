#!/usr/bin/env bash
# test-packages.sh PACKAGE_DIR: installs the .debs that `./dev package` made, runs the installed server the
# way its unit's ExecStart does (environment from the unit and the environment file, a temp state
# directory, a free port) and asks GET /health, runs the installed client, checks the unit with
# systemd-analyze, and removes the packages again.
# As root the packages are really installed (apt-get install ./x.deb, which pulls their dependencies), and
# the server runs as nobody with no new privileges, no capabilities and memory that is never writable and
# executable at once, as the unit runs it. Otherwise they are unpacked into a temp root with dpkg -x.
set -euo pipefail
PACKAGE_DIR=${1:?usage: test-packages.sh PACKAGE_DIR}
PACKAGE_DIR=$(realpath "$PACKAGE_DIR") # apt-get takes a local file only as a path with a slash in front
server_deb=$(echo "$PACKAGE_DIR"/blog-server_*.deb)
desktop_deb=$(echo "$PACKAGE_DIR"/blog-desktop_*.deb)
[ -f "$server_deb" ] && [ -f "$desktop_deb" ] || { echo "no packages in $PACKAGE_DIR" >&2; exit 1; }

failures=0
ok() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: expected '$2', got '$3'"; fi
}

work=$(mktemp -d /tmp/blog-package.XXXXXX)
chmod 755 "$work" # the server runs as nobody below
server_pid=""
installed=no
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    if [ "$installed" = yes ]; then
        for package in blog-server blog-desktop; do
            if dpkg-query -W "$package" >/dev/null 2>&1; then
                dpkg --purge "$package" >/dev/null || echo "  could not remove $package" >&2
            fi
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Packages installed before the test are someone's: then unpack into a temp root, to remove nothing of theirs.
already=$(dpkg-query -W -f='${Status}\n' blog-server blog-desktop 2>/dev/null | grep -c 'install ok installed' || true)
if [ "$(id -u)" -eq 0 ] && [ "$already" -eq 0 ]; then
    echo "installing $server_deb and $desktop_deb"
    installed=yes
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
        "$server_deb" "$desktop_deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
    root=""
else
    echo "unpacking into $work/root (not root, or the packages were installed before)"
    for deb in "$server_deb" "$desktop_deb"; do dpkg -x "$deb" "$work/root"; done
    root=$work/root
fi

unit=$root/usr/lib/systemd/system/blog-server.service
env_file=$root/etc/blog-server/blog-server.env
for file in /usr/bin/blog-server /usr/lib/systemd/system/blog-server.service \
    /usr/lib/systemd/system/blog-server@.service /etc/blog-server/blog-server.env \
    /usr/share/doc/blog-server/copyright /usr/share/man/man1/blog-server.1.gz /usr/bin/blog-desktop \
    /usr/share/applications/org.example.blog_desktop.desktop \
    /usr/share/icons/hicolor/scalable/apps/blog-desktop.svg /usr/share/metainfo/org.example.blog_desktop.metainfo.xml \
    /usr/share/doc/blog-desktop/copyright /usr/share/man/man1/blog-desktop.1.gz; do
    if [ -f "$root$file" ]; then ok "installed $file"; else fail "missing $file"; fi
done
check "environment file mode" 600 "$(stat -c %a "$env_file")"
if [ -n "$root" ]; then
    ok "conffile (not checked: unpacked, not installed)"
else
    check "environment file is a conffile" yes \
        "$(dpkg-query -W -f='${Conffiles}' blog-server | grep -q '/etc/blog-server/blog-server.env' && echo yes || echo no)"
fi

# The server, as systemd would start it: ExecStart with the unit's Environment= and then the environment
# file (which overrides them), in an otherwise empty environment. /var/lib (the state directory's root)
# becomes a temp dir; the port a free one, set last as an admin's environment file would.
port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { port=$candidate; break; }
done
state_root=$work/var-lib
mkdir -p "$state_root/blog-server"
chmod 700 "$state_root/blog-server" # StateDirectoryMode=0700
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
if [[ "$exec_start" == *[%\$]* ]]; then
    fail "ExecStart has specifiers or variables this test does not expand: $exec_start"
fi
environment=()
while IFS= read -r assignment; do
    environment+=("${assignment//\/var\/lib/$state_root}")
done < <(sed -n 's/^Environment=//p' "$unit"; grep -E '^[A-Z_]+=' "$env_file" || true)
read -r -a command <<<"$exec_start"
command[0]=$root${command[0]}
launcher=(env -i PATH=/usr/bin:/bin HOME=/ LANG=C.UTF-8 "${environment[@]}" "BLOG_PORT=$port")
if [ "$(id -u)" -eq 0 ]; then
    # DynamicUser, NoNewPrivileges and an empty CapabilityBoundingSet, with nobody for the dynamic user.
    chown -R nobody:nogroup "$state_root/blog-server"
    launcher=(setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs --inh-caps=-all
        --bounding-set=-all "${launcher[@]}")
fi
# MemoryDenyWriteExecute: the kernel's PR_SET_MDWE (Linux 6.3+; what systemd uses where it can) refuses
# memory that is writable and executable, and survives exec. 65 = PR_SET_MDWE, 1 = REFUSE_EXEC_GAIN.
if perl -e 'require "syscall.ph"; exit(syscall(&SYS_prctl, 65, 1, 0, 0, 0) == 0 ? 0 : 1)' 2>/dev/null; then
    launcher=(perl -e 'require "syscall.ph"; syscall(&SYS_prctl, 65, 1, 0, 0, 0) == 0 or die "PR_SET_MDWE: $!";
        exec { $ARGV[0] } @ARGV or die "exec: $!"' "${launcher[@]}")
    mdwe="with MemoryDenyWriteExecute"
else
    mdwe="without MemoryDenyWriteExecute (the kernel has no PR_SET_MDWE)"
fi
echo "running ${command[*]} ($mdwe)"
"${launcher[@]}" "${command[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
body=""
for _ in $(seq 1 100); do
    body=$(curl -fs "http://127.0.0.1:$port/health" 2>/dev/null) && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
check "GET /health" '{"success":true}' "$body"
# The web pages' templates and stylesheet are compiled into the binary.
check "GET / (the web home page)" yes \
    "$(curl -fs "http://127.0.0.1:$port/" 2>/dev/null | grep -q '<!DOCTYPE html>' && echo yes || echo no)"
check "GET /site.css" yes \
    "$(curl -fs "http://127.0.0.1:$port/site.css" 2>/dev/null | grep -q 'prefers-color-scheme' && echo yes || echo no)"
check "the database in the state directory" yes "$([ -f "$state_root/blog-server/blog.sqlite" ] && echo yes || echo no)"
check "the JWT key file in the state directory, mode 0600" 600 \
    "$(stat -c %a "$state_root/blog-server/jwt-secret" 2>/dev/null || echo none)"
if [ "$(id -u)" -eq 0 ]; then
    check "the server ran as nobody" nobody "$(stat -c %U "$state_root/blog-server/blog.sqlite" 2>/dev/null || echo none)"
fi
kill -TERM "$server_pid" 2>/dev/null || true
status=0
wait "$server_pid" || status=$?
server_pid=""
check "SIGTERM stops the server cleanly" 0 "$status"
[ "$failures" -eq 0 ] || sed 's/^/  | /' "$work/server.log"

version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/blog-desktop" --version 2>&1 || true)
check "blog-desktop --version" yes "$(grep -q '^blog-desktop [0-9]' <<<"$version" && echo yes || echo "no: $version")"

# systemd-analyze verify loads the units as systemd would and also checks that ExecStart's binary exists:
# the installed units as they are, or unpacked ones with ExecStart pointing into the temp root.
if command -v systemd-analyze >/dev/null; then
    unit_path=""
    if [ -n "$root" ]; then
        mkdir "$work/units"
        for name in blog-server.service blog-server@.service; do
            sed "s#^ExecStart=/#ExecStart=$root/#" "$root/usr/lib/systemd/system/$name" >"$work/units/$name"
        done
        unit_path="$work/units:" # the trailing colon keeps the default search path after it
    fi
    for name in blog-server.service blog-server@3001.service; do
        # It warns about unknown keys (a typo in a setting) but still exits 0: any output fails.
        status=0
        output=$(env ${unit_path:+SYSTEMD_UNIT_PATH=$unit_path} systemd-analyze verify --man=no "$name" 2>&1) ||
            status=$?
        if [ "$status" -eq 0 ] && [ -z "$output" ]; then
            ok "systemd-analyze verify $name"
        else
            fail "systemd-analyze verify $name (exit $status): $output"
        fi
    done
else
    echo "  skip systemd-analyze verify (no systemd-analyze)"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "package test passed"
