#include "TestSupport.h"

#include "ClusterStatusProbe.h"
#include "Journal.h"
#include "LocalExecutor.h"
#include "ShellQuote.h"
#include "WayBackPlanner.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QtTest>

#include <unistd.h>

using namespace MogUp;

namespace {

// Every entry under `dir`, by its path relative to `dir`: a file's SHA-256, a symlink's target as
// written (not followed: gs_ctl -> gaussdb is relative), or "dir". Two equal maps: byte-identical trees.
QMap<QString, QString> treeDigest(const QString& dir)
{
    QMap<QString, QString> out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(dir).relativeFilePath(path);
        const QFileInfo fi(path);
        if (fi.isSymLink()) {
            char target[4096];
            const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
            out.insert(rel, QStringLiteral("-> ") + QString::fromLocal8Bit(target, n < 0 ? 0 : int(n)));
        } else if (fi.isDir()) {
            out.insert(rel, QStringLiteral("dir"));
        } else {
            QFile f(path);
            QCryptographicHash hash(QCryptographicHash::Sha256);
            if (f.open(QIODevice::ReadOnly))
                hash.addData(&f);
            out.insert(rel,
                QString::fromLatin1(hash.result().toHex()) + QStringLiteral(" mode ")
                    + QString::number(int(fi.permissions()), 16));
        }
    }
    return out;
}

} // namespace

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

    // Issue #8 §4: a forced failure at a swap step followed by Roll back leaves the original bin/ (and
    // lib/) in place, compared file by file (checksums) before and after.
    //  - stale backup: a bin_201 (lib_201) with other content is there before the run (an earlier attempt,
    //    a DBA's own copy; the pre-check would refuse, so the plan is run directly): the swap stops at
    //    its guard and changes nothing, and the way back must not swap that copy in.
    //  - fault after mv: the copy of the new bin (lib) fails after the old one was moved to bin_201
    //    (lib_201): the way back puts it back.
    // The way back as the wizard's Roll back builds and runs it (Runner + WayBackPlanner from the journal),
    // or through `mogup-cli undo`.
    void rollBackAfterASwapFailureLeavesTheOriginalBin_data()
    {
        QTest::addColumn<QString>("dir"); // the swap that fails: bin or lib
        QTest::addColumn<bool>("staleBackup");
        QTest::addColumn<bool>("viaCli");
        QTest::newRow("stale bin_201 before the run, mogup-cli undo") << "bin" << true << true;
        QTest::newRow("stale lib_201 before the run, Roll back") << "lib" << true << false;
        QTest::newRow("cp of the new bin fails after mv, Roll back") << "bin" << false << false;
        QTest::newRow("cp of the new lib fails after mv, mogup-cli undo") << "lib" << false << true;
    }
    void rollBackAfterASwapFailureLeavesTheOriginalBin()
    {
        QFETCH(QString, dir);
        QFETCH(bool, staleBackup);
        QFETCH(bool, viaCli);
        TestSupport::Sandbox sandbox;
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QList<ProfileError> errors;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, &errors));
        const QString app = sandbox.dir() + QStringLiteral("/node2/app");
        const QString bin = app + QStringLiteral("/bin");
        const QString lib = app + QStringLiteral("/lib");
        const QString swapped = app + QLatin1Char('/') + dir;
        const QString backup = swapped + QStringLiteral("_201");
        const QString marker = app + QStringLiteral("/.mogup-swap-") + dir;
        const QString failedStep = QStringLiteral("node2-swap-") + dir;
        QMap<QString, QString> staleDigest;
        if (staleBackup) {
            // A copy from some earlier day: one file differs, one is extra.
            const QString changed = dir == QStringLiteral("bin") ? QStringLiteral("/upgrade_version")
                                                                 : QStringLiteral("/libpq.so.5.5");
            const auto cp = TestSupport::sh(QStringLiteral("cp -a ") + shellQuote(swapped) + QLatin1Char(' ')
                + shellQuote(backup) + QStringLiteral(" && printf 'stale\\n' >> ")
                + shellQuote(backup + changed) + QStringLiteral(" && echo old > ")
                + shellQuote(backup + QStringLiteral("/left-over")));
            QVERIFY2(cp.exitCode == 0, qPrintable(cp.err));
            staleDigest = treeDigest(backup);
            QVERIFY(staleDigest.contains(QStringLiteral("left-over")));
        } else {
            // The swap step's `cp -r .../mogdb203/<dir> .` on node2, right after its mv.
            sandbox.addFault(QStringLiteral("node2"), QStringLiteral("cp"), QStringLiteral("mogdb203/") + dir,
                QStringLiteral("fail"), 1);
        }
        const QMap<QString, QString> binBefore = treeDigest(bin);
        const QMap<QString, QString> libBefore = treeDigest(lib);
        QVERIFY(binBefore.contains(QStringLiteral("gaussdb")));
        QVERIFY(binBefore.contains(QStringLiteral("cluster_static_config")));
        QVERIFY(libBefore.contains(QStringLiteral("libpq.so.5.5")));
        const QMap<QString, QString> before = dir == QStringLiteral("bin") ? binBefore : libBefore;

        PlannerOptions options;
        options.mode = UpgradeMode::Rolling;
        const QString runDir = sandbox.dir() + QStringLiteral("/run");
        const TestSupport::UpgradeRun run = TestSupport::runUpgrade(sandbox.profile(), options, runDir);
        QVERIFY2(run.planned, qPrintable(run.error));
        QVERIFY(!run.result.ok);
        QCOMPARE(run.result.failedStepId, failedStep);
        if (staleBackup) {
            // Stopped at its guard, said why, changed nothing.
            QVERIFY2(run.result.message.contains(dir + QStringLiteral("_201 exists already")),
                qPrintable(run.result.message));
            QCOMPARE(treeDigest(swapped), before);
            QCOMPARE(treeDigest(backup), staleDigest);
            QVERIFY(!QFile::exists(marker));
        } else {
            // The mv happened, the copy did not: the marker proves the mv was this plan's.
            QVERIFY(!QFileInfo::exists(swapped));
            QCOMPARE(treeDigest(backup), before);
            QCOMPARE(TestSupport::readFile(marker).trimmed(), run.plan.id);
        }
        QFile::remove(sandbox.dir() + QStringLiteral("/faults.json"));

        // The way back from the journal: the failed swap's undo first, on condition of its marker.
        const Plan back = WayBackPlanner::build(profile, run.plan, Journal::stepOutcomes(runDir));
        QVERIFY(!back.steps.isEmpty());
        QCOMPARE(back.steps.first().id, failedStep + QStringLiteral("-undo"));
        QCOMPARE(back.steps.first().onlyIf.kind, CheckKind::PathsPresent);

        QList<QJsonObject> undoEvents;
        if (viaCli) {
            const TestSupport::ProcessResult r
                = TestSupport::run(TestSupport::binDir() + QStringLiteral("/mogup-cli"),
                    { QStringLiteral("undo"), QStringLiteral("--run-dir"), runDir, QStringLiteral("--yes") },
                    600000);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out.right(3000)));
            QVERIFY(r.out.contains(QStringLiteral("UNDO COMPLETE")));
            QDir runs(runDir);
            const QStringList undoDirs = runs.entryList({ QStringLiteral("undo-*") }, QDir::Dirs);
            QCOMPARE(undoDirs.size(), 1);
            undoEvents = TestSupport::readJournal(runs.filePath(undoDirs.first()));
        } else {
            Runner runner(profile, back, std::make_shared<LocalExecutor>(profile));
            // As the wizard's Roll back: a step whose result is already there is not run.
            runner.setSkipStepsAlreadyDone(true);
            Journal journal;
            QString error;
            QVERIFY2(journal.open(Journal::undoRunDir(runDir), profile, back, &error), qPrintable(error));
            journal.attach(&runner);
            QSignalSpy finished(&runner, &Runner::finished);
            runner.start();
            QVERIFY(TestSupport::waitForSignal(finished, 1, 600000));
            runner.wait();
            const RunResult r = finished.first().first().value<RunResult>();
            QVERIFY2(r.ok, qPrintable(r.message));
            undoEvents = TestSupport::readJournal(journal.runDir());
        }
        // The failed swap's undo: not run for the stale copy (nothing of this plan's to undo), run after
        // the fault.
        QJsonObject swapUndoEnd;
        for (const QJsonObject& e : undoEvents) {
            if (e.value(QStringLiteral("event")) == QStringLiteral("step-end")
                && e.value(QStringLiteral("step")).toString() == failedStep + QStringLiteral("-undo"))
                swapUndoEnd = e;
        }
        QCOMPARE(swapUndoEnd.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const QString detail = swapUndoEnd.value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.startsWith(QStringLiteral("nothing to undo")) == staleBackup, qPrintable(detail));

        // The original bin/ and lib/, byte for byte; the stale copy kept as it was; no marker left.
        QCOMPARE(treeDigest(bin), binBefore);
        QCOMPARE(treeDigest(lib), libBefore);
        QVERIFY(!QFile::exists(app + QStringLiteral("/.mogup-swap-bin")));
        QVERIFY(!QFile::exists(app + QStringLiteral("/.mogup-swap-lib")));
        if (staleBackup)
            QCOMPARE(treeDigest(backup), staleDigest);
        else
            QVERIFY(!QFileInfo::exists(backup));
        if (dir == QStringLiteral("lib"))
            QVERIFY(!QFileInfo::exists(bin + QStringLiteral("_201"))); // this plan's own bin swap, taken back

        // And the cluster as it was: every node runs 2.0.1, node1 primary, the standbys Normal.
        LocalExecutor executor(profile);
        CancelToken cancel;
        const QList<NodeStatus> nodes = ClusterStatusProbe(executor, profile).probeAll(cancel);
        QCOMPARE(nodes.size(), 3);
        for (const NodeStatus& n : nodes) {
            QVERIFY2(n.running && n.version == QStringLiteral("2.0.1") && n.state == QStringLiteral("Normal"),
                qPrintable(n.summary()));
            QCOMPARE(n.role,
                n.name == QStringLiteral("node1") ? QStringLiteral("primary") : QStringLiteral("standby"));
        }
    }
};

QTEST_GUILESS_MAIN(Tst_FaultsSandbox)
#include "tst_faults_sandbox.moc"
