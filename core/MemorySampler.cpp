#include "MemorySampler.h"

#include "LeakEvidence.h"
#include "NodeCommands.h"
#include "Tr.h"
#include "VersionParser.h"

#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace MogUp {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultIntervalMs = 5000;
constexpr int kMinSandboxIntervalMs = 1000;
constexpr int kMinIntervalMs = 100;
// A sample is one short gsql session; ten seconds is long past a healthy answer, and a hung node (SSH
// drop, a server that accepts but never answers) must not hold its thread much longer than that.
constexpr int kMinTimeoutMs = 10000;

const QStringList& headerFields()
{
    static const QStringList fields { QStringLiteral("time_utc"), QStringLiteral("node"),
        QStringLiteral("role"), QStringLiteral("version"), QStringLiteral("phase"),
        QStringLiteral("totalsize_bytes"), QStringLiteral("freesize_bytes"), QStringLiteral("error") };
    return fields;
}

// Excel reads a CSV file without a byte order mark in the system's code page, which garbles the translated
// (Chinese) error texts; with it, Excel, LibreOffice and pandas read UTF-8.
const QByteArray kBom("\xEF\xBB\xBF");

QString csvField(const QString& value)
{
    // RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// RFC 4180 records (CRLF or LF between them). `lastTerminated` tells whether the text ended with a record
// separator outside quotes; `openQuote` whether it ended inside a quoted field (a row cut mid-write).
QList<QStringList> parseCsv(const QString& text, bool* lastTerminated, bool* openQuote)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool recordStarted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuotes = true;
            recordStarted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
            recordStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (recordStarted || !field.isEmpty()) {
                fields << field;
                records << fields;
            }
            fields.clear();
            field.clear();
            recordStarted = false;
        } else {
            field += c;
            recordStarted = true;
        }
    }
    *openQuote = inQuotes;
    *lastTerminated = !recordStarted && field.isEmpty();
    if (!*lastTerminated) {
        fields << field;
        records << fields;
    }
    return records;
}

QString decode(QByteArray bytes)
{
    if (bytes.startsWith(kBom))
        bytes.remove(0, kBom.size());
    return QString::fromUtf8(bytes);
}

// local_role (walreceiver.cpp wal_get_role_string) -> the role names the profile uses.
bool roleFromLocalRole(const QString& localRole, QString* role)
{
    static const QList<QPair<QString, QString>> roles {
        { QStringLiteral("Primary"), QStringLiteral("primary") },
        { QStringLiteral("Standby"), QStringLiteral("standby") },
        { QStringLiteral("Cascade Standby"), QStringLiteral("cascade_standby") },
        { QStringLiteral("Pending"), QStringLiteral("pending") },
        { QStringLiteral("Normal"), QStringLiteral("normal") },
        { QStringLiteral("Unknown"), QString() },
    };
    for (const auto& r : roles) {
        if (r.first == localRole) {
            *role = r.second;
            return true;
        }
    }
    return false;
}

// What gsql and libpq print on stderr when a statement or the session failed, as opposed to the warnings
// real nodes print and go on with (libpq mismatch, .pgpass permissions, sudo, setlocale).
bool isErrorLine(const QString& line)
{
    static const QRegularExpression re(QStringLiteral(
        "^(gsql: )?(ERROR|FATAL|PANIC):|failed to connect|connection to server was lost|"
        "server closed the connection unexpectedly|could not connect to server|terminating connection"));
    return re.match(line.trimmed()).hasMatch();
}

QString errorLines(const CapturedRun& run)
{
    QStringList found;
    for (const QString& line : run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (isErrorLine(line))
            found << line.simplified();
    }
    return found.mid(0, 3).join(QStringLiteral(" / "));
}

} // namespace

