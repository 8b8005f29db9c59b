#include "curationrules.h"

#include "core/errors.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <numeric>

namespace gw {

namespace {

const QString kMerge = QStringLiteral("merge");
const QString kRename = QStringLiteral("rename");
const QString kRetype = QStringLiteral("retype");
const QString kHide = QStringLiteral("hide");
const QString kUnhide = QStringLiteral("unhide");
const QString kSplit = QStringLiteral("split");
const QString kDistinct = QStringLiteral("distinct");
const QString kRelationDelete = QStringLiteral("relation-delete");
const QString kRelationRetype = QStringLiteral("relation-retype");
const QString kRelationAdd = QStringLiteral("relation-add");

QJsonObject relationPayload(const QString &source, const QString &target, const QString &type, const QStringList &names)
{
    return {{QStringLiteral("source"), source},
            {QStringLiteral("target"), target},
            {QStringLiteral("type"), type},
            {QStringLiteral("names"), QJsonArray::fromStringList(names)}};
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

CurationEdit makeEdit(const QString &kind, QJsonObject payload)
{
    CurationEdit edit;
    edit.kind = kind;
    edit.payload = std::move(payload);
    return edit;
}

} // namespace

QHash<int, CurationRules::NodeOverride> CurationRules::apply(const QList<StoredEntity> &entities,
                                                             QList<int> &target) const
{
    QHash<int, NodeOverride> overrides;
    if (m_edits.isEmpty())
        return overrides;
    QHash<QString, int> indexById;
    indexById.reserve(entities.size());
    for (int i = 0; i < entities.size(); ++i)
        indexById.insert(entities.at(i).id, i);

    // Union-find over the groups the automatic resolution made (target[i] is already a root).
    QList<int> parent = target;
    const auto find = [&parent](int i) {
        int root = i;
        while (parent.at(root) != root)
            root = parent.at(root);
        while (parent.at(i) != root) {
            const int next = parent.at(i);
            parent[i] = root;
            i = next;
        }
        return root;
    };
    for (const CurationEdit &edit : m_edits) {
        if (edit.kind == kSplit) {
            // Out of the group they joined, on their own (one node: they share a name).
            int first = -1;
            for (const QString &id : stringList(edit.payload.value(QStringLiteral("ids")))) {
                const int index = indexById.value(id, -1);
                if (index < 0)
                    continue;
                parent[index] = first < 0 ? index : first;
                if (first < 0)
                    first = index;
            }
            continue;
        }
        if (edit.kind != kMerge)
            continue;
        // Into `into`'s group; an id no longer in the project (its documents removed) is skipped,
        // and when `into` is gone the first id still present takes its place.
        QList<int> present;
        const int into = indexById.value(edit.payload.value(QStringLiteral("into")).toString(), -1);
        if (into >= 0)
            present.append(into);
        for (const QString &id : stringList(edit.payload.value(QStringLiteral("ids"))))
            if (const int index = indexById.value(id, -1); index >= 0)
                present.append(index);
        if (present.isEmpty())
            continue;
        const int root = find(present.first());
        for (const int index : std::as_const(present).mid(1)) {
            // An entity named by its own id moves alone when the automatic resolution had put it
            // in another group ("Abram" inside "Sarai Abram"): the person meant that name.
            if (find(index) != root && parent.at(index) != index)
                parent[index] = index;
            if (const int other = find(index); other != root)
                parent[other] = root;
        }
    }
    for (int i = 0; i < target.size(); ++i)
        target[i] = find(i);

    // Names, types and visibility, by the group each edit's entity ended in; later edits win.
    for (const CurationEdit &edit : m_edits) {
        const QString id =
            edit.payload.value(edit.kind == kMerge ? QStringLiteral("into") : QStringLiteral("id")).toString();
        int index = indexById.value(id, -1);
        if (index < 0 && edit.kind == kMerge) {
            for (const QString &other : stringList(edit.payload.value(QStringLiteral("ids"))))
                if ((index = indexById.value(other, -1)) >= 0)
                    break;
        }
        if (index < 0)
            continue;
        NodeOverride &node = overrides[target.at(index)];
        const QString name = edit.payload.value(QStringLiteral("name")).toString();
        const QString type = edit.payload.value(QStringLiteral("type")).toString();
        if ((edit.kind == kMerge || edit.kind == kRename) && !name.isEmpty())
            node.name = name;
        if ((edit.kind == kMerge || edit.kind == kRetype) && !type.isEmpty())
            node.type = type;
        if (edit.kind == kHide)
            node.hidden = true;
        else if (edit.kind == kUnhide)
            node.hidden = false;
    }
    return overrides;
}

CurationEdit CurationRules::merge(const QStringList &ids, const QString &into, const QString &name, const QString &type,
                                  const QStringList &names)
{
    QJsonObject payload{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)},
                        {QStringLiteral("into"), into},
                        {QStringLiteral("names"), QJsonArray::fromStringList(names)}};
    if (!name.isEmpty())
        payload.insert(QStringLiteral("name"), name);
    if (!type.isEmpty())
        payload.insert(QStringLiteral("type"), type);
    return makeEdit(kMerge, payload);
}

