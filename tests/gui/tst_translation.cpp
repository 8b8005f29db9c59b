// The interface follows the system locale: the German translation is embedded, complete, and what
// a German desktop shows. translations/*.ts are checked too, so a string added without its
// translation fails here instead of showing up in English.
#include "core/syncwait.h"
#include "gui/jobsmodel.h"
#include "gui/jobsview.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "gui/statisticsdock.h"
#include "ingest/formatdetector.h"
#include "ingest/jsonparser.h"
#include "ingest/loaderror.h"
#include "pipeline/ingestjob.h"
#include "store/projectstore.h"
#include "store/storeerror.h"
#include "testmain.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

// The mnemonic letter of a menu text ("Projekt ö&ffnen…" → 'f'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every mnemonic in `actions` (menu entries, a menu bar's menus) is used once at most.
void verifyDistinctMnemonics(const QString &where, const QList<QAction *> &actions)
{
    QHash<QChar, QString> seen;
    for (const QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QChar key = mnemonic(action->text());
        if (key.isNull())
            continue;
        QVERIFY2(!seen.contains(key),
                 qPrintable(QStringLiteral("%1: \"%2\" and \"%3\" share the accelerator %4")
                                .arg(where, seen.value(key), action->text(), key)));
        seen.insert(key, action->text());
    }
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:n|L?[1-9])"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;      // of the <translation> element: "unfinished", "vanished", "obsolete" or empty
    QStringList forms; // the translation, or its numerus forms
    qint64 line = 0;
};

