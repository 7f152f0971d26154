#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace MogUp {

enum class Transport { Local, Ssh };
enum class InstallMethod { Om, Manual };
// The role a node is expected to have, as the operator wrote it (or as discovered live).
enum class NodeRole { Unspecified, Primary, Standby, CascadeStandby };

QString transportName(Transport t);            // "local" | "ssh"
QString installMethodName(InstallMethod m);    // "om" | "manual"
QString nodeRoleName(NodeRole r);              // "" | "primary" | "standby" | "cascade_standby"
QStringList nodeAuthValues();                  // the values of a node's "auth" (login method)
QStringList nodeBecomeValues();                // the values of a node's "become" (how to run as the db user)

struct NodeProfile
{
    QString name;
    QString host;
    int sshPort = 22;
    QString sshUser = QStringLiteral("root");
    QString auth = QStringLiteral("agent"); // agent | key | password | keyboard-interactive
    QString keyFile;
    QString gausshome;   // the app directory that holds bin/ and lib/
    QString pgdata;
    int dbPort = 26000;
    QString envFile;     // sourced before every database command; may be empty
    QString unpackDir;   // per-node override of ClusterProfile::unpackDir; empty = use the cluster's
    NodeRole role = NodeRole::Unspecified;
    // transport ssh: how commands switch from ssh_user to db_user (and to root for MogHA).
    // "auto": none when ssh_user is db_user, `su - db_user -c` when ssh_user is root, else `sudo -n`.
    // "su", "sudo" (sudo -n: NOPASSWD), "sudo-password" (password fed on stdin), "none".
    QString become = QStringLiteral("auto");
};

struct PackageProfile
{
    QString file;        // e.g. /path/MogDB-2.0.3-CentOS-x86_64.tar.gz
    bool onNodes = false;
};

// One problem found in a profile: which field, on which node, what is wrong and how to fix it.
struct ProfileError
{
    QString field;   // JSON path, e.g. "nodes[1].db_port"
    QString node;    // node name (or "#2" when the node has no valid name), empty for cluster-wide fields
    QString message; // what is wrong (translated)
    QString fix;     // what to do (translated)
    QString toString() const;
};

struct ClusterProfile
{
    QString name;
    Transport transport = Transport::Local;
    InstallMethod installMethod = InstallMethod::Om;
    bool mogha = false;
    QString dbUser = QStringLiteral("omm");
    PackageProfile package;
    QString unpackDir;
    QList<NodeProfile> nodes;
    // Seconds a stopped database must stay stopped before the stop counts as done (MogHA or a
    // watchdog could bring it back). Optional key "stop_settle_seconds".
    int stopSettleSeconds = 10;
    // A restarted standby counts as caught up when its receiver state is Normal, sync_percent is 100 %
    // and what it has replayed is at most this many bytes behind what the primary has sent. Under write
    // load the two locations are never equal at the instant of a sample, so an exact match would wait
    // forever. Default 16 MiB (one WAL segment). Optional key "catchup_max_lag_bytes".
    qint64 catchupMaxLagBytes = 16 * 1024 * 1024;
    // The sandbox directory built by `mogup-cli demo init` (its tools are put first on PATH).
    QString sandbox;
    // transport ssh: what to do with a host key known_hosts does not hold: "strict" (refuse),
    // "ask" (show the fingerprint and ask), "accept-new" (trust on first use). A changed key is always
    // refused. known_hosts: OpenSSH's file (default ~/.ssh/known_hosts).
    QString hostKeyPolicy = QStringLiteral("strict");
    QString knownHosts;

    QString unpackDirFor(const NodeProfile& node) const;
    const NodeProfile* node(const QString& name) const;
    const NodeProfile* primaryNode() const; // the node with role primary, or nullptr

    // Parses and validates. On any error returns false and fills errors (all of them, not just the first).
    static bool fromJson(const QJsonObject& json, ClusterProfile* out, QList<ProfileError>* errors);
    static bool load(const QString& path, ClusterProfile* out, QList<ProfileError>* errors);
    QJsonObject toJson() const;
    bool save(const QString& path, QString* error) const;
    // Runs the same validation on an in-memory profile (the wizard edits one).
    QList<ProfileError> validate() const;
};

} // namespace MogUp
