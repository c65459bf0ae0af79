#pragma once

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace blog {

class Database;

// LISTENs for the notifications of other instances (PostgreSQL only: the listing changed, comments were
// added) on a connection of its own, in the thread it lives in (it needs that thread's event loop);
// those sent by `ownOrigin` (ChangeNotifier::origin(), the notifier of the same server) are skipped.
// Reconnects when the database comes back after an outage, and reports both then, since notifications may
// have been missed.
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(Database &database, const QString &ownOrigin = {}, QObject *parent = nullptr);
    ~ChangeListener() override;

    void start();

signals:
    // The listing changed; `articles`: the set of articles too (not only what pages show).
    void changed(bool articles);
    // Comments were added on these users' articles; empty: on anyone's (after an outage, or too many).
    void commentsAdded(const QList<qint64> &articleAuthors);

private:
    bool subscribe();
    void checkConnection();

    Database &m_database;
    const QString m_ownOrigin;
    QString m_connectionName;
    QTimer *m_healthCheck = nullptr; // made in start(), in the listener's thread
    bool m_subscribed = false;
};

} // namespace blog
