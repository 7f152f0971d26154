// The database half of the sandbox (sim/GaussdbServer.cpp, GsCtlTool.cpp, GsqlTool.cpp): real
// processes, files and TCP, asserted on what a user sees. Each test builds its own small sandbox by
// hand (no SandboxBuilder) and kills every process of it when it ends, also on failure.
#include <QtTest>

#include "FaultInjector.h"
#include "SimLayout.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

#include <signal.h>

#include <memory>

using TestSupport::ProcessResult;

namespace {

const QString kBuild201 = QStringLiteral("MogDB 2.0.1 build f892ccb7");
const QString kBuild203 = QStringLiteral("MogDB 2.0.3 build b5bc5bc4");

QString simBinary(const QString& version)
{
    return TestSupport::binDir() + QStringLiteral("/mogdb-sim-") + version;
}

bool portPairFree(int port)
{
    for (int p : { port, port + 1 }) {
        QTcpServer s;
        if (!s.listen(QHostAddress(QStringLiteral("127.0.0.1")), quint16(p)))
            return false;
    }
    return true;
}

// A hand-made sandbox: DIR/sandbox.json, DIR/nodeN/app/{bin,lib}, DIR/nodeN/data/postgresql.conf.
class MiniSandbox
{
public:
    explicit MiniSandbox(int nodes, double speed = 1.0)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary directory");
            return;
        }
        Sim::SandboxConfig cfg;
        cfg.root = dir();
        cfg.speed = speed;
        cfg.install = QStringLiteral("manual");
        cfg.mogha = false;
        cfg.dbUser = qEnvironmentVariable("USER", QStringLiteral("omm"));
        // Ports: a pair (client, replication) per node, spaced 10 apart.
        int base = 20000 + int(QRandomGenerator::global()->bounded(3000)) * 10;
        for (int tries = 0; tries < 200; ++tries, base += 37) {
            bool free = true;
            for (int i = 0; i < nodes && free; ++i)
                free = portPairFree(base + i * 10);
            if (free)
                break;
        }
        for (int i = 0; i < nodes; ++i) {
            Sim::SandboxNode n;
            n.name = QStringLiteral("node%1").arg(i + 1);
            n.host = QStringLiteral("127.0.0.1");
            n.dbPort = base + i * 10;
            n.root = dir() + QLatin1Char('/') + n.name;
            n.gausshome = n.root + QStringLiteral("/app");
            n.pgdata = n.root + QStringLiteral("/data");
            n.initialRole = i == 0 ? QStringLiteral("primary") : QStringLiteral("standby");
            n.instanceId = 6001 + i;
            cfg.nodes.append(n);
        }
        m_config = cfg;
        if (!cfg.save(&m_error))
            return;
        for (int i = 0; i < nodes; ++i) {
            const Sim::SandboxNode& n = cfg.nodes.at(i);
            QDir().mkpath(n.gausshome + QStringLiteral("/bin"));
            QDir().mkpath(n.gausshome + QStringLiteral("/lib"));
            QDir().mkpath(n.pgdata);
            if (!installBuild(i + 1, QStringLiteral("2.0.1"), true, true))
                return;
            for (const char* link : { "gs_ctl", "gsql", "mogdb" }) {
                if (!QFile::link(QStringLiteral("gaussdb"),
                        n.gausshome + QStringLiteral("/bin/") + QLatin1String(link))) {
                    m_error = QStringLiteral("cannot create symlink");
                    return;
                }
            }
            TestSupport::writeFile(n.pgdata + QStringLiteral("/PG_VERSION"), "9.2\n");
            QString conf = QStringLiteral("port = %1\nlisten_addresses = '127.0.0.1'\n").arg(n.dbPort);
            int k = 1;
            for (const Sim::SandboxNode& other : std::as_const(cfg.nodes)) {
                if (other.name == n.name)
                    continue;
                conf += QStringLiteral(
                    "replconninfo%1 = 'localhost=127.0.0.1 localport=%2 localheartbeatport=%3 "
                    "remotehost=127.0.0.1 remoteport=%4 remoteheartbeatport=%5'\n")
                            .arg(k++)
                            .arg(n.dbPort + 1)
                            .arg(n.dbPort + 5)
                            .arg(other.dbPort + 1)
                            .arg(other.dbPort + 5);
            }
            conf += QStringLiteral(
                "archive_mode = %1\narchive_dest = '%2/archive'\n"
                "synchronous_standby_names = '*'\nsynchronous_commit = on\nmost_available_sync = off\n")
                        .arg(i == 0 ? QStringLiteral("off") : QStringLiteral("on"), n.root);
            TestSupport::writeFile(n.pgdata + QStringLiteral("/postgresql.conf"), conf.toUtf8());
        }
        m_ok = true;
    }

    ~MiniSandbox() { killAll(); }

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString dir() const { return m_dir.path(); }
    const Sim::SandboxNode& node(int i) const { return m_config.nodes.at(i - 1); }
    QString pgdata(int i) const { return node(i).pgdata; }
    int port(int i) const { return node(i).dbPort; }
    QString tool(int i, const QString& name) const
    {
        return node(i).gausshome + QStringLiteral("/bin/") + name;
    }

    // Copies mogdb-sim-<version> as bin/gaussdb and/or writes the lib marker of that version.
    bool installBuild(int i, const QString& version, bool bin, bool lib)
    {
        const Sim::SandboxNode& n = node(i);
        if (bin) {
            const QString target = n.gausshome + QStringLiteral("/bin/gaussdb");
            QFile::remove(target);
            if (!QFile::copy(simBinary(version), target)) {
                m_error = QStringLiteral("cannot copy %1").arg(simBinary(version));
                return false;
            }
        }
        if (lib) {
            const QString marker = version == QStringLiteral("2.0.1") ? kBuild201 : kBuild203;
            TestSupport::writeFile(
                n.gausshome + QStringLiteral("/lib/libpq.so.5.5"), (marker + QLatin1Char('\n')).toUtf8());
        }
        return true;
    }

    QProcessEnvironment env(int i) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SSH_CONNECTION"));
        e.remove(QStringLiteral("MOGUP_SANDBOX"));
        e.remove(QStringLiteral("PGDATA"));
        e.remove(QStringLiteral("PGPORT"));
        e.insert(QStringLiteral("MOGUP_SIM_NODE"), node(i).name);
        return e;
    }

    ProcessResult gsCtl(int i, const QStringList& args, int timeoutMs = 30000) const
    {
        return TestSupport::run(tool(i, QStringLiteral("gs_ctl")), args, timeoutMs, env(i));
    }
    ProcessResult start(int i, const QString& mode) const
    {
        return gsCtl(
            i, { QStringLiteral("start"), QStringLiteral("-D"), pgdata(i), QStringLiteral("-M"), mode });
    }
    ProcessResult stop(int i) const
    {
        return gsCtl(i, { QStringLiteral("stop"), QStringLiteral("-D"), pgdata(i) });
    }
    ProcessResult query(int i) const
    {
        return gsCtl(i, { QStringLiteral("query"), QStringLiteral("-D"), pgdata(i) });
    }
    ProcessResult gsql(int i, const QString& sql, const QStringList& extra = {}) const
    {
        return TestSupport::run(tool(i, QStringLiteral("gsql")),
            QStringList { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"),
                QString::number(port(i)) }
                + extra + QStringList { QStringLiteral("-c"), sql },
            30000, env(i));
    }
    QString sqlValue(int i, const QString& sql) const
    {
        return gsql(i, sql, { QStringLiteral("-A"), QStringLiteral("-t") }).out.trimmed();
    }
    qint64 serverPid(int i) const
    {
        return TestSupport::readFile(pgdata(i) + QStringLiteral("/postmaster.pid"))
            .section(QLatin1Char('\n'), 0, 0)
            .toLongLong();
    }
    void addFault(const QByteArray& json)
    {
        TestSupport::writeFile(dir() + QStringLiteral("/faults.json"), json);
    }

    // Every process whose executable lies in the sandbox (servers, hung tools), by /proc scan.
    QList<qint64> processes() const
    {
        QList<qint64> out;
        const QString prefix = QDir(dir()).canonicalPath() + QLatin1Char('/');
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString& e : entries) {
            bool ok = false;
            const qint64 pid = e.toLongLong(&ok);
            if (!ok)
                continue;
            const QString exe = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid));
            if (exe.startsWith(prefix) && Sim::processAlive(pid))
                out.append(pid);
        }
        return out;
    }

    void killAll()
    {
        for (int round = 0; round < 3; ++round) {
            const QList<qint64> pids = processes();
            if (pids.isEmpty())
                return;
            for (qint64 pid : pids)
                ::kill(pid_t(pid), SIGKILL);
            TestSupport::waitFor([this] { return processes().isEmpty(); }, 3000);
        }
    }

