#pragma once

#include "ModePage.h"
#include "MogupWizard.h"
#include "PrechecksPage.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QDir>
#include <QFileInfo>
#include <QtTest>

// Driving the real wizard the way an operator would (offscreen), shared by the tst_wizard_* tests.
namespace WizardTestSupport {

// Every page a test visits is saved as a PNG under wizard-screens/<test executable>/ in the working
// directory (one folder per test: ctest runs them in parallel, each starts by emptying its own).
inline QString screensDir()
{
    return QDir::currentPath() + QStringLiteral("/wizard-screens/") + QFileInfo(QCoreApplication::applicationFilePath()).baseName();
}

inline void saveScreen(QWizard& wizard, const QString& name)
{
    QDir().mkpath(screensDir());
    const QString path = screensDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    QVERIFY2(wizard.grab().save(path), qPrintable(path));
}

// Clicks Next (the commit button on a commit page) and checks where the wizard went.
inline void clickNext(QWizard& wizard, int expectedId)
{
    QAbstractButton* next = wizard.button(wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    QVERIFY(next->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 60000);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), expectedId);
}

// From the sandbox's profile through Nodes, Package, Mode, Pre-checks and Plan into the run (started).
inline void driveIntoRun(MogUp::MogupWizard& wizard, const TestSupport::Sandbox& sandbox, MogUp::UpgradeMode mode)
{
    using MogUp::MogupWizard;
    wizard.state().runsRoot = sandbox.dir() + QStringLiteral("/runs");
    QString error;
    QVERIFY2(wizard.loadProfile(sandbox.profile(), &error), qPrintable(error));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickNext(wizard, MogupWizard::NodesPageId);
    clickNext(wizard, MogupWizard::PackagePageId);
    clickNext(wizard, MogupWizard::ModePageId);
    wizard.modePage()->setMode(mode);
    clickNext(wizard, MogupWizard::PrechecksPageId);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
    QVERIFY2(wizard.prechecksPage()->isComplete(), qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
    clickNext(wizard, MogupWizard::PlanPageId);
    QCOMPARE(wizard.state().plan.mode, mode);
    clickNext(wizard, MogupWizard::RunPageId);
}

// QSettings and data directories go to test locations, not the user's.
// Call from initTestCase(); also empties this test's screenshot folder.
inline void useTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(screensDir()).removeRecursively();
    QCoreApplication::setApplicationName(QStringLiteral("mogup-test"));
}

} // namespace WizardTestSupport
