// gs_om stand-in (mogdb-tools.md §3): start / stop / status [--detail] / refreshconf / -V.
// Like the real OM it reads bin/cluster_static_config (and needs bin/upgrade_version next to it)
// from the directory it was called from, and asks every datanode with `gs_ctl query -D`.
#include "SimClusterConfig.h"
#include "SimClusterUtil.h"
#include "SimLayout.h"
#include "FaultInjector.h"
#include "SimTools.h"
#include "SimVersion.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QThread>

#include <memory>
#include <vector>

namespace Sim {

namespace {

const char* const Rule = "=========================================\n";

struct OmOptions
{
    QString action;
    bool detail = false;
    bool all = false;
    QString host;
    QString mode;
    QString outputFile;
    QString dataDir;
    int timeoutSecs = 0;
};

struct NodeState
{
    QString role;  // Primary | Standby | Cascade | Down | Unknown ...
    QString state; // Normal | Manually stopped | ...
};

struct Om
{
    QString binDir;
    QString sandboxRoot;
    SandboxConfig config;
    bool haveConfig = false;
    QList<StaticNodeRecord> nodes;
    int localNodeId = 0;

    QProcessEnvironment envFor(const StaticNodeRecord& rec) const
    {
        if (haveConfig) {
            if (const SandboxNode* n = config.node(rec.name))
                return nodeEnvironment(config, *n);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MOGUP_SIM_NODE"), rec.name);
        return env;
    }
    QString gsCtl(const StaticNodeRecord& rec) const { return rec.gausshome + QStringLiteral("/bin/gs_ctl"); }
};

struct Job
{
    QString program;
    QStringList args;
    QProcessEnvironment env;
};

// Runs the jobs side by side (the OM uses pssh / a thread pool), each to completion.
QList<ToolRun> runParallel(const QList<Job>& jobs, int timeoutMs)
{
    std::vector<std::unique_ptr<QProcess>> procs;
    QList<ToolRun> results;
    for (const Job& j : jobs) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(j.env);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->setStandardInputFile(QProcess::nullDevice());
        p->start(j.program, j.args);
        procs.push_back(std::move(p));
        results.append(ToolRun {});
    }
    QDeadlineTimer deadline(timeoutMs);
    for (size_t i = 0; i < procs.size(); ++i) {
        QProcess* p = procs[i].get();
        ToolRun& r = results[int(i)];
        if (!p->waitForStarted(10000)) {
            r.output = p->errorString();
            continue;
        }
        r.started = true;
        if (!p->waitForFinished(int(qMax<qint64>(1, deadline.remainingTime())))) {
            p->kill();
            p->waitForFinished(5000);
            r.output = QString::fromLocal8Bit(p->readAll());
            continue;
        }
        r.finished = p->exitStatus() == QProcess::NormalExit;
        r.exitCode = p->exitCode();
        r.output = QString::fromLocal8Bit(p->readAll());
    }
    return results;
}

QString usage()
{
    return QStringLiteral(
        "gs_om is a utility to manage a cluster.\n"
        "\n"
        "Usage:\n"
        "  gs_om -? | --help\n"
        "  gs_om -V | --version\n"
        "  OLAP scene:\n"
        "    gs_om -t start [-h HOSTNAME] [-D dataDir] [--time-out=SECS]\n"
        "                   [--security-mode=MODE] [-l LOGFILE]\n"
        "    gs_om -t stop [-h HOSTNAME] [-D dataDir]  [--time-out=SECS] [-m MODE]\n"
        "                  [-l LOGFILE]\n"
        "    gs_om -t restart [-h HOSTNAME] [-D dataDir] [--time-out=SECS]\n"
        "                   [--security-mode=MODE] [-l LOGFILE] [-m MODE]\n"
        "    gs_om -t status [-h HOSTNAME] [-o OUTPUT] [--detail] [--all] [-l LOGFILE]\n"
        "    gs_om -t refreshconf\n");
}

// One datanode's state from its gs_ctl query output (DbClusterInfo.queryClsInfo).
NodeState scrape(const ToolRun& r)
{
    NodeState s;
    if (!r.finished || r.exitCode != 0 || r.output.indexOf(QLatin1String("exc_sql failed")) > 0) {
        if (r.output.indexOf(QLatin1String("could not connect to the local server")) > 0
            || r.output.indexOf(QLatin1String("Is server running")) > 0) {
            s.role = QStringLiteral("Down");
            s.state = QStringLiteral("Manually stopped");
        } else {
            s.role = QStringLiteral("Unknown");
            s.state = QStringLiteral("Unknown");
        }
        return s;
    }
    s.role = firstMatch(r.output, QStringLiteral("local_role\\s*:\\s*(\\w+)"));
    s.state = firstMatch(r.output, QStringLiteral("db_state\\s*:\\s*(\\w+)"));
    if (s.role.isEmpty() || s.state.isEmpty()) {
        // The Python code would raise on res[0]; GAUSS-51652 in real life. Report Unknown.
        s.role = QStringLiteral("Unknown");
        s.state = QStringLiteral("Unknown");
        return s;
    }
    if (s.state == QLatin1String("Need")) {
        const QString detail = firstMatch(r.output, QStringLiteral("detail_information\\s*:\\s*(\\w+)"));
        s.state = QStringLiteral("Need repair(%1)").arg(detail);
    }
    return s;
}

QList<NodeState> queryAll(const Om& om, QList<ToolRun>* rawRuns = nullptr)
{
    QList<Job> jobs;
    for (const StaticNodeRecord& rec : om.nodes)
        jobs.append(Job { om.gsCtl(rec), { QStringLiteral("query"), QStringLiteral("-D"), rec.datadir }, om.envFor(rec) });
    const QList<ToolRun> runs = runParallel(jobs, 60000);
    if (rawRuns)
        *rawRuns = runs;
    QList<NodeState> states;
    for (const ToolRun& r : runs)
        states.append(scrape(r));
    return states;
}

QString clusterStateOf(const QList<NodeState>& states)
{
    QString clusterState = QStringLiteral("Normal");
    int primaries = 0;
    QString primaryState;
    for (const NodeState& s : states) {
        if (s.role == QLatin1String("Primary")) {
            ++primaries;
            primaryState = s.state;
        } else {
            if (s.role != QLatin1String("Standby") && s.role != QLatin1String("Secondary")
                && s.role != QLatin1String("Cascade"))
                clusterState = QStringLiteral("Degraded");
            if (s.state != QLatin1String("Normal"))
                clusterState = QStringLiteral("Degraded");
        }
    }
    if (states.size() == 1)
        return states.first().state != QLatin1String("Normal") ? QStringLiteral("Unavailable") : QStringLiteral("Normal");
    if (primaryState != QLatin1String("Normal") || primaries != 1)
        clusterState = QStringLiteral("Unavailable");
    return clusterState;
}

// The rows of one section of `gs_ctl query` ("HA state:", "Senders info:", "Receiver info:"):
// `\tname : value` lines, a blank line after each row.
QList<QMap<QString, QString>> queryRows(const QString& output, const QString& section)
{
    QList<QMap<QString, QString>> rows;
    bool in = false;
    QMap<QString, QString> row;
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.endsWith(QLatin1Char(':')) && !line.startsWith(QLatin1Char('\t')) && t.contains(QLatin1String(" "))
            && (t.endsWith(QLatin1String("state:")) || t.endsWith(QLatin1String("info:")))) {
            if (in && !row.isEmpty())
                rows.append(row);
            row.clear();
            in = t == section;
            continue;
        }
        if (!in)
            continue;
        const int colon = line.indexOf(QLatin1String(" : "));
        if (colon > 0) {
            row.insert(line.left(colon).trimmed(), line.mid(colon + 3).trimmed());
        } else if (t.isEmpty() && !row.isEmpty()) {
            rows.append(row);
            row.clear();
        }
    }
    if (in && !row.isEmpty())
        rows.append(row);
    return rows;
}

