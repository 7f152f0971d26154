// UpgradeSession driven headless against a real sandbox, as both front ends drive it: success with the
// observers (baseline, sampler following the primary, availability probe, leak verdict), a failure then
// retry, a failure then roll back, and cancel during the baseline. Every assertion reads what a user would
// see (the session's phase and texts) and the sandbox's own files (samples.csv, journal.jsonl, bin/).
#include "AvailabilityProbe.h"
#include "LeakEvidence.h"
#include "LocalExecutor.h"
#include "MemorySampler.h"
#include "Planner.h"
#include "TestSupport.h"
#include "UpgradeSession.h"

#include <QtTest>

using namespace MogUp;

namespace {

struct Setup
{
    ClusterProfile profile;
    Plan plan;
};

bool plan(const TestSupport::Sandbox& sandbox, UpgradeMode mode, Setup* out, QString* error)
{
    QList<ProfileError> errors;
    if (!ClusterProfile::load(sandbox.profile(), &out->profile, &errors)) {
        *error = errors.value(0).toString();
        return false;
    }
    PlannerOptions options;
    options.mode = mode;
    options.primaryNode = QStringLiteral("node1");
    return Planner::build(out->profile, options, &out->plan, error);
}

QString installedVersion(const TestSupport::Sandbox& sandbox, const QString& node)
{
    const Sim::SandboxNode* n = sandbox.config().node(node);
    return TestSupport::run(n->gausshome + QStringLiteral("/bin/gaussdb"), { QStringLiteral("-V") }, 30000, sandbox.nodeEnv(node)).out;
}

QStringList journalEvents(const QString& runDir, const QString& event, const QString& field)
{
    QStringList out;
    for (const QJsonObject& e : TestSupport::readJournal(runDir)) {
        if (e.value(QStringLiteral("event")).toString() == event)
            out << e.value(field).toVariant().toString();
    }
    return out;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void rollingUpgradeIsWatchedAndProven();
    void failureThenRetry();
    void failureThenRollBack();
    void cancelDuringTheBaselineChangesNothing();
};

void TestSession::rollingUpgradeIsWatchedAndProven()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    Setup s;
    QString error;
    QVERIFY2(plan(sandbox, UpgradeMode::Rolling, &s, &error), qPrintable(error));
    UpgradeSession session(s.profile, s.plan, std::make_shared<LocalExecutor>(s.profile));
    session.setBaselineMs(UpgradeSession::defaultBaselineMs(s.profile));
    QSignalSpy baseline(&session, &UpgradeSession::baselineStarted);
    const QString runDir = sandbox.dir() + QStringLiteral("/run");
    QVERIFY(session.start(runDir));
    QCOMPARE(session.phase(), UpgradeSession::Phase::Baseline);
    QCOMPARE(baseline.size(), 1);
    QVERIFY2(TestSupport::waitFor([&] { return session.isFinished(); }, 600000), "the run did not end");
    QVERIFY2(session.phase() == UpgradeSession::Phase::Upgraded, qPrintable(session.runResult().message));

    // The one verdict rule on the cluster read again.
    QSignalSpy verified(&session, &UpgradeSession::verified);
    session.verify();
    QVERIFY(TestSupport::waitForSignal(verified));
    QVERIFY2(session.isVerified(), qPrintable(session.verifyProblems().join(QLatin1Char(' '))));

    // Sampling goes on after the upgrade until the verdict can be given: the leak is gone.
    QVERIFY2(TestSupport::waitFor([&] { return session.leakVerdict().kind == LeakVerdictKind::LeakFixed; }, 300000),
        qPrintable(session.leakVerdictText()));
    QVERIFY2(session.leakVerdictText().contains(QStringLiteral("leak fixed")), qPrintable(session.leakVerdictText()));
    session.stopSampling();

