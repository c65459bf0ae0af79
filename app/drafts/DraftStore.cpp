#include "DraftStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>

Q_LOGGING_CATEGORY(lcDrafts, "blog.desktop.drafts")

namespace blog {

namespace {

const QString DraftColumns = QStringLiteral(
    "id, article_id, article_slug, base_version, title, description, text, tags, cursor_position, state, "
    "open_in_editor, last_error, updated_at, language");

// SQLite gets NULL for a null QString; the columns want text, if empty.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Tags cannot hold a line break (they are typed in a one-line field and trimmed).
QString joinedTags(const QStringList &tags)
{
    return tags.join(QLatin1Char('\n'));
}

QStringList splitTags(const QString &tags)
{
    return tags.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString stateName(LocalDraft::State state)
{
    return state == LocalDraft::State::Queued ? QStringLiteral("queued") : QStringLiteral("editing");
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs); // written with its "Z"
}

LocalDraft draftFrom(const QSqlQuery &query)
{
    LocalDraft draft;
    draft.id = query.value(0).toLongLong();
    draft.articleId = query.value(1).toLongLong();
    draft.articleSlug = query.value(2).toString();
    draft.baseVersion = query.value(3).toLongLong();
    draft.title = query.value(4).toString();
    draft.description = query.value(5).toString();
    draft.text = query.value(6).toString();
    draft.tags = splitTags(query.value(7).toString());
    draft.cursorPosition = query.value(8).toInt();
    draft.state = query.value(9).toString() == QLatin1String("queued") ? LocalDraft::State::Queued
                                                                       : LocalDraft::State::Editing;
    draft.isOpenInEditor = query.value(10).toBool();
    draft.lastError = query.value(11).toString();
    draft.updatedAt = timeOf(query.value(12));
    draft.language = query.value(13).toString();
    return draft;
}

// One list of statements a schema version; version N's statements bring a file from N-1 to N.
const QList<QStringList> Migrations = {
    {
        QStringLiteral("CREATE TABLE drafts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " article_id INTEGER NOT NULL DEFAULT 0,"
                       " article_slug TEXT NOT NULL DEFAULT '',"
                       " base_version INTEGER NOT NULL DEFAULT 0,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " description TEXT NOT NULL DEFAULT '',"
                       " text TEXT NOT NULL DEFAULT '',"
                       " tags TEXT NOT NULL DEFAULT '',"
                       " cursor_position INTEGER NOT NULL DEFAULT 0,"
                       " state TEXT NOT NULL DEFAULT 'editing' CHECK (state IN ('editing', 'queued')),"
                       " open_in_editor INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        // One draft an article: editing an article again continues its draft.
        QStringLiteral("CREATE UNIQUE INDEX drafts_article ON drafts (article_id) WHERE article_id <> 0"),
    },
    {
        QStringLiteral("CREATE TABLE pending_comments ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " article_slug TEXT NOT NULL,"
                       " text TEXT NOT NULL,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL)"),
    },
    {
        QStringLiteral("ALTER TABLE drafts ADD COLUMN language TEXT NOT NULL DEFAULT ''"),
    },
    {
        // What is in an article's comment box and not yet posted: one an article.
        QStringLiteral("CREATE TABLE comment_drafts ("
                       " article_slug TEXT PRIMARY KEY,"
                       " text TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
    },
    {
        QStringLiteral("ALTER TABLE pending_comments ADD COLUMN refused INTEGER NOT NULL DEFAULT 0"),
    },
};

} // namespace

DraftStore::DraftStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    static std::atomic_int counter { 0 };
    m_connection = QStringLiteral("blog-drafts-%1").arg(++counter);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_error = tr("Cannot create the folder for drafts: %1").arg(QFileInfo(path).absolutePath());
        qCWarning(lcDrafts) << m_error;
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_error = db.lastError().text();
        qCWarning(lcDrafts) << "cannot open" << path << m_error;
        return;
    }
    m_open = migrate();
}

DraftStore::~DraftStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString DraftStore::pathFor(const QString &serverUrl, qint64 userId)
{
    // The user id, not the e-mail: it stays when the author changes their address.
    const QByteArray account = serverUrl.toUtf8() + '\n' + QByteArray::number(userId);
    const QString name
        = QString::fromLatin1(QCryptographicHash::hash(account, QCryptographicHash::Sha256).toHex().left(24));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("drafts/%1.sqlite").arg(name));
}

bool DraftStore::exec(QSqlQuery &query) const
{
    if (query.exec())
        return true;
    qCWarning(lcDrafts) << "draft store:" << query.lastError().text() << query.lastQuery();
    return false;
}

