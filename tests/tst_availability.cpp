#include "AvailabilityProbe.h"
#include "LocalExecutor.h"
#include "NodeCommands.h"
#include "TestSupport.h"

#include <QMutex>
#include <QtTest>

using namespace MogUp;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 11, 24), QTime(1, 2, 3, 0), Qt::UTC);

// "t node kind result[ detail]" rows separated by ';', t in ms after kBase: "0 n1 tcp ok; 200 n1 tcp fail".
QList<ProbeRow> parseRows(const QString& spec)
{
    QList<ProbeRow> rows;
    for (const QString& part : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList w = part.trimmed().split(QLatin1Char(' '));
        ProbeRow r;
        r.time = kBase.addMSecs(w.value(0).toLongLong());
        r.node = w.value(1);
        r.kind = w.value(2) == QLatin1String("tcp") ? ProbeRow::Kind::Tcp : ProbeRow::Kind::Query;
        r.ok = w.value(3) == QLatin1String("ok");
        r.ms = 3;
        r.detail = w.mid(4).join(QLatin1Char(' '));
        rows.append(r);
    }
    return rows;
}

// "node:start-end" separated by ';', node "*" = the cluster, end "" = ongoing: "n1:200-600; *:1000-".
QString describe(const QList<Outage>& outages)
{
    QStringList parts;
    for (const Outage& o : outages)
        parts << QStringLiteral("%1:%2-%3")
                     .arg(o.node.isEmpty() ? QStringLiteral("*") : o.node)
                     .arg(kBase.msecsTo(o.start))
                     .arg(o.ongoing() ? QString() : QString::number(kBase.msecsTo(o.end)));
    return parts.join(QStringLiteral("; "));
}

// When a step of the run started and ended, read from the runner's signals as they came.
struct StepWindow
{
    Step step;
    QDateTime start, end;
};

struct ProbedRun
{
    bool ok = false;
    QString error;
    QList<StepWindow> steps;
    QDateTime finished;
    QList<Outage> live;
    QList<Outage> fromCsv;
    int startedSignals = 0;
    int endedSignals = 0;
    QString csv;
};

// The same with absolute times, for the outages of a real run.
QString describeUtc(const QList<Outage>& outages)
{
    QStringList parts;
    for (const Outage& o : outages)
        parts << QStringLiteral("%1:%2-%3")
                     .arg(o.node.isEmpty() ? QStringLiteral("*") : o.node,
                         o.start.toString(Qt::ISODateWithMs), o.end.toString(Qt::ISODateWithMs));
    return parts.join(QStringLiteral("; "));
}

QList<Outage> clusterOutages(const QList<Outage>& all)
{
    QList<Outage> out;
    for (const Outage& o : all) {
        if (o.node.isEmpty())
            out << o;
    }
    return out;
}

} // namespace

