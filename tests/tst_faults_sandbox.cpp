#include "TestSupport.h"

#include <QtTest>

using namespace MogUp;

// A fault injected into any one step stops the run at that step, names the node and the step, reads
// back every node's state, and the journal records it.
class Tst_FaultsSandbox : public QObject
{
    Q_OBJECT

private slots:
    void faultStopsTheRun_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("failedStep");
        QTest::newRow("unpack: tar fails") << "rolling" << "tar" << "node2" << "" << "fail" << "node2-unpack";
        QTest::newRow("unpack: gaussdb -V prints garbage") << "rolling" << "gaussdb" << "node1" << "-V" << "garbage" << "node1-unpack";
        QTest::newRow("stop MogHA fails") << "rolling" << "systemctl" << "node3" << "stop" << "fail" << "node3-stop-mogha";
        QTest::newRow("stop db fails") << "rolling" << "gs_ctl" << "node2" << "stop" << "fail" << "node2-stop-db";
        QTest::newRow("swap bin: mv fails") << "rolling" << "mv" << "node3" << "bin" << "fail" << "node3-swap-bin";
        QTest::newRow("swap lib: cp fails") << "rolling" << "cp" << "node2" << "lib" << "fail" << "node2-swap-lib";
        QTest::newRow("start db fails") << "rolling" << "gs_ctl" << "node2" << "start" << "fail" << "node2-start-db";
        QTest::newRow("switchover fails") << "rolling" << "gs_ctl" << "node2" << "switchover" << "fail" << "node2-switchover";
        QTest::newRow("refreshconf fails") << "rolling" << "gs_om" << "node2" << "refreshconf" << "fail" << "node2-refreshconf";
        QTest::newRow("stop cluster fails") << "offline" << "gs_om" << "node1" << "stop" << "fail" << "node1-stop-cluster";
        QTest::newRow("start MogHA fails") << "offline" << "systemctl" << "node2" << "start" << "fail" << "node2-start-mogha";
        QTest::newRow("stop MogHA: its check hangs") << "rolling" << "systemctl" << "node2" << "is-active" << "hang" << "node2-stop-mogha";
        QTest::newRow("verify: gsql fails") << "offline" << "gsql" << "node3" << "version" << "fail" << "node3-verify";
    }

    void faultStopsTheRun()
    {
        QFETCH(QString, mode);
        QFETCH(QString, tool);
        QFETCH(QString, node);
        QFETCH(QString, args);
        QFETCH(QString, action);
        QFETCH(QString, failedStep);
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        // "times": 0 keeps the fault for every call: a check that re-runs the tool sees it too.
        sandbox.addFault(node, tool, args, action, 0);
        PlannerOptions options;
        options.mode = mode == QStringLiteral("rolling") ? UpgradeMode::Rolling : UpgradeMode::Offline;
        const TestSupport::UpgradeRun run = TestSupport::runUpgrade(sandbox.profile(), options, sandbox.dir() + QStringLiteral("/run"));
        QVERIFY2(run.planned, qPrintable(run.error));
        QVERIFY(!run.result.ok);
        QCOMPARE(run.result.failedStepId, failedStep);
        QCOMPARE(run.result.failedNode, node);
        QVERIFY2(run.result.message.contains(node), qPrintable(run.result.message));
        QCOMPARE(run.result.nodes.size(), 3);
        // Nothing after the failed step ran.
        int failedIndex = -1;
        for (int i = 0; i < run.plan.steps.size(); ++i) {
            if (run.plan.steps.at(i).id == failedStep)
                failedIndex = i;
        }
        QVERIFY(failedIndex >= 0);
        QCOMPARE(run.result.stepsDone, failedIndex);
        const QList<QJsonObject> ev = TestSupport::readJournal(run.runDir);
        bool recorded = false;
        for (const QJsonObject& e : ev) {
            if (e.value(QStringLiteral("event")) == QStringLiteral("step-start"))
                QVERIFY2(e.value(QStringLiteral("index")).toInt() <= failedIndex, "no step after the failure started");
            if (e.value(QStringLiteral("event")) == QStringLiteral("step-end") && e.value(QStringLiteral("step")) == failedStep) {
                recorded = true;
                QVERIFY(e.value(QStringLiteral("status")).toString() != QStringLiteral("ok"));
                QCOMPARE(e.value(QStringLiteral("node")).toString(), node);
            }
        }
        QVERIFY(recorded);
        QCOMPARE(ev.last().value(QStringLiteral("event")).toString(), QStringLiteral("run-end"));
        QCOMPARE(ev.last().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(ev.last().value(QStringLiteral("failed_step")).toString(), failedStep);
        QCOMPARE(ev.last().value(QStringLiteral("failed_node")).toString(), node);
    }
};

QTEST_GUILESS_MAIN(Tst_FaultsSandbox)
#include "tst_faults_sandbox.moc"
