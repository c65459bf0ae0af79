#!/usr/bin/env bash
# The benchmark's data loader (see run-bench.sh for the why). Four steps:
#
#   load-data.sh api  BASE_URL OUR_SQLITE_FILE WORK_DIR USERS ARTICLES COMMENTS
#       Builds the data through blog-server's HTTP API on loopback: USERS sign-ups, then ARTICLES articles
#       (1-4 tags each from a pool of 60) spread round-robin over the users, then COMMENTS comments, each on an
#       article and by a user drawn at random (fixed seed, so every run with the same sizes builds the same
#       data). Requests go through curl's --parallel mode (one curl process, a few kept-alive connections,
#       thousands of requests from a generated config file); a request that fails is retried. Leaves
#       WORK_DIR/emails.txt and WORK_DIR/slugs.txt for the wrk scripts.
#   load-data.sh bulk OUR_SQLITE_FILE TOTAL_ARTICLES
#       Adds articles straight into our SQLite file with the sqlite3 CLI until it holds TOTAL_ARTICLES, for
#       run-bench.sh --large: posting a million articles through the API takes 30-80 minutes, this takes about
#       25 s for 980,000 (2 cores, ~450 MB). The rows are what our server writes for a post: title "Bulk
#       article ID on WORD and WORD", its slug by our rules ("bulk-article-ID-on-WORD-and-WORD"), "Notes about"
#       and 20 words as the description, ISO 8601 UTC timestamps with milliseconds (created = updated, 7 ms
#       apart, after the latest timestamp already in the file), authors round-robin over the users, 1-4
#       distinct tags out of the existing ones at positions 0..n-1. Two differences, said where the numbers are
#       shown: the text is 30-80 words (the API-built articles have 150-400), cut from one 4096-word text made
#       up of the same words, which keeps the step fast (texts and descriptions thus repeat: some 200,000
#       different texts and 4,000 descriptions); and these articles have no comments. Words and tags are drawn
#       with MINSTD generators of fixed seeds, so the same file and size always give the same rows. One
#       transaction, then a WAL checkpoint so the file alone holds everything; ANALYZE only when the file
#       already has statistics (ours has none: the server never runs ANALYZE, so neither do we). The search
#       index (migration 0006's FTS5 table) is filled by its triggers as the rows go in: each article once,
#       then again for each of its tags (~10 s more for 50,000 articles here, so some minutes at a million).
#   load-data.sh node OUR_SQLITE_FILE NODE_SQLITE_FILE
#       Copies the same rows (ids, timestamps, password hashes and all) into the Node app's SQLite schema,
#       which the caller created beforehand by starting the Node app once with --fresh on an empty file.
#       (No ANALYZE: the Node app's own database has no sqlite_stat1, and MikroORM's schema check at
#       start-up crashes on that table's untyped columns.)
#   load-data.sh pg   OUR_SQLITE_FILE POSTGRES_URL BLOG_SERVER
#       Copies the same rows into a PostgreSQL database that `blog-server migrate` has set up; the search
#       documents (migration 0006) are made once after the copy, their insert triggers off meanwhile.
set -euo pipefail

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'load-data.sh: %s\n' "$*" >&2; exit 1; }

PASSWORD=bench-password
PARALLEL=${BENCH_LOAD_PARALLEL:-12} # connections for article and comment posts
SIGNUP_PARALLEL=${BENCH_SIGNUP_PARALLEL:-4}
CHUNK=5000                          # requests per curl process

# run_config CONFIG PARALLEL: runs a curl config; prints one HTTP status a request (000: no answer).
run_config() {
    curl -sS --no-progress-meter --parallel --parallel-max "$2" --parallel-immediate -K "$1" 2>>"$WORK/curl-errors.log" || true
}

