#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The OM binary configuration files of the sandbox (mogdb-tools.md §3.4, §3.5):
//  - bin/cluster_static_config: 28-byte header `=IIIqiI` (crc, length, version 201, time, nodeNum,
//    localNodeId), then one node record per 8192-byte page (here a zero-padded JSON object).
//  - bin/cluster_dynamic_config (written by `gs_om -t refreshconf`): 24-byte header `=IIIqI`
//    (crc, length 24, version 301, time, nodeCount), then one page per node (JSON, zero-padded).
// Shared by gs_om (tool) and the SandboxBuilder (library); does not depend on SimVersion.h.
namespace Sim {

struct StaticNodeRecord
{
    int id = 0;             // 1, 2, ...
    QString name;           // node1 ...
    QString ip;
    int port = 0;
    int instanceId = 0;     // 6001 ...
    QString datadir;
    QString gausshome;
    QChar installRole;      // P | S | C
    QString clusterName;
};

struct DynamicNodeRecord
{
    int id = 0;
    QString name;
    int instanceId = 0;
    QString role;           // primary | standby | cascade_standby (gs_ctl -M values)
    QString datadir;
};

quint32 crc32(const QByteArray& data);

bool writeStaticConfig(const QString& path, const QList<StaticNodeRecord>& nodes, int localNodeId, QString* error);
bool readStaticConfig(const QString& path, QList<StaticNodeRecord>* nodes, int* localNodeId, QString* error);

bool writeDynamicConfig(const QString& path, const QList<DynamicNodeRecord>& nodes, QString* error);
bool readDynamicConfig(const QString& path, QList<DynamicNodeRecord>* nodes, QString* error);

// "P" -> primary, "S" -> standby, "C" -> cascade_standby.
QString modeForInstallRole(QChar role);

} // namespace Sim
