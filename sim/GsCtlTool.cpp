// gs_ctl: start / stop / restart / status / query / switchover, following og-server@v2.0.1
// src/bin/pg_ctl/pg_ctl.cpp (mogdb-tools.md §1, §2): the same messages, order, exit codes and waits.
// Every message goes to stdout: pg_log() (src/bin/pg_rewind/logging.cpp) writes through write_stderr(),
// which prints to stdout, and do_status()/print_msg() use printf/stdout. Only getopt's own complaints go
// to stderr.
#include "FaultInjector.h"
#include "GaussdbServer.h"
#include "SimLayout.h"
#include "SimProtocol.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

namespace Sim {
namespace {

constexpr int kDefaultWait = 60; // pg_ctl.cpp DEFAULT_WAIT

// PQping() results (libpq-fe.h), printed by the start wait as "ret is %d".
enum PingResult
{
    PingOk = 0,
    PingReject = 1,
    PingNoResponse = 2,
    PingNoAttempt = 3
};

void print(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

// pg_log(PG_PROGRESS / PG_WARNING, ...): "[2021-06-13 07:51:41.119][159054][][gs_ctl]: " + text
void progress(const QString& text)
{
    print(QLatin1Char('[') + QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("][") + QString::number(::getpid()) + QStringLiteral("][][gs_ctl]: ") + text);
}

// do_advice(): pg_log(PG_PRINT, ...), no prefix.
void advice()
{
    print(QStringLiteral("Try \"gs_ctl --help\" for more information.\n"));
}

struct Options
{
    QString command;
    QString pgdata;
    QString mode; // -M, passed to the server unchecked
    QString shutdownMode = QStringLiteral("fast"); // -m (set_mode: fast | immediate)
    int waitSeconds = kDefaultWait;
    bool wait = true;
    quint32 term = 1; // -T
    QString logFile; // -l: server output goes there instead of PGDATA/pg_log/gaussdb.log
    bool silent = false; // -s: print_msg() prints nothing
};

class GsCtl
{
public:
    GsCtl(const Options& o, const QString& self)
        : m_o(o)
        , m_self(self)
    {
    }

    // main()'s switch: the "<command> ,datadir is" line, then do_<command>(). start, restart and
    // switchover run under PGDATA/pg_ctl.lock; a second one at the same time gives up, exit 0.
    int run()
    {
        const QString& c = m_o.command;
        const QString& d = m_o.pgdata;
        if (c == QStringLiteral("status")) {
            progress(QStringLiteral("gs_ctl status,datadir is %1 \n").arg(d));
            return status();
        }
        if (c == QStringLiteral("start")) {
            progress(QStringLiteral("gs_ctl started,datadir is %1 \n").arg(d));
            if (const LockResult lock = lockPgCtl(); lock != LockOk) {
                if (lock == LockError)
                    return 1;
                progress(QStringLiteral("Another gs_ctl command is still running,start failed !\n"));
                return 0;
            }
            return start(false);
        }
        if (c == QStringLiteral("restart")) {
            progress(QStringLiteral("gs_ctl restarted ,datadir is %1 \n").arg(d));
            if (const LockResult lock = lockPgCtl(); lock != LockOk) {
                if (lock == LockError)
                    return 1;
                progress(QStringLiteral("Another gs_ctl command is still running,restart failed !\n"));
                return 0;
            }
            return restart();
        }
        if (c == QStringLiteral("stop")) {
            progress(QStringLiteral("gs_ctl stopped ,datadir is %1 \n").arg(d));
            return stop();
        }
        if (c == QStringLiteral("switchover")) {
            progress(QStringLiteral("gs_ctl switchover ,datadir is %1 \n").arg(d));
            if (const LockResult lock = lockPgCtl(); lock != LockOk) {
                if (lock == LockError)
                    return 1;
                progress(QStringLiteral("Another gs_ctl command is still running,switchover failed !\n"));
                return 0;
            }
            return switchover();
        }
        if (c == QStringLiteral("query")) {
            progress(QStringLiteral("gs_ctl query ,datadir is %1 \n").arg(d));
            return query();
        }
        // Real operations the sandbox does not simulate: the tool's first line, then a sandbox message.
        static const QList<QPair<QString, QString>> lines {
            { QStringLiteral("init"), QStringLiteral("gs_ctl init,datadir is %1 \n") },
            { QStringLiteral("reload"), QStringLiteral("gs_ctl reload ,datadir is %1 \n") },
            { QStringLiteral("finishredo"), QStringLiteral("gs_ctl finish redo ,datadir is %1 \n") },
            { QStringLiteral("failover"), QStringLiteral("gs_ctl failover ,datadir is %1 \n") },
            { QStringLiteral("promote"), QStringLiteral("gs_ctl promote ,datadir is %1 \n") },
            { QStringLiteral("notify"), QStringLiteral("gs_ctl notify ,datadir is %1 \n") },
            { QStringLiteral("querybuild"), QStringLiteral("gs_ctl build query ,datadir is %1 \n") },
            { QStringLiteral("build"), QStringLiteral("gs_ctl full build ,datadir is %1\n") }
        };
        for (const auto& l : lines) {
            if (l.first == c || (c == QStringLiteral("gs_initdb") && l.first == QStringLiteral("init")))
                progress(l.second.arg(d));
        }
        printErr(QStringLiteral("gs_ctl: \"%1\" is not simulated by the MogUp sandbox\n").arg(c));
        return 1;
    }

    // The realistic failure text of an injected "fail" fault.
    int injectedFailure(const Fault& fault)
    {
        const QString& c = m_o.command;
        if (c == QStringLiteral("start") || c == QStringLiteral("restart")) {
            progress(QStringLiteral("gs_ctl started,datadir is %1 \n").arg(m_o.pgdata));
            progress(QStringLiteral("waiting for server to start...\n"));
            print(QStringLiteral("."));
            if (!fault.message.isEmpty())
                print(fault.message + QLatin1Char('\n'));
            else
                print(QStringLiteral(
                    "FATAL:  could not create shared memory segment: Cannot allocate memory\n"));
            progress(QStringLiteral(" waitpid %1 failed, exitstatus is 256, ret is %2\n")
                         .arg(::getpid() + 1)
                         .arg(int(PingNoResponse)));
            print(QStringLiteral("\n"));
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
            progress(fault.message.isEmpty()
                    ? QStringLiteral("cannot switchover server: server mode is unknown\n")
                    : fault.message + QLatin1Char('\n'));
        } else if (c == QStringLiteral("query")) {
            progress(QStringLiteral("gs_ctl query ,datadir is %1 \n").arg(m_o.pgdata));
            print(QStringLiteral(" %1\n").arg(QStringLiteral("HA state:"), -20));
            progress(fault.message.isEmpty() ? QStringLiteral("exc_sql failed.\n")
                                             : fault.message + QLatin1Char('\n'));
        } else {
            print((fault.message.isEmpty() ? QStringLiteral("gs_ctl: injected fault") : fault.message)
                + QLatin1Char('\n'));
        }
        return fault.exitCode;
    }

private:
    Options m_o;
    QString m_self;
    int m_lockFd = -1;

    QString pidFile() const { return m_o.pgdata + QStringLiteral("/postmaster.pid"); }
    QString stateFile() const { return m_o.pgdata + QStringLiteral("/gaussdb.state"); }

    // print_msg(): stdout, nothing with -s.
    void printMsg(const QString& text) const
    {
        if (!m_o.silent)
            print(text);
    }

    // pg_ctl_lock(): flock(PGDATA/pg_ctl.lock, LOCK_EX | LOCK_NB), held until the process exits.
    // LockBusy: another gs_ctl holds it. LockError: the file cannot be created (printed; exit 1).
    enum LockResult
    {
        LockOk,
        LockBusy,
        LockError
    };
    LockResult lockPgCtl()
    {
        const QString path = m_o.pgdata + QStringLiteral("/pg_ctl.lock");
        m_lockFd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (m_lockFd < 0) {
            // Sic: no newline in the source's format.
            progress(QStringLiteral("can't create lock file \"%1\" : %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
            return LockError;
        }
        return ::flock(m_lockFd, LOCK_EX | LOCK_NB) == 0 ? LockOk : LockBusy;
    }

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

    bool connectLocal(
        Proto::Client* client, const PidFileInfo& info, QString* error, int timeoutMs = 3000) const
    {
        return client->connectTo(connectAddressFor(info.listenAddress), info.port, timeoutMs, error);
    }

    // test_postmaster_connection()'s PQping against the server named in postmaster.pid.
    PingResult ping(qint64 expectedPid) const
    {
        PidFileInfo info;
        if (!readPid(&info) || (expectedPid > 0 && info.pid != expectedPid))
            return PingNoResponse;
        Proto::Client client;
        QString error;
        if (!connectLocal(&client, info, &error, 500))
            return PingNoResponse;
        QJsonObject reply;
        if (!client.request(
                QJsonObject { { QStringLiteral("t"), QStringLiteral("ping") } }, &reply, 1000, &error))
            return PingNoResponse;
        if (reply.value(QStringLiteral("ok")).toBool()
            && qint64(reply.value(QStringLiteral("pid")).toDouble()) == info.pid)
            return PingOk;
        return reply.value(QStringLiteral("starting")).toBool() ? PingReject : PingNoResponse;
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

    // do_start(): get_instance_port() + do_check_port(): a port already LISTENing in /proc/net/tcp is
    // reported ("port conflict when start server"), and the start goes on (the server then fails).
    void checkPort()
    {
        const int port = readPostgresConf(m_o.pgdata + QStringLiteral("/postgresql.conf"))
                             .value(QStringLiteral("port"))
                             .toInt();
        if (port <= 0)
            return;
        QFile tcp(QStringLiteral("/proc/net/tcp"));
        if (!tcp.open(QIODevice::ReadOnly))
            return;
        tcp.readLine();
        while (!tcp.atEnd()) {
            const QByteArray line = tcp.readLine();
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() < 4)
                continue;
            bool ok = false;
            const int local = f.at(1).split(':').value(1).toInt(&ok, 16);
            if (ok && local == port && f.at(3) == "0A") {
                progress(QStringLiteral("port:%1 already in use. /proc/net/tcp:\n%2 \n%3")
                             .arg(port)
                             .arg(QStringLiteral("  sl  local_address rem_address   st tx_queue rx_queue tr "
                                                 "tm->when retrnsmt   uid  timeout inode "),
                                 QString::fromLatin1(line)));
                progress(QStringLiteral("port conflict when start server\n"));
                return;
            }
        }
    }

    static bool stateCountsAsStarted(const QString& dbState)
    {
        // test_postmaster_connection(): a rewritten gaussdb.state in one of these states means started.
        static const QStringList started { QStringLiteral("Normal"), QStringLiteral("Need repair"),
            QStringLiteral("Wait promoting"), QStringLiteral("Demoting"), QStringLiteral("Promoting"),
            QStringLiteral("Building"), QStringLiteral("Catchup") };
        return started.contains(dbState);
    }

    int start(bool fromRestart)
    {
        if (!fromRestart) {
            // Only a live postmaster of this data directory stops a start (and exits 0!); a stale
            // postmaster.pid is the server's business (CreateLockFile replaces it).
            PidFileInfo old;
            if (readPid(&old) > 0 && postmasterAlive(old.pid)) {
                progress(
                    QStringLiteral(" another server might be running; Please use the restart command\n"));
                return 0;
            }
        }
        if (!checkServerBinary())
            return 1;
        checkPort();
        const QString logDir = m_o.pgdata + QStringLiteral("/pg_log");
        QDir().mkpath(logDir);
        const QString log = m_o.logFile.isEmpty() ? logDir + QStringLiteral("/gaussdb.log")
                                                  : QFileInfo(m_o.logFile).absoluteFilePath();
        {
            // spawnDetached would leave our stdout to the server if the log cannot be opened.
            QFile probe(log);
            if (!probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
                progress(
                    QStringLiteral(" could not open log file \"%1\": %2\n").arg(log, probe.errorString()));
                return 1;
            }
        }
        const QDateTime stateBefore = QFileInfo(stateFile()).lastModified();
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
        // test_postmaster_connection(): up to wait_seconds rounds of ping, "is it alive", gaussdb.state,
        // ".", sleep 1 s. The sandbox checks every 50 ms (the same dots, a faster answer) and keeps the
        // outcome: OK, still starting (REJECT) or gone (NO_RESPONSE).
        PingResult ret = m_o.waitSeconds <= 0 ? PingReject : PingNoResponse;
        QElapsedTimer clock;
        clock.start();
        qint64 nextDot = 0;
        while (m_o.waitSeconds > 0) {
            ret = ping(pid);
            if (ret == PingOk)
                break;
            if (!processAlive(pid)) {
                const QString tail = readTail(log, logStart);
                if (!tail.isEmpty())
                    print(tail.endsWith(QLatin1Char('\n')) ? tail : tail + QLatin1Char('\n'));
                // The sandbox's server exits with 1 (wait status 256).
                progress(QStringLiteral(" waitpid %1 failed, exitstatus is %2, ret is %3\n")
                             .arg(pid)
                             .arg(256)
                             .arg(int(ret)));
                ret = PingNoResponse;
                break;
            }
            const QFileInfo st(stateFile());
            if (st.exists() && st.lastModified() != stateBefore) {
                StateFileInfo s;
                if (readStateFile(m_o.pgdata, &s) && stateCountsAsStarted(s.dbState)) {
                    ret = PingOk;
                    break;
                }
            }
            if (clock.elapsed() >= nextDot) {
                if (nextDot / 1000 >= m_o.waitSeconds)
                    break;
                print(QStringLiteral("."));
                nextDot += 1000;
            }
            QThread::msleep(50);
        }
        print(QStringLiteral("\n"));
        switch (ret) {
        case PingOk:
            progress(QStringLiteral(" done\n"));
            progress(QStringLiteral("server started (%1)\n").arg(m_o.pgdata));
            return 0;
        case PingReject:
            // Exit code 0: do_start() only breaks out of the switch.
            progress(QStringLiteral("stopped waiting\n"));
            progress(QStringLiteral("server is still starting up\n"));
            return 0;
        default:
            progress(QStringLiteral("stopped waiting\n"));
            progress(QStringLiteral(" could not start server\nExamine the log output.\n"));
            return 1;
        }
    }

    // kill_proton_force(): gs_ctl stop -m immediate without a pid file kills every gaussdb whose working
    // directory is this data directory, with the command it shows.
    void killProtonForce()
    {
        progress(QStringLiteral("stop failed, killing gaussdb by force ...\n"));
        const QString real = QFileInfo(m_o.pgdata).canonicalFilePath();
        if (real.isEmpty()) {
            progress(QStringLiteral(" get realpath failed!\n"));
            return;
        }
        const QString cmd
            = QStringLiteral("ps c -eo pid,euid,cmd | grep gaussdb | grep -v grep | awk '{if($2 == curuid && "
                             "$1!=\"-n\") print "
                             "\"/proc/\"$1\"/cwd\"}' curuid=`id -u`| xargs ls -l | awk '{if ($NF==\"")
            + real
            + QStringLiteral("\")  print $(NF-2)}' | awk -F/ '{print $3 }' | xargs kill -9 >/dev/null 2>&1 ");
        progress(QStringLiteral("command [%1] path: [%2] \n").arg(cmd, real));
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString& e : entries) {
            bool ok = false;
            const qint64 pid = e.toLongLong(&ok);
            if (!ok || !postmasterAlive(pid))
                continue;
            if (QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid))).canonicalFilePath()
                == real)
                ::kill(pid_t(pid), SIGKILL);
        }
        progress(QStringLiteral("server stopped\n"));
    }

