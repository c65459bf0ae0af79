#include "RenderedPages.h"

namespace blog {

namespace {
// The services' cache holds at most a few thousand pages; beyond this the entries of dropped pages go.
constexpr qsizetype MaxEntries = 4096;
} // namespace

QByteArray RenderedPages::json(
    const std::shared_ptr<const ArticlePage> &page, const std::function<QByteArray()> &render)
{
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(page.get());
        // The same address may be a new page after the old one went: the weak pointer tells.
        if (it != m_entries.constEnd() && it->page.lock() == page)
            return it->json;
    }
    QByteArray json = render();
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= MaxEntries) {
        m_entries.removeIf([](const auto &entry) { return entry.value().page.expired(); });
        if (m_entries.size() >= MaxEntries)
            m_entries.clear();
    }
    m_entries.insert(page.get(), Entry { page, json });
    return json;
}

} // namespace blog
