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

WayBackPlanner::UndoWhen WayBackPlanner::undoWhen(const Step& step, StepOutcome::End end)
{
    if (step.undoCommand.isEmpty())
        return UndoWhen::Never;
    // A step that ended ok changed the node. One that did not may have changed nothing (a swap that
    // stopped at its guard because bin_201 was there already), part of it (mv done, cp failed) or all
    // of it (its check timed out): only the node can tell, when the way back runs.
    return end == StepOutcome::End::Ok ? UndoWhen::Always : UndoWhen::IfEffectShows;
}

Check WayBackPlanner::effectEvidence(const Step& step)
{
    if (step.effectCheck.kind != CheckKind::None)
        return step.effectCheck;
    // An exit-code check reads exactly whether the paths are there; the others (gs_ctl query, systemctl)
    // cannot tell "not so" from "cannot read" in one reading.
    if (step.check.kind == CheckKind::PathsPresent && !step.check.command.isEmpty())
        return step.check;
    return {};
}

QList<WayBackPlanner::Entry> WayBackPlanner::stepsToUndo(
    const Plan& forward, const QList<StepOutcome>& outcomes)
{
    QList<Entry> out;
    // The latest attempt of a step decides, and the step is undone once, where that attempt ran.
    QSet<QString> seen;
    for (auto it = outcomes.crbegin(); it != outcomes.crend(); ++it) {
        if (seen.contains(it->stepId))
            continue;
        seen.insert(it->stepId);
        const Step* s = nullptr;
        for (const Step& candidate : forward.steps) {
            if (candidate.id == it->stepId)
                s = &candidate;
        }
        if (!s)
            continue;
        const UndoWhen when = undoWhen(*s, it->end);
        if (when != UndoWhen::Never)
            out.append(Entry { *s, when });
    }
    return out;
}

Plan WayBackPlanner::build(const ClusterProfile& profile, const Plan& forward, const QStringList& ranStepIds)
{
    QList<StepOutcome> outcomes;
    for (const QString& id : ranStepIds)
        outcomes.append(StepOutcome { id, StepOutcome::End::Unknown });
    return build(profile, forward, outcomes);
}

Plan WayBackPlanner::build(
    const ClusterProfile& profile, const Plan& forward, const QList<StepOutcome>& outcomes)
{
    Plan back;
    back.mode = forward.mode;
    back.profileName = forward.profileName;
    // The way back goes from the new version to the old one.
    back.fromVersion = forward.toVersion;
    back.toVersion = forward.fromVersion;
    back.nodeHosts = forward.nodeHosts;
    for (const Entry& e : stepsToUndo(forward, outcomes)) {
        const Step* s = &e.step;
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
        // The evidence is read where the step ran; an undo that runs elsewhere (a switchover's) is of
        // the harmless kind and left to its own check.
        if (e.when == UndoWhen::IfEffectShows && u.node == s->node)
            u.onlyIf = effectEvidence(*s);
        back.steps.append(u);
    }
    return back;
}

} // namespace MogUp
