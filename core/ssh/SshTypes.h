#pragma once

#include <QString>

#include <optional>

namespace MogUp {

// What to do with a host key that known_hosts does not hold yet. A CHANGED key is always refused.
enum class HostKeyPolicy { Strict, Ask, AcceptNew };
QString hostKeyPolicyName(HostKeyPolicy p); // "strict" | "ask" | "accept-new"

// A host key as `ssh` shows it.
struct HostKeyInfo
{
    QString node;
    QString host;
    int port = 22;
    QString keyType;          // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint;      // "SHA256:..." exactly as ssh-keygen -lf prints it
    QString knownHostsFile;   // where the answer is written / where the old key is
    int knownHostsLine = 0;   // for a changed key: the line that holds the old one
};

// A secret MogUp needs to log in or to switch user. Secrets are held only in memory and never reach a
// log, the journal, a profile, a command line or an error message.
struct SecretRequest
{
    enum class Kind { Password, KeyPassphrase, KeyboardInteractive, SudoPassword };
    Kind kind = Kind::Password;
    QString node;
    QString user;
    QString host;
    QString prompt;    // server's prompt for keyboard-interactive; the key file for passphrases
    bool retry = false; // the previous answer was wrong
};

// Whoever can answer questions while MogUp connects: the wizard (dialogs) or the CLI (terminal
// without echo, or environment variables). Called from worker threads; each call blocks until
// answered. Implementations must be thread-safe.
class SshInteraction
{
public:
    virtual ~SshInteraction() = default;
    // nullopt: the user refused or nobody can answer (the login then fails with a clear message).
    virtual std::optional<QString> secret(const SecretRequest& request) = 0;
    // Only under HostKeyPolicy::Ask for an unknown host. true = trust it (it is then written to known_hosts).
    virtual bool acceptHostKey(const HostKeyInfo& key) = 0;
};

} // namespace MogUp