private:
    QTemporaryDir m_dir;
    Sim::SandboxConfig m_config;
    bool m_ok = false;
    QString m_error;
};

QString field(const QString& name, const QString& value)
{
    return QStringLiteral("\t%1 : %2\n").arg(name, -30).arg(value);
}

// gs_ctl query output with the varying values (pids, LSNs, channel ports) replaced.
QString normalizeQuery(QString text)
{
    static const QRegularExpression lsn(QStringLiteral("[0-9A-F]+/[0-9A-F]+\n"));
    static const QRegularExpression pid(QStringLiteral("(sender_pid|receiver_pid)( +): \\d+\n"));
    static const QRegularExpression channel(QStringLiteral("(channel +: )\\S+\n"));
    text.replace(lsn, QStringLiteral("X/X\n"));
    text.replace(pid, QStringLiteral("\\1\\2: N\n"));
    text.replace(channel, QStringLiteral("\\1CH\n"));
    return text;
}

QString haBlock(const QString& role, int connections, const QString& state = QStringLiteral("Normal"),
    const QString& detail = QStringLiteral("Normal"))
{
    return QStringLiteral(" HA state:           \n") + field(QStringLiteral("local_role"), role)
        + field(QStringLiteral("static_connections"), QString::number(connections))
        + field(QStringLiteral("db_state"), state) + field(QStringLiteral("detail_information"), detail)
        + QStringLiteral("\n");
}

QString lsnFields(const QStringList& names)
{
    QString s;
    for (const QString& n : names)
        s += field(n, QStringLiteral("X/X"));
    return s;
}

const QStringList kLocations { QStringLiteral("sender_sent_location"),
    QStringLiteral("sender_write_location"), QStringLiteral("sender_flush_location"),
    QStringLiteral("sender_replay_location"), QStringLiteral("receiver_received_location"),
    QStringLiteral("receiver_write_location"), QStringLiteral("receiver_flush_location"),
    QStringLiteral("receiver_replay_location") };

QString senderBlock(const QString& syncState, const QString& priority)
{
    return field(QStringLiteral("sender_pid"), QStringLiteral("N"))
        + field(QStringLiteral("local_role"), QStringLiteral("Primary"))
        + field(QStringLiteral("peer_role"), QStringLiteral("Standby"))
        + field(QStringLiteral("peer_state"), QStringLiteral("Normal"))
        + field(QStringLiteral("state"), QStringLiteral("Streaming")) + lsnFields(kLocations)
        + field(QStringLiteral("sync_percent"), QStringLiteral("100%"))
        + field(QStringLiteral("sync_state"), syncState) + field(QStringLiteral("sync_priority"), priority)
        + field(QStringLiteral("sync_most_available"), QStringLiteral("Off"))
        + field(QStringLiteral("channel"), QStringLiteral("CH")) + QStringLiteral("\n");
}

QString receiverBlock()
{
    return field(QStringLiteral("receiver_pid"), QStringLiteral("N"))
        + field(QStringLiteral("local_role"), QStringLiteral("Standby"))
        + field(QStringLiteral("peer_role"), QStringLiteral("Primary"))
        + field(QStringLiteral("peer_state"), QStringLiteral("Normal"))
        + field(QStringLiteral("state"), QStringLiteral("Normal")) + lsnFields(kLocations)
        + field(QStringLiteral("sync_percent"), QStringLiteral("100%"))
        + field(QStringLiteral("channel"), QStringLiteral("CH")) + QStringLiteral("\n");
}

QString firstLineRe(const QString& what, const QString& pgdata)
{
    return QStringLiteral(
               "^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]\\[\\d+\\]\\[\\]\\[gs_ctl\\]: ")
        + QRegularExpression::escape(what + pgdata + QLatin1Char(' ')) + QStringLiteral("\n");
}

// Everything after the first (prefixed) line.
QString body(const QString& out)
{
    return out.mid(out.indexOf(QLatin1Char('\n')) + 1);
}

int countOf(const QString& text, const QString& what)
{
    return int(text.count(what));
}

qint64 walSenderTotal(const MiniSandbox& sb, int node)
{
    return sb
        .sqlValue(node,
            QStringLiteral(
                "select sum(totalsize) from gs_session_memory_detail where contextname='Wal Sender'"))
        .toLongLong();
}

bool streaming(const MiniSandbox& sb, int primary, int standbys)
{
    const ProcessResult q = sb.query(primary);
    return countOf(q.out, QStringLiteral("\tstate                          : Streaming\n")) == standbys;
}

// gs_ctl's output with the pg_log() prefix "[time][pid][][gs_ctl]: " written as "P: ".
QString unprefixed(QString out)
{
    static const QRegularExpression prefix(QStringLiteral(
        "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]\\[\\d+\\]\\[\\]\\[gs_ctl\\]: "));
    return out.replace(prefix, QStringLiteral("P: "));
}

// The LSN of a gs_ctl query field ("0/14000258" -> 0x14000258); 0 if absent.
quint64 lsnOf(const QString& queryOut, const QString& name)
{
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("\t") + name + QStringLiteral(" +: ([0-9A-F]+)/([0-9A-F]+)\n"))
              .match(queryOut);
    if (!m.hasMatch())
        return 0;
    return (m.captured(1).toULongLong(nullptr, 16) << 32) | m.captured(2).toULongLong(nullptr, 16);
}

// Established TCP connections to 127.0.0.1:port, seen from the client side (/proc/net/tcp).
int establishedTo(int port)
{
    int n = 0;
    const QStringList lines
        = TestSupport::readFile(QStringLiteral("/proc/net/tcp")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QStringList f = line.simplified().split(QLatin1Char(' '));
        if (f.size() > 3 && f.at(3) == QStringLiteral("01")
            && f.at(2).section(QLatin1Char(':'), 1).toInt(nullptr, 16) == port)
            ++n;
    }
    return n;
}

} // namespace

#define REQUIRE_SANDBOX(sb) QVERIFY2((sb).ok(), qPrintable((sb).error()))

class Tst_sim_tools : public QObject
{
    Q_OBJECT
private slots:
    void versions_data();
    void versions();
    void primaryStandbyQuery();
    void walsenderLeak();
    void refusesMismatchedBuilds();
    void switchover_data();
    void switchover();
    void startStillStarting();
    void gsCtlMessages_data();
    void gsCtlMessages();
    void memoryQuery_data();
    void memoryQuery();
    void walLoad();
    void stderrNoise_data();
    void stderrNoise();
    void gsqlLibpqMismatch();
    void gsqlScriptFile();
    void faults();
    void cleanupTestCase();

private:
    std::unique_ptr<MiniSandbox> m_memorySandbox;
};

void Tst_sim_tools::versions_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("expected");
    const QString v201
        = QStringLiteral("(MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  ");
    const QString v203
        = QStringLiteral("(MogDB 2.0.3 build b5bc5bc4) compiled at 2022-06-20 11:35:42 commit 0 last mr  ");
    // gaussdb -V and gsql -V print DEF_GS_VERSION (main.cpp, startup.cpp showVersion()); gs_ctl -V of a
    // single-node build prints "gs_ctl (openGauss) " PG_VERSION (pg_ctl.cpp Help()).
    for (const QString& v : { QStringLiteral("2.0.1"), QStringLiteral("2.0.3") }) {
        const QString build = v == QStringLiteral("2.0.1") ? v201 : v203;
        QTest::addRow("%s-gaussdb", qPrintable(v))
            << v << QStringLiteral("gaussdb") << QStringLiteral("gaussdb ") + build + QLatin1Char('\n');
        QTest::addRow("%s-gsql", qPrintable(v))
            << v << QStringLiteral("gsql") << QStringLiteral("gsql ") + build + QLatin1Char('\n');
        QTest::addRow("%s-gs_ctl", qPrintable(v))
            << v << QStringLiteral("gs_ctl") << QStringLiteral("gs_ctl (openGauss) 9.2.4\n");
    }
}

