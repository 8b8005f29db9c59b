#include "vocabulary.h"

#include "gazetteer.h"

#include <QCryptographicHash>

#include <algorithm>

namespace gw {

namespace {

struct WordSpan
{
    qsizetype start, end;
};

bool isWordChar(QChar ch)
{
    return ch.isLetterOrNumber() || ch.category() == QChar::Mark_NonSpacing;
}

// Letters and digits, with an apostrophe, hyphen, dot or ampersand inside a word kept in it
// ("O'Brien", "Rolls-Royce", "S.A.", "AT&T").
QList<WordSpan> wordsOf(QStringView text)
{
    QList<WordSpan> words;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n) {
            if (isWordChar(text[i]))
                ++i;
            else if (i + 1 < n && isWordChar(text[i + 1])
                     && (text[i] == u'\'' || text[i] == u'-' || text[i] == u'.' || text[i] == u'&' || text[i] == u'’'))
                i += 2;
            else
                break;
        }
        words.append({start, i});
    }
    return words;
}

bool startsWithCapital(QStringView text)
{
    for (const QChar ch : text)
        if (ch.isLetter())
            return ch.isUpper();
    return false;
}

} // namespace

Vocabulary::Vocabulary(QList<VocabularyEntry> entries) : m_entries(std::move(entries))
{
    QStringList lines;
    for (int e = 0; e < m_entries.size(); ++e) {
        const VocabularyEntry &entry = m_entries.at(e);
        lines << QStringLiteral("%1\x1f%2\x1f%3")
                     .arg(entry.name, entityTypeName(entry.type), entry.aliases.join(u'\x1e'));
        QStringList phrases{entry.name};
        phrases += entry.aliases;
        for (int p = 0; p < phrases.size(); ++p) {
            const QString &phrase = phrases.at(p);
            const QList<WordSpan> spans = wordsOf(phrase);
            const int words = int(spans.size());
            if (words == 0 || words > maxWords)
                continue;
            const QString key = Gazetteer::key(phrase);
            // The first entry naming a phrase keeps it; a name wins over another's alias.
            const auto existing = m_phrases.constFind(key);
            if (existing != m_phrases.cend() && !(existing->alias && p == 0))
                continue;
            m_phrases.insert(key, {e, p > 0, startsWithCapital(phrase)});
            m_firstWords.insert(
                Gazetteer::key(QStringView(phrase).mid(spans.first().start, spans.first().end - spans.first().start)));
            m_longest = std::max(m_longest, words);
        }
    }
    lines.sort();
    m_fingerprint = QString::fromLatin1(
        QCryptographicHash::hash(lines.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

QList<Mention> Vocabulary::find(const QString &text) const
{
    QList<Mention> found;
    if (m_phrases.isEmpty())
        return found;
    const QList<WordSpan> words = wordsOf(text);
    QString key;
    for (qsizetype w = 0; w < words.size();) {
        Gazetteer::key(QStringView(text).mid(words[w].start, words[w].end - words[w].start), key);
        if (!m_firstWords.contains(key)) {
            ++w;
            continue;
        }
        qsizetype matched = 0;
        for (qsizetype n = std::min<qsizetype>(m_longest, words.size() - w); n >= 1 && !matched; --n) {
            const qsizetype start = words[w].start, end = words[w + n - 1].end;
            Gazetteer::key(QStringView(text).mid(start, end - start), key);
            const auto phrase = m_phrases.constFind(key);
            if (phrase == m_phrases.cend())
                continue;
            if (phrase->capitalised && !startsWithCapital(QStringView(text).mid(start, end - start)))
                continue;
            const VocabularyEntry &entry = m_entries.at(phrase->entry);
            Mention mention;
            mention.type = entry.type;
            mention.start = start;
            mention.end = end;
            mention.text = text.mid(start, end - start);
            mention.confidence = 1.0;
            if (phrase->alias)
                mention.name = entry.name;
            found.append(mention);
            matched = n;
        }
        w += matched ? matched : 1;
    }
    return found;
}

} // namespace gw
