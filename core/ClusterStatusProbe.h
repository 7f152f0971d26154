#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace MogUp {

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
