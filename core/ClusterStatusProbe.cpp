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

namespace {

QString collect(Executor& executor, const NodeProfile& node, const QString& command, const CancelToken& cancel,
    ExecResult* result)
{
    QString out;
    *result = executor.run(node, command, 30000, cancel, [&out](const OutputLine& l) { out += l.text + QLatin1Char('\n'); });
    return out;
}

} // namespace

NodeStatus ClusterStatusProbe::probe(const NodeProfile& node, const CancelToken& cancel) const
{
    NodeStatus s;
    s.name = node.name;
    const NodeCommands cmd(m_profile, node);
    ExecResult r;

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

    const QString g = node.gausshome;
    const QString test = QStringLiteral("test -d %1 && test -d %2")
                             .arg(shellQuote(g + QStringLiteral("/bin_") + m_backupSuffix),
                                 shellQuote(g + QStringLiteral("/lib_") + m_backupSuffix));
    collect(m_executor, node, test, cancel, &r);
    s.backupPresent = r.ok();
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