void Tst_sim_tools::versions()
{
    QFETCH(QString, version);
    QFETCH(QString, tool);
    QFETCH(QString, expected);
    const ProcessResult r = TestSupport::run(simBinary(version), { tool, QStringLiteral("-V") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expected);
    QCOMPARE(r.err, QString());
}

void Tst_sim_tools::primaryStandbyQuery()
{
    MiniSandbox sb(3);
    REQUIRE_SANDBOX(sb);

    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl started,datadir is "), sb.pgdata(1)))
                 .match(r.out)
                 .hasMatch(),
        qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]: waiting for server to start...\n")));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]:  done\n")));
    QVERIFY(
        r.out.endsWith(QStringLiteral("[gs_ctl]: server started (") + sb.pgdata(1) + QStringLiteral(")\n")));
    QVERIFY(QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    QVERIFY(Sim::processAlive(sb.serverPid(1)));

    // Starting a running server: the message, and exit code 0 (!).
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral(
                 "[gs_ctl]:  another server might be running; Please use the restart command\n")),
        qPrintable(r.out));

    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QCOMPARE(sb.start(3, QStringLiteral("standby")).exitCode, 0);
    QVERIFY2(TestSupport::waitFor([&] { return streaming(sb, 1, 2); }, 15000), qPrintable(sb.query(1).out));

    // Primary: byte layout of §1.3, two senders (Sync, Potential), no receiver.
    r = sb.query(1);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl query ,datadir is "), sb.pgdata(1)))
                 .match(r.out)
                 .hasMatch(),
        qPrintable(r.out));
    QCOMPARE(normalizeQuery(body(r.out)),
        haBlock(QStringLiteral("Primary"), 2) + QStringLiteral(" Senders info:       \n")
            + senderBlock(QStringLiteral("Sync"), QStringLiteral("1"))
            + senderBlock(QStringLiteral("Potential"), QStringLiteral("1"))
            + QStringLiteral(" Receiver info:      \nNo information \n"));
    const QString replPort = QString::number(sb.port(1) + 1);
    QVERIFY(QRegularExpression(QStringLiteral("\tchannel +: 127\\.0\\.0\\.1:") + replPort
        + QStringLiteral("-->127\\.0\\.0\\.1:\\d+\n"))
                .match(r.out)
                .hasMatch());

    // Standby: no senders, a receiver streaming from the primary's replication port.
    TestSupport::waitFor(
        [&] { return sb.query(2).out.contains(QStringLiteral("sync_percent                   : 100%")); },
        5000);
    r = sb.query(2);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(normalizeQuery(body(r.out)),
        haBlock(QStringLiteral("Standby"), 2)
            + QStringLiteral(" Senders info:       \nNo information \n Receiver info:      \n")
            + receiverBlock());
    QVERIFY(QRegularExpression(
        QStringLiteral("\tchannel +: 127\\.0\\.0\\.1:\\d+<--127\\.0\\.0\\.1:") + replPort + QLatin1Char('\n'))
                .match(r.out)
                .hasMatch());

    // gsql: version() of this build, aligned and unaligned output, recovery state, errors.
    r = sb.gsql(1, QStringLiteral("select version();"), { QStringLiteral("-A"), QStringLiteral("-t") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral("PostgreSQL 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit "
                       "0 last mr   "
                       "on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit\n"));
    r = sb.gsql(1, QStringLiteral("select 1"));
    QCOMPARE(r.out, QStringLiteral(" ?column? \n----------\n        1\n(1 row)\n\n"));
    r = sb.gsql(1, QStringLiteral("select 1"), { QStringLiteral("-t") });
    QCOMPARE(r.out, QStringLiteral("        1\n\n"));
    r = sb.gsql(1,
        QStringLiteral(
            "SELECT local_role, static_connections, db_state FROM pg_stat_get_stream_replications()"));
    QCOMPARE(r.out,
        QStringLiteral(" local_role | static_connections | db_state \n"
                       "------------+--------------------+----------\n"
                       " Primary    |                  2 | Normal\n"
                       "(1 row)\n\n"));
    r = sb.gsql(2,
        QStringLiteral(
            "select local_role, static_connections, db_state from pg_stat_get_stream_replications()"),
        { QStringLiteral("-A") });
    QCOMPARE(r.out, QStringLiteral("local_role|static_connections|db_state\nStandby|2|Normal\n(1 row)\n"));
    QCOMPARE(sb.sqlValue(1, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("f"));
    QCOMPARE(sb.sqlValue(2, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("t"));
    // A failed -c statement: the error with libpq's cursor display on stderr, exit 0 (gsql's MainLoop
    // without ON_ERROR_STOP).
    r = sb.gsql(1, QStringLiteral("select * from no_such_table"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err,
        QStringLiteral("ERROR:  relation \"no_such_table\" does not exist\n"
                       "LINE 1: select * from no_such_table\n"
                       "                      ^\n"));
    QVERIFY(r.out.isEmpty());

    // Stop a standby: no process, no pid file; query and stop on it now fail like the real tool.
    const qint64 standbyPid = sb.serverPid(3);
    r = sb.stop(3);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl stopped ,datadir is "), sb.pgdata(3)))
                 .match(r.out)
                 .hasMatch(),
        qPrintable(r.out));
    QVERIFY(
        QRegularExpression(QStringLiteral("\nwaiting for server to shut down\\.+ done\nserver stopped\n$"))
            .match(r.out)
            .hasMatch());
    QVERIFY(!Sim::processAlive(standbyPid));
    QVERIFY(!QFile::exists(sb.pgdata(3) + QStringLiteral("/postmaster.pid")));
    const QString noPid = QStringLiteral("[gs_ctl]:  PID file \"") + sb.pgdata(3)
        + QStringLiteral("/postmaster.pid\" does not exist\n");
    r = sb.query(3);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(noPid) && r.out.endsWith(QStringLiteral("[gs_ctl]: Is server running?\n")),
        qPrintable(r.out));
    // do_stop() has its own text, with a period.
    r = sb.stop(3);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("[gs_ctl]:  PID file \"") + sb.pgdata(3)
                 + QStringLiteral("/postmaster.pid\" does not exist.\n")),
        qPrintable(r.out));
    r = sb.gsql(3, QStringLiteral("select 1"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect Unknown:%1.\n").arg(sb.port(3)));
    r = sb.gsql(3, QStringLiteral("select 1"), { QStringLiteral("-h"), QStringLiteral("127.0.0.1") });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect 127.0.0.1:%1.\n").arg(sb.port(3)));
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 5000));

    // The primary goes away: the standby needs repair, and reconnects when the primary is back.
    QCOMPARE(sb.stop(1).exitCode, 0);
    QVERIFY(TestSupport::waitFor(
        [&] {
            return sb.query(2).out.contains(QStringLiteral("db_state                       : Need repair\n"));
        },
        5000));
    r = sb.query(2);
    QVERIFY(r.out.contains(field(QStringLiteral("detail_information"), QStringLiteral("Disconnected"))));
    QVERIFY(r.out.endsWith(QStringLiteral(" Receiver info:      \nNo information \n")));
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QVERIFY2(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000), qPrintable(sb.query(1).out));
    QVERIFY(sb.query(2).out.contains(field(QStringLiteral("db_state"), QStringLiteral("Normal"))));
}

