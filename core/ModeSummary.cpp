#include "ModeSummary.h"

#include "Tr.h"

namespace MogUp {

namespace {

QString roleText(const QString& role)
{
    if (role == QLatin1String("primary"))
        return Tr::tr("primary");
    if (role == QLatin1String("cascade_standby"))
        return Tr::tr("cascade standby");
    return Tr::tr("standby");
}

} // namespace

QString ModePhase::text() const
{
    const QString list = nodes.join(QStringLiteral(", "));
    switch (kind) {
    case Kind::StopMogha:
        return Tr::tr("MogHA stopped on %1").arg(list);
    case Kind::StopAll:
        return Tr::tr("the whole cluster stops (%1)").arg(list);
    case Kind::Upgrade:
        return Tr::tr("%1 (%2) upgraded").arg(nodes.value(0), roleText(role));
    case Kind::StartAll:
        return Tr::tr("the whole cluster starts (%1)").arg(list);
    case Kind::Switchover:
        return back ? Tr::tr("switch back: %1 is primary again, %2 standby").arg(nodes.value(0), fromNode)
                    : Tr::tr("switchover: %1 becomes primary, %2 standby").arg(nodes.value(0), fromNode);
    case Kind::StartMogha:
        return Tr::tr("MogHA started on %1").arg(list);
    }
    return {};
}

QString ModeSummary::downtimeText() const
{
    if (!ok)
        return Tr::tr("Expected downtime: unknown until the plan can be built (%1).").arg(error);
    if (mode == UpgradeMode::Offline) {
        return Tr::tr(
            "Expected downtime: the whole procedure, typically a few minutes. The database is unavailable "
            "from the stop to the start: %1 of the plan's %2, while bin and lib are replaced on %3.")
            .arg(Tr::tr("%n step(s)", nullptr, downSteps))
            .arg(steps)
            .arg(Tr::tr("%n node(s)", nullptr, int(nodes.size())));
    }
    return Tr::tr(
        "Expected downtime: the switchovers only, a few seconds each (%1). Every node is stopped and "
        "started once (%2), one at a time, while another node serves.")
        .arg(Tr::tr("%n switchover(s)", nullptr, switchovers))
        .arg(Tr::tr("%n restart(s)", nullptr, stopSteps));
}

QString ModeSummary::orderText() const
{
    if (!ok)
        return error;
    QStringList parts;
    for (int i = 0; i < phases.size(); ++i)
        parts << QStringLiteral("%1. %2").arg(i + 1).arg(phases.at(i).text());
    return parts.join(QStringLiteral("; "));
}

ModeSummary ModeSummary::build(const ClusterProfile& profile, const PlannerOptions& options)
{
    Plan plan;
    QString error;
    if (!Planner::build(profile, options, &plan, &error)) {
        ModeSummary s;
        s.mode = options.mode;
        s.error = error;
        for (const NodeProfile& n : profile.nodes)
            s.nodes << n.name;
        return s;
    }
    // Planner::build has checked that there is exactly one: the option's, or the profile's role.
    QString primary = options.primaryNode;
    if (primary.isEmpty() && profile.primaryNode())
        primary = profile.primaryNode()->name;
    return fromPlan(profile, plan, primary);
}

ModeSummary ModeSummary::fromPlan(const ClusterProfile& profile, const Plan& plan, const QString& primary)
{
    ModeSummary s;
    s.ok = true;
    s.mode = plan.mode;
    s.primary = primary;
    s.steps = int(plan.steps.size());
    for (const NodeProfile& n : profile.nodes)
        s.nodes << n.name;

    QString currentPrimary = primary;
    int firstStop = -1;
    int lastStart = -1;
    // Adds `node` to the last phase when it is of the same kind (one phase for "every node"), else opens one.
    auto group = [&s](ModePhase::Kind kind, const QString& node) {
        if (s.phases.isEmpty() || s.phases.last().kind != kind) {
            ModePhase p;
            p.kind = kind;
            s.phases << p;
        }
        if (!s.phases.last().nodes.contains(node))
            s.phases.last().nodes << node;
    };
    auto upgradeRole = [&](const QString& node) {
        if (node == currentPrimary)
            return QStringLiteral("primary");
        const NodeProfile* n = PlanSteps::findNode(profile, node);
        return n ? PlanSteps::standbyMode(*n) : QStringLiteral("standby");
    };
    const bool offline = plan.mode == UpgradeMode::Offline;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const Step& step = plan.steps.at(i);
        switch (step.kind) {
        case StepKind::StopMogha:
            group(ModePhase::Kind::StopMogha, step.node);
            break;
        case StepKind::StartMogha:
            group(ModePhase::Kind::StartMogha, step.node);
            break;
        case StepKind::StopCluster:
            ++s.stopSteps;
            if (firstStop < 0)
                firstStop = i;
            for (const QString& n : std::as_const(s.nodes))
                group(ModePhase::Kind::StopAll, n);
            break;
        case StepKind::StartCluster:
            ++s.startSteps;
            lastStart = i;
            for (const QString& n : std::as_const(s.nodes))
                group(ModePhase::Kind::StartAll, n);
            break;
        case StepKind::StopDb:
            ++s.stopSteps;
            if (firstStop < 0)
                firstStop = i;
            if (offline) {
                group(ModePhase::Kind::StopAll, step.node);
            } else {
                // Rolling: a node's upgrade starts with its stop.
                ModePhase p;
                p.kind = ModePhase::Kind::Upgrade;
                p.nodes << step.node;
                p.role = upgradeRole(step.node);
                s.phases << p;
            }
            break;
        case StepKind::StartDb:
            ++s.startSteps;
            lastStart = i;
            if (offline)
                group(ModePhase::Kind::StartAll, step.node);
            break;
        case StepKind::SwapBin:
            if (offline) {
                ModePhase p;
                p.kind = ModePhase::Kind::Upgrade;
                p.nodes << step.node;
                p.role = upgradeRole(step.node);
                s.phases << p;
            }
            break;
        case StepKind::Switchover: {
            ++s.switchovers;
            ModePhase p;
            p.kind = ModePhase::Kind::Switchover;
            p.nodes << step.node;
            p.fromNode = step.undoNode;
            p.back = step.id.endsWith(QLatin1String("-back"));
            s.phases << p;
            currentPrimary = step.node;
            break;
        }
        default:
            break;
        }
    }
    s.finalPrimary = currentPrimary;
    if (firstStop >= 0 && lastStart >= firstStop)
        s.downSteps = lastStart - firstStop + 1;
    return s;
}

} // namespace MogUp
