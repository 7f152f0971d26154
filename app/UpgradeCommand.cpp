#include "CliCommandList.h"
#include "UpgradeSession.h"
#include "UpgradeVerifier.h"
#include "ShellQuote.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>

namespace MogUp {

using namespace CliSupport;

int UpgradeCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("yes"), Tr::tr("run without asking") });
    p.addOption({ QStringLiteral("accept-warnings"), Tr::tr("go on although a pre-check gave a warning") });
    p.addOption({ QStringLiteral("run-dir"), Tr::tr("where to keep the record of this run"), QStringLiteral("D") });
    p.addOption({ QStringLiteral("baseline"),
        Tr::tr("seconds of walsender memory sampling before anything changes (default: 60, a sandbox 60 / speed but at least 10)"),
        QStringLiteral("SECONDS") });
    CommandContext ctx;
    int code = 0;
    if (!prepare(p, args, QStringLiteral("upgrade"), true, &ctx, &code))
        return code;
    int baselineMs = UpgradeSession::defaultBaselineMs(ctx.profile);
    if (p.isSet(QStringLiteral("baseline"))) {
        bool ok = false;
        const double seconds = p.value(QStringLiteral("baseline")).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 86400) {
            m_err << Tr::tr("mogup-cli upgrade: --baseline must be a number of seconds from 0 to 86400 (got \"%1\").")
                         .arg(p.value(QStringLiteral("baseline")))
                  << Qt::endl;
            return 2;
        }
        baselineMs = int(seconds * 1000);
    }
    if (!requireExecutor(ctx, QStringLiteral("upgrade")))
        return 2;
    const ClusterProfile& profile = ctx.profile;
    PlannerOptions& options = ctx.options;
    std::shared_ptr<Executor> executor = ctx.executor;
    QString error;

    // Read the cluster before planning: the plan must start from what is really there. The same
    // pre-checks as the wizard's (core/Prechecks), read-only.
    m_out << Tr::tr("Pre-checks (read-only)...") << Qt::endl;
    CancelToken probeCancel;
    Prechecks prechecks(*executor, profile, options.fromVersion);
    prechecks.setMode(options.mode);
    const PrecheckReport report = prechecks.run(probeCancel);
    printStatusTable(report.nodes, m_out);
    printPrechecks(report, m_out);
    bool allPatched = !report.nodes.isEmpty();
    for (const NodeStatus& n : report.nodes)
        allPatched = allPatched && n.running && n.version == QStringLiteral("2.0.3");
    if (allPatched) {
        m_out << Tr::tr("Every node already runs MogDB %1; nothing to do.").arg(QStringLiteral("2.0.3")) << Qt::endl;
        return 0;
    }
    if (!report.ok()) {
        m_err << Tr::tr("mogup-cli upgrade: the pre-checks failed:") << Qt::endl;
        for (const QString& f : report.failures())
            m_err << QStringLiteral("  - ") << f << Qt::endl;
        m_err << Tr::tr("Nothing was changed.") << Qt::endl;
        return 1;
    }
    if (report.hasWarnings() && !p.isSet(QStringLiteral("accept-warnings"))) {
        m_err << Tr::tr("mogup-cli upgrade: the pre-checks gave warnings (above); read them and add --accept-warnings "
                        "to go on. Nothing was changed.")
              << Qt::endl;
        return 1;
    }
    options.primaryNode = report.primary;
    Plan plan;
    if (!Planner::build(profile, options, &plan, &error)) {
        m_err << QStringLiteral("mogup-cli upgrade: ") << error << Qt::endl;
        return 2;
    }

    printPlan(plan, profile, m_out);
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!m_io.interactive) {
            m_err << Tr::tr("mogup-cli upgrade: not asking on a non-interactive input; add --yes to run the plan "
                            "above. Nothing was changed.")
                  << Qt::endl;
            return 2;
        }
        m_out << Tr::tr("Run this plan now? Type \"yes\" to go on: ") << Qt::flush;
        const QString answer = m_io.in.readLine().trimmed();
        if (answer != QStringLiteral("yes")) {
            m_out << Tr::tr("Not run. Nothing was changed.") << Qt::endl;
            return 1;
        }
    }

    const QString runDir = p.isSet(QStringLiteral("run-dir")) ? QFileInfo(p.value(QStringLiteral("run-dir"))).absoluteFilePath()
                                                                : UpgradeSession::newRunDir(QString(), profile.name, options.mode);
    // The same session as the wizard's: run directory, runner, way back and verdict live there.
    UpgradeSession session(profile, plan, executor);
    session.setBaselineMs(baselineMs);
    QEventLoop loop;
    QObject::connect(&session, &UpgradeSession::baselineStarted, &loop, [this](int ms) {
        m_out << Tr::tr("Baseline: sampling the walsender memory for %1 s before anything changes (--baseline)...")
                     .arg(ms / 1000.0, 0, 'f', 0)
              << Qt::endl;
    });
    // The samples show while the baseline is taken; during the run the step log has the screen.
    QObject::connect(&session, &UpgradeSession::sampled, &loop, [this, &session](const MemorySample& sample) {
        if (session.phase() == UpgradeSession::Phase::Baseline)
            printSample(sample);
    });
    QObject::connect(&session, &UpgradeSession::observerProblem, &loop,
        [this](const QString& message) { m_err << QStringLiteral("mogup-cli upgrade: ") << message << Qt::endl; });
    printLive(&session, &loop, [&session] {
        return int(session.phase() == UpgradeSession::Phase::RollingBack ? session.wayBack().steps.size() : session.plan().steps.size());
    });
    QObject::connect(&session, &UpgradeSession::runFinished, &loop, &QEventLoop::quit);
    QObject::connect(&session, &UpgradeSession::verified, &loop, &QEventLoop::quit);
    if (!session.start(runDir)) {
        m_err << QStringLiteral("mogup-cli upgrade: ") << session.startError() << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("Record of this run: %1").arg(session.runDir()) << Qt::endl;
    // Ctrl-C cancels the run (the current command's process group is ended and the state is reported).
    onInterrupt(&loop, [&session] { session.cancel(); });
    loop.exec();

    const RunResult& result = session.runResult();
    if (!result.ok) {
        m_out << Qt::endl << Tr::tr("Cluster now:") << Qt::endl;
        printStatusTable(result.nodes, m_out);
        m_err << (result.cancelled ? Tr::tr("UPGRADE CANCELLED") : Tr::tr("UPGRADE FAILED")) << QStringLiteral(": ")
              << result.message << Qt::endl;
        m_err << Tr::tr("Failed step: %1 on node %2.").arg(result.failedStepId, result.failedNode) << Qt::endl;
        m_err << Tr::tr("State of each node:") << Qt::endl;
        for (const NodeStatus& n : result.nodes)
            m_err << QStringLiteral("  - ") << n.summary() << Qt::endl;
        // The way back as it would run (each undo on the node it runs on: a switchover is undone on the
        // old primary), and the command that runs it.
        const Plan back = session.wayBackPlan();
        if (!back.steps.isEmpty()) {
            m_err << Tr::tr("The way back (undo of the completed steps, most recent first; review before running):") << Qt::endl;
            for (const Step& s : back.steps)
                m_err << QStringLiteral("  [%1] %2\n      $ %3").arg(s.node, s.title(), s.command) << Qt::endl;
            m_err << Tr::tr("To run it: %1").arg(session.undoCommand()) << Qt::endl;
        }
        m_err << Tr::tr("Or fix the cause and finish the remaining steps by hand; the full record is in %1.").arg(session.runDir())
              << Qt::endl;
        return 1;
    }
    // Success means the one rule holds on the cluster read again now (UpgradeVerifier): every node on the
    // new version, running Normal, one primary, and gs_om Normal on OM installs.
    m_out << Tr::tr("Verifying: reading every node again...") << Qt::endl;
    session.verify();
    loop.exec();
    endInterrupt();
    m_out << Qt::endl << Tr::tr("Cluster now:") << Qt::endl;
    printStatusTable(session.reading().nodes, m_out);
    if (!session.reading().clusterState.isEmpty())
        m_out << Tr::tr("Cluster state (gs_om -t status on %1): %2").arg(session.reading().clusterStateFrom, session.reading().clusterState)
              << Qt::endl;
    if (!session.verifyProblems().isEmpty()) {
        m_err << Tr::tr("UPGRADE NOT VERIFIED: %1").arg(session.verifyProblems().join(QLatin1Char(' '))) << Qt::endl;
        m_err << Tr::tr("The full record is in %1.").arg(session.runDir()) << Qt::endl;
        return 1;
    }
    m_out << session.downtimeText() << Qt::endl;
    m_out << Tr::tr("Walsender memory so far: %1").arg(session.leakVerdictText()) << Qt::endl;
    m_out << Tr::tr("To go on watching it: %1")
                 .arg(QStringLiteral("mogup-cli monitor --run-dir ") + shellQuote(session.runDir()) + QStringLiteral(" --duration 600"))
          << Qt::endl;
    m_out << Tr::tr("UPGRADE COMPLETE: %1 Record: %2")
                 .arg(UpgradeVerifier::verifiedSummary(session.reading(), plan.toVersion), session.runDir())
          << Qt::endl;
    return 0;
}

} // namespace MogUp
