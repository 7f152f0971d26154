#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace MogUp {

// What the node's environment looks like to the database user (NodeCommands::environmentProbe), so a
// problem is named by what was actually seen (env file missing, tool not found, permission denied)
// instead of being taken for a stopped database.
struct NodeEnvironment
{
    bool read = false;          // the probe ran and printed its lines
    QString envFile;            // ok | missing | unreadable | none
    QString gausshome;          // ok | missing
    QString gsCtl;              // ok | missing | not-executable
    QString pgdata;             // ok | missing | unreadable
    QString gsOmPath;           // where `gs_om` resolves on the env file's PATH; empty = not found
    QStringList leftovers;      // backup names (bin_201, lib_201) already present in GAUSSHOME
    static NodeEnvironment parse(const QString& stdoutText);
};

// What one node is, read live.
struct NodeStatus
{
    QString name;
    QString role = QStringLiteral("unknown");  // primary | standby | unknown
    QString state;             // gs_ctl db_state (Normal, Need repair, ...) or "Stopped" / "Unreachable"
    QString version;           // running server's version if running, else the installed binary's
    QString installedVersion;  // GAUSSHOME/bin/gaussdb -V
    bool running = false;
    bool backupPresent = false; // bin_201 / lib_201 kept next to bin/ and lib/
    NodeEnvironment environment;
    QString detail;            // what could not be read, if anything (translated)
    QString summary() const;   // one line for humans
    QJsonObject toJson() const; // {"name","role","state","version","running"}
};

// Reads the live state of every node through the executor (read-only commands only).
class ClusterStatusProbe
{
public:
    ClusterStatusProbe(Executor& executor, const ClusterProfile& profile, QString fromVersion = QStringLiteral("2.0.1"));
    NodeStatus probe(const NodeProfile& node, const CancelToken& cancel) const;
    QList<NodeStatus> probeAll(const CancelToken& cancel) const;
    static QJsonObject toJson(const QList<NodeStatus>& nodes);

private:
    Executor& m_executor;
    const ClusterProfile& m_profile;
    QString m_backupSuffix;
};

} // namespace MogUp