void Tst_sim_tools::walsenderLeak()
{
    MiniSandbox sb(2, 3600);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000));

    // 2.0.1: the Wal Sender context grows (8 KB blocks on top of ~8 MB).
    const qint64 first = walSenderTotal(sb, 1);
    QVERIFY2(first >= 8413184, qPrintable(QString::number(first)));
    QCOMPARE(first % 8192, qint64(8413184 % 8192));
    qint64 later = 0;
    QVERIFY(TestSupport::waitFor(
        [&] {
            later = walSenderTotal(sb, 1);
            return later > first + 1024 * 1024;
        },
        10000));
    // The procedure's query made valid (GROUP BY; the vendor's own text fails, see memoryQuery),
    // pg_size_pretty'd.
    ProcessResult r = sb.gsql(1,
        QStringLiteral(
            "select contextname,pg_size_pretty(sum(totalsize)),pg_size_pretty(sum(freesize)) \n"
            "from gs_session_memory_detail \nwhere contextname ='Wal Sender' group by contextname;"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^ contextname \\| pg_size_pretty \\| pg_size_pretty "
                                "\n-------------\\+----------------\\+----------------\n"
                                " Wal Sender  \\| \\d+ (kB|MB) +\\| \\d+ (bytes|kB)\n\\(1 row\\)\n\n$"))
                 .match(r.out)
                 .hasMatch(),
        qPrintable(r.out));
    r = sb.gsql(1,
        QStringLiteral(
            "select sesstype, level, parent from gs_session_memory_detail where contextname = 'Wal Sender'"),
        { QStringLiteral("-A"), QStringLiteral("-t") });
    QCOMPARE(r.out, QStringLiteral("WalSender|1|ThreadTopMemoryContext\n"));
    // A standby has no walsender.
    QCOMPARE(walSenderTotal(sb, 2), qint64(0));

    // The same cluster on 2.0.3 (bin and lib swapped): flat.
    QCOMPARE(sb.stop(2).exitCode, 0);
    QCOMPARE(sb.stop(1).exitCode, 0);
    for (int i : { 1, 2 })
        QVERIFY(sb.installBuild(i, QStringLiteral("2.0.3"), true, true));
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000));
    QVERIFY(sb.sqlValue(1, QStringLiteral("select version()")).contains(kBuild203));
    // Ten samples, each a gsql run (together far more simulated time at speed 3600 than 2.0.1 needed
    // above to grow by 1 MB): the total never moves.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(walSenderTotal(sb, 1), qint64(8413184));
}

void Tst_sim_tools::refusesMismatchedBuilds()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    // bin swapped to 2.0.3, lib still 2.0.1: the server refuses to start and gs_ctl says why.
    QVERIFY(sb.installBuild(1, QStringLiteral("2.0.3"), true, false));
    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("libpq.so.5.5"))
            && r.out.contains(QStringLiteral("version mismatch")) && r.out.contains(kBuild201)
            && r.out.contains(kBuild203),
        qPrintable(r.out));
    QVERIFY(r.out.endsWith(QStringLiteral("[gs_ctl]:  could not start server\nExamine the log output.\n")));
    QVERIFY(!QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    QVERIFY(sb.processes().isEmpty());
    // lib swapped too: it starts, a single node reports Normal.
    QVERIFY(sb.installBuild(1, QStringLiteral("2.0.3"), false, true));
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QVERIFY(sb.query(1).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Normal"))));
    QCOMPARE(sb.stop(1).exitCode, 0);

    // The client port is taken by someone else.
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress(QStringLiteral("127.0.0.1")), quint16(sb.port(1))));
        r = sb.start(1, QStringLiteral("primary"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(QStringLiteral("FATAL:  could not create any TCP/IP sockets")), qPrintable(r.out));
        QVERIFY(!QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    }

    // gs_ctl of another build than the gaussdb next to it.
    const QString gsCtl = sb.tool(1, QStringLiteral("gs_ctl"));
    QFile::remove(gsCtl);
    QVERIFY(QFile::copy(simBinary(QStringLiteral("2.0.1")), gsCtl));
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("The program \"gaussdb\" was found by \"") + gsCtl
                 + QStringLiteral("\"\nbut was not the same version as gs_ctl.\n")),
        qPrintable(r.out));

    // A missing PGDATA/postgresql.conf.
    QVERIFY(QFile::remove(gsCtl));
    QVERIFY(QFile::link(QStringLiteral("gaussdb"), gsCtl));
    QVERIFY(QFile::remove(sb.pgdata(1) + QStringLiteral("/postgresql.conf")));
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.contains(QStringLiteral("could not access the server configuration file")), qPrintable(r.out));
}

void Tst_sim_tools::switchover_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<bool>("promotePending");
    QTest::addColumn<int>("minPolls");
    // pg_ctl.cpp do_switchover(): one role poll (and dot) a second; after the role changed three more.
    // At speed 1 the server's switchover (4.5 s) spans at least 4 unchanged polls, as in the reference
    // capture (8 dots); at the tests' speed it spans one.
    QTest::newRow("speed-60") << 60.0 << false << 4;
    QTest::newRow("speed-1") << 1.0 << false << 7;
    QTest::newRow("promote-stops-at-pending") << 60.0 << true << 4;
}

