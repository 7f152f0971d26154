#pragma once

#include "Profile.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>

namespace MogUp {

enum class OutputStream { Stdout, Stderr };

struct OutputLine
{
    QString node;
    OutputStream stream = OutputStream::Stdout;
    QDateTime time;
    QString text;   // one line, without the line feed
};

struct ExecResult
{
    int exitCode = -1;
    bool started = false;     // false: the command could not be started at all (see error)
    bool timedOut = false;
    bool cancelled = false;
    int signal = 0;           // the signal that ended the command, 0 if it exited
    QString error;            // why it could not start / was ended (translated), empty on a normal exit
    bool ok() const { return started && !timedOut && !cancelled && signal == 0 && exitCode == 0; }
};

// Shared cancel flag: set from any thread; executors check it while they wait.
class CancelToken
{
public:
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }
    void reset() { m_cancelled.store(false); }

private:
    std::atomic<bool> m_cancelled { false };
};

using LineSink = std::function<void(const OutputLine&)>;

// Runs one shell command on one node, streaming stdout and stderr line by line as they come.
// Blocking: called from a worker thread (the runner's), never from the GUI thread.
// Implementations: LocalExecutor (transport local), SshExecutor (transport ssh, next issue).
class Executor
{
public:
    virtual ~Executor() = default;
    virtual ExecResult run(const NodeProfile& node, const QString& command, int timeoutMs,
        const CancelToken& cancel, const LineSink& sink) = 0;
};

} // namespace MogUp
