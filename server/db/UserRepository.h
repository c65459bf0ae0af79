#pragma once

#include "Expected.h"
#include "User.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace blog {

class Database;
class SqlQuery;

// All SQL on the users table.
class UserRepository
{
public:
    struct NewUser
    {
        // Empty: the e-mail's local part, made unique (Validation::usernameFromEmail).
        QString username;
        QString email;
        QString fullName;
        QString passwordHash;
        QString bio;
        std::optional<Social> social;
    };

    struct Credentials
    {
        User user;
        QString passwordHash;
    };

    // Which unique field another user has already.
    enum class Taken { Email, Username };

    explicit UserRepository(Database &database);

    Expected<User, Taken> insert(const NewUser &user);
    std::optional<User> findById(qint64 id);
    // In any letter case.
    std::optional<User> findByUsername(const QString &username);
    std::optional<Credentials> findByEmail(const QString &email);
    bool existsByEmail(const QString &email);
    bool existsByUsername(const QString &username);
    // Writes every field of `user` and, when given, a new hash.
    std::optional<Taken> update(User &user, const std::optional<QString> &newPasswordHash);

private:
    static User userFromRow(const SqlQuery &query, int firstColumn);
    QString freeUsername(QSqlDatabase db, const QString &base);
    // After a unique violation: which index refused the row.
    Taken takenField(QSqlDatabase db, const User &user);

    Database &m_database;
};

} // namespace blog
