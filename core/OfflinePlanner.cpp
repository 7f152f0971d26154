#include "Planner.h"

namespace MogUp {

// The vendor's first way (mogdb-tools.md §0): stop everything, replace bin and lib, start again.
Plan OfflinePlanner::build(const ClusterProfile& profile, const PlannerOptions& options,
    const Planner::PackageNames& package, const QString& primaryNode)
{
    const PlanSteps make(profile, package, options.fromVersion);
    Plan plan = make.newPlan(UpgradeMode::Offline);
    const NodeProfile* primary = PlanSteps::findNode(profile, primaryNode);
    if (!primary)
        return plan; // Planner::build refuses this case with a message; nothing sensible to plan.
    const QList<const NodeProfile*> standbys = PlanSteps::standbys(profile, primaryNode);
    const bool om = profile.installMethod == InstallMethod::Om;
    QList<Step>& steps = plan.steps;

    // Unpack everywhere first: a bad package or a full disk stops the plan before any node is touched.
    // The package reaches every node (and is checked) before anything else happens.
    if (Planner::needsUpload(profile))
        steps << make.uploadPackage();
    for (const NodeProfile& n : profile.nodes)
        steps << make.unpack(n);

    // MogHA would start the databases again behind our back.
    if (profile.mogha) {
        for (const NodeProfile* n : make.moghaStopOrder(primaryNode))
            steps << make.stopMogha(*n);
    }

    if (om) {
        steps << make.stopCluster(*primary);
    } else {
        // Standbys first, so none of them sees its primary vanish while it is still running.
        for (const NodeProfile* n : standbys)
            steps << make.stopDb(*n, PlanSteps::standbyMode(*n));
        steps << make.stopDb(*primary, QStringLiteral("primary"));
    }

    for (const NodeProfile& n : profile.nodes) {
        steps << make.swapBin(n) << make.swapLib(n);
        if (om)
            steps << make.copyOmFiles(n);
    }

    if (om) {
        steps << make.startCluster(*primary);
    } else {
        steps << make.startDb(*primary, QStringLiteral("primary"));
        for (const NodeProfile* n : standbys) {
            steps << make.startDb(*n, PlanSteps::standbyMode(*n));
            steps << make.waitCatchup(*n);
        }
    }

    if (profile.mogha) {
        for (const NodeProfile* n : make.moghaStartOrder(primaryNode))
            steps << make.startMogha(*n);
    }

    for (const NodeProfile& n : profile.nodes)
        steps << make.verifyVersion(n);
    steps << make.verifyCluster(*primary);
    return plan;
}

} // namespace MogUp
