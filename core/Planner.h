#pragma once

#include "Plan.h"
#include "Profile.h"

#include <QString>
#include <QUuid>

namespace MogUp {

struct PlannerOptions
{
    UpgradeMode mode = UpgradeMode::Offline;
    // Rolling only: after the old primary is upgraded, switch back so the original primary leads again.
    bool switchBack = true;
    QString fromVersion = QStringLiteral("2.0.1");
    // The node that is primary now. Empty: the profile node whose role is primary.
    QString primaryNode;
};

// Entry point: validates what the plan needs (a primary, at least one standby for rolling, a package
// name the planner understands) and dispatches to OfflinePlanner or RollingPlanner.
// Pure function of (profile, options): touches no node.
class Planner
{
public:
    static bool build(const ClusterProfile& profile, const PlannerOptions& options, Plan* out, QString* error);

    // "MogDB-2.0.3-CentOS-x86_64.tar.gz" -> version "2.0.3", inner "MogDB-2.0.3-CentOS-64bit.tar.bz2",
    // checksum "MogDB-2.0.3-CentOS-64bit.sha256". False (with a message naming package.file) otherwise.
    struct PackageNames
    {
        QString version;
        QString outer;      // file name of the outer tarball
        QString inner;      // the .tar.bz2 inside
        QString checksum;   // the .sha256 inside
    };
    static bool packageNames(const QString& packageFile, PackageNames* out, QString* error);

    // The package has to travel from this machine to the nodes: transport ssh and package.on_nodes false.
    static bool needsUpload(const ClusterProfile& profile);
    // Where the outer tarball is on a node: package.file itself, or, when it is uploaded, the node's
    // unpack_dir/<file name>.
    static QString packagePathOn(const ClusterProfile& profile, const NodeProfile& node);
};

// Builds single steps, shared by OfflinePlanner and RollingPlanner so both modes run the very same
// commands with the same checks, undos and timeouts. Assumes what Planner::build validates.
class PlanSteps
{
public:
    PlanSteps(const ClusterProfile& profile, const Planner::PackageNames& package, const QString& fromVersion);

    // gs_ctl start mode for a node that is not the primary: "standby" or "cascade_standby".
    static QString standbyMode(const NodeProfile& node);
    // "Primary" / "Standby" / "Cascade Standby" as gs_ctl query prints local_role, for a gs_ctl mode.
    static QString queryRole(const QString& mode);
    // The nodes other than primaryNode, in profile order.
    static QList<const NodeProfile*> standbys(const ClusterProfile& profile, const QString& primaryNode);
    static const NodeProfile* findNode(const ClusterProfile& profile, const QString& name);

    Step uploadPackage() const;
    Step unpack(const NodeProfile& node) const;
    Step stopMogha(const NodeProfile& node) const;
    Step startMogha(const NodeProfile& node) const;
    Step stopCluster(const NodeProfile& from) const;
    Step startCluster(const NodeProfile& from) const;
    // currentMode: how to start the node again on undo ("primary", "standby", "cascade_standby").
    Step stopDb(const NodeProfile& node, const QString& currentMode) const;
    Step startDb(const NodeProfile& node, const QString& mode) const;
    Step swapBin(const NodeProfile& node) const;
    Step swapLib(const NodeProfile& node) const;
    Step copyOmFiles(const NodeProfile& node) const;
    // What copy-om-files carries from the old bin/ into the new one: the name in bin/, whether it is a
    // directory, whether the OM cannot work without it (else: copied when present), and why (a
    // translatable source with %1 = the name).
    struct OmCarryOver
    {
        QString name;
        bool directory = false;
        bool required = false;
        QString noteSource;
    };
    static QList<OmCarryOver> omCarryOver();
    Step waitCatchup(const NodeProfile& node) const;
    // Runs on newPrimary; undone by a switchover on oldPrimary (plus refreshconf for om installs).
    Step switchover(const NodeProfile& newPrimary, const NodeProfile& oldPrimary, bool back) const;
    Step refreshConf(const NodeProfile& primary, bool back) const;
    Step verifyVersion(const NodeProfile& node) const;
    Step verifyCluster(const NodeProfile& primary) const;

    // A plan with mode, profile name, versions and (transport ssh) node hosts filled in, no steps.
    Plan newPlan(UpgradeMode mode) const;
    // MogHA stops on the standbys first and starts on the primary first, so no MogHA agent is ever left
    // watching a cluster whose primary agent has gone away (it could try to take over).
    QList<const NodeProfile*> moghaStopOrder(const QString& primaryNode) const;
    QList<const NodeProfile*> moghaStartOrder(const QString& primaryNode) const;

    // "201" for "2.0.1": the suffix of the bin/lib backups, as in the vendor procedure (bin_201).
    QString backupSuffix() const { return m_suffix; }
    // The id of the plan these steps belong to (Plan::id): new for every PlanSteps, so for every plan.
    QString planId() const { return m_planId; }

private:
    const ClusterProfile& m_profile;
    Planner::PackageNames m_package;
    QString m_fromVersion;
    QString m_suffix;
    // Set here rather than in the constructor: one plan, one id, whoever builds the plan.
    QString m_planId = QUuid::createUuid().toString(QUuid::WithoutBraces);
};

class OfflinePlanner
{
public:
    static Plan build(const ClusterProfile& profile, const PlannerOptions& options,
        const Planner::PackageNames& package, const QString& primaryNode);
};

class RollingPlanner
{
public:
    static Plan build(const ClusterProfile& profile, const PlannerOptions& options,
        const Planner::PackageNames& package, const QString& primaryNode);
};

} // namespace MogUp
