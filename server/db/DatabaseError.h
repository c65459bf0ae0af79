#pragma once

#include <QSqlError>
#include <QString>

#include <stdexcept>

namespace blog {

// A database fault nobody can fix by changing the request: it becomes a logged 500 (or a 503 when
// the database cannot be reached, or a statement ran past its thread's time limit). Expected outcomes
// such as a taken e-mail travel as values instead.
class DatabaseError : public std::runtime_error
{
public:
    enum class Kind { Query, Unavailable, TimedOut, UniqueViolation, ForeignKeyViolation };

    DatabaseError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_kind(kind)
    {
    }

    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

} // namespace blog