// `gs_om -t status -h NODE` / `--all` (DbClusterInfo.queryNodeInfo, og-OM v2.0.1 l.1415). The sender
// lines of a standby come from the primary's wal sender whose channel ends at this standby's receiver.
QString nodeInfoText(const Om& om, const QList<ToolRun>& runs, const QList<NodeState>& states, int onlyId)
{
    const QString dashes = QStringLiteral("-----------------------------------------------------------------------\n\n");
    const QString clusterState = clusterStateOf(states);
    QString t = dashes;
    t += QStringLiteral("cluster_state             : %1\n").arg(clusterState);
    t += QStringLiteral("redistributing            : No\n\n");
    t += dashes;
    QList<QMap<QString, QString>> senders;
    for (int i = 0; i < om.nodes.size(); ++i) {
        if (states.at(i).role == QLatin1String("Primary"))
            senders += queryRows(runs.at(i).output, QStringLiteral("Senders info:"));
    }
    for (int i = 0; i < om.nodes.size(); ++i) {
        const StaticNodeRecord& n = om.nodes.at(i);
        if (onlyId != 0 && n.id != onlyId)
            continue;
        const QList<QMap<QString, QString>> ha = queryRows(runs.at(i).output, QStringLiteral("HA state:"));
        const QMap<QString, QString> h = ha.value(0);
        QString role = h.value(QStringLiteral("local_role"));
        t += QStringLiteral("node                      : %1\n").arg(n.id);
        t += QStringLiteral("node_name                 : %1\n").arg(n.name);
        t += QStringLiteral("instance_id               : %1\n").arg(n.instanceId);
        t += QStringLiteral("node_ip                   : %1\n").arg(n.ip);
        t += QStringLiteral("data_path                 : %1\n").arg(n.datadir);
        t += QStringLiteral("type                      : Datanode\n");
        t += QStringLiteral("instance_state            : %1\n").arg(h.value(QStringLiteral("db_state"), QStringLiteral("Unknown")));
        t += QStringLiteral("az_name                   : AZ1\n");
        if (role == QLatin1String("Primary")) {
            t += QStringLiteral("static_connections        : %1\n").arg(h.value(QStringLiteral("static_connections")));
            t += QStringLiteral("HA_state                  : %1\n").arg(clusterState);
        }
        t += QStringLiteral("instance_role             : %1\n").arg(role.isEmpty() ? QStringLiteral("Unknown") : role);
        if (role != QLatin1String("Primary")) {
            const QMap<QString, QString> recv = queryRows(runs.at(i).output, QStringLiteral("Receiver info:")).value(0);
            const QString local = recv.value(QStringLiteral("channel")).section(QStringLiteral("<--"), 0, 0);
            for (const QMap<QString, QString>& s : senders) {
                if (local.isEmpty() || s.value(QStringLiteral("channel")).section(QStringLiteral("-->"), 1) != local)
                    continue;
                const char* const keys[] = { "sender_sent_location", "sender_write_location", "sender_flush_location",
                    "sender_replay_location", "receiver_received_location", "receiver_write_location",
                    "receiver_flush_location", "receiver_replay_location", "sync_percent" };
                t += QStringLiteral("HA_state                  : %1\n").arg(s.value(QStringLiteral("state")));
                for (const char* k : keys)
                    t += QString(QLatin1String(k)).leftJustified(26) + QStringLiteral(": ") + s.value(QLatin1String(k))
                        + QLatin1Char('\n');
                t += QStringLiteral("sync_state                : %1\n")
                         .arg(s.value(QStringLiteral("sync_state"), QStringLiteral("Unknown")));
                break;
            }
        }
        t += QStringLiteral("\n") + dashes;
    }
    return t;
}

