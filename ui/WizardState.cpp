#include "WizardState.h"

#include "ExecutorForProfile.h"
#include "Tr.h"

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
    return executorForProfile(profile, std::make_shared<NoAnswerInteraction>());
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