// The availability probe (issue #9 §4): outages computed from probe rows (pure), the CSV record, and the
// probe attached to real upgrades of a sandbox cluster, rolling and offline.
class Tst_Availability : public QObject
{
    Q_OBJECT

private slots:
    void outagesFromRows_data()
    {
        QTest::addColumn<QString>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing down") << "0 n1 tcp ok; 0 n1 query ok Primary Normal; 200 n1 tcp ok"
                                      << "";
        QTest::newRow("node: first failed tcp to the next ok one")
            << "0 n1 tcp ok; 200 n1 tcp fail; 400 n1 tcp fail; 600 n1 tcp ok; 800 n1 tcp ok"
            << "n1:200-600";
        QTest::newRow("node down from the start and still down") << "0 n1 tcp fail; 200 n1 tcp fail"
                                                                 << "n1:0-";
        QTest::newRow("nodes apart")
            << "0 n1 tcp fail; 0 n2 tcp ok; 200 n2 tcp fail; 200 n1 tcp ok; 400 n2 tcp ok"
            << "n1:0-200; n2:200-400";
        QTest::newRow("two outages of one node")
            << "0 n1 tcp fail; 200 n1 tcp ok; 400 n1 tcp fail; 600 n1 tcp ok"
            << "n1:0-200; n1:400-600";
        QTest::newRow("switchover: the primary stops answering as one, another does")
            << "0 n1 query ok; 1000 n1 query fail Primary Demoting; 1100 n2 query fail Standby Promoting; "
               "1100 n1 query fail Standby Normal; 1300 n2 query ok Primary Normal; 2300 n2 query ok"
            << "*:1000-1300";
        QTest::newRow("a standby's failed query is no cluster outage")
            << "0 n1 query ok; 0 n2 query fail Standby Normal; 1000 n1 query ok"
            << "";
        QTest::newRow("a standby's closed port is no cluster outage")
            << "0 n1 query ok; 100 n2 tcp fail; 300 n2 tcp ok; 1000 n1 query ok"
            << "n2:100-300";
        QTest::newRow("the primary's closed port starts a cluster outage")
            << "0 n1 query ok; 100 n1 tcp fail; 300 n2 query fail; 2000 n1 tcp ok; 2200 n1 query fail; 2400 "
               "n1 query ok"
            << "n1:100-2000; *:100-2400";
        QTest::newRow("no primary from the start") << "0 n1 query fail; 0 n2 query fail; 500 n2 query ok"
                                                   << "*:0-500";
        QTest::newRow("first round written ok first: no outage")
            << "0 n2 query ok; 0 n1 query fail Standby Normal"
            << "";
        QTest::newRow("cluster outage still going") << "0 n1 query ok; 1000 n1 query fail; 1200 n2 query fail"
                                                    << "*:1000-";
        QTest::newRow("two switchovers, there and back")
            << "0 n1 query ok; 1000 n1 query fail; 1200 n2 query ok; 5000 n2 query fail; 5200 n1 query fail; "
               "5400 n1 query ok"
            << "*:1000-1200; *:5000-5400";
        QTest::newRow("the end is never before the start")
            << "0 n1 query ok; 1000 n1 query fail; 990 n2 query ok"
            << "*:1000-1000";
        QTest::newRow("offline: every port closes, the primary comes back")
            << "0 n1 query ok; 0 n1 tcp ok; 0 n2 tcp ok; 100 n2 tcp fail; 150 n1 tcp fail; 350 n1 tcp fail; "
               "3000 n1 tcp ok; 3000 n2 tcp ok; 3100 n1 query fail Primary Starting; 3100 n2 query fail "
               "Standby Starting; "
               "3300 n1 query ok Primary Normal"
            << "n2:100-3000; n1:150-3000; *:150-3300";
    }

    void outagesFromRows()
    {
        QFETCH(QString, rows);
        QFETCH(QString, expected);
        const QList<ProbeRow> parsed = parseRows(rows);
        const QList<Outage> outages = AvailabilityProbe::outagesFrom(parsed);
        QCOMPARE(describe(outages), expected);

        // The same rows through availability.csv give the same outages, with a line cut short at the end.
        QTemporaryDir dir;
        QString text = AvailabilityProbe::csvHeader();
        for (const ProbeRow& r : parsed)
            text += AvailabilityProbe::csvLine(r);
        const QString path = dir.path() + QStringLiteral("/availability.csv");
        QVERIFY(TestSupport::writeFile(path, (text + QStringLiteral("2026-11-24T01:0")).toUtf8()));
        QList<Outage> fromCsv;
        QString error;
        QVERIFY2(AvailabilityProbe::readCsv(path, &fromCsv, &error), qPrintable(error));
        QCOMPARE(describe(fromCsv), describe(outages));
        QVERIFY(fromCsv == outages);
    }

    void totals()
    {
        const QList<Outage> outages = AvailabilityProbe::outagesFrom(
            parseRows(QStringLiteral("0 n1 query ok; 1000 n1 query fail; 1250 n2 query ok; 2000 n3 tcp fail; "
                                     "2500 n3 tcp ok; 3000 n2 query fail; 3500 n1 query ok")));
        QCOMPARE(AvailabilityProbe::totalMs(outages, QString()), 250 + 500);
        QCOMPARE(AvailabilityProbe::totalMs(outages, QStringLiteral("n3")), 500);
        QCOMPARE(AvailabilityProbe::totalMs(outages, QStringLiteral("n1")), 0);
        const Outage ongoing { QStringLiteral("n1"), QDateTime::currentDateTimeUtc().addSecs(-10),
            QDateTime() };
        QVERIFY(ongoing.ongoing());
        QVERIFY(ongoing.ms() >= 10000); // counted to now
    }

