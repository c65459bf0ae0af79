#!/usr/bin/env python3
"""The Atom feeds through a real feed parser (Debian's python3-feedparser): no bozo (malformed feed)
errors, the entries a reader expects, and user text that stays text. Run by with-server.sh (BLOG_URL)."""
import json
import os
import sys
import urllib.parse
import urllib.request

import feedparser

BASE = os.environ["BLOG_URL"]
HOSTILE = "<script>alert(1)</script> & \"quotes\" <img src=x onerror=alert(2)>"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def call(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return response.status, json.loads(response.read())


def fetch(path):
    with urllib.request.urlopen(BASE + path) as response:
        return response.status, response.headers.get("Content-Type"), response.read()


_, user = call("POST", "/user/sign-in", {"email": "foo@bar.com", "password": "password123"})
token = user["token"]
_, article = call("POST", "/article", {"title": HOSTILE, "description": HOSTILE,
                                         "text": "Text with " + HOSTILE + "\n\n[x](javascript:alert(3))",
                                         "tags": ["feed-tag", "<b>bold</b>"]}, token)
call("POST", "/article/%s/comment" % article["slug"], {"text": HOSTILE}, token)

feeds = {
    "/feed.atom": 4,
    "/tags/feed-tag/feed.atom": 1,
    "/tags/%s/feed.atom" % urllib.parse.quote("<b>bold</b>", safe=""): 1,
    "/authors/1/feed.atom": 4,
}
for path, expected in feeds.items():
    status, content_type, body = fetch(path)
    check(status == 200, "%s: status %s" % (path, status))
    check(content_type == "application/atom+xml; charset=utf-8", "%s: content type %s" % (path, content_type))
    feed = feedparser.parse(body)
    check(not feed.bozo, "%s: bozo: %s" % (path, feed.get("bozo_exception")))
    check(feed.version == "atom10", "%s: version %r" % (path, feed.version))
    check(feed.feed.get("link", "").startswith(BASE), "%s: feed link %r" % (path, feed.feed.get("link")))
    check(len(feed.entries) == expected, "%s: %d entries, expected %d" % (path, len(feed.entries), expected))
    if not feed.entries:
        continue
    newest = feed.entries[0]
    # feedparser unescapes text constructs: the title reads as typed.
    check(newest.title == HOSTILE, "%s: title %r" % (path, newest.title))
    check(newest.link == BASE + "/posts/" + urllib.parse.quote(article["slug"]), "%s: link %r" % (path, newest.link))
    check(newest.id == newest.link, "%s: id %r" % (path, newest.id))
    check(newest.get("updated_parsed") is not None, "%s: no updated date" % path)
    check(newest.get("published_parsed") is not None, "%s: no published date" % path)
    check(newest.author == "Foo Bar", "%s: author %r" % (path, newest.get("author")))
    check(sorted(t.term for t in newest.tags) == sorted(["feed-tag", "<b>bold</b>"]), "%s: tags %r" % (path, newest.tags))
    content = newest.content[0].value
    check("<script" not in content and "<img" not in content and "&lt;script&gt;" in content,
          "%s: the text's markup is not text in the content: %r" % (path, content))
    check("javascript:" not in content, "%s: content keeps a javascript: link: %r" % (path, content))

status, _, body = fetch("/sitemap.xml")
sitemap = body.decode()
check(status == 200 and "<urlset" in sitemap and BASE + "/posts/" + urllib.parse.quote(article["slug"]) in sitemap,
      "sitemap does not list the new article")

for failure in failures:
    print("FAIL:", failure)
print("feeds: %d checks failed" % len(failures))
sys.exit(1 if failures else 0)
