#pragma once

#include "SshTypes.h"

#include <memory>

class QWidget;

namespace MogUp {

// The wizard's answers to SSH questions: an unknown host key (policy "ask") and passwords, passphrases and
// sudo passwords, each in a dialog on the GUI thread (through MessageBox, so tests answer in advance).
// Called from worker threads: the worker waits until the GUI thread has answered; called on the GUI thread,
// it asks directly. One dialog at a time, whatever the number of nodes asking.
// Secrets are kept in memory only, per node + kind + user, while the wizard lives, so the pre-checks, the
// run and the verification do not ask again; a wrong one (retry) is dropped and asked again; all are
// overwritten when this object goes. Host-key answers are not kept: an accepted key is in known_hosts
// from then on, and a refused one is asked again next time (the operator may have checked it meanwhile).
class GuiSshInteraction : public SshInteraction
{
public:
    // Create on the GUI thread; dialogs are parented to `dialogParent` (may be null).
    explicit GuiSshInteraction(QWidget* dialogParent);
    ~GuiSshInteraction() override;
    GuiSshInteraction(const GuiSshInteraction&) = delete;
    GuiSshInteraction& operator=(const GuiSshInteraction&) = delete;

    std::optional<QString> secret(const SecretRequest& request) override;
    bool acceptHostKey(const HostKeyInfo& key) override;

    // From now on every question is answered "no" at once, and workers waiting for an answer are released
    // with "no". For the wizard's teardown: pages wait for their workers, which must not wait for a dialog.
    void shutDown();
    // Overwrites and drops every secret kept.
    void forgetSecrets();
    // How many secrets are kept (tests: the cache works, without reading any of them).
    int keptSecrets() const;

    // The dialogs' texts (translated); they never contain a secret.
    static QString hostKeyTitle(const HostKeyInfo& key);
    static QString hostKeyText(const HostKeyInfo& key);
    static QString secretTitle(const SecretRequest& request);
    static QString secretText(const SecretRequest& request);

    struct Shared; // what queued questions share with this object (they may outlive it)

private:
    std::shared_ptr<Shared> m_shared;
};

} // namespace MogUp
