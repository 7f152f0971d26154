#include "ClusterStatusProbe.h"

#include "GsCtlQueryParser.h"
#include "NodeCommands.h"
#include "ShellQuote.h"
#include "Tr.h"
#include "VersionParser.h"

#include <QJsonArray>

namespace MogUp {

QString NodeStatus::summary() const
{
    QString s;
    if (running)
        s = Tr::tr("%1: running as %2 (%3), MogDB %4").arg(name, role, state, version);
    else
        s = Tr::tr("%1: not running (%2), installed binaries MogDB %3").arg(name, state, installedVersion);
    if (running && !installedVersion.isEmpty() && installedVersion != version)
        s += Tr::tr("; bin/ now holds %1").arg(installedVersion);
    if (backupPresent)
        s += Tr::tr("; old bin/lib kept as backups");
    if (!detail.isEmpty())
        s += QStringLiteral("; ") + detail;
    return s;
}

QJsonObject NodeStatus::toJson() const
{
    return QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("role"), role },
        { QStringLiteral("state"), state }, { QStringLiteral("version"), version },
        { QStringLiteral("running"), running } };
}

ClusterStatusProbe::ClusterStatusProbe(Executor& executor, const ClusterProfile& profile, QString fromVersion)
    : m_executor(executor)
    , m_profile(profile)
    , m_backupSuffix(fromVersion.remove(QLatin1Char('.')))
{
}

NodeEnvironment NodeEnvironment::parse(const QString& stdoutText)
{
    NodeEnvironment e;
    for (const QString& line : stdoutText.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString key = line.section(QLatin1Char(' '), 0, 0);
        const QString value = line.section(QLatin1Char(' '), 1).trimmed();
        if (key == QLatin1String("env_file"))
            e.envFile = value;
        else if (key == QLatin1String("gausshome"))
            e.gausshome = value;
        else if (key == QLatin1String("gs_ctl"))
            e.gsCtl = value;
        else if (key == QLatin1String("pgdata"))
            e.pgdata = value;
        else if (key == QLatin1String("gs_om"))
            e.gsOmPath = value == QLatin1String("-") ? QString() : value;
        else if (key == QLatin1String("leftover"))
            e.leftovers << value;
    }
    // Every line the probe always prints must be there; otherwise the shell never got that far.
    e.read = !e.envFile.isEmpty() && !e.gausshome.isEmpty() && !e.gsCtl.isEmpty() && !e.pgdata.isEmpty();
    return e;
}

namespace {

QString collect(Executor& executor, const NodeProfile& node, const QString& command, const CancelToken& cancel,
    ExecResult* result)
{
    // stdout only: warnings on stderr are the tools' normal noise (see CapturedRun).
    const CapturedRun run = runCaptured(executor, node, command, 30000, cancel);
    *result = run.exec;
    return run.out;
}

} // namespace

NodeStatus ClusterStatusProbe::probe(const NodeProfile& node, const CancelToken& cancel) const
{
    NodeStatus s;
    s.name = node.name;
    const NodeCommands cmd(m_profile, node);
    ExecResult r;

    const QStringList backups { QStringLiteral("bin_") + m_backupSuffix, QStringLiteral("lib_") + m_backupSuffix };
    s.environment = NodeEnvironment::parse(collect(m_executor, node, cmd.environmentProbe(backups), cancel, &r));
    if (!r.started) {
        // Not reached at all: every other command would fail the same way.
        s.state = QStringLiteral("Unreachable");
        s.detail = r.error;
        return s;
    }
    s.backupPresent = s.environment.leftovers.size() == backups.size();

    const QString versionOut = collect(m_executor, node, cmd.gaussdbVersion(), cancel, &r);
    MogdbVersion installed;
    QString error;
    if (r.ok() && VersionParser::parse(versionOut.section(QLatin1Char('\n'), 0, 0), &installed, &error))
        s.installedVersion = installed.version;
    else if (!r.started)
        s.detail = r.error;
    else
        s.detail = Tr::tr("gaussdb -V failed: %1").arg(versionOut.section(QLatin1Char('\n'), 0, 0).trimmed());

    const QString queryOut = collect(m_executor, node, cmd.gsCtlQuery(), cancel, &r);
    GsCtlQuery q;
    if (!r.started) {
        s.state = QStringLiteral("Unreachable");
        s.detail = r.error;
    } else if (!GsCtlQueryParser::parse(queryOut, &q, &error)) {
        s.state = QStringLiteral("Unknown");
        s.detail = Tr::tr("gs_ctl query: %1").arg(error);
    } else if (!q.serverRunning) {
        s.state = QStringLiteral("Stopped");
    } else {
        s.running = true;
        s.state = q.ha.dbState;
        if (q.ha.localRole == QStringLiteral("Primary"))
            s.role = QStringLiteral("primary");
        else if (q.ha.localRole == QStringLiteral("Standby") || q.ha.localRole == QStringLiteral("Cascade Standby"))
            s.role = QStringLiteral("standby");
    }

    s.version = s.installedVersion;
    if (s.running) {
        const QString v = collect(m_executor, node, cmd.gsql(QStringLiteral("select version()")), cancel, &r);
        MogdbVersion running;
        if (r.ok() && VersionParser::parse(v.section(QLatin1Char('\n'), 0, 0), &running, &error))
            s.version = running.version;
    }
    return s;
}

QList<NodeStatus> ClusterStatusProbe::probeAll(const CancelToken& cancel) const
{
    QList<NodeStatus> all;
    for (const NodeProfile& n : m_profile.nodes)
        all.append(probe(n, cancel));
    return all;
}

QJsonObject ClusterStatusProbe::toJson(const QList<NodeStatus>& nodes)
{
    QJsonArray arr;
    for (const NodeStatus& n : nodes)
        arr.append(n.toJson());
    return QJsonObject { { QStringLiteral("nodes"), arr } };
}

} // namespace MogUp