struct MemorySampler::Shared
{
    mutable std::mutex mutex; // everything below except cancel and intervalMs
    std::condition_variable wake;
    QString phase;
    std::atomic<int> intervalMs { kDefaultIntervalMs };
    QFile file;
    bool stopping = false;
    bool writeFailing = false;
    CancelToken cancel;
    std::vector<QThread*> threads;
};

MemorySampler::MemorySampler(ClusterProfile profile, std::shared_ptr<Executor> executor, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_executor(std::move(executor))
    , m_shared(std::make_unique<Shared>())
{
    qRegisterMetaType<MogUp::MemorySample>();
    m_shared->intervalMs = defaultIntervalMs(m_profile);
}

MemorySampler::~MemorySampler()
{
    stop();
}

int MemorySampler::defaultIntervalMs(const ClusterProfile& profile)
{
    if (profile.sandbox.isEmpty())
        return kDefaultIntervalMs;
    // The sandbox's speed, read where the verdict and the baseline read it (1 for a real cluster).
    const double speed = LeakEvidence::timeScale(profile);
    return qBound(kMinSandboxIntervalMs, int(kDefaultIntervalMs / speed), kDefaultIntervalMs);
}

void MemorySampler::setIntervalMs(int ms)
{
    m_shared->intervalMs = qMax(kMinIntervalMs, ms);
    m_shared->wake.notify_all();
}

int MemorySampler::intervalMs() const
{
    return m_shared->intervalMs;
}

void MemorySampler::setPhase(const QString& phase)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->phase = phase;
}

QString MemorySampler::phase() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->phase;
}

QString MemorySampler::csvHeader()
{
    return headerFields().join(QLatin1Char(','));
}

QString MemorySampler::csvRow(const MemorySample& s)
{
    const QDateTime utc = s.time.toUTC();
    const QStringList fields { utc.toString(Qt::ISODateWithMs), csvField(s.node), csvField(s.role),
        csvField(s.version), csvField(s.phase), s.totalsize >= 0 ? QString::number(s.totalsize) : QString(),
        s.freesize >= 0 ? QString::number(s.freesize) : QString(), csvField(s.error) };
    return fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

bool MemorySampler::readCsv(const QString& path, QList<MemorySample>* out, QString* error)
{
    out->clear();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Tr::tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    bool terminated = false;
    bool openQuote = false;
    const QList<QStringList> records = parseCsv(decode(f.readAll()), &terminated, &openQuote);
    if (records.isEmpty() || records.first() != headerFields()) {
        if (error)
            *error = Tr::tr("%1 is not a MogUp memory samples file (its first line is not \"%2\")")
                         .arg(path, csvHeader());
        return false;
    }
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList& r = records.at(i);
        // A row cut inside a quoted field is incomplete even if it has every field.
        if (i == records.size() - 1 && openQuote)
            break;
        // Rows are written whole, so a row with another number of fields was cut by a crash. A cut
        // always removes at least the line end and the last field, so a cut row never passes as whole
        // with wrong sizes: only the error text of a failed row can come out shortened.
        if (r.size() != headerFields().size())
            continue;
        MemorySample s;
        s.time = QDateTime::fromString(r.at(0), Qt::ISODateWithMs);
        if (!s.time.isValid())
            continue;
        s.time = s.time.toUTC();
        s.node = r.at(1);
        s.role = r.at(2);
        s.version = r.at(3);
        s.phase = r.at(4);
        bool ok = true;
        if (!r.at(5).isEmpty())
            s.totalsize = r.at(5).toLongLong(&ok);
        if (ok && !r.at(6).isEmpty())
            s.freesize = r.at(6).toLongLong(&ok);
        if (!ok || s.node.isEmpty())
            continue;
        s.error = r.at(7);
        out->append(s);
    }
    return true;
}

