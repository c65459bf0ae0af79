#!/usr/bin/env bash
# run-browser-test.sh BLOG_SERVER [--screenshots DIR]: the browser test (browser-test.cjs) against a fresh
# seeded server. The pinned playwright-core and axe-core (package.json + package-lock.json here) are
# installed into a cache dir outside the repository on first use; the browser is Debian's chromium.
# Env: WEB_TEST_CACHE (default ~/.cache/blog-web-tests).
set -euo pipefail
server=${1:?usage: run-browser-test.sh BLOG_SERVER [--screenshots DIR]}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${WEB_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/blog-web-tests}
if [ ! -x /usr/bin/chromium ]; then
    echo "run-browser-test.sh: /usr/bin/chromium is missing (apt-get install chromium)" >&2
    exit 1
fi
if [ ! -d "$CACHE/node_modules/playwright-core" ] || ! cmp -s "$HERE/package-lock.json" "$CACHE/package-lock.json"; then
    echo "installing playwright-core and axe-core into $CACHE ..." >&2
    mkdir -p "$CACHE"
    cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/"
    (cd "$CACHE" && npm ci --no-audit --no-fund >&2)
fi
export WEB_TEST_MODULES=$CACHE/node_modules
exec "$HERE/with-server.sh" "$server" node "$HERE/browser-test.cjs" "$@"