void Tst_sim_tools::switchover()
{
    QFETCH(double, speed);
    QFETCH(bool, promotePending);
    QFETCH(int, minPolls);
    MiniSandbox sb(2, speed);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000));
    if (promotePending)
        QVERIFY(Sim::setFaultKind(sb.dir(), Sim::promotePendingKind(), QStringLiteral("node2"), true));

    // An open client session on the primary: gsql connected, waiting for its script on stdin.
    QProcess session;
    session.setProcessEnvironment(sb.env(1));
    session.start(sb.tool(1, QStringLiteral("gsql")),
        { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"),
            QString::number(sb.port(1)) });
    QVERIFY(session.waitForStarted());
    QVERIFY(TestSupport::waitFor([&] { return establishedTo(sb.port(1)) >= 1; }, 10000));

    ProcessResult r
        = sb.gsCtl(2, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(2) }, 120000);
    QCOMPARE(r.exitCode, 0);
    const QString out = unprefixed(r.out);
    const QString head = QStringLiteral("P: gs_ctl switchover ,datadir is %1 \nP: switchover term (1)\nP: "
                                        "waiting for server to switchover...")
                             .arg(sb.pgdata(2));
    QVERIFY2(out.startsWith(head), qPrintable(r.out));
    const QString dots = out.mid(head.size()).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(dots.count(QLatin1Char('.')) == dots.size() && dots.size() >= minPolls && dots.size() < 30,
        qPrintable(r.out));
    const QString tail = out.mid(head.size() + dots.size());
    if (promotePending) {
        // The role changed (to Pending), but not to Primary: the timeout text, exit 0, and it stopped
        // polling three rounds after the change, not after 60.
        QCOMPARE(tail,
            QStringLiteral(
                "\nP: \n switchover timeout after 60 seconds. please manually check the cluster status.\n"));
        r = sb.query(2);
        QVERIFY2(r.out.contains(field(QStringLiteral("local_role"), QStringLiteral("Pending")))
                && r.out.contains(field(QStringLiteral("db_state"), QStringLiteral("Wait promoting"))),
            qPrintable(r.out));
        QVERIFY(sb.query(1).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Standby"))));
        // Pending is not a standby: another switchover is refused.
        r = sb.gsCtl(2, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(2) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.endsWith(QStringLiteral(
            "[gs_ctl]:  cannot switchover server; server is not in standby or cascade standby mode\n")));
    } else {
        QCOMPARE(tail, QStringLiteral("\nP: done\nP: switchover completed (%1)\n").arg(sb.pgdata(2)));
    }

    // The old primary demoted only after it had ended its sessions; the new one promoted after that.
    const QString log1 = TestSupport::readFile(sb.pgdata(1) + QStringLiteral("/pg_log/gaussdb.log"));
    const qsizetype asked = log1.indexOf(QStringLiteral("received switchover request from standby node2"));
    const qsizetype cut = log1.indexOf(QStringLiteral("terminating 1 client session(s) for the demote"));
    const qsizetype demoted = log1.indexOf(QStringLiteral("demoted to standby"));
    QVERIFY2(asked >= 0 && cut > asked && demoted > cut, qPrintable(log1));
    const QString log2 = TestSupport::readFile(sb.pgdata(2) + QStringLiteral("/pg_log/gaussdb.log"));
    const qsizetype promoting = log2.indexOf(QStringLiteral("the primary has demoted, promoting"));
    QVERIFY2(promoting >= 0
            && log2.indexOf(promotePending ? QStringLiteral("promotion did not complete, server is pending")
                                           : QStringLiteral("switchover completed, now primary"))
                > promoting,
        qPrintable(log2));

    // The session was cut: its next statement finds the connection gone (libpq + CheckConnection()).
    session.write("select 1;\n");
    session.closeWriteChannel();
    QVERIFY(session.waitForFinished(30000));
    QCOMPARE(session.exitCode(), 2);
    QCOMPARE(QString::fromUtf8(session.readAllStandardOutput()), QString());
    QCOMPARE(QString::fromUtf8(session.readAllStandardError()),
        QStringLiteral("FATAL:  terminating connection due to administrator command\n"
                       "server closed the connection unexpectedly\n\tThis probably means the server "
                       "terminated abnormally\n"
                       "\tbefore or while processing the request.\nconnection to server was lost\n"));
    if (promotePending)
        return;

    QVERIFY(sb.query(2).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Primary"))));
    // The old primary is now a standby streaming from the new one.
    QVERIFY2(TestSupport::waitFor([&] { return streaming(sb, 2, 1); }, 10000), qPrintable(sb.query(2).out));
    r = sb.query(1);
    QVERIFY(r.out.contains(field(QStringLiteral("local_role"), QStringLiteral("Standby"))));
    QVERIFY(r.out.contains(field(QStringLiteral("peer_role"), QStringLiteral("Primary"))));
    QCOMPARE(sb.sqlValue(1, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("t"));
    QVERIFY(TestSupport::readFile(sb.pgdata(1) + QStringLiteral("/gaussdb.state"))
                .startsWith(QStringLiteral("role=standby\n")));
    QVERIFY(TestSupport::readFile(sb.pgdata(2) + QStringLiteral("/gaussdb.state"))
                .startsWith(QStringLiteral("role=primary\n")));
    // term_file holds the term as a binary uint32 (fwrite(&term, sizeof(uint32), ...)).
    QCOMPARE(TestSupport::readFile(sb.pgdata(2) + QStringLiteral("/term_file")).toLatin1(),
        QByteArray("\x01\x00\x00\x00", 4));

    // On the primary it only reports completion, exit 0, and changes nothing.
    r = sb.gsCtl(2, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(2) });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(unprefixed(r.out),
        QStringLiteral(
            "P: gs_ctl switchover ,datadir is %1 \nP: switchover term (1)\nP: switchover completed (%1)\n")
            .arg(sb.pgdata(2)));
    QVERIFY(sb.query(2).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Primary"))));

    // A standby without a primary: the role never changes; one poll per second of -t, then the
    // timeout text, and the exit code is still 0.
    QCOMPARE(sb.stop(2).exitCode, 0);
    QVERIFY(
        TestSupport::waitFor([&] { return sb.query(1).out.contains(QStringLiteral("Need repair")); }, 5000));
    r = sb.gsCtl(1,
        { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(1), QStringLiteral("-t"),
            QStringLiteral("2") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(unprefixed(r.out).endsWith(QStringLiteral(
                 "P: waiting for server to switchover.....\n"
                 "P: \n switchover timeout after 2 seconds. please manually check the cluster status.\n")),
        qPrintable(r.out));
}

void Tst_sim_tools::startStillStarting()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::slowStartKind(), QStringLiteral("node1"), true,
        QJsonObject { { QStringLiteral("seconds"), 6 } }));
    // The wait ends while the server still refuses sessions: "server is still starting up", exit 0.
    ProcessResult r = sb.gsCtl(1,
        { QStringLiteral("start"), QStringLiteral("-D"), sb.pgdata(1), QStringLiteral("-M"),
            QStringLiteral("primary"), QStringLiteral("-t"), QStringLiteral("1") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(unprefixed(r.out),
        QStringLiteral("P: gs_ctl started,datadir is %1 \nP: waiting for server to start...\n.\n"
                       "P: stopped waiting\nP: server is still starting up\n")
            .arg(sb.pgdata(1)));
    QVERIFY(Sim::processAlive(sb.serverPid(1)));
    QVERIFY(TestSupport::readFile(sb.pgdata(1) + QStringLiteral("/gaussdb.state"))
                .contains(QStringLiteral("\ndb_state=Starting\n")));
    // query falls back to gaussdb.state (display_query(): its own layout, libpq's error as the detail).
    r = sb.query(1);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(body(r.out),
        QStringLiteral(
            " HA state:\n"
            "        local_role                    : Normal\n"
            "        static_connections            : 0\n"
            "        db_state                      : Starting\n"
            "        detail_information            : FATAL:  the database system is starting up\n\n"
            "        sync_mode                     : Async\n\n"
            " Senders info:\n        No information\n Receiver info:\n        No information\n"));
    r = sb.gsql(1, QStringLiteral("select 1"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("gsql: FATAL:  the database system is starting up\n"));
    QCOMPARE(r.out, QString());
    // A second start sees the running postmaster.
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(
        QStringLiteral("[gs_ctl]:  another server might be running; Please use the restart command\n")));
    // Then it is up.
    QVERIFY(TestSupport::waitFor(
        [&] { return sb.query(1).out.contains(field(QStringLiteral("db_state"), QStringLiteral("Normal"))); },
        30000));
    QVERIFY(TestSupport::readFile(sb.pgdata(1) + QStringLiteral("/gaussdb.state"))
                .contains(QStringLiteral("\ndb_state=Normal\n")));
    QCOMPARE(sb.sqlValue(1, QStringLiteral("select 1")), QStringLiteral("1"));
}

void Tst_sim_tools::gsCtlMessages_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // "P: " = the pg_log prefix, @D = PGDATA, @R = its real path
    QTest::addColumn<bool>("outIsRegex");
    QTest::addColumn<QString>("err"); // @G = the gs_ctl path

    const QString datadirIs = QStringLiteral("P: gs_ctl %1,datadir is @D \n");
    const QString advice = QStringLiteral("Try \"gs_ctl --help\" for more information.\n");
    // do_stop(): with a period; exit 1.
    QTest::newRow("stop-no-pid") << QStringList { QStringLiteral("stop"), QStringLiteral("-D"),
        QStringLiteral("@D") } << 1
                                 << datadirIs.arg(QStringLiteral("stopped "))
            + QStringLiteral("P:  PID file \"@D/postmaster.pid\" does not exist.\nP: Is server running?\n")
                                 << false << QString();
    // do_stop() -m immediate without a pid file: kill_proton_force(), exit 0.
    QTest::newRow("stop-immediate-no-pid") << QStringList { QStringLiteral("stop"), QStringLiteral("-m"),
        QStringLiteral("immediate"), QStringLiteral("-D"), QStringLiteral("@D") }
                                           << 0
                                           << datadirIs.arg(QStringLiteral("stopped "))
            + QStringLiteral("P:  PID file \"@D/postmaster.pid\" does not exist.\nP: Is server running?\n")
            + QStringLiteral("P: stop failed, killing gaussdb by force ...\nP: command [ps c -eo "
                             "pid,euid,cmd | grep gaussdb | grep -v grep | awk "
                             "'{if($2 == curuid && $1!=\"-n\") print \"/proc/\"$1\"/cwd\"}' curuid=`id -u`| "
                             "xargs ls -l | awk '{if ($NF==\"@R\")  "
                             "print $(NF-2)}' | awk -F/ '{print $3 }' | xargs kill -9 >/dev/null 2>&1 ] "
                             "path: [@R] \nP: server stopped\n")
                                           << false << QString();
    // do_status(): printf, no prefix, exit 3.
    QTest::newRow("status-no-server")
        << QStringList { QStringLiteral("status"), QStringLiteral("-D"), QStringLiteral("@D") } << 3
        << datadirIs.arg(QStringLiteral("status")) + QStringLiteral("no server running\n") << false
        << QString();
    // do_query(): no period.
    QTest::newRow("query-no-pid") << QStringList { QStringLiteral("query"), QStringLiteral("-D"),
        QStringLiteral("@D") } << 1
                                  << datadirIs.arg(QStringLiteral("query "))
            + QStringLiteral("P:  PID file \"@D/postmaster.pid\" does not exist\nP: Is server running?\n")
                                  << false << QString();
    // set_mode(): only f/fast and i/immediate, checked while the options are read.
    QTest::newRow("stop-mode-s") << QStringList { QStringLiteral("stop"), QStringLiteral("-m"),
        QStringLiteral("s"), QStringLiteral("-D"), QStringLiteral("@D") }
                                 << 1 << QStringLiteral("P:  unrecognized shutdown mode \"s\"\n") << false
                                 << QString();
    QTest::newRow("switchover-mode-smart")
        << QStringList { QStringLiteral("switchover"), QStringLiteral("-D"), QStringLiteral("@D"),
               QStringLiteral("-m"), QStringLiteral("smart") }
        << 1 << QStringLiteral("P:  unrecognized shutdown mode \"smart\"\n") << false << QString();
    // do_switchover(): the term first, then the mode, then the pid file.
    QTest::newRow("switchover-immediate") << QStringList { QStringLiteral("switchover"), QStringLiteral("-m"),
        QStringLiteral("i"), QStringLiteral("-D"), QStringLiteral("@D") }
                                          << 1
                                          << datadirIs.arg(QStringLiteral("switchover "))
            + QStringLiteral(
                "P: switchover term (1)\nP: datanode does not support smart or immediate switchover\n")
                                          << false << QString();
    QTest::newRow("switchover-no-pid") << QStringList { QStringLiteral("switchover"), QStringLiteral("-D"),
        QStringLiteral("@D"), QStringLiteral("-T"), QStringLiteral("7") }
                                       << 1
                                       << datadirIs.arg(QStringLiteral("switchover "))
            + QStringLiteral("P: switchover term (7)\nP:  PID file \"@D/postmaster.pid\" does not exist\nP: "
                             "Is server running?\n")
                                       << false << QString();
    // main(): the operation word, the options.
    QTest::newRow("unknown-operation")
        << QStringList { QStringLiteral("frobnicate"), QStringLiteral("-D"), QStringLiteral("@D") } << 1
        << QStringLiteral("P:  unrecognized operation mode \"frobnicate\"\n") + advice << false << QString();
    QTest::newRow("no-operation") << QStringList { QStringLiteral("-D"), QStringLiteral("@D") } << 1
                                  << QStringLiteral("P:  no operation specified\n") + advice << false
                                  << QString();
    QTest::newRow("two-operations") << QStringList { QStringLiteral("query"), QStringLiteral("stop"),
        QStringLiteral("-D"), QStringLiteral("@D") }
                                    << 1
                                    << QStringLiteral("P: too many command-line arguments (first is)\n")
            + advice << false << QString();
    QTest::newRow("invalid-option") << QStringList { QStringLiteral("query"), QStringLiteral("-x"),
        QStringLiteral("-D"), QStringLiteral("@D") }
                                    << 1 << advice << false << QStringLiteral("@G: invalid option -- 'x'\n");
    QTest::newRow("negative-timeout")
        << QStringList { QStringLiteral("start"), QStringLiteral("-t"), QStringLiteral("-1"),
               QStringLiteral("-D"), QStringLiteral("@D") }
        << 1 << QStringLiteral("P: unexpected wait seconds specified\n") << false << QString();
    QTest::newRow("no-pgdata")
        << QStringList { QStringLiteral("status") } << 1
        << QStringLiteral("P:  no database directory specified and environment variable PGDATA unset\n")
            + advice
        << false << QString();
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0
                          << QStringLiteral("^gs_ctl is a utility to initialize, start, stop, or control a "
                                            "PostgreSQL server\\.\n\nUsage:\n(.*\n)*"
                                            "Switchover modes are:\n  smart .*\n  fast .*\n(.*\n)*Report "
                                            "bugs to openGauss community by raising an issue\\.\n$")
                          << true << QString();
    // -M is the server's business: it refuses an unknown mode (postmaster.cpp, FATAL), gs_ctl reports it.
    QTest::newRow("start-unknown-server-mode")
        << QStringList { QStringLiteral("start"), QStringLiteral("-D"), QStringLiteral("@D"),
               QStringLiteral("-M"), QStringLiteral("bogus") }
        << 1
        << QStringLiteral("^P: gs_ctl started,datadir is @D \nP: waiting for server to "
                          "start\\.\\.\\.\n\\.*(.*\n)*.*FATAL:  the options of -M is not recognized\n"
                          "P:  waitpid \\d+ failed, exitstatus is 256, ret is 2\n\nP: stopped waiting\nP:  "
                          "could not start server\nExamine the log output\\.\n$")
        << true << QString();
    // do_restart() without a pid file: no "PID file" line, then a normal start.
    QTest::newRow("restart-no-pid")
        << QStringList { QStringLiteral("restart"), QStringLiteral("-D"), QStringLiteral("@D") } << 0
        << QStringLiteral(
               "^P: gs_ctl restarted ,datadir is @D \nP: Is server running\\?\nP: starting server anyway\n"
               "P: waiting for server to start\\.\\.\\.\n\\.*\nP:  done\nP: server started \\(@D\\)\n$")
        << true << QString();
}

void Tst_sim_tools::gsCtlMessages()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(bool, outIsRegex);
    QFETCH(QString, err);
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    const QString pgdata = sb.pgdata(1);
    const QString real = QFileInfo(pgdata).canonicalFilePath();
    const QString gsCtl = sb.tool(1, QStringLiteral("gs_ctl"));
    for (QString& a : args)
        a.replace(QStringLiteral("@D"), pgdata);
    auto fill = [&](QString text, bool regex) {
        text.replace(QStringLiteral("@D"), regex ? QRegularExpression::escape(pgdata) : pgdata);
        text.replace(QStringLiteral("@R"), regex ? QRegularExpression::escape(real) : real);
        return text.replace(QStringLiteral("@G"), gsCtl);
    };
    const ProcessResult r = sb.gsCtl(1, args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, exitCode);
    if (outIsRegex)
        QVERIFY2(QRegularExpression(fill(out, true)).match(unprefixed(r.out)).hasMatch(), qPrintable(r.out));
    else
        QCOMPARE(unprefixed(r.out), fill(out, false));
    QCOMPARE(r.err, fill(err, false));
}

void Tst_sim_tools::memoryQuery_data()
{
    QTest::addColumn<int>("node");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out"); // a regular expression
    QTest::addColumn<QString>("err");

    const QString groupByError = QStringLiteral(
        "ERROR:  column \"gs_session_memory_detail.contextname\" must appear in the GROUP BY clause or be "
        "used in an aggregate function\n");
    const QString cursor = QStringLiteral(
        "LINE 1: select contextname,pg_size_pretty(sum(totalsize)),pg_size_pr...\n               ^\n");
    const QStringList at { QStringLiteral("-A"), QStringLiteral("-t") };
    // The vendor's query (mogdb-tools.md §0): invalid on openGauss (parse_agg.cpp), reported with libpq's
    // cursor display; gsql -c still exits 0 (MainLoop without ON_ERROR_STOP).
    QTest::newRow("vendor-query")
        << 1
        << QStringLiteral("select contextname,pg_size_pretty(sum(totalsize)),pg_size_pretty(sum(freesize)) \n"
                          "from gs_session_memory_detail \nwhere contextname ='Wal Sender';")
        << QStringList() << 0 << QStringLiteral("^$") << groupByError + cursor;
    QTest::newRow("vendor-query-At")
        << 1
        << QStringLiteral(
               "select contextname,pg_size_pretty(sum(totalsize)),pg_size_pretty(sum(freesize)) from "
               "gs_session_memory_detail where contextname ='Wal Sender';")
        << at << 0 << QStringLiteral("^$") << groupByError + cursor;
    QTest::newRow("ungrouped-aliased")
        << 1
        << QStringLiteral("select m.contextname, sum(m.totalsize) from gs_session_memory_detail m where "
                          "contextname = 'Wal Sender'")
        << at << 0 << QStringLiteral("^$")
        << QStringLiteral("ERROR:  column \"m.contextname\" must appear in the GROUP BY clause or be used in "
                          "an aggregate "
                          "function\nLINE 1: select m.contextname, sum(m.totalsize) from "
                          "gs_session_memor...\n"
                          "               ^\n");
    // The valid forms: raw bytes, pg_size_pretty, aligned and -A -t.
    const QString valid
        = QStringLiteral("select contextname, sum(totalsize), sum(freesize) from gs_session_memory_detail "
                         "where contextname = 'Wal Sender' group by contextname");
    QTest::newRow("raw-At") << 1 << valid << at << 0 << QStringLiteral("^Wal Sender\\|\\d{7,}\\|\\d+\n$")
                            << QString();
    QTest::newRow("raw-aligned") << 1 << valid << QStringList() << 0
                                 << QStringLiteral(
                                        "^ contextname \\| +sum +\\| +sum +\n-------------\\+-+\\+-+\n"
                                        " Wal Sender  \\| +\\d{7,} \\| +\\d+\n\\(1 row\\)\n\n$")
                                 << QString();
    const QString pretty = QStringLiteral(
        "select contextname, pg_size_pretty(sum(totalsize)), pg_size_pretty(sum(freesize)) from "
        "gs_session_memory_detail where contextname = 'Wal Sender' group by contextname;");
    QTest::newRow("pretty-aligned")
        << 1 << pretty << QStringList() << 0
        << QStringLiteral("^ contextname \\| pg_size_pretty \\| pg_size_pretty "
                          "\n-------------\\+----------------\\+----------------\n"
                          " Wal Sender  \\| \\d+ (kB|MB) +\\| \\d+ (bytes|kB)\n\\(1 row\\)\n\n$")
        << QString();
    QTest::newRow("pretty-At") << 1 << pretty << at << 0
                               << QStringLiteral("^Wal Sender\\|\\d+ (kB|MB)\\|\\d+ (bytes|kB)\n$")
                               << QString();
    QTest::newRow("group-by-position")
        << 1
        << QStringLiteral("select contextname, sum(totalsize) from gs_session_memory_detail where "
                          "contextname = 'Wal Sender' group by 1")
        << at << 0 << QStringLiteral("^Wal Sender\\|\\d{7,}\n$") << QString();
    // A standby has no walsender: no group, no row.
    QTest::newRow("standby-no-row") << 2 << valid << at << 0 << QStringLiteral("^$") << QString();
    // Every statement of -c runs; errors do not stop the rest unless ON_ERROR_STOP (exit 3).
    const QString nosuch = QStringLiteral(
        "ERROR:  column \"nosuch\" does not exist\nLINE 1: select nosuch from gs_session_memory_detail;\n"
        "               ^\n");
    QTest::newRow("errors-go-on") << 1
                                  << QStringLiteral("select nosuch from gs_session_memory_detail; select 1")
                                  << QStringList() << 0
                                  << QStringLiteral(
                                         "^ \\?column\\? \n----------\n        1\n\\(1 row\\)\n\n$")
                                  << nosuch;
    QTest::newRow("on-error-stop") << 1
                                   << QStringLiteral("select nosuch from gs_session_memory_detail; select 1")
                                   << QStringList { QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=on") }
                                   << 3 << QStringLiteral("^$") << nosuch;
    QTest::newRow("unknown-function")
        << 1 << QStringLiteral("select pg_size_prety(1)") << at << 0 << QStringLiteral("^$")
        << QStringLiteral(
               "ERROR:  function pg_size_prety(integer) does not exist\nLINE 1: select pg_size_prety(1)\n"
               "               ^\nHINT:  No function matches the given name and argument types. You might "
               "need to add explicit type casts.\n");
}

void Tst_sim_tools::memoryQuery()
{
    QFETCH(int, node);
    QFETCH(QString, sql);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);
    // One 2.0.1 primary + archiving sync standby for all rows (stopped in cleanupTestCase).
    if (!m_memorySandbox) {
        m_memorySandbox = std::make_unique<MiniSandbox>(2, 60);
        REQUIRE_SANDBOX(*m_memorySandbox);
        QCOMPARE(m_memorySandbox->start(1, QStringLiteral("primary")).exitCode, 0);
        QCOMPARE(m_memorySandbox->start(2, QStringLiteral("standby")).exitCode, 0);
        QVERIFY(TestSupport::waitFor([&] { return streaming(*m_memorySandbox, 1, 1); }, 10000));
    }
    const ProcessResult r = m_memorySandbox->gsql(node, sql, options);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QRegularExpression(out).match(r.out).hasMatch(), qPrintable(r.out));
    QCOMPARE(r.err, err);
}