    // samples.csv as a spreadsheet would read it: every sample the session saw, the primary followed
    // through both switchovers (node1, then node2 while node1 is patched, then node1 again), gaps while
    // nodes restarted, 2.0.1 before and 2.0.3 after.
    QList<MemorySample> file;
    QVERIFY2(MemorySampler::readCsv(runDir + QStringLiteral("/samples.csv"), &file, &error), qPrintable(error));
    QCOMPARE(file.size(), session.samples().size());
    QStringList primaries;
    int failed = 0;
    QSet<QString> beforeVersions, afterVersions;
    for (const MemorySample& m : std::as_const(file)) {
        failed += !m.ok();
        if (m.ok() && m.role == QStringLiteral("primary") && (primaries.isEmpty() || primaries.last() != m.node))
            primaries << m.node;
        if (m.ok() && m.phase == QStringLiteral("before"))
            beforeVersions << m.version;
        if (m.ok() && m.phase == QStringLiteral("after"))
            afterVersions << m.version;
    }
    QCOMPARE(primaries, (QStringList { QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node1") }));
    QVERIFY2(failed > 0, "no gap was recorded while the nodes restarted");
    QCOMPARE(beforeVersions, QSet<QString> { QStringLiteral("2.0.1") });
    QCOMPARE(afterVersions, QSet<QString> { QStringLiteral("2.0.3") });

    // Measured downtime: the cluster was without a primary only around the two switchovers, each node's
    // port closed while it restarted; the journal holds the figures.
    const QList<Outage> outages = session.outages();
    int clusterOutages = 0;
    for (const Outage& o : outages)
        clusterOutages += o.node.isEmpty();
    QCOMPARE(clusterOutages, 2);
    for (const NodeProfile& n : s.profile.nodes)
        QVERIFY2(AvailabilityProbe::totalMs(outages, n.name) > 0, qPrintable(n.name));
    QVERIFY(session.downtimeText().contains(QStringLiteral("in 2 outage(s)")));
    QCOMPARE(journalEvents(runDir, QStringLiteral("downtime"), QStringLiteral("cluster_ms")).size(), 1);
    QCOMPARE(journalEvents(runDir, QStringLiteral("mark"), QStringLiteral("mark")),
        (QStringList { QStringLiteral("baseline-start"), QStringLiteral("baseline-end"), QStringLiteral("first-stop"),
            QStringLiteral("last-start") }));
    QCOMPARE(journalEvents(runDir, QStringLiteral("verify"), QStringLiteral("result")), QStringList { QStringLiteral("verified") });
    QVERIFY(QFile::exists(runDir + QStringLiteral("/availability.csv")));
}

void TestSession::failureThenRetry()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    // node2's database refuses to start once: the step fails, the retry starts it.
    sandbox.addFault(QStringLiteral("node2"), QStringLiteral("gs_ctl"), QStringLiteral("start"), QStringLiteral("fail"), 1);
    Setup s;
    QString error;
    QVERIFY2(plan(sandbox, UpgradeMode::Rolling, &s, &error), qPrintable(error));
    UpgradeSession session(s.profile, s.plan, std::make_shared<LocalExecutor>(s.profile));
    session.setObservers(false, false);
    const QString runDir = sandbox.dir() + QStringLiteral("/run");
    QVERIFY(session.start(runDir));
    QVERIFY(TestSupport::waitFor([&] { return session.isFinished(); }, 600000));
    QCOMPARE(session.phase(), UpgradeSession::Phase::Choosing);
    QCOMPARE(session.runResult().failedStepId, QStringLiteral("node2-start-db"));
    QVERIFY(session.undoStepsLeft() > 0);
    QSignalSpy runs(&session, &UpgradeSession::runStarted);
    QVERIFY(session.retry());
    QCOMPARE(session.phase(), UpgradeSession::Phase::Upgrading);
    // The retry starts at the failed step, not from the beginning.
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().at(1).toInt(), session.runResult().stepsDone);
    QVERIFY(TestSupport::waitFor([&] { return session.isFinished(); }, 600000));
    QVERIFY2(session.phase() == UpgradeSession::Phase::Upgraded, qPrintable(session.runResult().message));
    QCOMPARE(session.attempt(), 2);
    QCOMPARE(journalEvents(runDir, QStringLiteral("choice"), QStringLiteral("choice")), QStringList { QStringLiteral("retry") });
    for (const Sim::SandboxNode& n : sandbox.config().nodes)
        QVERIFY2(installedVersion(sandbox, n.name).contains(QStringLiteral("2.0.3")), qPrintable(n.name));
}

void TestSession::failureThenRollBack()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    // node2's new lib/ cannot be copied (every time): the way back must put its 2.0.1 bin/ and lib/ back.
    sandbox.addFault(QStringLiteral("node2"), QStringLiteral("cp"), QStringLiteral("mogdb203/lib"), QStringLiteral("fail"), 0);
    Setup s;
    QString error;
    QVERIFY2(plan(sandbox, UpgradeMode::Rolling, &s, &error), qPrintable(error));
    UpgradeSession session(s.profile, s.plan, std::make_shared<LocalExecutor>(s.profile));
    session.setObservers(false, false);
    const QString runDir = sandbox.dir() + QStringLiteral("/run");
    QVERIFY(session.start(runDir));
    QVERIFY(TestSupport::waitFor([&] { return session.isFinished(); }, 600000));
    QCOMPARE(session.phase(), UpgradeSession::Phase::Choosing);
    QCOMPARE(session.runResult().failedStepId, QStringLiteral("node2-swap-lib"));
    const Plan back = session.wayBackPlan();
    QVERIFY(!back.steps.isEmpty());
    QSignalSpy wayBack(&session, &UpgradeSession::wayBackStarted);
    QVERIFY(session.rollBack());
    QCOMPARE(wayBack.size(), 1);
    QCOMPARE(session.phase(), UpgradeSession::Phase::RollingBack);
    QVERIFY(TestSupport::waitFor([&] { return session.isFinished(); }, 600000));
    QVERIFY2(session.phase() == UpgradeSession::Phase::RolledBack, qPrintable(session.wayBackResult().message));
    // The way back's own record, inside the run's directory.
    QVERIFY(session.wayBackDir().startsWith(runDir + QStringLiteral("/undo-")));
    QVERIFY(QFile::exists(session.wayBackDir() + QStringLiteral("/journal.jsonl")));
    QCOMPARE(journalEvents(runDir, QStringLiteral("choice"), QStringLiteral("choice")), QStringList { QStringLiteral("roll-back") });
    // Every node is back on its 2.0.1 binaries, with no backup left behind.
    for (const Sim::SandboxNode& n : sandbox.config().nodes) {
        QVERIFY2(installedVersion(sandbox, n.name).contains(QStringLiteral("2.0.1")), qPrintable(n.name));
        QVERIFY2(!QFileInfo::exists(n.gausshome + QStringLiteral("_201")) && !QFileInfo::exists(n.gausshome + QStringLiteral("/bin_201")),
            qPrintable(n.name));
        QVERIFY2(!QFileInfo::exists(n.gausshome + QStringLiteral("/lib_201")), qPrintable(n.name));
    }
    // Nothing more to choose: a second roll back has nothing to do.
    QVERIFY(!session.rollBack());
    QVERIFY(!session.retry());
}

