#pragma once

#include <QByteArray>
#include <QString>

namespace blog::MarkdownRenderer {

// An article's Markdown as HTML (md4c, GitHub's dialect): raw HTML in the text is shown as text, never
// passed through, and links and images keep only http(s), mailto and relative URLs (a javascript: or
// data: one becomes "#").
QByteArray toHtml(const QString &markdown);

// Whether a link target is one a reader may follow: relative, http(s) or mailto.
bool isSafeUrl(const QString &url);

} // namespace blog::MarkdownRenderer