QString padRight(const QString& s, int width)
{
    return s.leftJustified(width, QLatin1Char(' '));
}

QString statusText(const Om& om, const QList<NodeState>& states, bool detail)
{
    const QString clusterState = clusterStateOf(states);
    if (!detail) {
        const QString name = om.nodes.isEmpty() ? QString() : om.nodes.first().clusterName;
        return QStringLiteral("-----------------------------------------------------------------------\n\n"
                              "cluster_name    : %1\ncluster_state   : %2\nredistributing  : No\n\n"
                              "-----------------------------------------------------------------------\n")
            .arg(name, clusterState);
    }
    QString t = QStringLiteral("[   Cluster State   ]\n\ncluster_state   : %1\nredistributing  : No\n").arg(clusterState);
    t += QStringLiteral("current_az      : AZ_ALL\n\n[  Datanode State   ]\n\n");
    int maxName = 0;
    int maxPath = 0;
    for (const StaticNodeRecord& n : om.nodes) {
        maxName = qMax(maxName, int(n.name.size()));
        maxPath = qMax(maxPath, int(n.datadir.size()));
    }
    const int NodeIdLen = 2, InstanceIdLen = 8, SpaceLen = 1, StateLen = 17, SepLen = 1, IpLen = 16, PortLen = 10;
    const int nodeLen = NodeIdLen + SpaceLen + maxName + SpaceLen;
    const int instanceLen = InstanceIdLen + SpaceLen + maxPath;
    const int count = int(om.nodes.size());
    const bool perLine = mogdbVersion() != QLatin1String("2.0.1"); // OM 2.0.3+ prints one datanode per line
    if (!perLine) {
        // OM 2.0.1: every datanode on one line, separated by " | " (DbClusterInfo.py v2.0.1 l.1728-1786).
        for (int i = 0; i < count - 1; ++i) {
            t += padRight(QStringLiteral("node"), nodeLen) + padRight(QStringLiteral("node_ip"), IpLen)
                + padRight(QStringLiteral("instance"), instanceLen) + padRight(QStringLiteral("state"), StateLen)
                + QStringLiteral("| ");
        }
        t += padRight(QStringLiteral("node"), nodeLen) + padRight(QStringLiteral("node_ip"), IpLen)
            + padRight(QStringLiteral("instance"), instanceLen) + QStringLiteral("state\n");
        t += QString(count * (nodeLen + instanceLen + IpLen + SpaceLen + StateLen + SpaceLen + SepLen), QLatin1Char('-'))
            + QLatin1Char('\n');
    } else {
        t += padRight(QStringLiteral("    node"), nodeLen) + padRight(QStringLiteral("node_ip"), IpLen)
            + padRight(QStringLiteral("port"), PortLen) + padRight(QStringLiteral("instance"), instanceLen)
            + QStringLiteral("state\n");
        t += QString(nodeLen + instanceLen + IpLen + SpaceLen + PortLen + SpaceLen + StateLen + SpaceLen + SepLen,
                 QLatin1Char('-'))
            + QLatin1Char('\n');
    }
    for (int i = 0; i < count; ++i) {
        const StaticNodeRecord& n = om.nodes.at(i);
        QString row = padRight(QString::number(n.id), 2) + QLatin1Char(' ');
        row += padRight(n.name, maxName) + QLatin1Char(' ');
        row += padRight(n.ip, 15) + QLatin1Char(' ');
        if (perLine)
            row += padRight(QString::number(n.port), 10) + QLatin1Char(' ');
        row += QString::number(n.instanceId) + QLatin1Char(' ');
        row += padRight(n.datadir, maxPath) + QLatin1Char(' ');
        if (perLine)
            row += QString(n.installRole).rightJustified(3, QLatin1Char(' ')) + QLatin1Char(' ');
        else
            row += QString(n.installRole) + QLatin1Char(' ');
        row += padRight(count == 1 ? QStringLiteral("Primary") : states.at(i).role, 7);
        row += QLatin1Char(' ') + states.at(i).state;
        if (!perLine && i < count - 1)
            row += QStringLiteral(" | ");
        else
            row += QLatin1Char('\n');
        t += row;
    }
    return t;
}

