#include "AvailabilityProbe.h"

#include "NodeCommands.h"
#include "Tr.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace MogUp {

namespace {

// A quiet cluster is queried at the slow rate only after its ports have stayed as they are this long: a
// rolling upgrade starts the standby that takes over (and later the old primary) seconds before the
// switchover, so the switchover falls inside this window and is seen at the fast rate.
constexpr qint64 kQuietMs = 30000;
// A gsql that has not answered by then is a failed query (its row still carries when it was sent).
constexpr int kQueryTimeoutMs = 5000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString kindName(ProbeRow::Kind k)
{
    return k == ProbeRow::Kind::Tcp ? QStringLiteral("tcp") : QStringLiteral("query");
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Splits one CSV line; false when a quoted field is not closed (a line cut short).
bool splitCsv(const QString& line, QStringList* fields)
{
    fields->clear();
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    current += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"') && current.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            fields->append(current);
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    if (quoted)
        return false;
    fields->append(current);
    return true;
}

// The line of gsql's stderr that says what went wrong: the server's or libpq's error rather than the
// warnings a real node prints first (sudo, bash setlocale, libpq mismatch).
QString errorLine(const QString& err)
{
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& l : lines) {
        if (l.contains(QLatin1String("FATAL")) || l.contains(QLatin1String("ERROR"))
            || l.contains(QLatin1String("could not connect")) || l.contains(QLatin1String("failed")))
            return l.simplified().left(200);
    }
    return lines.isEmpty() ? QString() : lines.last().simplified().left(200);
}

} // namespace

qint64 Outage::ms() const
{
    if (!start.isValid())
        return 0;
    const QDateTime to = end.isValid() ? end : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(0, start.msecsTo(to));
}

// ---------------------------------------------------------------------------------------------------------
// OutageTracker

void OutageTracker::add(const ProbeRow& row, QList<Outage>* started, QList<Outage>* ended)
{
    auto open = [&](const QString& node) {
        m_outages.append(Outage { node, row.time, QDateTime() });
        if (started)
            started->append(m_outages.last());
        return int(m_outages.size() - 1);
    };
    auto close = [&](int index) {
        Outage& o = m_outages[index];
        // Rows are applied in the order they were written; a row sent a little earlier than the one that
        // opened the outage (probes run in parallel) must not give it a negative length.
        o.end = std::max(row.time, o.start);
        if (ended)
            ended->append(o);
    };

    if (row.kind == ProbeRow::Kind::Tcp) {
        const auto it = m_openNode.constFind(row.node);
        if (row.ok) {
            if (it != m_openNode.constEnd()) {
                close(it.value());
                m_openNode.erase(it);
            }
            return;
        }
        if (it == m_openNode.constEnd())
            m_openNode.insert(row.node, open(row.node));
        // The primary's port refuses connections: it answers no query either.
        if (row.node == m_primary && m_openCluster < 0) {
            m_primary.clear();
            m_openCluster = open(QString());
        }
        return;
    }

    if (row.ok) {
        m_primary = row.node;
        if (m_openCluster >= 0) {
            close(m_openCluster);
            m_openCluster = -1;
        }
        return;
    }
    // A failed query counts for the cluster only on the primary, or while no primary was ever seen (the
    // probe writes the ok rows of a round first, so a failure there means no node answered).
    if (m_openCluster < 0 && (row.node == m_primary || m_primary.isEmpty())) {
        m_primary.clear();
        m_openCluster = open(QString());
    }
}

// ---------------------------------------------------------------------------------------------------------
// The worker: lives on the probe's thread, runs the tcp probes there (asynchronous sockets on its event
// loop) and the query rounds on a small pool, whose results come back to this thread.