# chunked_post NAME TOTAL PARALLEL OK GENERATOR...: GENERATOR FROM TO writes the curl config of requests
# FROM..TO, each with write-out "<index> <status>". Runs it in chunks of CHUNK, retrying twice the requests
# whose status does not match the regex OK. (A request that timed out on our side may still have been done
# by the server: a retried sign-up then answers 409, which OK accepts; a retried post adds a duplicate.)
chunked_post() {
    local name=$1 total=$2 parallel=$3 ok=$4
    shift 4
    local from=1 to started=$SECONDS
    while [ "$from" -le "$total" ]; do
        to=$((from + CHUNK - 1))
        [ "$to" -gt "$total" ] && to=$total
        "$@" "$from" "$to" >"$WORK/$name.cfg"
        run_config "$WORK/$name.cfg" "$parallel" >"$WORK/$name.codes"
        local attempt
        for attempt in 1 2; do
            local failed
            failed=$(awk -v ok="$ok" '$2 !~ ok {print $1}' "$WORK/$name.codes" | tr '\n' ' ')
            [ -z "$failed" ] && break
            log "$name: retrying $(wc -w <<<"$failed") failed request(s) (attempt $attempt)"
            sleep 1
            # shellcheck disable=SC2086
            for index in $failed; do "$@" "$index" "$index"; done >"$WORK/$name.retry.cfg"
            { awk -v ok="$ok" '$2 ~ ok' "$WORK/$name.codes"; run_config "$WORK/$name.retry.cfg" "$parallel"; } >"$WORK/$name.codes.new"
            mv "$WORK/$name.codes.new" "$WORK/$name.codes"
        done
        [ "$(awk -v ok="$ok" '$2 !~ ok' "$WORK/$name.codes" | wc -l)" -eq 0 ] ||
            die "$name: requests still failing after retries: $(awk -v ok="$ok" '$2 !~ ok {print $2}' "$WORK/$name.codes" | sort | uniq -c | tr '\n' ' ')"
        local elapsed=$((SECONDS - started))
        log "$name: $to/$total (${elapsed}s, $((to * 1 / (elapsed > 0 ? elapsed : 1)))/s)"
        from=$((to + 1))
    done
    rm -f "$WORK/$name.cfg" "$WORK/$name.retry.cfg" "$WORK/$name.codes"
}

# Generators. Text is ASCII words and digits only: no JSON escaping needed, and titles give the same
# slug under both servers' slug rules.
WORDS="sqlite qt server latency cache index query thread socket json token review design article comment \
release build deploy profile memory startup request answer page offset limit order author reader editor \
draft publish writing code tutorial guide example test bench measure network loopback worker pool hash \
schema migration table view column row journal commit rollback backup restore error retry timeout metric"

gen_signups() { # FROM TO
    awk -v from="$1" -v to="$2" -v base="$BASE" -v dir="$WORK/signup" -v pw="$PASSWORD" -v words="$WORDS" 'BEGIN {
        n = split(words, w, " ")
        for (i = from; i <= to; i++) {
            srand(i)
            bio = "Writes about"
            for (k = 0; k < 12; k++) bio = bio " " w[1 + int(rand() * n)]
            social = (i % 3 == 0) ? sprintf(",\\\"social\\\":{\\\"twitter\\\":\\\"@bench%d\\\",\\\"linkedin\\\":\\\"bench-%d\\\"}", i, i) : ""
            if (NEXT++) print "next"
            printf "url = \"%s/user/sign-up\"\n", base
            printf "json = \"{\\\"email\\\":\\\"user%d@bench.example\\\",\\\"fullName\\\":\\\"Bench User %d\\\",\\\"password\\\":\\\"%s\\\",\\\"bio\\\":\\\"%s\\\"%s}\"\n", i, i, pw, bio, social
            printf "output = \"%s/%d.json\"\n", dir, i
            printf "write-out = \"%d %%{http_code}\\n\"\n", i
        }
    }'
}

