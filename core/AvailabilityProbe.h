#pragma once

#include "Executor.h"
#include "Profile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QFile;
class QThread;

namespace MogUp {

// A stretch of time during which one node's database port, or the whole cluster, did not answer.
struct Outage
{
    QString node; // empty: the whole cluster (no primary accepting queries)
    QDateTime start, end; // UTC; end invalid while it lasts
    bool ongoing() const { return !end.isValid(); }
    qint64 ms() const; // length (to `end`, or to now while ongoing)
    bool operator==(const Outage& o) const { return node == o.node && start == o.start && end == o.end; }
    bool operator!=(const Outage& o) const { return !(*this == o); }
};

// One probe result: one row of availability.csv.
struct ProbeRow
{
    enum class Kind
    {
        Tcp,
        Query
    };
    QDateTime time; // UTC, millisecond precision: when the probe was sent
    QString node;
    Kind kind = Kind::Tcp;
    // tcp: the node's database port accepted a connection. query: the node answered `select 1` and reads
    // as a primary in service (local_role Primary, or Normal on a single node; db_state not Starting,
    // Demoting, Promoting or Wait promoting).
    bool ok = false;
    qint64 ms = 0; // how long the probe took
    QString detail; // what was seen, one line (role and state read, or the error)
};

// Turns probe rows, in the order they were recorded, into outages. The one rule, applied live by the probe
// and again by AvailabilityProbe::readCsv, so that both give the same list:
// - node N: an outage starts at N's first failed tcp row and ends at N's next ok tcp row.
// - cluster: the node of the latest ok query row is the primary. A cluster outage starts at a failed query
//   row of that primary, or at a failed tcp row of it (a port that refuses connections answers no query),
//   or at a failed query row before any primary was seen; it ends at the next ok query row of any node,
//   which is then the primary. A failed query on another node changes nothing: it is not the primary.
class OutageTracker
{
public:
    // Applies one row; appends the outages it opened to `started` and those it closed to `ended`.
    void add(const ProbeRow& row, QList<Outage>* started = nullptr, QList<Outage>* ended = nullptr);
    QList<Outage> outages() const { return m_outages; } // in the order they started
    QString primary() const { return m_primary; } // empty while none answers (or none seen yet)
    bool clusterAvailable() const { return !m_primary.isEmpty() && m_openCluster < 0; }
    bool nodeDown(const QString& node) const { return m_openNode.contains(node); }

private:
    QList<Outage> m_outages;
    QHash<QString, int> m_openNode; // node -> index in m_outages of its ongoing outage
    int m_openCluster = -1;
    QString m_primary;
};

// Measures downtime while a run goes (issue #9 §4): how long each node's database port, and the cluster as
// a whole, did not answer. Results go to RUN/availability.csv, one row per probe, flushed per row:
//   time_utc,node,probe,result,ms,detail
//   2026-11-24T01:02:03.456Z,node1,tcp,ok,0,connected
//   2026-11-24T01:02:03.460Z,node1,query,ok,48,Primary Normal
// time_utc is when the probe was sent, ms how long it took.
//
// Two probes, on the probe's own thread (its event loop; never the caller's):
// - tcp, every tcpIntervalMs (200) per node: a QTcpSocket connect to host:db_port, failed after
//   max(1000 ms, tcpIntervalMs) without an answer. One attempt per node at a time. It only says "the port
//   answers": a real postmaster accepts connections while starting up, shutting down or in recovery.
// - query: `select 1; select local_role, db_state from pg_stat_get_stream_replications()` through gsql on
//   the node (the executor, NodeCommands::gsql), judged by stdout only (gsql -c exits 0 on a failed
//   statement). While the cluster is healthy only the node last seen as primary is asked; when it stops
//   answering as primary, every node whose port answers is asked at once, in parallel (the primary moves
//   at a switchover), and again until one answers as primary.
//
// Resolution. The query rate adapts: every queryIntervalMs (1000) while the cluster is quiet, every
// tcpIntervalMs while anything moves: a cluster outage is going on (so its end is seen within one tcp
// interval plus one query), a node's port is down or changed state within the last 30 s (a rolling upgrade
// restarts a standby right before each switchover; an offline upgrade stops every node), or a caller said a
// change is coming (expectChange, e.g. when a stop or switchover step starts). While anything moves both
// edges of a cluster outage are known to within one tcp interval plus one gsql round trip (200 ms + 30 to
// 190 ms on the sandbox: its 800 ms switchover measured 690 and 830 ms); an outage whose start comes while
// the cluster is quiet, with the port still open, is seen up to one query interval late. A primary whose
// port closes starts the cluster outage from the tcp probe, within one tcp interval. The measured outage
// runs from the first probe that found no primary to the first that found one again: the real one lies
// between the probe before each and that probe. Cost while anything moves: about 5 gsql runs a second (one
// per node and round during a cluster outage).
//
// On a real cluster each tcp probe is a connection that sends nothing: the postmaster of an openGauss based
// on PostgreSQL 9.2 may log "incomplete startup packet" for each; raise tcpIntervalMs if that matters.
//
// Executor: give the probe its own instance for transport ssh (executorForProfile again). SshExecutor runs
// one command per node at a time (the node's session lock), so a shared one would hold the probe's queries
// behind the runner's commands (a switchover's gs_ctl keeps the new primary busy for seconds) and the
// runner's behind the probe's. LocalExecutor may be shared.
class AvailabilityProbe : public QObject
{
    Q_OBJECT
public:
    AvailabilityProbe(ClusterProfile profile, std::shared_ptr<Executor> executor, QObject* parent = nullptr);
    ~AvailabilityProbe() override; // stops and waits

