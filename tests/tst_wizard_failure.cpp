#include "ClusterStatusProbe.h"
#include "Journal.h"
#include "LogModel.h"
#include "MessageBox.h"
#include "MogupWizard.h"
#include "RunPage.h"
#include "TestSupport.h"
#include "VerifyPage.h"
#include "WayBackPlanner.h"
#include "WizardTestSupport.h"

#include <QJsonObject>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QtTest>

using namespace MogUp;
using namespace WizardTestSupport;

// The Run page's choices after a failed step, on the real wizard and a live sandbox with a fault injected
// (sim/FaultInjector): the failure names the step, the node and every node's state and offers retry, roll
// back and stop here; each choice is then taken and its effect read back from the nodes themselves.
// Every page state visited is saved as a PNG under wizard-screens/ in the working directory.
class Tst_WizardFailure : public QObject
{
    Q_OBJECT

private:
    static QPushButton* button(MogupWizard& wizard, const char* name)
    {
        return wizard.runPage()->findChild<QPushButton*>(QString::fromLatin1(name));
    }

    // Every node's live state, read now (not what the page shows).
    static QList<NodeStatus> liveNodes(const ClusterProfile& profile)
    {
        const std::shared_ptr<Executor> executor = makeExecutor(profile, nullptr);
        return ClusterStatusProbe(*executor, profile).probeAll(CancelToken());
    }

    static int planIndex(const Plan& plan, const QString& stepId)
    {
        for (int i = 0; i < plan.steps.size(); ++i) {
            if (plan.steps.at(i).id == stepId)
                return i;
        }
        return -1;
    }

    // node1 primary, the others standbys, every one Normal on `version`, no backup of the old binaries left.
    static void verifyClusterOn(
        const TestSupport::Sandbox& sandbox, const QList<NodeStatus>& nodes, const QString& version)
    {
        QCOMPARE(nodes.size(), sandbox.config().nodes.size());
        for (const NodeStatus& n : nodes) {
            QVERIFY2(n.running, qPrintable(n.summary()));
            QCOMPARE(n.version, version);
            QCOMPARE(n.state, QStringLiteral("Normal"));
            QCOMPARE(n.role,
                n.name == QStringLiteral("node1") ? QStringLiteral("primary") : QStringLiteral("standby"));
        }
        if (version == QStringLiteral("2.0.1")) {
            for (const Sim::SandboxNode& node : sandbox.config().nodes) {
                QVERIFY2(!QFileInfo::exists(node.gausshome + QStringLiteral("/bin_201")),
                    qPrintable(node.gausshome));
                QVERIFY(!QFileInfo::exists(node.gausshome + QStringLiteral("/lib_201")));
            }
        }
    }

    // Drives an offline upgrade into a failure injected by `fault` (every matching call fails) and checks
    // what the page offers. Offline: the mode does not matter for the choices and it is the quicker one.
    static void runIntoFailure(MogupWizard& wizard, TestSupport::Sandbox& sandbox, const QString& node,
        const QString& tool, const QString& args, const QString& failedStep, const QString& screen)
    {
        sandbox.addFault(node, tool, args, QStringLiteral("fail"), 0);
        driveIntoRun(wizard, sandbox, UpgradeMode::Offline);
        if (QTest::currentTestFailed())
            return;
        RunPage* run = wizard.runPage();
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 120000);
        QCOMPARE(run->phase(), RunPage::Phase::Choosing);
        const RunResult& result = wizard.state().runResult;
        QVERIFY(!result.ok);
        QCOMPARE(result.failedStepId, failedStep);
        QCOMPARE(result.failedNode, node);