CurationEdit CurationRules::split(const QStringList &ids, const QString &name)
{
    return makeEdit(
        kSplit,
        {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}, {QStringLiteral("names"), QJsonArray{name}}});
}

CurationEdit CurationRules::distinct(const QString &a, const QString &b, const QString &nameA, const QString &nameB)
{
    return makeEdit(kDistinct,
                    {{QStringLiteral("ids"), QJsonArray{a, b}}, {QStringLiteral("names"), QJsonArray{nameA, nameB}}});
}

CurationEdit CurationRules::rename(const QString &id, const QString &name, const QString &oldName)
{
    return makeEdit(
        kRename,
        {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("names"), QJsonArray{oldName}}});
}

CurationEdit CurationRules::retype(const QString &id, const QString &type, const QString &name)
{
    return makeEdit(
        kRetype,
        {{QStringLiteral("id"), id}, {QStringLiteral("type"), type}, {QStringLiteral("names"), QJsonArray{name}}});
}

CurationEdit CurationRules::hide(const QString &id, const QString &name)
{
    return makeEdit(kHide, {{QStringLiteral("id"), id}, {QStringLiteral("names"), QJsonArray{name}}});
}

CurationEdit CurationRules::unhide(const QString &id, const QString &name)
{
    return makeEdit(kUnhide, {{QStringLiteral("id"), id}, {QStringLiteral("names"), QJsonArray{name}}});
}

CurationEdit CurationRules::deleteRelation(const QString &source, const QString &target, const QString &type,
                                           const QStringList &names)
{
    return makeEdit(kRelationDelete, relationPayload(source, target, type, names));
}

CurationEdit CurationRules::retypeRelation(const QString &source, const QString &target, const QString &type,
                                           const QString &newType, const QStringList &names)
{
    QJsonObject payload = relationPayload(source, target, type, names);
    payload.insert(QStringLiteral("to"), newType);
    return makeEdit(kRelationRetype, payload);
}

CurationEdit CurationRules::addRelation(const QString &source, const QString &target, const QString &type,
                                        const QString &note, const QStringList &names)
{
    QJsonObject payload = relationPayload(source, target, type, names);
    payload.insert(QStringLiteral("note"), note);
    return makeEdit(kRelationAdd, payload);
}

bool CurationRules::isRelationEdit(const CurationEdit &edit)
{
    return edit.kind == kRelationDelete || edit.kind == kRelationRetype || edit.kind == kRelationAdd;
}