class AvailabilityWorker : public QObject
{
public:
    explicit AvailabilityWorker(AvailabilityProbe* probe)
        : m_probe(probe)
        , m_nodes(probe->m_profile.nodes)
    {
        // One thread per node: every node of a round is asked at the same moment.
        m_pool.setMaxThreadCount(std::max(1, int(m_nodes.size())));
        m_tick.setTimerType(Qt::PreciseTimer);
        m_queryTimer.setSingleShot(true);
        m_queryTimer.setTimerType(Qt::PreciseTimer);
        connect(&m_tick, &QTimer::timeout, this, [this] { onTick(); });
        connect(&m_queryTimer, &QTimer::timeout, this, [this] { startRound(); });
        connect(&m_round, &QFutureWatcher<ProbeRow>::finished, this, [this] { onRoundFinished(); });
    }

    void begin()
    {
        m_tick.start(m_probe->tcpIntervalMs());
        onTick();
    }

    // On the probe's thread, after its event loop ended: nothing in flight survives the worker.
    void end()
    {
        m_tick.stop();
        m_queryTimer.stop();
        for (Attempt& a : m_attempts) {
            if (a.socket) {
                a.socket->abort();
                delete a.socket;
            }
        }
        m_attempts.clear();
        // The probe's cancel token is set: a gsql in flight is ended by the executor.
        m_round.waitForFinished();
        m_pool.waitForDone();
    }

private:
    struct Attempt
    {
        QPointer<QTcpSocket> socket;
        QDateTime sent;
        QElapsedTimer clock;
    };
    enum class Port
    {
        Unknown,
        Up,
        Down
    };

    void onTick()
    {
        const int interval = m_probe->tcpIntervalMs();
        if (m_tick.interval() != interval)
            m_tick.setInterval(interval);
        for (const NodeProfile& n : m_nodes) {
            if (!m_attempts.contains(n.name))
                startTcp(n);
        }
        scheduleRound();
    }

    void startTcp(const NodeProfile& node)
    {
        Attempt& a = m_attempts[node.name];
        a.socket = new QTcpSocket(this);
        a.sent = QDateTime::currentDateTimeUtc();
        a.clock.start();
        QTcpSocket* s = a.socket;
        const QString name = node.name;
        connect(s, &QTcpSocket::connected, this,
            [this, name, s] { finishTcp(name, s, true, Tr::tr("connected")); });
        connect(s, &QTcpSocket::errorOccurred, this,
            [this, name, s] { finishTcp(name, s, false, s->errorString()); });
        const int timeoutMs = std::max(1000, m_probe->tcpIntervalMs());
        QTimer::singleShot(timeoutMs, s, [this, name, s, timeoutMs] {
            // This thread may have been kept from its event loop (a loaded machine): a connection the kernel
            // already made is not a failure, so look once more, without waiting, before calling it one.
            if (s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(0))
                finishTcp(name, s, true, Tr::tr("connected"));
            else
                finishTcp(name, s, false, Tr::tr("no answer within %1 ms").arg(timeoutMs));
        });
        QHostAddress address;
        if (address.setAddress(node.host))
            s->connectToHost(address, quint16(node.dbPort));
        else
            s->connectToHost(node.host, quint16(node.dbPort));
    }

    void finishTcp(const QString& node, QTcpSocket* socket, bool ok, const QString& detail)
    {
        // A finished attempt's socket lingers until deleteLater: its late signals are not the node's news.
        const auto it = m_attempts.find(node);
        if (it == m_attempts.end() || it->socket != socket)
            return;
        ProbeRow row;
        row.time = it->sent;
        row.node = node;
        row.kind = ProbeRow::Kind::Tcp;
        row.ok = ok;
        row.ms = it->clock.elapsed();
        row.detail = detail;
        QTcpSocket* s = it->socket;
        m_attempts.erase(it);
        s->disconnect(this);
        s->abort();
        s->deleteLater();

        const Port now = ok ? Port::Up : Port::Down;
        const Port before = m_ports.value(node, Port::Unknown);
        if (before != Port::Unknown && before != now)
            m_lastPortChangeMs = nowMs();
        m_ports.insert(node, now);
        m_probe->record(row);
        if (before != now)
            scheduleRound();
    }

    bool anythingMoving() const
    {
        const qint64 now = nowMs();
        if (!m_probe->m_tracker.clusterAvailable() || now < m_probe->m_expectUntilMs.load())
            return true;
        if (m_lastPortChangeMs > 0 && now - m_lastPortChangeMs < kQuietMs)
            return true;
        for (const NodeProfile& n : m_nodes) {
            if (m_ports.value(n.name, Port::Unknown) == Port::Down)
                return true;
        }
        return false;
    }

