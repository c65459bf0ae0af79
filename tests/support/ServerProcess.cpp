#include "ServerProcess.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

namespace blog::test {

quint16 startServeProcess(
    QProcess &server, const QString &executable, const QString &databaseUrl, const QByteArray &jwtSecret)
{
    server.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("BLOG_JWT_SECRET", QString::fromUtf8(jwtSecret));
    server.setProcessEnvironment(environment);
    server.start(executable, { "serve", "--port", "0", "--database", databaseUrl });
    return waitForListening(server);
}

quint16 waitForListening(QProcess &server, QString *log)
{
    static const QRegularExpression listening("listening on 127\\.0\\.0\\.1:(\\d+)");
    QString read;
    quint16 port = 0;
    const bool heard = QTest::qWaitFor(
        [&] {
            read += QString::fromUtf8(server.readAll());
            const auto match = listening.match(read);
            port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
            return port != 0;
        },
        10000);
    if (log)
        log->append(read);
    return heard ? port : 0;
}

} // namespace blog::test
