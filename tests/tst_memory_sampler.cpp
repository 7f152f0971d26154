#include "LocalExecutor.h"
#include "MemorySampler.h"
#include "NodeCommands.h"
#include "TestSupport.h"

#include <QThread>
#include <QtTest>

#include <atomic>
#include <functional>
#include <mutex>

using namespace MogUp;

Q_DECLARE_METATYPE(MogUp::CapturedRun)

namespace {

const QString kVersion201 = QStringLiteral(
    "PostgreSQL 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr   on "
    "x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit");

// Answers every command with scripted output, per node: the CSV file and the threads without a sandbox.
class ScriptedExecutor : public Executor
{
public:
    using Script = std::function<CapturedRun(const NodeProfile& node)>;
    explicit ScriptedExecutor(Script script)
        : m_script(std::move(script))
    {
    }
    ExecResult run(const NodeProfile& node, const QString&, int, const CancelToken&, const LineSink& sink) override
    {
        const CapturedRun c = m_script(node);
        for (const QString& l : c.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            sink(OutputLine { node.name, OutputStream::Stdout, QDateTime::currentDateTimeUtc(), l });
        for (const QString& l : c.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            sink(OutputLine { node.name, OutputStream::Stderr, QDateTime::currentDateTimeUtc(), l });
        return c.exec;
    }

private:
    Script m_script;
};

CapturedRun captured(int exitCode, const QString& out, const QString& err = {})
{
    CapturedRun c;
    c.exec.started = true;
    c.exec.exitCode = exitCode;
    c.out = out;
    c.err = err;
    return c;
}

ClusterProfile twoNodeProfile()
{
    ClusterProfile p;
    p.name = QStringLiteral("unit");
    for (const QString& n : { QStringLiteral("n1"), QStringLiteral("n2") }) {
        NodeProfile node;
        node.name = n;
        node.host = QStringLiteral("127.0.0.1");
        node.gausshome = QStringLiteral("/opt/mogdb/app");
        node.pgdata = QStringLiteral("/opt/mogdb/data");
        p.nodes << node;
    }
    return p;
}

MemorySample sample(const QString& time, const QString& node, const QString& role, const QString& version,
    const QString& phase, qint64 total, qint64 free, const QString& error = {})
{
    MemorySample s;
    s.time = QDateTime::fromString(time, Qt::ISODateWithMs);
    s.node = node;
    s.role = role;
    s.version = version;
    s.phase = phase;
    s.totalsize = total;
    s.freesize = free;
    s.error = error;
    return s;
}

void compareSample(const MemorySample& got, const MemorySample& want)
{
    QCOMPARE(got.time, want.time.toUTC());
    QCOMPARE(got.node, want.node);
    QCOMPARE(got.role, want.role);
    QCOMPARE(got.version, want.version);
    QCOMPARE(got.phase, want.phase);
    QCOMPARE(got.totalsize, want.totalsize);
    QCOMPARE(got.freesize, want.freesize);
    QCOMPARE(got.error, want.error);
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<MemorySample> readRows(const QString& path)
{
    QList<MemorySample> rows;
    QString error;
    if (!MemorySampler::readCsv(path, &rows, &error))
        qWarning("%s", qPrintable(error));
    return rows;
}

QList<MemorySample> rowsOf(const QList<MemorySample>& rows, const QString& node)
{
    QList<MemorySample> out;
    for (const MemorySample& s : rows) {
        if (s.node == node)
            out << s;
    }
    return out;
}

} // namespace

class Tst_MemorySampler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSupport::Sandbox> m_sandbox;

    // One 3-node OM sandbox for the sandbox tests (building one takes a while). MogHA is off, so the test
    // decides when a stopped database comes back.
    TestSupport::Sandbox* sandbox()
    {
        if (!m_sandbox) {
            Sim::SandboxOptions o;
            o.nodes = 3;
            o.install = QStringLiteral("om");
            o.mogha = false;
            m_sandbox = std::make_unique<TestSupport::Sandbox>(o);
        }
        return m_sandbox.get();
    }

    // The primary as the sandbox's own files say (PGDATA/gaussdb.state, rewritten by each server).
    QString primaryFromStateFiles() const
    {
        QString primary;
        for (const Sim::SandboxNode& n : m_sandbox->config().nodes) {
            if (TestSupport::readFile(n.pgdata + QStringLiteral("/gaussdb.state"))
                    .split(QLatin1Char('\n'))
                    .contains(QStringLiteral("local_role=Primary")))
                primary = primary.isEmpty() ? n.name : QStringLiteral("(several)");
        }
        return primary;
    }

private slots:
    void cleanupTestCase()
    {
        // Ends every process of the sandbox (also reached when a test function failed).
        m_sandbox.reset();
    }

    // --- the file, without a cluster -----------------------------------------------------------

    void csvRoundTrip_data()
    {
        QTest::addColumn<MemorySample>("row");
        QTest::addColumn<QString>("written"); // the line as it must appear in the file, without CRLF
        const QString t = QStringLiteral("2026-11-24T01:02:03.456Z");
        QTest::newRow("primary")
            << sample(t, QStringLiteral("node1"), QStringLiteral("primary"), QStringLiteral("2.0.1"),
                   QStringLiteral("before"), 8413184, 18576, {})
            << QStringLiteral("2026-11-24T01:02:03.456Z,node1,primary,2.0.1,before,8413184,18576,");
        QTest::newRow("standby: no walsender, sizes empty, not 0")
            << sample(t, QStringLiteral("node2"), QStringLiteral("standby"), QStringLiteral("2.0.1"),
                   QStringLiteral("before"), -1, -1, {})
            << QStringLiteral("2026-11-24T01:02:03.456Z,node2,standby,2.0.1,before,,,");
        QTest::newRow("failed, comma in the reason")
            << sample(t, QStringLiteral("node1"), {}, {}, QStringLiteral("upgrade"), -1, -1,
                   QStringLiteral("node1: the memory sample failed: failed to connect 127.0.0.1:26000."))
            << QStringLiteral("2026-11-24T01:02:03.456Z,node1,,,upgrade,,,"
                              "node1: the memory sample failed: failed to connect 127.0.0.1:26000.");
        QTest::newRow("comma and quotes")
            << sample(t, QStringLiteral("node1"), QStringLiteral("primary"), {}, QStringLiteral("upgrade"), -1, -1,
                   QStringLiteral("node1: ERROR:  column \"x\" does not exist, LINE 1"))
            << QStringLiteral("2026-11-24T01:02:03.456Z,node1,primary,,upgrade,,,"
                              "\"node1: ERROR:  column \"\"x\"\" does not exist, LINE 1\"");
        QTest::newRow("line breaks LF and CRLF in the reason")
            << sample(t, QStringLiteral("node3"), {}, {}, QStringLiteral("after"), -1, -1,
                   QStringLiteral("node3: FATAL:  terminating connection\nserver closed the connection\r\nlost"))
            << QStringLiteral("2026-11-24T01:02:03.456Z,node3,,,after,,,"
                              "\"node3: FATAL:  terminating connection\nserver closed the connection\r\nlost\"");
        QTest::newRow("phase and node with comma and quote; Chinese reason")
            << sample(t, QStringLiteral("db\"1"), QStringLiteral("standby"), QStringLiteral("2.0.3"),
                   QStringLiteral("after, switched back"), 0, 0, QStringLiteral("db\"1：内存采样失败：超时"))
            << QStringLiteral("2026-11-24T01:02:03.456Z,\"db\"\"1\",standby,2.0.3,\"after, switched back\",0,0,"
                              "\"db\"\"1：内存采样失败：超时\"");
        QTest::newRow("local time is written as UTC")
            << sample(QStringLiteral("2026-11-24T09:02:03.456+08:00"), QStringLiteral("node1"),
                   QStringLiteral("primary"), QStringLiteral("2.0.1"), {}, 1, 0, {})
            << QStringLiteral("2026-11-24T01:02:03.456Z,node1,primary,2.0.1,,1,0,");
    }

    void csvRoundTrip()
    {
        QFETCH(MemorySample, row);
        QFETCH(QString, written);
        QCOMPARE(MemorySampler::csvRow(row), written + QStringLiteral("\r\n"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        // Twice, with a blank-free file around it: the reader must find exactly these rows.
        const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + MemorySampler::csvHeader().toUtf8() + "\r\n"
            + MemorySampler::csvRow(row).toUtf8() + MemorySampler::csvRow(row).toUtf8();
        QVERIFY(TestSupport::writeFile(path, bytes));
        QList<MemorySample> rows;
        QString error;
        QVERIFY2(MemorySampler::readCsv(path, &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 2);
        for (const MemorySample& got : std::as_const(rows))
            compareSample(got, row);
    }

    // MogUp may die in the middle of writing a row: the reader keeps every whole row and drops the cut
    // one, wherever the cut fell. A cut always takes the line end and at least the last field's end, so a
    // cut row never passes for a whole one with wrong sizes.
    void truncatedLastLine_data()
    {
        QTest::addColumn<bool>("failedRow"); // the last row: a failed one (quoted reason) or a primary's
        QTest::addColumn<int>("keep");       // characters of the last row kept; negative: all but that many
        QTest::addColumn<int>("rows");       // whole rows the reader must return
        QTest::newRow("failed row whole") << true << 0x7fff << 3;
        QTest::newRow("failed row, only the CRLF lost: whole") << true << -2 << 3;
        QTest::newRow("failed row, only the LF lost") << true << -1 << 3;
        QTest::newRow("failed row cut inside the quoted reason") << true << -5 << 2;
        QTest::newRow("failed row cut inside the time") << true << 10 << 2;
        QTest::newRow("failed row cut right after the time") << true << 24 << 2;
        QTest::newRow("failed row cut after the time's comma") << true << 25 << 2;
        QTest::newRow("nothing of the row") << true << 0 << 2;
        QTest::newRow("primary row, CRLF lost: whole, empty reason") << false << -2 << 3;
        QTest::newRow("primary row cut before the last comma (freesize may be cut)") << false << -3 << 2;
        QTest::newRow("primary row cut inside freesize") << false << -4 << 2;
        QTest::newRow("primary row cut inside totalsize") << false << -9 << 2;
    }

    void truncatedLastLine()
    {
        QFETCH(bool, failedRow);
        QFETCH(int, keep);
        QFETCH(int, rows);
        const QString t1 = QStringLiteral("2026-11-24T01:02:03.000Z");
        const QString t2 = QStringLiteral("2026-11-24T01:02:05.000Z");
        const QString last = failedRow
            ? MemorySampler::csvRow(sample(t2, QStringLiteral("node1"), {}, {}, QStringLiteral("upgrade"), -1, -1,
                QStringLiteral("node1: a, \"b\"")))
            : MemorySampler::csvRow(sample(t2, QStringLiteral("node1"), QStringLiteral("primary"),
                QStringLiteral("2.0.1"), QStringLiteral("upgrade"), 8429568, 200));
        const QString text = MemorySampler::csvHeader() + QStringLiteral("\r\n")
            + MemorySampler::csvRow(sample(t1, QStringLiteral("node1"), QStringLiteral("primary"),
                QStringLiteral("2.0.1"), QStringLiteral("upgrade"), 8421376, 100))
            + MemorySampler::csvRow(sample(t1, QStringLiteral("node2"), QStringLiteral("standby"),
                QStringLiteral("2.0.1"), QStringLiteral("upgrade"), -1, -1))
            + last.left(keep < 0 ? last.size() + keep : keep);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        QVERIFY(TestSupport::writeFile(path, text.toUtf8()));
        QList<MemorySample> got;
        QString error;
        QVERIFY2(MemorySampler::readCsv(path, &got, &error), qPrintable(error));
        QCOMPARE(got.size(), rows);
        QCOMPARE(got.at(0).totalsize, qint64(8421376));
        QCOMPARE(got.at(1).totalsize, qint64(-1));
        if (rows == 3) {
            QCOMPARE(got.at(2).time, QDateTime::fromString(t2, Qt::ISODateWithMs));
            if (failedRow) {
                QCOMPARE(got.at(2).error, QStringLiteral("node1: a, \"b\""));
            } else {
                QCOMPARE(got.at(2).totalsize, qint64(8429568));
                QCOMPARE(got.at(2).freesize, qint64(200));
                QVERIFY(got.at(2).ok());
            }
        }
    }

    void readCsvRefusesOtherFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.csv"));
        QVERIFY(TestSupport::writeFile(path, "a,b,c\r\n1,2,3\r\n"));
        QList<MemorySample> rows;
        QString error;
        QVERIFY(!MemorySampler::readCsv(path, &rows, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!MemorySampler::readCsv(dir.filePath(QStringLiteral("missing.csv")), &rows, &error));
        QVERIFY2(error.contains(QStringLiteral("missing.csv")), qPrintable(error));
        // start() will not append to a file that is not ours.
        MemorySampler sampler(twoNodeProfile(), std::make_shared<ScriptedExecutor>([](const NodeProfile&) {
            return captured(0, QStringLiteral("Standby\n"));
        }));
        QVERIFY(!sampler.start(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(readBytes(path), QByteArray("a,b,c\r\n1,2,3\r\n"));
    }

    // --- how one sample's output is judged ------------------------------------------------------

    void fromOutput_data()
    {
        QTest::addColumn<CapturedRun>("run");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("version");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("free");
        QTest::addColumn<QString>("errorHas");
        const QString mem = QStringLiteral("Wal Sender|16826368|1024\n");
        QTest::newRow("primary") << captured(0, QStringLiteral("Primary\n") + kVersion201 + QLatin1Char('\n') + mem)
                                 << true << "primary" << "2.0.1" << qint64(16826368) << qint64(1024) << "";
        QTest::newRow("standby: no walsender row is none, not a failure")
            << captured(0, QStringLiteral("Standby\n") + kVersion201 + QLatin1Char('\n')) << true << "standby"
            << "2.0.1" << qint64(-1) << qint64(-1) << "";
        QTest::newRow("cascade standby feeding a cascade")
            << captured(0, QStringLiteral("Cascade Standby\n") + kVersion201 + QLatin1Char('\n') + mem) << true
            << "cascade_standby" << "2.0.1" << qint64(16826368) << qint64(1024) << "";
        QTest::newRow("warnings on stderr are not failures")
            << captured(0, QStringLiteral("Primary\n") + kVersion201 + QLatin1Char('\n') + mem,
                   QStringLiteral("[Warning]: The \"libpq.so\" loaded mismatch the version of gsql, please check it.\n"
                                  "expected: (MogDB 2.0.1 build f892ccb7)\nresult: (MogDB 2.0.3 build 00000000)\n"
                                  "WARNING: password file \"/home/omm/.pgpass\" has group or world access\n"
                                  "sudo: unable to resolve host node1: Name or service not known\n"))
            << true << "primary" << "2.0.1" << qint64(16826368) << qint64(1024) << "";
        QTest::newRow("memory statement failed, exit code 0")
            << captured(0, QStringLiteral("Primary\n") + kVersion201 + QLatin1Char('\n'),
                   QStringLiteral("ERROR:  relation \"gs_session_memory_detail\" does not exist\n"
                                  "LINE 1: select contextname\n"))
            << false << "primary" << "2.0.1" << qint64(-1) << qint64(-1) << "does not exist";
        QTest::newRow("database stopped")
            << captured(2, {}, QStringLiteral("failed to connect 127.0.0.1:26000.\n")) << false << "" << ""
            << qint64(-1) << qint64(-1) << "failed to connect 127.0.0.1:26000.";
        QTest::newRow("database starting")
            << captured(2, {}, QStringLiteral("gsql: FATAL:  the database system is starting up\n")) << false << ""
            << "" << qint64(-1) << qint64(-1) << "starting up";
        QTest::newRow("session cut by a switchover")
            << captured(2, QStringLiteral("Primary\n"),
                   QStringLiteral("FATAL:  terminating connection due to administrator command\n"
                                  "server closed the connection unexpectedly\n"
                                  "\tThis probably means the server terminated abnormally\n"
                                  "connection to server was lost\n"))
            << false << "primary" << "" << qint64(-1) << qint64(-1) << "terminating connection";
        QTest::newRow("nothing printed, exit 0")
            << captured(0, {}) << false << "" << "" << qint64(-1) << qint64(-1) << "no role";
        QTest::newRow("env file missing (exit 1)")
            << captured(1, {}, QStringLiteral("bash: /home/omm/.bashrc: No such file or directory\n")) << false
            << "" << "" << qint64(-1) << qint64(-1) << "No such file or directory";
        CapturedRun timedOut = captured(-1, {});
        timedOut.exec.timedOut = true;
        QTest::newRow("timeout") << timedOut << false << "" << "" << qint64(-1) << qint64(-1) << "10 s";
        CapturedRun notStarted;
        notStarted.exec.error = QStringLiteral("node1: cannot connect to 10.0.0.11:22: Connection timed out");
        QTest::newRow("SSH drop") << notStarted << false << "" << "" << qint64(-1) << qint64(-1)
                                  << "Connection timed out";
        QTest::newRow("malformed memory row")
            << captured(0, QStringLiteral("Primary\n") + kVersion201 + QStringLiteral("\nWal Sender|8 MB|1 kB\n"))
            << false << "primary" << "2.0.1" << qint64(-1) << qint64(-1) << "unexpected memory row";
    }

    void fromOutput()
    {
        QFETCH(CapturedRun, run);
        QFETCH(bool, ok);
        QFETCH(QString, role);
        QFETCH(QString, version);
        QFETCH(qint64, total);
        QFETCH(qint64, free);
        QFETCH(QString, errorHas);
        const MemorySample s = MemorySampler::fromOutput(QStringLiteral("node1"), run, 10000);
        QCOMPARE(s.ok(), ok);
        QCOMPARE(s.node, QStringLiteral("node1"));
        QCOMPARE(s.role, role);
        QCOMPARE(s.version, version);
        QCOMPARE(s.totalsize, total);
        QCOMPARE(s.freesize, free);
        if (!ok) {
            QVERIFY2(s.error.startsWith(QStringLiteral("node1: ")), qPrintable(s.error));
            QVERIFY2(s.error.contains(errorHas), qPrintable(s.error));
            // The reason is what failed, not the warnings that came with it.
            QVERIFY2(!s.error.contains(QStringLiteral("This probably means")), qPrintable(s.error));
        }
    }

    // The SQL MogUp sends, statement by statement: the role query gs_ctl uses, version(), and the vendor's
    // memory query made valid (GROUP BY contextname, raw bytes).
    void sampleSql()
    {
        const QStringList statements = NodeCommands::walSenderSampleSql().split(QStringLiteral("; "));
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0), QStringLiteral("select local_role from pg_stat_get_stream_replications()"));
        QCOMPARE(statements.at(1), QStringLiteral("select version()"));
        QCOMPARE(statements.at(2), NodeCommands::walSenderMemorySql());
        const ClusterProfile p = twoNodeProfile();
        const QString command = NodeCommands(p, p.nodes.first()).walSenderSample();
        QVERIFY2(command.contains(QStringLiteral("/opt/mogdb/app/bin/gsql -d postgres -p 26000 -A -t -c ")),
            qPrintable(command));
    }

    void defaultInterval()
    {
        ClusterProfile p = twoNodeProfile();
        QCOMPARE(MemorySampler::defaultIntervalMs(p), 5000);
        QTemporaryDir dir;
        p.sandbox = dir.path();
        QCOMPARE(MemorySampler::defaultIntervalMs(p), 5000); // no sandbox.json: speed 1
        QVERIFY(TestSupport::writeFile(dir.filePath(QStringLiteral("sandbox.json")), "{\"speed\": 2}"));
        QCOMPARE(MemorySampler::defaultIntervalMs(p), 2500);
        QVERIFY(TestSupport::writeFile(dir.filePath(QStringLiteral("sandbox.json")), "{\"speed\": 60}"));
        QCOMPARE(MemorySampler::defaultIntervalMs(p), 1000);
    }

    // --- the sampler's threads and file, with a scripted executor ---------------------------------

    // A file left by a run that died mid-row: start() ends the cut row (closing its quote), so the new rows
    // are not swallowed by it, writes no second header, and the reader finds the old and the new rows.
    void appendsAfterCrash()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        const QString whole = MemorySampler::csvRow(sample(QStringLiteral("2026-11-24T01:02:03.000Z"),
            QStringLiteral("n1"), QStringLiteral("primary"), QStringLiteral("2.0.1"), QStringLiteral("before"),
            8421376, 100, {}));
        const QByteArray before = QByteArray("\xEF\xBB\xBF") + MemorySampler::csvHeader().toUtf8() + "\r\n"
            + whole.toUtf8() + "2026-11-24T01:02:04.000Z,n1,,,before,,,\"n1: cut, in the mid";
        QVERIFY(TestSupport::writeFile(path, before));

        std::atomic<int> ticks { 0 };
        auto exec = std::make_shared<ScriptedExecutor>([&ticks](const NodeProfile& node) {
            ++ticks;
            if (node.name == QStringLiteral("n1"))
                return captured(0, QStringLiteral("Primary\n") + kVersion201 + QStringLiteral("\nWal Sender|100|10\n"));
            return captured(0, QStringLiteral("Standby\n") + kVersion201 + QLatin1Char('\n'));
        });
        MemorySampler sampler(twoNodeProfile(), exec);
        sampler.setIntervalMs(100);
        sampler.setPhase(QStringLiteral("after"));
        std::atomic<int> emitted { 0 };
        connect(&sampler, &MemorySampler::sampled, this, [&emitted](const MemorySample&) { ++emitted; },
            Qt::DirectConnection);
        QString error;
        QVERIFY2(sampler.start(path, &error), qPrintable(error));
        QVERIFY(sampler.isRunning());
        QVERIFY(!sampler.start(path, &error)); // already running
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(readRows(path), QStringLiteral("n2")).size() >= 3, 30000);
        sampler.stop();
        QVERIFY(!sampler.isRunning());

        const QByteArray after = readBytes(path);
        QVERIFY(after.startsWith(QByteArray(before + "\"\r\n"))); // the cut row ended, nothing before it changed
        QCOMPARE(after.count("time_utc,"), 1);       // one header
        QVERIFY(after.endsWith("\r\n"));
        const QList<MemorySample> rows = readRows(path);
        QCOMPARE(rows.size(), emitted.load() + 2); // the whole old row, the closed cut one, the new ones
        QCOMPARE(rows.at(0).phase, QStringLiteral("before"));
        QCOMPARE(rows.at(1).error, QStringLiteral("n1: cut, in the mid"));
        for (qsizetype i = 2; i < rows.size(); ++i) {
            const MemorySample& s = rows.at(i);
            QVERIFY2(s.ok(), qPrintable(s.error));
            QCOMPARE(s.phase, QStringLiteral("after"));
            QCOMPARE(s.version, QStringLiteral("2.0.1"));
            if (s.node == QStringLiteral("n1")) {
                QCOMPARE(s.role, QStringLiteral("primary"));
                QCOMPARE(s.totalsize, qint64(100));
                QCOMPARE(s.freesize, qint64(10));
            } else {
                QCOMPARE(s.role, QStringLiteral("standby"));
                QCOMPARE(s.totalsize, qint64(-1));
                QCOMPARE(s.freesize, qint64(-1));
            }
        }
        // Stopped means stopped: no command runs afterwards.
        const int ticksAtStop = ticks.load();
        QTest::qWait(300);
        QCOMPARE(ticks.load(), ticksAtStop);

        // A new file gets the header (with the byte order mark spreadsheets need for UTF-8).
        const QString fresh = dir.filePath(QStringLiteral("fresh.csv"));
        QVERIFY2(sampler.start(fresh, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(readRows(fresh).size() >= 2, 30000);
        sampler.stop();
        QVERIFY(readBytes(fresh).startsWith(
            QByteArray(QByteArray("\xEF\xBB\xBF") + MemorySampler::csvHeader().toUtf8() + "\r\n2")));

        QVERIFY(!sampler.start(dir.filePath(QStringLiteral("no/such/dir/samples.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("no/such/dir/samples.csv")), qPrintable(error));
    }

    // stop() ends a command that hangs, at once (the executor's cancel), and writes no row for it.
    void stopCancelsTheCommandInFlight()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        std::atomic<int> waiting { 0 };
        class HangingExecutor : public Executor
        {
        public:
            explicit HangingExecutor(std::atomic<int>* waiting)
                : m_waiting(waiting)
            {
            }
            ExecResult run(const NodeProfile&, const QString&, int, const CancelToken& cancel, const LineSink&) override
            {
                ++*m_waiting;
                while (!cancel.isCancelled())
                    QThread::msleep(10);
                ExecResult r;
                r.started = true;
                r.cancelled = true;
                return r;
            }
            std::atomic<int>* m_waiting;
        };
        MemorySampler sampler(twoNodeProfile(), std::make_shared<HangingExecutor>(&waiting));
        QString error;
        QVERIFY2(sampler.start(path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(waiting.load(), 2, 30000); // both nodes' commands are in flight
        sampler.stop();
        QCOMPARE(readRows(path).size(), 0);
    }

    // --- against a real sandbox --------------------------------------------------------------------

    // A 3-node 2.0.1 cluster sampled for a few ticks: the primary (the node the sandbox's state files name)
    // shows the leaking walsender, the standbys show none, every row is in the file as it was taken.
    void sandboxSampling()
    {
        TestSupport::Sandbox* sb = sandbox();
        QVERIFY2(sb->ok(), qPrintable(sb->error()));
        ClusterProfile profile;
        QVERIFY(ClusterProfile::load(sb->profile(), &profile, nullptr));
        const QString primary = primaryFromStateFiles();
        QCOMPARE(primary, QStringLiteral("node1"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        MemorySampler sampler(profile, std::make_shared<LocalExecutor>(profile));
        QCOMPARE(sampler.intervalMs(), 1000); // speed 60
        sampler.setPhase(QStringLiteral("before"));
        std::mutex mutex;
        QList<MemorySample> signalled;
        connect(
            &sampler, &MemorySampler::sampled, this,
            [&](const MemorySample& s) {
                std::lock_guard<std::mutex> lock(mutex);
                signalled << s;
            },
            Qt::DirectConnection);
        QString error;
        QVERIFY2(sampler.start(path, &error), qPrintable(error));
        // Rows are in the file while sampling goes on (read from the file itself, not from the sampler).
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(readRows(path), primary).size() >= 2, 60000);
        sampler.setPhase(QStringLiteral("upgrade"));
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(readRows(path), primary).size() >= 5, 60000);
        sampler.stop();

        const QList<MemorySample> rows = readRows(path);
        {
            std::lock_guard<std::mutex> lock(mutex);
            QCOMPARE(rows.size(), signalled.size()); // one row per emitted sample
        }
        for (const Sim::SandboxNode& n : sb->config().nodes) {
            const QList<MemorySample> mine = rowsOf(rows, n.name);
            QVERIFY2(mine.size() >= 4, qPrintable(n.name));
            for (const MemorySample& s : mine) {
                QVERIFY2(s.ok(), qPrintable(s.error));
                QCOMPARE(s.version, QStringLiteral("2.0.1"));
                QCOMPARE(s.time.timeSpec(), Qt::UTC);
                QVERIFY(s.phase == QStringLiteral("before") || s.phase == QStringLiteral("upgrade"));
                if (n.name == primary) {
                    QCOMPARE(s.role, QStringLiteral("primary"));
                    // Two archiving standbys: two walsenders of at least the base 8 MB context each.
                    QVERIFY2(s.totalsize >= 2 * 8413184, qPrintable(QString::number(s.totalsize)));
                    QVERIFY(s.freesize >= 0 && s.freesize < s.totalsize);
                } else {
                    // A standby has no walsender: recorded as none, not as 0.
                    QCOMPARE(s.role, QStringLiteral("standby"));
                    QCOMPARE(s.totalsize, qint64(-1));
                    QCOMPARE(s.freesize, qint64(-1));
                }
            }
            for (qsizetype i = 1; i < mine.size(); ++i)
                QVERIFY(mine.at(i).time > mine.at(i - 1).time);
        }
        // The 2.0.1 leak: what the walsenders use grows from tick to tick.
        const QList<MemorySample> p = rowsOf(rows, primary);
        for (qsizetype i = 1; i < p.size(); ++i) {
            const qint64 usedBefore = p.at(i - 1).totalsize - p.at(i - 1).freesize;
            const qint64 usedNow = p.at(i).totalsize - p.at(i).freesize;
            QVERIFY2(usedNow > usedBefore, qPrintable(QStringLiteral("%1 -> %2").arg(usedBefore).arg(usedNow)));
        }
        QVERIFY(p.last().totalsize > p.first().totalsize);
        QCOMPARE(p.first().phase, QStringLiteral("before"));
        QCOMPARE(p.last().phase, QStringLiteral("upgrade"));

        // The file itself: UTF-8 with a BOM, our header, standby sizes empty (not 0), CRLF rows.
        const QByteArray bytes = readBytes(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        QVERIFY(text.startsWith(MemorySampler::csvHeader() + QStringLiteral("\r\n")));
        QVERIFY(text.contains(QStringLiteral(",node2,standby,2.0.1,before,,,\r\n")));
        QVERIFY(text.contains(QStringLiteral(",node1,primary,2.0.1,upgrade,")));
        QCOMPARE(text.count(QStringLiteral("\r\n")), rows.size() + 1);
    }

    // The primary's database stops while sampling: its rows fail with a reason naming the node, the other
    // nodes go on being sampled, and once it is started again its samples work again.
    void primaryStopsAndComesBack()
    {
        TestSupport::Sandbox* sb = sandbox();
        QVERIFY2(sb->ok(), qPrintable(sb->error()));
        ClusterProfile profile;
        QVERIFY(ClusterProfile::load(sb->profile(), &profile, nullptr));
        const QString primaryName = primaryFromStateFiles();
        QVERIFY2(!primaryName.isEmpty() && profile.node(primaryName), qPrintable(primaryName));
        const NodeProfile primary = *profile.node(primaryName);
        auto exec = std::make_shared<LocalExecutor>(profile);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        MemorySampler sampler(profile, exec);
        QString error;
        QVERIFY2(sampler.start(path, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(readRows(path), primaryName).size() >= 1, 60000);

        CancelToken cancel;
        const NodeCommands cmd(profile, primary);
        const CapturedRun stopped = runCaptured(*exec, primary, cmd.gsCtlStop(), 60000, cancel);
        QVERIFY2(stopped.exec.ok(), qPrintable(stopped.out + stopped.err));
        const auto failedRows = [&] {
            QList<MemorySample> failed;
            for (const MemorySample& s : rowsOf(readRows(path), primaryName)) {
                if (!s.ok())
                    failed << s;
            }
            return failed;
        };
        // Two failed ticks in a row: sampling went on after the first failure.
        QTRY_VERIFY_WITH_TIMEOUT(failedRows().size() >= 2, 60000);
        const MemorySample failed = failedRows().first();
        QVERIFY2(failed.error.startsWith(primaryName + QStringLiteral(": ")), qPrintable(failed.error));
        QVERIFY2(failed.error.contains(QStringLiteral("failed to connect")), qPrintable(failed.error));
        QCOMPARE(failed.totalsize, qint64(-1));
        QCOMPARE(failed.freesize, qint64(-1));
        // The standbys are still sampled meanwhile.
        const auto standbySampledSince = [&](const QDateTime& since) {
            for (const MemorySample& s : rowsOf(readRows(path), QStringLiteral("node2"))) {
                if (s.time > since && s.ok() && s.role == QStringLiteral("standby"))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(standbySampledSince(failed.time), 60000);

        const CapturedRun started = runCaptured(*exec, primary, cmd.gsCtlStart(QStringLiteral("primary")), 60000, cancel);
        QVERIFY2(started.exec.ok(), qPrintable(started.out + started.err));
        const QDateTime restarted = QDateTime::currentDateTimeUtc();
        // Recovered: a working sample of the primary with its walsenders back (the standbys reconnect).
        const auto primarySampledSince = [&](const QDateTime& since) {
            for (const MemorySample& s : rowsOf(readRows(path), primaryName)) {
                if (s.time > since && s.ok() && s.role == QStringLiteral("primary") && s.totalsize > 0)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(primarySampledSince(restarted), 90000);
        sampler.stop();
        // Every failed row sits between working ones, written whole.
        const QList<MemorySample> mine = rowsOf(readRows(path), primaryName);
        QVERIFY(mine.first().ok());
        QVERIFY(mine.last().ok());
    }
};

QTEST_GUILESS_MAIN(Tst_MemorySampler)
#include "tst_memory_sampler.moc"
