#pragma once

#include "DatabaseUrl.h"

#include <QStringList>
#include <QVariant>

namespace blog::test {

// A connection of the test's own to the server's database (SQLite or PostgreSQL), to look at — or
// change — what lies behind the API's back. Removed again when it goes out of scope.
class SideConnection
{
public:
    explicit SideConnection(const DatabaseUrl &url);
    ~SideConnection();
    SideConnection(const SideConnection &) = delete;
    SideConnection &operator=(const SideConnection &) = delete;

    bool isOpen() const { return m_open; }
    bool exec(const QString &sql) const;
    // The first column of the first row, or an invalid QVariant if the query fails or has no row.
    QVariant scalar(const QString &sql, const QVariant &bound = {}) const;
    // The first row's columns, or an empty list if the query fails or has no row.
    QVariantList row(const QString &sql, const QVariant &bound = {}) const;
    // Every row's columns joined with '|', in order.
    QStringList rows(const QString &sql) const;
    bool hasView(const QString &name) const;

private:
    DatabaseUrl::Kind m_kind;
    QString m_name;
    bool m_open = false;
};

} // namespace blog::test