bool DraftStore::inWriteTransaction(const std::function<bool()> &work)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery begin(db);
    // IMMEDIATE: a second app instance on the same account waits for the lock instead of failing later.
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcDrafts) << "cannot begin:" << begin.lastError().text();
        return false;
    }
    if (!work()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcDrafts) << "cannot commit:" << commit.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

int DraftStore::schemaVersion() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("PRAGMA user_version"));
    return exec(query) && query.next() ? query.value(0).toInt() : -1;
}

bool DraftStore::migrate()
{
    const int version = schemaVersion();
    if (version < 0) {
        m_error = tr("The drafts file cannot be read: %1").arg(m_path);
        return false;
    }
    if (version > SchemaVersion) {
        m_error = tr("The drafts file was written by a newer version of the app: %1").arg(m_path);
        qCWarning(lcDrafts) << m_error;
        return false;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (int next = version + 1; next <= SchemaVersion; ++next) {
        const bool migrated = inWriteTransaction([&] {
            for (const QString &statement : Migrations.at(next - 1)) {
                QSqlQuery query(db);
                query.prepare(statement);
                if (!exec(query))
                    return false;
            }
            // PRAGMA takes no bound values; `next` is ours.
            QSqlQuery bump(db);
            bump.prepare(QStringLiteral("PRAGMA user_version = %1").arg(next));
            return exec(bump);
        });
        if (!migrated) {
            m_error = tr("The drafts file cannot be brought up to date: %1").arg(m_path);
            return false;
        }
    }
    return true;
}

bool DraftStore::save(LocalDraft &draft)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool saved = inWriteTransaction([&] {
        QSqlQuery query(db);
        if (draft.id == 0) {
            query.prepare(QStringLiteral(
                "INSERT INTO drafts (article_id, article_slug, base_version, title, description, text, tags,"
                " cursor_position, state, open_in_editor, last_error, language, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        } else {
            query.prepare(QStringLiteral(
                "UPDATE drafts SET article_id = ?, article_slug = ?, base_version = ?, title = ?,"
                " description = ?, text = ?, tags = ?, cursor_position = ?, state = ?, open_in_editor = ?,"
                " last_error = ?, language = ?, updated_at = ? WHERE id = ?"));
        }
        query.addBindValue(draft.articleId);
        query.addBindValue(notNull(draft.articleSlug));
        query.addBindValue(draft.baseVersion);
        query.addBindValue(notNull(draft.title));
        query.addBindValue(notNull(draft.description));
        query.addBindValue(notNull(draft.text));
        query.addBindValue(notNull(joinedTags(draft.tags)));
        query.addBindValue(draft.cursorPosition);
        query.addBindValue(stateName(draft.state));
        query.addBindValue(draft.isOpenInEditor ? 1 : 0);
        query.addBindValue(notNull(draft.lastError));
        query.addBindValue(notNull(draft.language));
        if (draft.id == 0)
            query.addBindValue(timestamp(now));
        query.addBindValue(timestamp(now));
        if (draft.id != 0)
            query.addBindValue(draft.id);
        if (!exec(query))
            return false;
        if (draft.id == 0)
            draft.id = query.lastInsertId().toLongLong();
        else if (query.numRowsAffected() != 1)
            return false; // removed meanwhile (published from the list): not brought back
        return true;
    });
    if (saved) {
        draft.updatedAt = now;
        emit draftsChanged();
    }
    return saved;
}

QList<LocalDraft> DraftStore::selectDrafts(const QString &where, const QList<QVariant> &values) const
{
    QList<LocalDraft> drafts;
    if (!m_open)
        return drafts;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM drafts %2 ORDER BY updated_at DESC, id DESC")
                      .arg(DraftColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!exec(query))
        return drafts;
    while (query.next())
        drafts.append(draftFrom(query));
    return drafts;
}

std::optional<LocalDraft> DraftStore::find(qint64 id) const
{
    const auto found = selectDrafts(QStringLiteral("WHERE id = ?"), { id });
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<LocalDraft> DraftStore::findForArticle(qint64 articleId) const
{
    if (articleId == 0)
        return std::nullopt;
    const auto found = selectDrafts(QStringLiteral("WHERE article_id = ?"), { articleId });
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<LocalDraft> DraftStore::drafts() const
{
    return selectDrafts({});
}

QList<LocalDraft> DraftStore::queuedDrafts() const
{
    return selectDrafts(QStringLiteral("WHERE state = 'queued'"));
}

QList<LocalDraft> DraftStore::draftsLeftOpen() const
{
    return selectDrafts(QStringLiteral("WHERE open_in_editor <> 0"));
}

bool DraftStore::remove(qint64 id)
{
    if (!m_open)
        return false;
    const bool removed = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
        query.addBindValue(id);
        return exec(query);
    });
    if (removed)
        emit draftsChanged();
    return removed;
}

bool DraftStore::setState(qint64 id, LocalDraft::State state, const QString &lastError)
{
    if (!m_open)
        return false;
    const bool changed = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(QStringLiteral("UPDATE drafts SET state = ?, last_error = ? WHERE id = ?"));
        query.addBindValue(stateName(state));
        query.addBindValue(notNull(lastError));
        query.addBindValue(id);
        return exec(query) && query.numRowsAffected() == 1;
    });
    if (changed)
        emit draftsChanged();
    return changed;
}