    void scheduleRound()
    {
        if (m_round.isRunning())
            return;
        qint64 delay = 0;
        if (m_lastRoundMs > 0 && !m_followUp) {
            const int interval = anythingMoving() ? m_probe->tcpIntervalMs() : m_probe->queryIntervalMs();
            delay = std::max<qint64>(0, m_lastRoundMs + interval - nowMs());
        }
        // Restarted only when it would fire sooner: a tick must not push a due round back.
        if (!m_queryTimer.isActive() || m_queryTimer.remainingTime() > delay)
            m_queryTimer.start(int(delay));
    }

    // The nodes to ask: the primary while it answers, else every node whose port does not refuse.
    QList<NodeProfile> candidates(bool* primaryOnly)
    {
        QList<NodeProfile> out;
        // The tracker is written on this thread only: no lock needed to read it here.
        const QString primary
            = m_probe->m_tracker.clusterAvailable() ? m_probe->m_tracker.primary() : QString();
        *primaryOnly = !primary.isEmpty();
        for (const NodeProfile& n : m_nodes) {
            if (!primary.isEmpty() ? n.name == primary : m_ports.value(n.name, Port::Unknown) != Port::Down)
                out.append(n);
        }
        return out;
    }

    void startRound()
    {
        if (m_round.isRunning() || m_probe->m_cancel.isCancelled())
            return;
        m_followUp = false;
        m_lastRoundMs = nowMs();
        bool primaryOnly = false;
        const QList<NodeProfile> nodes = candidates(&primaryOnly);
        if (nodes.isEmpty()) {
            // Every port refuses: nothing to ask. A port that opens reschedules at once.
            scheduleRound();
            return;
        }
        m_primaryOnly = primaryOnly;
        AvailabilityProbe* probe = m_probe;
        m_round.setFuture(QtConcurrent::mapped(&m_pool, nodes, [probe](const NodeProfile& node) {
            ProbeRow row;
            row.time = QDateTime::currentDateTimeUtc();
            row.node = node.name;
            row.kind = ProbeRow::Kind::Query;
            QElapsedTimer clock;
            clock.start();
            const NodeCommands commands(probe->m_profile, node);
            const CapturedRun r = runCaptured(*probe->m_executor, node,
                commands.gsql(AvailabilityProbe::querySql()), kQueryTimeoutMs, probe->m_cancel);
            row.ms = clock.elapsed();
            row.ok = AvailabilityProbe::judgeQuery(r.out, &row.detail);
            if (!row.ok && r.out.trimmed().isEmpty()) {
                if (r.exec.timedOut)
                    row.detail = Tr::tr("no answer within %1 ms").arg(kQueryTimeoutMs);
                else if (!r.exec.started)
                    row.detail = r.exec.error;
                else if (const QString e = errorLine(r.err); !e.isEmpty())
                    row.detail = e;
            }
            return row;
        }));
    }

    void onRoundFinished()
    {
        if (m_probe->m_cancel.isCancelled())
            return; // stopping: what a cancelled gsql printed says nothing about the cluster
        QList<ProbeRow> rows = m_round.future().results();
        // Ok rows first: "no primary" is only ever concluded from a round where nobody answered as one.
        std::stable_sort(
            rows.begin(), rows.end(), [](const ProbeRow& a, const ProbeRow& b) { return a.ok && !b.ok; });
        bool anyOk = false;
        for (const ProbeRow& row : std::as_const(rows)) {
            anyOk = anyOk || row.ok;
            m_probe->record(row);
        }
        // Only the primary was asked and it did not answer as one: ask everybody now, not an interval later.
        m_followUp = !anyOk && m_primaryOnly && m_nodes.size() > 1;
        scheduleRound();
    }

