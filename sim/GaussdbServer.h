#pragma once

#include <QList>
#include <QMap>
#include <QString>

// Helpers shared by the simulated server (GaussdbServer.cpp) and gs_ctl / gsql.
namespace Sim {

// Reads postgresql.conf: key -> value (single quotes removed, comments dropped, later lines win).
QMap<QString, QString> readPostgresConf(const QString& path);

struct ReplConnInfo
{
    QString localhost;
    int localport = 0;
    QString remotehost;
    int remoteport = 0;
};
// replconninfo1..N in order (static_connections = count).
QList<ReplConnInfo> replConnInfos(const QMap<QString, QString>& conf);

// PGDATA/postmaster.pid (PG 9.2 layout: pid, datadir, start time, port, socket dir, listen address,
// shmem key).
struct PidFileInfo
{
    qint64 pid = 0;
    QString datadir;
    qint64 startTime = 0;
    int port = 0;
    QString listenAddress;
};
bool readPidFile(const QString& pgdata, PidFileInfo* out);

// PGDATA/gaussdb.state, written by the server on every role/state change and at shutdown:
//   role=primary|standby|cascade_standby|pending   (the -M value to restart it with)
//   local_role=Primary|Standby|Cascade Standby|Pending|Normal
//   db_state=Normal|Need repair|...
//   detail_information=Normal|Disconnected|...
//   lsn=0/14000258
struct StateFileInfo
{
    QString role;
    QString localRole;
    QString dbState;
    QString detail;
    QString lsn;
};
bool readStateFile(const QString& pgdata, StateFileInfo* out);

// processAlive(pid) and the process is a simulated server (its executable is named gaussdb, mogdb or
// mogdb-sim-*), so a stale postmaster.pid whose pid was reused does not count as a running server.
bool postmasterAlive(qint64 pid);

// "primary" -> "Primary", "cascade_standby" -> "Cascade Standby", ...
QString roleDisplayName(const QString& mode);

// The address a client uses for a listen_addresses value ('*', '0.0.0.0', 'localhost' -> 127.0.0.1).
QString connectAddressFor(const QString& listenAddresses);

} // namespace Sim
