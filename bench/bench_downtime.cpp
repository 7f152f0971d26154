// Benchmark 5 (issue #9 §4, "Measured downtime"): the cluster outage of a rolling upgrade versus an offline
// upgrade of the same sandbox cluster at the same speed, as the availability probe measures it (no primary
// answering `select 1`), and the rolling outage versus the switchover steps' own time (Runner stepFinished ms
// of the switchover steps: gs_ctl switchover, which polls on for three seconds after the roles changed, plus
// its check). Two fresh sandboxes (same options), one upgraded rolling, the other offline; no sshd.
// Goal: rolling cluster outage below half of offline's.
#include "BenchSupport.h"

#include "AvailabilityProbe.h"
#include "LocalExecutor.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace MogUp;

namespace {

struct Measured
{
    bool ok = false;
    QString error;
    QList<Outage> outages;
    QList<qint64> switchoverMs; // each switchover step, command + check
    double runSeconds = 0;
    int tcpRows = 0;
    int queryRows = 0;
    double probedSeconds = 0; // from the first row to the last
};

QString firstLine(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine()).trimmed() : QString();
}

// One sandbox, one upgrade with the probe attached from a healthy cluster to a healthy cluster again.
Measured measure(UpgradeMode mode, const Sim::SandboxOptions& options, const QString& keepDir)
{
    Measured m;
    TestSupport::Sandbox sandbox(options);
    if (!sandbox.ok()) {
        m.error = sandbox.error();
        return m;
    }
    ClusterProfile profile;
    QList<ProfileError> errors;
    if (!ClusterProfile::load(sandbox.profile(), &profile, &errors)) {
        m.error = errors.value(0).toString();
        return m;
    }
    PlannerOptions po;
    po.mode = mode;
    Plan plan;
    if (!Planner::build(profile, po, &plan, &m.error))
        return m;

    auto executor = std::make_shared<LocalExecutor>(profile);
    AvailabilityProbe probe(profile, executor);
    const QString csv = sandbox.dir() + QStringLiteral("/availability.csv");
    if (!probe.start(csv, &m.error))
        return m;
    auto settled = [&probe] {
        if (probe.primary().isEmpty())
            return false;
        const QList<Outage> all = probe.outages();
        return std::none_of(all.begin(), all.end(), [](const Outage& o) { return o.ongoing(); });
    };
    if (!TestSupport::waitFor(settled, 60000)) {
        m.error = QStringLiteral("the probe never saw a healthy cluster before the run");
        return m;
    }

    Runner runner(profile, plan, executor);
    QMutex mutex;
    QObject::connect(
        &runner, &Runner::stepFinished, &runner,
        [&](int index, const StepResult& r) {
            QMutexLocker lock(&mutex);
            if (plan.steps.value(index).kind == StepKind::Switchover)
                m.switchoverMs << r.ms;
        },
        Qt::DirectConnection);
    QSignalSpy finished(&runner, &Runner::finished);
    m.runSeconds = Bench::timeIt([&] {
        runner.start();
        if (!finished.wait(900000)) {
            runner.cancel();
            finished.wait(60000);
        }
        runner.wait();
    });
    if (finished.isEmpty() || !finished.first().first().value<RunResult>().ok) {
        m.error = finished.isEmpty() ? QStringLiteral("the run did not finish")
                                     : finished.first().first().value<RunResult>().message;
        return m;
    }
    if (!TestSupport::waitFor(settled, 60000)) {
        m.error = QStringLiteral("the probe never saw the upgraded cluster healthy");
        return m;
    }
    probe.stop();
    m.outages = probe.outages();

    QList<ProbeRow> rows;
    if (!AvailabilityProbe::readCsvRows(csv, &rows, &m.error))
        return m;
    for (const ProbeRow& r : rows)
        ++(r.kind == ProbeRow::Kind::Tcp ? m.tcpRows : m.queryRows);
    if (!rows.isEmpty())
        m.probedSeconds = rows.first().time.msecsTo(rows.last().time) / 1000.0;
    if (!keepDir.isEmpty()) {
        QDir().mkpath(keepDir);
        const QString to = keepDir + QStringLiteral("/availability-%1.csv").arg(upgradeModeName(mode));
        QFile::remove(to);
        QFile::copy(csv, to);
    }
    m.ok = true;
    return m;
}

QString outageList(const QList<Outage>& outages, const QString& node)
{
    QStringList parts;
    for (const Outage& o : outages) {
        if (o.node == node)
            parts << QString::number(o.ms());
    }
    return parts.join(QStringLiteral(", "));
}

int countOf(const QList<Outage>& outages, const QString& node)
{
    return int(
        std::count_if(outages.begin(), outages.end(), [&node](const Outage& o) { return o.node == node; }));
}