    AvailabilityProbe* m_probe;
    const QList<NodeProfile> m_nodes;
    QThreadPool m_pool;
    QTimer m_tick;
    QTimer m_queryTimer;
    QFutureWatcher<ProbeRow> m_round;
    QHash<QString, Attempt> m_attempts;
    QHash<QString, Port> m_ports;
    qint64 m_lastPortChangeMs = 0;
    qint64 m_lastRoundMs = 0;
    bool m_primaryOnly = false; // the round in flight asks only the primary
    bool m_followUp = false; // the next round starts at once
};

namespace {

class ProbeThread : public QThread
{
public:
    explicit ProbeThread(AvailabilityProbe* probe)
        : m_probe(probe)
    {
    }

protected:
    void run() override
    {
        AvailabilityWorker worker(m_probe);
        worker.begin();
        exec();
        worker.end();
    }

private:
    AvailabilityProbe* m_probe;
};

} // namespace

// ---------------------------------------------------------------------------------------------------------
// AvailabilityProbe

AvailabilityProbe::AvailabilityProbe(
    ClusterProfile profile, std::shared_ptr<Executor> executor, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_executor(std::move(executor))
{
    qRegisterMetaType<MogUp::Outage>();
}

AvailabilityProbe::~AvailabilityProbe()
{
    stop();
}

void AvailabilityProbe::setTcpIntervalMs(int ms)
{
    m_tcpIntervalMs.store(std::max(10, ms));
}

void AvailabilityProbe::setQueryIntervalMs(int ms)
{
    m_queryIntervalMs.store(std::max(10, ms));
}

void AvailabilityProbe::expectChange(int forMs)
{
    m_expectUntilMs.store(std::max(m_expectUntilMs.load(), nowMs() + forMs));
}

bool AvailabilityProbe::start(const QString& csvPath, QString* error)
{
    if (m_thread) {
        if (error)
            *error = Tr::tr("The availability probe is already running.");
        return false;
    }
    auto file = std::make_unique<QFile>(csvPath);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)
        || file->write(csvHeader().toUtf8()) < 0 || !file->flush()) {
        if (error)
            *error = Tr::tr("Cannot write %1: %2").arg(csvPath, file->errorString());
        return false;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_file = std::move(file);
        m_tracker = OutageTracker();
    }
    m_cancel.reset();
    m_thread = new ProbeThread(this);
    m_thread->start();
    return true;
}

void AvailabilityProbe::stop()
{
    if (!m_thread)
        return;
    m_cancel.cancel();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    QMutexLocker lock(&m_mutex);
    if (m_file)
        m_file->close();
    m_file.reset();
}

QList<Outage> AvailabilityProbe::outages() const
{
    QMutexLocker lock(&m_mutex);
    return m_tracker.outages();
}

QString AvailabilityProbe::primary() const
{
    QMutexLocker lock(&m_mutex);
    return m_tracker.clusterAvailable() ? m_tracker.primary() : QString();
}

void AvailabilityProbe::record(const ProbeRow& row)
{
    QList<Outage> started, ended;
    {
        // One lock for the file and the tracker: the file holds the rows in the very order the live list
        // was computed from, so readCsv gives the same outages.
        QMutexLocker lock(&m_mutex);
        if (m_file) {
            m_file->write(csvLine(row).toUtf8());
            m_file->flush();
        }
        m_tracker.add(row, &started, &ended);
    }
    for (const Outage& o : std::as_const(ended))
        emit outageEnded(o);
    for (const Outage& o : std::as_const(started))
        emit outageStarted(o);
}

QString AvailabilityProbe::csvHeader()
{
    return QStringLiteral("time_utc,node,probe,result,ms,detail\n");
}

QString AvailabilityProbe::csvLine(const ProbeRow& row)
{
    // One row, one line: a detail never breaks it.
    QString detail = row.detail;
    detail.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return row.time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(',') + csvField(row.node)
        + QLatin1Char(',') + kindName(row.kind) + QLatin1Char(',')
        + (row.ok ? QStringLiteral("ok") : QStringLiteral("fail")) + QLatin1Char(',')
        + QString::number(row.ms) + QLatin1Char(',') + csvField(detail) + QLatin1Char('\n');
}

