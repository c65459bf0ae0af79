#pragma once

#include "User.h"

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

    explicit UserRepository(Database &database);

    // nullopt when the e-mail (in any letter case) is taken.
    std::optional<User> insert(const NewUser &user);
    std::optional<User> findById(qint64 id);
    std::optional<Credentials> findByEmail(const QString &email);
    bool existsByEmail(const QString &email);
    // Writes every field of `user` and, when given, a new hash. False when the e-mail is taken.
    bool update(User &user, const std::optional<QString> &newPasswordHash);

private:
    static User userFromRow(const SqlQuery &query, int firstColumn);

    Database &m_database;
};

} // namespace blog