int writeOutput(const OmOptions& opts, const QString& text)
{
    if (opts.outputFile.isEmpty()) {
        writeStdout(text);
        return 0;
    }
    QFile f(opts.outputFile);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        writeStdout(QStringLiteral("[GAUSS-50206] : Failed to create %1.\n").arg(opts.outputFile));
        return 1;
    }
    f.write(text.toLocal8Bit());
    return 0;
}

int doStatus(const Om& om, const OmOptions& opts)
{
    int nodeId = 0;
    if (!opts.host.isEmpty()) {
        for (const StaticNodeRecord& n : om.nodes) {
            if (n.name == opts.host)
                nodeId = n.id;
        }
        if (nodeId == 0) {
            writeStdout(QStringLiteral("[GAUSS-51619] : The host name [%1] is not in the cluster.\n").arg(opts.host));
            return 1;
        }
    }
    QList<ToolRun> runs;
    const QList<NodeState> states = queryAll(om, &runs);
    if (!opts.detail && (nodeId != 0 || opts.all))
        return writeOutput(opts, nodeInfoText(om, runs, states, nodeId));
    return writeOutput(opts, statusText(om, states, opts.detail));
}

QList<StaticNodeRecord> targets(const Om& om, const OmOptions& opts, bool* ok)
{
    *ok = true;
    if (opts.host.isEmpty())
        return om.nodes;
    for (const StaticNodeRecord& n : om.nodes) {
        if (n.name == opts.host || n.ip == opts.host)
            return { n };
    }
    *ok = false;
    return {};
}

