#!/usr/bin/env bash
# The benchmark behind `./dev bench`: blog-server (ours) against the tutorial's Node.js app (fastify +
# MikroORM + SQLite, ../shared/anchors/seed-node), same data, same load, same run; one table on stdout and in
# docs/performance.md.
#
#   tests/bench/run-bench.sh [--quick | --large] [--reload] PATH/TO/blog-server
#
# Sizes: BENCH_USERS (2000), BENCH_ARTICLES (20000; --large: 1000000), BENCH_COMMENTS (100000), and
# BENCH_DURATION seconds a scenario (10). --quick: 200 users, 2000 articles, 10000 comments, 3 s (the
# environment still wins). BENCH_ONLY=id,id... measures those scenarios only (ids as in SCENARIOS below; a
# ratio row needs its base row too, e.g. BENCH_ONLY=cached,listeners). --large: BENCH_ARTICLES articles
# loaded with `blog-server import` (see below).
# With BLOG_TEST_POSTGRES_URL set (./dev bench starts a throwaway cluster), the PostgreSQL rows: our server on
# PostgreSQL with the same rows (cached and random listing pages, detail, profile, mixed; --large also the
# paced rows), each held to the SQLite row of the same scenario. With BENCH_POSTMASTER_PID too (./dev bench
# gives its cluster's), the CPU time a request of our server and of PostgreSQL's processes, and the
# split-cores rows: random pages, detail, rare-word search and mixed again, SQLite and PostgreSQL, with our
# server and wrk on all CPUs but the last and PostgreSQL on the last one (taskset).
#
# How the data is built. Sign-up is argon2id-bound on both servers (~150-200 ms of both cores a hash, so
# ~5 sign-ups/s) and the Node app posts comments at ~60/s: building 2,000 users and 100,000 comments through
# the Node API would take over half an hour. So the data goes in once, through OUR server's HTTP API
# (load-data.sh api: curl in --parallel mode, 4 connections for sign-ups, 12 for articles and comments), and
# the same rows are then copied with the sqlite3 CLI into the Node app's own schema (load-data.sh node: the
# Node app is started once with --fresh on an empty file to create its tables, then ATTACH our file and
# INSERT ... SELECT, ids and timestamps kept, ISO 8601 turned into MikroORM's epoch milliseconds). Our
# password hashes are argon2id PHC strings, which the Node `argon2` package verifies, so sign-in works on
# both with the same passwords. Users get a bio (and every third one social handles); articles 150-400
# words and 1-4 tags out of 60, round-robin over the users; comments 8-48 words, each on an article and by
# a user drawn at random (fixed seeds: the same sizes give the same data). The loaded files are kept in
# BUILD/bench/data-U-A-C/ and reused by later runs with the same sizes (--reload builds them again); every
# run works on fresh copies, since the write scenarios add comments.
#
# --large. A million articles through our API take well over half an hour (curl and the server each
# handle every post), far more than the measurements. So --large loads them the way an installation that
# moves in would: tests/bench/make-import.py writes a `blog-server import` file (JSON Lines, the export
# format) of USERS users, ARTICLES articles and COMMENTS comments shaped like the API-built ones (the first
# 20000 articles with 150-400 words, the others 30-80; comments on those first ones), every user with the
# argon2id hash of the benchmark's password from one sign-up on a throwaway server; `blog-server import`
# loads it into our SQLite file (about two minutes for a million articles, the search index included)
# and, for the PostgreSQL rows, into the empty PostgreSQL database. The Node copy is made from the SQLite file as usual. The result goes
# to BUILD/bench/data-2000-1000000-100000/ (import.jsonl kept), whose `complete` records each step's time.
#
# How it is measured. Both servers run side by side on loopback (127.0.0.1 only, nothing else is ever
# targeted), each on its own copy of the data; ours as `blog-server serve` (one HTTP thread a core), Node
# as `node src/server.js` (one thread; argon2 on libuv's pool). wrk drives one server at a time, 2 threads,
# 32 connections (the cached listing also at 256), BENCH_DURATION seconds a scenario, ours then Node for
# each scenario in turn, in this order: our bare JSON route (GET /health, ours only: the ceiling the cached
# listing is compared with), cached listing page, the same on a second instance of ours started with
# --metrics-listen and scraped every second meanwhile (ours only, when the build has the option: what metrics
# cost, as a share of the row before), the cached listing page at 256 connections, RealWorld's first page
# (GET /api/articles) and its first page filtered by the commonest tag (ours only, each as a share of the
# cached row: the Node app has no RealWorld API), full-text search (ours only, each as a share of the cached
# row: GET /article?q= for a word nearly every article has, the same query each time and so mostly cached;
# for the number in a random article's title; for a quoted phrase from a random title; the last two mostly
# not cached), random listing pages, article detail, the web home page
# (cached; ours only, as a share of the cached listing) and the web page of a random article (ours only),
# profile, sign-in,
# the cached listing page again during a sign-in flood (16 more connections posting sign-ins to the same
# server; its p99 against the cached row's), sign-in by one client at a time alone and then beside two
# CPU-bound processes (`yes > /dev/null`, its p50 against the one alone), comment post, mixed (90 % reads / 10 % comment posts) - the
# writes come last, so the read scenarios see the loaded data only. --large adds the random pages and the
# article details paced at about 2,000 requests a second (random-pages-paced.lua, detail-paced.lua) and the
# quoted phrases at about 100 (search-phrase-paced.lua), their latency when the server is not saturated. After the scenarios both servers are asked
# for their deepest page, whose total must be the table's count. Bodies, paths and Bearer tokens come from the Lua scripts beside this
# one (each server's tokens from signing in 32 of the users there). wrk's --timeout is 10 s, not 2 s: wrk
# leaves latencies above the timeout out of its histogram, and sign-in at 32 connections queues for seconds;
# "timeout" in the errors column thus means a request that took over 10 s. Success is 2xx (ours answers 201
# on creates, Node 200); wrk counts status > 399 as "Non-2xx or 3xx" (neither server sends 3xx here).
# Memory is VmRSS from /proc/PID/status of each server after all its scenarios. Start-up is the time from
# starting the process on the loaded database to the first 200 of GET /article?limit=20&offset=0 (curl
# every 5 ms), median of 5, before the load.
#
# Our server's per-address limits (sign-in attempts a minute, open connections from one address), when the
# build has them, are raised for the run: all the load comes from 127.0.0.1, and the Node app has none.
#
# Everything started here (servers, wrk) is stopped on exit, whatever happens.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE_ANCHOR=${BENCH_NODE_APP:-$ROOT/../shared/anchors/seed-node}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'run-bench.sh: %s\n' "$*" >&2; exit 1; }

MODE=full RELOAD=0 SERVER=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) MODE=quick ;;
        --large) MODE=large ;;
        --reload) RELOAD=1 ;;
        -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
        -*) die "unknown option $1" ;;
        *) SERVER=$1 ;;
    esac
    shift
done
if [ -z "$SERVER" ] || [ ! -x "$SERVER" ]; then
    die "usage: run-bench.sh [--quick|--large] [--reload] PATH/TO/blog-server"
fi
SERVER=$(cd "$(dirname "$SERVER")" && pwd)/$(basename "$SERVER")
BUILD=$(cd "$(dirname "$SERVER")/.." && pwd)

BASE_ARTICLES=20000 # --large: the articles with full-length texts (and all the comments); the rest are short
case "$MODE" in
    quick) USERS=200 ARTICLES=2000 COMMENTS=10000 DURATION=3 ;;
    large) USERS=2000 ARTICLES=1000000 COMMENTS=100000 DURATION=10 ;;
    *) USERS=2000 ARTICLES=20000 COMMENTS=100000 DURATION=10 ;;