gen_articles() { # FROM TO
    awk -v from="$1" -v to="$2" -v base="$BASE" -v tokens="$WORK/tokens.txt" -v words="$WORDS" 'BEGIN {
        n = split(words, w, " ")
        users = 0
        while ((getline line < tokens) > 0) token[++users] = line
        for (j = from; j <= to; j++) {
            srand(1000003 + j)
            title = "Article " j " on " w[1 + int(rand() * n)] " and " w[1 + int(rand() * n)]
            description = "Notes about"
            for (k = 0; k < 20; k++) description = description " " w[1 + int(rand() * n)]
            text = ""
            words_in_text = 150 + int(rand() * 250)
            for (k = 0; k < words_in_text; k++) text = text (k % 15 == 14 ? ". " : " ") w[1 + int(rand() * n)]
            ntags = 1 + int(rand() * 4)
            tags = ""
            delete used
            for (k = 0; k < ntags; k++) {
                t = 1 + int(rand() * 60)
                if (t in used) continue
                used[t] = 1
                tags = tags (tags == "" ? "" : ",") "\\\"" w[t] "\\\""
            }
            if (NEXT++) print "next"
            printf "url = \"%s/article\"\n", base
            printf "header = \"Authorization: Bearer %s\"\n", token[(j - 1) % users + 1]
            printf "json = \"{\\\"title\\\":\\\"%s\\\",\\\"description\\\":\\\"%s\\\",\\\"text\\\":\\\"%s\\\",\\\"tags\\\":[%s]}\"\n", title, description, text, tags
            printf "output = \"/dev/null\"\n"
            printf "write-out = \"%d %%{http_code}\\n\"\n", j
        }
    }'
}

gen_comments() { # FROM TO
    awk -v from="$1" -v to="$2" -v base="$BASE" -v tokens="$WORK/tokens.txt" -v slugs="$WORK/slugs.txt" -v words="$WORDS" 'BEGIN {
        n = split(words, w, " ")
        users = 0; articles = 0
        while ((getline line < tokens) > 0) token[++users] = line
        while ((getline line < slugs) > 0) slug[++articles] = line
        for (c = from; c <= to; c++) {
            srand(2000003 + c)
            a = 1 + int(rand() * articles)
            u = 1 + int(rand() * users)
            text = "Comment " c ":"
            len = 8 + int(rand() * 40)
            for (k = 0; k < len; k++) text = text " " w[1 + int(rand() * n)]
            if (NEXT++) print "next"
            printf "url = \"%s/article/%s/comment\"\n", base, slug[a]
            printf "header = \"Authorization: Bearer %s\"\n", token[u]
            printf "json = \"{\\\"text\\\":\\\"%s\\\"}\"\n", text
            printf "output = \"/dev/null\"\n"
            printf "write-out = \"%d %%{http_code}\\n\"\n", c
        }
    }'
}

