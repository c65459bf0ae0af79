#pragma once

#include <QString>

namespace blog {

// A file written under a temporary name beside its target and renamed to it only when complete, so a
// half-written backup or export never looks like a whole one. Mode 0600 from the first byte: backups
// and exports hold password hashes. The temporary file goes when this does, unless committed.
class OutputFile
{
public:
    OutputFile(QString target, bool overwrite);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    // Creates the empty temporary file. Error: an existing target (without overwrite), or the file system's.
    QString create();
    QString temporaryPath() const { return m_temporary; }
    QString targetPath() const { return m_target; }
    // Flushes the file to disk, renames it to the target and flushes the directory. Error: why not.
    QString commit();

private:
    QString m_target;
    QString m_temporary;
    bool m_overwrite = false;
    bool m_committed = false;
};

} // namespace blog