void Tst_sim_tools::walLoad()
{
    MiniSandbox sb(2, 60);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000));
    // Idle: every location the same, as in the real captures.
    ProcessResult r = sb.query(1);
    QCOMPARE(lsnOf(r.out, QStringLiteral("receiver_replay_location")),
        lsnOf(r.out, QStringLiteral("sender_sent_location")));

    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::walLoadKind(), QString(), true));
    QVERIFY2(TestSupport::waitFor(
                 [&] {
                     const QString q = sb.query(1).out;
                     return lsnOf(q, QStringLiteral("receiver_replay_location"))
                         < lsnOf(q, QStringLiteral("sender_sent_location"));
                 },
                 15000),
        qPrintable(sb.query(1).out));
    quint64 lastSent = 0;
    for (int i = 0; i < 5; ++i) {
        r = sb.query(1);
        // Streaming and in sync, never exactly caught up, a small lag; the WAL keeps moving.
        QVERIFY(r.out.contains(field(QStringLiteral("state"), QStringLiteral("Streaming"))));
        QVERIFY(r.out.contains(field(QStringLiteral("sync_percent"), QStringLiteral("100%"))));
        const quint64 sent = lsnOf(r.out, QStringLiteral("sender_sent_location"));
        const quint64 flushedHere = lsnOf(r.out, QStringLiteral("sender_flush_location"));
        const quint64 received = lsnOf(r.out, QStringLiteral("receiver_received_location"));
        const quint64 flushed = lsnOf(r.out, QStringLiteral("receiver_flush_location"));
        const quint64 replayed = lsnOf(r.out, QStringLiteral("receiver_replay_location"));
        QVERIFY2(replayed < sent && replayed <= flushed && flushed <= received && received <= sent
                && sent <= flushedHere,
            qPrintable(r.out));
        QVERIFY2(sent - replayed < 16 * 1024 * 1024, qPrintable(r.out));
        QVERIFY2(sent >= lastSent, qPrintable(r.out));
        lastSent = sent;
        // The standby's own view trails the same way.
        const QString s = sb.query(2).out;
        QVERIFY(s.contains(field(QStringLiteral("sync_percent"), QStringLiteral("100%"))));
        QVERIFY2(lsnOf(s, QStringLiteral("receiver_replay_location"))
                < lsnOf(s, QStringLiteral("receiver_received_location")),
            qPrintable(s));
    }
    // The WAL moves on.
    QVERIFY(TestSupport::waitFor(
        [&] { return lsnOf(sb.query(1).out, QStringLiteral("sender_sent_location")) > lastSent; }, 15000));
    // Load off: caught up again.
    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::walLoadKind(), QString(), false));
    QVERIFY(TestSupport::waitFor(
        [&] {
            const QString q = sb.query(1).out;
            return lsnOf(q, QStringLiteral("receiver_replay_location"))
                == lsnOf(q, QStringLiteral("sender_sent_location"));
        },
        15000));
}