cmd_api() {
    [ $# -eq 6 ] || die "usage: load-data.sh api BASE_URL OUR_SQLITE_FILE WORK_DIR USERS ARTICLES COMMENTS"
    BASE=$1 DB=$2 WORK=$3
    local users=$4 articles=$5 comments=$6
    case "$BASE" in http://127.0.0.1:*) ;; *) die "refusing to load anything but loopback: $BASE" ;; esac
    mkdir -p "$WORK/signup"
    local started=$SECONDS

    chunked_post sign-up "$users" "$SIGNUP_PARALLEL" '^(2..|409)$' gen_signups
    # A sign-up that the server did but whose answer we lost (409 on the retry) signs in instead.
    for ((i = 1; i <= users; i++)); do
        grep -q '"token"' "$WORK/signup/$i.json" 2>/dev/null && continue
        curl -sS -o "$WORK/signup/$i.json" --json "{\"email\":\"user$i@bench.example\",\"password\":\"$PASSWORD\"}" "$BASE/user/sign-in"
    done
    # tokens.txt: line i is the token of user i
    for ((i = 1; i <= users; i++)); do echo "$WORK/signup/$i.json"; done |
        xargs awk 'match($0, /"token":"[^"]*"/) { print substr($0, RSTART + 9, RLENGTH - 10) }' >"$WORK/tokens.txt"
    [ "$(wc -l <"$WORK/tokens.txt")" -eq "$users" ] || die "expected $users tokens, got $(wc -l <"$WORK/tokens.txt")"
    rm -rf "$WORK/signup"

    chunked_post articles "$articles" "$PARALLEL" '^2..$' gen_articles
    sqlite3 "$DB" "SELECT slug FROM articles ORDER BY id" >"$WORK/slugs.txt"

    chunked_post comments "$comments" "$PARALLEL" '^2..$' gen_comments
    sqlite3 "$DB" "SELECT email FROM users ORDER BY id" >"$WORK/emails.txt"
    rm -f "$WORK/tokens.txt"

    local counts
    counts=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM articles) || ' articles, '
        || (SELECT count(*) FROM article_tags) || ' tag links, ' || (SELECT count(*) FROM comments) || ' comments'")
    log "loaded through the API in $((SECONDS - started)) s: $counts"
}

# The bulk step (see the header): the words of the made-up text its articles' texts and descriptions are cut
# from, and the time between two of its articles.
BULK_TEXT_WORDS=4096
BULK_STEP_MS=7

cmd_bulk() {
    [ $# -eq 2 ] || die "usage: load-data.sh bulk OUR_SQLITE_FILE TOTAL_ARTICLES"
    local db=$1 total=$2
    [[ "$total" =~ ^[1-9][0-9]{0,8}$ ]] || die "TOTAL_ARTICLES is not a number from 1 to 999999999: $total"
    [ -f "$db" ] || die "no such file: $db"
    local info have users tags stats
    info=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM users),
        (SELECT count(*) FROM tags), (SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1')")
    read -r have users tags stats <<<"$info"
    if [ "$have" -ge "$total" ]; then
        log "bulk: $db already holds $have articles, nothing to add"
        return 0
    fi
    [ "$users" -gt 0 ] || die "bulk: no users in $db to write the articles"
    [ "$tags" -gt 0 ] || die "bulk: no tags in $db to give the articles"
    # statistics only where there are some already, so that they stay true to the file
    local analyze=""
    if [ "$stats" -gt 0 ]; then analyze="ANALYZE;"; fi
    local words
    words=$(awk -v words="$WORDS" 'BEGIN {
        n = split(words, w, " ")
        for (i = 1; i <= n; i++) printf "%s(%d, '\''%s'\'')", (i > 1 ? ", " : ""), i - 1, w[i]
    }')
    # Schemas from migration 0007 on keep each article's tags on its row too (tag_list), as our writes do.
    local tag_lists=""
    if [ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'tag_list'")" = 1 ]; then
        tag_lists="UPDATE articles SET tag_list = (SELECT json_group_array(name) FROM (SELECT t.name AS name
            FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE l.article_id = articles.id ORDER BY l.position))
            WHERE id >= (SELECT first_id FROM bulk_base);"
    fi
    local started=$SECONDS
    # Our timestamps are ISO 8601 UTC with milliseconds ("2026-11-25T19:04:12.123Z"), written here from whole
    # epoch milliseconds (strftime's %f would go through a double and may round).
    sqlite3 "$db" >/dev/null <<SQL
