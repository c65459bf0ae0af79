#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace blog::test {

// Starts `executable serve --port 0 --database URL` with BLOG_JWT_SECRET set, and returns the port it
// says it listens on (0 if it said nothing within 10 s). For tests of the real process: kills, restarts.
quint16 startServeProcess(
    QProcess &server, const QString &executable, const QString &databaseUrl, const QByteArray &jwtSecret);
// Reads a started `serve` process's merged output until it says where it listens, and returns that port
// (0 if it said nothing within 10 s); what it read is appended to `log` when given.
quint16 waitForListening(QProcess &server, QString *log = nullptr);

} // namespace blog::test
