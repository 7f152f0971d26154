#pragma once

#include "Executor.h"
#include "Profile.h"

namespace MogUp {

// Runs commands on this machine (transport "local", used by the sandbox) with `bash -c`, in a new
// session so that a timeout or cancel ends the whole process group, not just the shell.
// For a sandbox profile it puts DIR/bin first on PATH (the sandbox's systemctl and fault-injecting
// shims) and tells the simulated tools which node they act for ($MOGUP_SIM_NODE).
class LocalExecutor : public Executor
{
public:
    explicit LocalExecutor(const ClusterProfile& profile);
    ExecResult run(const NodeProfile& node, const QString& command, int timeoutMs, const CancelToken& cancel,
        const LineSink& sink) override;
    // A plain file copy on this machine (the nodes of a local profile live here).
    TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath, qint64 offset,
        const CancelToken& cancel, const ProgressSink& progress) override;

private:
    QString m_sandbox;
};

} // namespace MogUp