QString CurationRules::describe(const CurationEdit &edit)
{
    const QStringList names = stringList(edit.payload.value(QStringLiteral("names")));
    const QString name = edit.payload.value(QStringLiteral("name")).toString();
    const QString type = edit.payload.value(QStringLiteral("type")).toString();
    const QString first = names.value(0, edit.payload.value(QStringLiteral("id")).toString());
    if (edit.kind == kMerge) {
        // "names": the merged names, then the name of the one they went into.
        QString text =
            QCoreApplication::translate("gw::CurationRules", "merge %1 into %2")
                .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.value(names.size() - 1));
        if (!name.isEmpty())
            text += QCoreApplication::translate("gw::CurationRules", ", named %1").arg(name);
        if (!type.isEmpty())
            text += QCoreApplication::translate("gw::CurationRules", ", as %1").arg(type);
        return text;
    }
    if (edit.kind == kRename)
        return QCoreApplication::translate("gw::CurationRules", "rename %1 to %2").arg(first, name);
    if (edit.kind == kRetype)
        return QCoreApplication::translate("gw::CurationRules", "retype %1 as %2").arg(first, type);
    if (edit.kind == kHide)
        return QCoreApplication::translate("gw::CurationRules", "hide %1").arg(first);
    if (edit.kind == kUnhide)
        return QCoreApplication::translate("gw::CurationRules", "show %1 again").arg(first);
    if (edit.kind == kSplit)
        return QCoreApplication::translate("gw::CurationRules", "split %1 out").arg(first);
    if (edit.kind == kDistinct)
        return QCoreApplication::translate("gw::CurationRules", "%1 and %2 are different").arg(first, names.value(1));
    const QString source = names.value(0, edit.payload.value(QStringLiteral("source")).toString());
    const QString target = names.value(1, edit.payload.value(QStringLiteral("target")).toString());
    if (edit.kind == kRelationDelete)
        return QCoreApplication::translate("gw::CurationRules", "delete %1 -%2-> %3").arg(source, type, target);
    if (edit.kind == kRelationRetype)
        return QCoreApplication::translate("gw::CurationRules", "change %1 -%2-> %3 to %4")
            .arg(source, type, target, edit.payload.value(QStringLiteral("to")).toString());
    if (edit.kind == kRelationAdd)
        return QCoreApplication::translate("gw::CurationRules", "add %1 -%2-> %3").arg(source, type, target);
    return edit.kind;
}

QJsonObject CurationRules::toJson(const QList<CurationEdit> &edits)
{
    QJsonArray array;
    for (const CurationEdit &edit : edits) {
        QJsonObject item = edit.payload;
        item.insert(QStringLiteral("kind"), edit.kind);
        array.append(item);
    }
    return {{QStringLiteral("graphwright_curation"), 1}, {QStringLiteral("edits"), array}};
}

QList<CurationEdit> CurationRules::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("graphwright_curation")).toInt() != 1
        || !json.value(QStringLiteral("edits")).isArray())
        throw Error(QCoreApplication::translate("gw::CurationRules",
                                                "not a Graphwright curation file (no \"graphwright_curation\": 1 "
                                                "with a list of \"edits\")"));
    QList<CurationEdit> edits;
    const QJsonArray array = json.value(QStringLiteral("edits")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject payload = array.at(i).toObject();
        const QString kind = payload.take(QStringLiteral("kind")).toString();
        const CurationEdit edit = makeEdit(kind, payload);
        const bool relation = isRelationEdit(edit);
        const bool known = kind == kMerge || kind == kRename || kind == kRetype || kind == kHide || kind == kUnhide
            || kind == kSplit || kind == kDistinct || relation;
        const auto has = [&payload](const char *key) {
            return !payload.value(QLatin1String(key)).toString().isEmpty();
        };
        const bool complete = kind == kMerge      ? has("into")
            : kind == kSplit || kind == kDistinct ? !payload.value(QStringLiteral("ids")).toArray().isEmpty()
            : relation ? has("source") && has("target") && has("type") && (kind != kRelationRetype || has("to"))
                       : has("id");
        if (!known || !complete)
            throw Error(QCoreApplication::translate("gw::CurationRules",
                                                    "edit %1 of the curation file is not one Graphwright knows "
                                                    "(kind \"%2\")")
                            .arg(i + 1)
                            .arg(kind));
        edits.append(edit);
    }
    return edits;
}

} // namespace gw
