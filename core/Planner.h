#pragma once

#include "Plan.h"
#include "Profile.h"

#include <QString>

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