QString commandLine(const QString& program, const QStringList& args)
{
    return (QStringList { program } + args).join(QLatin1Char(' '));
}

// The role a node is started with: bin/cluster_dynamic_config of that node if present (written by
// refreshconf), else the install role of the static config (LocalBaseOM.py l.105-113).
QString startMode(const StaticNodeRecord& rec)
{
    QList<DynamicNodeRecord> dyn;
    QString error;
    if (readDynamicConfig(rec.gausshome + QStringLiteral("/bin/cluster_dynamic_config"), &dyn, &error)) {
        for (const DynamicNodeRecord& d : dyn) {
            if (d.name == rec.name && !d.role.isEmpty())
                return d.role;
        }
    }
    return modeForInstallRole(rec.installRole);
}

int doStart(const Om& om, const OmOptions& opts)
{
    bool ok = false;
    const QList<StaticNodeRecord> hosts = targets(om, opts, &ok);
    const bool cluster = opts.host.isEmpty();
    writeStdout(cluster ? QStringLiteral("Starting cluster.\n") : QStringLiteral("Starting node.\n"));
    writeStdout(QLatin1String(Rule));
    if (!ok) {
        writeStdout(QStringLiteral("[GAUSS-51619] : The host name [%1] is not in the cluster.\n").arg(opts.host));
        return 1;
    }
    // Primaries first, then the others side by side.
    QList<Job> first;
    QList<Job> rest;
    for (const StaticNodeRecord& rec : hosts) {
        const QString mode = startMode(rec);
        // Kernel.py start(): gs_ctl start -D DN -M MODE -t TIMEOUT
        QStringList args { QStringLiteral("start"), QStringLiteral("-D"), rec.datadir, QStringLiteral("-M"), mode,
            QStringLiteral("-t"), QString::number(opts.timeoutSecs > 0 ? opts.timeoutSecs : 300) };
        Job j { om.gsCtl(rec), args, om.envFor(rec) };
        (mode == QLatin1String("primary") ? first : rest).append(j);
    }
    const int timeoutMs = (opts.timeoutSecs > 0 ? opts.timeoutSecs : 300) * 1000;
    QString failed;
    QString failedCmd;
    auto handle = [&](const QList<Job>& jobs, const QList<ToolRun>& runs) {
        for (int i = 0; i < runs.size(); ++i) {
            const ToolRun& r = runs.at(i);
            if (!r.finished || r.exitCode != 0) {
                failed += r.output;
                if (failedCmd.isEmpty())
                    failedCmd = commandLine(jobs.at(i).program, jobs.at(i).args);
            } else if (r.output.contains(QLatin1String("another server might be running"))) {
                writeStdout(r.output.endsWith(QLatin1Char('\n')) ? r.output : r.output + QLatin1Char('\n'));
            } else if (r.output.contains(QLatin1String("] WARNING:"))) {
                QStringList warnings;
                for (const QString& line : r.output.split(QLatin1Char('\n'))) {
                    if (line.contains(QLatin1String("] WARNING:")))
                        warnings.append(line);
                }
                writeStdout(r.output.left(r.output.indexOf(QLatin1Char(':'))) + QLatin1Char('\n') + warnings.join(QLatin1Char('\n'))
                    + QLatin1Char('\n'));
            }
        }
    };
    handle(first, runParallel(first, timeoutMs));
    handle(rest, runParallel(rest, timeoutMs));
    if (!failed.isEmpty()) {
        writeStdout(QLatin1String(Rule));
        writeStdout(QStringLiteral("[GAUSS-53600]: Can not start the database, the cmd is %1,  Error:\n%2.\n").arg(failedCmd, failed));
        return 1;
    }
    if (cluster) {
        QElapsedTimer timer;
        timer.start();
        QString state;
        qint64 lastMessage = -5000;
        while (timer.elapsed() <= 30000) {
            state = clusterStateOf(queryAll(om));
            if (state == QLatin1String("Normal"))
                break;
            if (timer.elapsed() - lastMessage >= 5000) {
                writeStdout(QStringLiteral("Waiting for check cluster state...\n"));
                lastMessage = timer.elapsed();
            }
            QThread::msleep(500);
        }
        if (state != QLatin1String("Normal")) {
            writeStdout(QStringLiteral("[GAUSS-51607] : Failed to start cluster. After startup, the last check results were %1. "
                               "Please check manually.\n")
                    .arg(state));
            return 1;
        }
    }
    writeStdout(QLatin1String(Rule));
    writeStdout(QStringLiteral("Successfully started.\n"));
    return 0;
}

