#pragma once

#include <QtGlobal>

#include <atomic>

namespace blog {

// A count that only grows, bumped from any thread for the price of one relaxed atomic add (no ordering is
// needed: a scrape only wants a recent value).
class Counter
{
public:
    void add(quint64 amount = 1) { m_value.fetch_add(amount, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value { 0 };
};

} // namespace blog
