#!/usr/bin/env bash
# with-server.sh BLOG_SERVER COMMAND...: runs COMMAND with BLOG_URL pointing at a real blog-server, seeded
# with the demo data, on a fresh SQLite database in a temp dir and a free port; the server stops after.
set -uo pipefail
server=${1:?usage: with-server.sh BLOG_SERVER COMMAND...}
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/blog-web-test.XXXXXX")
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
database="sqlite:$dir/blog.sqlite"
"$server" seed --database "$database" >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; exit 1; }
QT_LOGGING_RULES="blog.access=false" "$server" serve --port 0 --database "$database" 2>"$dir/server.log" &
pid=$!
port=""
for _ in $(seq 200); do
    port=$(grep -oP 'listening on 127\.0\.0\.1:\K[0-9]+' "$dir/server.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
if [ -z "$port" ]; then
    echo "with-server.sh: blog-server did not start" >&2
    cat "$dir/server.log" >&2
    exit 1
fi
export BLOG_URL="http://127.0.0.1:$port"
export NO_PROXY='127.0.0.1,localhost' no_proxy='127.0.0.1,localhost'
"$@"
