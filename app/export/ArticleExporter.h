#pragma once

#include "ApiError.h"

#include <QDir>
#include <QObject>
#include <QStringList>

namespace blog {

class ApiClient;
class DraftStore;
struct Article;

// Writes an author's articles (from the server) and drafts (from this machine) into a folder as Markdown
// files with front matter: `<slug>.md` for each article, `drafts/draft-<n>.md` for each draft. Files are
// replaced whole (QSaveFile), so an export stopped midway leaves no half-written file.
class ArticleExporter : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        int articles = 0;
        int drafts = 0;
        // Why not every article could be written (the server unreachable, a file not writable); empty: all
        // were.
        QString error;
    };

    ArticleExporter(ApiClient &api, DraftStore &drafts, QObject *parent = nullptr);

    // Drafts are written at once; articles as the server sends them. `finished` follows, once.
    void start(const QString &directory, qint64 authorId);
    bool isRunning() const { return m_running; }

signals:
    void progress(int written);
    void finished(const blog::ArticleExporter::Summary &summary);

private:
    void fetchPage(qint64 offset);
    void fetchNextArticle();
    bool write(const QString &relativePath, const QString &contents);
    void finish(const QString &error = {});

    ApiClient &m_api;
    DraftStore &m_drafts;
    QDir m_directory;
    qint64 m_authorId = 0;
    QStringList m_slugs;
    Summary m_summary;
    bool m_running = false;
};

} // namespace blog
