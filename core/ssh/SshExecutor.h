#pragma once

#include "Executor.h"
#include "Profile.h"
#include "SshTypes.h"

#include <QList>
#include <QString>

#include <memory>

namespace MogUp {

struct SshOptions
{
    QString knownHostsFile;                 // default ~/.ssh/known_hosts
    HostKeyPolicy policy = HostKeyPolicy::Strict;
    int connectTimeoutMs = 10000;           // TCP connect + handshake + login
    int keepaliveIntervalSeconds = 5;       // a dead peer is noticed within interval * (countMax + 1)
    int keepaliveCountMax = 2;
    qsizetype sftpWindowBytes = 0;          // bytes per SFTP write call = bytes in flight; 0: kSftpWindow (SftpUpload.h)
};

// The result of opening one node's session.
struct SshConnectResult
{
    QString node;
    bool ok = false;
    QString error;          // translated, names the node; never contains a secret
    HostKeyInfo hostKey;    // what the server presented
    // How the host key check ended (the connection tester shows it per node). NotChecked: the connection
    // failed before the server showed a key (TCP, handshake).
    enum class HostKeyCheck { NotChecked, Known, Accepted, AcceptedNew, NotAccepted, Unknown, Changed, Revoked, NotRecorded };
    HostKeyCheck hostKeyCheck = HostKeyCheck::NotChecked;
    QString authMethod;     // "publickey (agent)", "publickey (/path/key)", "password", "keyboard-interactive"
};

class SshSessionPool; // one libssh2 session per node, reused for every command

// Runs commands on nodes over SSH (libssh2), behind the same interface as LocalExecutor:
// one session per node (opened on first use, or all at once in parallel with connectAll), a channel
// per command, stdout and stderr streamed separately line by line, exit status or signal, timeouts,
// cancel (closes the channel and ends the command on the node), keepalive, reconnect on the next
// command after the peer vanished.
class SshExecutor : public Executor
{
public:
    SshExecutor(const ClusterProfile& profile, SshOptions options, std::shared_ptr<SshInteraction> interaction);
    ~SshExecutor() override;

    ExecResult run(const NodeProfile& node, const QString& command, int timeoutMs, const CancelToken& cancel,
        const LineSink& sink) override;

    // SFTP over the node's session (its lock held, so the node's commands wait; other nodes go on in
    // parallel). Many writes in flight (see SftpUpload.h), progress at most every 100 ms, cancel.
    TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress) override;

    // Opens (or checks) the session of every node in parallel.
    QList<SshConnectResult> connectAll(const CancelToken& cancel);
    // Closes every session (also done by the destructor).
    void disconnectAll();

private:
    std::unique_ptr<SshSessionPool> m_pool;
};

} // namespace MogUp
