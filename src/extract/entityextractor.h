#pragma once

#include "core/cancellation.h"
#include "gazetteer.h"
#include "mention.h"
#include "vocabulary.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace gw {

// Finds entity mentions in a text, deterministically and without any model: patterns first
// (e-mail, URL, money, percent, dates; see EntityPatterns), then runs of capitalised words
// ("University of Manchester", "John von Neumann") typed with the gazetteer's dictionaries and
// cues (titles, given names, organisation words, places, a preceding "in"/"at"/"from").
// extract() is const and keeps no state: one extractor may serve any number of threads.
class EntityExtractor
{
public:
    // Changes whenever the rules or dictionaries change what is found: documents read by an older
    // version are read again on the next ingest (DocumentRecord::extractor). RelationExtractor
    // has no version of its own: a change there bumps this one.
    static constexpr int version = 19;

    // `vocabulary`: a person's names and types, found over what the rules guess (Vocabulary).
    explicit EntityExtractor(std::shared_ptr<const Gazetteer> gazetteer = Gazetteer::builtIn(),
                             std::shared_ptr<const Vocabulary> vocabulary = {});

    // Mentions sorted by start, never overlapping, with text == input.mid(start, end - start).
    // Throws CancelledError when the token is cancelled (polled every few thousand characters).
    QList<Mention> extract(const QString &text, const CancellationToken &token = {}) const;

    const Gazetteer &gazetteer() const { return *m_gazetteer; }
    // Null or empty: none.
    const Vocabulary *vocabulary() const { return m_vocabulary.get(); }

private:
    struct Token;
    QList<Mention> capitalisedRuns(const QString &text, const QList<Mention> &patterns,
                                   const CancellationToken &token) const;
    void typeRun(const QString &text, const std::vector<Token> &tokens, qsizetype first, qsizetype last,
                 QList<Mention> &out) const;
    bool gerundTitle(const QString &text, const std::vector<Token> &tokens, qsizetype a, qsizetype b) const;
    static void recoverSentenceOpeners(const QString &text, const std::vector<Token> &tokens, QList<Mention> &mentions);
    static void typeFromNeighbours(const QString &text, QList<Mention> &mentions);
    void lowerCaseSoftware(const QString &text, const std::vector<Token> &tokens, QList<Mention> &mentions) const;
    void worksNamedByApposition(const QString &text, const std::vector<Token> &tokens, QList<Mention> &mentions) const;
    static void titlesOfWorks(const QString &text, const std::vector<Token> &tokens, QList<Mention> &mentions);
    // Words before the name ("joined X", "CEO of X") or after it ("X acquired", "X is based").
    enum class OrganisationCue { Before, After };
    static bool organisationContext(const QString &text, const std::vector<Token> &tokens, qsizetype first,
                                    qsizetype last, OrganisationCue cue);

    std::shared_ptr<const Gazetteer> m_gazetteer;
    std::shared_ptr<const Vocabulary> m_vocabulary;
};

} // namespace gw
