#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

namespace blog::SecretFile {

// Reads the key kept in `path`, or makes a random 256-bit one and writes it there readable by the
// owner only (0600). Refuses a file that others can read.
Expected<QByteArray, QString> loadOrCreate(const QString &path);

} // namespace blog::SecretFile
