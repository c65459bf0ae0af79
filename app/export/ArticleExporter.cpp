#include "ArticleExporter.h"

#include "ApiClient.h"
#include "DraftStore.h"
#include "FrontMatter.h"

#include <QSaveFile>

namespace blog {

namespace {
constexpr int PageSize = 100;
}

ArticleExporter::ArticleExporter(ApiClient &api, DraftStore &drafts, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_drafts(drafts)
{
}

void ArticleExporter::start(const QString &directory, qint64 authorId)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_directory = QDir(directory);
    m_authorId = authorId;
    m_slugs.clear();
    m_summary = {};
    for (const LocalDraft &draft : m_drafts.drafts()) {
        if (!write(QStringLiteral("drafts/draft-%1.md").arg(draft.id), FrontMatter::document(draft)))
            return finish(tr("Could not write the drafts into %1.").arg(QDir::toNativeSeparators(directory)));
        ++m_summary.drafts;
        emit progress(m_summary.drafts);
    }
    fetchPage(0);
}

void ArticleExporter::fetchPage(qint64 offset)
{
    ListingQuery query;
    query.limit = PageSize;
    query.offset = offset;
    query.authorId = m_authorId;
    m_api.fetchArticles(query, this, [this, offset](const ApiResult<ListingPage> &result) {
        if (!result)
            return finish(result.error().message);
        if (result->offline)
            return finish(tr("The server cannot be reached: only the drafts were exported."));
        for (const ArticleListItem &item : result->page.items)
            m_slugs.append(item.slug);
        const qint64 next = offset + result->page.items.size();
        if (!result->page.items.isEmpty() && next < result->page.total)
            fetchPage(next);
        else
            fetchNextArticle();
    });
}

void ArticleExporter::fetchNextArticle()
{
    if (m_slugs.isEmpty())
        return finish();
    const QString slug = m_slugs.takeFirst();
    m_api.fetchArticle(slug, this, [this](const ApiResult<Article> &result) {
        if (!result) {
            if (result.error().kind == ApiError::Kind::Http && result.error().status == 404)
                return fetchNextArticle(); // deleted meanwhile
            return finish(result.error().message);
        }
        if (!write(result->slug + QStringLiteral(".md"), FrontMatter::document(*result)))
            return finish(tr("Could not write into %1.").arg(QDir::toNativeSeparators(m_directory.path())));
        ++m_summary.articles;
        emit progress(m_summary.drafts + m_summary.articles);
        fetchNextArticle();
    });
}

bool ArticleExporter::write(const QString &relativePath, const QString &contents)
{
    const QString path = m_directory.filePath(relativePath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(contents.toUtf8());
    return file.commit();
}

void ArticleExporter::finish(const QString &error)
{
    m_summary.error = error;
    m_running = false;
    emit finished(m_summary);
}

} // namespace blog
