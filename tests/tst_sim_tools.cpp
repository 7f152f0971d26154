// The database half of the sandbox (sim/GaussdbServer.cpp, GsCtlTool.cpp, GsqlTool.cpp): real
// processes, files and TCP, asserted on what a user sees. Each test builds its own small sandbox by
// hand (no SandboxBuilder) and kills every process of it when it ends, also on failure.
#include <QtTest>

#include "SimLayout.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

#include <signal.h>

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
                if (!QFile::link(QStringLiteral("gaussdb"), n.gausshome + QStringLiteral("/bin/") + QLatin1String(link))) {
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
                conf += QStringLiteral("replconninfo%1 = 'localhost=127.0.0.1 localport=%2 localheartbeatport=%3 "
                                       "remotehost=127.0.0.1 remoteport=%4 remoteheartbeatport=%5'\n")
                            .arg(k++)
                            .arg(n.dbPort + 1)
                            .arg(n.dbPort + 5)
                            .arg(other.dbPort + 1)
                            .arg(other.dbPort + 5);
            }
            conf += QStringLiteral("archive_mode = %1\narchive_dest = '%2/archive'\n"
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
    QString tool(int i, const QString& name) const { return node(i).gausshome + QStringLiteral("/bin/") + name; }

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
            TestSupport::writeFile(n.gausshome + QStringLiteral("/lib/libpq.so.5.5"), (marker + QLatin1Char('\n')).toUtf8());
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
        return gsCtl(i, { QStringLiteral("start"), QStringLiteral("-D"), pgdata(i), QStringLiteral("-M"), mode });
    }
    ProcessResult stop(int i) const { return gsCtl(i, { QStringLiteral("stop"), QStringLiteral("-D"), pgdata(i) }); }
    ProcessResult query(int i) const { return gsCtl(i, { QStringLiteral("query"), QStringLiteral("-D"), pgdata(i) }); }
    ProcessResult gsql(int i, const QString& sql, const QStringList& extra = {}) const
    {
        return TestSupport::run(tool(i, QStringLiteral("gsql")),
            QStringList { QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-p"), QString::number(port(i)) }
                + extra + QStringList { QStringLiteral("-c"), sql },
            30000, env(i));
    }
    QString sqlValue(int i, const QString& sql) const
    {
        return gsql(i, sql, { QStringLiteral("-A"), QStringLiteral("-t") }).out.trimmed();
    }
    qint64 serverPid(int i) const
    {
        return TestSupport::readFile(pgdata(i) + QStringLiteral("/postmaster.pid")).section(QLatin1Char('\n'), 0, 0).toLongLong();
    }
    void addFault(const QByteArray& json) { TestSupport::writeFile(dir() + QStringLiteral("/faults.json"), json); }

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
        + field(QStringLiteral("static_connections"), QString::number(connections)) + field(QStringLiteral("db_state"), state)
        + field(QStringLiteral("detail_information"), detail) + QStringLiteral("\n");
}

QString lsnFields(const QStringList& names)
{
    QString s;
    for (const QString& n : names)
        s += field(n, QStringLiteral("X/X"));
    return s;
}

const QStringList kLocations { QStringLiteral("sender_sent_location"), QStringLiteral("sender_write_location"),
    QStringLiteral("sender_flush_location"), QStringLiteral("sender_replay_location"),
    QStringLiteral("receiver_received_location"), QStringLiteral("receiver_write_location"),
    QStringLiteral("receiver_flush_location"), QStringLiteral("receiver_replay_location") };

QString senderBlock(const QString& syncState, const QString& priority)
{
    return field(QStringLiteral("sender_pid"), QStringLiteral("N")) + field(QStringLiteral("local_role"), QStringLiteral("Primary"))
        + field(QStringLiteral("peer_role"), QStringLiteral("Standby")) + field(QStringLiteral("peer_state"), QStringLiteral("Normal"))
        + field(QStringLiteral("state"), QStringLiteral("Streaming")) + lsnFields(kLocations)
        + field(QStringLiteral("sync_percent"), QStringLiteral("100%")) + field(QStringLiteral("sync_state"), syncState)
        + field(QStringLiteral("sync_priority"), priority) + field(QStringLiteral("sync_most_available"), QStringLiteral("Off"))
        + field(QStringLiteral("channel"), QStringLiteral("CH")) + QStringLiteral("\n");
}

