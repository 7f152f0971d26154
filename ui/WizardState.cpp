#include "WizardState.h"

#include "LocalExecutor.h"
#include "SshExecutor.h"
#include "Tr.h"

#include <QDir>
#include <QtConcurrent>

namespace MogUp {

namespace {

// Stand-in until the wizard has its password and host-key dialogs: nobody answers, so such logins fail
// with the executor's own clear message instead of hanging on a prompt nobody sees.
class NoAnswerInteraction : public SshInteraction
{
public:
    std::optional<QString> secret(const SecretRequest&) override { return std::nullopt; }
    bool acceptHostKey(const HostKeyInfo&) override { return false; }
};

} // namespace

std::shared_ptr<Executor> makeExecutor(const ClusterProfile& profile)
{
    if (profile.transport == Transport::Local)
        return std::make_shared<LocalExecutor>(profile);
    SshOptions options;
    options.knownHostsFile = profile.knownHosts.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                                          : profile.knownHosts;
    if (profile.hostKeyPolicy == QStringLiteral("ask"))
        options.policy = HostKeyPolicy::Ask;
    else if (profile.hostKeyPolicy == QStringLiteral("accept-new"))
        options.policy = HostKeyPolicy::AcceptNew;
    else
        options.policy = HostKeyPolicy::Strict;
    return std::make_shared<SshExecutor>(profile, options, std::make_shared<NoAnswerInteraction>());
}

QFuture<QList<NodeStatus>> probeClusterAsync(const ClusterProfile& profile)
{
    // The profile is copied into the task: the probe keeps a reference to it while it runs.
    return QtConcurrent::run([profile]() {
        std::shared_ptr<Executor> executor = makeExecutor(profile);
        CancelToken cancel;
        return ClusterStatusProbe(*executor, profile).probeAll(cancel);
    });
}

QFuture<PrecheckReport> precheckAsync(const ClusterProfile& profile, const QString& fromVersion)
{
    return QtConcurrent::run([profile, fromVersion]() {
        std::shared_ptr<Executor> executor = makeExecutor(profile);
        CancelToken cancel;
        return Prechecks(*executor, profile, fromVersion).run(cancel);
    });
}

} // namespace MogUp
