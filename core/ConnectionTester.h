#pragma once

#include "Executor.h"
#include "Profile.h"
#include "SshTypes.h"

#include <QList>
#include <QString>

#include <memory>

namespace MogUp {

// The outcome of one stage of a node's connection test.
enum class ConnectionStageResult
{
    Ok, // passed
    Local, // not applicable: transport local, the commands run on this machine
    Failed, // failed (see the text)
    NotTried // an earlier stage failed, so this one was not attempted
};

// What "Test connections" found for one node. Every text is translated and names nothing secret.
struct ConnectionCheck
{
    QString node;
    QString address; // host:ssh_port (ssh) or "this machine" (local)

    ConnectionStageResult reachable = ConnectionStageResult::NotTried;
    QString reachableText; // "answered in 3 ms", "refused the connection ..."

    // How the host key check ended: known, asked and accepted, trusted on first use, refused by the
    // operator or the strict policy, or CHANGED (always refused).
    enum class HostKey
    {
        NotChecked,
        Local,
        Known,
        AskedAccepted,
        AcceptedNew,
        Refused,
        Changed,
        Revoked,
        Failed
    };
    HostKey hostKey = HostKey::NotChecked;
    ConnectionStageResult hostKeyOutcome = ConnectionStageResult::NotTried;
    QString hostKeyText; // short: "known", "accepted by you", "refused", "CHANGED: refused"
    QString fingerprint; // "SHA256:..." as the server presented it (empty when not reached)
    QString keyType;

    ConnectionStageResult login = ConnectionStageResult::NotTried;
    QString loginText; // "logged in as root (publickey (/k))" or the login error

    ConnectionStageResult probe = ConnectionStageResult::NotTried;
    QString version; // e.g. "2.0.1" (running server's, else installed binaries')
    QString role; // primary | standby | unknown
    QString state; // Normal, Stopped, ...
    QString probeText; // NodeStatus::summary() or why the node could not be read

    QString detail; // the full message of the first failure (names the node and the fix)

    bool ok() const; // reached, logged in and read
};

// "Test connections": checks every node of a profile in parallel and reports per node: reachable (TCP on
// the SSH port), host key, login, and the MogDB version and role read from the node. Blocking (like
// Prechecks): call it from a worker thread. Unknown host keys and secrets are asked through `interaction`
// (under host_key_policy "ask"); a changed host key is always refused.
class ConnectionTester
{
public:
    ConnectionTester(const ClusterProfile& profile, std::shared_ptr<SshInteraction> interaction);
    QList<ConnectionCheck> run(const CancelToken& cancel) const;

    // Display names of the outcomes (translated).
    static QString outcomeName(ConnectionStageResult outcome);

private:
    QList<ConnectionCheck> runLocal(const CancelToken& cancel) const;
    QList<ConnectionCheck> runSsh(const CancelToken& cancel) const;

    ClusterProfile m_profile;
    std::shared_ptr<SshInteraction> m_interaction;
};

} // namespace MogUp