MemorySample MemorySampler::fromOutput(const QString& node, const CapturedRun& run, int timeoutMs)
{
    MemorySample s;
    s.node = node;
    const auto fail = [&s, &node](const QString& reason) {
        s.totalsize = -1;
        s.freesize = -1;
        s.error = Tr::tr("%1: the memory sample failed: %2").arg(node, reason);
        return s;
    };
    if (!run.exec.started)
        return fail(run.exec.error.isEmpty() ? Tr::tr("the command could not be started") : run.exec.error);
    if (run.exec.timedOut)
        return fail(Tr::tr("no answer within %1 s").arg(timeoutMs / 1000));
    if (run.exec.cancelled)
        return fail(Tr::tr("cancelled"));
    if (run.exec.signal != 0)
        return fail(Tr::tr("gsql was ended by signal %1").arg(run.exec.signal));

    bool haveRole = false;
    bool badMemoryRow = false;
    for (const QString& raw : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString line = raw.trimmed();
        if (line.startsWith(QStringLiteral("Wal Sender|"))) {
            const QStringList f = line.split(QLatin1Char('|'));
            bool okTotal = false;
            bool okFree = false;
            const qint64 total = f.size() == 3 ? f.at(1).toLongLong(&okTotal) : 0;
            const qint64 free = f.size() == 3 ? f.at(2).toLongLong(&okFree) : 0;
            if (!okTotal || !okFree || total < 0 || free < 0) {
                badMemoryRow = true;
                continue;
            }
            // GROUP BY contextname gives one row; should a server print more, their sum is the answer.
            s.totalsize = qMax<qint64>(0, s.totalsize) + total;
            s.freesize = qMax<qint64>(0, s.freesize) + free;
        } else if (!haveRole && roleFromLocalRole(line, &s.role)) {
            haveRole = true;
        } else {
            MogdbVersion v;
            QString ignored;
            if (s.version.isEmpty() && VersionParser::parse(line, &v, &ignored))
                s.version = v.version;
        }
    }

    // A failed statement does not change gsql's exit code (MainLoop without ON_ERROR_STOP): stderr tells.
    const QString errors = errorLines(run);
    if (!errors.isEmpty())
        return fail(errors);
    if (run.exec.exitCode != 0) {
        const QString excerpt = run.errExcerpt();
        return fail(excerpt.isEmpty() ? Tr::tr("gsql exited with code %1").arg(run.exec.exitCode) : excerpt);
    }
    if (!haveRole) {
        const QString excerpt = run.errExcerpt();
        return fail(excerpt.isEmpty() ? Tr::tr("gsql printed no role") : excerpt);
    }
    if (badMemoryRow)
        return fail(Tr::tr("unexpected memory row: %1").arg(run.out.simplified().left(200)));
    return s;
}

bool MemorySampler::start(const QString& csvPath, QString* error)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    if (!m_shared->threads.empty()) {
        if (error)
            *error = Tr::tr("the memory sampler is already writing %1").arg(m_shared->file.fileName());
        return false;
    }
    if (m_profile.nodes.isEmpty()) {
        if (error)
            *error = Tr::tr("the profile has no nodes to sample");
        return false;
    }
    // What is already there decides how to go on: a new or empty file gets the header; one of ours is
    // appended to; a row an earlier run was writing when it died is ended first (its quote closed), or the
    // first new row would be glued to it.
    QByteArray existing;
    {
        QFile old(csvPath);
        if (old.exists() && !old.open(QIODevice::ReadOnly)) {
            if (error)
                *error = Tr::tr("cannot read %1: %2").arg(csvPath, old.errorString());
            return false;
        }
        if (old.isOpen())
            existing = old.readAll();
    }
    const QByteArray headerLine = kBom + csvHeader().toUtf8() + "\r\n";
    // A header cut by a crash (nothing else was written yet) is written again.
    const bool fresh = existing.isEmpty() || headerLine.startsWith(existing);
    QByteArray lead;
    if (fresh) {
        lead = headerLine;
    } else {
        bool terminated = false;
        bool openQuote = false;
        const QList<QStringList> records = parseCsv(decode(existing), &terminated, &openQuote);
        if (records.isEmpty() || records.first() != headerFields()) {
            if (error)
                *error = Tr::tr("%1 is not a MogUp memory samples file (its first line is not \"%2\"); "
                                "choose another file")
                             .arg(csvPath, csvHeader());
            return false;
        }
        if (openQuote)
            lead += '"';
        if (!terminated || openQuote)
            lead += "\r\n";
    }
    QFile& f = m_shared->file;
    f.setFileName(csvPath);
    if (!f.open(fresh ? (QIODevice::WriteOnly | QIODevice::Truncate)
                      : (QIODevice::WriteOnly | QIODevice::Append))) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(csvPath, f.errorString());
        return false;
    }
    if (!lead.isEmpty() && (f.write(lead) != lead.size() || !f.flush())) {
        if (error)
            *error = Tr::tr("cannot write %1: %2").arg(csvPath, f.errorString());
        f.close();
        return false;
    }
    m_shared->stopping = false;
    m_shared->writeFailing = false;
    m_shared->cancel.reset();
    for (int i = 0; i < m_profile.nodes.size(); ++i) {
        QThread* t = QThread::create([this, i] { nodeLoop(i); });
        t->setObjectName(QStringLiteral("mogup-sampler-") + m_profile.nodes.at(i).name);
        m_shared->threads.push_back(t);
        t->start();
    }
    return true;
}

