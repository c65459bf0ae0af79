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
    QString log;
    quint16 port = 0;
    const QRegularExpression listening("listening on 127\\.0\\.0\\.1:(\\d+)");
    (void)QTest::qWaitFor(
        [&] {
            log += QString::fromUtf8(server.readAll());
            const auto match = listening.match(log);
            port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
            return port != 0;
        },
        10000);
    return port;
}

} // namespace blog::test
