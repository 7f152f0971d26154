#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QList>
#include <QString>

namespace MogUp {

// One node of the cluster as the OM describes it.
struct DiscoveredNode
{
    QString name; // gs_om's node name (the host name it was installed with)
    QString host; // node_ip
    QString pgdata; // the datanode's data directory
    int dbPort = 0; // 0: not known (see DiscoveryResult::portsDerived)
    NodeRole role = NodeRole::Unspecified;
    QString liveRole; // as gs_om printed it: Primary | Standby | Cascade | Down | Unknown ...
    QString state; // Normal | Manually stopped | Need repair(...) ...
};

struct DiscoveryResult
{
    bool ok = false;
    QString from; // the node that was asked
    QList<DiscoveredNode> nodes; // in gs_om's order
    int fromIndex = -1; // which of `nodes` is the node that was asked
    QString clusterState; // Normal | Degraded | Unavailable
    // OM 2.0.1 prints no port column: the other nodes' ports were read from the replication settings
    // (replconninfoN remoteport = port + 1) of the node that was asked, or copied from it.
    bool portsDerived = false;
    QString error; // translated; names the node and what to do
    QString notes; // translated; what was taken over from the node asked (to check)
};

// "Discover": from ONE reachable node, asks the OM (`gs_om -t status --detail`, as the database user)
// for every node of the cluster: name, address, data directory, database port when printed, live role.
// Blocking (runs commands through the executor): call it from a worker thread. Read-only.
class ClusterDiscovery
{
public:
    ClusterDiscovery(Executor& executor, const ClusterProfile& profile);
    DiscoveryResult discover(const NodeProfile& from, const CancelToken& cancel) const;

    // The profile's nodes for a discovery: the node asked keeps its row as the operator filled it in (only
    // its role is set from the live one); every other node takes its name, host, data directory, port and
    // role from the OM and the rest (SSH port, user, login, GAUSSHOME, env file, unpack dir) from the node
    // asked. Paths that sit beside the asked node's data directory move beside the other node's
    // (DIR/node1/app -> DIR/node2/app when the data directories are DIR/node1/data and DIR/node2/data).
    static QList<NodeProfile> toNodeProfiles(const DiscoveryResult& result, const NodeProfile& from);

private:
    Executor& m_executor;
    const ClusterProfile& m_profile;
};

} // namespace MogUp
