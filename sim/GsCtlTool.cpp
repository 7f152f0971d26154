// gs_ctl: start / stop / restart / status / query / switchover, printing like og-server@v2.0.1
// src/bin/pg_ctl/pg_ctl.cpp (mogdb-tools.md §1, §2). Every message goes to stdout, as write_stderr()
// does in the real tool.
#include "FaultInjector.h"
#include "GaussdbServer.h"
#include "SimLayout.h"
#include "SimProtocol.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <signal.h>
#include <unistd.h>

namespace Sim {
namespace {

constexpr int kDefaultWait = 60;

void print(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

// "[2021-06-13 07:51:41.119][159054][][gs_ctl]: " + text
void progress(const QString& text)
{
    print(QLatin1Char('[') + QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("][") + QString::number(::getpid()) + QStringLiteral("][][gs_ctl]: ") + text);
}

struct Options
{
    QString command;
    QString pgdata;
    QString mode;          // -M
    QString shutdownMode = QStringLiteral("fast"); // -m
    int waitSeconds = kDefaultWait;
    bool wait = true;
    QString term = QStringLiteral("1");
    QString logFile; // -l: server output goes there instead of PGDATA/pg_log/gaussdb.log
};

class GsCtl
{
public:
    GsCtl(const Options& o, const QString& self)
        : m_o(o)
        , m_self(self)
    {
    }

    int run()
    {
        const QString& c = m_o.command;
        if (c == QStringLiteral("start"))
            return start(false);
        if (c == QStringLiteral("stop"))
            return stop(false);
        if (c == QStringLiteral("restart"))
            return restart();
        if (c == QStringLiteral("query"))
            return query();
        if (c == QStringLiteral("switchover"))
            return switchover();
        if (c == QStringLiteral("status"))
            return status();
        print(QStringLiteral("gs_ctl: unrecognized operation mode \"%1\"\nTry \"gs_ctl --help\" for more information.\n").arg(c));
        return 1;
    }

    // The realistic failure text of an injected "fail" fault.
    int injectedFailure(const Fault& fault)
    {
        const QString& c = m_o.command;
        if (c == QStringLiteral("start") || c == QStringLiteral("restart")) {
            progress(QStringLiteral("gs_ctl started,datadir is %1 \n").arg(m_o.pgdata));
            progress(QStringLiteral("waiting for server to start...\n"));
            print(QStringLiteral(".\n"));
            if (!fault.message.isEmpty())
                print(fault.message + QLatin1Char('\n'));
            else
                print(QStringLiteral("FATAL:  could not create shared memory segment: Cannot allocate memory\n"));
            progress(QStringLiteral("stopped waiting\n"));
            progress(QStringLiteral(" could not start server\nExamine the log output.\n"));
        } else if (c == QStringLiteral("stop")) {
            progress(QStringLiteral("gs_ctl stopped ,datadir is %1 \n").arg(m_o.pgdata));
            if (!fault.message.isEmpty())
                print(fault.message + QLatin1Char('\n'));
            print(QStringLiteral("waiting for server to shut down... failed\n"));
            progress(QStringLiteral(" server does not shut down (%1)\n").arg(m_o.pgdata));
        } else if (c == QStringLiteral("switchover")) {
            progress(QStringLiteral("gs_ctl switchover ,datadir is %1 \n").arg(m_o.pgdata));
            progress(QStringLiteral("switchover term (%1)\n").arg(m_o.term));
            progress(fault.message.isEmpty() ? QStringLiteral("cannot switchover server: server mode is unknown\n")
                                             : fault.message + QLatin1Char('\n'));
        } else if (c == QStringLiteral("query")) {
            progress(QStringLiteral("gs_ctl query ,datadir is %1 \n").arg(m_o.pgdata));
            progress(fault.message.isEmpty() ? QStringLiteral("exc_sql failed.\n") : fault.message + QLatin1Char('\n'));
        } else {
            print((fault.message.isEmpty() ? QStringLiteral("gs_ctl: injected fault") : fault.message) + QLatin1Char('\n'));
        }
        return fault.exitCode;
    }

private:
    Options m_o;
    QString m_self;

    QString pidFile() const { return m_o.pgdata + QStringLiteral("/postmaster.pid"); }

    // 0 no pid file; >0 the pid in it.
    qint64 readPid(PidFileInfo* info = nullptr) const
    {
        PidFileInfo i;
        if (!readPidFile(m_o.pgdata, &i))
            return 0;
        if (info)
            *info = i;
        return i.pid;
    }

    bool connectLocal(Proto::Client* client, const PidFileInfo& info, QString* error, int timeoutMs = 3000) const
    {
        return client->connectTo(connectAddressFor(info.listenAddress), info.port, timeoutMs, error);
    }

    // The server answers and is the one named in postmaster.pid.
    bool serverAnswers(qint64 expectedPid) const
    {
        PidFileInfo info;
        if (!readPid(&info) || (expectedPid > 0 && info.pid != expectedPid))
            return false;
        Proto::Client client;
        QString error;
        if (!connectLocal(&client, info, &error, 500))
            return false;
        QJsonObject reply;
        if (!client.request(QJsonObject { { QStringLiteral("t"), QStringLiteral("ping") } }, &reply, 1000, &error))
            return false;
        return reply.value(QStringLiteral("ok")).toBool() && qint64(reply.value(QStringLiteral("pid")).toDouble()) == info.pid;
    }

    QString gaussdbPath() const { return QFileInfo(m_self).absolutePath() + QStringLiteral("/gaussdb"); }

    // find_other_exec_or_die(argv0, "gaussdb", PG_BACKEND_VERSIONSTR)
    bool checkServerBinary()
    {
        const QString server = gaussdbPath();
        const QFileInfo fi(server);
        if (!fi.exists() || !fi.isExecutable()) {
            print(QStringLiteral("The program \"gaussdb\" is needed by gs_ctl but was not found in the\n"
                                 "same directory as \"%1\".\nCheck your installation.\n")
                      .arg(m_self));
            return false;
        }
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MOGUP_SIM_INTERNAL"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(server, { QStringLiteral("-V") });
        const bool ok = p.waitForFinished(10000);
        const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
        if (!ok || out != QStringLiteral("gaussdb ") + defGsVersion() + QLatin1Char('\n')) {
            if (!ok)
                p.kill();
            print(QStringLiteral("The program \"gaussdb\" was found by \"%1\"\n"
                                 "but was not the same version as gs_ctl.\nCheck your installation.\n")
                      .arg(m_self));
            return false;
        }
        return true;
    }

    static QString readTail(const QString& path, qint64 from)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        if (from > 0 && from <= f.size())
            f.seek(from);
        return QString::fromLocal8Bit(f.readAll());
    }

    int start(bool fromRestart)
    {
        if (!fromRestart)
            progress(QStringLiteral("gs_ctl started,datadir is %1 \n").arg(m_o.pgdata));
        if (!QFileInfo(m_o.pgdata).isDir()) {
            progress(QStringLiteral(" directory \"%1\" does not exist\n").arg(m_o.pgdata));
            progress(QStringLiteral(" could not start server\nExamine the log output.\n"));
            return 1;
        }
        const qint64 old = readPid();
        if (old > 0) {
            if (postmasterAlive(old)) {
                progress(QStringLiteral(" another server might be running; Please use the restart command\n"));
                return 0;
            }
            progress(QStringLiteral(" another server might be running; trying to start server anyway\n"));
        }
        if (!checkServerBinary())
            return 1;
        const QString logDir = m_o.pgdata + QStringLiteral("/pg_log");
        QDir().mkpath(logDir);
        const QString log = m_o.logFile.isEmpty() ? logDir + QStringLiteral("/gaussdb.log")
                                                  : QFileInfo(m_o.logFile).absoluteFilePath();
        {
            // spawnDetached would leave our stdout to the server if the log cannot be opened.
            QFile probe(log);
            if (!probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
                progress(QStringLiteral(" could not open log file \"%1\": %2\n").arg(log, probe.errorString()));
                return 1;
            }
        }
        const qint64 logStart = QFileInfo(log).size();
        QStringList args { QStringLiteral("-D"), m_o.pgdata };
        if (!m_o.mode.isEmpty())
            args << QStringLiteral("-M") << m_o.mode;
        QString error;
        const qint64 pid = spawnDetached(gaussdbPath(), args, log, m_o.pgdata, &error);
        if (pid <= 0) {
            progress(QStringLiteral(" could not start server: %1\n").arg(error));
            return 1;
        }
        if (!m_o.wait) {
            progress(QStringLiteral("server starting\n"));
            return 0;
        }
        progress(QStringLiteral("waiting for server to start...\n"));
        QDeadlineTimer deadline(qint64(m_o.waitSeconds) * 1000);
        qint64 nextDot = 0;
        QElapsedTimer clock;
        clock.start();
        while (true) {
            if (serverAnswers(pid)) {
                print(QStringLiteral("\n"));
                progress(QStringLiteral(" done\n"));
                progress(QStringLiteral("server started (%1)\n").arg(m_o.pgdata));
                return 0;
            }
            if (!processAlive(pid)) {
                const QString tail = readTail(log, logStart);
                print(QStringLiteral("\n"));
                if (!tail.isEmpty())
                    print(tail.endsWith(QLatin1Char('\n')) ? tail : tail + QLatin1Char('\n'));
                progress(QStringLiteral("stopped waiting\n"));
                progress(QStringLiteral(" could not start server\nExamine the log output.\n"));
                return 1;
            }
            if (deadline.hasExpired()) {
                print(QStringLiteral("\n"));
                progress(QStringLiteral("stopped waiting\n"));
                progress(QStringLiteral("server is still starting up\n"));
                return 1;
            }
            if (clock.elapsed() >= nextDot) {
                print(QStringLiteral("."));
                nextDot += 1000;
            }
            QThread::msleep(50);
        }
    }

    int stop(bool fromRestart)
    {
        if (!fromRestart)
            progress(QStringLiteral("gs_ctl stopped ,datadir is %1 \n").arg(m_o.pgdata));
        const qint64 pid = readPid();
        if (pid <= 0) {
            progress(QStringLiteral(" PID file \"%1\" does not exist\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            return 1;
        }
        const int sig = m_o.shutdownMode == QStringLiteral("immediate") ? SIGQUIT : SIGINT;
        if (!postmasterAlive(pid)) {
            progress(QStringLiteral("could not send stop signal (PID: %1): No such process\n").arg(pid));
            return 1;
        }
        if (::kill(pid_t(pid), sig) != 0) {
            progress(QStringLiteral("could not send stop signal (PID: %1): %2\n").arg(pid).arg(QString::fromLocal8Bit(std::strerror(errno))));
            return 1;
        }
        if (!m_o.wait) {
            print(QStringLiteral("server shutting down\n"));
            return 0;
        }
        print(QStringLiteral("waiting for server to shut down..."));
        QDeadlineTimer deadline(qint64(m_o.waitSeconds) * 1000);
        QElapsedTimer clock;
        clock.start();
        qint64 nextDot = 0;
        while (processAlive(pid)) {
            if (deadline.hasExpired()) {
                print(QStringLiteral(" failed\n"));
                progress(QStringLiteral(" server does not shut down (%1)\n").arg(m_o.pgdata));
                return 1;
            }
            if (clock.elapsed() >= nextDot) {
                print(QStringLiteral("."));
                nextDot += 1000;
            }
            QThread::msleep(50);
        }
        print(QStringLiteral(" done\nserver stopped\n"));
        return 0;
    }

    int restart()
    {
        progress(QStringLiteral("gs_ctl restarted ,datadir is %1 \n").arg(m_o.pgdata));
        const qint64 pid = readPid();
        if (m_o.mode.isEmpty()) {
            // The mode it ran with (postmaster.opts), as pg_ctl reuses the old options.
            QFile opts(m_o.pgdata + QStringLiteral("/postmaster.opts"));
            if (opts.open(QIODevice::ReadOnly)) {
                const QString text = QString::fromLocal8Bit(opts.readAll());
                const int at = text.indexOf(QStringLiteral("\"-M\" \""));
                if (at >= 0)
                    m_o.mode = text.mid(at + 6).section(QLatin1Char('"'), 0, 0);
            }
        }
        if (pid > 0 && postmasterAlive(pid)) {
            const int rc = stop(true);
            if (rc != 0)
                return rc;
        } else {
            progress(QStringLiteral(" PID file \"%1\" does not exist\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            progress(QStringLiteral("starting server anyway\n"));
        }
        return start(true);
    }

    int status()
    {
        const qint64 pid = readPid();
        if (pid > 0 && postmasterAlive(pid)) {
            print(QStringLiteral("gs_ctl: server is running (PID: %1)\n").arg(pid));
            QFile opts(m_o.pgdata + QStringLiteral("/postmaster.opts"));
            if (opts.open(QIODevice::ReadOnly))
                print(QString::fromLocal8Bit(opts.readAll()));
            return 0;
        }
        print(QStringLiteral("gs_ctl: no server running\n"));
        return 3;
    }

    // Runs the SQL gs_ctl query runs; false when the server cannot be reached.
    bool runSql(Proto::Client* client, const QString& sql, Proto::ResultSet* rs, QString* error)
    {
        return client->query(sql, rs, error, 10000);
    }

    void printSection(const QString& title, const Proto::ResultSet& rs)
    {
        print(QStringLiteral(" %1\n").arg(title, -20));
        if (rs.rows.isEmpty()) {
            print(QStringLiteral("No information \n"));
            return;
        }
        for (const QStringList& row : rs.rows) {
            QString block;
            for (int i = 0; i < rs.columns.size(); ++i)
                block += QLatin1Char('\t') + QStringLiteral("%1").arg(rs.columns.at(i).name, -30) + QStringLiteral(" : ")
                    + row.value(i) + QLatin1Char('\n');
            print(block);
            print(QStringLiteral("\n"));
        }
    }

    // PID-file checks shared by query and switchover. Returns 0 when a live postmaster is named.
    int requireRunning(PidFileInfo* info)
    {
        if (!readPid(info)) {
            progress(QStringLiteral(" PID file \"%1\" does not exist\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            return 1;
        }
        if (!postmasterAlive(info->pid)) {
            progress(QStringLiteral(" could not connect to the local server, the postmaster process %1 is not running\n").arg(info->pid));
            return 1;
        }
        return 0;
    }

    int query()
    {
        progress(QStringLiteral("gs_ctl query ,datadir is %1 \n").arg(m_o.pgdata));
        PidFileInfo info;
        if (requireRunning(&info) != 0)
            return 1;
        Proto::Client client;
        QString error;
        Proto::ResultSet ha, senders, receiver;
        const bool ok = connectLocal(&client, info, &error)
            && runSql(&client, QStringLiteral("SELECT local_role,static_connections,db_state,detail_information FROM pg_stat_get_stream_replications();"), &ha, &error)
            && runSql(&client, QStringLiteral("SELECT sender_pid,local_role,peer_role,peer_state, state,sender_sent_location,sender_write_location, sender_flush_location,sender_replay_location, receiver_received_location,receiver_write_location, receiver_flush_location,receiver_replay_location, sync_percent,sync_state,sync_priority, sync_most_available,channel FROM pg_stat_get_wal_senders();"), &senders, &error)
            && runSql(&client, QStringLiteral("SELECT receiver_pid,local_role,peer_role,peer_state, state,sender_sent_location,sender_write_location, sender_flush_location,sender_replay_location, receiver_received_location,receiver_write_location, receiver_flush_location,receiver_replay_location, sync_percent,channel FROM pg_stat_get_wal_receiver();"), &receiver, &error);
        if (!ok) {
            // display_query(): the state file, in the other layout.
            StateFileInfo st;
            readStateFile(m_o.pgdata, &st);
            print(QStringLiteral(" %1\n").arg(QStringLiteral("HA state:"), -20));
            auto line = [](const char* k, const QString& v) {
                return QStringLiteral("        %1: %2\n").arg(QString::fromLatin1(k), -30).arg(v);
            };
            print(line("local_role", st.localRole.isEmpty() ? QStringLiteral("Unknown") : st.localRole)
                + line("static_connections", QString::number(replConnInfos(readPostgresConf(m_o.pgdata + QStringLiteral("/postgresql.conf"))).size()))
                + line("db_state", QStringLiteral("Starting"))
                + line("detail_information", QStringLiteral("could not connect to server: %1").arg(error))
                + line("sync_mode", QStringLiteral("Async")) + QStringLiteral("\n") + QStringLiteral(" Senders info:\n")
                + QStringLiteral("        No information\n") + QStringLiteral(" Receiver info:\n")
                + QStringLiteral("        No information\n"));
            return 0;
        }
        printSection(QStringLiteral("HA state:"), ha);
        printSection(QStringLiteral("Senders info:"), senders);
        printSection(QStringLiteral("Receiver info:"), receiver);
        return 0;
    }

    QString localRole(const PidFileInfo& info)
    {
        Proto::Client client;
        QString error;
        Proto::ResultSet rs;
        if (!connectLocal(&client, info, &error, 1000)
            || !client.query(QStringLiteral("SELECT local_role FROM pg_stat_get_stream_replications();"), &rs, &error, 3000)
            || rs.rows.isEmpty())
            return QStringLiteral("Unknown");
        return rs.rows.first().value(0);
    }

    int switchover()
    {
        progress(QStringLiteral("gs_ctl switchover ,datadir is %1 \n").arg(m_o.pgdata));
        if (m_o.shutdownMode == QStringLiteral("immediate") || m_o.shutdownMode == QStringLiteral("smart")) {
            progress(QStringLiteral("datanode does not support smart or immediate switchover\n"));
            return 1;
        }
        PidFileInfo info;
        if (requireRunning(&info) != 0)
            return 1;
        progress(QStringLiteral("switchover term (%1)\n").arg(m_o.term));
        {
            QFile term(m_o.pgdata + QStringLiteral("/term_file"));
            if (term.open(QIODevice::WriteOnly | QIODevice::Truncate))
                term.write(m_o.term.toUtf8());
        }
        const QString role = localRole(info);
        if (role == QStringLiteral("Primary")) {
            progress(QStringLiteral("switchover completed (%1)\n").arg(m_o.pgdata));
            return 0;
        }
        if (role == QStringLiteral("Unknown")) {
            progress(QStringLiteral("cannot switchover server: server mode is unknown\n"));
            return 1;
        }
        if (role != QStringLiteral("Standby") && role != QStringLiteral("Cascade Standby")) {
            progress(QStringLiteral(" cannot switchover server; server is not in standby or cascade standby mode\n"));
            return 1;
        }
        {
            QFile trigger(m_o.pgdata + QStringLiteral("/switchover"));
            if (trigger.open(QIODevice::WriteOnly | QIODevice::Truncate))
                trigger.write("fast\n");
        }
        if (::kill(pid_t(info.pid), SIGUSR1) != 0) {
            progress(QStringLiteral(" could not send switchover signal (PID: %1): %2\n").arg(info.pid).arg(QString::fromLocal8Bit(std::strerror(errno))));
            return 1;
        }
        progress(QStringLiteral("waiting for server to switchover..."));
        QDeadlineTimer deadline(qint64(m_o.waitSeconds) * 1000);
        QElapsedTimer clock;
        clock.start();
        qint64 nextDot = 1000;
        while (true) {
            QThread::msleep(100);
            const QString now = localRole(info);
            if (now != role && now != QStringLiteral("Unknown")) {
                print(QStringLiteral("\n"));
                progress(QStringLiteral("done\n"));
                progress(QStringLiteral("switchover completed (%1)\n").arg(m_o.pgdata));
                return 0;
            }
            if (deadline.hasExpired()) {
                print(QStringLiteral("\n"));
                progress(QStringLiteral("\n switchover timeout after %1 seconds. please manually check the cluster status.\n").arg(m_o.waitSeconds));
                return 0;
            }
            if (clock.elapsed() >= nextDot) {
                print(QStringLiteral("."));
                nextDot += 1000;
            }
        }
    }
};

void printHelp()
{
    print(QStringLiteral(
        "gs_ctl is a utility to initialize, start, stop, or control a openGauss server.\n\n"
        "Usage:\n"
        "  gs_ctl start   [-w] [-t SECS] [-D DATADIR] [-s] [-l FILENAME] [-o \"OPTIONS\"] [-M SERVERMODE]\n"
        "  gs_ctl restart [-w] [-t SECS] [-D DATADIR] [-s] [-m SHUTDOWN-MODE]\n"
        "  gs_ctl stop    [-W] [-t SECS] [-D DATADIR] [-s] [-m SHUTDOWN-MODE]\n"
        "  gs_ctl status  [-D DATADIR]\n"
        "  gs_ctl switchover             [-W] [-D DATADIR] [-m SWITCHOVER-MODE] [-U USERNAME] [-P PASSWORD]\n"
        "  gs_ctl query   [-D DATADIR] [-U USERNAME] [-P PASSWORD] [-L lsn]\n\n"
        "Common options:\n"
        "  -D, --pgdata=DATADIR   location of the database storage area\n"
        "  -s, --silent           only print errors, no informational messages\n"
        "  -t, --timeout=SECS     seconds to wait when using -w option\n"
        "  -V, --version          output version information, then exit\n"
        "  -w                     wait until operation completes\n"
        "  -W                     do not wait until operation completes\n"
        "  -?, -h, --help         show this help, then exit\n\n"
        "SERVERMODE are:\n"
        "  primary         database system run as a primary server, send xlog to standby server\n"
        "  standby         database system run as a standby server, receive xlog from primary server\n"
        "  cascade_standby database system run as a cascade standby server, receive xlog from standby server\n"
        "  pending         database system run as a pending server, wait for promoting to primary or demoting to standby\n"));
}

} // namespace

int gsCtlMain(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.contains(QStringLiteral("-V")) || args.contains(QStringLiteral("--version"))) {
        print(QStringLiteral("gs_ctl ") + defGsVersion() + QLatin1Char('\n'));
        return 0;
    }
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-?")) || args.contains(QStringLiteral("-h"))) {
        printHelp();
        return 0;
    }
    QString self = programPath(argv[0]);
    if (!QFileInfo::exists(self))
        self = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));

    Options o;
    static const QStringList commands { QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
        QStringLiteral("status"), QStringLiteral("query"), QStringLiteral("switchover"), QStringLiteral("failover"),
        QStringLiteral("build"), QStringLiteral("reload"), QStringLiteral("promote"), QStringLiteral("notify") };
    auto valueOf = [&](int& i, const QString& a, const QString& shortOpt, const QString& longOpt, QString* out) {
        if (a == shortOpt && i + 1 < args.size()) {
            *out = args.at(++i);
            return true;
        }
        if (a.startsWith(shortOpt) && a.size() > shortOpt.size() && shortOpt.size() == 2) {
            *out = a.mid(2);
            return true;
        }
        if (!longOpt.isEmpty() && a.startsWith(longOpt + QLatin1Char('='))) {
            *out = a.mid(longOpt.size() + 1);
            return true;
        }
        return false;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        QString v;
        if (valueOf(i, a, QStringLiteral("-D"), QStringLiteral("--pgdata"), &v)) {
            o.pgdata = v;
        } else if (valueOf(i, a, QStringLiteral("-M"), QString(), &v)) {
            o.mode = v;
        } else if (valueOf(i, a, QStringLiteral("-m"), QStringLiteral("--mode"), &v)) {
            if (v == QStringLiteral("f") || v == QStringLiteral("fast"))
                o.shutdownMode = QStringLiteral("fast");
            else if (v == QStringLiteral("i") || v == QStringLiteral("immediate"))
                o.shutdownMode = QStringLiteral("immediate");
            else if (v == QStringLiteral("s") || v == QStringLiteral("smart"))
                o.shutdownMode = QStringLiteral("smart");
            else {
                progress(QStringLiteral(" unrecognized shutdown mode \"%1\"\n").arg(v));
                return 1;
            }
        } else if (valueOf(i, a, QStringLiteral("-t"), QStringLiteral("--timeout"), &v)) {
            o.waitSeconds = qMax(1, v.toInt());
        } else if (valueOf(i, a, QStringLiteral("-T"), QString(), &v)) {
            o.term = v;
        } else if (valueOf(i, a, QStringLiteral("-l"), QStringLiteral("--log"), &v)) {
            o.logFile = v;
        } else if (valueOf(i, a, QStringLiteral("-o"), QString(), &v)
            || valueOf(i, a, QStringLiteral("-U"), QString(), &v) || valueOf(i, a, QStringLiteral("-P"), QString(), &v)
            || valueOf(i, a, QStringLiteral("-L"), QString(), &v) || valueOf(i, a, QStringLiteral("-b"), QString(), &v)
            || valueOf(i, a, QStringLiteral("-Z"), QString(), &v)) {
            // accepted, no effect in the sandbox
        } else if (a == QStringLiteral("-w")) {
            o.wait = true;
        } else if (a == QStringLiteral("-W")) {
            o.wait = false;
        } else if (a == QStringLiteral("-s") || a == QStringLiteral("--silent")) {
        } else if (commands.contains(a) && o.command.isEmpty()) {
            o.command = a;
        } else if (a.startsWith(QLatin1Char('-'))) {
            print(QStringLiteral("gs_ctl: invalid option -- '%1'\nTry \"gs_ctl --help\" for more information.\n").arg(a.mid(1)));
            return 1;
        } else {
            print(QStringLiteral("gs_ctl: too many command-line arguments (first is \"%1\")\nTry \"gs_ctl --help\" for more information.\n").arg(a));
            return 1;
        }
    }
    if (o.command.isEmpty()) {
        print(QStringLiteral("gs_ctl: no operation specified\nTry \"gs_ctl --help\" for more information.\n"));
        return 1;
    }
    if (o.pgdata.isEmpty())
        o.pgdata = qEnvironmentVariable("PGDATA");
    if (o.pgdata.isEmpty()) {
        print(QStringLiteral("gs_ctl: no database directory specified and environment variable PGDATA unset\n"
                             "Try \"gs_ctl --help\" for more information.\n"));
        return 1;
    }
    o.pgdata = QDir::cleanPath(QFileInfo(o.pgdata).absoluteFilePath());
    if (!o.mode.isEmpty()) {
        static const QStringList modes { QStringLiteral("primary"), QStringLiteral("standby"),
            QStringLiteral("cascade_standby"), QStringLiteral("pending") };
        if (!modes.contains(o.mode)) {
            progress(QStringLiteral(" unrecognized server mode \"%1\"\n").arg(o.mode));
            return 1;
        }
    }

    GsCtl ctl(o, self);
    const QString tool = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName();
    const QString root = findSandboxRoot(o.pgdata).isEmpty() ? sandboxRootOfThisProgram() : findSandboxRoot(o.pgdata);
    SandboxConfig cfg;
    QString error;
    if (!root.isEmpty())
        SandboxConfig::load(root, &cfg, &error);
    const Fault fault = takeFault(root, currentNodeName(cfg, o.pgdata), tool, args);
    if (fault.action == FaultAction::Fail)
        return ctl.injectedFailure(fault);
    const int rc = applyFaultGeneric(fault, tool);
    if (rc >= 0)
        return rc;
    return ctl.run();
}

} // namespace Sim