.bail on
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -262144;
-- the words, the users (authors go round-robin in id order) and the tags, each numbered from 0
CREATE TEMP TABLE bulk_words (n INTEGER PRIMARY KEY, word TEXT NOT NULL);
INSERT INTO bulk_words VALUES $words;
CREATE TEMP TABLE bulk_users (n INTEGER PRIMARY KEY, id INTEGER NOT NULL);
INSERT INTO bulk_users SELECT row_number() OVER (ORDER BY id) - 1, id FROM users;
CREATE TEMP TABLE bulk_tags (n INTEGER PRIMARY KEY, id INTEGER NOT NULL);
INSERT INTO bulk_tags SELECT row_number() OVER (ORDER BY id) - 1, id FROM tags;
-- first_id follows every id ever given (sqlite_sequence too, as AUTOINCREMENT would); start_ms is a second
-- after the latest timestamp in the file
CREATE TEMP TABLE bulk_base AS SELECT
    max(coalesce((SELECT max(id) FROM articles), 0),
        coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0)) + 1 AS first_id,
    $total - (SELECT count(*) FROM articles) AS adding,
    (SELECT count(*) FROM bulk_words) AS words,
    (SELECT count(*) FROM bulk_users) AS users,
    (SELECT count(*) FROM bulk_tags) AS tags,
    (SELECT CAST(strftime('%s', latest) AS INTEGER) * 1000 + CAST(substr(latest, 21, 3) AS INTEGER) + 1000
     FROM (SELECT max(t) AS latest FROM (
         SELECT max(updated_at) AS t FROM users UNION ALL SELECT max(updated_at) FROM articles
         UNION ALL SELECT max(updated_at) FROM comments UNION ALL SELECT max(deleted_at) FROM comments))) AS start_ms;
-- The made-up text: $BULK_TEXT_WORDS words drawn with MINSTD, a full stop after every 15th. bulk_text holds
-- each word's offset in it and the text from that word on (tail: 1000 characters, more than 80 of our
-- words), so that a run of words is one lookup and one short substr.
CREATE TEMP TABLE bulk_text (n INTEGER PRIMARY KEY, off INTEGER NOT NULL, tail TEXT);
WITH RECURSIVE walk (n, z, off, body) AS (
    SELECT 0, 20261125, 1, ''
    UNION ALL
    SELECT walk.n + 1, walk.z * 48271 % 2147483647,
           walk.off + length(w.word) + CASE WHEN walk.n % 15 = 14 THEN 2 ELSE 1 END,
           walk.body || w.word || CASE WHEN walk.n % 15 = 14 THEN '. ' ELSE ' ' END
    FROM walk CROSS JOIN bulk_base b JOIN bulk_words w ON w.n = walk.z % b.words
    WHERE walk.n < $BULK_TEXT_WORDS
)
INSERT INTO bulk_text SELECT n, off, CASE WHEN n = $BULK_TEXT_WORDS THEN body END FROM walk;
UPDATE bulk_text SET tail = substr((SELECT tail FROM bulk_text WHERE n = $BULK_TEXT_WORDS), off, 1000)
    WHERE n < $BULK_TEXT_WORDS;
-- One row a new article, its draws from two MINSTD generators taken apart: x gives the title's words and the
-- tags (count, first, step: distinct since 3 steps stay below the number of tags), y the text's words and the
-- description's.
CREATE TEMP TABLE bulk_plan (
    id INTEGER PRIMARY KEY, author_n INTEGER, word1 INTEGER, word2 INTEGER, tag_count INTEGER,
    tag_from INTEGER, tag_step INTEGER, text_words INTEGER, text_from INTEGER, description_from INTEGER, at TEXT);
WITH RECURSIVE draws (i, x, y) AS (
    SELECT 0, 1125, 20261125
    UNION ALL
    SELECT i + 1, x * 48271 % 2147483647, y * 16807 % 2147483647
    FROM draws CROSS JOIN bulk_base WHERE i + 1 < adding
)
INSERT INTO bulk_plan
SELECT b.first_id + i,
       (b.first_id + i - 1) % b.users,
       x % b.words,
       x / b.words % b.words,
       1 + x / (b.words * b.words) % min(4, b.tags),
       x / (b.words * b.words * 4) % b.tags,
       1 + x / (b.words * b.words * 4 * b.tags) % max(1, (b.tags - 1) / 3),
       30 + y % 51,
       y / 51 % ($BULK_TEXT_WORDS - 80),
       y / 51 / ($BULK_TEXT_WORDS - 80) % ($BULK_TEXT_WORDS - 20),
       strftime('%Y-%m-%dT%H:%M:%S', (b.start_ms + i * $BULK_STEP_MS) / 1000, 'unixepoch')
           || printf('.%03dZ', (b.start_ms + i * $BULK_STEP_MS) % 1000)