        // The failed step (node, title, why) and every node's state as read when the run stopped.
        const QString status = run->statusText();
        QVERIFY2(status.contains(QStringLiteral("The run failed")), qPrintable(status));
        QVERIFY2(
            status.contains(QStringLiteral("Stopped at: %1 on node %2.").arg(result.failedStepTitle, node)),
            qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("the command failed")), qPrintable(status));
        QCOMPARE(result.nodes.size(), sandbox.config().nodes.size());
        for (const NodeStatus& n : result.nodes)
            QVERIFY2(status.contains(n.summary()), qPrintable(status));
        QVERIFY2(status.contains(wizard.state().runDir), qPrintable(status));
        const int failedRow = planIndex(wizard.state().plan, failedStep);
        QCOMPARE(
            run->stepTree()->topLevelItem(failedRow)->text(RunPage::StatusColumn), QStringLiteral("failed"));

        // The three choices, with their mnemonics; roll back says how many undo steps it runs.
        QPushButton* retry = button(wizard, "retryStepButton");
        QPushButton* rollBack = button(wizard, "rollBackButton");
        QPushButton* stopHere = button(wizard, "stopHereButton");
        QVERIFY(retry && rollBack && stopHere);
        QCOMPARE(retry->text(), QStringLiteral("&Retry step"));
        QCOMPARE(rollBack->text(), QStringLiteral("Roll &back"));
        QCOMPARE(stopHere->text(), QStringLiteral("&Stop here"));
        QVERIFY(retry->isVisible() && retry->isEnabled());
        QVERIFY(rollBack->isVisible() && rollBack->isEnabled());
        QVERIFY(stopHere->isVisible() && stopHere->isEnabled());
        const int undoSteps = int(run->wayBackPlan().steps.size());
        QVERIFY(undoSteps > 0);
        QVERIFY2(rollBack->toolTip().contains(QStringLiteral("%1 undo step").arg(undoSteps)),
            qPrintable(rollBack->toolTip()));
        QVERIFY(retry->toolTip().contains(result.failedStepTitle));
        // No roll back or retry has been chosen: the keyboard's default lands on the one that asks first.
        QCOMPARE(wizard.focusWidget(), rollBack);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, screen);
    }

