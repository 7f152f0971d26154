#pragma once

#include <QChar>
#include <QList>
#include <QString>

namespace MogUp {

struct GsOmNodeStatus
{
    int nodeId = 0;
    QString nodeName;
    QString nodeIp;
    int port = 0;            // 0 in the OM 2.0.1 layout (no port column)
    int instanceId = 0;      // 6001, 6002 ...
    QString dataDir;
    QChar installRole;       // P | S | C | R: the role at install time (does not follow switchovers)
    QString role;            // current role as gs_om prints it: Primary | Standby | Cascade | Secondary | Down | Unknown ...
    QString state;           // Normal | Manually stopped | Need repair(...) | Unknown ...
};

struct GsOmStatus
{
    QString clusterName;     // plain `gs_om -t status` (OM 2.0.1 code) only
    QString clusterState;    // Normal | Degraded | Unavailable
    QString redistributing;  // No
    QString currentAz;       // AZ_ALL
    QList<GsOmNodeStatus> nodes;
    bool detail = false;     // true for the --detail layouts ("[   Cluster State   ]")
    bool perLineLayout = false; // true for the OM 2.0.3+ layout (one datanode per line, port column)
};

// Parses `gs_om -t status --detail` in both layouts: OM 2.0.1 (all datanodes on one line separated
// by " | ") and OM 2.0.3+ (one datanode per line, with a port column). Reference: mogdb-tools.md §3.3.
class GsOmStatusParser
{
public:
    static bool parse(const QString& output, GsOmStatus* out, QString* error);
};

} // namespace MogUp
