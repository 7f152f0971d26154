#pragma once

#include "SshTypes.h"

#include <QMutex>

namespace MogUp {

// Answers SSH questions for mogup-cli: secrets from the environment (MOGUP_SSH_PASSWORD,
// MOGUP_SSH_PASSPHRASE, MOGUP_SUDO_PASSWORD) or typed on the terminal without echo; unknown host keys
// (policy "ask") confirmed on the terminal. Without a terminal it refuses rather than guess.
// Called from the executor's worker threads, one question at a time.
class CliInteraction : public SshInteraction
{
public:
    std::optional<QString> secret(const SecretRequest& request) override;
    bool acceptHostKey(const HostKeyInfo& key) override;

private:
    QMutex m_mutex;
};

} // namespace MogUp
