#include "OutputFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace blog {

namespace {

QString systemError(const QString &what, const QString &path)
{
    return QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

// fsync of a file or a directory by path.
bool syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

} // namespace

OutputFile::OutputFile(QString target, bool overwrite)
    : m_target(QFileInfo(target).absoluteFilePath())
    , m_overwrite(overwrite)
{
}

OutputFile::~OutputFile()
{
    if (!m_temporary.isEmpty() && !m_committed)
        QFile::remove(m_temporary);
}

QString OutputFile::create()
{
    const QFileInfo target(m_target);
    if (target.exists() && !m_overwrite)
        return QStringLiteral("%1 exists (--force replaces it)").arg(m_target);
    if (target.isDir())
        return QStringLiteral("%1 is a directory").arg(m_target);
    const QString temporary = target.absoluteDir().filePath(
        QStringLiteral(".%1.partial-%2")
            .arg(target.fileName())
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    const int fd
        = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return systemError(QStringLiteral("cannot create"), temporary);
    ::close(fd);
    m_temporary = temporary;
    return {};
}

QString OutputFile::commit()
{
    if (!syncPath(m_temporary, O_RDONLY))
        return systemError(QStringLiteral("cannot flush"), m_temporary);
    // RENAME_NOREPLACE: a file that appeared at the target meanwhile is not replaced either.
    if (::renameat2(AT_FDCWD, QFile::encodeName(m_temporary).constData(), AT_FDCWD,
            QFile::encodeName(m_target).constData(), m_overwrite ? 0 : RENAME_NOREPLACE)
        != 0)
        return systemError(QStringLiteral("cannot rename the finished file to"), m_target);
    m_committed = true;
    if (!syncPath(QFileInfo(m_target).absolutePath(), O_RDONLY | O_DIRECTORY))
        return systemError(QStringLiteral("cannot flush the directory of"), m_target);
    return {};
}

} // namespace blog