private slots:
    void initTestCase() { useTestSettings(); }

    // (a) the failure and its three choices; (c) Roll back: confirmed, run and checked on the same page;
    // a way back that fails itself is shown and resumed; in the end every node is back on 2.0.1 with
    // node1 primary, no bin_201 left, and the wizard does not go on.
    void failureOffersChoicesAndRollsBack()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        // MogHA on node2 does not start: by then every node runs 2.0.3, so the way back has everything to
        // undo.
        runIntoFailure(wizard, sandbox, QStringLiteral("node2"), QStringLiteral("systemctl"),
            QStringLiteral("start"), QStringLiteral("node2-start-mogha"),
            QStringLiteral("rollback-01-failed"));
        if (QTest::currentTestFailed())
            return;
        RunPage* run = wizard.runPage();
        for (const NodeStatus& n : wizard.state().runResult.nodes)
            QCOMPARE(n.version, QStringLiteral("2.0.3"));
        const int forwardRows = run->stepTree()->topLevelItemCount();

        // Answering No to the question changes nothing.
        QPushButton* rollBack = button(wizard, "rollBackButton");
        MessageBox::setNextAnswer(false);
        QTest::mouseClick(rollBack, Qt::LeftButton);
        QCOMPARE(run->phase(), RunPage::Phase::Choosing);
        QVERIFY(run->wayBackRunDir().isEmpty());

        // Yes, with the cause still there: the way back runs in the page (keyboard: Alt+B) and fails at its
        // last step, starting node2's MogHA again; the page says so, with the states, and offers to go on.
        const Plan back = run->wayBackPlan();
        QCOMPARE(back.steps.last().id, QStringLiteral("node2-stop-mogha-undo"));
        const int logRows = run->logModel()->rowCount();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        MessageBox::setNextAnswer(true);
        QTest::keyClick(&wizard, Qt::Key_B, Qt::AltModifier);
        // A mnemonic clicks its button animated: a moment later.
        QTRY_COMPARE(run->phase(), RunPage::Phase::RollingBack);
        QVERIFY(run->isRunning());
        QVERIFY(!button(wizard, "rollBackButton")->isVisible());
        // The undo steps follow the forward ones under a heading.
        QCOMPARE(run->stepTree()->topLevelItemCount(), forwardRows + 1 + back.steps.size());
        QCOMPARE(run->stepTree()->topLevelItem(forwardRows + 1)->text(RunPage::TitleColumn),
            back.steps.first().title());
        QVERIFY2(
            run->statusText().contains(QStringLiteral("Record of the way back: ") + run->wayBackRunDir()),
            qPrintable(run->statusText()));
        saveScreen(wizard, QStringLiteral("rollback-02-running"));
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 180000);
        QCOMPARE(run->phase(), RunPage::Phase::RollBackFailed);
        QVERIFY(run->logModel()->rowCount() > logRows); // the live log went on streaming
        QString status = run->statusText();
        QVERIFY2(status.contains(QStringLiteral("The way back failed"))
                && status.contains(QStringLiteral("on node node2.")),
            qPrintable(status));
        for (const NodeStatus& n : liveNodes(wizard.state().profile))
            QVERIFY2(status.contains(n.summary()), qPrintable(status));
        QCOMPARE(run->stepTree()
                     ->topLevelItem(run->stepTree()->topLevelItemCount() - 1)
                     ->text(RunPage::StatusColumn),
            QStringLiteral("failed"));
        QVERIFY(!button(wizard, "retryStepButton")->isVisible()); // forward again is no longer offered
        QVERIFY(
            button(wizard, "rollBackButton")->isVisible() && button(wizard, "rollBackButton")->isEnabled());
        QVERIFY(button(wizard, "rollBackButton")->toolTip().contains(QStringLiteral("1 undo step")));
        QVERIFY(button(wizard, "stopHereButton")->isVisible());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("rollback-03-way-back-failed"));

        // The cause fixed, roll back again: it goes on from the failed undo step, in the same rows.
        QVERIFY(QFile::remove(sandbox.dir() + QStringLiteral("/faults.json")));
        MessageBox::setNextAnswer(true);
        QTest::mouseClick(button(wizard, "rollBackButton"), Qt::LeftButton);
        QCOMPARE(run->phase(), RunPage::Phase::RollingBack);
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 180000);
        QCOMPARE(run->phase(), RunPage::Phase::RolledBack);
        QCOMPARE(run->stepTree()->topLevelItemCount(), forwardRows + 1 + back.steps.size());
        // node2's MogHA never started: stopping it was found already so and not run; every other undo step
        // ran.
        QCOMPARE(back.steps.first().id, QStringLiteral("node2-start-mogha-undo"));
        QCOMPARE(run->stepTree()->topLevelItem(forwardRows + 1)->text(RunPage::StatusColumn),
            QStringLiteral("already so"));
        for (int row = forwardRows + 2; row < run->stepTree()->topLevelItemCount(); ++row)
            QCOMPARE(run->stepTree()->topLevelItem(row)->text(RunPage::StatusColumn), QStringLiteral("done"));

        // What the page says, and what the nodes say.
        status = run->statusText();
        QVERIFY2(status.contains(QStringLiteral("Rolled back: every node runs MogDB 2.0.1 again")),
            qPrintable(status));
        QVERIFY2(status.contains(run->wayBackRunDir()), qPrintable(status));
        verifyClusterOn(sandbox, liveNodes(wizard.state().profile), QStringLiteral("2.0.1"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!run->isComplete());
        QVERIFY(!button(wizard, "retryStepButton")->isVisible());

        // The record: the choice in the run's journal, the way back's own journal inside the run directory.
        QVERIFY(run->wayBackRunDir().startsWith(wizard.state().runDir + QStringLiteral("/undo-")));
        const QList<QJsonObject> undoEvents = TestSupport::readJournal(run->wayBackRunDir());
        QVERIFY(!undoEvents.isEmpty());
        QCOMPARE(undoEvents.last().value(QStringLiteral("event")).toString(), QStringLiteral("run-end"));
        QCOMPARE(undoEvents.last().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        int wayBackStarts = 0;
        for (const QJsonObject& e : undoEvents)
            wayBackStarts += e.value(QStringLiteral("event")).toString() == QStringLiteral("run-start");
        QCOMPARE(wayBackStarts, 2); // both attempts at the way back, in its one record
        bool choiceRecorded = false;
        for (const QJsonObject& e : TestSupport::readJournal(wizard.state().runDir))
            choiceRecorded = choiceRecorded
                || e.value(QStringLiteral("choice")).toString() == QStringLiteral("roll-back");
        QVERIFY(choiceRecorded);
        saveScreen(wizard, QStringLiteral("rollback-04-rolled-back"));

        // Cancel closes without a question (nothing runs).
        QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
        QVERIFY(!wizard.isVisible());
    }

    // (b) Retry after the cause is removed: the run goes on from the failed step in the same run directory,
    // completes, and the wizard goes on to Verify; the journal holds both attempts.
    void retryAfterFixCompletes()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        runIntoFailure(wizard, sandbox, QStringLiteral("node2"), QStringLiteral("systemctl"),
            QStringLiteral("start"), QStringLiteral("node2-start-mogha"), QStringLiteral("retry-01-failed"));
        if (QTest::currentTestFailed())
            return;
        RunPage* run = wizard.runPage();
        const QString runDir = wizard.state().runDir;
        const int failedIndex = planIndex(wizard.state().plan, QStringLiteral("node2-start-mogha"));

        QVERIFY(QFile::remove(sandbox.dir() + QStringLiteral("/faults.json")));
        QTest::mouseClick(button(wizard, "retryStepButton"), Qt::LeftButton);
        QVERIFY(run->isRunning());
        QVERIFY(!button(wizard, "retryStepButton")->isVisible());
        QVERIFY2(
            run->statusText().contains(QStringLiteral("Attempt 2: resumed at step %1").arg(failedIndex + 1)),
            qPrintable(run->statusText()));
        saveScreen(wizard, QStringLiteral("retry-02-running"));
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 120000);
        QVERIFY2(run->succeeded(), qPrintable(run->statusText()));
        QVERIFY(run->statusText().contains(QStringLiteral("Upgrade finished")));
        QCOMPARE(wizard.state().runDir, runDir);
        for (int i = 0; i < run->stepTree()->topLevelItemCount(); ++i)
            QCOMPARE(run->stepTree()->topLevelItem(i)->text(RunPage::StatusColumn), QStringLiteral("done"));
        verifyClusterOn(sandbox, liveNodes(wizard.state().profile), QStringLiteral("2.0.3"));

        // Both attempts in the one journal: the second starts at the failed step, which started twice.
        QList<int> firstSteps;
        int failedStarts = 0;
        QStringList results;
        for (const QJsonObject& e : TestSupport::readJournal(runDir)) {
            const QString event = e.value(QStringLiteral("event")).toString();
            if (event == QStringLiteral("run-start"))
                firstSteps << e.value(QStringLiteral("first_step")).toInt();
            else if (event == QStringLiteral("step-start")
                && e.value(QStringLiteral("step")) == QStringLiteral("node2-start-mogha"))
                ++failedStarts;
            else if (event == QStringLiteral("run-end"))
                results << e.value(QStringLiteral("result")).toString();
        }
        QCOMPARE(firstSteps, QList<int>({ 0, failedIndex }));
        QCOMPARE(failedStarts, 2);
        QCOMPARE(results, QStringList({ QStringLiteral("failed"), QStringLiteral("ok") }));
        // The way back of the whole run still covers every step that ran, each once.
        const Plan back = WayBackPlanner::build(
            wizard.state().profile, wizard.state().plan, Journal::startedStepIds(runDir));
        QSet<QString> ids;
        for (const Step& s : back.steps)
            ids.insert(s.id);
        QCOMPARE(ids.size(), back.steps.size());
        QVERIFY(ids.contains(QStringLiteral("node2-start-mogha-undo")));
        saveScreen(wizard, QStringLiteral("retry-03-done"));

        clickNext(wizard, MogupWizard::VerifyPageId);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.verifyPage()->isDone(), 60000);
        QVERIFY2(wizard.verifyPage()->isVerified(), qPrintable(wizard.verifyPage()->summaryText()));
        saveScreen(wizard, QStringLiteral("retry-04-verify"));
    }

    // A cancel leaves the cluster mid-way just as a failure does: the same choices are offered, and Retry
    // runs the cancelled step again and goes on to the end. gs_om's stop hangs once (an injected fault),
    // so the run is always inside that step when Cancel is pressed, and the retry finds it working.
    void cancelOffersTheSameChoices()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        MogupWizard wizard;
        cancelWhileHung(wizard, sandbox, UpgradeMode::Offline, QStringLiteral("node1"),
            QStringLiteral("gs_om"), QStringLiteral("-t stop"), QStringLiteral("node1-stop-cluster"));
        if (QTest::currentTestFailed())
            return;
        RunPage* run = wizard.runPage();
        QVERIFY(wizard.state().runResult.cancelled);
        QCOMPARE(run->phase(), RunPage::Phase::Choosing);
        QVERIFY2(run->statusText().contains(QStringLiteral("The run was cancelled")),
            qPrintable(run->statusText()));
        for (const char* name : { "retryStepButton", "rollBackButton", "stopHereButton" })
            QVERIFY2(button(wizard, name)->isVisible() && button(wizard, name)->isEnabled(), name);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("cancel-01-choices"));

        QTest::mouseClick(button(wizard, "retryStepButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 120000);
        QVERIFY2(run->succeeded(), qPrintable(run->statusText()));
        verifyClusterOn(sandbox, liveNodes(wizard.state().profile), QStringLiteral("2.0.3"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        saveScreen(wizard, QStringLiteral("cancel-02-retried"));
    }

    // (d) Stop here: nothing more runs, the page says the state, the record and the command that rolls back
    // later; the wizard closes without a question; that command, run from a terminal, does roll back.
    void stopHereKeepsStateAndCliRollsBack()
    {
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        QString runDir;
        QList<NodeStatus> atFailure;
        {
            MogupWizard wizard;
            // node3's bin/ cannot be swapped: the cluster is stopped, two nodes hold 2.0.3 binaries.
            runIntoFailure(wizard, sandbox, QStringLiteral("node3"), QStringLiteral("mv"),
                QStringLiteral("bin"), QStringLiteral("node3-swap-bin"), QStringLiteral("stop-01-failed"));
            if (QTest::currentTestFailed())
                return;
            RunPage* run = wizard.runPage();
            runDir = wizard.state().runDir;
            atFailure = liveNodes(wizard.state().profile);
            QVERIFY(QTest::qWaitForWindowActive(&wizard));

            QTest::keyClick(&wizard, Qt::Key_S, Qt::AltModifier);
            QTRY_COMPARE(run->phase(), RunPage::Phase::Kept);
            QVERIFY(!button(wizard, "stopHereButton")->isVisible());
            QVERIFY(!button(wizard, "rollBackButton")->isVisible());
            const QString status = run->statusText();
            QVERIFY2(status.contains(QStringLiteral("Stopped here")), qPrintable(status));
            for (const NodeStatus& n : wizard.state().runResult.nodes)
                QVERIFY2(status.contains(n.summary()), qPrintable(status));
            QVERIFY2(
                status.contains(QStringLiteral("Record of this run: %1").arg(runDir)), qPrintable(status));
            const QString command = QStringLiteral("mogup-cli undo --run-dir ") + runDir;
            QCOMPARE(run->undoCommand(), command); // the sandbox's path needs no quoting
            QVERIFY2(status.contains(command), qPrintable(status));
            QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
            QVERIFY(!run->isRunning());
            saveScreen(wizard, QStringLiteral("stop-02-kept"));

            // Nothing ran: every node is as it was when the run stopped (stopped nodes stay stopped).
            const QList<NodeStatus> now = liveNodes(wizard.state().profile);
            QCOMPARE(now.size(), atFailure.size());
            for (int i = 0; i < now.size(); ++i)
                QCOMPARE(now.at(i).summary(), atFailure.at(i).summary());
            QVERIFY(!now.first().running);
            QCOMPARE(TestSupport::readJournal(runDir).last().value(QStringLiteral("choice")).toString(),
                QStringLiteral("stop-here"));

            // Closing asks nothing (a question would block here: no answer is set).
            QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
            QVERIFY(!wizard.isVisible());
        }

        // Later, from a terminal, the command the page showed.
        QVERIFY(QFile::remove(sandbox.dir() + QStringLiteral("/faults.json")));
        const TestSupport::ProcessResult r = TestSupport::run(
            TestSupport::binDir() + QStringLiteral("/mogup-cli"),
            { QStringLiteral("undo"), QStringLiteral("--run-dir"), runDir, QStringLiteral("--yes") }, 300000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out.right(3000)));
        QVERIFY(r.out.contains(QStringLiteral("UNDO COMPLETE")));
        ClusterProfile profile;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, &errors));
        verifyClusterOn(sandbox, liveNodes(profile), QStringLiteral("2.0.1"));
    }
};

QTEST_MAIN(Tst_WizardFailure)
#include "tst_wizard_failure.moc"
