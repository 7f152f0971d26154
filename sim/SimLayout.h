#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The sandbox's on-disk contract, shared by every simulated tool and by the builder.
// See sim/SANDBOX.md for the full layout.
namespace Sim {

struct SandboxNode
{
    QString name;        // node1, node2, ...
    QString host;        // 127.0.0.1 (local transport) or 127.0.0.N (ssh transport)
    int dbPort = 0;      // client port; replication listens on dbPort + 1
    QString root;        // DIR/nodeN
    QString gausshome;   // DIR/nodeN/app
    QString pgdata;      // DIR/nodeN/data
    QString initialRole; // "primary" | "standby" (install-time role, the P/S letter of gs_om)
    int instanceId = 0;  // 6001, 6002, ...
};

struct SandboxConfig
{
    QString root;            // DIR (absolute)
    double speed = 1.0;      // time-speed factor for the walsender leak
    QString install;         // "om" | "manual"
    bool mogha = true;
    QString dbUser;
    QList<SandboxNode> nodes;

    const SandboxNode* node(const QString& name) const;
    const SandboxNode* nodeForPath(const QString& path) const; // the node whose root contains path
    const SandboxNode* nodeForHost(const QString& host) const; // unique host match only

    static bool load(const QString& root, SandboxConfig* out, QString* error);
    bool save(QString* error) const;  // writes root/sandbox.json
    QJsonObject toJson() const;
};

// The OM tool directory ($GPHOME) of a node on an OM install: DIR/nodeN/om, gs_om in its script/.
inline QString omToolDir(const SandboxNode& node) { return node.root + QStringLiteral("/om"); }

// Walks up from `path` (a file or directory) to the directory that holds sandbox.json.
// Falls back to $MOGUP_SANDBOX. Empty if not inside a sandbox.
QString findSandboxRoot(const QString& path);

// The sandbox of the running tool: from the executable's location, else $MOGUP_SANDBOX.
QString sandboxRootOfThisProgram();

// The node the running tool acts for: $MOGUP_SIM_NODE, else the server address of
// $SSH_CONNECTION matched against node hosts, else the node whose directory holds the executable,
// else the node whose directory holds `hintPath` (e.g. the -D PGDATA argument). Empty if unknown.
QString currentNodeName(const SandboxConfig& config, const QString& hintPath = QString());

// Absolute path of the running executable (readlink /proc/self/exe resolves symlinks, so this
// uses argv[0] resolution that keeps the name it was called by).
QString programPath(const char* argv0);

// Milliseconds since the epoch (for pid files and logs).
qint64 nowMs();

// Starts `program args` fully detached: new session, stdin from /dev/null, stdout and stderr
// appended to `logFile`, no inherited descriptors. Returns the pid, or -1 (error filled).
qint64 spawnDetached(const QString& program, const QStringList& args, const QString& logFile,
    const QString& workDir, QString* error);

// True if a process with this pid exists and is not a zombie.
bool processAlive(qint64 pid);

} // namespace Sim

namespace Sim {
// main() records the path the program was called by (symlink name kept), for node identity.
void setProgramPath(const QString& path);
}
