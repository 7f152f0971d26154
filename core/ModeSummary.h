#pragma once

#include "Plan.h"
#include "Planner.h"
#include "Profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

// One phase of an upgrade as an operator pictures it: which node is touched, in what role.
struct ModePhase
{
    enum class Kind
    {
        StopMogha, // MogHA stopped on every node (nodes: in plan order)
        StopAll, // the whole cluster stops (offline)
        Upgrade, // one node stopped, bin/lib replaced, started again (rolling) / replaced (offline)
        StartAll, // the whole cluster starts (offline)
        Switchover, // node becomes primary, fromNode steps down
        StartMogha // MogHA started on every node
    };
    Kind kind = Kind::Upgrade;
    QStringList nodes; // the nodes this phase touches, in the plan's order
    QString fromNode; // Switchover: the primary that steps down
    bool back = false; // Switchover: the switch back to the original primary
    QString role; // Upgrade: the role the node has while it is upgraded ("primary" / "standby" /
                  // "cascade_standby")
    QString text() const; // translated, one line: "node2 (standby) is upgraded"
};

// What a mode means for a cluster, read from the plan the planners build (not re-derived): the expected
// downtime made concrete (how many switchovers, how many steps the cluster is down for) and the order in
// which nodes are touched. Pure: touches no node.
struct ModeSummary
{
    bool ok = false;
    QString error; // why no plan could be built (translated), when !ok
    UpgradeMode mode = UpgradeMode::Offline;
    QString primary; // the primary the plan starts from
    QString finalPrimary; // the primary when the plan ends
    QStringList nodes; // every node, in profile order
    int steps = 0; // steps in the plan
    int switchovers = 0;
    int stopSteps = 0; // stop-db / stop-cluster steps
    int startSteps = 0; // start-db / start-cluster steps
    int downSteps = 0; // offline: steps from the first stop to the last start, both included
    QList<ModePhase> phases;

    QString downtimeText() const; // translated, concrete
    QString orderText() const; // translated, "1. ...; 2. ..." (the drawing's accessible text)

    static ModeSummary build(const ClusterProfile& profile, const PlannerOptions& options);
    // The same from a plan already built (profile: for the node list and roles).
    static ModeSummary fromPlan(const ClusterProfile& profile, const Plan& plan, const QString& primary);
};

} // namespace MogUp
