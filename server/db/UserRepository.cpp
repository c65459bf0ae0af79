#include "UserRepository.h"

#include "Database.h"
#include "DatabaseError.h"
#include "SocialColumn.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "Validation.h"
#include "WriteTransaction.h"

namespace blog {

namespace {
const QString UserColumns = QStringLiteral("id, email, full_name, bio, social, created_at, updated_at");
}

UserRepository::UserRepository(Database &database)
    : m_database(database)
{
}

User UserRepository::userFromRow(const SqlQuery &query, int c)
{
    User user;
    user.id = query.value(c).toLongLong();
    user.email = query.value(c + 1).toString();
    user.fullName = query.value(c + 2).toString();
    user.bio = query.value(c + 3).toString();
    user.social = SocialColumn::decode(query.value(c + 4));
    user.createdAt = Timestamp::fromString(query.value(c + 5).toString());
    user.updatedAt = Timestamp::fromString(query.value(c + 6).toString());
    return user;
}

std::optional<User> UserRepository::insert(const NewUser &newUser)
{
    User user;
    user.email = newUser.email;
    user.fullName = newUser.fullName;
    user.bio = newUser.bio;
    user.social = newUser.social;
    user.createdAt = user.updatedAt = Timestamp::now();
    try {
        WriteTransaction transaction(m_database);
        SqlQuery query(transaction.connection(), m_database.dialect(),
            QStringLiteral("INSERT INTO users (email, email_key, full_name, password_hash, bio, social, "
                           "created_at, updated_at) VALUES (:email, :key, :name, :hash, :bio, :social, "
                           ":created, :updated) RETURNING id"));
        query.bind(QStringLiteral(":email"), user.email)
            .bind(QStringLiteral(":key"), Validation::emailKey(user.email))
            .bind(QStringLiteral(":name"), user.fullName)
            .bind(QStringLiteral(":hash"), newUser.passwordHash)
            .bind(QStringLiteral(":bio"), user.bio)
            .bind(QStringLiteral(":social"), SocialColumn::encode(user.social))
            .bind(QStringLiteral(":created"), Timestamp::toString(user.createdAt))
            .bind(QStringLiteral(":updated"), Timestamp::toString(user.updatedAt))
            .exec();
        if (!query.next())
            throw DatabaseError(
                DatabaseError::Kind::Query, QStringLiteral("INSERT ... RETURNING gave no row"));
        user.id = query.value(0).toLongLong();
        query.finish();
        transaction.commit();
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::UniqueViolation)
            return std::nullopt;
        throw;
    }
    return user;
}

std::optional<User> UserRepository::findById(qint64 id)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT ") + UserColumns + QStringLiteral(" FROM users WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id).exec();
    if (!query.next())
        return std::nullopt;
    return userFromRow(query, 0);
}

std::optional<UserRepository::Credentials> UserRepository::findByEmail(const QString &email)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT password_hash, ") + UserColumns
            + QStringLiteral(" FROM users WHERE email_key = :key"));
    query.bind(QStringLiteral(":key"), Validation::emailKey(email)).exec();
    if (!query.next())
        return std::nullopt;
    return Credentials { userFromRow(query, 1), query.value(0).toString() };
}

bool UserRepository::existsByEmail(const QString &email)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT 1 FROM users WHERE email_key = :key"));
    query.bind(QStringLiteral(":key"), Validation::emailKey(email)).exec();
    return query.next();
}

bool UserRepository::update(User &user, const std::optional<QString> &newPasswordHash)
{
    user.updatedAt = Timestamp::now();
    QString sql
        = QStringLiteral("UPDATE users SET email = :email, email_key = :key, full_name = :name, bio = :bio, "
                         "social = :social, updated_at = :updated");
    if (newPasswordHash)
        sql += QStringLiteral(", password_hash = :hash");
    sql += QStringLiteral(" WHERE id = :id");
    try {
        WriteTransaction transaction(m_database);
        SqlQuery query(transaction.connection(), m_database.dialect(), sql);
        query.bind(QStringLiteral(":email"), user.email)
            .bind(QStringLiteral(":key"), Validation::emailKey(user.email))
            .bind(QStringLiteral(":name"), user.fullName)
            .bind(QStringLiteral(":bio"), user.bio)
            .bind(QStringLiteral(":social"), SocialColumn::encode(user.social))
            .bind(QStringLiteral(":updated"), Timestamp::toString(user.updatedAt))
            .bind(QStringLiteral(":id"), user.id);
        if (newPasswordHash)
            query.bind(QStringLiteral(":hash"), *newPasswordHash);
        query.exec().finish();
        transaction.commit();
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::UniqueViolation)
            return false;
        throw;
    }
    return true;
}

} // namespace blog
