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

// Bytes of a file on their way to one node.
struct TransferProgress
{
    QString node;
    qint64 done = 0;          // bytes now on the node (including a resumed prefix)
    qint64 total = 0;
    double bytesPerSecond = 0; // over this transfer, not counting the resumed prefix
    int secondsLeft = -1;      // -1 while unknown
};
using ProgressSink = std::function<void(const TransferProgress&)>;

struct TransferResult
{
    bool ok = false;
    bool cancelled = false;
    qint64 bytesSent = 0;
    QString error; // translated, names the node; empty on success
};

// Runs one shell command on one node, streaming stdout and stderr line by line as they come.
// Blocking: called from a worker thread (the runner's), never from the GUI thread.
// Implementations: LocalExecutor (transport local), SshExecutor (transport ssh, next issue).
class Executor
{
public:
    virtual ~Executor() = default;
    virtual ExecResult run(const NodeProfile& node, const QString& command, int timeoutMs,
        const CancelToken& cancel, const LineSink& sink) = 0;

    // Writes localPath[offset..] to remotePath on the node, starting at `offset` (0 = a new file,
    // truncating; > 0 = resume a partial file of exactly that size). Safe to call for different nodes
    // from several threads at once. Checksums and skip/resume decisions are the caller's
    // (PackageDistributor), so every transport behaves the same.
    virtual TransferResult upload(const NodeProfile& node, const QString& localPath, const QString& remotePath,
        qint64 offset, const CancelToken& cancel, const ProgressSink& progress);
};

// What a read-only command printed, kept apart by stream. The one rule for reading a node: parse `out`
// (stdout) only; `err` (stderr) is for the log and for messages. Real tools print warnings on stderr
// and go on (gsql's libpq mismatch warning, libpq WARNING notices, sudo's "unable to resolve host",
// bash's setlocale warning), so a parser fed both streams would misread a healthy node.
struct CapturedRun
{
    ExecResult exec;
    QString out;   // stdout, each line ending in '\n'
    QString err;   // stderr, each line ending in '\n'
    // The first lines of stderr (bounded), for a message naming what the node said.
    QString errExcerpt(int maxLines = 3) const;
};

// Runs `command` on `node` and captures both streams separately. `log`, when given, also receives
// every line as it comes (both streams), so callers that show a live log lose nothing.
CapturedRun runCaptured(Executor& executor, const NodeProfile& node, const QString& command, int timeoutMs,
    const CancelToken& cancel, const LineSink& log = {});

} // namespace MogUp