    void csvRows()
    {
        ProbeRow r;
        r.time = kBase.addMSecs(456);
        r.node = QStringLiteral("node2");
        r.kind = ProbeRow::Kind::Query;
        r.ok = false;
        r.ms = 48;
        r.detail = QStringLiteral("FATAL:  database \"x,y\" does not exist\nsecond line");
        const QString line = AvailabilityProbe::csvLine(r);
        QCOMPARE(line,
            QStringLiteral("2026-11-24T01:02:03.456Z,node2,query,fail,48,\"FATAL:  database \"\"x,y\"\" does "
                           "not exist second line\"\n"));
        ProbeRow back;
        QVERIFY(AvailabilityProbe::parseCsvLine(line.trimmed(), &back));
        QCOMPARE(back.time, r.time);
        QCOMPARE(back.node, r.node);
        QCOMPARE(back.kind, r.kind);
        QCOMPARE(back.ok, r.ok);
        QCOMPARE(back.ms, r.ms);
        QCOMPARE(back.detail, QStringLiteral("FATAL:  database \"x,y\" does not exist second line"));
        QCOMPARE(AvailabilityProbe::csvHeader(), QStringLiteral("time_utc,node,probe,result,ms,detail\n"));

        QVERIFY(!AvailabilityProbe::parseCsvLine(
            QStringLiteral("2026-11-24T01:02:03.456Z,node2,query,fail,48,\"cut"), &back));
        QVERIFY(!AvailabilityProbe::parseCsvLine(
            QStringLiteral("2026-11-24T01:02:03.456Z,node2,ping,ok,1,x"), &back));
        QVERIFY(!AvailabilityProbe::parseCsvLine(QStringLiteral("yesterday,node2,tcp,ok,1,x"), &back));
        QVERIFY(!AvailabilityProbe::parseCsvLine(
            QStringLiteral("2026-11-24T01:02:03.456Z,node2,tcp,maybe,1,x"), &back));

        // A broken line that is not the last one is an error naming the line; so is a file of something else.
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/availability.csv");
        QVERIFY(TestSupport::writeFile(path,
            (AvailabilityProbe::csvHeader() + AvailabilityProbe::csvLine(r) + QStringLiteral("garbage\n")
                + AvailabilityProbe::csvLine(r))
                .toUtf8()));
        QList<Outage> outages;
        QString error;
        QVERIFY(!AvailabilityProbe::readCsv(path, &outages, &error));
        QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
        QVERIFY(TestSupport::writeFile(path, QByteArrayLiteral("a,b,c\n")));
        QVERIFY(!AvailabilityProbe::readCsv(path, &outages, &error));
        QVERIFY(!AvailabilityProbe::readCsv(dir.path() + QStringLiteral("/missing.csv"), &outages, &error));
    }

