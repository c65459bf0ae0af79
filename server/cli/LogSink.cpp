#include "LogSink.h"

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace blog::LogSink {

namespace {

constexpr qsizetype FlushBytes = 16 * 1024;
constexpr auto FlushInterval = std::chrono::milliseconds(250);

QMutex g_mutex;
QByteArray g_buffer;
std::chrono::steady_clock::time_point g_lastFlush;

void flushLocked()
{
    if (!g_buffer.isEmpty()) {
        std::fwrite(g_buffer.constData(), 1, size_t(g_buffer.size()), stderr);
        std::fflush(stderr);
        g_buffer.clear();
    }
    g_lastFlush = std::chrono::steady_clock::now();
}

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = qFormatLogMessage(type, context, message).toUtf8() + '\n';
    QMutexLocker lock(&g_mutex);
    g_buffer += line;
    if (type != QtDebugMsg && type != QtInfoMsg) {
        flushLocked();
        if (type == QtFatalMsg)
            std::abort();
        return;
    }
    if (g_buffer.size() >= FlushBytes || std::chrono::steady_clock::now() - g_lastFlush >= FlushInterval)
        flushLocked();
}

} // namespace

void install()
{
    g_buffer.reserve(FlushBytes * 2);
    g_lastFlush = std::chrono::steady_clock::now();
    qInstallMessageHandler(handle);
    std::atexit(flush);
}

void flush()
{
    QMutexLocker lock(&g_mutex);
    flushLocked();
}

} // namespace blog::LogSink