int doStop(const Om& om, const OmOptions& opts)
{
    bool ok = false;
    const QList<StaticNodeRecord> hosts = targets(om, opts, &ok);
    const QString type = opts.host.isEmpty() ? QStringLiteral("cluster") : QStringLiteral("node");
    writeStdout(QStringLiteral("Stopping %1.\n").arg(type));
    writeStdout(QLatin1String(Rule));
    if (!ok) {
        writeStdout(QStringLiteral("[GAUSS-51619] : The host name [%1] is not in the cluster.\n").arg(opts.host));
        return 1;
    }
    QList<Job> jobs;
    for (const StaticNodeRecord& rec : hosts) {
        // Kernel.py stop(): -m immediate when there is no pid file, else the given mode; -t TIMEOUT
        QStringList args { QStringLiteral("stop"), QStringLiteral("-D"), rec.datadir };
        if (!QFileInfo::exists(rec.datadir + QStringLiteral("/postmaster.pid")))
            args << QStringLiteral("-m") << QStringLiteral("immediate");
        else if (!opts.mode.isEmpty())
            args << QStringLiteral("-m") << opts.mode;
        args << QStringLiteral("-t") << QString::number(opts.timeoutSecs > 0 ? opts.timeoutSecs : 300);
        jobs.append(Job { om.gsCtl(rec), args, om.envFor(rec) });
    }
    const int timeoutMs = (opts.timeoutSecs > 0 ? opts.timeoutSecs : 300) * 1000;
    const QList<ToolRun> runs = runParallel(jobs, timeoutMs);
    for (int i = 0; i < runs.size(); ++i) {
        const ToolRun& r = runs.at(i);
        const bool notRunning = r.output.contains(QLatin1String("does not exist"))
            || r.output.contains(QLatin1String("Is server running"));
        if (r.finished && (r.exitCode == 0 || notRunning))
            continue;
        writeStdout(QStringLiteral("[GAUSS-53606]: Can not stop the database, the cmd is %1,  Error:\n%2.\n")
                .arg(commandLine(jobs.at(i).program, jobs.at(i).args), r.output));
        return 1;
    }
    writeStdout(QStringLiteral("Successfully stopped %1.\n").arg(type));
    writeStdout(QLatin1String(Rule));
    writeStdout(QStringLiteral("End stop %1.\n").arg(type));
    return 0;
}

