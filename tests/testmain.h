#pragma once
// GW_TEST_MAIN replaces QTEST_GUILESS_MAIN / QTEST_MAIN. Before running, it fails loudly when a
// private slot returns anything but void: QtTest would silently skip such a slot (a coroutine
// returning QCoro::Task<> is the usual culprit), and a test that never runs passes forever.

#include <QMetaMethod>
#include <QTest>

#include <cstdio>

namespace gw::testing {

inline bool allTestSlotsReturnVoid(const QMetaObject &meta)
{
    bool ok = true;
    for (int i = meta.methodOffset(); i < meta.methodCount(); ++i) {
        const QMetaMethod method = meta.method(i);
        if (method.methodType() == QMetaMethod::Slot && method.access() == QMetaMethod::Private
            && method.returnMetaType() != QMetaType::fromType<void>()) {
            std::fprintf(stderr,
                         "FAIL: test slot %s::%s returns %s; QtTest would skip it. "
                         "Make it void and drive coroutines with QCoro::waitFor().\n",
                         meta.className(), method.methodSignature().constData(), method.typeName());
            ok = false;
        }
    }
    return ok;
}

} // namespace gw::testing

#define GW_TEST_MAIN_IMPL(AppClass, TestClass) \
    int main(int argc, char **argv) \
    { \
        AppClass app(argc, argv); \
        app.setAttribute(Qt::AA_Use96Dpi, true); \
        TestClass test; \
        if (!gw::testing::allTestSlotsReturnVoid(TestClass::staticMetaObject)) \
            return 1; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return QTest::qExec(&test, argc, argv); \
    }

#include <QCoreApplication>
#define GW_TEST_MAIN(TestClass) GW_TEST_MAIN_IMPL(QCoreApplication, TestClass)

#ifdef QT_GUI_LIB
#include <QGuiApplication>
// For tests that need Qt Gui (QImage, QPdfWriter, fonts), on the offscreen platform.
#define GW_TEST_GUI_MAIN(TestClass) GW_TEST_MAIN_IMPL(QGuiApplication, TestClass)
#endif

#ifdef QT_WIDGETS_LIB
#include <QApplication>
// For widget tests, on the offscreen platform.
#define GW_TEST_WIDGETS_MAIN(TestClass) GW_TEST_MAIN_IMPL(QApplication, TestClass)
#endif