    int stop()
    {
        const qint64 pid = readPid();
        const bool immediate = m_o.shutdownMode == QStringLiteral("immediate");
        if (pid <= 0) {
            progress(QStringLiteral(" PID file \"%1\" does not exist.\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            if (immediate) {
                killProtonForce();
                return 0;
            }
            return 1;
        }
        const int sig = immediate ? SIGQUIT : SIGINT;
        // A pid that is not a sandbox server is never signalled (the real tool would signal it); it counts
        // as gone (ESRCH), for which do_stop() exits 0.
        const int rc = postmasterAlive(pid) ? ::kill(pid_t(pid), sig) : (errno = ESRCH, -1);
        if (rc != 0) {
            const int e = errno;
            progress(QStringLiteral(" cannot stop server; single-user server is running (PID: %1)  %2\n")
                         .arg(pid)
                         .arg(QString::fromLocal8Bit(std::strerror(e))));
            if (immediate)
                killProtonForce();
            return e == ESRCH ? 0 : 1;
        }
        if (!m_o.wait) {
            printMsg(QStringLiteral("server shutting down\n"));
            return 0;
        }
        printMsg(QStringLiteral("waiting for server to shut down..."));
        QElapsedTimer clock;
        clock.start();
        qint64 nextDot = 0;
        auto running = [&] { return QFileInfo::exists(pidFile()) || postmasterAlive(pid); };
        while (running()) {
            if (clock.elapsed() >= nextDot) {
                if (nextDot / 1000 >= m_o.waitSeconds) {
                    printMsg(QStringLiteral(" failed\n"));
                    progress(QStringLiteral(" server does not shut down (%1)\n").arg(m_o.pgdata));
                    return 1;
                }
                printMsg(QStringLiteral("."));
                nextDot += 1000;
            }
            QThread::msleep(50);
        }
        printMsg(QStringLiteral(" done\n"));
        printMsg(QStringLiteral("server stopped\n"));
        return 0;
    }

    // do_restart(): stop without dots, then do_start() with the options of postmaster.opts.
    int restart()
    {
        PidFileInfo info;
        const qint64 pid = readPid(&info);
        if (m_o.mode.isEmpty()) {
            // read_post_opts(): a restart reuses the server's last command line (postmaster.opts).
            QFile opts(m_o.pgdata + QStringLiteral("/postmaster.opts"));
            if (opts.open(QIODevice::ReadOnly)) {
                const QString text = QString::fromLocal8Bit(opts.readAll());
                const int at = text.indexOf(QStringLiteral("\"-M\" \""));
                if (at >= 0)
                    m_o.mode = text.mid(at + 6).section(QLatin1Char('"'), 0, 0);
            }
        }
        if (pid <= 0) {
            progress(QStringLiteral("Is server running?\n"));
            progress(QStringLiteral("starting server anyway\n"));
            return start(true);
        }
        if (!postmasterAlive(pid)) {
            progress(QStringLiteral(" old server process (PID: %1) seems to be gone\n").arg(pid));
            progress(QStringLiteral("starting server anyway\n"));
            return start(true);
        }
        const int sig = m_o.shutdownMode == QStringLiteral("immediate") ? SIGQUIT : SIGINT;
        if (::kill(pid_t(pid), sig) != 0) {
            progress(QStringLiteral(" could not send stop signal (PID: %1): %2\n")
                         .arg(pid)
                         .arg(QString::fromLocal8Bit(std::strerror(errno))));
            return start(true);
        }
        printMsg(QStringLiteral("waiting for server to shut down..."));
        QDeadlineTimer deadline(qint64(m_o.waitSeconds) * 1000);
        while (QFileInfo::exists(pidFile()) || postmasterAlive(pid)) {
            if (deadline.hasExpired()) {
                printMsg(QStringLiteral(" failed\n"));
                progress(QStringLiteral(" server does not shut down\n"));
                return start(true);
            }
            QThread::msleep(50);
        }
        printMsg(QStringLiteral(" done\n"));
        printMsg(QStringLiteral("server stopped\n"));
        return start(true);
    }

    // do_status(): printf, no prefix; "no server running" exits 3 (LSB).
    int status()
    {
        const qint64 pid = readPid();
        if (pid > 0 && processAlive(pid) && !postmasterAlive(pid)) {
            print(QStringLiteral("gs_ctl: The process recorded in PID file \"%1\" is not current server\n")
                      .arg(pidFile()));
            print(QStringLiteral("Is server running?\n"));
            return 1;
        }
        if (pid > 0 && postmasterAlive(pid)) {
            print(QStringLiteral("gs_ctl: server is running (PID: %1)\n").arg(pid));
            QFile opts(m_o.pgdata + QStringLiteral("/postmaster.opts"));
            if (opts.open(QIODevice::ReadOnly))
                print(QString::fromLocal8Bit(opts.readAll()));
            return 0;
        }
        print(QStringLiteral("no server running\n"));
        return 3;
    }

    // exe_sql(): a header, then one "\t%-30s : %s" line per column and a blank line per row;
    // "No information " for no rows; "exc_sql failed." (prefixed) if the statement fails.
    void exeSql(Proto::Client* client, const QString& title, const QString& sql)
    {
        print(QStringLiteral(" %1\n").arg(title, -20));
        Proto::ResultSet rs;
        QString error;
        if (!client->query(sql, &rs, &error, 10000)) {
            progress(QStringLiteral("exc_sql failed.\n"));
            return;
        }
        if (rs.rows.isEmpty()) {
            print(QStringLiteral("No information \n"));
            return;
        }
        for (const QStringList& row : rs.rows) {
            QString block;
            for (int i = 0; i < rs.columns.size(); ++i)
                block += QLatin1Char('\t') + QStringLiteral("%1").arg(rs.columns.at(i).name, -30)
                    + QStringLiteral(" : ") + row.value(i) + QLatin1Char('\n');
            print(block);
            print(QStringLiteral("\n"));
        }
    }

    // PID-file checks of do_query(). Returns 0 when a live postmaster is named.
    int requireRunning(PidFileInfo* info)
    {
        if (!readPid(info)) {
            progress(QStringLiteral(" PID file \"%1\" does not exist\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            return 1;
        }
        if (!processAlive(info->pid)) {
            // Sic: no newline at the end (do_query()).
            progress(QStringLiteral(
                " could not connect to the local server, the postmaster process %1 is not running")
                         .arg(info->pid));
            return 1;
        }
        if (!postmasterAlive(info->pid)) {
            progress(QStringLiteral(" The process recorded in PID file \"%1\" is not current server\n")
                         .arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            return 1;
        }
        return 0;
    }

    // libpq's PQerrorMessage() for a refused TCP connection (PG 9.2 fe-connect.c connectFailureMessage).
    static QString connectFailure(const PidFileInfo& info)
    {
        return QStringLiteral("could not connect to server: Connection refused\n\tIs the server running on "
                              "host \"%1\" and accepting\n"
                              "\tTCP/IP connections on port %2?\n")
            .arg(connectAddressFor(info.listenAddress))
            .arg(info.port);
    }

    int query()
    {
        PidFileInfo info;
        if (requireRunning(&info) != 0)
            return 1;
        Proto::Client client;
        QString error;
        QJsonObject reply;
        QString refused;
        if (!connectLocal(&client, info, &error)) {
            refused = connectFailure(info);
        } else if (!client.request(QJsonObject { { QStringLiteral("t"), QStringLiteral("ping") } }, &reply,
                       3000, &error)) {
            refused = QStringLiteral("server closed the connection unexpectedly\n\tThis probably means the "
                                     "server terminated abnormally\n"
                                     "\tbefore or while processing the request.\n");
        } else if (!reply.value(QStringLiteral("ok")).toBool()) {
            refused = reply.value(QStringLiteral("error")).toString() + QLatin1Char('\n');
        }
        if (!refused.isEmpty()) {
            // display_query(): the state file, in the other layout (8 spaces, "%-30s: %s", sync_mode).
            StateFileInfo st;
            if (!readStateFile(m_o.pgdata, &st)) {
                progress(QStringLiteral(" file \"%1\" is not exist\n").arg(stateFile()));
                return 1;
            }
            auto line = [](const char* k, const QString& v) {
                return QStringLiteral("        %1: %2\n").arg(QString::fromLatin1(k), -30).arg(v);
            };
            print(QStringLiteral(" HA state:\n")
                + line("local_role", st.localRole.isEmpty() ? QStringLiteral("Unknown") : st.localRole)
                + line("static_connections",
                    QString::number(
                        replConnInfos(readPostgresConf(m_o.pgdata + QStringLiteral("/postgresql.conf")))
                            .size()))
                + line("db_state", st.dbState.isEmpty() ? QStringLiteral("Unknown") : st.dbState)
                + line("detail_information", refused) + line("sync_mode", QStringLiteral("Async"))
                + QStringLiteral("\n") + QStringLiteral(" Senders info:\n")
                + QStringLiteral("        No information\n") + QStringLiteral(" Receiver info:\n")
                + QStringLiteral("        No information\n"));
            return 0;
        }
        exeSql(&client, QStringLiteral("HA state:"),
            QStringLiteral("SELECT local_role,static_connections,db_state,detail_information FROM "
                           "pg_stat_get_stream_replications();"));
        exeSql(&client, QStringLiteral("Senders info:"),
            QStringLiteral(
                "SELECT sender_pid,local_role,peer_role,peer_state, "
                "state,sender_sent_location,sender_write_location, "
                "sender_flush_location,sender_replay_location, "
                "receiver_received_location,receiver_write_location, "
                "receiver_flush_location,receiver_replay_location, sync_percent,sync_state,sync_priority, "
                "sync_most_available,channel FROM pg_stat_get_wal_senders();"));
        exeSql(&client, QStringLiteral("Receiver info:"),
            QStringLiteral("SELECT receiver_pid,local_role,peer_role,peer_state, "
                           "state,sender_sent_location,sender_write_location, "
                           "sender_flush_location,sender_replay_location, "
                           "receiver_received_location,receiver_write_location, "
                           "receiver_flush_location,receiver_replay_location, sync_percent,channel FROM "
                           "pg_stat_get_wal_receiver();"));
        return 0;
    }

    // get_runmode(): local_role over a fresh connection; if the server cannot be reached, says so and
    // takes the mode from gaussdb.state.
    QString runMode(const PidFileInfo& info)
    {
        Proto::Client client;
        QString error;
        Proto::ResultSet rs;
        const bool connected = connectLocal(&client, info, &error, 1000);
        const bool ok = connected
            && client.query(QStringLiteral("select local_role from pg_stat_get_stream_replications();"), &rs,
                &error, 3000);
        // A refused session (FATAL at connection time) is a failed connection for libpq, too.
        if (!connected || (!ok && error.startsWith(QStringLiteral("FATAL:")))) {
            progress(QStringLiteral("Getting state from gaussdb.state!\n"));
            StateFileInfo st;
            if (!readStateFile(m_o.pgdata, &st))
                return QStringLiteral("Unknown");
            return st.localRole;
        }
        if (!ok) {
            progress(QStringLiteral("could not get local role from the local server: %1\n").arg(error));
            return QStringLiteral("Unknown");
        }
        if (rs.rows.size() != 1 || rs.columns.size() != 1)
            return QStringLiteral("Unknown");
        static const QStringList known { QStringLiteral("Normal"), QStringLiteral("Primary"),
            QStringLiteral("Standby"), QStringLiteral("Cascade Standby"), QStringLiteral("Pending") };
        const QString role = rs.rows.first().value(0);
        return known.contains(role) ? role : QStringLiteral("Unknown");
    }

    int switchover()
    {
        // do_switchover(), in its order: the term first, then the mode, then the pid file.
        progress(QStringLiteral("switchover term (%1)\n").arg(m_o.term));
        {
            QFile term(m_o.pgdata + QStringLiteral("/term_file"));
            if (!term.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                progress(QStringLiteral("fail to open file \"%1\": %2\n")
                             .arg(term.fileName(), QString::fromLocal8Bit(std::strerror(ENOENT))));
                return 1;
            }
            const quint32 t = m_o.term; // fwrite(&term, sizeof(uint32), 1, ...)
            term.write(reinterpret_cast<const char*>(&t), sizeof t);
        }
        if (m_o.shutdownMode == QStringLiteral("immediate")) {
            progress(QStringLiteral("datanode does not support smart or immediate switchover\n"));
            return 1;
        }
        PidFileInfo info;
        if (!readPid(&info)) {
            progress(QStringLiteral(" PID file \"%1\" does not exist\n").arg(pidFile()));
            progress(QStringLiteral("Is server running?\n"));
            return 1;
        }
        const QString origin = runMode(info);
        if (origin == QStringLiteral("Primary")) {
            progress(QStringLiteral("switchover completed (%1)\n").arg(m_o.pgdata));
            return 0;
        }
        if (origin == QStringLiteral("Unknown")) {
            progress(QStringLiteral("cannot switchover server: server mode is unknown\n"));
            return 1;
        }
        if (origin != QStringLiteral("Standby") && origin != QStringLiteral("Cascade Standby")) {
            progress(QStringLiteral(
                " cannot switchover server; server is not in standby or cascade standby mode\n"));
            return 1;
        }
        {
            QFile trigger(m_o.pgdata + QStringLiteral("/switchover"));
            if (!trigger.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                progress(QStringLiteral(" could not create switchover signal file \"%1\": %2\n")
                             .arg(trigger.fileName(), trigger.errorString()));
                return 1;
            }
            const qint32 mode = 2; // FastDemote (replicainternal.h DemoteMode)
            trigger.write(reinterpret_cast<const char*>(&mode), sizeof mode);
        }
        if (!postmasterAlive(info.pid) || ::kill(pid_t(info.pid), SIGUSR1) != 0) {
            const int e = postmasterAlive(info.pid) ? errno : ESRCH;
            progress(QStringLiteral(" could not send switchover signal (PID: %1): %2\n")
                         .arg(info.pid)
                         .arg(QString::fromLocal8Bit(std::strerror(e))));
            QFile::remove(m_o.pgdata + QStringLiteral("/switchover"));
            return 1;
        }
        if (!m_o.wait) {
            progress(QStringLiteral("server starting switchover\n"));
            return 0;
        }
        progress(QStringLiteral("waiting for server to switchover..."));
        // The loop of do_switchover(): once a second, up to wait_seconds rounds: while the role is the
        // original one, a dot; once it changed, three more rounds (dots) for the server to settle; then
        // "done" only if a Standby became Primary (a Cascade Standby a Standby), else the timeout text.
        // The exit code is 0 either way.
        QString runModeNow = origin;
        int failed = 0;
        for (int waitCount = 0; waitCount < m_o.waitSeconds; ++waitCount) {
            runModeNow = runMode(info);
            if (runModeNow == origin || failed < 3) {
                if (runModeNow != origin)
                    ++failed;
                print(QStringLiteral("."));
                QThread::sleep(1);
            } else {
                break;
            }
        }
        print(QStringLiteral("\n"));
        const bool promoted = origin == QStringLiteral("Standby") ? runModeNow == QStringLiteral("Primary")
                                                                  : runModeNow == QStringLiteral("Standby");
        if (!promoted) {
            progress(QStringLiteral(
                "\n switchover timeout after %1 seconds. please manually check the cluster status.\n")
                         .arg(m_o.waitSeconds));
            return 0;
        }
        progress(QStringLiteral("done\n"));
        progress(QStringLiteral("switchover completed (%1)\n").arg(m_o.pgdata));
        return 0;
    }
};

// do_help() (non-multi-node build).
void printHelp()
{
    print(QStringLiteral(
        "gs_ctl is a utility to initialize, start, stop, or control a PostgreSQL server.\n\n"
        "Usage:\n"
        "  gs_ctl init[db]               [-D DATADIR] [-s] [-o \"OPTIONS\"]\n"
        "  gs_ctl start   [-w] [-t SECS] [-D DATADIR] [-s] [-l FILENAME] [-o \"OPTIONS\"] [-M SERVERMODE]\n"
        "  gs_ctl restart [-w] [-t SECS] [-D DATADIR] [-s] [-m SHUTDOWN-MODE]\n"
        "                 [-o \"OPTIONS\"]\n"
        "  gs_ctl build   [-D DATADIR] [-b MODE] [-r SECS] [-q] [-M SERVERMODE]\n"
        "  gs_ctl stop    [-W] [-t SECS] [-D DATADIR] [-s] [-m SHUTDOWN-MODE]\n"
        "  gs_ctl reload  [-D DATADIR] [-s]\n"
        "  gs_ctl status  [-D DATADIR]\n"
        "  gs_ctl promote [-D DATADIR] [-s]\n"
        "  gs_ctl finishredo [-D DATADIR] [-s]\n"
        "  gs_ctl failover               [-W] [-t SECS] [-D DATADIR] [-U USERNAME] [-P PASSWORD] [-T TERM]\n"
        "  gs_ctl switchover             [-W] [-D DATADIR] [-m SWITCHOVER-MODE] [-U USERNAME] [-P PASSWORD]\n"
        "  gs_ctl query   [-D DATADIR] [-U USERNAME] [-P PASSWORD] [-L lsn]\n"
        "  gs_ctl notify   -M SERVERMODE [-D DATADIR] [-U USERNAME] [-P PASSWORD]\n"
        "  gs_ctl kill    SIGNALNAME PID\n"
        "  gs_ctl querybuild   [-D DATADIR]\n"
        "\nCommon options:\n"
        "  -b,  --mode=MODE\t the mode of building the datanode.MODE can be \"full\", \"incremental\", "
        "\"auto\"\n"
        "  -D, --pgdata=DATADIR   location of the database storage area\n"
        "  -s, --silent           only print errors, no informational messages\n"
        "  -t, --timeout=SECS     seconds to wait when using -w option\n"
        "  -V, --version          output version information, then exit\n"
        "  -w                     wait until operation completes\n"
        "  -W                     do not wait until operation completes\n"
        "  -M                     the database start as the appointed  mode\n"
        "  -T                     Failover requires a term\n"
        "  -q                     do not start automatically after build finishing, needed start by caller\n"
        "  -d                     more debug info will be print\n"
        "  -L                     query lsn:XX/XX validity and show the max_lsn\n"
        "  -P PASSWORD            password of account to connect local server\n"
        "  -U USERNAME            user name of account to connect local server\n"
        "  -Z NODE-TYPE           can be \"single_node\"\n"
        "  -?, --help             show this help, then exit\n"
        "(The default is to wait for shutdown, start and restart.)\n\n"
        "If the -D option is omitted, the environment variable PGDATA is used.\n"
        "\nOptions for start or restart:\n"
        "  -c, --core-files       allow postgres to produce core files\n"
        "  -l, --log=FILENAME     write (or append) server log to FILENAME\n"
        "  -o OPTIONS             command line options to pass to postgres\n"
        "                         (PostgreSQL server executable) or gs_initdb\n"
        "  -p PATH-TO-POSTGRES    normally not necessary\n"
        "\nOptions for stop or restart:\n"
        "  -m, --mode=MODE        MODE can be \"fast\" or \"immediate\"\n"
        "\nOptions for restore:\n"
        "  --remove-backup        Remove the pg_rewind_bak dir after restore with \"restore\" command\n"
        "\nShutdown modes are:\n"
        "  fast        quit directly, with proper shutdown\n"
        "  immediate   quit without complete shutdown; will lead to recovery on restart\n"
        "\nSwitchover modes are:\n"
        "  smart       demote primary after all clients have disconnected(not recommended in cluster)\n"
        "  fast        demote primary directly, with proper shutdown\n"
        "\nSERVERMODE are:\n"
        "  primary         database system run as a primary server, send xlog to standby server\n"
        "  standby         database system run as a standby server, receive xlog from primary server\n"
        "  cascade_standby database system run as a cascade standby server, receive xlog from standby "
        "server\n"
        "  pending         database system run as a pending server, wait for promoting to primary or "
        "demoting to standby\n"
        "\t\t\t       Only used in start command\n"
        "\nAllowed signal names for kill:\n"
        "  ABRT HUP INT QUIT TERM USR1 USR2\n"
        "\nBuild connection option:\n"
        "  -r, --recvtimeout=INTERVAL    time that receiver waits for communication from server (in "
        "seconds)\n"
        "  -C, connector    CN/DN connect to CN for build\n"
        "\nReport bugs to openGauss community by raising an issue.\n"));
}

} // namespace

int gsCtlMain(int argc, char** argv)
{
    const QString argv0 = QString::fromLocal8Bit(argv[0]);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    // Help(): only as the first argument. A single-node build prints "gs_ctl (openGauss) " PG_VERSION
    // (PG_VERSION "9.2.4"), not DEF_GS_VERSION as gaussdb -V and gsql -V do.
    if (!args.isEmpty()) {
        const QString& a = args.first();
        if (a == QStringLiteral("-h") || a == QStringLiteral("--help") || a == QStringLiteral("-?")) {
            printHelp();
            return 0;
        }
        if (a == QStringLiteral("-V") || a == QStringLiteral("--version")) {
            print(QStringLiteral("gs_ctl (openGauss) 9.2.4\n"));
            return 0;
        }
    }
    QString self = programPath(argv[0]);
    if (!QFileInfo::exists(self))
        self = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));

    // main(): getopt_long over "b:cD:l:m:M:N:o:p:P:r:sS:t:U:wWZ:dqL:T:" with GNU permutation, the
    // operation word anywhere. getopt complains on stderr; the rest goes to stdout.
    Options o;
    static const QStringList commands { QStringLiteral("init"), QStringLiteral("gs_initdb"),
        QStringLiteral("start"), QStringLiteral("restart"), QStringLiteral("stop"), QStringLiteral("reload"),
        QStringLiteral("status"), QStringLiteral("notify"), QStringLiteral("query"),
        QStringLiteral("promote"), QStringLiteral("querybuild"), QStringLiteral("failover"),
        QStringLiteral("switchover"), QStringLiteral("kill"), QStringLiteral("build"),
        QStringLiteral("restore"), QStringLiteral("hotpatch"), QStringLiteral("finishredo") };
    const QString withArg = QStringLiteral("bDlmMNopPrStUZLT");
    const QString noArg = QStringLiteral("csSwWdq");
    static const QList<QPair<QString, QChar>> longOpts { { QStringLiteral("log"), QLatin1Char('l') },
        { QStringLiteral("mode"), QLatin1Char('m') }, { QStringLiteral("pgdata"), QLatin1Char('D') },
        { QStringLiteral("timeout"), QLatin1Char('t') }, { QStringLiteral("smode"), QLatin1Char('M') },
        { QStringLiteral("recvtimeout"), QLatin1Char('r') },
        { QStringLiteral("connect-string"), QLatin1Char('C') },
        { QStringLiteral("action"), QLatin1Char('a') } };
    bool tooMany = false;
    auto apply = [&](QChar c, const QString& v) -> int {
        switch (c.toLatin1()) {
        case 'D':
            o.pgdata = v;
            break;
        case 'M':
            o.mode = v;
            break;
        case 'm':
            // set_mode(): f|fast or i|immediate, nothing else ("smart" included).
            if (v == QStringLiteral("f") || v == QStringLiteral("fast")) {
                o.shutdownMode = QStringLiteral("fast");
            } else if (v == QStringLiteral("i") || v == QStringLiteral("immediate")) {
                o.shutdownMode = QStringLiteral("immediate");
            } else {
                progress(QStringLiteral(" unrecognized shutdown mode \"%1\"\n").arg(v));
                return 1;
            }
            break;
        case 't': {
            const int secs = v.toInt();
            if (secs < 0) {
                progress(QStringLiteral("unexpected wait seconds specified\n"));
                return 1;
            }
            o.waitSeconds = secs;
            break;
        }
        case 'T': {
            bool ok = false;
            const qulonglong term = v.toULongLong(&ok, 10);
            if (!ok || v.isEmpty()) {
                progress(QStringLiteral("unexpected term specified\n"));
                return 1;
            }
            o.term = quint32(term);
            break;
        }
        case 'l':
            o.logFile = v;
            break;
        case 's':
            o.silent = true;
            break;
        case 'w':
            o.wait = true;
            break;
        case 'W':
            o.wait = false;
            break;
        case 'S':
            progress(QStringLiteral(" -S option not supported on this platform\n"));
            return 1;
        default:
            break; // accepted, no effect in the sandbox
        }
        return 0;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a.startsWith(QStringLiteral("--")) && a.size() > 2) {
            const QString name = a.mid(2).section(QLatin1Char('='), 0, 0);
            if (name == QStringLiteral("help") || name == QStringLiteral("version")) {
                advice(); // '?' / 'V' reach the default case of the switch
                return 1;
            }
            if (name == QStringLiteral("silent") || name == QStringLiteral("core-files")
                || name == QStringLiteral("remove-backup")) {
                apply(name == QStringLiteral("silent") ? QLatin1Char('s') : QLatin1Char('c'), QString());
                continue;
            }
            QChar opt;
            for (const auto& l : longOpts) {
                if (l.first == name)
                    opt = l.second;
            }
            if (opt.isNull()) {
                printErr(QStringLiteral("%1: unrecognized option '%2'\n").arg(argv0, a));
                advice();
                return 1;
            }
            QString v;
            if (a.contains(QLatin1Char('='))) {
                v = a.section(QLatin1Char('='), 1);
            } else if (i + 1 < args.size()) {
                v = args.at(++i);
            } else {
                printErr(QStringLiteral("%1: option '--%2' requires an argument\n").arg(argv0, name));
                advice();
                return 1;
            }
            if (apply(opt, v) != 0)
                return 1;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            for (int k = 1; k < a.size(); ++k) {
                const QChar c = a.at(k);
                if (withArg.contains(c)) {
                    QString v = a.mid(k + 1);
                    if (v.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            printErr(
                                QStringLiteral("%1: option requires an argument -- '%2'\n").arg(argv0, c));
                            advice();
                            return 1;
                        }
                        v = args.at(++i);
                    }
                    if (apply(c, v) != 0)
                        return 1;
                    break;
                }
                if (!noArg.contains(c)) {
                    printErr(QStringLiteral("%1: invalid option -- '%2'\n").arg(argv0, c));
                    advice();
                    return 1;
                }
                if (apply(c, QString()) != 0)
                    return 1;
            }
            continue;
        }
        if (!o.command.isEmpty()) {
            tooMany = true;
            break;
        }
        if (!commands.contains(a)) {
            progress(QStringLiteral(" unrecognized operation mode \"%1\"\n").arg(a));
            advice();
            return 1;
        }
        o.command = a;
    }
    if (tooMany) {
        // Sic: the source's format has no argument.
        progress(QStringLiteral("too many command-line arguments (first is)\n"));
        advice();
        return 1;
    }
    if (o.command.isEmpty()) {
        progress(QStringLiteral(" no operation specified\n"));
        advice();
        return 1;
    }
    if (o.pgdata.isEmpty())
        o.pgdata = qEnvironmentVariable("PGDATA");
    if (o.pgdata.isEmpty() && o.command != QStringLiteral("kill")) {
        progress(QStringLiteral(" no database directory specified and environment variable PGDATA unset\n"));
        advice();
        return 1;
    }
    o.pgdata = QDir::cleanPath(QFileInfo(o.pgdata).absoluteFilePath());

    GsCtl ctl(o, self);
    const QString tool = QFileInfo(argv0).fileName();
    const QString root
        = findSandboxRoot(o.pgdata).isEmpty() ? sandboxRootOfThisProgram() : findSandboxRoot(o.pgdata);
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
