#pragma once

#include <QStringView>

#include <vector>

namespace gw {

// A read-only map from a gazetteer key to bits, filled once and then shared between threads:
// open addressing over one flat array of 16-byte slots, with the keys' characters in one pool.
// A lookup reads one or two cache lines where QHash<QString, unsigned> followed a pointer to
// every key it compared (a tenth of the entity extractor's time went to that).
class WordTable
{
public:
    // ORs `bits` into the key's value (a key may be added many times). Empty keys are ignored.
    void add(QStringView key, unsigned bits);
    // Room for this many keys without growing (the slots are rehashed at most once here).
    void reserve(qsizetype keys);
    // 0 for a key never added.
    unsigned value(QStringView key) const;
    qsizetype size() const { return m_count; }

private:
    struct Slot
    {
        quint32 hash = 0;
        quint32 bits = 0;
        quint32 offset = 0; // into m_characters
        quint32 length = 0; // 0: an empty slot
    };

    static quint32 hashOf(QStringView key);
    // The key's slot, or the empty slot where it would go.
    qsizetype slotOf(QStringView key, quint32 hash) const;
    bool keyEquals(const Slot &slot, QStringView key) const;
    void grow();
    void rehash(size_t slots); // a power of two

    std::vector<Slot> m_slots;
    std::vector<char16_t> m_characters;
    qsizetype m_count = 0;
};

} // namespace gw
