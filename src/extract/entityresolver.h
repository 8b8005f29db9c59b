#pragma once

#include "entitytype.h"
#include "mention.h"

#include <QList>
#include <QString>

namespace gw {

// Turns mentions into entities with ids that are stable across runs, threads, locales and
// machines (issue 4 §4: the Python system minted colliding ids and duplicated edges per re-run).
//
// An entity is identified by its type and a normalised key (normalizedKey). Its id is
// entityId(type, key): the lower-case hex of the first 16 bytes of SHA-256 over the UTF-8 bytes of
// "<TYPE>\x1f<key>", TYPE being entityTypeName(type) ("PERSON", ...). The type is part of the
// hashed input, so a PERSON and a LOCATION with the same key never share an id.
//
// Within one document, resolveDocument() also joins aliases (a surname to the full name, an
// acronym to the organisation it abbreviates, a MISC mention to a typed entity with its key).
// Across documents nothing more happens here: entities merge by id, that is by (type, key).
// Consequently a document that only says "Babbage" yields the entity "babbage", not
// "charles babbage"; joining such partial names across documents needs the project's entities
// and belongs to the stage that resolves against the store.
//
// Stateless and pure: safe to call from any thread; same input, same output.
class EntityResolver
{
public:
    struct ResolvedMention
    {
        int mention = -1;                   // index into the list given to resolveDocument()
        QString entityId;                   // entityId(type, key); empty for a blank mention
        QString key;                        // the entity's key (of its canonical name), not the mention's own
        QString canonicalName;              // the entity's name as written in the document
        EntityType type = EntityType::Misc; // the entity's type: a joined MISC mention takes it

        bool operator==(const ResolvedMention &) const = default;
    };

    // Name types (PERSON, ORGANIZATION, LOCATION, MISC): NFKD with non-spacing marks dropped
    // ("Zürich" = "Zurich"; also ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ/ð→d, þ→th, ı→i), case-folded,
    // possessive 's/’s dropped, "&" → "and", apostrophes dropped ("O'Brien" → "obrien"), periods
    // between single characters joined ("S.A." → "sa", "U.S." → "us"), any other character that
    // is not a letter or digit becomes a space, whitespace collapsed. Then, only while at least
    // one token remains:
    //  - PERSON: leading titles Mr, Mrs, Ms, Miss, Dr, Prof, Professor are dropped. Sir, Lady,
    //    Lord, Dame stay: they are often part of the name people know ("Lord Byron").
    //  - ORGANIZATION, MISC: a leading "the" is dropped.
    //  - ORGANIZATION: trailing Inc, Incorporated, Ltd, Limited, LLC, GmbH, AG, SA, plc, Corp,
    //    Corporation, Co, Company are dropped (repeatedly, with a dangling "and": "Marks & Co").
    // DATE, MONEY, PERCENT, EMAIL: case-folded, whitespace collapsed. URL: the same, and trailing
    // '/' removed (lower-casing a URL path is lossy, but the same page is often written both ways).
    // A non-blank name never yields an empty key ("Inc." stays "inc"; "!!!" stays "!!!").
    static QString normalizedKey(const QString &name, EntityType type);

    // See the class comment. 32 lower-case hex digits.
    static QString entityId(EntityType type, const QString &key);

    // One result per mention, in the order given (result[i].mention == i). Mentions are resolved
    // in document order, by (start, end) offsets, so the result does not depend on the order of
    // the list. Rules, each only looking back at earlier mentions:
    //  - same type and same key: same entity;
    //  - a one-token PERSON equal to the first or last token of exactly one earlier multi-token
    //    PERSON joins it ("Babbage" → "Charles Babbage"); if several earlier people match, it
    //    stays its own entity. An earlier one-token person with the same key is preferred;
    //  - an all-capitals one-token ORGANIZATION equal to the initials of exactly one earlier
    //    multi-word organisation joins it ("IBM" → "International Business Machines"; initials
    //    are taken of all words, or of all but of/and/the/for/de/la/...: "FBI");
    //  - a MISC mention whose key (under that type's rules) is a key of exactly one earlier
    //    PERSON, ORGANIZATION or LOCATION entity joins it and takes its type.
    // Before these rules, each name's sense is voted over the whole document (senseInDocument):
    // a MISC mention of a name the document types takes the type most of its mentions gave,
    // wherever it stands, and a typed minority under a majority of MISC mentions with evidence of
    // their own (confidence >= 0.6: software names, acronyms) becomes MISC. Weak evidence of a
    // place (0.6: "in X") is none under a name used more than three times as often without any,
    // and counts half against a person or organisation said with evidence; its mentions then
    // take the winning type.
    // An entity's key is its longest member key (the full name; aliases are always shorter) and
    // its canonical name the longest mention text among the mentions carrying that key (ties: the
    // first seen), so "Professor Babbage" never renames "Charles Babbage".
    QList<ResolvedMention> resolveDocument(const QList<Mention> &mentions) const;

private:
    // Each mention's type after one vote per name over the whole document (see the .cpp).
    static QList<EntityType> senseInDocument(const QList<Mention> &mentions);
};

} // namespace gw
