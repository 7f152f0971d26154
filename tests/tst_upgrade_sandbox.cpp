#include "ClusterStatusProbe.h"
#include "LocalExecutor.h"
#include "NodeCommands.h"
#include "FaultInjector.h"
#include "TestSupport.h"

#include <QtTest>

using namespace MogUp;

// The runner carrying out real plans against the sandbox cluster, end to end: every mode, install
// method and MogHA setting; and the sandbox punishing a plan that forgets to stop MogHA.
class Tst_UpgradeSandbox : public QObject
{
    Q_OBJECT

private slots:
    void upgrade_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("install");
        QTest::addColumn<bool>("mogha");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<bool>("switchBack");
        QTest::addColumn<QString>("expectedPrimary");
        // Real nodes print warnings on stderr and go on (gsql's libpq mismatch, libpq WARNING notices,
        // sudo, bash setlocale), and a standby under write load never shows the exact LSN of its
        // primary: the "noisy" rows turn both on for every node; the upgrade must not notice.
        QTest::addColumn<bool>("noisy");
        QTest::newRow("rolling om mogha") << "rolling" << "om" << true << 3 << true << "node1" << false;
        QTest::newRow("rolling manual mogha") << "rolling" << "manual" << true << 3 << true << "node1" << false;
        QTest::newRow("rolling om no-mogha, stay on node2") << "rolling" << "om" << false << 3 << false << "node2" << false;
        QTest::newRow("rolling manual no-mogha 2 nodes") << "rolling" << "manual" << false << 2 << true << "node1" << false;
        QTest::newRow("offline om mogha") << "offline" << "om" << true << 3 << true << "node1" << false;
        QTest::newRow("offline manual mogha 2 nodes") << "offline" << "manual" << true << 2 << true << "node1" << false;
        QTest::newRow("offline om no-mogha") << "offline" << "om" << false << 3 << true << "node1" << false;
        QTest::newRow("rolling om mogha, stderr noise and WAL load") << "rolling" << "om" << true << 3 << true << "node1" << true;
        QTest::newRow("offline om mogha, stderr noise") << "offline" << "om" << true << 3 << true << "node1" << true;
    }

    void upgrade()
    {
        QFETCH(QString, mode);
        QFETCH(QString, install);
        QFETCH(bool, mogha);
        QFETCH(int, nodes);
        QFETCH(bool, switchBack);
        QFETCH(QString, expectedPrimary);
        QFETCH(bool, noisy);

        Sim::SandboxOptions o;
        o.nodes = nodes;
        o.install = install;
        o.mogha = mogha;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        if (noisy) {
            QString error;
            QVERIFY2(Sim::setFaultKind(sandbox.dir(), Sim::stderrNoiseKind(), QString(), true, {}, &error), qPrintable(error));
            if (mode == QStringLiteral("rolling"))
                QVERIFY2(Sim::setFaultKind(sandbox.dir(), Sim::walLoadKind(), QString(), true, {}, &error), qPrintable(error));
            // The noise is really there: every tool the plan uses prints on stderr, nothing extra on stdout.
            const Sim::SandboxNode& n2 = sandbox.config().nodes.at(1);
            const auto v = TestSupport::sh(QStringLiteral(". '%1/home/.bashrc' && gsql -d postgres -p %2 -A -t -c 'select 1'")
                                               .arg(n2.root)
                                               .arg(n2.dbPort),
                30000, sandbox.nodeEnv(n2.name));
            QCOMPARE(v.exitCode, 0);
            QCOMPARE(v.out, QStringLiteral("1\n"));
            QVERIFY2(v.err.contains(QStringLiteral("libpq.so")), qPrintable(v.err));
        }
        // The original bytes of the OM files, to prove the new bin/ carries the old ones.
        QMap<QString, QByteArray> staticConfig;
        for (const Sim::SandboxNode& n : sandbox.config().nodes)
            staticConfig[n.name] = TestSupport::readFile(n.gausshome + QStringLiteral("/bin/cluster_static_config")).toLatin1();

        PlannerOptions options;
        options.mode = mode == QStringLiteral("rolling") ? UpgradeMode::Rolling : UpgradeMode::Offline;
        options.switchBack = switchBack;
        const TestSupport::UpgradeRun run
            = TestSupport::runUpgrade(sandbox.profile(), options, sandbox.dir() + QStringLiteral("/run"));
        QVERIFY2(run.planned, qPrintable(run.error));
        QVERIFY2(run.result.ok, qPrintable(run.result.message));
        QCOMPARE(run.result.stepsDone, run.plan.steps.size());

        // What the node says now, read fresh.
        ClusterProfile profile;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, nullptr));
        LocalExecutor exec(profile);
        CancelToken cancel;
        const QList<NodeStatus> status = ClusterStatusProbe(exec, profile).probeAll(cancel);
        QCOMPARE(status.size(), nodes);
        int primaries = 0;
        for (const NodeStatus& n : status) {
            QVERIFY2(n.running, qPrintable(n.summary()));
            QCOMPARE(n.version, QStringLiteral("2.0.3"));
            QCOMPARE(n.installedVersion, QStringLiteral("2.0.3"));
            QCOMPARE(n.state, QStringLiteral("Normal"));
            QVERIFY2(n.backupPresent, qPrintable(n.name + QStringLiteral(": bin_201/lib_201 kept")));
            if (n.role == QStringLiteral("primary")) {
                ++primaries;
                QCOMPARE(n.name, expectedPrimary);
            } else {
                QCOMPARE(n.role, QStringLiteral("standby"));
            }
        }
        QCOMPARE(primaries, 1);
        for (const Sim::SandboxNode& n : sandbox.config().nodes) {
            QVERIFY(QFileInfo(n.gausshome + QStringLiteral("/bin_201/gaussdb")).exists());
            QVERIFY(QFileInfo(n.gausshome + QStringLiteral("/lib_201")).isDir());
            if (install == QStringLiteral("om")) {
                QCOMPARE(TestSupport::readFile(n.gausshome + QStringLiteral("/bin/cluster_static_config")).toLatin1(),
                    staticConfig.value(n.name));
                QCOMPARE(TestSupport::readFile(n.gausshome + QStringLiteral("/bin/upgrade_version")),
                    TestSupport::readFile(n.gausshome + QStringLiteral("/bin_201/upgrade_version")));
                // What gs_install left in bin/ is carried over too: the edited alarmItem.conf (not the
                // package's default) and the OM's script/ copy.
                const QString alarm = TestSupport::readFile(n.gausshome + QStringLiteral("/bin/alarmItem.conf"));
                QCOMPARE(alarm, TestSupport::readFile(n.gausshome + QStringLiteral("/bin_201/alarmItem.conf")));
                QVERIFY2(alarm.contains(QStringLiteral("alarm_component = ") + sandbox.dir()), qPrintable(alarm));
                QVERIFY(QFileInfo::exists(n.gausshome + QStringLiteral("/bin/script/gspylib/common/DbClusterInfo.py")));
                // gs_om was never in GAUSSHOME/bin; it is the OM's own, found through the env file.
                QVERIFY(!QFileInfo::exists(n.gausshome + QStringLiteral("/bin/gs_om")));
                QVERIFY(!QFileInfo::exists(n.gausshome + QStringLiteral("/bin_201/gs_om")));
            }
        }
        if (install == QStringLiteral("om")) {
            // After the swap the OM still works on every node, the way a DBA runs it.
            for (const Sim::SandboxNode& n : sandbox.config().nodes) {
                const QString env = n.root + QStringLiteral("/home/.bashrc");
                const auto status = TestSupport::sh(
                    QStringLiteral(". '%1' && gs_om -t status --detail").arg(env), 60000, sandbox.nodeEnv(n.name));
                QCOMPARE(status.exitCode, 0);
                QVERIFY2(status.out.contains(QStringLiteral("cluster_state   : Normal")), qPrintable(status.out));
                QCOMPARE(status.out.count(QStringLiteral(" Normal")), nodes + 1);
            }
            const Sim::SandboxNode& first = sandbox.config().nodes.first();
            const auto refresh = TestSupport::sh(QStringLiteral(". '%1/home/.bashrc' && gs_om -t refreshconf").arg(first.root),
                60000, sandbox.nodeEnv(first.name));
            QCOMPARE(refresh.exitCode, 0);
            QVERIFY2(refresh.out.contains(QStringLiteral("Successfully generated dynamic configuration file.")),
                qPrintable(refresh.out));
            // refreshconf wrote the roles as they are now into every node's new bin/.
            for (const Sim::SandboxNode& n : sandbox.config().nodes) {
                const QString roles = TestSupport::readFile(n.gausshome + QStringLiteral("/bin/cluster_dnrole_config"));
                QVERIFY2(roles.contains(expectedPrimary + QStringLiteral("=0\n")), qPrintable(roles));
            }
        }
        // MogHA is back where it was.
        for (const Sim::SandboxNode& n : sandbox.config().nodes) {
            // Through bash, so that PATH (the sandbox's bin/ first) decides which systemctl answers.
            const auto r = TestSupport::sh(QStringLiteral("systemctl is-active mogha"), 10000, sandbox.nodeEnv(n.name));
            QCOMPARE(r.out.trimmed(), mogha ? QStringLiteral("active") : QStringLiteral("inactive"));
        }
        // The journal holds the whole run.
        const QList<QJsonObject> ev = TestSupport::readJournal(run.runDir);
        int ends = 0;
        for (const QJsonObject& e : ev) {
            if (e.value(QStringLiteral("event")) == QStringLiteral("step-end")) {
                ++ends;
                QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            }
        }
        QCOMPARE(ends, run.plan.steps.size());
        QCOMPARE(ev.last().value(QStringLiteral("event")).toString(), QStringLiteral("run-end"));
        QCOMPARE(ev.last().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        if (noisy) {
            // The noise went to the log as stderr lines, and never into what was parsed.
            const QString log = TestSupport::readFile(run.runDir + QStringLiteral("/log.txt"));
            QVERIFY2(log.contains(QStringLiteral("libpq.so")), "the stderr noise is in log.txt");
        }
    }

    // The vendor's memory query is invalid SQL on openGauss and fails as the real server does;
    // the query MogUp runs instead works and reads raw bytes (mogdb-tools.md, Corrections).
    void walSenderMemoryQuery()
    {
        Sim::SandboxOptions o;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, nullptr));
        LocalExecutor exec(profile);
        CancelToken cancel;
        const NodeCommands primary(profile, profile.nodes.first());
        const CapturedRun ours = runCaptured(exec, profile.nodes.first(), primary.walSenderMemory(), 30000, cancel);
        QVERIFY2(ours.exec.ok(), qPrintable(ours.err));
        // One row per walsender context name: "Wal Sender|<total bytes>|<free bytes>".
        const QStringList fields = ours.out.trimmed().split(QLatin1Char('|'));
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields.at(0), QStringLiteral("Wal Sender"));
        bool ok = false;
        QVERIFY(fields.at(1).toLongLong(&ok) > 0 && ok);
        QVERIFY(fields.at(2).toLongLong(&ok) >= 0 && ok);

        const QString vendor = QStringLiteral(
            "select contextname,pg_size_pretty(sum(totalsize)),pg_size_pretty(sum(freesize)) "
            "from gs_session_memory_detail where contextname ='Wal Sender';");
        const CapturedRun theirs = runCaptured(exec, profile.nodes.first(), primary.gsql(vendor), 30000, cancel);
        // gsql -c goes through MainLoop, which exits 0 on a failed statement unless ON_ERROR_STOP is
        // set (og-server@v2.0.1 startup.cpp, mainloop.cpp): only stdout and stderr tell.
        QVERIFY2(theirs.err.contains(QStringLiteral(
                     "column \"gs_session_memory_detail.contextname\" must appear in the GROUP BY clause or be used in "
                     "an aggregate function")),
            qPrintable(theirs.err));
        QVERIFY(theirs.out.trimmed().isEmpty());
    }

    // The vendor's procedure stops MogHA first "otherwise MogHA restarts the database you stopped".
    // A profile that wrongly says MogHA is absent gives a plan without that step: it must fail
    // before any binary is replaced, naming the node and saying why.
    void forgettingMoghaFails_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("install");
        QTest::addColumn<QString>("failedStep");
        QTest::newRow("rolling manual") << "rolling" << "manual" << "node2-stop-db";
        QTest::newRow("offline om") << "offline" << "om" << "node1-stop-cluster";
    }
    void forgettingMoghaFails()
    {
        QFETCH(QString, mode);
        QFETCH(QString, install);
        QFETCH(QString, failedStep);
        Sim::SandboxOptions o;
        o.install = install;
        o.mogha = true;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        PlannerOptions options;
        options.mode = mode == QStringLiteral("rolling") ? UpgradeMode::Rolling : UpgradeMode::Offline;
        const TestSupport::UpgradeRun run = TestSupport::runUpgrade(sandbox.profile(), options,
            sandbox.dir() + QStringLiteral("/run"), [](ClusterProfile& p) { p.mogha = false; });
        QVERIFY2(run.planned, qPrintable(run.error));
        for (const Step& s : run.plan.steps)
            QVERIFY(s.kind != StepKind::StopMogha);
        QVERIFY(!run.result.ok);
        QCOMPARE(run.result.failedStepId, failedStep);
        QVERIFY2(run.result.message.contains(QStringLiteral("restarted")), qPrintable(run.result.message));
        QVERIFY(run.result.message.contains(QStringLiteral("MogHA")));
        // Nothing was replaced: every node still runs 2.0.1 from its original bin/.
        for (const NodeStatus& n : run.result.nodes) {
            QCOMPARE(n.installedVersion, QStringLiteral("2.0.1"));
            QVERIFY(!n.backupPresent);
        }
        const QList<QJsonObject> ev = TestSupport::readJournal(run.runDir);
        QCOMPARE(ev.last().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(ev.last().value(QStringLiteral("failed_step")).toString(), failedStep);
    }
};

QTEST_GUILESS_MAIN(Tst_UpgradeSandbox)
#include "tst_upgrade_sandbox.moc"