QString receiverBlock()
{
    return field(QStringLiteral("receiver_pid"), QStringLiteral("N")) + field(QStringLiteral("local_role"), QStringLiteral("Standby"))
        + field(QStringLiteral("peer_role"), QStringLiteral("Primary")) + field(QStringLiteral("peer_state"), QStringLiteral("Normal"))
        + field(QStringLiteral("state"), QStringLiteral("Normal")) + lsnFields(kLocations)
        + field(QStringLiteral("sync_percent"), QStringLiteral("100%")) + field(QStringLiteral("channel"), QStringLiteral("CH"))
        + QStringLiteral("\n");
}

QString firstLineRe(const QString& what, const QString& pgdata)
{
    return QStringLiteral("^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]\\[\\d+\\]\\[\\]\\[gs_ctl\\]: ")
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
    return sb.sqlValue(node, QStringLiteral("select sum(totalsize) from gs_session_memory_detail where contextname='Wal Sender'"))
        .toLongLong();
}

bool streaming(const MiniSandbox& sb, int primary, int standbys)
{
    const ProcessResult q = sb.query(primary);
    return countOf(q.out, QStringLiteral("\tstate                          : Streaming\n")) == standbys;
}

} // namespace

#define REQUIRE_SANDBOX(sb) QVERIFY2((sb).ok(), qPrintable((sb).error()))

class Tst_sim_tools : public QObject
{
    Q_OBJECT
private slots:
    void versions();
    void primaryStandbyQuery();
    void walsenderLeak();
    void refusesMismatchedBuilds();
    void switchover();
    void faults();
};

void Tst_sim_tools::versions()
{
    for (const QString& v : { QStringLiteral("2.0.1"), QStringLiteral("2.0.3") }) {
        const QString build = v == QStringLiteral("2.0.1") ? QStringLiteral("(MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr  ")
                                                           : QStringLiteral("(MogDB 2.0.3 build b5bc5bc4) compiled at 2022-06-20 11:35:42 commit 0 last mr  ");
        for (const QString& tool : { QStringLiteral("gaussdb"), QStringLiteral("gs_ctl"), QStringLiteral("gsql") }) {
            const ProcessResult r = TestSupport::run(simBinary(v), { tool, QStringLiteral("-V") });
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, tool + QLatin1Char(' ') + build + QLatin1Char('\n'));
        }
    }
}

