#include "SecretFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <array>

namespace blog::SecretFile {

Expected<QByteArray, QString> loadOrCreate(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther
            | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        if (file.permissions() & others)
            return QStringLiteral("%1 is readable by others; chmod 600 it").arg(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
        if (secret.size() < 32)
            return QStringLiteral("%1 does not hold a 256-bit hex key").arg(path);
        return secret;
    }
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray secret(reinterpret_cast<const char *>(words.data()), sizeof(words));
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Created with 0600 from the start (never briefly world-readable); NewOnly refuses to race another
    // instance that creates it at the same moment.
    QFile out(path);
    if (!out.open(
            QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("cannot create %1: %2").arg(path, out.errorString());
    if (out.write(secret.toHex() + '\n') < 0 || !out.flush())
        return QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
    out.close();
    return secret;
}

} // namespace blog::SecretFile
