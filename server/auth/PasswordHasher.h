#pragma once

#include <QByteArray>
#include <QString>

namespace blog {

// argon2id hashes in the encoded PHC form ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
class PasswordHasher
{
public:
    struct Cost
    {
        quint32 memoryKiB = 64 * 1024;
        quint32 iterations = 3;
        quint32 lanes = 4;
    };

    // The `argon2` npm package's defaults, which the tutorial app uses: 64 MiB, t=3, p=4.
    PasswordHasher() = default;
    explicit PasswordHasher(Cost cost);

    QString hash(const QString &password) const;
    // The cost comes from the encoded hash itself, so hashes made with other costs still verify.
    bool verify(const QString &password, const QString &encodedHash) const;
    // Spends the time of one verification without a stored hash, so an unknown e-mail takes as
    // long to refuse as a wrong password.
    void verifyDummy(const QString &password) const;

    const Cost &cost() const { return m_cost; }

private:
    Cost m_cost;
};

} // namespace blog