bool DraftStore::setOpenInEditor(qint64 id, bool open)
{
    if (!m_open)
        return false;
    return inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(QStringLiteral("UPDATE drafts SET open_in_editor = ? WHERE id = ?"));
        query.addBindValue(open ? 1 : 0);
        query.addBindValue(id);
        return exec(query);
    });
}

qint64 DraftStore::addPendingComment(const QString &articleSlug, const QString &text)
{
    if (!m_open)
        return 0;
    qint64 id = 0;
    const bool added = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(
            QStringLiteral("INSERT INTO pending_comments (article_slug, text, created_at) VALUES (?, ?, ?)"));
        query.addBindValue(notNull(articleSlug));
        query.addBindValue(notNull(text));
        query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        if (!exec(query))
            return false;
        id = query.lastInsertId().toLongLong();
        return true;
    });
    if (!added)
        return 0;
    emit pendingCommentsChanged();
    return id;
}

QList<PendingComment> DraftStore::pendingComments(const QString &articleSlug) const
{
    QList<PendingComment> comments;
    if (!m_open)
        return comments;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, article_slug, text, last_error, created_at, refused FROM pending_comments"
                       " WHERE ? = '' OR article_slug = ? ORDER BY id"));
    query.addBindValue(notNull(articleSlug));
    query.addBindValue(notNull(articleSlug));
    if (!exec(query))
        return comments;
    while (query.next()) {
        comments.append({ query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), timeOf(query.value(4)), query.value(5).toBool() });
    }
    return comments;
}

bool DraftStore::removePendingComment(qint64 id)
{
    if (!m_open)
        return false;
    const bool removed = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(QStringLiteral("DELETE FROM pending_comments WHERE id = ?"));
        query.addBindValue(id);
        return exec(query);
    });
    if (removed)
        emit pendingCommentsChanged();
    return removed;
}

bool DraftStore::setPendingCommentError(qint64 id, const QString &error)
{
    return markPendingComment(id, error, false);
}

bool DraftStore::refusePendingComment(qint64 id, const QString &reason)
{
    return markPendingComment(id, reason, true);
}

bool DraftStore::markPendingComment(qint64 id, const QString &error, bool refused)
{
    if (!m_open)
        return false;
    const bool changed = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(QStringLiteral("UPDATE pending_comments SET last_error = ?, refused = ? WHERE id = ?"));
        query.addBindValue(notNull(error));
        query.addBindValue(refused ? 1 : 0);
        query.addBindValue(id);
        return exec(query);
    });
    if (changed)
        emit pendingCommentsChanged();
    return changed;
}

bool DraftStore::saveCommentDraft(const QString &articleSlug, const QString &text)
{
    if (!m_open)
        return false;
    const bool saved = inWriteTransaction([&] {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        if (text.trimmed().isEmpty()) {
            query.prepare(QStringLiteral("DELETE FROM comment_drafts WHERE article_slug = ?"));
            query.addBindValue(notNull(articleSlug));
        } else {
            query.prepare(
                QStringLiteral("INSERT INTO comment_drafts (article_slug, text, updated_at)"
                               " VALUES (?, ?, ?) ON CONFLICT (article_slug)"
                               " DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at"));
            query.addBindValue(notNull(articleSlug));
            query.addBindValue(text);
            query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        }
        return exec(query);
    });
    if (saved)
        emit commentDraftChanged(articleSlug, text.trimmed().isEmpty() ? QString() : text);
    return saved;
}

QString DraftStore::commentDraft(const QString &articleSlug) const
{
    if (!m_open)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT text FROM comment_drafts WHERE article_slug = ?"));
    query.addBindValue(notNull(articleSlug));
    if (!exec(query) || !query.next())
        return {};
    return query.value(0).toString();
}

QList<CommentInProgress> DraftStore::commentDrafts() const
{
    QList<CommentInProgress> comments;
    if (!m_open)
        return comments;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT article_slug, text, updated_at FROM comment_drafts ORDER BY updated_at DESC, article_slug"));
    if (!exec(query))
        return comments;
    while (query.next())
        comments.append({ query.value(0).toString(), query.value(1).toString(), timeOf(query.value(2)) });
    return comments;
}

} // namespace blog