FROM draws CROSS JOIN bulk_base b;

BEGIN;
INSERT INTO articles (id, slug, title, description, text, author_id, created_at, updated_at)
SELECT p.id,
       'bulk-article-' || p.id || '-on-' || w1.word || '-and-' || w2.word,
       'Bulk article ' || p.id || ' on ' || w1.word || ' and ' || w2.word,
       'Notes about ' || replace(substr(d.tail, 1, d_end.off - d.off - 1), '.', ''),
       substr(t.tail, 1, t_end.off - t.off - 1)
           || CASE WHEN (p.text_from + p.text_words) % 15 = 0 THEN '' ELSE '.' END,
       u.id, p.at, p.at
FROM bulk_plan p
JOIN bulk_users u ON u.n = p.author_n
JOIN bulk_words w1 ON w1.n = p.word1
JOIN bulk_words w2 ON w2.n = p.word2
JOIN bulk_text t ON t.n = p.text_from
JOIN bulk_text t_end ON t_end.n = p.text_from + p.text_words
JOIN bulk_text d ON d.n = p.description_from
JOIN bulk_text d_end ON d_end.n = p.description_from + 20
ORDER BY p.id;
INSERT INTO article_tags (article_id, tag_id, position)
SELECT p.id, t.id, k.position
FROM bulk_plan p
JOIN (SELECT 0 AS position UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) k
    ON k.position < p.tag_count
JOIN bulk_tags t ON t.n = (p.tag_from + k.position * p.tag_step) % (SELECT tags FROM bulk_base)
ORDER BY p.id, k.position;
$tag_lists
COMMIT;
$analyze
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    local counts
    counts=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM articles) || ' articles, '
        || (SELECT count(*) FROM article_tags) || ' tag links, ' || (SELECT count(*) FROM comments) || ' comments'")
    log "bulk: added $((total - have)) articles with sqlite3 in $((SECONDS - started)) s: $counts"
}

