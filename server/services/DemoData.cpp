#include "DemoData.h"

#include "JsonKeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace blog::DemoData {

namespace {
QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        list.append(entry.toString());
    return list;
}
} // namespace

QList<Author> load()
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Author> authors;
    const QJsonArray users
        = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("users")).toArray();
    for (const QJsonValue &userValue : users) {
        const QJsonObject user = userValue.toObject();
        Author author { user.value(JsonKeys::Email).toString(), user.value(JsonKeys::FullName).toString(),
            user.value(JsonKeys::Password).toString(), user.value(JsonKeys::Bio).toString(), {} };
        for (const QJsonValue &articleValue : user.value(QLatin1String("articles")).toArray()) {
            const QJsonObject article = articleValue.toObject();
            Post post;
            post.draft.title = article.value(JsonKeys::Title).toString();
            post.draft.description = article.value(JsonKeys::Description).toString();
            post.draft.text = article.value(JsonKeys::Text).toString();
            post.draft.tags = strings(article.value(JsonKeys::Tags));
            post.comments = strings(article.value(JsonKeys::Comments));
            author.posts.append(post);
        }
        authors.append(author);
    }
    return authors;
}

} // namespace blog::DemoData
