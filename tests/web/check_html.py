#!/usr/bin/env python3
"""The web pages through a strict HTML5 parser (Debian's python3-html5lib, the WHATWG parsing algorithm):
no parse error on any page, one <title>, lang, a meta description and a canonical link. Run by
with-server.sh (BLOG_URL), after adding an article whose text and comment try to break out of the markup."""
import json
import os
import sys
import urllib.error
import urllib.request

import html5lib

BASE = os.environ["BLOG_URL"]
NS = {"h": "http://www.w3.org/1999/xhtml"}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def call(method, path, body, token=None):
    request = urllib.request.Request(BASE + path, method=method, data=json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def fetch(path):
    try:
        with urllib.request.urlopen(BASE + path) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


token = call("POST", "/user/sign-in", {"email": "foo@bar.com", "password": "password123"})["token"]
tricky = "</p></div><!-- \"' <textarea> ]]> &amp; &#0; \u2028 <svg onload=alert(1)>"
article = call("POST", "/article", {"title": tricky, "description": tricky,
                                     "text": tricky + "\n\n```\n" + tricky + "\n```\n\n> " + tricky,
                                     "tags": ["html", tricky[:40]]}, token)
call("POST", "/article/%s/comment" % article["slug"], {"text": tricky}, token)

pages = {"/": 200, "/?page=1": 200, "/posts/title-1-3": 200, "/posts/" + article["slug"]: 200,
         "/tags/html": 200, "/authors/1": 200, "/posts/missing": 404, "/tags/missing": 404}
for path, expected in pages.items():
    status, body = fetch(path)
    check(status == expected, "%s: status %d, expected %d" % (path, status, expected))
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        document = parser.parse(body)
    except Exception as error:  # strict mode raises on the first parse error
        failures.append("%s: not valid HTML5 syntax: %s" % (path, error))
        continue
    check(document.get("lang") == "en", "%s: no lang" % path)
    check(len(document.findall(".//h:head/h:title", NS)) == 1, "%s: not one <title>" % path)
    check(any(m.get("name") == "description" for m in document.findall(".//h:meta", NS)), "%s: no meta description" % path)
    if status == 200:
        canonical = [l for l in document.findall(".//h:link", NS) if l.get("rel") == "canonical"]
        check(len(canonical) == 1 and canonical[0].get("href", "").startswith(BASE), "%s: canonical link" % path)
        check(any(m.get("property") == "og:title" for m in document.findall(".//h:meta", NS)), "%s: no og:title" % path)
    for element in document.iter():
        tag = element.tag.split("}")[-1]
        check(tag not in ("script", "svg", "textarea", "iframe", "object"), "%s: a <%s> element" % (path, tag))
        for name in element.attrib:
            check(not name.lower().startswith("on"), "%s: an %s attribute" % (path, name))

for failure in failures:
    print("FAIL:", failure)
print("html: %d pages, %d checks failed" % (len(pages), len(failures)))
sys.exit(1 if failures else 0)
