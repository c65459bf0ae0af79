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
const QString UserColumns
    = QStringLiteral("id, email, full_name, bio, social, created_at, updated_at, username, image");

QVariant imageColumn(const QString &image)
{
    return image.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(image);
}
} // namespace

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
    user.username = query.value(c + 7).toString();
    user.image = query.value(c + 8).toString();
    return user;
}

QString UserRepository::freeUsername(QSqlDatabase db, const QString &base)
{
    SqlQuery probe(db, m_database.dialect(), QStringLiteral("SELECT 1 FROM users WHERE username_key = :key"));
    for (int n = 1;; ++n) {
        const QString candidate = Validation::usernameCandidate(base, n);
        probe.bind(QStringLiteral(":key"), Validation::usernameKey(candidate)).exec();
        const bool taken = probe.next();
        probe.finish();
        if (!taken)
            return candidate;
    }
}

UserRepository::Taken UserRepository::takenField(QSqlDatabase db, const User &user)
{
    SqlQuery query(
        db, m_database.dialect(), QStringLiteral("SELECT 1 FROM users WHERE email_key = :key AND id <> :id"));
    query.bind(QStringLiteral(":key"), Validation::emailKey(user.email))
        .bind(QStringLiteral(":id"), user.id)
        .exec();
    return query.next() ? Taken::Email : Taken::Username;
}

Expected<User, UserRepository::Taken> UserRepository::insert(const NewUser &newUser)
{
    User user;
    user.email = newUser.email;
    user.fullName = newUser.fullName;
    user.bio = newUser.bio;
    user.social = newUser.social;
    user.createdAt = user.updatedAt = Timestamp::now();
    // A made-up username may be taken by another instance between the probe and the insert: probe again.
    for (int attempt = 0;; ++attempt) {
        try {
            WriteTransaction transaction(m_database);
            user.username = newUser.username.isEmpty()
                ? freeUsername(transaction.connection(), Validation::usernameFromEmail(newUser.email))
                : newUser.username;
            SqlQuery query(transaction.connection(), m_database.dialect(),
                QStringLiteral("INSERT INTO users (email, email_key, full_name, password_hash, bio, social, "
                               "created_at, updated_at, username, username_key) VALUES (:email, :key, :name, "
                               ":hash, :bio, :social, :created, :updated, :username, :username_key) "
                               "RETURNING id"));
            query.bind(QStringLiteral(":email"), user.email)
                .bind(QStringLiteral(":key"), Validation::emailKey(user.email))
                .bind(QStringLiteral(":name"), user.fullName)
                .bind(QStringLiteral(":hash"), newUser.passwordHash)
                .bind(QStringLiteral(":bio"), user.bio)
                .bind(QStringLiteral(":social"), SocialColumn::encode(user.social))
                .bind(QStringLiteral(":created"), Timestamp::toString(user.createdAt))
                .bind(QStringLiteral(":updated"), Timestamp::toString(user.updatedAt))
                .bind(QStringLiteral(":username"), user.username)
                .bind(QStringLiteral(":username_key"), Validation::usernameKey(user.username))
                .exec();
            if (!query.next())
                throw DatabaseError(
                    DatabaseError::Kind::Query, QStringLiteral("INSERT ... RETURNING gave no row"));
            user.id = query.value(0).toLongLong();
            query.finish();
            transaction.commit();
            return user;
        } catch (const DatabaseError &error) {
            if (error.kind() != DatabaseError::Kind::UniqueViolation)
                throw;
        }
        const Taken taken = takenField(m_database.connection(), user);
        if (taken == Taken::Email || !newUser.username.isEmpty() || attempt >= 5)
            return taken;
    }
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

std::optional<User> UserRepository::findByUsername(const QString &username)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT ") + UserColumns + QStringLiteral(" FROM users WHERE username_key = :key"));
    query.bind(QStringLiteral(":key"), Validation::usernameKey(username)).exec();
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

bool UserRepository::existsByUsername(const QString &username)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT 1 FROM users WHERE username_key = :key"));
    query.bind(QStringLiteral(":key"), Validation::usernameKey(username)).exec();
    return query.next();
}

std::optional<UserRepository::Taken> UserRepository::update(
    User &user, const std::optional<QString> &newPasswordHash)
{
    user.updatedAt = Timestamp::now();
    QString sql
        = QStringLiteral("UPDATE users SET email = :email, email_key = :key, full_name = :name, bio = :bio, "
                         "social = :social, updated_at = :updated, username = :username, "
                         "username_key = :username_key, image = :image");
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
            .bind(QStringLiteral(":username"), user.username)
            .bind(QStringLiteral(":username_key"), Validation::usernameKey(user.username))
            .bind(QStringLiteral(":image"), imageColumn(user.image))
            .bind(QStringLiteral(":id"), user.id);
        if (newPasswordHash)
            query.bind(QStringLiteral(":hash"), *newPasswordHash);
        query.exec().finish();
        transaction.commit();
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::UniqueViolation)
            return takenField(m_database.connection(), user);
        throw;
    }
    return std::nullopt;
}

} // namespace blog
