#pragma once

#include "entitytype.h"

#include <QList>
#include <QString>

namespace gw {

// One occurrence of an entity in a text. Offsets are QString (UTF-16) indices into the text the
// extractor was given (a chunk's text); add the chunk's start for document offsets.
struct Mention
{
    EntityType type = EntityType::Misc;
    qsizetype start = 0;
    qsizetype end = 0;       // one past the last character
    QString text;            // == input.mid(start, end - start)
    double confidence = 1.0; // 0..1: patterns and gazetteer hits 1.0, capitalisation guesses lower
    // The entity's name when it differs from `text`: a vocabulary alias found in the text ("PSF"
    // of "Python Software Foundation"). Empty: the name is the text.
    QString name;

    bool operator==(const Mention &) const = default;
};

} // namespace gw