QList<TsMessage> readTs(const QString &path, QString *language, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                *language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message =
                    TsMessage{context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                              {},      {}, xml.lineNumber()};
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (name == QLatin1String("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << message;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

} // namespace

class TstTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("GraphwrightTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translation"));
        QSettings().clear();
        // As main.cpp does, for a German system locale. QLocale(QLocale::German) needs no
        // installed system locale.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/graphwright_de.qm")));
        QVERIFY(
            m_translator.load(QLocale(), QStringLiteral("graphwright"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        // Qt's own strings (standard buttons, key names) when Qt's translations are installed.
        if (m_qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);
    }

    void cleanupTestCase()
    {
        QCoreApplication::removeTranslator(&m_qtTranslator);
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale::c());
        QSettings().clear();
    }

    void mainWindowMenusAreGerman()
    {
        gw::MainWindow window;
        QStringList menus;
        for (const QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus,
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("Auf&träge"),
                              QStringLiteral("&Einstellungen"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));

        const auto text = [&window](const char *name) {
            const auto *action = window.findChild<QAction *>(QLatin1String(name));
            return action ? action->text() : QStringLiteral("<no action %1>").arg(QLatin1String(name));
        };
        QCOMPARE(text("actionNewProject"), QStringLiteral("&Neues Projekt…"));
        QCOMPARE(text("actionOpenProject"), QStringLiteral("Projekt ö&ffnen…"));
        QCOMPARE(text("actionCancelAll"), QStringLiteral("&Alle abbrechen"));
        QCOMPARE(text("actionPreferences"), QStringLiteral("Graphwright &einrichten…"));
        QCOMPARE(text("actionQuit"), QStringLiteral("&Beenden"));
        // Shortcuts stay the portable ones: the key names are translated by Qt when shown.
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionOpenProject"))->shortcut(),
                 QKeySequence(QKeySequence::Open));
        QCOMPARE(window.windowTitle(), QStringLiteral("Graphwright"));
        QCOMPARE(window.statisticsDock()->windowTitle(), QStringLiteral("Statistik"));
        QCOMPARE(window.jobsView()->cancelAllAction()->text(), QStringLiteral("Alle a&bbrechen"));
    }

    void mnemonicsAreDistinctWithinEachMenu()
    {
        gw::MainWindow window;
        verifyDistinctMnemonics(QStringLiteral("menu bar"), window.menuBar()->actions());
        for (const QAction *menuAction : window.menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            QVERIFY(menu);
            verifyDistinctMnemonics(menu->title(), menu->actions());
        }
        // The jobs table's context menu and the jobs toolbar.
        verifyDistinctMnemonics(QStringLiteral("jobs context menu"), window.jobsView()->tableView()->actions());
    }

    void jobsModelIsGerman()
    {
        gw::JobsModel model;
        QCOMPARE(model.headerData(gw::JobsModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
        QCOMPARE(model.headerData(gw::JobsModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(gw::JobsModel::stateText(gw::DocumentState::Cancelled), QStringLiteral("Abgebrochen"));
        QCOMPARE(model.summaryText(), QStringLiteral("Keine Dokumente"));
    }

    void pluralFormsAreGerman()
    {
        QCOMPARE(gw::MainWindow::tr("Adding %n item(s)…", nullptr, 1), QStringLiteral("1 Element wird hinzugefügt…"));
        QCOMPARE(gw::MainWindow::tr("Adding %n item(s)…", nullptr, 3),
                 QStringLiteral("3 Elemente werden hinzugefügt…"));
    }

    // The pipeline's reasons shown in the jobs table come translated as well.
    void pipelineReasonIsGerman()
    {
        QCOMPARE(gw::IngestJob::tr("cancelled before it started"), QStringLiteral("vor dem Start abgebrochen"));
    }

    // So do the failure and skip reasons made below the GUI, by ingest and the project store.
    void ingestAndStoreReasonsAreGerman()
    {
        QCOMPARE(gw::FormatDetector::skipReason(QStringLiteral("/daten/notizen.xyz")),
                 QStringLiteral("nicht unterstützter Dateityp „.xyz“"));

        gw::ParseContext context;
        context.path = QStringLiteral("/daten/kaputt.json");
        try {
            gw::JsonParser().extractText(R"({"a": "b",, "c": 1})", context);
            QFAIL("malformed JSON was accepted");
        } catch (const gw::LoadError &error) {
            QVERIFY2(error.reason().startsWith(QStringLiteral("ungültiges JSON: ")), qPrintable(error.reason()));
            QVERIFY2(error.reason().endsWith(QStringLiteral(" an Byte-Position 11")), qPrintable(error.reason()));
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        try {
            gw::ProjectStore::open(dir.path());
            QFAIL("a folder was opened as a project");
        } catch (const gw::StoreError &error) {
            QCOMPARE(error.message(),
                     QStringLiteral("Projektdatei „%1“: das ist ein Ordner, keine Projektdatei")
                         .arg(QDir::toNativeSeparators(QFileInfo(dir.path()).absoluteFilePath())));
        }
    }

    void translationFilesAreComplete()
    {
        const QStringList files =
            QDir(QStringLiteral(GW_TRANSLATIONS_DIR)).entryList({QStringLiteral("graphwright_*.ts")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("graphwright_de.ts")));
        for (const QString &name : files) {
            const QString path = QDir(QStringLiteral(GW_TRANSLATIONS_DIR)).filePath(name);
            QString language;
            QString error;
            const QList<TsMessage> messages = readTs(path, &language, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(messages.size() > 100, qPrintable(name));
            // German and English have two plural forms; another language may have more.
            const int pluralForms = language.startsWith(QLatin1String("de")) ? 2 : -1;
            for (const TsMessage &m : messages) {
                const QString where =
                    QStringLiteral("%1:%2 [%3] \"%4\"").arg(name).arg(m.line).arg(m.context, m.source);
                QVERIFY2(m.type.isEmpty(), qPrintable(QStringLiteral("%1 is %2").arg(where, m.type)));
                QVERIFY2(!m.forms.isEmpty(), qPrintable(QStringLiteral("%1 has no translation").arg(where)));
                if (m.numerus && pluralForms > 0)
                    QVERIFY2(m.forms.size() == pluralForms,
                             qPrintable(QStringLiteral("%1 needs %2 plural forms").arg(where).arg(pluralForms)));
                for (const QString &form : m.forms) {
                    QVERIFY2(!form.trimmed().isEmpty() || m.source.trimmed().isEmpty(),
                             qPrintable(QStringLiteral("%1 has an empty translation").arg(where)));
                    // Every placeholder survives translation; %n may be left out of a singular.
                    QSet<QString> expected = placeholders(m.source);
                    if (m.numerus && m.forms.size() > 1 && &form == &m.forms.first())
                        expected.remove(QStringLiteral("%n"));
                    QVERIFY2(placeholders(form).contains(expected),
                             qPrintable(QStringLiteral("%1: \"%2\" lost a placeholder").arg(where, form)));
                    QCOMPARE(mnemonic(form).isNull(), mnemonic(m.source).isNull());
                }
            }
        }
    }

    // The .ts files cannot drift from the code: lupdate over every layer finds no message that a
    // translation lacks or leaves unfinished.
    void everySourceMessageIsTranslated()
    {
#if defined(__SANITIZE_THREAD__)
        QSKIP("QProcess cannot run under ThreadSanitizer with Qt 6.4 (see tst_cli)");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scanned = dir.filePath(QStringLiteral("scan_de.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(GW_SOURCE_DIR));
        lupdate.start(QStringLiteral(GW_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-target-language"), QStringLiteral("de_DE"),
                       QStringLiteral("-I"), QStringLiteral("src"), QStringLiteral("-I"), QStringLiteral("src/gui"),
                       QStringLiteral("src"), QStringLiteral("ui"), QStringLiteral("-ts"), scanned});
        QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        QString language, error;
        const QList<TsMessage> found = readTs(scanned, &language, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(found.size() > 500, qPrintable(QString::number(found.size())));

        const QStringList files =
            QDir(QStringLiteral(GW_TRANSLATIONS_DIR)).entryList({QStringLiteral("graphwright_*.ts")}, QDir::Files);
        for (const QString &name : files) {
            const QList<TsMessage> translated =
                readTs(QDir(QStringLiteral(GW_TRANSLATIONS_DIR)).filePath(name), &language, &error);
            QSet<QString> done;
            for (const TsMessage &m : translated)
                if (m.type.isEmpty() && !m.forms.isEmpty())
                    done.insert(m.context + QLatin1Char('\n') + m.source);
            QStringList missing;
            for (const TsMessage &m : found)
                if (!done.contains(m.context + QLatin1Char('\n') + m.source))
                    missing << QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
            QVERIFY2(missing.isEmpty(),
                     qPrintable(QStringLiteral("%1 lacks %2 message(s) (run the update_translations target and "
                                               "translate them):\n  %3")
                                    .arg(name)
                                    .arg(missing.size())
                                    .arg(missing.join(QStringLiteral("\n  ")))));
        }
    }

    // Not a check: GW_SCREENSHOT_DIR=/tmp writes the German window and dialogs there to look at.
    void screenshots()
    {
        const QString folder = qEnvironmentVariable("GW_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("set GW_SCREENSHOT_DIR to write screenshots");
        QTemporaryDir dir;
        gw::MainWindow window;
        window.resize(1200, 760);
        window.show();
        QVERIFY(gw::syncWait(window.openProject(dir.filePath(QStringLiteral("Beispiel.gwp")))));
        window.addInputs({QStringLiteral(GW_SAMPLES_DIR), dir.filePath(QStringLiteral("fehlt.txt"))});
        gw::syncWait(window.job()->waitIdle());
        QTest::qWait(1200); // samples, chart, health checks
        window.jobsView()->tableView()->selectRow(1);
        QTest::qWait(200);
        QVERIFY(window.grab().save(QDir(folder).filePath(QStringLiteral("mainwindow_de.png"))));

        gw::PreferencesDialog preferences(gw::Preferences{}, &window);
        preferences.show();
        QTest::qWait(50);
        QVERIFY(preferences.grab().save(QDir(folder).filePath(QStringLiteral("preferences_de.png"))));
        preferences.close();

        for (const QAction *menuAction : window.menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            menu->popup(window.mapToGlobal(QPoint(10, 10)));
            QTest::qWait(50);
            const QString file = QStringLiteral("menu_%1_de.png").arg(menu->objectName());
            QVERIFY(menu->grab().save(QDir(folder).filePath(file)));
            menu->hide();
        }
    }

private:
    QTranslator m_translator;
    QTranslator m_qtTranslator;
};

GW_TEST_WIDGETS_MAIN(TstTranslation)
#include "tst_translation.moc"
