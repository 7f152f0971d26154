#include "UpgradeVerifier.h"

#include "ClusterDiscovery.h"
#include "Tr.h"

namespace MogUp {

ClusterReading UpgradeVerifier::read(Executor& executor, const ClusterProfile& profile, const CancelToken& cancel)
{
    ClusterReading reading;
    reading.nodes = ClusterStatusProbe(executor, profile).probeAll(cancel);
    if (profile.installMethod != InstallMethod::Om || profile.nodes.isEmpty())
        return reading;
    // The OM's own view, asked where the cluster is run from: the primary (else the first node).
    const NodeProfile* from = &profile.nodes.first();
    for (const NodeStatus& n : std::as_const(reading.nodes)) {
        if (n.role == QStringLiteral("primary") && profile.node(n.name))
            from = profile.node(n.name);
    }
    const DiscoveryResult om = ClusterDiscovery(executor, profile).discover(*from, cancel);
    reading.clusterStateFrom = from->name;
    if (om.ok)
        reading.clusterState = om.clusterState;
    else
        reading.clusterStateError = om.error;
    return reading;
}

QStringList UpgradeVerifier::problems(const ClusterReading& reading, const QString& toVersion)
{
    QStringList problems;
    if (reading.nodes.isEmpty())
        problems << Tr::tr("No node could be read.");
    int primaries = 0;
    for (const NodeStatus& n : reading.nodes) {
        if (n.role == QStringLiteral("primary"))
            ++primaries;
        if (n.version != toVersion)
            problems << Tr::tr("%1 runs %2, not %3.").arg(n.name, n.version.isEmpty() ? Tr::tr("an unknown version") : n.version, toVersion);
        if (!n.running || n.state != QStringLiteral("Normal"))
            problems << Tr::tr("%1 is %2.").arg(n.name, n.running ? n.state : Tr::tr("not running"));
    }
    if (!reading.nodes.isEmpty() && primaries != 1)
        problems << Tr::tr("The cluster has %1 primaries instead of one.").arg(primaries);
    if (!reading.clusterStateError.isEmpty())
        problems << Tr::tr("The cluster state could not be read from gs_om: %1").arg(reading.clusterStateError);
    else if (!reading.clusterState.isEmpty() && reading.clusterState != QStringLiteral("Normal"))
        problems << Tr::tr("gs_om reports the cluster as %1, not Normal.").arg(reading.clusterState);
    return problems;
}

QString UpgradeVerifier::verifiedSummary(const ClusterReading& reading, const QString& toVersion)
{
    return Tr::tr("Verified: every node runs MogDB %1 in state Normal, with one primary and %n standby(s).", nullptr,
        int(reading.nodes.size()) - 1)
        .arg(toVersion);
}

} // namespace MogUp