void Tst_sim_tools::primaryStandbyQuery()
{
    MiniSandbox sb(3);
    REQUIRE_SANDBOX(sb);

    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl started,datadir is "), sb.pgdata(1))).match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]: waiting for server to start...\n")));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]:  done\n")));
    QVERIFY(r.out.endsWith(QStringLiteral("[gs_ctl]: server started (") + sb.pgdata(1) + QStringLiteral(")\n")));
    QVERIFY(QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    QVERIFY(Sim::processAlive(sb.serverPid(1)));

    // Starting a running server: the message, and exit code 0 (!).
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("[gs_ctl]:  another server might be running; Please use the restart command\n")), qPrintable(r.out));

    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QCOMPARE(sb.start(3, QStringLiteral("standby")).exitCode, 0);
    QVERIFY2(TestSupport::waitFor([&] { return streaming(sb, 1, 2); }, 15000), qPrintable(sb.query(1).out));

    // Primary: byte layout of §1.3, two senders (Sync, Potential), no receiver.
    r = sb.query(1);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl query ,datadir is "), sb.pgdata(1))).match(r.out).hasMatch(), qPrintable(r.out));
    QCOMPARE(normalizeQuery(body(r.out)),
        haBlock(QStringLiteral("Primary"), 2) + QStringLiteral(" Senders info:       \n") + senderBlock(QStringLiteral("Sync"), QStringLiteral("1"))
            + senderBlock(QStringLiteral("Potential"), QStringLiteral("1")) + QStringLiteral(" Receiver info:      \nNo information \n"));
    const QString replPort = QString::number(sb.port(1) + 1);
    QVERIFY(QRegularExpression(QStringLiteral("\tchannel +: 127\\.0\\.0\\.1:") + replPort + QStringLiteral("-->127\\.0\\.0\\.1:\\d+\n"))
                .match(r.out).hasMatch());

    // Standby: no senders, a receiver streaming from the primary's replication port.
    TestSupport::waitFor([&] { return sb.query(2).out.contains(QStringLiteral("sync_percent                   : 100%")); }, 5000);
    r = sb.query(2);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(normalizeQuery(body(r.out)),
        haBlock(QStringLiteral("Standby"), 2) + QStringLiteral(" Senders info:       \nNo information \n Receiver info:      \n") + receiverBlock());
    QVERIFY(QRegularExpression(QStringLiteral("\tchannel +: 127\\.0\\.0\\.1:\\d+<--127\\.0\\.0\\.1:") + replPort + QLatin1Char('\n'))
                .match(r.out).hasMatch());

    // gsql: version() of this build, aligned and unaligned output, recovery state, errors.
    r = sb.gsql(1, QStringLiteral("select version();"), { QStringLiteral("-A"), QStringLiteral("-t") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("PostgreSQL 9.2.4 (MogDB 2.0.1 build f892ccb7) compiled at 2021-07-09 16:12:59 commit 0 last mr   "
                                   "on x86_64-unknown-linux-gnu, compiled by g++ (GCC) 7.3.0, 64-bit\n"));
    r = sb.gsql(1, QStringLiteral("select 1"));
    QCOMPARE(r.out, QStringLiteral(" ?column? \n----------\n        1\n(1 row)\n\n"));
    r = sb.gsql(1, QStringLiteral("select 1"), { QStringLiteral("-t") });
    QCOMPARE(r.out, QStringLiteral("        1\n\n"));
    r = sb.gsql(1, QStringLiteral("SELECT local_role, static_connections, db_state FROM pg_stat_get_stream_replications()"));
    QCOMPARE(r.out, QStringLiteral(" local_role | static_connections | db_state \n"
                                   "------------+--------------------+----------\n"
                                   " Primary    |                  2 | Normal\n"
                                   "(1 row)\n\n"));
    r = sb.gsql(2, QStringLiteral("select local_role, static_connections, db_state from pg_stat_get_stream_replications()"), { QStringLiteral("-A") });
    QCOMPARE(r.out, QStringLiteral("local_role|static_connections|db_state\nStandby|2|Normal\n(1 row)\n"));
    QCOMPARE(sb.sqlValue(1, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("f"));
    QCOMPARE(sb.sqlValue(2, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("t"));
    r = sb.gsql(1, QStringLiteral("select * from no_such_table"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("ERROR:  relation \"no_such_table\" does not exist\n"));
    QVERIFY(r.out.isEmpty());

    // Stop a standby: no process, no pid file; query and stop on it now fail like the real tool.
    const qint64 standbyPid = sb.serverPid(3);
    r = sb.stop(3);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl stopped ,datadir is "), sb.pgdata(3))).match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY(QRegularExpression(QStringLiteral("\nwaiting for server to shut down\\.+ done\nserver stopped\n$")).match(r.out).hasMatch());
    QVERIFY(!Sim::processAlive(standbyPid));
    QVERIFY(!QFile::exists(sb.pgdata(3) + QStringLiteral("/postmaster.pid")));
    const QString noPid = QStringLiteral("[gs_ctl]:  PID file \"") + sb.pgdata(3) + QStringLiteral("/postmaster.pid\" does not exist\n");
    r = sb.query(3);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(noPid) && r.out.endsWith(QStringLiteral("[gs_ctl]: Is server running?\n")), qPrintable(r.out));
    r = sb.stop(3);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(noPid));
    r = sb.gsql(3, QStringLiteral("select 1"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect Unknown:%1.\n").arg(sb.port(3)));
    r = sb.gsql(3, QStringLiteral("select 1"), { QStringLiteral("-h"), QStringLiteral("127.0.0.1") });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect 127.0.0.1:%1.\n").arg(sb.port(3)));
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 5000));

    // The primary goes away: the standby needs repair, and reconnects when the primary is back.
    QCOMPARE(sb.stop(1).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return sb.query(2).out.contains(QStringLiteral("db_state                       : Need repair\n")); }, 5000));
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
    QVERIFY(TestSupport::waitFor([&] { later = walSenderTotal(sb, 1); return later > first + 1024 * 1024; }, 10000));
    // The procedure's own query, pg_size_pretty'd, and the raw columns.
    ProcessResult r = sb.gsql(1, QStringLiteral("select contextname,pg_size_pretty(sum(totalsize)),pg_size_pretty(sum(freesize)) \n"
                                                "from gs_session_memory_detail \nwhere contextname ='Wal Sender';"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^ contextname \\| pg_size_pretty \\| pg_size_pretty \n-------------\\+----------------\\+----------------\n"
                                               " Wal Sender  \\| \\d+ (kB|MB) +\\| \\d+ (bytes|kB)\n\\(1 row\\)\n\n$"))
                 .match(r.out)
                 .hasMatch(),
        qPrintable(r.out));
    r = sb.gsql(1, QStringLiteral("select sesstype, level, parent from gs_session_memory_detail where contextname = 'Wal Sender'"),
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
    QElapsedTimer clock;
    clock.start();
    int samples = 0;
    // Sample for 1.5 s (= 1.5 h of simulated time at speed 3600): 2.0.1 would have grown by > 10 MB.
    TestSupport::waitFor([&] {
        const qint64 total = walSenderTotal(sb, 1);
        if (total != 8413184)
            qWarning("2.0.3 Wal Sender total %lld", total);
        samples += total == 8413184 ? 1 : -1000;
        return clock.elapsed() > 1500;
    }, 5000);
    QVERIFY2(samples > 0, "the 2.0.3 Wal Sender context changed size");
}

