#!/usr/bin/env bash
# Times blog-server's backup, export, import and restore on a large SQLite database (the figures in
# docs/deploy.md, "Backups and moving data"):
#
#   tests/bench/transfer-bench.sh PATH/TO/blog-server [ARTICLES] [WORK_DIR]
#
# The database is the demo seed, then articles added with `load-data.sh bulk` up to ARTICLES (1,000,000;
# 30-80 words of text and 1-4 tags each), then BENCH_COMMENTS comments (100,000) added with sqlite3. It is
# kept in WORK_DIR (BUILD/bench/transfer) and reused by later runs of the same size. Each step runs the
# real command on its own, timed by /usr/bin/time: wall clock, and CPU time (user + system), which is what
# to compare on a machine shared with other work. The export of the import must be the export byte for byte.
# Use a Release build: a Debug one spends twice the CPU.
set -euo pipefail

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'transfer-bench.sh: %s\n' "$*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: transfer-bench.sh PATH/TO/blog-server [ARTICLES] [WORK_DIR]"
SERVER=$(realpath "$1")
ARTICLES=${2:-1000000}
WORK=${3:-$(dirname "$SERVER")/../bench/transfer}
COMMENTS=${BENCH_COMMENTS:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x "$SERVER" ] || die "not an executable: $SERVER"
mkdir -p "$WORK"
WORK=$(realpath "$WORK")
SOURCE=$WORK/source-$ARTICLES-$COMMENTS.sqlite

if [ ! -f "$SOURCE.complete" ]; then
    rm -f "$SOURCE" "$SOURCE-wal" "$SOURCE-shm"
    log "building $SOURCE"
    "$SERVER" seed --database "sqlite:$SOURCE" >/dev/null
    "$HERE/load-data.sh" bulk "$SOURCE" "$ARTICLES"
    sqlite3 "$SOURCE" >/dev/null <<SQL
.bail on
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COMMENTS)
INSERT INTO comments (article_id, author_id, text, created_at, updated_at, deleted_at)
SELECT (SELECT min(id) FROM articles) + i * 7919 % (SELECT count(*) FROM articles), 1,
       'Comment ' || i || ' about the article, with a few words more to make it look like one.',
       '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z',
       CASE WHEN i % 50 = 0 THEN '2027-01-02T00:00:00.000Z' END
FROM n;
-- the count our writes keep on each article (migration 0007)
UPDATE articles SET comment_count = (SELECT count(*) FROM comments c WHERE c.article_id = articles.id
    AND c.deleted_at IS NULL) WHERE id IN (SELECT article_id FROM comments);
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    touch "$SOURCE.complete"
fi

# timed NAME COMMAND...: runs it, keeps its output in WORK/NAME.log, prints "WALL CPU" in seconds.
timed() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 ||
        { cat "$WORK/$name.log" >&2; die "$name failed"; }
    awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$WORK/$name.time"
}
size_mib() { echo $(($(stat -c %s "$1") / 1048576)); }
# row LABEL "WALL CPU" [COUNT]: a table row, with COUNT a second by wall clock and by CPU time.
row() {
    local wall=${2% *} cpu=${2#* }
    if [ -n "${3:-}" ]; then
        awk -v l="$1" -v w="$wall" -v c="$cpu" -v n="$3" \
            'BEGIN { printf "| %s | %s s | %s s | %.0f/s (%.0f/s of CPU) |\n", l, w, c, n / w, n / c }'
    else
        echo "| $1 | $wall s | $cpu s | |"
    fi
}

rm -f "$WORK"/backup.sqlite "$WORK"/export*.jsonl "$WORK"/imported.sqlite* "$WORK"/restored.sqlite*
log "backup"
backup=$(timed backup "$SERVER" backup --to "$WORK/backup.sqlite" --database "sqlite:$SOURCE")
log "export"
exported=$(timed export "$SERVER" export --to "$WORK/export.jsonl" --database "sqlite:$SOURCE")
log "import"
imported=$(timed import "$SERVER" import --from "$WORK/export.jsonl" --database "sqlite:$WORK/imported.sqlite")
log "export of the import"
timed export-again "$SERVER" export --to "$WORK/export-again.jsonl" --database "sqlite:$WORK/imported.sqlite" >/dev/null
cmp -s "$WORK/export.jsonl" "$WORK/export-again.jsonl" || die "the export of the import differs from the export"
log "restore"
restored=$(timed restore "$SERVER" restore --from "$WORK/backup.sqlite" --database "sqlite:$WORK/restored.sqlite")

echo "| $ARTICLES articles, $COMMENTS comments (database $(size_mib "$SOURCE") MiB) | Wall clock | CPU | Articles |"
echo "|---|---|---|---|"
row "backup (VACUUM INTO, $(size_mib "$WORK/backup.sqlite") MiB)" "$backup"
row "export ($(size_mib "$WORK/export.jsonl") MiB of JSON Lines)" "$exported" "$ARTICLES"
row "import into an empty SQLite file" "$imported" "$ARTICLES"
row "restore of the backup (integrity check included)" "$restored"
echo "(the export of the import: the same file, byte for byte; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
