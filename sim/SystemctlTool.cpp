// systemctl stand-in (DIR/bin/systemctl): start|stop|restart|status|is-active for the MogHA unit of
// the current node (mogdb-tools.md §7). Everything else is a unit that "could not be found".
#include "FaultInjector.h"
#include "SimClusterUtil.h"
#include "SimLayout.h"
#include "SimTools.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QSaveFile>
#include <QThread>
#include <QTimeZone>

#include <csignal>
#include <signal.h>

namespace Sim {

namespace {

const char* const UnitDescription = "MogHA High Available Service";

struct Unit
{
    QString dir;      // DIR/nodeN/mogha
    QString nodeName;
    QString pidFile() const { return dir + QStringLiteral("/mogha.pid"); }
    QString journal() const { return dir + QStringLiteral("/journal.log"); }
    QString unitFile() const { return dir + QStringLiteral("/mogha.service"); }
    QString program() const { return dir + QStringLiteral("/mogha"); }
    QString conf() const { return dir + QStringLiteral("/node.conf"); }
};

struct PidInfo
{
    qint64 pid = 0;
    qint64 sinceMs = 0;
};

PidInfo readPid(const Unit& u)
{
    PidInfo info;
    QFile f(u.pidFile());
    if (!f.open(QIODevice::ReadOnly))
        return info;
    const QStringList lines = QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'));
    info.pid = lines.value(0).trimmed().toLongLong();
    info.sinceMs = lines.value(1).trimmed().toLongLong();
    return info;
}

qint64 runningPid(const Unit& u)
{
    const PidInfo info = readPid(u);
    return processAlive(info.pid) ? info.pid : 0;
}

QString systemdTime(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    return QLocale::c().toString(t, QStringLiteral("ddd yyyy-MM-dd HH:mm:ss")) + QLatin1Char(' ')
        + t.timeZoneAbbreviation();
}

QString ago(qint64 ms)
{
    qint64 s = qMax<qint64>(0, (nowMs() - ms) / 1000);
    if (s < 60)
        return QStringLiteral("%1s ago").arg(s);
    if (s < 3600)
        return QStringLiteral("%1min %2s ago").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QStringLiteral("%1h %2min ago").arg(s / 3600).arg((s % 3600) / 60);
    return QStringLiteral("%1 days ago").arg(s / 86400);
}

void journal(const Unit& u, const QString& source, const QString& message)
{
    QFile f(u.journal());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return;
    const QString line = QLocale::c().toString(QDateTime::currentDateTime(), QStringLiteral("MMM dd HH:mm:ss"))
        + QLatin1Char(' ') + u.nodeName + QLatin1Char(' ') + source + QStringLiteral(": ") + message + QLatin1Char('\n');
    f.write(line.toLocal8Bit());
}

void writeStopTime(const Unit& u)
{
    QSaveFile f(u.dir + QStringLiteral("/mogha.stopped"));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray::number(nowMs()));
        f.commit();
    }
}

int doStart(const SandboxConfig& config, const Unit& u)
{
    QLockFile lock(u.dir + QStringLiteral("/systemctl.lock"));
    lock.setStaleLockTime(30000);
    lock.lock();
    if (runningPid(u) > 0)
        return 0; // idempotent, like systemd
    QString error;
    qputenv("MOGUP_SIM_NODE", u.nodeName.toLocal8Bit());
    qputenv("MOGUP_SANDBOX", config.root.toLocal8Bit());
    const qint64 pid = spawnDetached(u.program(), { QStringLiteral("-c"), u.conf() },
        u.dir + QStringLiteral("/mogha.out"), u.dir, &error);
    if (pid <= 0) {
        journal(u, QStringLiteral("systemd[1]"), QStringLiteral("mogha.service: Failed to execute command: %1").arg(error));
        writeStderr(QStringLiteral("Job for mogha.service failed because the control process exited with error code.\n"
                           "See \"systemctl status mogha.service\" and \"journalctl -xe\" for details.\n"));
        return 1;
    }
    QSaveFile f(u.pidFile());
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray::number(pid) + '\n' + QByteArray::number(nowMs()) + '\n');
        f.commit();
    }
    QFile::remove(u.dir + QStringLiteral("/mogha.stopped"));
    journal(u, QStringLiteral("systemd[1]"), QStringLiteral("Started %1.").arg(QLatin1String(UnitDescription)));
    return 0;
}