esac
USERS=${BENCH_USERS:-$USERS} ARTICLES=${BENCH_ARTICLES:-$ARTICLES}
COMMENTS=${BENCH_COMMENTS:-$COMMENTS} DURATION=${BENCH_DURATION:-$DURATION}
if [ "$MODE" = large ] && [ "$ARTICLES" -le "$BASE_ARTICLES" ]; then
    die "--large writes $BASE_ARTICLES full-length articles and short ones after them; BENCH_ARTICLES=$ARTICLES leaves none"
fi
THREADS=2 CONNECTIONS=32 TOKENS=32 PASSWORD=bench-password

for tool in wrk curl sqlite3 node npm awk; do
    command -v "$tool" >/dev/null || die "$tool is missing (./dev bench installs it)"
done
[ -f "$NODE_ANCHOR/package-lock.json" ] || die "the Node app is not at $NODE_ANCHOR (BENCH_NODE_APP)"

WORK=$BUILD/bench
DATA=$WORK/data-$USERS-$ARTICLES-$COMMENTS
RUN=$WORK/run
NODE_DIR=$BUILD/seed-node
mkdir -p "$WORK"

# --- processes: everything we start is in PIDS and goes on exit ---------------------------------------
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

forget() { # forget PID: drop it from PIDS
    local kept=() pid
    for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
    PIDS=("${kept[@]}")
}

stop() { # stop PID: SIGTERM and wait (both servers stop gracefully on it)
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    forget "$1"
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
    done
    return 1
}

export BLOG_JWT_SECRET JWT_SECRET
BLOG_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

# start_ours DATABASE_URL PORT LOG / start_node DBFILE PORT LOG [--fresh]: start a server in the
# background; its pid in STARTED (the server process itself, for /proc/PID/status).
# Per-address limits, when this build has them, are lifted: every wrk connection comes from 127.0.0.1,
# which stands for many clients here, and the Node app has no such limits.
OURS_OPTIONS=()
SERVER_HELP=$("$SERVER" --help 2>&1 || true)
[[ "$SERVER_HELP" == *--sign-in-limit* ]] && OURS_OPTIONS+=(--sign-in-limit 1000000)
[[ "$SERVER_HELP" == *--max-connections-per-address* ]] && OURS_OPTIONS+=(--max-connections-per-address 100000)
# PIN: a command prefix for our server and wrk (the split-cores rows set it to taskset); PID_OF_PORT: the
# server behind each port, whose CPU time measure() reads.
PIN=()
declare -A PID_OF_PORT
start_ours() {
    "${PIN[@]}" "$SERVER" serve --database "$1" --port "$2" --host 127.0.0.1 "${OURS_OPTIONS[@]}" >>"$3" 2>&1 &
    STARTED=$!
    PIDS+=("$STARTED")
    PID_OF_PORT[$2]=$STARTED
}
start_node() {
    (cd "$NODE_DIR" && exec node src/server.js --host 127.0.0.1 --port "$2" --db "$1" "${@:4}") >>"$3" 2>&1 &
    STARTED=$!
    PIDS+=("$STARTED")
    PID_OF_PORT[$2]=$STARTED
}

# cpu_ticks PID...: the processes' user + system time so far, in clock ticks (0 for one that is gone). The
# fields are counted after the command name's closing parenthesis, as a name may hold spaces.
cpu_ticks() {
    local total=0 pid ticks
    for pid in "$@"; do
        ticks=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }') || ticks=0
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}
TICKS_PER_SECOND=$(getconf CLK_TCK)
# DB_POSTMASTER: the postmaster of the cluster ./dev bench started for the run (BENCH_POSTMASTER_PID); its
# children are the backends serving our server and PostgreSQL's own workers. Unset for any other cluster:
# its CPU time is not counted and its processes are not pinned.
DB_POSTMASTER=${BENCH_POSTMASTER_PID:-}
db_processes() { [ -n "$DB_POSTMASTER" ] && pgrep -P "$DB_POSTMASTER" || true; }
# pin_database CPUS: PostgreSQL's processes onto CPUS (backends forked later inherit the postmaster's).
pin_database() {
    local pid
    for pid in "$DB_POSTMASTER" $(db_processes); do
        taskset -a -p -c "$1" "$pid" >/dev/null 2>&1 || return 1
    done
}

