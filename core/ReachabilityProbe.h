#pragma once

#include "Profile.h"

#include <QList>
#include <QString>

namespace MogUp {

struct Reachability
{
    QString node;
    QString host;
    int port = 0;
    QString what;     // "SSH" or "database"
    bool ok = false;
    int ms = 0;       // how long the answer took
    QString message;  // translated, e.g. "node2: 10.0.0.13:22 did not answer within 3 s"
};

// A quick TCP check of each node's SSH port and database port before any login, so that a typo in a
// host name reads as "node2: 10.0.0.13:22 did not answer within 3 s" rather than a libssh2 error code.
// Blocking; all checks run in parallel. Call it from a worker thread (never the GUI thread).
class ReachabilityProbe
{
public:
    static QList<Reachability> check(const ClusterProfile& profile, int timeoutMs = 3000, bool includeDatabase = true);
    static Reachability checkOne(const QString& node, const QString& host, int port, const QString& what, int timeoutMs);
};

} // namespace MogUp
