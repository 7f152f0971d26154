#include "Language.h"
#include "FileChooser.h"
#include "LogModel.h"
#include "MessageBox.h"
#include "ModePage.h"
#include "MogupWizard.h"
#include "NodesPage.h"
#include "PlanPage.h"
#include "PrechecksPage.h"
#include "RunPage.h"
#include "SandboxDemoCluster.h"
#include "TestSupport.h"
#include "VerifyPage.h"
#include "WelcomePage.h"
#include "WizardTestSupport.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QLabel>
#include <QRadioButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QAbstractSpinBox>
#include <QKeySequence>
#include <QSet>
#include <QtTest>

using namespace MogUp;
using namespace WizardTestSupport;

// The real wizard, driven the way an operator would (offscreen): on a live sandbox cluster from the
// profile to a verified rolling upgrade; an invalid node keeping Next disabled; the live language switch.
// Every page visited is saved as a PNG under wizard-screens/ in the working directory, for reviewers.
class Tst_WizardDemo : public QObject
{
    Q_OBJECT

private:
private slots:
    void initTestCase()
    {
        useTestSettings();
    }

    void rollingUpgradeOnSandbox()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));

        MogupWizard wizard;
        wizard.state().runsRoot = sandbox.dir() + QStringLiteral("/runs");
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.windowTitle(), QStringLiteral("MogUp"));
        QCOMPARE(wizard.currentId(), int(MogupWizard::WelcomePageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no cluster yet
        QString error;
        QVERIFY2(wizard.loadProfile(sandbox.profile(), &error), qPrintable(error));
        saveScreen(wizard, QStringLiteral("rolling-01-welcome"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-01-welcome"), { QStringLiteral("profileSummary") });
        if (QTest::currentTestFailed())
            return;

        clickNext(wizard, MogupWizard::NodesPageId);
        QCOMPARE(wizard.nodesPage()->table()->rowCount(), sandbox.config().nodes.size());
        QVERIFY2(wizard.nodesPage()->problems().isEmpty(), qPrintable(wizard.nodesPage()->problems().join(QLatin1Char('\n'))));
        saveScreen(wizard, QStringLiteral("rolling-02-nodes"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-02-nodes"));
        if (QTest::currentTestFailed())
            return;

        clickNext(wizard, MogupWizard::PackagePageId);
        saveScreen(wizard, QStringLiteral("rolling-02b-package"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-02b-package"), { QStringLiteral("packageSha256") });
        if (QTest::currentTestFailed())
            return;
        clickNext(wizard, MogupWizard::ModePageId);
        auto* rolling = wizard.currentPage()->findChild<QRadioButton*>(QStringLiteral("rollingRadio"));
        QVERIFY(rolling);
        // On the indicator: the button's middle may lie past its text, outside what reacts to a click.
        QTest::mouseClick(rolling, Qt::LeftButton, {}, QPoint(6, rolling->height() / 2));
        QVERIFY(rolling->isChecked());
        saveScreen(wizard, QStringLiteral("rolling-03-mode"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-03-mode"));
        if (QTest::currentTestFailed())
            return;

        clickNext(wizard, MogupWizard::PrechecksPageId);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
        QVERIFY2(wizard.prechecksPage()->isComplete(), qPrintable(wizard.prechecksPage()->failures().join(QLatin1Char('\n'))));
        QCOMPARE(wizard.state().options.primaryNode, QStringLiteral("node1"));
        saveScreen(wizard, QStringLiteral("rolling-04-prechecks"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-04-prechecks"));
        if (QTest::currentTestFailed())
            return;

        clickNext(wizard, MogupWizard::PlanPageId);
        QCOMPARE(wizard.state().plan.mode, UpgradeMode::Rolling);
        QTreeWidget* planSteps = wizard.planPage()->stepTree();
        QCOMPARE(planSteps->topLevelItemCount(), wizard.state().plan.steps.size());
        // The exact commands are shown: a standby's switchover (rolling) with the node's data directory.
        bool switchoverShown = false;
        for (int i = 0; i < planSteps->topLevelItemCount(); ++i) {
            const QString command = planSteps->topLevelItem(i)->text(PlanPage::CommandColumn);
            if (command.contains(QStringLiteral("gs_ctl switchover")) && command.contains(sandbox.config().nodes.at(1).pgdata))
                switchoverShown = true;
        }
        QVERIFY(switchoverShown);
        saveScreen(wizard, QStringLiteral("rolling-05-plan"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-05-plan"));
        if (QTest::currentTestFailed())
            return;
        // Save the profile (the file dialog answered through its seam): loadable, the same profile, and now
        // the most recent one.
        const QString saved = sandbox.dir() + QStringLiteral("/saved-profile.json");
        FileChooser::setNextAnswer(saved);
        auto* save = wizard.currentPage()->findChild<QPushButton*>(QStringLiteral("saveProfileButton"));
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(wizard.planPage()->saveStatus(), QStringLiteral("Profile saved to ") + saved);
        ClusterProfile reloaded;
        QList<ProfileError> loadErrors;
        QVERIFY(ClusterProfile::load(saved, &reloaded, &loadErrors));
        QCOMPARE(reloaded.nodes.size(), wizard.state().profile.nodes.size());
        QCOMPARE(reloaded.toJson(), wizard.state().profile.toJson());
        QCOMPARE(MogupWizard::recentProfiles().value(0), saved);

        clickNext(wizard, MogupWizard::RunPageId);
        RunPage* run = wizard.runPage();
        QVERIFY(run->isRunning() || run->isFinished());
        QVERIFY(!wizard.button(QWizard::BackButton)->isEnabled() || !wizard.button(QWizard::BackButton)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(run->logModel()->rowCount() > 0, 120000);
        saveScreen(wizard, QStringLiteral("rolling-06-run-live"));
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 400000);
        QVERIFY2(run->succeeded(), qPrintable(run->statusText()));
        QVERIFY(run->statusText().contains(wizard.state().runDir));
        QVERIFY(QFile::exists(wizard.state().runDir + QStringLiteral("/journal.jsonl")));
        for (int i = 0; i < run->stepTree()->topLevelItemCount(); ++i)
            QVERIFY(!run->stepTree()->topLevelItem(i)->text(RunPage::DurationColumn).isEmpty());
        saveScreen(wizard, QStringLiteral("rolling-07-run-done"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-07-run-done"));
        if (QTest::currentTestFailed())
            return;

        clickNext(wizard, MogupWizard::VerifyPageId);
        VerifyPage* verify = wizard.verifyPage();
        QTRY_VERIFY_WITH_TIMEOUT(verify->isDone(), 60000);
        QVERIFY2(verify->isVerified(), qPrintable(verify->summaryText()));
        // What the run measured is on the page: the outage and the walsender memory so far.
        QVERIFY2(verify->summaryText().contains(QStringLiteral("Measured downtime: the cluster had no primary answering for")),
            qPrintable(verify->summaryText()));
        QVERIFY2(verify->summaryText().contains(QStringLiteral("Walsender memory so far: ")), qPrintable(verify->summaryText()));
        // Sampling goes on while the page is open, and the verdict follows it: the leak is gone.
        QTRY_VERIFY2_WITH_TIMEOUT(verify->summaryText().contains(QStringLiteral(": leak fixed")), qPrintable(verify->summaryText()), 300000);
        QTableWidget* table = verify->table();
        QCOMPARE(table->rowCount(), sandbox.config().nodes.size());
        int primaries = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            QCOMPARE(table->item(row, VerifyPage::VersionBeforeColumn)->text(), QStringLiteral("2.0.1"));
            QCOMPARE(table->item(row, VerifyPage::VersionAfterColumn)->text(), QStringLiteral("2.0.3"));
            QCOMPARE(table->item(row, VerifyPage::StateAfterColumn)->text(), QStringLiteral("Normal"));
            if (table->item(row, VerifyPage::RoleAfterColumn)->text() == QStringLiteral("primary"))
                ++primaries;
        }
        QCOMPARE(primaries, 1);
        // The OM's own verdict, asked on the primary.
        QVERIFY2(verify->clusterStateText().endsWith(QStringLiteral("): Normal")), qPrintable(verify->clusterStateText()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("rolling-08-verify"));
        checkLanguageSwitch(wizard, QStringLiteral("rolling-08-verify"));
        if (QTest::currentTestFailed())
            return;
    }

    // What `mogup --demo` does: the welcome page builds a sandbox on a worker thread (the GUI stays live,
    // progress shows), loads its profile, and the wizard stops every process of it when it closes.
    void demoClusterIsBuiltAndStopped()
    {
        QString demoDir;
        {
            MogupWizard wizard;
            // As mogup does: the sandbox builds the demo cluster (ui/ has no sandbox of its own).
            wizard.setDemoCluster(std::make_shared<Sim::SandboxDemoCluster>());
            wizard.show();
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
            auto* demo = wizard.currentPage()->findChild<QPushButton*>(QStringLiteral("demoButton"));
            QVERIFY(demo);
            QVERIFY(demo->isVisible());
            QTest::mouseClick(demo, Qt::LeftButton);
            QVERIFY(wizard.welcomePage()->isBuildingDemo());
            QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
            auto* progress = wizard.currentPage()->findChild<QPlainTextEdit*>(QStringLiteral("demoLog"));
            QVERIFY(progress);
            // Progress lines reach the page while the build runs (the event loop is not blocked).
            QTRY_VERIFY_WITH_TIMEOUT(!progress->toPlainText().isEmpty(), 60000);
            QTRY_VERIFY_WITH_TIMEOUT(!wizard.welcomePage()->isBuildingDemo(), 120000);
            saveScreen(wizard, QStringLiteral("demo-01-built"));
            QCOMPARE(wizard.state().profile.nodes.size(), 3);
            QVERIFY(!wizard.state().profile.sandbox.isEmpty());
            demoDir = wizard.state().profile.sandbox;
            QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
            QVERIFY(!Sim::SandboxBuilder::sandboxProcesses(demoDir).isEmpty());
        }
        QVERIFY2(Sim::SandboxBuilder::sandboxProcesses(demoDir).isEmpty(), qPrintable(demoDir));
        QVERIFY(QDir(demoDir).removeRecursively());
    }

    // Cancel mid-run (the question answered through the MessageBox seam): the current command ends, no
    // further step runs, the page says so with each node's state, and Next stays disabled. gs_om's stop
    // hangs (an injected fault), so the run is always inside that step when Cancel is pressed.
    void cancelMidRun()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        cancelWhileHung(wizard, sandbox, UpgradeMode::Offline, QStringLiteral("node1"),
            QStringLiteral("gs_om"), QStringLiteral("-t stop"), QStringLiteral("node1-stop-cluster"));
        if (QTest::currentTestFailed())
            return;
        saveScreen(wizard, QStringLiteral("cancel-01-cancelled"));
    }

    // A step that fails (fault injected into the sandbox): the run stops there, the step is marked failed,
    // the page names the step and node, shows every node's state and the way back, and Next stays disabled.
    void failingStepIsShown()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        sandbox.addFault(QStringLiteral("node2"), QStringLiteral("gs_ctl"), QStringLiteral("start"), QStringLiteral("fail"), 0);
        MogupWizard wizard;
        driveIntoRun(wizard, sandbox, UpgradeMode::Rolling);
        if (QTest::currentTestFailed())
            return;
        RunPage* run = wizard.runPage();
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 300000);
        const RunResult& result = wizard.state().runResult;
        QVERIFY(!result.ok);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.failedStepId, QStringLiteral("node2-start-db"));
        int failedRow = -1;
        for (int i = 0; i < wizard.state().plan.steps.size(); ++i) {
            if (wizard.state().plan.steps.at(i).id == result.failedStepId)
                failedRow = i;
        }
        QVERIFY(failedRow >= 0);
        QCOMPARE(run->stepTree()->topLevelItem(failedRow)->text(RunPage::StatusColumn), QStringLiteral("failed"));
        QVERIFY(run->stepTree()->topLevelItem(failedRow + 1)->text(RunPage::StatusColumn).isEmpty()); // never started
        const QString status = run->statusText();
        QVERIFY2(status.contains(QStringLiteral("failed")) && status.contains(QStringLiteral("node2")), qPrintable(status));
        QVERIFY2(!result.wayBack.isEmpty() && status.contains(result.wayBack.first().undoCommand), qPrintable(status));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("fault-01-start-db-failed"));
    }

    void invalidNodeKeepsNextDisabled()
    {
        MogupWizard wizard;
        wizard.setProfile(paperProfile(2));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        clickNext(wizard, MogupWizard::NodesPageId);
        QAbstractButton* next = wizard.button(QWizard::NextButton);
        QVERIFY(next->isEnabled());
        NodesPage* page = wizard.nodesPage();
        auto* message = page->findChild<QLabel*>(QStringLiteral("nodesMessage"));
        QVERIFY(message);

        // Not a port: typed into the cell as an operator would.
        QTableWidget* table = page->table();
        table->setCurrentCell(1, NodesPage::DbPortColumn);
        table->editItem(table->item(1, NodesPage::DbPortColumn));
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("26x"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits the editor's text from a queued call.
        QTRY_COMPARE(table->item(1, NodesPage::DbPortColumn)->text(), QStringLiteral("26x"));
        QCOMPARE(wizard.state().profile.nodes.at(1).dbPort, 0);
        QVERIFY(!next->isEnabled());
        QVERIFY2(message->text().contains(QStringLiteral("nodes[1].db_port")), qPrintable(message->text()));
        saveScreen(wizard, QStringLiteral("invalid-01-bad-port"));

        // A relative data directory is refused with its own message; fixing the port alone is not enough.
        table->item(0, NodesPage::PgdataColumn)->setText(QStringLiteral("data"));
        table->item(1, NodesPage::DbPortColumn)->setText(QStringLiteral("26000"));
        QVERIFY(!next->isEnabled());
        QVERIFY2(message->text().contains(QStringLiteral("nodes[0].pgdata")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(QStringLiteral("db_port")));
        saveScreen(wizard, QStringLiteral("invalid-02-relative-pgdata"));

        table->item(0, NodesPage::PgdataColumn)->setText(QStringLiteral("/opt/mogdb/data"));
        QVERIFY(next->isEnabled());
        QVERIFY(page->problems().isEmpty());
        saveScreen(wizard, QStringLiteral("invalid-03-fixed"));
    }

    // A profile opened once is offered on the welcome page next time; activating it (Enter) opens it.
    void recentProfilesRemembered()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("paper.json"));
        QString error;
        QVERIFY2(paperProfile(2).save(path, &error), qPrintable(error));
        {
            MogupWizard wizard;
            QVERIFY2(wizard.loadProfile(path, &error), qPrintable(error));
        }
        QCOMPARE(MogupWizard::lastProfilePath(), path);
        MogupWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto* recent = wizard.currentPage()->findChild<QListWidget*>(QStringLiteral("recentProfiles"));
        QVERIFY(recent);
        QVERIFY(recent->count() >= 1);
        QCOMPARE(recent->item(0)->text(), path);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        recent->setCurrentRow(0);
        QTest::keyClick(recent, Qt::Key_Return);
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(wizard.state().profile.name, QStringLiteral("paper"));
        saveScreen(wizard, QStringLiteral("recent-01-opened"));
    }

    // Every page with the keyboard alone, on an offline upgrade: mnemonics (Alt+letter) for the wizard's
    // buttons and the page's choices, and on every page each enabled control is reachable with Tab.
    void keyboardOnlyOfflineUpgrade()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        openOnSandbox(wizard, sandbox);
        QVERIFY(QTest::qWaitForWindowActive(&wizard));

        const auto press = [&wizard](QAbstractButton* button) {
            // The button's own mnemonic, typed where the focus is.
            const QKeySequence mnemonic = QKeySequence::mnemonic(button->text());
            QVERIFY2(!mnemonic.isEmpty(), qPrintable(QStringLiteral("no mnemonic on \"%1\"").arg(button->text())));
            QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &wizard;
            QTest::keySequence(target, mnemonic);
        };
        const auto next = [&](int expectedId) {
            QAbstractButton* button = wizard.button(wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
            QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 60000);
            press(button);
            QTRY_COMPARE(wizard.currentId(), expectedId);
        };

        checkTabReachesEveryControl(wizard);

        if (QTest::currentTestFailed())

            return;
        next(MogupWizard::NodesPageId);
        if (QTest::currentTestFailed())
            return;
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::PackagePageId);
        if (QTest::currentTestFailed())
            return;
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::ModePageId);
        if (QTest::currentTestFailed())
            return;
        auto* offline = wizard.currentPage()->findChild<QRadioButton*>(QStringLiteral("offlineRadio"));
        QVERIFY(offline);
        press(offline);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(offline->isChecked());
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::PrechecksPageId);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.prechecksPage()->isChecking(), 60000);
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::PlanPageId);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(wizard.state().plan.mode, UpgradeMode::Offline);
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::RunPageId);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(wizard.runPage()->isFinished(), 400000);
        QVERIFY2(wizard.runPage()->succeeded(), qPrintable(wizard.runPage()->statusText()));
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        next(MogupWizard::VerifyPageId);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(wizard.verifyPage()->isDone(), 60000);
        QVERIFY2(wizard.verifyPage()->isVerified(), qPrintable(wizard.verifyPage()->summaryText()));
        checkTabReachesEveryControl(wizard);
        if (QTest::currentTestFailed())
            return;
        saveScreen(wizard, QStringLiteral("keyboard-01-verified"));
        press(wizard.button(QWizard::FinishButton));
        QTRY_VERIFY(!wizard.isVisible());
    }

    void languageSwitchesLive()
    {
        MogupWizard wizard;
        wizard.setProfile(paperProfile(2));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        const QString englishNext = wizard.button(QWizard::NextButton)->text();
        auto* language = wizard.currentPage()->findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        // Qt's own strings (qtbase_zh_CN.qm) switch at once, without a restart.
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->text().contains(QStringLiteral("下一步")));
        saveScreen(wizard, QStringLiteral("language-01-chinese"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QCOMPARE(Language::current(), QStringLiteral("en"));
        QTRY_COMPARE(wizard.button(QWizard::NextButton)->text(), englishNext);
    }
};

QTEST_MAIN(Tst_WizardDemo)
#include "tst_wizard_demo.moc"