LISTING_PATH="/article?limit=20&offset=0"
wait_ready() { # wait_ready PORT PID: until GET /article answers 200 (60 s at most)
    local deadline=$((SECONDS + 60))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$LISTING_PATH")" = 200 ]; do
        kill -0 "$2" 2>/dev/null || die "the server on port $1 died (see the logs in $RUN)"
        [ $SECONDS -lt $deadline ] || die "no answer on port $1 after 60 s"
        sleep 0.05
    done
}

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# --- the Node app: a copy under BUILD/seed-node (never written in place), npm ci when the lock changes ---
prepare_node() {
    if [ ! -d "$NODE_DIR/node_modules" ] || ! cmp -s "$NODE_ANCHOR/package-lock.json" "$NODE_DIR/package-lock.json"; then
        log "copying the Node app to $NODE_DIR and running npm ci"
        rm -rf "$NODE_DIR"
        mkdir -p "$NODE_DIR"
        cp -r "$NODE_ANCHOR/." "$NODE_DIR/"
        chmod -R u+w "$NODE_DIR"
        (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
    else
        rm -rf "$NODE_DIR/src"
        cp -r "$NODE_ANCHOR/src" "$NODE_ANCHOR/package.json" "$NODE_DIR/"
        chmod -R u+w "$NODE_DIR/src"
    fi
}

# --- the data: built once a size, through our API, then copied into the Node schema -----------------------
# api_data DIR ARTICLES: DIR/ours.sqlite built through our API, with DIR/emails.txt and DIR/slugs.txt
api_data() {
    local dir=$1 articles=$2 port pid
    rm -rf "$dir"
    mkdir -p "$dir/load"
    log "building the data through our API: $USERS users, $articles articles, $COMMENTS comments"
    port=$(free_port)
    start_ours "sqlite:$dir/ours.sqlite" "$port" "$dir/load/ours.log"
    pid=$STARTED
    wait_ready "$port" "$pid"
    BENCH_PASSWORD=$PASSWORD "$HERE/load-data.sh" api "http://127.0.0.1:$port" "$dir/ours.sqlite" "$dir/load" \
        "$USERS" "$articles" "$COMMENTS"
    stop "$pid"
    sqlite3 "$dir/ours.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    mv "$dir/load/emails.txt" "$dir/load/slugs.txt" "$dir/"
}

# node_data DIR: DIR/node.sqlite, the rows of DIR/ours.sqlite in the Node app's own schema
node_data() {
    local dir=$1 port pid
    log "creating the Node schema (its app started once with --fresh) and copying the rows"
    port=$(free_port)
    start_node "$dir/node.sqlite" "$port" "$dir/load/node.log" --fresh
    pid=$STARTED
    wait_ready "$port" "$pid"
    stop "$pid"
    "$HERE/load-data.sh" node "$dir/ours.sqlite" "$dir/node.sqlite"
}

# build_data DIR ARTICLES: all through the API, then the Node copy; DIR/complete says when and how long
build_data() {
    local dir=$1 articles=$2 started=$SECONDS api_seconds
    api_data "$dir" "$articles"
    api_seconds=$((SECONDS - started))
    node_data "$dir"
    printf 'loaded=%s\napi_seconds=%s\ntotal_seconds=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$api_seconds" \
        "$((SECONDS - started))" >"$dir/complete"
    log "data ready in $((SECONDS - started)) s"
}

# build_large_data: the data the way an installation that moves in gets it, through `blog-server import`:
# make-import.py writes the file (users, articles, comments; every user with the one argon2id hash of the
# benchmark's password, made by signing up once on a throwaway server), the import fills our SQLite file,
# and the Node copy is made from it as usual. DATA/import.jsonl is kept for the PostgreSQL rows, which
# import the same file. DATA/complete records the seconds of each step.
build_large_data() {
    local started=$SECONDS port pid hash generate_started generate_seconds import_started import_seconds
    rm -rf "$DATA"
    mkdir -p "$DATA/load"
    log "one sign-up on a throwaway server, for the argon2id hash of the benchmark's password"
    port=$(free_port)
    start_ours "sqlite:$DATA/load/hash.sqlite" "$port" "$DATA/load/hash.log"
    pid=$STARTED
    wait_ready "$port" "$pid"
    curl -sS -o /dev/null --json "{\"email\":\"hash@bench.example\",\"fullName\":\"Hash\",\"password\":\"$PASSWORD\"}" \
        "http://127.0.0.1:$port/user/sign-up"
    stop "$pid"
    hash=$(sqlite3 "$DATA/load/hash.sqlite" "SELECT password_hash FROM users")
    [[ "$hash" == '$argon2id$'* ]] || die "no argon2id hash from the throwaway server (see $DATA/load/hash.log)"
    log "writing the import file: $USERS users, $ARTICLES articles ($BASE_ARTICLES of them 150-400 words), $COMMENTS comments"
    generate_started=$SECONDS
    python3 "$HERE/make-import.py" "$DATA" "$USERS" "$ARTICLES" "$COMMENTS" "$BASE_ARTICLES" "$hash"
    generate_seconds=$((SECONDS - generate_started))
    log "blog-server import into SQLite ($(du -m "$DATA/import.jsonl" | cut -f1) MiB of JSON Lines)"
    import_started=$SECONDS
    "$SERVER" import --from "$DATA/import.jsonl" --database "sqlite:$DATA/ours.sqlite" >"$DATA/load/import.log" 2>&1 ||
        die "blog-server import failed (see $DATA/load/import.log)"
    import_seconds=$((SECONDS - import_started))
    log "$(tail -n 1 "$DATA/load/import.log")"
    node_data "$DATA"
    printf 'loaded=%s\ngenerate_seconds=%s\nimport_seconds=%s\ntotal_seconds=%s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$generate_seconds" "$import_seconds" "$((SECONDS - started))" >"$DATA/complete"
    log "large data ready in $((SECONDS - started)) s (file $generate_seconds s, import $import_seconds s)"
}

# --- tokens: sign in TOKENS users on a server, one token a line --------------------------------------------
sign_in_tokens() { # sign_in_tokens PORT OUTFILE
    local dir
    dir=$(mktemp -d "$RUN/signin.XXXXXX")
    head -n "$TOKENS" "$DATA/emails.txt" | awk -v base="http://127.0.0.1:$1" -v dir="$dir" -v pw="$PASSWORD" '{
        if (NR > 1) print "next"
        printf "url = \"%s/user/sign-in\"\njson = \"{\\\"email\\\":\\\"%s\\\",\\\"password\\\":\\\"%s\\\"}\"\noutput = \"%s/%d.json\"\n", base, $0, pw, dir, NR
    }' >"$dir/config"
    curl -sS --no-progress-meter --parallel --parallel-max 4 -K "$dir/config" || true
    cat "$dir"/*.json 2>/dev/null | tr '}' '\n' |
        awk 'match($0, /"token":"[^"]*"/) { print substr($0, RSTART + 9, RLENGTH - 10) }' >"$2"
    rm -rf "$dir"
    [ "$(wc -l <"$2")" -eq "$TOKENS" ] || die "signing in $TOKENS users on port $1 gave $(wc -l <"$2") tokens"
}

# --- wrk -----------------------------------------------------------------------------------------------------
RESULTS=""
# measure SCENARIO-ID LABEL SIDE PORT SCRIPT CONNECTIONS TOKENFILE: one wrk run, one line in RESULTS
measure() {
    local id=$1 label=$2 side=$3 port=$4 script=$5 connections=$6 tokens=$7
    local out="$RUN/wrk-$id-$side.txt"
    # CPU time of the server, and of PostgreSQL's processes on its rows, over the run
    local server_pid=${PID_OF_PORT[$port]:-} db_pids="" server_ticks db_ticks
    [ "$side" = pg ] && db_pids=$(db_processes)
    server_ticks=$(cpu_ticks $server_pid)
    db_ticks=$(cpu_ticks $db_pids)
    BENCH_DATA=$DATA BENCH_TOKENS=$tokens BENCH_LUA=$HERE BENCH_PASSWORD=$PASSWORD \
        "${PIN[@]}" wrk -t"$((connections < THREADS ? connections : THREADS))" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s "$HERE/$script" \
        "http://127.0.0.1:$port" >"$out" 2>&1 &
    local wrk_pid=$!
    PIDS+=("$wrk_pid")
    wait "$wrk_pid" || true
    forget "$wrk_pid"
    server_ticks=$(($(cpu_ticks $server_pid) - server_ticks))
    # listed again: a backend started during the run (a search thread's first connection) counts whole
    [ "$side" = pg ] && db_pids=$(db_processes)
    db_ticks=$(($(cpu_ticks $db_pids) - db_ticks))
    local line
    line=$(grep '^BENCH-RESULT ' "$out" | tail -1) || true
    if [ -z "$line" ]; then
        log "wrk gave no result for $label on $side (see $out)"
        line="BENCH-RESULT requests=0 duration_us=1 rps=0 p50_us=0 p99_us=0 non2xx=0 connect=0 read=0 write=0 timeout=0"
    fi
    # wrk's own report must say the same as done(): "Non-2xx or 3xx responses: N" and
    # "Socket errors: connect C, read R, write W, timeout T" (both lines only there when not zero)
    local printed
    printed=$(awk '/Non-2xx or 3xx responses:/ { n = $NF }
        /Socket errors:/ { gsub(/,/, ""); c = $4; r = $6; w = $8; t = $10 }
        END { printf "non2xx=%d connect=%d read=%d write=%d timeout=%d", n, c, r, w, t }' "$out")
    if [[ "$line" != *" $printed" ]]; then
        log "$label on $side: wrk printed '$printed', done() said '${line#* p99_us=* }'; the table has wrk's"
        line="${line%% non2xx=*} $printed"
    fi
    # scenario id, label, side, then rps p50 p99 non2xx connect read write timeout, then the CPU time a
    # request of the server and of PostgreSQL's processes in µs (0 when not measured)
    RESULTS+=$(printf '%s\t%s\t%s\t%s' "$id" "$label" "$side" \
        "$(awk -v server="$server_ticks" -v db="$db_ticks" -v hz="$TICKS_PER_SECOND" '{
                  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                  n = v["requests"] > 0 ? v["requests"] : 1
                  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f\t%.0f", v["rps"], v["p50_us"], v["p99_us"], v["non2xx"], v["connect"], v["read"], v["write"], v["timeout"],
                      server * 1000000 / hz / n, db * 1000000 / hz / n }' <<<"$line")")$'\n'
    local rps p50 p99
    rps=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$line")
    p50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line")
    p99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line")
    printf '    %-40s %-4s %10s req/s   p50 %-10s p99 %s\n' "$label" "$side" "$rps" "$(fmt_us "$p50")" "$(fmt_us "$p99")" >&2
    sleep 1
}

# warm_up NAME PORT: 3 s each of random listing pages and article details, not measured: the first
# requests after a start pay for empty caches and statements not yet prepared.
warm_up() {
    local script wrk_pid
    for script in random-pages.lua detail.lua; do
        BENCH_DATA=$DATA BENCH_TOKENS=/dev/null BENCH_LUA=$HERE \
            "${PIN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$HERE/$script" "http://127.0.0.1:$2" >"$RUN/warmup-$1-$script.txt" 2>&1 &
        wrk_pid=$!
        PIDS+=("$wrk_pid")
        wait "$wrk_pid" || true
        forget "$wrk_pid"
    done
}

fmt_us() {
    awk -v us="$1" 'BEGIN {
        if (us < 10000) printf "%.2f ms", us / 1000
        else if (us < 100000) printf "%.1f ms", us / 1000
        else if (us < 10000000) printf "%.0f ms", us / 1000
        else printf "%.1f s", us / 1000000
    }'
}

# --- start-up: process start to first 200, median of 5 -------------------------------------------------------
startup_ms() { # startup_ms ours|node: prints the median
    local side=$1 times=() port t0 t1 pid
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        t0=$(date +%s%N)
        if [ "$side" = ours ]; then
            start_ours "sqlite:$RUN/ours.sqlite" "$port" "$RUN/startup-ours.log"
        else
            start_node "$RUN/node.sqlite" "$port" "$RUN/startup-node.log"
        fi
        pid=$STARTED
        until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$LISTING_PATH")" = 200 ]; do
            kill -0 "$pid" 2>/dev/null || die "$side died while starting (see $RUN/startup-$side.log)"
            sleep 0.005
        done
        t1=$(date +%s%N)
        stop "$pid"
        times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

# =============================================================================================================
STARTED_AT=$SECONDS
prepare_node
if [ "$RELOAD" = 1 ] || [ ! -f "$DATA/complete" ]; then
    if [ "$MODE" = large ]; then build_large_data; else build_data "$DATA" "$ARTICLES"; fi
else
    log "reusing the data in $DATA (built $(sed -n 's/^loaded=//p' "$DATA/complete"); --reload builds it again)"
    # Data from an older build gets this build's migrations here, once, not in the start-up measured below.
    "$SERVER" migrate --database "sqlite:$DATA/ours.sqlite" >"$DATA/load/migrate.log" 2>&1 ||
        die "blog-server migrate failed on the reused data (see $DATA/load/migrate.log)"
fi
LOAD_API_SECONDS=$(sed -n 's/^api_seconds=//p' "$DATA/complete")
LOAD_TOTAL_SECONDS=$(sed -n 's/^total_seconds=//p' "$DATA/complete")
LOAD_GENERATE_SECONDS=$(sed -n 's/^generate_seconds=//p' "$DATA/complete")
LOAD_IMPORT_SECONDS=$(sed -n 's/^import_seconds=//p' "$DATA/complete")
LOADED_AT=$(sed -n 's/^loaded=//p' "$DATA/complete")
COUNTS=$(sqlite3 "$DATA/ours.sqlite" "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM articles)
    || ' articles, ' || (SELECT count(*) FROM article_tags) || ' article-tag links (' || (SELECT count(*) FROM tags)
    || ' tags), ' || (SELECT count(*) FROM comments) || ' comments'")

rm -rf "$RUN"
mkdir -p "$RUN"
cp "$DATA/ours.sqlite" "$RUN/ours.sqlite"
cp "$DATA/node.sqlite" "$RUN/node.sqlite"
BENCH_STARTED=$SECONDS

log "start-up, median of 5"
OURS_STARTUP=$(startup_ms ours)
NODE_STARTUP=$(startup_ms node)
log "start-up: ours $OURS_STARTUP ms, node $NODE_STARTUP ms"

OURS_PORT=$(free_port)
start_ours "sqlite:$RUN/ours.sqlite" "$OURS_PORT" "$RUN/ours.log"
OURS_PID=$STARTED
NODE_PORT=$(free_port)
while [ "$NODE_PORT" = "$OURS_PORT" ]; do NODE_PORT=$(free_port); done
start_node "$RUN/node.sqlite" "$NODE_PORT" "$RUN/node.log"
NODE_PID=$STARTED
wait_ready "$OURS_PORT" "$OURS_PID"
wait_ready "$NODE_PORT" "$NODE_PID"
# A second instance of ours with the metrics listener, on its own copy, for the "metrics on" row.
METRICS_SERVER_PID="" METRICS_SERVER_PORT="" METRICS_PORT=""
if [[ "$SERVER_HELP" == *--metrics-listen* ]]; then
    cp "$DATA/ours.sqlite" "$RUN/ours-metrics.sqlite"
    METRICS_SERVER_PORT=$(free_port)
    METRICS_PORT=$(free_port)
    while [ "$METRICS_SERVER_PORT" = "$OURS_PORT" ] || [ "$METRICS_SERVER_PORT" = "$NODE_PORT" ]; do METRICS_SERVER_PORT=$(free_port); done
    while [ "$METRICS_PORT" = "$OURS_PORT" ] || [ "$METRICS_PORT" = "$NODE_PORT" ] || [ "$METRICS_PORT" = "$METRICS_SERVER_PORT" ]; do METRICS_PORT=$(free_port); done
    OURS_OPTIONS_SAVED=("${OURS_OPTIONS[@]}")
    OURS_OPTIONS+=(--metrics-listen "127.0.0.1:$METRICS_PORT")
    start_ours "sqlite:$RUN/ours-metrics.sqlite" "$METRICS_SERVER_PORT" "$RUN/ours-metrics.log"
    OURS_OPTIONS=("${OURS_OPTIONS_SAVED[@]}")
    METRICS_SERVER_PID=$STARTED
    wait_ready "$METRICS_SERVER_PORT" "$METRICS_SERVER_PID"
    # Read whole first: grep -q stops at its match, and with pipefail curl's SIGPIPE then failed the check
    # once the text outgrew a pipe's buffer.
    METRICS_TEXT=$(curl -sf "http://127.0.0.1:$METRICS_PORT/metrics") && grep -q '^blog_http_requests_total{' <<<"$METRICS_TEXT" ||
        die "no metrics on 127.0.0.1:$METRICS_PORT (see $RUN/ours-metrics.log)"
fi
sign_in_tokens "$OURS_PORT" "$RUN/tokens-ours.txt"
sign_in_tokens "$NODE_PORT" "$RUN/tokens-node.txt"

# Both must answer what the scripts send before we measure anything (the check adds one comment).
expect_2xx() { # expect_2xx SIDE PORT METHOD PATH [TOKEN [JSON]]
    local args=(-s -o /dev/null -w '%{http_code}' -X "$3")
    [ -n "${5:-}" ] && args+=(-H "Authorization: Bearer $5")
    [ -n "${6:-}" ] && args+=(--json "$6")
    local code
    code=$(curl "${args[@]}" "http://127.0.0.1:$2$4" || true)
    case "$code" in 2??) ;; *) die "$1 answered $code to $3 $4" ;; esac
}
SLUG=$(head -n 1 "$DATA/slugs.txt")
expect_2xx ours "$OURS_PORT" GET "/article/$SLUG"
expect_2xx node "$NODE_PORT" GET "/article/$SLUG"
expect_2xx ours "$OURS_PORT" GET /user/profile "$(head -n 1 "$RUN/tokens-ours.txt")"
expect_2xx node "$NODE_PORT" GET /user/profile "$(head -n 1 "$RUN/tokens-node.txt")"
expect_2xx ours "$OURS_PORT" POST "/article/$SLUG/comment" "$(head -n 1 "$RUN/tokens-ours.txt")" '{"text":"check"}'
expect_2xx node "$NODE_PORT" POST "/article/$SLUG/comment" "$(head -n 1 "$RUN/tokens-node.txt")" '{"text":"check"}'

log "warming up the servers (3 s of article details each, not measured)"
for side in ours node metrics; do
    port=$OURS_PORT tokens=$RUN/tokens-$side.txt
    [ "$side" = node ] && port=$NODE_PORT
    if [ "$side" = metrics ]; then
        [ -n "$METRICS_SERVER_PID" ] || continue
        port=$METRICS_SERVER_PORT tokens=$RUN/tokens-ours.txt # the same data, so the same users
    fi
    BENCH_DATA=$DATA BENCH_TOKENS=$tokens BENCH_LUA=$HERE \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$HERE/detail.lua" "http://127.0.0.1:$port" >"$RUN/warmup-$side.txt" 2>&1 &
    wrk_pid=$!
    PIDS+=("$wrk_pid")
    wait "$wrk_pid" || true
    forget "$wrk_pid"
done

log "measuring: $THREADS threads, ${DURATION}s a scenario, ours then node"
# bare: ours only (the Node app has no such route). flood: the cached page again while sign-ins run flat out
# on the same server (wrk with signin.lua and FLOOD_CONNECTIONS connections, started 2 s before and ending
# after it), its p99 to compare with the cached row's.
FLOOD_CONNECTIONS=16
# listeners: the desktop apps of LISTENERS authors, each holding a long poll (GET /user/notifications)
# open on the server while the cached page is measured; ours only (the Node app has no such route).
LISTENERS=500
SCENARIOS=(
    "bare|bare JSON route, GET /health|health.lua|$CONNECTIONS"
    "cached|listing, cached first page|listing.lua|$CONNECTIONS"
    "metrics|listing, cached first page, metrics on (scraped every second)|listing.lua|$CONNECTIONS"
    "cached256|listing, cached first page, 256 conn.|listing.lua|256"
    "rwcached|RealWorld GET /api/articles, first page|realworld-listing.lua|$CONNECTIONS"
    "rwtag|RealWorld GET /api/articles?tag=, first page|realworld-tag.lua|$CONNECTIONS"
    "searchcommon|search, a word nearly every article has (same query: cached)|search-common.lua|$CONNECTIONS"
    "searchrare|search, a word one article has (random queries)|search-rare.lua|$CONNECTIONS"
    "searchphrase|search, a quoted phrase (random queries)|search-phrase.lua|$CONNECTIONS"
    "listeners|listing, cached first page, with $LISTENERS notification listeners waiting|listing.lua|$CONNECTIONS"
    "pages|listing, random pages|random-pages.lua|$CONNECTIONS"
    "detail|article detail|detail.lua|$CONNECTIONS"
    "webhome|web home page (HTML), cached|web-home.lua|$CONNECTIONS"
    "webarticle|web article page (HTML), random articles|web-article.lua|$CONNECTIONS"
    "profile|profile (Bearer token)|token.lua|$CONNECTIONS"
    "signin|sign-in (argon2id)|signin.lua|$CONNECTIONS"
    "signin1|sign-in, one client at a time|signin.lua|1"
    "busy|sign-in, one client at a time, beside two busy processes|signin.lua|1"
    "flood|listing, cached first page, during a sign-in flood|listing.lua|$CONNECTIONS"
    "comment|comment post|comment.lua|$CONNECTIONS"
    "mixed|mixed, 90 % reads / 10 % writes|mixed.lua|$CONNECTIONS"
)
# The two rows held to a row without the load beside them (flood, listeners) are measured in PAIRS
# alternating pairs, the row without right before each, and the table gives the medians: one run's p99 on
# these shared machines moves by 2x from run to run, and a baseline taken minutes earlier drifts as well.
PAIRS=3
# drain_hashing PORT: waits until the sign-ins queued on the server are done (one more sign-in waits
# behind them all), so the next row does not pay for hashes whose clients wrk has already left.
drain_hashing() {
    curl -s -o /dev/null --max-time 120 -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$(head -n 1 "$DATA/emails.txt")\",\"password\":\"$PASSWORD\"}" \
        "http://127.0.0.1:$1/user/sign-in" || true
}
# measure_during_flood ID LABEL SIDE PORT SCRIPT CONNECTIONS TOKENFILE: PAIRS times the same measurement
# alone (as ID-base) and with sign-ins running flat out beside it on the same server
measure_during_flood() {
    local pair
    for ((pair = 0; pair < PAIRS; pair++)); do
        measure "$1-base" "listing, cached first page, alternating with the flood" "${@:3}"
        BENCH_DATA=$DATA BENCH_LUA=$HERE BENCH_PASSWORD=$PASSWORD \
            wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$((DURATION + 4))s" --timeout 10s -s "$HERE/signin.lua" \
            "http://127.0.0.1:$4" >"$RUN/wrk-flood-signin-$3.txt" 2>&1 &
        local flood_pid=$!
        PIDS+=("$flood_pid")
        sleep 2
        measure "$@"
        wait "$flood_pid" || true
        forget "$flood_pid"
        drain_hashing "$4"
    done
}
# measure_with_listeners ...: PAIRS times the same measurement alone (as ID-base) and with LISTENERS long
# polls waiting on the server
measure_with_listeners() {
    local pair
    for ((pair = 0; pair < PAIRS; pair++)); do
        measure "$1-base" "listing, cached first page, alternating with the listeners" "${@:3}"
        BENCH_DATA=$DATA BENCH_TOKENS=$7 BENCH_LUA=$HERE \
            wrk -t1 -c"$LISTENERS" -d"$((DURATION + 4))s" --timeout 40s -s "$HERE/listener.lua" \
            "http://127.0.0.1:$4" >"$RUN/wrk-listeners-$3.txt" 2>&1 &
        local listeners_pid=$!
        PIDS+=("$listeners_pid")
        sleep 2
        command -v ss >/dev/null && log "connections open to the server with the listeners: $(ss -Htn state established "( dport = :$4 )" | wc -l)"
        measure "$@"
        kill "$listeners_pid" 2>/dev/null || true # their long polls outlast the row
        wait "$listeners_pid" || true
        forget "$listeners_pid"
    done
}
# measure_beside_busy ...: measure, with two CPU-bound processes (`yes`) running on the machine
measure_beside_busy() {
    local hogs=()
    for _ in 1 2; do
        yes >/dev/null &
        hogs+=($!)
        PIDS+=("$!")
    done
    sleep 1
    measure "$@"
    for hog in "${hogs[@]}"; do
        kill "$hog" 2>/dev/null || true
        wait "$hog" 2>/dev/null || true
        forget "$hog"
    done
}
# measure_while_scraped ...: measure (same arguments), with GET /metrics every second as Prometheus would
# (every 15 s, usually); then check that the server counted what wrk sent.
measure_while_scraped() {
    local before after
    before=$(curl -s "http://127.0.0.1:$METRICS_PORT/metrics" | awk '/^blog_http_requests_total\{route="\/article",method="GET",status="200"\}/ { print $2 }')
    (while :; do curl -s -o /dev/null "http://127.0.0.1:$METRICS_PORT/metrics"; sleep 1; done) &
    local scraper_pid=$!
    PIDS+=("$scraper_pid")
    measure "$@"
    kill "$scraper_pid" 2>/dev/null || true
    wait "$scraper_pid" 2>/dev/null || true
    forget "$scraper_pid"
    after=$(curl -s "http://127.0.0.1:$METRICS_PORT/metrics" | awk '/^blog_http_requests_total\{route="\/article",method="GET",status="200"\}/ { print $2 }')
    log "metrics counted $((${after:-0} - ${before:-0})) GET /article 200 during the row (wrk: $(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$RUN/wrk-$1-$3.txt" | tail -1) requests)"
}
# --large: the random pages again at a pace the server can carry, for their latency without a queue.
if [ "$MODE" = large ]; then
    SCENARIOS=("${SCENARIOS[@]:0:8}" "paced|listing, random pages, paced (~2,000 req/s offered)|random-pages-paced.lua|$CONNECTIONS"
        "${SCENARIOS[8]}" "detailpaced|article detail, paced (~2,000 req/s offered)|detail-paced.lua|$CONNECTIONS"
        "searchphrasepaced|search, a quoted phrase, paced (~100 req/s offered)|search-phrase-paced.lua|$CONNECTIONS"
        "${SCENARIOS[@]:9}")
fi
# The RealWorld rows' tag: the one most articles have (the rows measure a full first page).
BENCH_TAG=$(sqlite3 "$RUN/ours.sqlite" "SELECT t.name FROM tags t JOIN article_tags l ON l.tag_id = t.id \
    GROUP BY t.id ORDER BY count(*) DESC LIMIT 1")
export BENCH_TAG
for scenario in "${SCENARIOS[@]}"; do
    IFS='|' read -r id label script connections <<<"$scenario"
    [ -n "${BENCH_ONLY:-}" ] && [[ ",$BENCH_ONLY," != *",$id,"* ]] && continue
    for side in ours node; do
        # The Node app has neither a bare route, notification listeners, web pages, the RealWorld API nor search.
        case "$id" in bare | listeners | web* | rw* | search*) [ "$side" = node ] && continue ;; esac
        [ "$id" = metrics ] && { [ "$side" = node ] || [ -z "$METRICS_SERVER_PID" ]; } && continue
        port=$OURS_PORT
        [ "$side" = node ] && port=$NODE_PORT
        if [ "$id" = metrics ]; then
            measure_while_scraped "$id" "$label" "$side" "$METRICS_SERVER_PORT" "$script" "$connections" "$RUN/tokens-$side.txt"
        elif [ "$id" = flood ]; then
            measure_during_flood "$id" "$label" "$side" "$port" "$script" "$connections" "$RUN/tokens-$side.txt"
        elif [ "$id" = listeners ]; then
            measure_with_listeners "$id" "$label" "$side" "$port" "$script" "$connections" "$RUN/tokens-$side.txt"
        elif [ "$id" = busy ]; then
            measure_beside_busy "$id" "$label" "$side" "$port" "$script" "$connections" "$RUN/tokens-$side.txt"
        else
            measure "$id" "$label" "$side" "$port" "$script" "$connections" "$RUN/tokens-$side.txt"
        fi
        [ "$script" = signin.lua ] && drain_hashing "$port"
    done
done
# The total on the deepest page must be the table's count (the write scenarios added comments only).
ARTICLES_NOW=$(sqlite3 "$RUN/ours.sqlite" "SELECT count(*) FROM articles")
total_of() { curl -s "http://127.0.0.1:$1/article?limit=20&offset=$((ARTICLES_NOW - 1))" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
TOTAL_NOTE="total on the deepest page (offset $((ARTICLES_NOW - 1))): ours $(total_of "$OURS_PORT"), node $(total_of "$NODE_PORT"); the table holds $ARTICLES_NOW"
log "$TOTAL_NOTE"
OURS_RSS=$(rss_mib "$OURS_PID")
NODE_RSS=$(rss_mib "$NODE_PID")
stop "$OURS_PID"
stop "$NODE_PID"
[ -n "$METRICS_SERVER_PID" ] && stop "$METRICS_SERVER_PID"

PG_NOTE="not measured (BLOG_TEST_POSTGRES_URL was not set)"
PG_RSS=""
if [ -n "${BLOG_TEST_POSTGRES_URL:-}" ]; then
    command -v psql >/dev/null || die "psql is missing"
    if [ "$MODE" = large ]; then
        # The same file the SQLite rows were imported from, into the empty database ./dev bench made.
        log "PostgreSQL: blog-server import of the same file, then our server on it"
        pg_import_started=$SECONDS
        "$SERVER" import --from "$DATA/import.jsonl" --database "$BLOG_TEST_POSTGRES_URL" >"$RUN/import-postgres.log" 2>&1 ||
            die "blog-server import into PostgreSQL failed (see $RUN/import-postgres.log)"
        PG_IMPORT_NOTE=", into PostgreSQL in $((SECONDS - pg_import_started)) s"
        log "$(tail -n 1 "$RUN/import-postgres.log")"
        # What autovacuum would do soon after a load: the visibility map for index-only scans.
        psql -q -v ON_ERROR_STOP=1 "$BLOG_TEST_POSTGRES_URL" -c "VACUUM ANALYZE users, articles, tags, article_tags, comments" >/dev/null
        PG_HOW="the same file imported with \`blog-server import\`, then VACUUM ANALYZE"
    else
        log "PostgreSQL: copying the same rows, then our server on it"
        "$HERE/load-data.sh" pg "$RUN/ours.sqlite" "$BLOG_TEST_POSTGRES_URL" "$SERVER"
        PG_HOW="same rows copied in with COPY, then VACUUM ANALYZE"
    fi
    PG_PORT=$(free_port)
    start_ours "$BLOG_TEST_POSTGRES_URL" "$PG_PORT" "$RUN/ours-postgres.log"
    PG_SERVER_PID=$STARTED
    wait_ready "$PG_PORT" "$PG_SERVER_PID"
    sign_in_tokens "$PG_PORT" "$RUN/tokens-pg.txt"
    warm_up pg "$PG_PORT"
    PG_SCENARIOS=(
        "pg-cached|PostgreSQL: listing, cached first page|listing.lua"
        "pg-pages|PostgreSQL: listing, random pages|random-pages.lua"
        "pg-detail|PostgreSQL: article detail|detail.lua"
        "pg-profile|PostgreSQL: profile (Bearer token)|token.lua"
        "pg-searchcommon|PostgreSQL: search, a word nearly every article has (same query: cached)|search-common.lua"
        "pg-searchrare|PostgreSQL: search, a word one article has (random queries)|search-rare.lua"
        "pg-searchphrase|PostgreSQL: search, a quoted phrase (random queries)|search-phrase.lua"
        "pg-mixed|PostgreSQL: mixed, 90 % reads / 10 % writes|mixed.lua"
    )
    if [ "$MODE" = large ]; then
        PG_SCENARIOS=("${PG_SCENARIOS[@]:0:2}" "pg-paced|PostgreSQL: listing, random pages, paced (~2,000 req/s offered)|random-pages-paced.lua"
            "${PG_SCENARIOS[2]}" "pg-detailpaced|PostgreSQL: article detail, paced (~2,000 req/s offered)|detail-paced.lua"
            "${PG_SCENARIOS[@]:3:4}"
            "pg-searchphrasepaced|PostgreSQL: search, a quoted phrase, paced (~100 req/s offered)|search-phrase-paced.lua"
            "${PG_SCENARIOS[@]:7}")
    fi
    for scenario in "${PG_SCENARIOS[@]}"; do
        IFS='|' read -r id label script <<<"$scenario"
        measure "$id" "$label" pg "$PG_PORT" "$script" "$CONNECTIONS" "$RUN/tokens-pg.txt"
    done
    PG_RSS=$(rss_mib "$PG_SERVER_PID")
    stop "$PG_SERVER_PID"
    # Split cores: our server and wrk on all cores but the last, PostgreSQL's processes on the last one (with
    # SQLite that core idles), the shape of a deployment with the database on a machine of its own; above,
    # PostgreSQL's backends take CPU from the server they answer. Each side on a fresh server, warmed up.
    last_cpu=$(($(nproc) - 1))
    if [ "$last_cpu" -ge 1 ] && [ -n "$DB_POSTMASTER" ] && pin_database "$last_cpu"; then
        PIN=(taskset -c "0-$((last_cpu - 1))")
        SPLIT_NOTE="our server and wrk on CPU 0, PostgreSQL on CPU $last_cpu"
        [ "$last_cpu" -gt 1 ] && SPLIT_NOTE="our server and wrk on CPUs 0-$((last_cpu - 1)), PostgreSQL on CPU $last_cpu"
        for side in ours pg; do
            database="sqlite:$RUN/ours.sqlite" tokens=$RUN/tokens-ours.txt name=SQLite
            [ "$side" = pg ] && database=$BLOG_TEST_POSTGRES_URL tokens=$RUN/tokens-pg.txt name=PostgreSQL
            port=$(free_port)
            start_ours "$database" "$port" "$RUN/split-$side.log"
            split_pid=$STARTED
            wait_ready "$port" "$split_pid"
            warm_up "split-$side" "$port"
            for scenario in "pages|listing, random pages|random-pages.lua" "detail|article detail|detail.lua" \
                "searchrare|search, a word one article has (random queries)|search-rare.lua" \
                "mixed|mixed, 90 % reads / 10 % writes|mixed.lua"; do
                IFS='|' read -r id label script <<<"$scenario"
                measure "split-$id" "split cores: $label" "$side" "$port" "$script" "$CONNECTIONS" "$tokens"
            done
            stop "$split_pid"
        done
        PIN=()
        pin_database "0-$last_cpu" || log "could not give PostgreSQL's processes all the CPUs back"
    else
        SPLIT_NOTE=""
        log "split cores: not measured (not ./dev bench's own cluster, one CPU, or taskset refused)"
    fi
    PG_NOTE="PostgreSQL $(psql -tA "$BLOG_TEST_POSTGRES_URL" -c 'SHOW server_version' | cut -d' ' -f1) (shared_buffers $(psql -tA "$BLOG_TEST_POSTGRES_URL" -c 'SHOW shared_buffers')), $PG_HOW; our server alone (the Node app is SQLite-only)"
fi
BENCH_SECONDS=$((SECONDS - BENCH_STARTED))

# --- the table -----------------------------------------------------------------------------------------------
render_table() { # render_table [cpu]: the main table, or the one of CPU time a request
    printf '%s' "$RESULTS" | awk -F'\t' -v what="${1:-main}" -v db_measured="${DB_POSTMASTER:+1}" -v ours_rss="$OURS_RSS" -v node_rss="$NODE_RSS" -v pg_rss="$PG_RSS" -v listeners="$LISTENERS" \
        -v ours_start="$OURS_STARTUP" -v node_start="$NODE_STARTUP" '
    function lat(us) {
        if (us < 10000) return sprintf("%.2f ms", us / 1000)
        if (us < 100000) return sprintf("%.1f ms", us / 1000)
        if (us < 10000000) return sprintf("%.0f ms", us / 1000)
        return sprintf("%.1f s", us / 1000000)
    }
    function rate(r) { return r >= 100 ? sprintf("%.0f", r) : sprintf("%.1f", r) }
    function errors(non2xx, connect, read, write, timeout,   s) {
        s = ""
        if (non2xx > 0) s = s ", " non2xx " non-2xx"
        if (connect > 0) s = s ", " connect " connect"
        if (read > 0) s = s ", " read " read"
        if (write > 0) s = s ", " write " write"
        if (timeout > 0) s = s ", " timeout " timeout"
        return s == "" ? "0" : substr(s, 3)
    }
    function ratio(a, b) {
        if (b <= 0) return "–"
        return (a / b >= 10 ? sprintf("%.0f×", a / b) : sprintf("%.2f×", a / b))
    }
    # The median of column c over the runs of key k (a row measured several times: each column on its own).
    function median(c, k,   m, i, j, v, t) {
        m = runs[k]
        for (i = 1; i <= m; i++) v[i] = value[c, k, i]
        for (i = 2; i <= m; i++)
            for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return v[int((m + 1) / 2)]
    }
    {
        id = $1; label[id] = $2; side = $3
        if (!(id in seen)) { seen[id] = 1; order[++n] = id }
        k = id SUBSEP side
        if (!(k in runs)) keys[++nkeys] = k
        r = ++runs[k]
        value[4, k, r] = $4; value[5, k, r] = $5; value[6, k, r] = $6; value[12, k, r] = $12; value[13, k, r] = $13
        for (c = 7; c <= 11; c++) count[c, k] += $c # errors: summed over the runs
    }
    END {
        for (i = 1; i <= nkeys; i++) {
            k = keys[i]
            rps[k] = median(4, k); p50[k] = median(5, k); p99[k] = median(6, k)
            cpu[k] = median(12, k); dbcpu[k] = median(13, k)
            err[k] = errors(count[7, k], count[8, k], count[9, k], count[10, k], count[11, k])
            split(k, part, SUBSEP)
            if (runs[k] > 1 && !(part[1] in medianed)) {
                medianed[part[1]] = 1
                label[part[1]] = label[part[1]] " (median of " runs[k] ")"
            }
        }
        if (what == "cpu") {
            if (!db_measured) exit # PostgreSQL'"'"'s processes were not ours to watch
            print "| scenario | SQLite: our server | PostgreSQL: our server | PostgreSQL: its processes | PostgreSQL ÷ SQLite, all CPU |"
            print "|---|--:|--:|--:|--:|"
            for (i = 1; i <= n; i++) {
                id = order[i]
                if (id ~ /^pg-/ && ((substr(id, 4), "ours") in cpu)) {
                    base = substr(id, 4); l = label[base]; s = cpu[base, "ours"]; p = cpu[id, "pg"]; d = dbcpu[id, "pg"]
                } else if (id ~ /^split-/ && ((id, "pg") in cpu)) {
                    l = label[id]; s = cpu[id, "ours"]; p = cpu[id, "pg"]; d = dbcpu[id, "pg"]
                } else continue
                if (s <= 0) continue
                printf "| %s | %d µs | %d µs | %d µs | %.2f× |\n", l, s, p, d, (p + d) / s
            }
            exit
        }
        print "| scenario | ours req/s | ours p50 | ours p99 | ours errors | node req/s | node p50 | node p99 | node errors | ratio |"
        print "|---|--:|--:|--:|---|--:|--:|--:|---|--:|"
        for (i = 1; i <= n; i++) {
            id = order[i]
            if (id ~ /^(pg|split)-/) continue
            if (id == "bare") {
                printf "| %s | %s | %s | %s | %s | – | – | – | – | cached listing: %.0f %% of it |\n", label[id],
                    rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"],
                    (rps[id, "ours"] > 0 ? 100 * rps["cached", "ours"] / rps[id, "ours"] : 0)
                continue
            }
            if (id == "webhome" || id == "webarticle") {
                base = (id == "webhome") ? "cached" : "detail"
                printf "| %s | %s | %s | %s | %s | – | – | – | – | %.0f %% of the %s row |\n", label[id],
                    rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"],
                    (rps[base, "ours"] > 0 ? 100 * rps[id, "ours"] / rps[base, "ours"] : 0),
                    (id == "webhome") ? "cached listing" : "article detail (JSON)"
                continue
            }
            if (id == "metrics" || id ~ /^rw/ || id ~ /^search/) {
                printf "| %s | %s | %s | %s | %s | – | – | – | – | %.0f %% of the cached row |\n", label[id],
                    rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"],
                    (rps["cached", "ours"] > 0 ? 100 * rps[id, "ours"] / rps["cached", "ours"] : 0)
                continue
            }
            if (!((id, "node") in runs)) { # ours only
                printf "| %s | %s | %s | %s | %s | – | – | – | – | – |\n", label[id],
                    rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"]
                continue
            }
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label[id],
                rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"],
                rate(rps[id, "node"]), lat(p50[id, "node"]), lat(p99[id, "node"]), err[id, "node"],
                ratio(rps[id, "ours"], rps[id, "node"])
        }
        for (i = 1; i <= n; i++) {
            id = order[i]
            if (id !~ /^pg-/) continue
            base = substr(id, 4) # the SQLite row of the same scenario
            printf "| %s | %s | %s | %s | %s | – | – | – | – | %s of SQLite |\n", label[id],
                rate(rps[id, "pg"]), lat(p50[id, "pg"]), lat(p99[id, "pg"]), err[id, "pg"],
                ratio(rps[id, "pg"], rps[base, "ours"])
        }
        for (i = 1; i <= n; i++) {
            id = order[i]
            if (id !~ /^split-/) continue
            printf "| %s, SQLite | %s | %s | %s | %s | – | – | – | – | – |\n", label[id],
                rate(rps[id, "ours"]), lat(p50[id, "ours"]), lat(p99[id, "ours"]), err[id, "ours"]
            printf "| %s, PostgreSQL | %s | %s | %s | %s | – | – | – | – | %s of SQLite |\n", label[id],
                rate(rps[id, "pg"]), lat(p50[id, "pg"]), lat(p99[id, "pg"]), err[id, "pg"],
                ratio(rps[id, "pg"], rps[id, "ours"])
        }
        if (("flood", "ours") in p99)
            printf "| listing p99 during the sign-in flood ÷ without it | %s | | | | %s | | | | – |\n",
                ratio(p99["flood", "ours"], p99["flood-base", "ours"]), ratio(p99["flood", "node"], p99["flood-base", "node"])
        if (("listeners", "ours") in rps)
            printf "| cached listing with %s notification listeners waiting ÷ without | %s | | | | – | | | | – |\n",
                listeners, ratio(rps["listeners", "ours"], rps["listeners-base", "ours"])
        if (("busy", "ours") in p50)
            printf "| sign-in p50 beside two busy processes ÷ alone | %s | | | | %s | | | | – |\n",
                ratio(p50["busy", "ours"], p50["signin1", "ours"]), ratio(p50["busy", "node"], p50["signin1", "node"])
        printf "| resident memory after the load (VmRSS) | %s MiB | | | | %s MiB | | | | %s |\n", ours_rss, node_rss, ratio(ours_rss, node_rss)
        printf "| start-up to first answer, median of 5 | %s ms | | | | %s ms | | | | %s |\n", ours_start, node_start, ratio(ours_start, node_start)
        if (pg_rss != "") printf "| PostgreSQL: resident memory after its load | %s MiB | | | | – | | | | – |\n", pg_rss
    }'
}
TABLE=$(render_table)
CPU_TABLE=$(render_table cpu)
echo
echo "$TABLE"
echo
[ "$(wc -l <<<"$CPU_TABLE")" -gt 2 ] && { echo "$CPU_TABLE"; echo; }

# --- docs/performance.md -------------------------------------------------------------------------------------
SIZE_NOTE="$USERS users, $ARTICLES articles, $COMMENTS comments"
[ "$MODE" = quick ] && SIZE_NOTE="$SIZE_NOTE (--quick: small sizes and short scenarios, for trying the harness out)"
if [ "$MODE" = large ]; then
    SIZE_NOTE="$SIZE_NOTE (--large: loaded with \`blog-server import\`, see below)"
    BUILT_NOTE="Data built $LOADED_AT: the import file written by make-import.py in $LOAD_GENERATE_SECONDS s,"
    BUILT_NOTE+=" \`blog-server import\` into SQLite in $LOAD_IMPORT_SECONDS s${PG_IMPORT_NOTE:-}"
    BUILT_NOTE+=" ($LOAD_TOTAL_SECONDS s in all with the copy into the Node schema)"
    DATA_HOW="The data goes in the way an installation that moves in would load it: \`blog-server import\` reads
a JSON Lines file (the format of \`blog-server export\`) that \`tests/bench/make-import.py\` writes: $USERS users, then
$ARTICLES articles with 1-4 tags each (round-robin over the users; the first $BASE_ARTICLES with 150-400 words of
text like the ones posted through the API in the regular run, the others 30-80), then $COMMENTS comments on
random articles among the first $BASE_ARTICLES by random users. Every user has the same argon2id hash of the
benchmark's password (made by one sign-up on a throwaway server): hashing it $USERS times would take minutes
and gives the same bytes. The PostgreSQL rows import the same file into the empty database."
else
    BUILT_NOTE="Data built $LOADED_AT through our API in $LOAD_API_SECONDS s"
    BUILT_NOTE+=" ($LOAD_TOTAL_SECONDS s with the copy into the Node schema)"
    DATA_HOW="The data is built once through our server's HTTP API (sign-ups, then articles with 1-4 tags each, then
comments on random articles by random users; curl in parallel mode on loopback)."
fi
CPU_SECTION=""
if [ "$(wc -l <<<"$CPU_TABLE")" -gt 2 ]; then
    CPU_SECTION="
CPU time a request: user + system time from \`/proc/PID/stat\` over each row's run, divided by its requests
(wrk's own not counted), of our server's process and, on PostgreSQL, of PostgreSQL's processes (its
backends and workers) beside it. The last column is PostgreSQL's two together ÷ our server on SQLite: with
the cores shared and saturated, the throughput ratio is held to about its inverse (wrk's share aside)."
    [ -n "${SPLIT_NOTE:-}" ] && CPU_SECTION+=" The split-cores rows: $SPLIT_NOTE (with SQLite that CPU
idles), as where the database has a machine of its own; each side on a fresh server, warmed up like the
PostgreSQL rows."
    CPU_SECTION+="

$CPU_TABLE
"
fi
CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
DOC_FILE=docs/performance.md
[ "$MODE" = large ] && DOC_FILE=docs/performance-large.md # the regular table stays
cat >"$ROOT/$DOC_FILE" <<DOC
# Performance

\`./dev bench\` (Release build): blog-server against the tutorial's Node.js app (fastify 5 + MikroORM 6 +
SQLite, \`../shared/anchors/seed-node\`), both measured in the same run on the same data. Absolute figures on
these shared machines drift from run to run; the ratio (ours ÷ Node, from one run) is the figure to compare.

- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`nproc\` = $(nproc) ($CPU), $(uname -sr), Node $(node --version), SQLite $(sqlite3 --version | cut -d' ' -f1), $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)
- Data: $SIZE_NOTE; in the database: $COUNTS
- wrk: $THREADS threads, $CONNECTIONS connections (one row 256), ${DURATION} s a scenario, \`--timeout 10s\`
- $BUILT_NOTE; the measurements took $BENCH_SECONDS s
- PostgreSQL rows: $PG_NOTE
- The $TOTAL_NOTE
- blog-server options beyond \`serve --database --port --host\`: ${OURS_OPTIONS[*]:-none} (per-address limits lifted: all the load comes from 127.0.0.1)

$TABLE

Ratio: ours ÷ Node (for req/s higher is better for us; for memory and start-up lower is). PostgreSQL rows:
our server on PostgreSQL ÷ our server on SQLite. Errors: wrk's "Non-2xx or 3xx responses" (status > 399)
and its socket errors (connect, read, write, and timeout: a request slower than 10 s).
$CPU_SECTION
## How it was measured

$DATA_HOW
The same rows, ids, timestamps and argon2id password hashes included, are copied with the sqlite3 CLI into the
Node app's own schema (created by starting it once with \`--fresh\`): signing up $USERS users through the Node
API alone would take minutes of argon2id, and its comment post runs at ~60/s. Both servers then run side by
side on 127.0.0.1, each on a fresh copy, and wrk (Lua scripts in \`tests/bench/\` for paths, bodies and Bearer
tokens) loads one at a time, ours then Node for each scenario: our bare JSON route (\`GET /health\`, no
database; ours only), cached first listing page (32 and 256 connections), the same on a second instance of
ours with \`--metrics-listen\` while \`GET /metrics\` is fetched every second (ours only; its share of the row
before is what metrics cost), full-text search (ours only: \`GET /article?q=\` for a word nearly every article
has, the same query each time and so mostly the cached page; for the number in a random article's title; for
a quoted phrase from a random title), listing pages at random offsets,
article detail, our web pages (ours only: the cached home page, \`GET /\`, held to the cached listing; the HTML
page of a random article, \`GET /posts/<slug>\`, made on its first request, then cached for 5 s), \`GET /user/profile\` with a token, sign-in, the cached first
page again while 16 more connections post sign-ins flat out, comment post, and a mix of 90 % reads (first
page, random pages, details, profile) and 10 % comment posts. The cached first page with 500 notification
listeners waiting and during the sign-in flood are each measured $PAIRS times, in turn with the page alone
right before (the "alternating" rows), and their ratios are of the medians. After each sign-in row, one more
sign-in waits until the hashes queued by clients wrk has left are done, so they cost the next row nothing.
Reads come first, writes last. Each server got a 3 s warm-up of article details before. Memory is VmRSS from
\`/proc/PID/status\` after all of a server's scenarios; start-up is the time from starting the process on the
loaded database to its first 200 on \`GET /article?limit=20&offset=0\` (curl every 5 ms), median of 5.
Everything is in \`tests/bench/run-bench.sh\` (its header says the rest); wrk's full reports are left in
\`build-release/bench/run/\`.
DOC
# --large: what the profiles at a million articles showed (kept beside this script, dated in its text).
[ "$MODE" = large ] && { echo; cat "$HERE/performance-large-notes.md"; } >>"$ROOT/$DOC_FILE"
log "written to $DOC_FILE; total $((SECONDS - STARTED_AT)) s (measurements $BENCH_SECONDS s)"