    void judgeQuery_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("detail");
        QTest::newRow("primary") << "1\nPrimary|Normal\n" << true << "Primary Normal";
        QTest::newRow("single instance") << "1\nNormal|Normal\n" << true << "Normal Normal";
        QTest::newRow("standby") << "1\nStandby|Normal\n" << false << "Standby Normal";
        QTest::newRow("primary demoting") << "1\nPrimary|Demoting\n" << false << "Primary Demoting";
        QTest::newRow("primary starting") << "1\nPrimary|Starting\n" << false << "Primary Starting";
        QTest::newRow("pending") << "1\nPending|Wait promoting\n" << false << "Pending Wait promoting";
        QTest::newRow("standby promoting") << "1\nStandby|Promoting\n" << false << "Standby Promoting";
        QTest::newRow("no answer") << "" << false << "no answer to select 1";
        QTest::newRow("role not read") << "1\n" << false << "select 1 answered, role not read";
        QTest::newRow("something else") << "t\nPrimary|Normal\n" << false << "no answer to select 1";
    }

    void judgeQuery()
    {
        QFETCH(QString, out);
        QFETCH(bool, ok);
        QFETCH(QString, detail);
        QString seen;
        QCOMPARE(AvailabilityProbe::judgeQuery(out, &seen), ok);
        QCOMPARE(seen, detail);
    }

    // The query probe's SQL on the sandbox: gsql prints "1" then the role and state, on the primary and on a
    // standby, and a stopped server prints nothing on stdout.
    void querySqlOnSandbox()
    {
        Sim::SandboxOptions o;
        o.nodes = 2;
        o.mogha = false;
        TestSupport::Sandbox sandbox(o);
        QVERIFY2(sandbox.ok(), qPrintable(sandbox.error()));
        ClusterProfile profile;
        QVERIFY(ClusterProfile::load(sandbox.profile(), &profile, nullptr));
        LocalExecutor exec(profile);
        CancelToken cancel;
        const CapturedRun p = runCaptured(exec, profile.nodes.at(0),
            NodeCommands(profile, profile.nodes.at(0)).gsql(AvailabilityProbe::querySql()), 30000, cancel);
        QString detail;
        QVERIFY2(AvailabilityProbe::judgeQuery(p.out, &detail), qPrintable(p.out + p.err));
        QCOMPARE(detail, QStringLiteral("Primary Normal"));
        const CapturedRun s = runCaptured(exec, profile.nodes.at(1),
            NodeCommands(profile, profile.nodes.at(1)).gsql(AvailabilityProbe::querySql()), 30000, cancel);
        QVERIFY2(!AvailabilityProbe::judgeQuery(s.out, &detail), qPrintable(s.out + s.err));
        QCOMPARE(detail, QStringLiteral("Standby Normal"));
    }

    // The probe on the real upgrades. Offline: one cluster outage over the stop-to-start window. Rolling:
    // cluster outages only during the switchovers, together a small part of offline's. Every node's port is
    // down for a while in both. The CSV gives the very outages the probe reported live.
    void upgradesMeasured()
    {
        const ProbedRun offline = probedUpgrade(UpgradeMode::Offline);
        QVERIFY2(offline.ok, qPrintable(offline.error));
        const ProbedRun rolling = probedUpgrade(UpgradeMode::Rolling);
        QVERIFY2(rolling.ok, qPrintable(rolling.error));

        for (const ProbedRun* run : { &offline, &rolling }) {
            QCOMPARE(describeUtc(run->fromCsv), describeUtc(run->live));
            QVERIFY(run->fromCsv == run->live);
            QCOMPARE(run->startedSignals, run->live.size());
            QCOMPARE(run->endedSignals, run->live.size()); // the probe was stopped with nothing down
            for (const Outage& o : run->live)
                QVERIFY2(!o.ongoing(), qPrintable(o.node));
            for (const QString& node :
                { QStringLiteral("node1"), QStringLiteral("node2"), QStringLiteral("node3") })
                QVERIFY2(AvailabilityProbe::totalMs(run->live, node) > 0,
                    qPrintable(node + QStringLiteral(" never down")));
        }

        // Offline: one cluster outage, from the stop of the database to its start.
        const QList<Outage> off = clusterOutages(offline.live);
        QCOMPARE(off.size(), 1);
        const StepWindow* stop = nullptr;
        const StepWindow* start = nullptr;
        for (const StepWindow& w : offline.steps) {
            if (!stop && (w.step.kind == StepKind::StopCluster || w.step.kind == StepKind::StopDb))
                stop = &w;
            if (!start && (w.step.kind == StepKind::StartCluster || w.step.kind == StepKind::StartDb))
                start = &w;
        }
        QVERIFY(stop && start);
        QVERIFY2(off.first().start >= stop->start && off.first().start <= stop->end,
            qPrintable(
                QStringLiteral("offline outage starts %1, stop step %2 .. %3")
                    .arg(off.first().start.toString(Qt::ISODateWithMs),
                        stop->start.toString(Qt::ISODateWithMs), stop->end.toString(Qt::ISODateWithMs))));
        QVERIFY2(off.first().end >= start->start,
            qPrintable(QStringLiteral("offline outage ends %1 before the start step %2")
                           .arg(off.first().end.toString(Qt::ISODateWithMs),
                               start->start.toString(Qt::ISODateWithMs))));

        // Rolling: every cluster outage starts inside a switchover step and is over before the next node
        // stops; every switchover shows one.
        const QList<Outage> roll = clusterOutages(rolling.live);
        QVERIFY(!roll.isEmpty());
        QList<const StepWindow*> switchovers;
        for (const StepWindow& w : rolling.steps) {
            if (w.step.kind == StepKind::Switchover)
                switchovers << &w;
        }
        QCOMPARE(switchovers.size(), 2);
        QSet<const StepWindow*> seen;
        for (const Outage& o : roll) {
            const StepWindow* in = nullptr;
            for (const StepWindow* w : switchovers) {
                if (o.start >= w->start && o.start <= w->end)
                    in = w;
            }
            QVERIFY2(in,
                qPrintable(QStringLiteral("rolling cluster outage at %1 outside every switchover")
                               .arg(o.start.toString(Qt::ISODateWithMs))));
            seen.insert(in);
            QDateTime next = rolling.finished;
            for (const StepWindow& w : rolling.steps) {
                if (w.start > in->end && w.step.kind == StepKind::StopDb) {
                    next = w.start;
                    break;
                }
            }
            QVERIFY2(o.end <= next,
                qPrintable(QStringLiteral("rolling cluster outage %1 .. %2 runs past %3")
                               .arg(o.start.toString(Qt::ISODateWithMs), o.end.toString(Qt::ISODateWithMs),
                                   next.toString(Qt::ISODateWithMs))));
        }
        QCOMPARE(seen.size(), switchovers.size());

        // The point of a rolling upgrade, as a ratio of the same sandbox's two runs (never a time).
        const qint64 rollingMs = AvailabilityProbe::totalMs(rolling.live, QString());
        const qint64 offlineMs = AvailabilityProbe::totalMs(offline.live, QString());
        qInfo("cluster outage: rolling %lld ms (%lld outages), offline %lld ms", rollingMs,
            qint64(roll.size()), offlineMs);
        QVERIFY2(rollingMs < offlineMs / 2,
            qPrintable(QStringLiteral("rolling %1 ms, offline %2 ms").arg(rollingMs).arg(offlineMs)));
    }

