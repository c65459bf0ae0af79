#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace blog {

class Database;

// Tells the other instances sharing a PostgreSQL database what changed (NOTIFY, heard by their
// ChangeListener); on SQLite, where one process owns the file, it does nothing.
class ChangeNotifier
{
public:
    explicit ChangeNotifier(Database &database);

    // What changed: the articles there are (their count, the listing's anchors), or only what pages show
    // (a comment count, an edit). The listeners read the anchors again only for the first: at a million
    // articles that is ~2,000 queries, and every comment post on PostgreSQL made every instance, the
    // writer included (it hears its own NOTIFY), wait for them (the mixed row: 40 requests a second).
    enum class Scope { Articles, Pages };
    // Never throws: the write it follows is committed, and if the notice is lost the other instances
    // catch up when their caches expire.
    void listingChanged(Scope scope);
    // The payload's part that says Scope::Pages; any other (the empty payload of older versions) means
    // everything.
    static QString pagesOnlyPayload() { return QStringLiteral("pages"); }
    // Comments came or went: the pages showing their articles changed (Scope::Pages), and the users in
    // `articleAuthors` got new ones on their articles (for their notifications). With authors, both
    // notices go in one statement: one round trip a comment batch instead of two.
    void commentsChanged(const QList<qint64> &articleAuthors = {});

    // Who sent a notice, at the end of its payload after originMark() (",@", so that versions without it
    // read ids and the mark apart): this notifier's server cleared its own caches before notifying, and
    // its listener skips what it sent. Hearing its own notices
    // made a PostgreSQL instance drop its listing and user caches a second time after every comment
    // post; the single instance of the mixed benchmark then read users again on most requests.
    QString origin() const { return m_origin; }
    static QString originMark() { return QStringLiteral(",@"); }

private:
    // Binds each placeholder's payload, with this notifier's origin.
    void notify(const QString &sql, const QList<std::pair<QString, QString>> &payloads);

    Database &m_database;
    const QString m_origin;
};

} // namespace blog
