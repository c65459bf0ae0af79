#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace blog {

class Database;

// LISTENs for the listing-changed notification of other instances (PostgreSQL only) on a connection of
// its own, in the thread it lives in (it needs that thread's event loop). Reconnects when the database
// comes back after an outage, and reports `changed` then too, since notifications may have been missed.
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(Database &database, QObject *parent = nullptr);
    ~ChangeListener() override;

    void start();

signals:
    void changed();

private:
    bool subscribe();
    void checkConnection();

    Database &m_database;
    QString m_connectionName;
    QTimer *m_healthCheck = nullptr; // made in start(), in the listener's thread
    bool m_subscribed = false;
};

} // namespace blog