bool AvailabilityProbe::parseCsvLine(const QString& line, ProbeRow* row)
{
    QStringList f;
    if (!splitCsv(line, &f) || f.size() != 6)
        return false;
    ProbeRow r;
    r.time = QDateTime::fromString(f.at(0), Qt::ISODateWithMs);
    if (!r.time.isValid() || f.at(1).isEmpty())
        return false;
    r.time = r.time.toUTC();
    r.node = f.at(1);
    if (f.at(2) == QLatin1String("tcp"))
        r.kind = ProbeRow::Kind::Tcp;
    else if (f.at(2) == QLatin1String("query"))
        r.kind = ProbeRow::Kind::Query;
    else
        return false;
    if (f.at(3) != QLatin1String("ok") && f.at(3) != QLatin1String("fail"))
        return false;
    r.ok = f.at(3) == QLatin1String("ok");
    bool ok = false;
    r.ms = f.at(4).toLongLong(&ok);
    if (!ok)
        return false;
    r.detail = f.at(5);
    *row = r;
    return true;
}

bool AvailabilityProbe::readCsvRows(const QString& path, QList<ProbeRow>* rows, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    // The probe writes whole lines: what follows the last line feed is "" or a line cut short (a crash, a
    // full disk), left out either way.
    if (!lines.isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || lines.first().trimmed() != csvHeader().trimmed()) {
        if (error)
            *error = Tr::tr("%1 is not an availability record: its first line is not \"%2\".")
                         .arg(path, csvHeader().trimmed());
        return false;
    }
    rows->clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty())
            continue;
        ProbeRow row;
        if (!parseCsvLine(line, &row)) {
            if (error)
                *error = Tr::tr("%1, line %2: not a probe row: %3").arg(path).arg(i + 1).arg(line.left(120));
            return false;
        }
        rows->append(row);
    }
    return true;
}

QList<Outage> AvailabilityProbe::outagesFrom(const QList<ProbeRow>& rows)
{
    OutageTracker tracker;
    for (const ProbeRow& r : rows)
        tracker.add(r);
    return tracker.outages();
}

bool AvailabilityProbe::readCsv(const QString& path, QList<Outage>* outages, QString* error)
{
    QList<ProbeRow> rows;
    if (!readCsvRows(path, &rows, error))
        return false;
    *outages = outagesFrom(rows);
    return true;
}

qint64 AvailabilityProbe::totalMs(const QList<Outage>& outages, const QString& node)
{
    qint64 total = 0;
    for (const Outage& o : outages) {
        if (o.node == node)
            total += o.ms();
    }
    return total;
}

QString AvailabilityProbe::querySql()
{
    // gsql -c runs each statement and prints each result (MainLoop): "1", then "role|state" (-A -t).
    return QStringLiteral("select 1; select local_role, db_state from pg_stat_get_stream_replications()");
}

bool AvailabilityProbe::judgeQuery(const QString& stdoutText, QString* detail)
{
    QStringList lines;
    for (const QString& l : stdoutText.split(QLatin1Char('\n'))) {
        if (!l.trimmed().isEmpty())
            lines.append(l.trimmed());
    }
    auto say = [detail](const QString& text) {
        if (detail)
            *detail = text;
    };
    if (lines.isEmpty() || lines.first() != QLatin1String("1")) {
        say(Tr::tr("no answer to select 1"));
        return false;
    }
    if (lines.size() < 2) {
        say(Tr::tr("select 1 answered, role not read"));
        return false;
    }
    const QStringList f = lines.at(1).split(QLatin1Char('|'));
    const QString role = f.value(0).trimmed();
    const QString state = f.value(1).trimmed();
    say(role + QLatin1Char(' ') + state);
    // "Normal": a single instance without standbys. The states a primary passes through while it is not
    // serving: recovering after a start, ending its sessions for a switchover, not yet promoted.
    static const QStringList notServing { QStringLiteral("Starting"), QStringLiteral("Demoting"),
        QStringLiteral("Promoting"), QStringLiteral("Wait promoting") };
    return (role == QLatin1String("Primary") || role == QLatin1String("Normal"))
        && !notServing.contains(state);
}

} // namespace MogUp
