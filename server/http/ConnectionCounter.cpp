#include "ConnectionCounter.h"

#include <utility>

namespace blog {

ConnectionCounter::ConnectionCounter(int maxTotal, int maxPerAddress, TrustedProxies exempt)
    : m_exempt(std::move(exempt))
    , m_maxTotal(maxTotal)
    , m_maxPerAddress(maxPerAddress)
{
}

bool ConnectionCounter::tryAdd(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    if (m_exempt.contains(address)) {
        if (m_total >= m_maxTotal)
            return false;
        ++m_total;
        return true;
    }
    int &count = m_perAddress[address];
    if (m_total >= m_maxTotal || count >= m_maxPerAddress) {
        if (count == 0)
            m_perAddress.remove(address);
        m_refused.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    ++count;
    m_open.store(++m_total, std::memory_order_relaxed);
    return true;
}

void ConnectionCounter::remove(const QHostAddress &address)
{
    QMutexLocker lock(&m_mutex);
    if (m_exempt.contains(address)) {
        --m_total;
        return;
    }
    const auto it = m_perAddress.find(address);
    if (it == m_perAddress.end())
        return;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
    m_open.store(--m_total, std::memory_order_relaxed);
}

} // namespace blog
