// The Preferences dialog's remote-extractor part as a person uses it: a preset fills in the
// server's address and whether it honours JSON schemas, typing an address picks the preset it
// is, "Test connection" asks a real HTTP server on the loopback and says what it answered, and
// what was typed comes back in preferences() (the API key apart from QSettings).
#include "extract/endpointpreset.h"
#include "extract/endpointprobe.h"
#include "extract/loopbackchatserver.h"
#include "gui/preferences.h"
#include "gui/preferencesdialog.h"
#include "testmain.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace gw;
using gw::testing::LoopbackChatServer;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *child(const QDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s in the dialog", name);
        return widget;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        qunsetenv("GRAPHWRIGHT_API_KEY"); // it would win over the key typed in the dialog
    }

    void aPresetFillsInItsAddressAndTypingOnePicksIt()
    {
        PreferencesDialog dialog(Preferences{});
        auto *preset = child<QComboBox>(dialog, "presetCombo");
        auto *url = child<QLineEdit>(dialog, "urlEdit");
        auto *schema = child<QCheckBox>(dialog, "jsonSchemaCheck");
        QCOMPARE(preset->currentIndex(), 0); // no URL: "Other server"
        QVERIFY(!schema->isChecked());

        const QList<EndpointPreset> presets = EndpointPreset::all();
        const int ollama = preset->findText(QStringLiteral("Ollama"));
        QVERIFY(ollama > 0);
        preset->setCurrentIndex(ollama);
        Q_EMIT preset->activated(ollama); // as a click on the item does
        QCOMPARE(url->text(), presets.at(ollama - 1).url);
        QCOMPARE(schema->isChecked(), presets.at(ollama - 1).honoursJsonSchema);

        // Typing another preset's address (with a trailing slash) picks that preset...
        const int vllm = preset->findText(QStringLiteral("vLLM"));
        url->selectAll();
        QTest::keyClicks(url, presets.at(vllm - 1).url + u'/');
        QCOMPARE(preset->currentIndex(), vllm);
        // ...and any other address is "Other server".
        QTest::keyClicks(url, QStringLiteral("x"));
        QCOMPARE(preset->currentIndex(), 0);
    }

    void whatWasTypedComesBackAndTheKeyIsNotSaved()
    {
        Preferences before;
        before.remoteApiKey = QStringLiteral("sk-old");
        PreferencesDialog dialog(before);
        child<QLineEdit>(dialog, "urlEdit")->setText(QStringLiteral("http://gpu-box:8000/v1"));
        child<QLineEdit>(dialog, "modelEdit")->setText(QStringLiteral(" llama3 "));
        child<QCheckBox>(dialog, "jsonSchemaCheck")->setChecked(true);
        child<QSpinBox>(dialog, "budgetSpin")->setValue(250'000);
        QCOMPARE(child<QSpinBox>(dialog, "cacheLimitSpin")->value(), 256); // the default, in MB
        child<QSpinBox>(dialog, "cacheLimitSpin")->setValue(64);
        child<QDoubleSpinBox>(dialog, "promptPriceSpin")->setValue(0.15);
        child<QDoubleSpinBox>(dialog, "completionPriceSpin")->setValue(0.6);
        QVERIFY(!dialog.apiKeyChanged());
        child<QLineEdit>(dialog, "apiKeyEdit")->setText(QStringLiteral("sk-new-secret"));
        QVERIFY(dialog.apiKeyChanged());
        QCOMPARE(child<QLineEdit>(dialog, "apiKeyEdit")->echoMode(), QLineEdit::Password);

        const Preferences after = dialog.preferences();
        QCOMPARE(after.remoteExtractorUrl, QStringLiteral("http://gpu-box:8000/v1"));
        QCOMPARE(after.remoteExtractorModel, QStringLiteral("llama3"));
        QVERIFY(after.remoteHonoursJsonSchema);
        QCOMPARE(after.remoteBudgetTokens, qint64(250000));
        QCOMPARE(after.remotePricing.promptPerMillion, 0.15);
        QCOMPARE(after.remotePricing.completionPerMillion, 0.6);
        QCOMPARE(after.remoteApiKey, QStringLiteral("sk-new-secret"));
        QCOMPARE(after.ingest.remoteCacheMaxBytes, qint64(64) * 1024 * 1024);
        const RemoteExtractorSettings remote = after.remoteSettings();
        QCOMPARE(remote.url, after.remoteExtractorUrl);
        QCOMPARE(remote.apiKey, QStringLiteral("sk-new-secret"));
        QCOMPARE(remote.budgetTokens, qint64(250000));
        QVERIFY(remote.honoursJsonSchema);

        // Saved and loaded again: everything but the key, which only the keyring keeps.
        after.save();
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QLatin1String("sk-new-secret")), qPrintable(key));
        const Preferences loaded = Preferences::load();
        QCOMPARE(loaded.remoteExtractorUrl, after.remoteExtractorUrl);
        QCOMPARE(loaded.remoteBudgetTokens, qint64(250000));
        QCOMPARE(loaded.remotePricing, after.remotePricing);
        QVERIFY(loaded.remoteHonoursJsonSchema);
        QCOMPARE(loaded.ingest.remoteCacheMaxBytes, qint64(64) * 1024 * 1024);
        QVERIFY(loaded.remoteApiKey.isEmpty());
    }

    void testConnectionSaysWhatTheServerAnswered()
    {
        LoopbackChatServer server([](const QString &) { return QString(); });
        QVERIFY(server.isListening());
        server.setRequiredApiKey("sk-right");
        server.setGetAnswer("/v1/models", 200, R"({"object":"list","data":[{"id":"llama3:latest"},{"id":"mistral"}]})");
        Preferences p;
        p.remoteExtractorUrl = server.url();
        p.remoteExtractorModel = QStringLiteral("llama3");
        PreferencesDialog dialog(p);
        auto *button = child<QPushButton>(dialog, "testConnectionButton");
        auto *result = child<QLabel>(dialog, "connectionResultLabel");
        QSignalSpy tested(&dialog, &PreferencesDialog::connectionTested);

        // Without the key: refused, and the dialog says so (and not the key it did not have).
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled()); // one test at a time
        QVERIFY(tested.wait(10'000));
        QVERIFY(button->isEnabled());
        QCOMPARE(tested.constLast().constFirst().value<EndpointProbeResult>().outcome,
                 EndpointProbeResult::Outcome::KeyRefused);
        QVERIFY2(result->text().startsWith(QStringLiteral("✘")), qPrintable(result->text()));

        // With the key typed in the dialog: the model list, and the chosen model is on it.
        child<QLineEdit>(dialog, "apiKeyEdit")->setText(QStringLiteral("sk-right"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(tested.wait(10'000));
        const auto listed = tested.constLast().constFirst().value<EndpointProbeResult>();
        QVERIFY(listed.ok());
        QVERIFY(listed.modelListed);
        QVERIFY2(result->text().startsWith(QStringLiteral("✔")), qPrintable(result->text()));
        QVERIFY2(result->text().contains(QLatin1String("mistral")), qPrintable(result->text()));
        QVERIFY(!result->text().contains(QLatin1String("sk-right")));

        // A model the server does not have: listed, but not a tick.
        child<QLineEdit>(dialog, "modelEdit")->setText(QStringLiteral("gpt-9"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(tested.wait(10'000));
        QVERIFY(tested.constLast().constFirst().value<EndpointProbeResult>().ok());
        QVERIFY2(result->text().startsWith(QStringLiteral("✘")), qPrintable(result->text()));
    }
};

GW_TEST_WIDGETS_MAIN(TestPreferencesDialog)

#include "tst_preferencesdialog.moc"
