#include "ExecutorForProfile.h"

#include "LocalExecutor.h"

#include <QDir>

namespace MogUp {

SshOptions sshOptionsFor(const ClusterProfile& profile)
{
    SshOptions options;
    options.knownHostsFile = profile.knownHosts.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                                          : profile.knownHosts;
    if (profile.hostKeyPolicy == QStringLiteral("ask"))
        options.policy = HostKeyPolicy::Ask;
    else if (profile.hostKeyPolicy == QStringLiteral("accept-new"))
        options.policy = HostKeyPolicy::AcceptNew;
    else
        options.policy = HostKeyPolicy::Strict;
    return options;
}

std::shared_ptr<Executor> executorForProfile(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction)
{
    if (profile.transport == Transport::Local)
        return std::make_shared<LocalExecutor>(profile);
    return std::make_shared<SshExecutor>(profile, sshOptionsFor(profile), std::move(interaction));
}

} // namespace MogUp
