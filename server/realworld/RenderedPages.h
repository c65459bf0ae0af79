#pragma once

#include "ArticlePage.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <functional>
#include <memory>

namespace blog {

// The JSON of listing pages as anonymous readers get them, made once for each page the services' cache
// holds: an entry lives as long as its page object, and a write that drops the page (a new object comes)
// drops its JSON with it, so no invalidation of its own is needed. Readers with a token get their marks
// (favourited, following) and are rendered each time. Shared by all worker threads.
class RenderedPages
{
public:
    QByteArray json(
        const std::shared_ptr<const ArticlePage> &page, const std::function<QByteArray()> &render);

private:
    struct Entry
    {
        std::weak_ptr<const ArticlePage> page;
        QByteArray json;
    };

    QMutex m_mutex;
    QHash<const ArticlePage *, Entry> m_entries;
};

} // namespace blog