private:
    ProbedRun probedUpgrade(UpgradeMode mode)
    {
        ProbedRun run;
        TestSupport::Sandbox sandbox; // 3 nodes, OM, MogHA: the demo's cluster
        if (!sandbox.ok()) {
            run.error = sandbox.error();
            return run;
        }
        ClusterProfile profile;
        QList<ProfileError> errors;
        if (!ClusterProfile::load(sandbox.profile(), &profile, &errors)) {
            run.error = errors.value(0).toString();
            return run;
        }
        PlannerOptions options;
        options.mode = mode;
        Plan plan;
        if (!Planner::build(profile, options, &plan, &run.error))
            return run;

        auto executor = std::make_shared<LocalExecutor>(profile);
        AvailabilityProbe probe(profile, executor);
        QMutex mutex;
        connect(
            &probe, &AvailabilityProbe::outageStarted, this,
            [&](const Outage&) {
                QMutexLocker lock(&mutex);
                ++run.startedSignals;
            },
            Qt::DirectConnection);
        connect(
            &probe, &AvailabilityProbe::outageEnded, this,
            [&](const Outage& o) {
                QMutexLocker lock(&mutex);
                if (!o.ongoing())
                    ++run.endedSignals;
            },
            Qt::DirectConnection);
        run.csv = sandbox.dir() + QStringLiteral("/availability.csv");
        if (!probe.start(run.csv, &run.error))
            return run;
        // Measured from a healthy cluster: the probe has found the primary and every port answers.
        auto settled = [&probe] {
            if (probe.primary().isEmpty())
                return false;
            const QList<Outage> all = probe.outages();
            return std::none_of(all.begin(), all.end(), [](const Outage& o) { return o.ongoing(); });
        };
        if (!TestSupport::waitFor(settled, 60000)) {
            run.error = QStringLiteral("the probe never saw a healthy cluster before the run");
            return run;
        }
        const QList<Outage> before = probe.outages();
        if (!before.isEmpty()) {
            run.error = QStringLiteral("outages before the run started");
            return run;
        }

        Runner runner(profile, plan, executor);
        connect(
            &runner, &Runner::stepStarted, this,
            [&](int, const Step& step) {
                QMutexLocker lock(&mutex);
                run.steps.append(StepWindow { step, QDateTime::currentDateTimeUtc(), QDateTime() });
            },
            Qt::DirectConnection);
        connect(
            &runner, &Runner::stepFinished, this,
            [&](int, const StepResult&) {
                QMutexLocker lock(&mutex);
                run.steps.last().end = QDateTime::currentDateTimeUtc();
            },
            Qt::DirectConnection);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        if (!TestSupport::waitForSignal(finished, 1, 600000)) {
            runner.cancel();
            TestSupport::waitForSignal(finished, 1, 60000);
        }
        runner.wait();
        run.finished = QDateTime::currentDateTimeUtc();
        if (finished.isEmpty()) {
            run.error = QStringLiteral("the run did not finish");
            return run;
        }
        const RunResult result = finished.first().first().value<RunResult>();
        if (!result.ok) {
            run.error = result.message;
            return run;
        }
        // The last outages end once the probe sees the upgraded cluster serving again.
        if (!TestSupport::waitFor(settled, 60000)) {
            run.error = QStringLiteral("the probe never saw the upgraded cluster healthy");
            return run;
        }
        probe.stop();
        run.live = probe.outages();
        if (!AvailabilityProbe::readCsv(run.csv, &run.fromCsv, &run.error))
            return run;
        run.ok = true;
        return run;
    }
};

QTEST_GUILESS_MAIN(Tst_Availability)
#include "tst_availability.moc"