bool waitGone(qint64 pid, int ms)
{
    QDeadlineTimer deadline(ms);
    while (processAlive(pid)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

int doStop(const Unit& u)
{
    QLockFile lock(u.dir + QStringLiteral("/systemctl.lock"));
    lock.setStaleLockTime(30000);
    lock.lock();
    const qint64 pid = runningPid(u);
    if (pid > 0) {
        journal(u, QStringLiteral("systemd[1]"), QStringLiteral("Stopping %1...").arg(QLatin1String(UnitDescription)));
        ::kill(pid_t(pid), SIGTERM);
        // TimeoutStopSec=5, then SIGKILL (the unit file).
        if (!waitGone(pid, 5000)) {
            ::kill(pid_t(pid), SIGKILL);
            waitGone(pid, 3000);
        }
        journal(u, QStringLiteral("systemd[1]"), QStringLiteral("Stopped %1.").arg(QLatin1String(UnitDescription)));
        writeStopTime(u);
    }
    QFile::remove(u.pidFile());
    return 0;
}

QStringList lastJournalLines(const Unit& u, int n)
{
    QFile f(u.journal());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromLocal8Bit(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > n)
        lines = lines.mid(lines.size() - n);
    return lines;
}

int doStatus(const Unit& u)
{
    const qint64 pid = runningPid(u);
    QString t = QStringLiteral("%1 mogha.service - %2\n").arg(pid > 0 ? QStringLiteral("\u25cf") : QStringLiteral("\u25cb"),
        QLatin1String(UnitDescription));
    t += QStringLiteral("   Loaded: loaded (%1; enabled; vendor preset: disabled)\n").arg(u.unitFile());
    if (pid > 0) {
        const PidInfo info = readPid(u);
        t += QStringLiteral("   Active: active (running) since %1; %2\n").arg(systemdTime(info.sinceMs), ago(info.sinceMs));
    } else {
        QFile stopped(u.dir + QStringLiteral("/mogha.stopped"));
        if (stopped.open(QIODevice::ReadOnly)) {
            const qint64 ms = stopped.readAll().trimmed().toLongLong();
            t += QStringLiteral("   Active: inactive (dead) since %1; %2\n").arg(systemdTime(ms), ago(ms));
        } else {
            t += QStringLiteral("   Active: inactive (dead)\n");
        }
    }
    t += QStringLiteral("     Docs: https://docs.mogdb.io/zh/mogha/v2.0/installation-and-depolyment\n");
    if (pid > 0) {
        t += QStringLiteral(" Main PID: %1 (mogha)\n").arg(pid);
        t += QStringLiteral("   CGroup: /system.slice/mogha.service\n");
        t += QStringLiteral("           \u2514\u2500%1 %2 -c %3\n").arg(QString::number(pid), u.program(), u.conf());
    }
    const QStringList lines = lastJournalLines(u, 10);
    if (!lines.isEmpty())
        t += QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    writeStdout(t);
    return pid > 0 ? 0 : 3;
}

} // namespace

int systemctlMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    const QString root = sandboxRootOfThisProgram();
    SandboxConfig config;
    QString error;
    const bool haveConfig = !root.isEmpty() && SandboxConfig::load(root, &config, &error);
    const QString node = haveConfig ? currentNodeName(config) : QString();
    {
        const int rc = applyFaultGeneric(takeFault(root, node, QStringLiteral("systemctl"), args),
            QStringLiteral("systemctl"));
        if (rc >= 0)
            return rc;
    }

    bool quiet = false;
    QStringList words;
    for (const QString& a : args) {
        if (a == QLatin1String("-q") || a == QLatin1String("--quiet"))
            quiet = true;
        else if (a == QLatin1String("--version")) {
            writeStdout(QStringLiteral("systemd 252 (252.6-1)\n"));
            return 0;
        } else if (!a.startsWith(QLatin1Char('-')))
            words.append(a);
    }
    if (words.isEmpty()) {
        writeStderr(QStringLiteral("Too few arguments.\n"));
        return 1;
    }
    const QString verb = words.takeFirst();
    const QStringList verbs { QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
        QStringLiteral("status"), QStringLiteral("is-active") };
    if (!verbs.contains(verb)) {
        writeStderr(QStringLiteral("Unknown command verb %1.\n").arg(verb));
        return 1;
    }
    if (words.isEmpty()) {
        if (verb == QLatin1String("status")) {
            writeStderr(QStringLiteral("Unit name required.\n"));
            return 1;
        }
        writeStderr(QStringLiteral("Too few arguments.\n"));
        return 1;
    }
    if (!haveConfig) {
        writeStderr(QStringLiteral("System has not been booted with systemd as init system (PID 1). Can't operate.\n"
                           "Failed to connect to bus: Host is down\n"));
        return 1;
    }
    if (node.isEmpty()) {
        writeStderr(QStringLiteral("Failed to connect to bus: No such host (sandbox: set MOGUP_SIM_NODE to a node name)\n"));
        return 1;
    }
    const SandboxNode* n = config.node(node);

    int rc = 0;
    for (QString unitName : words) {
        if (unitName.endsWith(QLatin1String(".service")))
            unitName.chop(8);
        const bool found = unitName == QLatin1String("mogha") && config.mogha && n
            && QFileInfo::exists(n->root + QStringLiteral("/mogha/mogha.service"));
        if (!found) {
            if (verb == QLatin1String("status")) {
                writeStderr(QStringLiteral("Unit %1.service could not be found.\n").arg(unitName));
                rc = 4;
            } else if (verb == QLatin1String("is-active")) {
                if (!quiet)
                    writeStdout(QStringLiteral("inactive\n"));
                rc = 3;
            } else {
                const QString what = verb == QLatin1String("stop") ? QStringLiteral("stop")
                    : verb == QLatin1String("restart")             ? QStringLiteral("restart")
                                                                   : QStringLiteral("start");
                writeStderr(QStringLiteral("Failed to %1 %2.service: Unit %2.service not found.\n").arg(what, unitName));
                rc = 5;
            }
            continue;
        }
        Unit u { n->root + QStringLiteral("/mogha"), n->name };
        int r = 0;
        if (verb == QLatin1String("start")) {
            r = doStart(config, u);
        } else if (verb == QLatin1String("stop")) {
            r = doStop(u);
        } else if (verb == QLatin1String("restart")) {
            r = doStop(u);
            if (r == 0)
                r = doStart(config, u);
        } else if (verb == QLatin1String("status")) {
            r = doStatus(u);
        } else {
            const bool active = runningPid(u) > 0;
            if (!quiet)
                writeStdout(active ? QStringLiteral("active\n") : QStringLiteral("inactive\n"));
            r = active ? 0 : 3;
        }
        if (r != 0)
            rc = r;
    }
    return rc;
}

} // namespace Sim
