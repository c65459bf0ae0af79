#!/usr/bin/env python3
"""The benchmark's data as a `blog-server import` file (JSON Lines, the format of `blog-server export`).

    make-import.py OUT_DIR USERS ARTICLES COMMENTS FULL_ARTICLES PASSWORD_HASH

Writes OUT_DIR/import.jsonl, and for the wrk scripts OUT_DIR/emails.txt and OUT_DIR/slugs.txt (one a line,
in id order). The rows are what our API writes when users post them, the same shapes as load-data.sh's API
step builds: USERS users (a bio, every third one social handles), then ARTICLES articles round-robin over
the users with titles "Article N on WORD and WORD" (slug "article-N-on-WORD-and-WORD", our slug rules),
a 20-word description and 1-4 distinct tags out of 60, then COMMENTS comments of 8-48 words, each by a
random user on a random one of the first FULL_ARTICLES articles. The first FULL_ARTICLES articles have
150-400 words of text like the API-built data; the others 30-80 (so a million articles stay a ~1 GB
database and load in minutes). Timestamps: ISO 8601 UTC with milliseconds, users a second apart, then
articles 7 ms apart, then comments 10 ms apart. Every user has the same PASSWORD_HASH (an argon2id PHC
string the caller made for the benchmark's password): argon2id for 2,000 users would take minutes and
gives the same bytes to compare. Fixed seeds: the same arguments always give the same file.

Text is ASCII words only, so no JSON escaping is needed and lines are written as plain strings (fast:
a million articles in well under a minute).
"""
import datetime
import os
import random
import sys

WORDS = (
    "sqlite qt server latency cache index query thread socket json token review design article comment "
    "release build deploy profile memory startup request answer page offset limit order author reader editor "
    "draft publish writing code tutorial guide example test bench measure network loopback worker pool hash "
    "schema migration table view column row journal commit rollback backup restore error retry timeout metric"
).split()
TEXT_WORDS = 1 << 16  # the made-up text that article texts are cut from


def timestamp(ms):
    moment = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(milliseconds=ms)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def main():
    if len(sys.argv) != 7:
        sys.exit("usage: make-import.py OUT_DIR USERS ARTICLES COMMENTS FULL_ARTICLES PASSWORD_HASH")
    out_dir = sys.argv[1]
    users, articles, comments, full = (int(value) for value in sys.argv[2:6])
    password_hash = sys.argv[6]
    if not password_hash.startswith("$argon2id$") or '"' in password_hash or "\\" in password_hash:
        sys.exit("make-import.py: PASSWORD_HASH is not an argon2id PHC string")
    if min(users, articles) < 1 or comments < 0 or not 1 <= full <= articles:
        sys.exit("make-import.py: need USERS, ARTICLES >= 1, COMMENTS >= 0, 1 <= FULL_ARTICLES <= ARTICLES")
    os.makedirs(out_dir, exist_ok=True)

    # One long text with a full stop after every 15th word; offsets[k] is where word k starts, so a run
    # of n words from k is one slice.
    draw = random.Random(20261125)
    pieces, offsets, at = [], [], 0
    for k in range(TEXT_WORDS):
        offsets.append(at)
        piece = draw.choice(WORDS) + (". " if k % 15 == 14 else " ")
        pieces.append(piece)
        at += len(piece)
    offsets.append(at)
    text = "".join(pieces)

    def words(first, count):
        return text[offsets[first]:offsets[first + count] - 1].replace(". ", " ").rstrip(".")

    def prose(first, count):
        cut = text[offsets[first]:offsets[first + count] - 1]
        return cut if cut.endswith(".") else cut + "."

    clock = 0
    with open(os.path.join(out_dir, "import.jsonl"), "w") as out, \
            open(os.path.join(out_dir, "emails.txt"), "w") as emails:
        for i in range(1, users + 1):
            rnd = random.Random(i)
            bio = "Writes about " + " ".join(rnd.choice(WORDS) for _ in range(12))
            social = ('{"linkedin":"bench-%d","twitter":"@bench%d"}' % (i, i)) if i % 3 == 0 else "null"
            at = timestamp(clock)
            out.write('{"bio":"%s","createdAt":"%s","email":"user%d@bench.example","fullName":"Bench User %d",'
                      '"id":%d,"kind":"user","passwordHash":"%s","social":%s,"updatedAt":"%s",'
                      '"username":"user%d"}\n' % (bio, at, i, i, i, password_hash, social, at, i))
            emails.write("user%d@bench.example\n" % i)
            clock += 1000

        with open(os.path.join(out_dir, "slugs.txt"), "w") as slugs:
            rnd = random.Random(1000003)
            for j in range(1, articles + 1):
                first, second = rnd.choice(WORDS), rnd.choice(WORDS)
                title = "Article %d on %s and %s" % (j, first, second)
                slug = "article-%d-on-%s-and-%s" % (j, first, second)
                length = rnd.randint(150, 400) if j <= full else rnd.randint(30, 80)
                body = prose(rnd.randrange(TEXT_WORDS - length), length)
                description = "Notes about " + words(rnd.randrange(TEXT_WORDS - 20), 20)
                tags = rnd.sample(WORDS, rnd.randint(1, 4))
                at = timestamp(clock)
                out.write('{"author":%d,"createdAt":"%s","description":"%s","id":%d,"kind":"article",'
                          '"slug":"%s","tags":[%s],"text":"%s","title":"%s","updatedAt":"%s"}\n'
                          % ((j - 1) % users + 1, at, description, j, slug,
                             ",".join('"%s"' % tag for tag in tags), body, title, at))
                slugs.write(slug + "\n")
                clock += 7

        rnd = random.Random(2000003)
        for c in range(1, comments + 1):
            length = rnd.randint(8, 48)
            body = "Comment %d: %s" % (c, words(rnd.randrange(TEXT_WORDS - length), length))
            at = timestamp(clock)
            out.write('{"article":%d,"author":%d,"createdAt":"%s","deletedAt":null,"id":%d,"kind":"comment",'
                      '"text":"%s","updatedAt":"%s"}\n'
                      % (rnd.randint(1, full), rnd.randint(1, users), at, c, body, at))
            clock += 10


if __name__ == "__main__":
    main()