cmd_node() {
    [ $# -eq 2 ] || die "usage: load-data.sh node OUR_SQLITE_FILE NODE_SQLITE_FILE"
    local ours=$1 node=$2
    # Our timestamps are ISO 8601 UTC with milliseconds; MikroORM's SQLite driver keeps epoch milliseconds.
    local ms="(CAST(strftime('%s', X) AS INTEGER) * 1000 + CAST(substr(X, 21, 3) AS INTEGER))"
    sqlite3 "$node" <<SQL
.bail on
ATTACH '$ours' AS src;
BEGIN;
DELETE FROM comment; DELETE FROM article_tags; DELETE FROM article; DELETE FROM tag; DELETE FROM user;
INSERT INTO user (id, created_at, updated_at, full_name, email, password, bio, social)
    SELECT id, ${ms//X/created_at}, ${ms//X/updated_at}, full_name, email, password_hash, bio, social FROM src.users ORDER BY id;
INSERT INTO article (id, created_at, updated_at, slug, title, description, text, author_id)
    SELECT id, ${ms//X/created_at}, ${ms//X/updated_at}, slug, title, description, text, author_id FROM src.articles ORDER BY id;
-- our tags have no timestamps: the first article that used one stands in
INSERT INTO tag (id, created_at, updated_at, name)
    SELECT t.id, ${ms//X/a.created_at}, ${ms//X/a.created_at}, t.name FROM src.tags t
    JOIN src.articles a ON a.id = (SELECT min(article_id) FROM src.article_tags l WHERE l.tag_id = t.id) ORDER BY t.id;
INSERT INTO article_tags (article_id, tag_id) SELECT article_id, tag_id FROM src.article_tags ORDER BY article_id, position;
INSERT INTO comment (id, created_at, updated_at, text, article_id, author_id, deleted_at)
    SELECT id, ${ms//X/created_at}, ${ms//X/updated_at}, text, article_id, author_id,
           CASE WHEN deleted_at IS NULL THEN NULL ELSE ${ms//X/deleted_at} END FROM src.comments ORDER BY id;
COMMIT;
DETACH src;
SQL
    local check
    check=$(sqlite3 "$node" "SELECT (SELECT count(*) FROM user) || ' users, ' || (SELECT count(*) FROM article) || ' articles, '
        || (SELECT count(*) FROM article_tags) || ' tag links, ' || (SELECT count(*) FROM comment) || ' comments'")
    log "copied into the Node schema: $check"
}

cmd_pg() {
    [ $# -eq 3 ] || die "usage: load-data.sh pg OUR_SQLITE_FILE POSTGRES_URL BLOG_SERVER"
    local ours=$1 url=$2 server=$3
    case "$url" in postgres://*@127.0.0.1:*) ;; *) die "refusing a PostgreSQL that is not on loopback: $url" ;; esac
    "$server" migrate --database "$url" >/dev/null 2>&1
    psql -q -v ON_ERROR_STOP=1 "$url" -c "TRUNCATE favorites, follows, comments, article_tags, tags, article_search, article_search_pairs, article_search_pairs_pending, articles, users" >/dev/null
    # The search documents (migration 0006) are made once after the copy, not by the triggers for each COPY
    # (articles first without their tags, then again with them).
    psql -q -v ON_ERROR_STOP=1 "$url" -c "ALTER TABLE articles DISABLE TRIGGER article_search_articles_added" \
        -c "ALTER TABLE article_tags DISABLE TRIGGER article_search_tags_added" >/dev/null
    # sqlite3 -csv writes NULL as an empty field and '' as "", which is what COPY ... CSV reads back.
    local spec
    for spec in "users:id, email, email_key, username, username_key, image, full_name, password_hash, bio, social, created_at, updated_at" \
        "articles:id, slug, title, description, text, author_id, created_at, updated_at, tag_list, comment_count" \
        "tags:id, name" \
        "article_tags:article_id, tag_id, position" \
        "comments:id, article_id, author_id, text, created_at, updated_at, deleted_at"; do
        local table=${spec%%:*} columns=${spec#*:}
        sqlite3 -csv "$ours" "SELECT $columns FROM $table" |
            psql -q -v ON_ERROR_STOP=1 "$url" -c "\\copy $table ($columns) FROM STDIN WITH (FORMAT csv)"
    done
    psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null <<'SQL'
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles));
SELECT setval(pg_get_serial_sequence('tags', 'id'), (SELECT max(id) FROM tags));
SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));
ALTER TABLE articles ENABLE TRIGGER article_search_articles_added;
ALTER TABLE article_tags ENABLE TRIGGER article_search_tags_added;
SELECT article_search_refresh(ARRAY(SELECT id FROM articles));
VACUUM ANALYZE users, articles, tags, article_tags, comments, article_search;
SQL
    # The refresh queued every article for its phrase pairs (migration 0009): made here, not at start-up.
    "$server" migrate --database "$url" >/dev/null 2>&1
    log "copied into PostgreSQL: $(psql -tA "$url" -c "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM comments) || ' comments'")"
}

command=${1:-}
shift || true
case "$command" in
    api) cmd_api "$@" ;;
    bulk) cmd_bulk "$@" ;;
    node) cmd_node "$@" ;;
    pg) cmd_pg "$@" ;;
    *) die "usage: load-data.sh api|bulk|node|pg ..." ;;
esac
