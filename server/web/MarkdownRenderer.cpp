#include "MarkdownRenderer.h"

#include <QRegularExpression>

#include <md4c-html.h>

namespace blog::MarkdownRenderer {

namespace {

void append(const MD_CHAR *text, MD_SIZE size, void *output)
{
    static_cast<QByteArray *>(output)->append(text, qsizetype(size));
}

// md4c writes an attribute's value with &, <, > and " escaped and entities already decoded: undoing those
// four gives the URL the browser will follow.
QString attributeValue(const QString &escaped)
{
    QString value = escaped;
    value.replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return value;
}

} // namespace

bool isSafeUrl(const QString &url)
{
    // Browsers skip leading spaces and controls and ignore tabs and newlines inside a scheme.
    QString cleaned;
    for (const QChar c : url) {
        if (c.unicode() > 0x20)
            cleaned.append(c);
        else if (!cleaned.isEmpty() && c != QLatin1Char('\t') && c != QLatin1Char('\n')
            && c != QLatin1Char('\r'))
            cleaned.append(c);
    }
    const qsizetype colon = cleaned.indexOf(QLatin1Char(':'));
    const qsizetype end = cleaned.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
    if (colon < 0 || (end >= 0 && end < colon))
        return true; // no scheme: relative
    const QString scheme = cleaned.left(colon).toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("mailto");
}

QByteArray toHtml(const QString &markdown)
{
    const QByteArray input = markdown.toUtf8();
    QByteArray html;
    html.reserve(input.size() * 5 / 4 + 64);
    md_html(input.constData(), MD_SIZE(input.size()), append, &html, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);

    // With raw HTML off, every href and src in the output is md4c's own (text has its quotes escaped).
    static const QRegularExpression urlAttribute(QStringLiteral(R"re(\b(href|src)="([^"]*)")re"));
    QString text = QString::fromUtf8(html);
    QString checked;
    checked.reserve(text.size());
    qsizetype done = 0;
    auto matches = urlAttribute.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString value = attributeValue(match.captured(2));
        checked.append(QStringView(text).mid(done, match.capturedStart(0) - done));
        if (isSafeUrl(value) && !value.contains(QLatin1Char('&') + QLatin1Char('#')))
            checked.append(match.captured(0));
        else
            checked.append(match.captured(1) + QStringLiteral("=\"#\""));
        done = match.capturedEnd(0);
    }
    checked.append(QStringView(text).mid(done));
    return checked.toUtf8();
}

} // namespace blog::MarkdownRenderer
