#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace blog {

struct Article;
struct LocalDraft;

// An article as a Markdown file with YAML front matter (title, description, tags, dates, slug), the form
// static site generators (Hugo, Jekyll, Eleventy) and other blog tools read.
namespace FrontMatter {

QString document(const Article &article);
// A draft carries `draft: true`, and for an edit the slug of the article it changes.
QString document(const LocalDraft &draft);
// A YAML double-quoted scalar: any text, quotes, backslashes and control characters included.
QString quoted(const QString &text);

} // namespace FrontMatter

} // namespace blog
