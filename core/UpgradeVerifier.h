#pragma once

#include "ClusterStatusProbe.h"
#include "Executor.h"
#include "Profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

// The cluster as read after (or before) an upgrade: every node's own state and, on OM installs, the OM's
// view of the whole cluster.
struct ClusterReading
{
    QList<NodeStatus> nodes;
    QString clusterState;      // gs_om -t status: Normal | Degraded | Unavailable; empty on manual installs
    QString clusterStateFrom;  // the node gs_om was asked on (the primary, else the first node)
    QString clusterStateError; // gs_om could not be read (translated, names the node)
};

// The one rule that says an upgrade succeeded, shared by the wizard's Verify page, mogup-cli upgrade and
// UpgradeSession (three copies of it used to disagree). Every node runs the target version, is running
// and Normal; exactly one primary; on OM installs gs_om reports the cluster Normal.
class UpgradeVerifier
{
public:
    // Blocking: reads every node through the executor (read-only). Call it from a worker thread.
    static ClusterReading read(Executor& executor, const ClusterProfile& profile, const CancelToken& cancel);
    // What keeps the reading from proving the upgrade, one translated sentence each; empty: verified.
    static QStringList problems(const ClusterReading& reading, const QString& toVersion);
    // The one-line verdict for a verified cluster.
    static QString verifiedSummary(const ClusterReading& reading, const QString& toVersion);
};

} // namespace MogUp