void Tst_sim_tools::refusesMismatchedBuilds()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    // bin swapped to 2.0.3, lib still 2.0.1: the server refuses to start and gs_ctl says why.
    QVERIFY(sb.installBuild(1, QStringLiteral("2.0.3"), true, false));
    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("libpq.so.5.5")) && r.out.contains(QStringLiteral("version mismatch"))
            && r.out.contains(kBuild201) && r.out.contains(kBuild203),
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
        QVERIFY2(r.out.contains(QStringLiteral("FATAL:  could not create any TCP/IP sockets")), qPrintable(r.out));
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
    QVERIFY2(r.out.contains(QStringLiteral("could not access the server configuration file")), qPrintable(r.out));
}

void Tst_sim_tools::switchover()
{
    MiniSandbox sb(2);
    REQUIRE_SANDBOX(sb);
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);
    QCOMPARE(sb.start(2, QStringLiteral("standby")).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return streaming(sb, 1, 1); }, 10000));

    ProcessResult r = sb.gsCtl(2, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(2) });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(firstLineRe(QStringLiteral("gs_ctl switchover ,datadir is "), sb.pgdata(2))).match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]: switchover term (1)\n")));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]: waiting for server to switchover...")));
    QVERIFY(r.out.contains(QStringLiteral("[gs_ctl]: done\n")));
    QVERIFY(r.out.endsWith(QStringLiteral("[gs_ctl]: switchover completed (") + sb.pgdata(2) + QStringLiteral(")\n")));
    QVERIFY(sb.query(2).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Primary"))));
    // The old primary is now a standby streaming from the new one.
    QVERIFY2(TestSupport::waitFor([&] { return streaming(sb, 2, 1); }, 10000), qPrintable(sb.query(2).out));
    r = sb.query(1);
    QVERIFY(r.out.contains(field(QStringLiteral("local_role"), QStringLiteral("Standby"))));
    QVERIFY(r.out.contains(field(QStringLiteral("peer_role"), QStringLiteral("Primary"))));
    QCOMPARE(sb.sqlValue(1, QStringLiteral("select pg_is_in_recovery()")), QStringLiteral("t"));
    QVERIFY(TestSupport::readFile(sb.pgdata(1) + QStringLiteral("/gaussdb.state")).startsWith(QStringLiteral("role=standby\n")));
    QVERIFY(TestSupport::readFile(sb.pgdata(2) + QStringLiteral("/gaussdb.state")).startsWith(QStringLiteral("role=primary\n")));

    // On the primary it only reports completion, exit 0, and changes nothing.
    r = sb.gsCtl(2, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(2) });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QStringLiteral("[gs_ctl]: switchover completed (") + sb.pgdata(2) + QStringLiteral(")\n")));
    QVERIFY(!r.out.contains(QStringLiteral("waiting for server to switchover")));
    QVERIFY(sb.query(2).out.contains(field(QStringLiteral("local_role"), QStringLiteral("Primary"))));

    // A standby without a primary: the switchover times out, and the exit code is still 0.
    QCOMPARE(sb.stop(2).exitCode, 0);
    QVERIFY(TestSupport::waitFor([&] { return sb.query(1).out.contains(QStringLiteral("Need repair")); }, 5000));
    r = sb.gsCtl(1, { QStringLiteral("switchover"), QStringLiteral("-D"), sb.pgdata(1), QStringLiteral("-t"), QStringLiteral("1") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral("[gs_ctl]: \n switchover timeout after 1 seconds. please manually check the cluster status.\n")),
        qPrintable(r.out));
}

