#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace MogUp {

// One reading of one node's walsender memory (the leak 2.0.3 fixes).
struct MemorySample
{
    QDateTime time;        // UTC, when the query ran
    QString node, role;    // role as the server reported it at that moment: "primary", "standby",
                           // "cascade_standby", "pending", "normal"; "" when unknown (not read)
    QString version;       // the running server's: "2.0.1" / "2.0.3"; "" when unknown
    qint64 totalsize = -1, freesize = -1; // bytes; -1: none (no walsender on that node, or the sample failed)
    QString phase;         // free text set by the owner: "before", "upgrade", "after" (written per row)
    QString error;         // why the sample failed (translated, names the node); empty when it worked
    bool ok() const { return error.isEmpty(); }
};

// Samples the walsender memory of every node of a cluster while it lives, and appends every sample to a
// CSV file as it is taken (RUN/samples.csv), flushed, so that nothing is lost when MogUp dies.
//
// Each node is sampled on its own worker thread, so a node that hangs (SSH drop, a database restarting)
// never delays the others' samples. One tick = one gsql session per node (NodeCommands::walSenderSample):
// the role the server has at that moment (the primary moves at each switchover), the running server's
// version and the summed "Wal Sender" context. A standby has no walsender: its row has the role and no
// sizes (-1, empty in the file), which is what the server said, not a failure. A sample that fails
// (database stopped or starting, session cut by a switchover, timeout, SSH error) is a row with its reason;
// sampling goes on at the next tick.
//
// The executor is shared with whoever else uses it (the runner): it must accept commands for different
// nodes from several threads at once (LocalExecutor and SshExecutor do; SshExecutor runs one command at a
// time per node, so a sample waits while a step runs on that node).
class MemorySampler : public QObject
{
    Q_OBJECT
public:
    MemorySampler(ClusterProfile profile, std::shared_ptr<Executor> executor, QObject* parent = nullptr);
    ~MemorySampler() override; // stops and waits

    // 5000 ms, the vendor's "run periodically" at a pace a DBA would watch. A sandbox profile runs its
    // time `speed` times faster (DIR/sandbox.json, the walsender leak included), so its interval is
    // 5000 / speed, but never below 1000 ms: each sample starts a gsql per node, and a shorter interval
    // would measure the machine, not the leak. The demo's and the tests' speed 60 gives 1000 ms.
    static int defaultIntervalMs(const ClusterProfile& profile);
    // Applies from the next tick on. Values below 100 ms are raised to 100.
    void setIntervalMs(int ms);
    int intervalMs() const;
    // Thread-safe; applies to the rows taken from now on.
    void setPhase(const QString& phase);
    QString phase() const;

    // Opens `csvPath` for appending (the header only when the file is new or empty; a last line cut by an
    // earlier crash is ended first, so it cannot swallow the new rows) and starts sampling at once.
    // False, with `error` naming the file, when it cannot be opened; false when already running.
    bool start(const QString& csvPath, QString* error);
    // Cancels the commands in flight, joins the worker threads and closes the file. Idempotent.
    void stop();
    bool isRunning() const;

    // The header row of the file.
    static QString csvHeader(); // "time_utc,node,role,version,phase,totalsize_bytes,freesize_bytes,error"
    // One row, RFC 4180 quoted where needed, ending in CRLF.
    static QString csvRow(const MemorySample& sample);
    // Reads a file written by start(). Skips a UTF-8 BOM and rows that are not whole (a row cut by a crash,
    // at the end or, after a restart appended to the file, in the middle). False, with `error` naming the
    // file, when it cannot be read or its header is not ours.
    static bool readCsv(const QString& path, QList<MemorySample>* out, QString* error);

    // How one sample's captured gsql output (NodeCommands::walSenderSample) is judged; node, time and phase
    // are left to the caller. Only stdout is parsed; gsql -c exits 0 when a statement fails (MainLoop), so
    // success is read from what was printed: the role and version lines, and no error on stderr.
    static MemorySample fromOutput(const QString& node, const CapturedRun& run, int timeoutMs);

signals:
    // Emitted from the worker threads (connect queued from GUI objects), one per node per tick, after the
    // row was written.
    void sampled(const MogUp::MemorySample& sample);
    // The CSV file could not be written (disk full, file removed...): emitted from a worker thread, once
    // until a write succeeds again. Sampling goes on.
    void writeFailed(const QString& error);

private:
    struct Shared;
    void nodeLoop(int nodeIndex);
    void record(MemorySample sample);

    ClusterProfile m_profile;
    std::shared_ptr<Executor> m_executor;
    std::unique_ptr<Shared> m_shared;
};

} // namespace MogUp

Q_DECLARE_METATYPE(MogUp::MemorySample)
