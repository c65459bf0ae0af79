#include "PasswordHasher.h"

#include <QRandomGenerator>

#include <argon2.h>
#include <array>
#include <stdexcept>

namespace blog {

namespace {
constexpr size_t SaltLength = 16;
constexpr size_t HashLength = 32;
} // namespace

PasswordHasher::PasswordHasher(Cost cost)
    : m_cost(cost)
{
}

QString PasswordHasher::hash(const QString &password) const
{
    std::array<quint32, SaltLength / sizeof(quint32)> salt;
    QRandomGenerator::system()->fillRange(salt.data(), salt.size());
    const QByteArray utf8 = password.toUtf8();
    const size_t encodedLength = argon2_encodedlen(
        m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, SaltLength, HashLength, Argon2_id);
    QByteArray encoded(qsizetype(encodedLength), Qt::Uninitialized);
    const int result
        = argon2id_hash_encoded(m_cost.iterations, m_cost.memoryKiB, m_cost.lanes, utf8.constData(),
            size_t(utf8.size()), salt.data(), SaltLength, HashLength, encoded.data(), encodedLength);
    if (result != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id hashing failed: ") + argon2_error_message(result));
    return QString::fromLatin1(encoded.constData()); // NUL-terminated
}

bool PasswordHasher::verify(const QString &password, const QString &encodedHash) const
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray encoded = encodedHash.toLatin1();
    if (!encoded.startsWith("$argon2id$"))
        return false;
    return argon2id_verify(encoded.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}

void PasswordHasher::verifyDummy(const QString &password) const
{
    // Hashing costs the same as verifying with the same cost.
    (void)hash(password);
}

} // namespace blog
