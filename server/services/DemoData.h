#pragma once

#include "Requests.h"

#include <QList>
#include <QString>
#include <QStringList>

// The demo data compiled in from resources/demo/demo.json.
namespace blog::DemoData {

struct Post
{
    ArticleDraft draft;
    QStringList comments;
};

struct Author
{
    QString email;
    QString fullName;
    QString password;
    QString bio;
    QList<Post> posts;
};

QList<Author> load();

} // namespace blog::DemoData