void Tst_sim_tools::stderrNoise_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("noiseNode"); // the node the condition names ("*" = every node)
    QTest::addColumn<bool>("noisy"); // the tool runs on node1: does it warn?
    QTest::addColumn<QString>("toolNoise"); // what the tool adds to the shell's lines

    const QString pgpass = QStringLiteral("WARNING: password file \"%1/.pgpass\" has group or world access; "
                                          "permissions should be u=rw (0600) or less\n")
                               .arg(qEnvironmentVariable("HOME"));
    const QString mismatch = QStringLiteral(
        "[Warning]: The \"libpq.so\" loaded mismatch the version of gsql, please check it.\n"
        "expected: (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  \n"
        "result: (MogDB 2.0.3 build b5bc5bc4) compiled at 2022-06-20 11:35:42 commit 0 last mr  \n");
    const QStringList query { QStringLiteral("query"), QStringLiteral("-D"), QStringLiteral("@D") };
    const QStringList select { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"),
        QStringLiteral("@P"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-c"),
        QStringLiteral("select local_role from pg_stat_get_stream_replications()") };
    QTest::newRow("gs_ctl-query") << QStringLiteral("gs_ctl") << query << QStringLiteral("node1") << true
                                  << pgpass;
    QTest::newRow("gs_ctl-status") << QStringLiteral(
        "gs_ctl") << QStringList { QStringLiteral("status"), QStringLiteral("-D"), QStringLiteral("@D") }
                                   << QStringLiteral("*") << true << pgpass;
    QTest::newRow("gsql") << QStringLiteral("gsql") << select << QStringLiteral("node1") << true
                          << pgpass + mismatch;
    QTest::newRow("gaussdb-V") << QStringLiteral("gaussdb") << QStringList { QStringLiteral("-V") }
                               << QStringLiteral("*") << true << QString();
    QTest::newRow("other-node") << QStringLiteral("gs_ctl") << query << QStringLiteral("node2") << false
                                << QString();
}

