#include "WayBackPlanner.h"

#include "NodeCommands.h"
#include "ShellQuote.h"

#include <QSet>

namespace MogUp {

namespace {

Check undoCheck(const ClusterProfile& profile, const Step& s, const NodeProfile* undoNode, const QString& fromVersion)
{
    Check c;
    c.timeoutMs = 120000;
    c.intervalMs = 500;
    c.command = s.check.command;
    switch (s.kind) {
    case StepKind::StopMogha:
        c.kind = CheckKind::MoghaRunning;
        break;
    case StepKind::StartMogha:
        c.kind = CheckKind::MoghaStopped;
        break;
    case StepKind::StopDb:
        // The undo starts it again in the mode it had: the undo command names it.
        c.kind = CheckKind::DbRunning;
        c.expectRole = s.undoCommand.contains(QStringLiteral(" -M primary")) ? QStringLiteral("Primary")
            : s.undoCommand.contains(QStringLiteral(" -M cascade_standby")) ? QStringLiteral("Cascade Standby")
                                                                               : QStringLiteral("Standby");
        break;
    case StepKind::StartDb:
        c.kind = CheckKind::DbStopped;
        break;
    case StepKind::StopCluster:
        c.kind = CheckKind::ClusterNormal;
        c.expectNodes = int(profile.nodes.size());
        break;
    case StepKind::StartCluster:
        c.kind = CheckKind::ClusterStopped;
        c.expectNodes = int(profile.nodes.size());
        break;
    case StepKind::SwapBin:
        c.kind = CheckKind::BinaryVersion;
        c.expectVersion = fromVersion;
        break;
    case StepKind::SwapLib:
        if (s.check.paths.size() == 2) {
            // lib/ is back and lib_<old> is gone.
            c.kind = CheckKind::PathsPresent;
            c.paths = { s.check.paths.at(0) };
            c.command = QStringLiteral("test -d %1 && test ! -e %2").arg(shellQuote(s.check.paths.at(0)), shellQuote(s.check.paths.at(1)));
            if (undoNode)
                c.command = NodeCommands(profile, *undoNode).asDbUserShell(c.command);
        } else {
            c.kind = CheckKind::None;
            c.command.clear();
        }
        break;
    case StepKind::Switchover:
        c.kind = CheckKind::SwitchedOver;
        c.expectRole = QStringLiteral("Primary");
        if (undoNode)
            c.command = NodeCommands(profile, *undoNode).gsCtlQuery();
        break;
    default:
        c.kind = CheckKind::None;
        c.command.clear();
        break;
    }
    return c;
}

} // namespace

Plan WayBackPlanner::build(const ClusterProfile& profile, const Plan& forward, const QStringList& ranStepIds)
{
    Plan back;
    back.mode = forward.mode;
    back.profileName = forward.profileName;
    // The way back goes from the new version to the old one.
    back.fromVersion = forward.toVersion;
    back.toVersion = forward.fromVersion;
    back.nodeHosts = forward.nodeHosts;
    // A step retried after a failure started more than once: it is undone once, at its latest start.
    QSet<QString> undone;
    for (auto it = ranStepIds.crbegin(); it != ranStepIds.crend(); ++it) {
        if (undone.contains(*it))
            continue;
        undone.insert(*it);
        const Step* s = nullptr;
        for (const Step& candidate : forward.steps) {
            if (candidate.id == *it)
                s = &candidate;
        }
        if (!s || s->undoCommand.isEmpty())
            continue;
        Step u;
        u.id = s->id + QStringLiteral("-undo");
        u.kind = s->kind;
        u.node = s->undoNode.isEmpty() ? s->node : s->undoNode;
        u.titleSource = s->undoTitleSource;
        u.titleArgs = s->undoTitleArgs;
        u.command = s->undoCommand;
        u.runAs = s->runAs;
        u.timeoutMs = s->timeoutMs;
        u.check = undoCheck(profile, *s, profile.node(u.node), forward.fromVersion);
        back.steps.append(u);
    }
    return back;
}

} // namespace MogUp
