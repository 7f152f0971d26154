#pragma once

#include "Executor.h"
#include "Profile.h"
#include "SshExecutor.h"
#include "SshTypes.h"

#include <memory>

namespace MogUp {

// The SSH options a profile asks for: its known_hosts (default ~/.ssh/known_hosts) and host-key policy.
SshOptions sshOptionsFor(const ClusterProfile& profile);

// The executor for the profile's transport: LocalExecutor for "local", SshExecutor for "ssh" with
// `interaction` answering secrets and unknown host keys (the CLI's terminal, the wizard's dialogs).
std::shared_ptr<Executor> executorForProfile(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction);

} // namespace MogUp
