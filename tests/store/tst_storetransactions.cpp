// ProjectStore::writeTransaction / readSnapshot: how the graph layer writes its own tables
// (vectors, positions, the extraction cache) atomically, and reads them consistently.

#include "sampledocuments.h"
#include "store/projectconnection.h"
#include "store/projectschema.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "core/syncwait.h"
#include "testmain.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <stdexcept>

using gw::ProjectConnection;
using gw::ProjectStore;

class TstStoreTransactions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static qint64 positions(ProjectStore &store)
    {
        qint64 count = -1;
        store.readSnapshot([&count](ProjectConnection &connection) {
            count = connection.scalar(QStringLiteral("SELECT count(*) FROM entity_positions"), QStringLiteral("probe"))
                        .toLongLong();
        });
        return count;
    }

    static ProjectStore::ConnectionWork insertPosition(const QString &entityId)
    {
        return [entityId](ProjectConnection &connection) {
            QSqlQuery query =
                connection.prepare(QStringLiteral("INSERT INTO entity_positions (entity_id, x, y) VALUES (?, 1, 2)"));
            query.addBindValue(entityId);
            connection.exec(query, QStringLiteral("insert a position"));
        };
    }

private Q_SLOTS:
    void commitsRollsBackAndCascadesWithTheEntity()
    {
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("p.gwp")));
        QCOMPARE(store->schemaVersion(), gw::ProjectSchema::latestVersion());
        gw::DocumentRecord record = gw::testing::sampleDocument(QStringLiteral("/a.txt"), 1);
        gw::testing::addSampleExtraction(
            record,
            {gw::testing::sampleEntity(QStringLiteral("Ada")), gw::testing::sampleEntity(QStringLiteral("Grace"))});
        store->writeDocumentBlocking(record);

        store->writeTransactionBlocking(insertPosition(QStringLiteral("id-ada")));
        QCOMPARE(positions(*store), 1);

        // A throwing step rolls back everything it did, and the caller gets the exception.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->writeTransactionBlocking([](ProjectConnection &connection) {
            insertPosition(QStringLiteral("id-grace"))(connection);
            throw std::runtime_error("stop");
        }));
        QCOMPARE(positions(*store), 1);

        // Foreign keys hold: no position for an entity the project does not have.
        QVERIFY_THROWS_EXCEPTION(gw::StoreError,
                                 store->writeTransactionBlocking(insertPosition(QStringLiteral("id-nobody"))));

        // The coroutine twin, awaited from a plain thread.
        QVERIFY(gw::syncWait(store->writeTransaction(insertPosition(QStringLiteral("id-grace")))));
        QCOMPARE(positions(*store), 2);

        // Removing the document orphans its entities: their positions go with them.
        QVERIFY(store->removeDocumentBlocking(QStringLiteral("/a.txt")));
        QCOMPARE(positions(*store), 0);
    }
};

GW_TEST_MAIN(TstStoreTransactions)
#include "tst_storetransactions.moc"
