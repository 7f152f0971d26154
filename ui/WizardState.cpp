#include "WizardState.h"

#include "ExecutorForProfile.h"
#include "Tr.h"

#include <QtConcurrent>

namespace MogUp {

namespace {

// Nobody to ask (no wizard around): such logins fail with the executor's own clear message instead of
// hanging on a prompt nobody sees.
class NoAnswerInteraction : public SshInteraction
{
public:
    std::optional<QString> secret(const SecretRequest&) override { return std::nullopt; }
    bool acceptHostKey(const HostKeyInfo&) override { return false; }
};

} // namespace

std::shared_ptr<Executor> makeExecutor(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction)
{
    if (!interaction)
        interaction = std::make_shared<NoAnswerInteraction>();
    return executorForProfile(profile, std::move(interaction));
}

QFuture<PrecheckReport> precheckAsync(const ClusterProfile& profile, const PlannerOptions& options,
    std::shared_ptr<SshInteraction> interaction)
{
    return QtConcurrent::run([profile, options, interaction]() {
        std::shared_ptr<Executor> executor = makeExecutor(profile, interaction);
        CancelToken cancel;
        Prechecks prechecks(*executor, profile, options.fromVersion);
        prechecks.setMode(options.mode);
        return prechecks.run(cancel);
    });
}

} // namespace MogUp
