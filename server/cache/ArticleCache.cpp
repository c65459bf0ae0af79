#include "ArticleCache.h"

namespace blog {

ArticleCache::ArticleCache(std::chrono::milliseconds timeToLive, qsizetype maxBytes)
    : m_timeToLive(timeToLive)
    , m_maxBytes(maxBytes)
{
}

qsizetype ArticleCache::sizeOf(const Article &article)
{
    const auto text = [](const QString &value) { return value.size() * qsizetype(sizeof(QChar)); };
    qsizetype bytes = qsizetype(sizeof(Article)) + text(article.slug) + text(article.title)
        + text(article.description) + text(article.text) + text(article.author.fullName)
        + text(article.author.bio);
    for (const QString &tag : article.tags)
        bytes += text(tag);
    for (const Comment &comment : article.comments)
        bytes += qsizetype(sizeof(Comment)) + text(comment.text) + text(comment.author.fullName);
    return bytes;
}

std::shared_ptr<const Article> ArticleCache::get(const QString &slug, const Loader &load)
{
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_bySlug.constFind(slug);
        if (it != m_bySlug.constEnd() && it->expires > std::chrono::steady_clock::now()) {
            m_hits.fetch_add(1, std::memory_order_relaxed);
            return it->article;
        }
    }
    m_misses.fetch_add(1, std::memory_order_relaxed);
    std::optional<Article> loaded = load();
    if (!loaded)
        return nullptr;
    auto article = std::make_shared<const Article>(std::move(*loaded));
    if (m_timeToLive.count() <= 0)
        return article;
    const qsizetype bytes = sizeOf(*article);
    QMutexLocker lock(&m_mutex);
    if (m_generation.load(std::memory_order_acquire) != generation || bytes > m_maxBytes)
        return article;
    eraseLocked(slug); // expired, or put there by another thread meanwhile
    if (m_bytes + bytes > m_maxBytes) {
        m_bySlug.clear();
        m_slugById.clear();
        m_bytes = 0;
    }
    m_bySlug.insert(slug, Entry { article, std::chrono::steady_clock::now() + m_timeToLive, bytes });
    m_slugById.insert(article->id, slug);
    m_bytes += bytes;
    return article;
}

void ArticleCache::forgetArticles(const QList<qint64> &ids)
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    QMutexLocker lock(&m_mutex);
    for (const qint64 id : ids) {
        const auto slug = m_slugById.constFind(id);
        if (slug != m_slugById.constEnd())
            eraseLocked(QString(*slug));
    }
}

void ArticleCache::invalidate()
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    QMutexLocker lock(&m_mutex);
    m_bySlug.clear();
    m_slugById.clear();
    m_bytes = 0;
}

void ArticleCache::eraseLocked(const QString &slug)
{
    const auto it = m_bySlug.constFind(slug);
    if (it == m_bySlug.constEnd())
        return;
    m_bytes -= it->bytes;
    m_slugById.remove(it->article->id);
    m_bySlug.erase(it);
}

} // namespace blog