    void setTcpIntervalMs(int ms); // default 200; also the query rate while anything moves
    void setQueryIntervalMs(int ms); // default 1000: the query rate while the cluster is quiet
    int tcpIntervalMs() const { return m_tcpIntervalMs.load(); }
    int queryIntervalMs() const { return m_queryIntervalMs.load(); }
    // A change of the cluster is coming (a stop, a switchover): query at the tcp rate for `forMs`, so the
    // start of an outage that leaves the port open is seen within one tcp interval. Any thread.
    void expectChange(int forMs = 60000);

    // Creates (truncates) csvPath, writes the header and starts probing. False with a message when the file
    // cannot be written or the probe already runs.
    bool start(const QString& csvPath, QString* error);
    // Ends the probes (a query in flight is ended) and closes the file. Outages going on stay ongoing.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    QList<Outage> outages() const; // thread-safe snapshot: node outages and cluster outages, by start
    // Thread-safe: the node last seen answering as primary, empty while none does (or none was seen yet).
    QString primary() const;

    // availability.csv: the header line, one row as a line (with '\n'), and back. parseCsvLine is false on
    // anything that is not a whole row.
    static QString csvHeader();
    static QString csvLine(const ProbeRow& row);
    static bool parseCsvLine(const QString& line, ProbeRow* row);
    // Rows of a file in their order; a truncated last line (the probe ended mid-write) is left out.
    static bool readCsvRows(const QString& path, QList<ProbeRow>* rows, QString* error);
    static QList<Outage> outagesFrom(const QList<ProbeRow>& rows); // OutageTracker over the rows
    static bool readCsv(
        const QString& path, QList<Outage>* outages, QString* error); // recompute from the file
    static qint64 totalMs(const QList<Outage>& outages, const QString& node); // "" = cluster

    // The query probe's SQL, and how its stdout is judged (true: a primary in service). `detail` gets what
    // was read ("Primary Normal", "Standby Normal") or why nothing was ("no answer").
    static QString querySql();
    static bool judgeQuery(const QString& stdoutText, QString* detail);

signals:
    // From the probe's threads (connect queued from GUI objects).
    void outageStarted(const MogUp::Outage& outage);
    void outageEnded(const MogUp::Outage& outage);

private:
    friend class AvailabilityWorker;
    void record(const ProbeRow& row);

    ClusterProfile m_profile;
    std::shared_ptr<Executor> m_executor;
    std::atomic<int> m_tcpIntervalMs { 200 };
    std::atomic<int> m_queryIntervalMs { 1000 };
    std::atomic<qint64> m_expectUntilMs { 0 }; // ms since epoch
    CancelToken m_cancel;
    QThread* m_thread = nullptr;
    mutable QMutex m_mutex; // guards m_file and m_tracker
    std::unique_ptr<QFile> m_file;
    OutageTracker m_tracker;
};

} // namespace MogUp

Q_DECLARE_METATYPE(MogUp::Outage)