void TestSession::cancelDuringTheBaselineChangesNothing()
{
    TestSupport::Sandbox sandbox;
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
    Setup s;
    QString error;
    QVERIFY2(plan(sandbox, UpgradeMode::Offline, &s, &error), qPrintable(error));
    UpgradeSession session(s.profile, s.plan, std::make_shared<LocalExecutor>(s.profile));
    session.setBaselineMs(3600000);
    session.setObservers(true, false);
    const QString runDir = sandbox.dir() + QStringLiteral("/run");
    QVERIFY(session.start(runDir));
    QCOMPARE(session.phase(), UpgradeSession::Phase::Baseline);
    QVERIFY(session.isRunning());
    // A few samples first: the sampler runs during the baseline.
    QVERIFY(TestSupport::waitFor([&] { return session.samples().size() >= 3; }, 120000));
    QSignalSpy finished(&session, &UpgradeSession::runFinished);
    session.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(session.phase(), UpgradeSession::Phase::Choosing);
    QVERIFY(session.runResult().cancelled);
    QCOMPARE(session.runResult().stepsDone, 0);
    QCOMPARE(session.undoStepsLeft(), 0);
    QVERIFY(session.stopHere());
    QCOMPARE(session.phase(), UpgradeSession::Phase::Kept);
    // No step ran: the journal has no step, and every node still has its 2.0.1 binaries.
    QVERIFY(journalEvents(runDir, QStringLiteral("step-start"), QStringLiteral("step")).isEmpty());
    for (const Sim::SandboxNode& n : sandbox.config().nodes)
        QVERIFY2(installedVersion(sandbox, n.name).contains(QStringLiteral("2.0.1")), qPrintable(n.name));
    QCOMPARE(journalEvents(runDir, QStringLiteral("choice"), QStringLiteral("choice")), QStringList { QStringLiteral("stop-here") });
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