QString loadAverage()
{
    return firstLine(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&args](const char* name, const QString& fallback) {
        const int i = int(args.indexOf(QLatin1String(name)));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    Sim::SandboxOptions options; // the demo's cluster: OM install, MogHA
    options.nodes = value("--nodes", QStringLiteral("3")).toInt();
    options.speed = value("--speed", QStringLiteral("60")).toDouble();
    const QString keepDir = value("--keep", QString());

    const QString loadBefore = loadAverage();
    std::printf(
        "rolling upgrade of a %d-node sandbox (speed %g) with the probe...\n", options.nodes, options.speed);
    std::fflush(stdout);
    const Measured rolling = measure(UpgradeMode::Rolling, options, keepDir);
    if (!rolling.ok) {
        std::fprintf(stderr, "rolling: %s\n", qPrintable(rolling.error));
        return 2;
    }
    std::printf("offline upgrade of another one...\n");
    std::fflush(stdout);
    const Measured offline = measure(UpgradeMode::Offline, options, keepDir);
    if (!offline.ok) {
        std::fprintf(stderr, "offline: %s\n", qPrintable(offline.error));
        return 2;
    }
    const QString loadAfter = loadAverage();

    const qint64 rollingMs = AvailabilityProbe::totalMs(rolling.outages, QString());
    const qint64 offlineMs = AvailabilityProbe::totalMs(offline.outages, QString());
    qint64 switchoverMs = 0;
    for (qint64 ms : rolling.switchoverMs)
        switchoverMs += ms;

    Bench::Report report(
        QStringLiteral("5. Measured downtime: rolling versus offline upgrade of the same sandbox"));
    report.add({ QStringLiteral("rolling: cluster outage (no primary answering)"), rollingMs / 1000.0,
        std::max(1, countOf(rolling.outages, QString())), 0,
        QStringLiteral("%1 outage(s): %2 ms")
            .arg(countOf(rolling.outages, QString()))
            .arg(outageList(rolling.outages, QString())) });
    QStringList switchovers;
    for (qint64 ms : rolling.switchoverMs)
        switchovers << QString::number(ms);
    report.add({ QStringLiteral("rolling: switchover steps (gs_ctl switchover + check)"),
        switchoverMs / 1000.0, std::max(1, int(rolling.switchoverMs.size())), 0,
        switchovers.join(QStringLiteral(", ")) + QStringLiteral(" ms") });
    report.add({ QStringLiteral("offline: cluster outage (no primary answering)"), offlineMs / 1000.0,
        std::max(1, countOf(offline.outages, QString())), 0,
        QStringLiteral("%1 outage(s): %2 ms")
            .arg(countOf(offline.outages, QString()))
            .arg(outageList(offline.outages, QString())) });
    for (const auto& [name, run] : { std::pair { QStringLiteral("rolling"), &rolling },
             std::pair { QStringLiteral("offline"), &offline } }) {
        QStringList nodes;
        qint64 portsMs = 0;
        for (int i = 1; i <= options.nodes; ++i) {
            const QString n = QStringLiteral("node%1").arg(i);
            const qint64 ms = AvailabilityProbe::totalMs(run->outages, n);
            portsMs += ms;
            nodes << QStringLiteral("%1 %2 ms").arg(n).arg(ms);
        }
        // Summed over the nodes; ms/op is the mean per node.
        report.add({ name + QStringLiteral(": database ports closed (sum over nodes)"), portsMs / 1000.0,
            std::max(1, options.nodes), 0, nodes.join(QStringLiteral(", ")) });
        report.add({ name + QStringLiteral(": whole run"), run->runSeconds, 1, 0,
            QStringLiteral("probe: %1 tcp + %2 query rows over %3 s (%4 queries/s)")
                .arg(run->tcpRows)
                .arg(run->queryRows)
                .arg(run->probedSeconds, 0, 'f', 1)
                .arg(run->probedSeconds > 0 ? run->queryRows / run->probedSeconds : 0, 0, 'f', 1) });
    }
    const double ratio = offlineMs > 0 ? double(rollingMs) / double(offlineMs) : 0;
    report.ratio(QStringLiteral("rolling / offline cluster outage"), ratio, QStringLiteral("< 0.5"),
        offlineMs > 0 && ratio < 0.5);
    report.ratio(QStringLiteral("rolling cluster outage / switchover steps' time"),
        switchoverMs > 0 ? double(rollingMs) / double(switchoverMs) : 0);
    report.ratio(QStringLiteral("offline cluster outage / offline run"),
        offline.runSeconds > 0 ? offlineMs / 1000.0 / offline.runSeconds : 0);
    report.remark(QStringLiteral(
        "Sandbox: %1 nodes, OM install, MogHA, speed %2 (the sandbox's switchover lasts max(0.8 s, 4.5 s / "
        "speed): "
        "the old primary demotes for 60 %, then the standby promotes). Probe defaults: tcp every 200 ms, "
        "queries every 1000 ms while the cluster is quiet and every 200 ms while anything moves "
        "(see core/AvailabilityProbe.h): each edge of a cluster outage is known to about one tcp interval "
        "plus one gsql round trip.")
                      .arg(options.nodes)
                      .arg(options.speed));
    report.remark(QStringLiteral(
        "The switchover steps take longer than the outage they cause: gs_ctl switchover polls the role once "
        "a "
        "second and three more times after it changed (pg_ctl.cpp do_switchover), then MogUp's check reads "
        "the new primary. The offline outage runs from the primary's stop (its port closes) to the first "
        "`select 1` answered by a primary after gs_om -t start, so it includes stop_settle_seconds (3 in "
        "the sandbox) and every node's swap."));
    report.remark(QStringLiteral("Machine load (1/5/15-min load average): %1 before, %2 after; %3 CPUs.")
                      .arg(loadBefore, loadAfter)
                      .arg(QThread::idealThreadCount()));
    report.print();
    if (!report.appendMarkdown(Bench::markdownFileArg(args)))
        return 2;
    return 0;
}
