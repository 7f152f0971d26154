#pragma once

#include "SimLayout.h"

#include <QString>

#include <functional>

namespace Sim {

struct SandboxOptions
{
    QString dir;                       // created if missing; must be empty or an old sandbox
    int nodes = 3;                     // node1 primary, node2..nodeN standbys
    QString install = QStringLiteral("om"); // "om" | "manual"
    bool mogha = true;
    double speed = 60.0;               // time-speed factor for the walsender leak
    // Hosts: "local" puts every node on 127.0.0.1; "ssh" puts node N on 127.0.0.N (issue 3).
    QString transport = QStringLiteral("local");
    // Where mogdb-sim-2.0.1 and mogdb-sim-2.0.3 are. Empty: $MOGUP_SIM_BIN_DIR, else the directory
    // of the running program.
    QString simBinDir;
};

// Builds a running sandbox cluster (see SANDBOX.md) and stops one. Touches nothing outside the directory.
class SandboxBuilder
{
public:
    using Progress = std::function<void(const QString&)>;
    // Builds the tree, the 2.0.3 package, starts every database (primary first, waits until every
    // standby streams) and MogHA when asked. On failure stops whatever it started.
    static bool init(const SandboxOptions& options, SandboxConfig* out, QString* error,
        const Progress& progress = {});
    // Ends every process of the sandbox (MogHA first, then databases): by pid files, then by
    // scanning /proc for processes whose executable or working directory lies inside DIR.
    static bool stop(const QString& dir, QString* error);
    // Pids of processes that still belong to the sandbox (by /proc scan), for tests.
    static QList<qint64> sandboxProcesses(const QString& dir);
};

} // namespace Sim