int doRefreshConf(const Om& om)
{
    if (om.nodes.size() <= 1) {
        writeStdout(QStringLiteral("No need to generate dynamic configuration file for one node.\n"));
        return 0;
    }
    writeStdout(QStringLiteral("Generating dynamic configuration file for all nodes.\n"));
    QList<Job> jobs;
    for (const StaticNodeRecord& rec : om.nodes)
        jobs.append(Job { om.gsCtl(rec), { QStringLiteral("query"), QStringLiteral("-D"), rec.datadir }, om.envFor(rec) });
    const QList<ToolRun> runs = runParallel(jobs, 60000);
    QList<DynamicNodeRecord> records;
    int primaries = 0;
    for (int i = 0; i < om.nodes.size(); ++i) {
        const StaticNodeRecord& rec = om.nodes.at(i);
        const ToolRun& r = runs.at(i);
        const QString role = (r.finished && r.exitCode == 0)
            ? firstMatch(r.output, QStringLiteral("local_role\\s*:\\s*(\\w+)"))
            : QString();
        DynamicNodeRecord d;
        d.id = rec.id;
        d.name = rec.name;
        d.instanceId = rec.instanceId;
        d.datadir = rec.datadir;
        if (role == QLatin1String("Primary")) {
            d.role = QStringLiteral("primary");
            ++primaries;
        } else if (role == QLatin1String("Cascade")) {
            d.role = QStringLiteral("cascade_standby");
        } else {
            d.role = QStringLiteral("standby");
        }
        records.append(d);
    }
    if (primaries != 1) {
        writeStdout(QStringLiteral("[GAUSS-50205] : Failed to write dynamic configuration file. Error: \n"
                           "[GAUSS-51230] : The number of master dn must equal to 1.\n"));
        return 1;
    }
    // cluster_dnrole_config: "<node name>=<role>" per datanode, 0 Primary, 1 Standby, 3 Cascade, 9 Unknown
    // (og-OM@v2.0.1 DbClusterInfo.__create_simple_datanode_config), sent to every node like the
    // dynamic config.
    QByteArray dnRoles;
    for (int i = 0; i < om.nodes.size(); ++i) {
        const QString& role = records.at(i).role;
        const int code = role == QLatin1String("primary") ? 0 : role == QLatin1String("cascade_standby") ? 3 : 1;
        dnRoles += om.nodes.at(i).name.toUtf8() + '=' + QByteArray::number(code) + '\n';
    }
    for (const StaticNodeRecord& rec : om.nodes) {
        QString error;
        if (!writeDynamicConfig(rec.gausshome + QStringLiteral("/bin/cluster_dynamic_config"), records, &error)) {
            writeStdout(QStringLiteral("[GAUSS-50205] : Failed to write dynamic configuration file. Error: \n%1\n").arg(error));
            return 1;
        }
        QFile roles(rec.gausshome + QStringLiteral("/bin/cluster_dnrole_config"));
        if (!roles.open(QIODevice::WriteOnly | QIODevice::Truncate) || roles.write(dnRoles) != dnRoles.size()) {
            writeStdout(QStringLiteral("[GAUSS-50205] : Failed to write dynamic configuration file. Error: \n%1\n")
                    .arg(roles.errorString()));
            return 1;
        }
    }
    writeStdout(QStringLiteral("Successfully generated dynamic configuration file.\n"));
    return 0;
}

} // namespace

int gsOmMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    const QString self = programPath(argv[0]);
    Om om;
    // Like the real OM (DbClusterInfo.__getStaticConfigFilePath): the cluster's configuration is read
    // from $GAUSSHOME/bin of the environment gs_om runs in, not from next to gs_om itself, which lives
    // in the OM tool directory $GPHOME/script.
    const QString gausshome = qEnvironmentVariable("GAUSSHOME");
    om.binDir = gausshome.isEmpty() ? QString() : QDir::cleanPath(gausshome) + QStringLiteral("/bin");
    om.sandboxRoot = findSandboxRoot(QFileInfo(self).absolutePath());
    if (!om.sandboxRoot.isEmpty()) {
        QString error;
        om.haveConfig = SandboxConfig::load(om.sandboxRoot, &om.config, &error);
    }
    {
        const QString node = om.haveConfig ? currentNodeName(om.config) : QString();
        const Fault fault = takeFault(om.sandboxRoot, node, QStringLiteral("gs_om"), args);
        const int rc = applyFaultGeneric(fault, QStringLiteral("gs_om"));
        if (rc >= 0)
            return rc;
    }

    OmOptions opts;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto value = [&](QString* target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        if (a == QLatin1String("-V") || a == QLatin1String("--version")) {
            writeStdout(QStringLiteral("gs_om (MogDB OM %1 build %2) compiled at %3 commit 0 last mr\n")
                    .arg(mogdbVersion(), mogdbBuild(), mogdbCompiledAt()));
            return 0;
        } else if (a == QLatin1String("-?") || a == QLatin1String("--help")) {
            writeStdout(usage());
            return 0;
        } else if (a == QLatin1String("-t")) {
            if (!value(&opts.action)) {
                writeStderr(QStringLiteral("[GAUSS-50004] : The parameter '-t' value is incorrect.\n"));
                return 1;
            }
        } else if (a.startsWith(QLatin1String("-t")) && a.size() > 2) {
            opts.action = a.mid(2);
        } else if (a == QLatin1String("--detail")) {
            opts.detail = true;
        } else if (a == QLatin1String("--all")) {
            opts.all = true;
        } else if (a == QLatin1String("-h")) {
            value(&opts.host);
        } else if (a == QLatin1String("-m")) {
            value(&opts.mode);
        } else if (a == QLatin1String("-o")) {
            value(&opts.outputFile);
        } else if (a == QLatin1String("-D")) {
            value(&opts.dataDir);
        } else if (a == QLatin1String("-l")) {
            QString ignored;
            value(&ignored);
        } else if (a.startsWith(QLatin1String("--time-out="))) {
            opts.timeoutSecs = a.mid(11).toInt();
        } else if (a.startsWith(QLatin1String("--security-mode="))) {
            // accepted, no effect
        } else {
            writeStderr(QStringLiteral("[GAUSS-50000] : Unrecognized parameter: %1.\n").arg(a));
            return 1;
        }
    }
    if (opts.action.isEmpty()) {
        writeStderr(QStringLiteral("[GAUSS-50001] : Incorrect parameter. Parameter '-t' is required\n"));
        return 1;
    }
    const QStringList known { QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("restart"),
        QStringLiteral("status"), QStringLiteral("refreshconf") };
    if (!known.contains(opts.action)) {
        writeStderr(QStringLiteral("[GAUSS-50004] : The parameter '-t' value is incorrect.\n"));
        return 1;
    }
    if (!opts.mode.isEmpty()) {
        const QString m = opts.mode;
        if (m == QLatin1String("f") || m == QLatin1String("fast"))
            opts.mode = QStringLiteral("fast");
        else if (m == QLatin1String("i") || m == QLatin1String("immediate"))
            opts.mode = QStringLiteral("immediate");
        else {
            writeStderr(QStringLiteral("[GAUSS-50004] : The parameter '-m' value is incorrect.\n"));
            return 1;
        }
    }

    if (om.binDir.isEmpty()) {
        writeStdout(QStringLiteral("[GAUSS-51802] : Failed to obtain the environment variable $GAUSSHOME.\n"));
        return 1;
    }
    // Like DbClusterInfo.initFromStaticConfig: upgrade_version next to the static config first.
    const QString versionFile = om.binDir + QStringLiteral("/upgrade_version");
    if (!QFileInfo::exists(versionFile)) {
        writeStdout(QStringLiteral("[GAUSS-50201] : The %1 does not exist.\n").arg(versionFile));
        return 1;
    }
    {
        QFile vf(versionFile);
        QStringList lines;
        if (vf.open(QIODevice::ReadOnly))
            lines = QString::fromUtf8(vf.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        bool numberOk = false;
        if (lines.size() >= 3)
            lines.at(1).trimmed().toDouble(&numberOk);
        if (lines.size() < 3 || !numberOk || lines.at(2).trimmed().size() != 8) {
            writeStdout(QStringLiteral("[GAUSS-50222] : The content of file %1 is not correct.\n").arg(versionFile));
            return 1;
        }
    }
    const QString staticConfig = om.binDir + QStringLiteral("/cluster_static_config");
    {
        QString error;
        if (!QFileInfo::exists(staticConfig)) {
            writeStdout(QStringLiteral("[GAUSS-50201] : The %1 does not exist.\n").arg(staticConfig));
            return 1;
        }
        if (!readStaticConfig(staticConfig, &om.nodes, &om.localNodeId, &error)) {
            writeStdout(error + QLatin1Char('\n'));
            return 1;
        }
    }

    if (opts.action == QLatin1String("status"))
        return doStatus(om, opts);
    if (opts.action == QLatin1String("start"))
        return doStart(om, opts);
    if (opts.action == QLatin1String("stop"))
        return doStop(om, opts);
    if (opts.action == QLatin1String("restart")) {
        const int rc = doStop(om, opts);
        if (rc != 0)
            return rc;
        return doStart(om, opts);
    }
    return doRefreshConf(om);
}

} // namespace Sim
