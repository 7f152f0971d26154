#include "CliCommandList.h"
#include "Journal.h"
#include "UpgradeSession.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace MogUp {

using namespace CliSupport;

int UndoCommand::execute(const QStringList& args)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("run-dir"), Tr::tr("the run directory of the upgrade to take back"), QStringLiteral("D") });
    p.addOption({ QStringLiteral("yes"), Tr::tr("run without asking") });
    if (!p.parse(args)) {
        m_err << QStringLiteral("mogup-cli undo: ") << p.errorText() << Qt::endl;
        return 2;
    }
    const QString runDir = QFileInfo(p.value(QStringLiteral("run-dir"))).absoluteFilePath();
    if (!p.isSet(QStringLiteral("run-dir")) || !QFileInfo::exists(runDir + QStringLiteral("/journal.jsonl"))) {
        m_err << Tr::tr("mogup-cli undo: --run-dir must name the run directory of an upgrade (it holds journal.jsonl).")
              << Qt::endl;
        return 2;
    }
    ClusterProfile profile;
    if (!loadProfile(runDir + QStringLiteral("/profile.json"), &profile, m_err))
        return 2;
    QFile planFile(runDir + QStringLiteral("/plan.json"));
    if (!planFile.open(QIODevice::ReadOnly)) {
        m_err << Tr::tr("mogup-cli undo: cannot read %1.").arg(planFile.fileName()) << Qt::endl;
        return 2;
    }
    const Plan forward = Plan::fromJson(QJsonDocument::fromJson(planFile.readAll()).object());
    // What ran, in order, from the journal, and how each attempt ended: a step that did not end ok is
    // undone only if its effect shows on the node when the undo runs (WayBackPlanner).
    QString result;
    const Plan back = UpgradeSession::wayBackOf(profile, forward, runDir, &result);
    if (back.steps.isEmpty()) {
        m_out << Tr::tr("Nothing to undo: no step of that run changed anything that can be taken back.") << Qt::endl;
        return 0;
    }
    if (result == QStringLiteral("ok"))
        m_out << Tr::tr("That run finished successfully: undoing it takes every node back to MogDB %1.").arg(forward.fromVersion)
              << Qt::endl;
    CommandContext ctx;
    ctx.profile = profile;
    ctx.executor = makeExecutor(profile, &ctx.executorError);
    if (!requireExecutor(ctx, QStringLiteral("undo")))
        return 2;
    printPlan(back, profile, m_out);
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!m_io.interactive) {
            m_err << Tr::tr("mogup-cli undo: not asking on a non-interactive input; add --yes to run the steps above. "
                            "Nothing was changed.")
                  << Qt::endl;
            return 2;
        }
        m_out << Tr::tr("Run this plan now? Type \"yes\" to go on: ") << Qt::flush;
        if (m_io.in.readLine().trimmed() != QStringLiteral("yes")) {
            m_out << Tr::tr("Not run. Nothing was changed.") << Qt::endl;
            return 1;
        }
    }
    Journal journal;
    QString error;
    if (!journal.open(Journal::undoRunDir(runDir), profile, back, &error)) {
        m_err << QStringLiteral("mogup-cli undo: ") << error << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("Record of this run: %1").arg(journal.runDir()) << Qt::endl;
    const RunResult r = runWithLiveLog(profile, back, ctx.executor, &journal, true);
    m_out << Qt::endl << Tr::tr("Cluster now:") << Qt::endl;
    printStatusTable(r.nodes, m_out);
    if (!r.ok) {
        m_err << Tr::tr("UNDO FAILED: %1").arg(r.message) << Qt::endl;
        for (const NodeStatus& n : r.nodes)
            m_err << QStringLiteral("  - ") << n.summary() << Qt::endl;
        return 1;
    }
    m_out << Tr::tr("UNDO COMPLETE: every step of the way back ran and was checked. Record: %1").arg(journal.runDir()) << Qt::endl;
    return 0;
}

} // namespace MogUp
