#include "SandboxProfile.h"

#include "Profile.h"

namespace Sim {

bool writeSandboxProfile(const SandboxConfig& config, QString* error, const SandboxSshAccess* ssh)
{
    MogUp::ClusterProfile p;
    p.name = QStringLiteral("sandbox");
    p.transport = MogUp::Transport::Local;
    p.installMethod = config.install == QStringLiteral("manual") ? MogUp::InstallMethod::Manual
                                                                 : MogUp::InstallMethod::Om;
    p.mogha = config.mogha;
    p.dbUser = config.dbUser;
    p.package.file = config.root + QStringLiteral("/packages/MogDB-2.0.3-CentOS-x86_64.tar.gz");
    p.package.onNodes = true;
    p.sandbox = config.root;
    // The stand-in MogHA restarts a stopped database within about 2 s (1 s heartbeat), so 3 s of
    // "still stopped" proves nobody brings it back, without slowing the demo down.
    p.stopSettleSeconds = 3;
    if (ssh) {
        p.transport = MogUp::Transport::Ssh;
        // The package sits on "this machine" (DIR/packages): MogUp uploads it to every node over SFTP,
        // as it would for a real cluster.
        p.package.onNodes = false;
        p.hostKeyPolicy = QStringLiteral("strict");
        p.knownHosts = ssh->knownHosts;
    }
    for (const SandboxNode& sn : config.nodes) {
        MogUp::NodeProfile n;
        n.name = sn.name;
        n.host = sn.host;
        n.sshPort = ssh ? ssh->port : 22;
        n.sshUser = ssh && !ssh->user.isEmpty() ? ssh->user : config.dbUser;
        n.auth = ssh ? QStringLiteral("key") : QStringLiteral("agent");
        n.keyFile = ssh ? ssh->identity : QString();
        n.gausshome = sn.gausshome;
        n.pgdata = sn.pgdata;
        n.dbPort = sn.dbPort;
        n.envFile = sn.root + QStringLiteral("/home/.bashrc");
        // All nodes share one machine here, so each needs its own unpack directory.
        n.unpackDir = sn.root + QStringLiteral("/mogdb203");
        n.role = sn.initialRole == QStringLiteral("primary") ? MogUp::NodeRole::Primary : MogUp::NodeRole::Standby;
        p.nodes.append(n);
    }
    const QList<MogUp::ProfileError> errors = p.validate();
    if (!errors.isEmpty()) {
        *error = errors.first().toString();
        return false;
    }
    return p.save(config.root + QStringLiteral("/profile.json"), error);
}

} // namespace Sim