void Tst_sim_tools::stderrNoise()
{
    QFETCH(QString, tool);
    QFETCH(QStringList, args);
    QFETCH(QString, noiseNode);
    QFETCH(bool, noisy);
    QFETCH(QString, toolNoise);
    MiniSandbox sb(2);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    for (QString& a : args)
        a.replace(QStringLiteral("@D"), sb.pgdata(1))
            .replace(QStringLiteral("@P"), QString::number(sb.port(1)));
    const ProcessResult quiet = TestSupport::run(sb.tool(1, tool), args, 30000, sb.env(1));
    QCOMPARE(quiet.err, QString());

    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::stderrNoiseKind(), noiseNode, true));
    const ProcessResult r = TestSupport::run(sb.tool(1, tool), args, 30000, sb.env(1));
    // stdout and the exit code are the tool's own; the noise is on stderr only.
    QCOMPARE(r.exitCode, quiet.exitCode);
    auto normalized = [](const QString& out) {
        return unprefixed(out)
            .replace(QRegularExpression(QStringLiteral("[0-9A-F]+/[0-9A-F]+")), QStringLiteral("X/X"))
            .replace(QRegularExpression(QStringLiteral("\\d+")), QStringLiteral("N"));
    };
    QCOMPARE(normalized(r.out), normalized(quiet.out));
    if (!noisy) {
        QCOMPARE(r.err, QString());
        return;
    }
    QCOMPARE(r.err,
        QStringLiteral("sudo: unable to resolve host node1: Name or service not known\n"
                       "bash: warning: setlocale: LC_ALL: cannot change locale (zh_CN.UTF-8)\n")
            + toolNoise);
    // Off again: quiet.
    QVERIFY(Sim::setFaultKind(sb.dir(), Sim::stderrNoiseKind(), noiseNode, false));
    QCOMPARE(TestSupport::run(sb.tool(1, tool), args, 30000, sb.env(1)).err, QString());
}

void Tst_sim_tools::gsqlLibpqMismatch()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    // Another libpq first on LD_LIBRARY_PATH (startup.cpp main(): a warning, then gsql goes on).
    QTemporaryDir other;
    QVERIFY(TestSupport::writeFile(
        other.filePath(QStringLiteral("libpq.so.5")), (kBuild203 + QLatin1Char('\n')).toUtf8()));
    QProcessEnvironment env = sb.env(1);
    env.insert(QStringLiteral("LD_LIBRARY_PATH"),
        other.path() + QStringLiteral(":") + sb.node(1).gausshome + QStringLiteral("/lib"));
    ProcessResult r
        = TestSupport::run(sb.tool(1, QStringLiteral("gsql")), { QStringLiteral("-V") }, 30000, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        QStringLiteral(
            "gsql (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  \n"));
    QCOMPARE(r.err,
        QStringLiteral(
            "[Warning]: The \"libpq.so\" loaded mismatch the version of gsql, please check it.\n"
            "expected: (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  \n"
            "result: (MogDB 2.0.3 build b5bc5bc4) compiled at 2022-06-20 11:35:42 commit 0 last mr  \n"));
    // Its own lib first: no warning.
    env.insert(
        QStringLiteral("LD_LIBRARY_PATH"), sb.node(1).gausshome + QStringLiteral("/lib:") + other.path());
    r = TestSupport::run(sb.tool(1, QStringLiteral("gsql")), { QStringLiteral("-V") }, 30000, env);
    QCOMPARE(r.err, QString());
    // bin swapped to 2.0.3 with the 2.0.1 lib still next to it: the 2.0.3 gsql warns the other way.
    QVERIFY(sb.installBuild(1, QStringLiteral("2.0.3"), true, false));
    r = TestSupport::run(sb.tool(1, QStringLiteral("gsql")), { QStringLiteral("-V") }, 30000, sb.env(1));
    QCOMPARE(r.out,
        QStringLiteral(
            "gsql (MogDB 2.0.3 build b5bc5bc4) compiled at 2022-06-20 11:35:42 commit 0 last mr  \n"));
    QVERIFY2(
        r.err.endsWith(QStringLiteral(
            "result: (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  \n")),
        qPrintable(r.err));
}

// gsql -f: the same MainLoop, messages prefixed "gsql:<file>:<line>: " (psql_error), then startup.cpp's
// "total time: N  ms" on stdout.
void Tst_sim_tools::gsqlScriptFile()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    const QString script = sb.dir() + QStringLiteral("/check.sql");
    QVERIFY(TestSupport::writeFile(
        script, "select 1;\n\nselect nosuch\n  from gs_session_memory_detail;\nselect 2;\n"));
    const QStringList base { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"),
        QString::number(sb.port(1)), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-f"),
        script };
    ProcessResult r = TestSupport::run(sb.tool(1, QStringLiteral("gsql")), base, 30000, sb.env(1));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^1\n2\ntotal time: \\d+  ms\n$")).match(r.out).hasMatch(),
        qPrintable(r.out));
    QCOMPARE(r.err,
        QStringLiteral(
            "gsql:%1:4: ERROR:  column \"nosuch\" does not exist\nLINE 1: select nosuch\n               ^\n")
            .arg(script));
    // ON_ERROR_STOP: stops at the error, exit 3, still the total time.
    r = TestSupport::run(sb.tool(1, QStringLiteral("gsql")),
        base + QStringList { QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1") }, 30000, sb.env(1));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(QRegularExpression(QStringLiteral("^1\ntotal time: \\d+  ms\n$")).match(r.out).hasMatch(),
        qPrintable(r.out));
    // A missing file (command.cpp process_file()).
    r = TestSupport::run(sb.tool(1, QStringLiteral("gsql")),
        { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"), QString::number(sb.port(1)),
            QStringLiteral("-f"), sb.dir() + QStringLiteral("/none.sql") },
        30000, sb.env(1));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, sb.dir() + QStringLiteral("/none.sql: No such file or directory\n"));
    QVERIFY(r.out.startsWith(QStringLiteral("total time: ")));
}

void Tst_sim_tools::faults()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    sb.addFault(R"([{"node":"node1","tool":"gs_ctl","args":"start","action":"fail","times":1}])");
    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.endsWith(QStringLiteral("[gs_ctl]:  could not start server\nExamine the log output.\n")),
        qPrintable(r.out));
    QVERIFY(!QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    // The rule was used up: the next start works.
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);

    // A server killed hard leaves its postmaster.pid: query says so (without a final newline, as
    // do_query() prints it); start goes ahead quietly (the server replaces the stale lock file).
    const qint64 pid = sb.serverPid(1);
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);
    QVERIFY(TestSupport::waitFor([&] { return !Sim::processAlive(pid); }, 5000));
    r = sb.query(1);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.endsWith(QStringLiteral(
                 "[gs_ctl]:  could not connect to the local server, the postmaster process %1 is not running")
                                .arg(pid)),
        qPrintable(r.out));
    // stop: kill() fails with ESRCH, do_stop() exits 0.
    r = sb.stop(1);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral(
                 "[gs_ctl]:  cannot stop server; single-user server is running (PID: %1)  No such process\n")
                                .arg(pid)),
        qPrintable(r.out));
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains(QStringLiteral("another server")), qPrintable(r.out));
    QVERIFY(sb.serverPid(1) != pid);

    // A hanging tool hangs until it is killed.
    sb.addFault(R"([{"node":"node1","tool":"gs_ctl","args":"query","action":"hang","times":1}])");
    r = sb.gsCtl(1, { QStringLiteral("query"), QStringLiteral("-D"), sb.pgdata(1) }, 1500);
    QVERIFY(!r.finished);
    // gsql fails the generic way.
    sb.addFault(
        R"([{"node":"node1","tool":"gsql","action":"fail","exit":2,"message":"failed to connect Unknown:1."}])");
    r = sb.gsql(1, QStringLiteral("select 1"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect Unknown:1.\n"));
    QCOMPARE(sb.gsql(1, QStringLiteral("select 1")).exitCode, 0);
}

void Tst_sim_tools::cleanupTestCase()
{
    m_memorySandbox.reset();
}

QTEST_GUILESS_MAIN(Tst_sim_tools)
#include "tst_sim_tools.moc"