void Tst_sim_tools::faults()
{
    MiniSandbox sb(1);
    REQUIRE_SANDBOX(sb);
    sb.addFault(R"([{"node":"node1","tool":"gs_ctl","args":"start","action":"fail","times":1}])");
    ProcessResult r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.endsWith(QStringLiteral("[gs_ctl]:  could not start server\nExamine the log output.\n")), qPrintable(r.out));
    QVERIFY(!QFile::exists(sb.pgdata(1) + QStringLiteral("/postmaster.pid")));
    // The rule was used up: the next start works.
    QCOMPARE(sb.start(1, QStringLiteral("primary")).exitCode, 0);

    // A server killed hard leaves its postmaster.pid: query says so, start goes ahead anyway.
    const qint64 pid = sb.serverPid(1);
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);
    QVERIFY(TestSupport::waitFor([&] { return !Sim::processAlive(pid); }, 5000));
    r = sb.query(1);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.endsWith(QStringLiteral("[gs_ctl]:  could not connect to the local server, the postmaster process %1 is not running\n").arg(pid)),
        qPrintable(r.out));
    r = sb.start(1, QStringLiteral("primary"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("[gs_ctl]:  another server might be running; trying to start server anyway\n")), qPrintable(r.out));
    QVERIFY(sb.serverPid(1) != pid);

    // A hanging tool hangs until it is killed.
    sb.addFault(R"([{"node":"node1","tool":"gs_ctl","args":"query","action":"hang","times":1}])");
    r = sb.gsCtl(1, { QStringLiteral("query"), QStringLiteral("-D"), sb.pgdata(1) }, 1500);
    QVERIFY(!r.finished);
    // gsql fails the generic way.
    sb.addFault(R"([{"node":"node1","tool":"gsql","action":"fail","exit":2,"message":"failed to connect Unknown:1."}])");
    r = sb.gsql(1, QStringLiteral("select 1"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("failed to connect Unknown:1.\n"));
    QCOMPARE(sb.gsql(1, QStringLiteral("select 1")).exitCode, 0);
}

QTEST_GUILESS_MAIN(Tst_sim_tools)
#include "tst_sim_tools.moc"