void MemorySampler::stop()
{
    std::vector<QThread*> threads;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->stopping = true;
        threads.swap(m_shared->threads);
    }
    m_shared->cancel.cancel();
    m_shared->wake.notify_all();
    for (QThread* t : threads) {
        t->wait();
        delete t;
    }
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    if (m_shared->file.isOpen())
        m_shared->file.close();
}

bool MemorySampler::isRunning() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return !m_shared->threads.empty() && !m_shared->stopping;
}

void MemorySampler::nodeLoop(int nodeIndex)
{
    const NodeProfile node = m_profile.nodes.at(nodeIndex);
    const QString command = NodeCommands(m_profile, node).walSenderSample();
    Shared& sh = *m_shared;
    for (;;) {
        const Clock::time_point tickStart = Clock::now();
        const int interval = sh.intervalMs;
        const int timeoutMs = qMax(kMinTimeoutMs, 2 * interval);
        QString phase;
        {
            std::lock_guard<std::mutex> lock(sh.mutex);
            if (sh.stopping)
                return;
            phase = sh.phase;
        }
        const QDateTime time = QDateTime::currentDateTimeUtc();
        const CapturedRun run = runCaptured(*m_executor, node, command, timeoutMs, sh.cancel);
        // A command ended by stop() says nothing about the node: no row.
        if (sh.cancel.isCancelled())
            return;
        MemorySample s = fromOutput(node.name, run, timeoutMs);
        s.time = time;
        s.phase = phase;
        record(s);

        // The next tick one interval after this one started; a sample that took longer than the interval
        // is followed at once (no burst of catch-up samples).
        std::unique_lock<std::mutex> lock(sh.mutex);
        sh.wake.wait_until(lock, tickStart + std::chrono::milliseconds(interval),
            [&sh, interval] { return sh.stopping || sh.intervalMs != interval; });
        if (sh.stopping)
            return;
    }
}

void MemorySampler::record(MemorySample sample)
{
    QString failure;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        QFile& f = m_shared->file;
        const QByteArray row = csvRow(sample).toUtf8();
        // One write per row, then flush: what is written reaches the file before the next row is taken.
        const bool written = f.isOpen() && f.write(row) == row.size() && f.flush();
        if (!written && !m_shared->writeFailing) {
            m_shared->writeFailing = true;
            failure = Tr::tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
        } else if (written) {
            m_shared->writeFailing = false;
        }
    }
    if (!failure.isEmpty())
        emit writeFailed(failure);
    emit sampled(sample);
}

} // namespace MogUp
