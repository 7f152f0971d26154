#include "Planner.h"

namespace MogUp {

// The vendor's second way (mogdb-tools.md §0): upgrade the standbys while the primary serves, switch
// over to an upgraded standby, upgrade the old primary as a standby, optionally switch back. Service
// stops only for the switchovers.
Plan RollingPlanner::build(const ClusterProfile& profile, const PlannerOptions& options,
    const Planner::PackageNames& package, const QString& primaryNode)
{
    const PlanSteps make(profile, package, options.fromVersion);
    Plan plan = make.newPlan(UpgradeMode::Rolling);
    const NodeProfile* primary = PlanSteps::findNode(profile, primaryNode);
    const QList<const NodeProfile*> standbys = PlanSteps::standbys(profile, primaryNode);
    // The first upgraded standby takes over; a cascade standby cannot be promoted by a switchover.
    const NodeProfile* target = nullptr;
    for (const NodeProfile* n : standbys) {
        if (PlanSteps::standbyMode(*n) == QLatin1String("standby")) {
            target = n;
            break;
        }
    }
    if (!primary || !target)
        return plan; // Planner::build refuses these cases with a message.
    const bool om = profile.installMethod == InstallMethod::Om;
    QList<Step>& steps = plan.steps;

    auto upgradeStopped = [&](const NodeProfile& n, const QString& mode) {
        steps << make.stopDb(n, mode) << make.swapBin(n) << make.swapLib(n);
        if (om)
            steps << make.copyOmFiles(n);
        steps << make.startDb(n, mode) << make.waitCatchup(n);
    };

    // The package reaches every node (and is checked) before anything else happens.
    if (Planner::needsUpload(profile))
        steps << make.uploadPackage();
    for (const NodeProfile& n : profile.nodes)
        steps << make.unpack(n);

    if (profile.mogha) {
        for (const NodeProfile* n : make.moghaStopOrder(primaryNode))
            steps << make.stopMogha(*n);
    }

    for (const NodeProfile* n : standbys)
        upgradeStopped(*n, PlanSteps::standbyMode(*n));

    steps << make.switchover(*target, *primary, false);
    if (om)
        steps << make.refreshConf(*target, false);

    // The old primary is a standby now.
    upgradeStopped(*primary, QStringLiteral("standby"));

    const NodeProfile* finalPrimary = target;
    if (options.switchBack) {
        steps << make.switchover(*primary, *target, true);
        if (om)
            steps << make.refreshConf(*primary, true);
        finalPrimary = primary;
    }

    if (profile.mogha) {
        for (const NodeProfile* n : make.moghaStartOrder(finalPrimary->name))
            steps << make.startMogha(*n);
    }

    for (const NodeProfile& n : profile.nodes)
        steps << make.verifyVersion(n);
    steps << make.verifyCluster(*finalPrimary);
    return plan;
}

} // namespace MogUp
