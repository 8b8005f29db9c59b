#include "wordtable.h"

#include <QHashFunctions>

#include <algorithm>
#include <cstring>
#include <utility>

namespace gw {

quint32 WordTable::hashOf(QStringView key)
{
    return quint32(qHash(key, 0));
}

bool WordTable::keyEquals(const Slot &slot, QStringView key) const
{
    return slot.length == quint32(key.size())
        && std::memcmp(m_characters.data() + slot.offset, key.utf16(), size_t(key.size()) * sizeof(char16_t)) == 0;
}

qsizetype WordTable::slotOf(QStringView key, quint32 hash) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.length == 0 || (slot.hash == hash && keyEquals(slot, key)))
            return qsizetype(i);
    }
}

void WordTable::add(QStringView key, unsigned bits)
{
    if (key.isEmpty())
        return;
    // At most half full: probes stay short.
    if (qsizetype(m_slots.size()) < 2 * (m_count + 1))
        grow();
    const quint32 hash = hashOf(key);
    Slot &slot = m_slots[size_t(slotOf(key, hash))];
    if (slot.length == 0) {
        slot.hash = hash;
        slot.offset = quint32(m_characters.size());
        slot.length = quint32(key.size());
        m_characters.insert(m_characters.end(), key.utf16(), key.utf16() + key.size());
        ++m_count;
    }
    slot.bits |= bits;
}

unsigned WordTable::value(QStringView key) const
{
    if (key.isEmpty() || m_slots.empty())
        return 0;
    return m_slots[size_t(slotOf(key, hashOf(key)))].bits;
}

void WordTable::grow()
{
    rehash(std::max<size_t>(1024, m_slots.size() * 2));
}

void WordTable::reserve(qsizetype keys)
{
    size_t slots = 1024;
    while (slots < size_t(2 * keys))
        slots *= 2;
    if (slots > m_slots.size())
        rehash(slots);
}

void WordTable::rehash(size_t slots)
{
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(slots));
    const size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.length == 0)
            continue;
        size_t i = slot.hash & mask;
        while (m_slots[i].length != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace gw
