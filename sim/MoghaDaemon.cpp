// The MogHA stand-in daemon (mogdb-tools.md §7): one per node, started by `systemctl start mogha`.
// Every second it checks the local instance; it logs a heartbeat line while the database lives and
// restarts a stopped database at the first miss (handle_down_primary/handle_down_standby=True,
// primary_down_handle_method=restart, restart_strategy=10/3) with the role it last saw.
#include "SimClusterUtil.h"
#include "SimLayout.h"
#include "SimTools.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <atomic>
#include <csignal>
#include <signal.h>
#include <unistd.h>

namespace Sim {

namespace {

std::atomic<bool> g_stop { false };

void onSignal(int)
{
    g_stop = true;
}

class HeartbeatLog
{
public:
    explicit HeartbeatLog(const QString& path)
        : m_file(path)
    {
        m_file.open(QIODevice::WriteOnly | QIODevice::Append);
    }
    void write(const char* level, const char* where, const QString& message)
    {
        const QDateTime now = QDateTime::currentDateTime();
        const QString line = now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")) + QLatin1Char(' ')
            + QLatin1String(level) + QStringLiteral(" [") + QLatin1String(where) + QStringLiteral("]: ") + message
            + QLatin1Char('\n');
        m_file.write(line.toUtf8());
        m_file.flush();
    }

private:
    QFile m_file;
};

// gs_ctl query local_role -> the -M value used to bring it back.
QString modeForRole(const QString& role)
{
    if (role == QLatin1String("Primary"))
        return QStringLiteral("primary");
    if (role == QLatin1String("Standby"))
        return QStringLiteral("standby");
    if (role.startsWith(QLatin1String("Cascade")))
        return QStringLiteral("cascade_standby");
    return {};
}

bool sleepUnlessStopped(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (g_stop)
            return false;
        QThread::msleep(qMin<qint64>(50, qMax<qint64>(1, deadline.remainingTime())));
    }
    return !g_stop;
}

} // namespace

int moghaMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString confPath;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "-c") == 0 && i + 1 < argc)
            confPath = QString::fromLocal8Bit(argv[++i]);
    }
    QString root = sandboxRootOfThisProgram();
    if (root.isEmpty() && !confPath.isEmpty())
        root = findSandboxRoot(confPath);
    SandboxConfig config;
    QString error;
    if (root.isEmpty() || !SandboxConfig::load(root, &config, &error)) {
        writeStderr(QStringLiteral("mogha: cannot find the sandbox: %1\n").arg(error));
        return 1;
    }
    const QString nodeName = currentNodeName(config, confPath);
    const SandboxNode* node = config.node(nodeName);
    if (!node) {
        writeStderr(QStringLiteral("mogha: cannot tell which node this is\n"));
        return 1;
    }
    if (!confPath.isEmpty() && !QFileInfo::exists(confPath)) {
        writeStderr(QStringLiteral("mogha: config file %1 not found\n").arg(confPath));
        return 1;
    }

    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    const QString dir = node->root + QStringLiteral("/mogha");
    HeartbeatLog log(dir + QStringLiteral("/mogha_heartbeat.log"));
    writeStdout(QStringLiteral("MogHA Version: Version: 2.3.5\nGitHash: 7dfa158\nconfig loaded successfully\n"));
    log.write("INFO", "__init__.py:43", QStringLiteral("mogha heartbeat started, pid: %1").arg(::getpid()));

    const QProcessEnvironment env = nodeEnvironment(config, *node);
    QString lastMode = node->initialRole == QLatin1String("primary") ? QStringLiteral("primary")
        : node->initialRole.isEmpty() ? QStringLiteral("standby")
                                      : node->initialRole;
    // restart_strategy=10/3: at most 10 tries or 3 minutes per outage.
    int tries = 0;
    qint64 outageStart = 0;

    while (!g_stop) {
        const qint64 beat = nowMs();
        const QString gsCtl = node->gausshome + QStringLiteral("/bin/gs_ctl");
        if (databaseRunning(node->pgdata)) {
            tries = 0;
            outageStart = 0;
            const ToolRun r = runTool(gsCtl, { QStringLiteral("query"), QStringLiteral("-D"), node->pgdata }, env, 10000);
            const QString role = firstMatch(r.output, QStringLiteral("local_role\\s*:\\s*([A-Za-z]+(?: Standby)?)"));
            const QString state = firstMatch(r.output, QStringLiteral("db_state\\s*:\\s*([A-Za-z]+(?: [a-z]+)?)"));
            if (r.finished && r.exitCode == 0 && !role.isEmpty()) {
                const QString mode = modeForRole(role);
                if (!mode.isEmpty())
                    lastMode = mode;
                log.write("INFO", "__init__.py:86",
                    QStringLiteral("local instance is alive %1, state: %2").arg(role, state));
            } else if (!g_stop) {
                log.write("WARNING", "__init__.py:91",
                    QStringLiteral("local instance is alive, but query failed: %1")
                        .arg(r.output.trimmed().split(QLatin1Char('\n')).value(0)));
            }
        } else if (!g_stop) {
            if (outageStart == 0)
                outageStart = beat;
            log.write("ERROR", "__init__.py:97", QStringLiteral("local instance is not alive, role: %1").arg(lastMode));
            if (tries >= 10 || beat - outageStart > 180000) {
                log.write("ERROR", "__init__.py:104",
                    QStringLiteral("restart strategy 10/3 exhausted, give up restarting local instance"));
            } else {
                ++tries;
                log.write("INFO", "__init__.py:108",
                    QStringLiteral("try to restart local instance as %1 (%2/10): gs_ctl start -D %3 -M %1")
                        .arg(lastMode)
                        .arg(tries)
                        .arg(node->pgdata));
                const ToolRun r = runTool(gsCtl,
                    { QStringLiteral("start"), QStringLiteral("-D"), node->pgdata, QStringLiteral("-M"), lastMode }, env,
                    120000, dir + QStringLiteral("/mogha.out"));
                if (r.finished && r.exitCode == 0)
                    log.write("INFO", "__init__.py:113", QStringLiteral("restart local instance successfully"));
                else
                    log.write("ERROR", "__init__.py:116",
                        QStringLiteral("failed to restart local instance, exit code: %1").arg(r.exitCode));
            }
        }
        const qint64 spent = nowMs() - beat;
        if (!sleepUnlessStopped(int(qMax<qint64>(50, 1000 - spent))))
            break;
    }
    log.write("INFO", "__init__.py:52", QStringLiteral("mogha heartbeat received SIGTERM, exit"));
    // Remove our pid file (systemctl also does) when it still names us.
    QFile pf(dir + QStringLiteral("/mogha.pid"));
    if (pf.open(QIODevice::ReadOnly)) {
        const qint64 pid = QString::fromLatin1(pf.readLine()).trimmed().toLongLong();
        pf.close();
        if (pid == ::getpid())
            pf.remove();
    }
    return 0;
}

} // namespace Sim
