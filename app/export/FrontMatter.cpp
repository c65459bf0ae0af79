#include "FrontMatter.h"

#include "Article.h"
#include "LocalDraft.h"
#include "Timestamp.h"

namespace blog::FrontMatter {

namespace {

QString tagList(const QStringList &tags)
{
    QStringList quotedTags;
    for (const QString &tag : tags)
        quotedTags.append(quoted(tag));
    return QLatin1Char('[') + quotedTags.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString withBody(const QStringList &fields, const QString &text)
{
    QString body = text;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return QStringLiteral("---\n") + fields.join(QLatin1Char('\n')) + QStringLiteral("\n---\n\n") + body;
}

} // namespace

QString quoted(const QString &text)
{
    QString result = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            result += QStringLiteral("\\\"");
            break;
        case '\\':
            result += QStringLiteral("\\\\");
            break;
        case '\n':
            result += QStringLiteral("\\n");
            break;
        case '\t':
            result += QStringLiteral("\\t");
            break;
        case '\r':
            result += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                result += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                result += c;
        }
    }
    return result + QLatin1Char('"');
}

QString document(const Article &article)
{
    return withBody(
        {
            QStringLiteral("title: ") + quoted(article.title),
            QStringLiteral("description: ") + quoted(article.description),
            QStringLiteral("tags: ") + tagList(article.tags),
            QStringLiteral("slug: ") + quoted(article.slug),
            QStringLiteral("date: ") + Timestamp::toString(article.createdAt),
            QStringLiteral("updated: ") + Timestamp::toString(article.updatedAt),
        },
        article.text);
}

QString document(const LocalDraft &draft)
{
    QStringList fields {
        QStringLiteral("title: ") + quoted(draft.title),
        QStringLiteral("description: ") + quoted(draft.description),
        QStringLiteral("tags: ") + tagList(draft.tags),
    };
    if (!draft.articleSlug.isEmpty())
        fields.append(QStringLiteral("slug: ") + quoted(draft.articleSlug));
    if (draft.updatedAt.isValid())
        fields.append(QStringLiteral("updated: ") + Timestamp::toString(draft.updatedAt));
    fields.append(QStringLiteral("draft: true"));
    return withBody(fields, draft.text);
}

} // namespace blog::FrontMatter
