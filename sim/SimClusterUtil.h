#pragma once

#include "SimLayout.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Helpers shared by the cluster-side sim tools (gs_om, systemctl, mogha) and the SandboxBuilder.
namespace Sim {

struct ToolRun
{
    bool started = false;
    bool finished = false; // false: timed out (killed) or failed to start
    int exitCode = -1;
    QString output;        // stdout and stderr merged (as subprocess.getstatusoutput does)
};

// The environment a command "on" `node` gets (the way LocalExecutor runs it after sourcing the
// node's env file): DIR/bin first on PATH, GAUSSHOME/bin, PGDATA, GAUSSLOG, MOGUP_SIM_NODE.
QProcessEnvironment nodeEnvironment(const SandboxConfig& config, const SandboxNode& node,
    const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment());

// Runs a program to completion; output merged. If outputFile is set, output is appended there
// instead of being captured (for commands that start background servers).
ToolRun runTool(const QString& program, const QStringList& args, const QProcessEnvironment& env,
    int timeoutMs, const QString& outputFile = QString());

// Reads the first line of PGDATA/postmaster.pid; 0 if missing.
qint64 postmasterPid(const QString& pgdata);
// True if postmaster.pid names a live process.
bool databaseRunning(const QString& pgdata);

// Scrapes `gs_ctl query` the way the OM does (re.findall(r'local_role\s*:\s*(\w+)') ...).
QString firstMatch(const QString& text, const QString& pattern);

// Writes `text` to stdout / stderr (local 8-bit) and flushes.
void writeStdout(const QString& text);
void writeStderr(const QString& text);

} // namespace Sim
