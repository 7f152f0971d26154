#include "Prechecks.h"

#include "GsCtlQueryParser.h"
#include "NodeCommands.h"
#include "PackageInspector.h"
#include "Planner.h"
#include "Tr.h"
#include "VersionParser.h"

namespace MogUp {

QString precheckSeverityName(PrecheckSeverity s)
{
    switch (s) {
    case PrecheckSeverity::Pass:
        return QStringLiteral("pass");
    case PrecheckSeverity::Warning:
        return QStringLiteral("warning");
    case PrecheckSeverity::Failure:
        return QStringLiteral("failure");
    }
    return {};
}

bool PrecheckReport::ok() const
{
    for (const PrecheckItem& i : items) {
        if (i.severity == PrecheckSeverity::Failure)
            return false;
    }
    return true;
}

bool PrecheckReport::hasWarnings() const
{
    for (const PrecheckItem& i : items) {
        if (i.severity == PrecheckSeverity::Warning)
            return true;
    }
    return false;
}

QStringList PrecheckReport::failures() const
{
    QStringList out;
    for (const PrecheckItem& i : items) {
        if (i.severity == PrecheckSeverity::Failure)
            out << i.title + QStringLiteral(": ") + i.detail;
    }
    return out;
}

Prechecks::Prechecks(Executor& executor, const ClusterProfile& profile, QString fromVersion)
    : m_executor(executor)
    , m_profile(profile)
    , m_fromVersion(std::move(fromVersion))
{
}

QString Prechecks::livePrimary(const QList<NodeStatus>& nodes, QString* error)
{
    QStringList primaries;
    for (const NodeStatus& n : nodes) {
        if (n.role == QStringLiteral("primary"))
            primaries << n.name;
    }
    if (primaries.size() == 1)
        return primaries.first();
    *error = primaries.isEmpty() ? Tr::tr("no node runs as primary")
                                 : Tr::tr("%1 nodes run as primary (%2)").arg(primaries.size()).arg(primaries.join(QStringLiteral(", ")));
    return {};
}

namespace {

PrecheckItem item(const QString& id, const QString& node, const QString& title, PrecheckSeverity severity,
    const QString& detail, const QString& fix = {})
{
    return PrecheckItem { id, node, title, severity, detail, fix };
}

QString collect(Executor& executor, const NodeProfile& node, const QString& command, const CancelToken& cancel,
    ExecResult* result, int timeoutMs = 60000)
{
    QString out;
    *result = executor.run(node, command, timeoutMs, cancel, [&out](const OutputLine& l) {
        if (l.stream == OutputStream::Stdout)
            out += l.text + QLatin1Char('\n');
    });
    return out;
}

} // namespace

PrecheckReport Prechecks::run(const CancelToken& cancel) const
{
    PrecheckReport report;
    report.nodes = ClusterStatusProbe(m_executor, m_profile, m_fromVersion).probeAll(cancel);

    QStringList unreachable;
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        if (n.state == QStringLiteral("Unreachable") || n.state == QStringLiteral("Unknown"))
            unreachable << QStringLiteral("%1 (%2)").arg(n.name, n.detail);
    }
    report.items << (unreachable.isEmpty()
            ? item(QStringLiteral("reachable"), QString(), Tr::tr("Every node reached and read"), PrecheckSeverity::Pass,
                  Tr::tr("%n node(s) answered", nullptr, int(report.nodes.size())))
            : item(QStringLiteral("reachable"), QString(), Tr::tr("Every node reached and read"), PrecheckSeverity::Failure,
                  unreachable.join(QStringLiteral("; ")),
                  Tr::tr("check the host, the SSH login and that gs_ctl works for the database user on that node")));

    // The version decides whether this patch applies at all.
    Planner::PackageNames package;
    QString packageError;
    const bool packageKnown = Planner::packageNames(m_profile.package.file, &package, &packageError);
    const QString target = packageKnown ? package.version : QStringLiteral("2.0.3");
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        const QString id = QStringLiteral("version-") + n.name;
        const QString title = Tr::tr("%1 runs MogDB %2").arg(n.name, m_fromVersion);
        if (n.version.isEmpty())
            report.items << item(id, n.name, title, PrecheckSeverity::Failure, Tr::tr("the version could not be read"),
                Tr::tr("check that GAUSSHOME/bin/gaussdb -V works on the node"));
        else if (n.version == m_fromVersion)
            report.items << item(id, n.name, title, PrecheckSeverity::Pass, Tr::tr("MogDB %1").arg(n.version));
        else if (n.version == target)
            report.items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("already runs MogDB %1: already patched (a half-finished upgrade?)").arg(n.version),
                Tr::tr("finish or undo the earlier upgrade on this node first; resuming is not supported yet"));
        else if (VersionParser::compare(n.version, QStringLiteral("2.1.0")) >= 0)
            report.items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("runs MogDB %1: not affected (MogDB 2.1 and later do not have this leak)").arg(n.version),
                Tr::tr("nothing to patch on this node"));
        else
            report.items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("runs MogDB %1; this patch is for %2").arg(n.version, m_fromVersion),
                Tr::tr("check the profile and the node"));
    }

    QString error;
    report.primary = livePrimary(report.nodes, &error);
    if (report.primary.isEmpty()) {
        report.items << item(QStringLiteral("one-primary"), QString(), Tr::tr("Exactly one primary"), PrecheckSeverity::Failure,
            error, Tr::tr("repair the cluster first (gs_ctl query on every node, then gs_om -t refreshconf)"));
    } else if (const NodeProfile* declared = m_profile.primaryNode(); declared && declared->name != report.primary) {
        report.items << item(QStringLiteral("one-primary"), QString(), Tr::tr("Exactly one primary"), PrecheckSeverity::Failure,
            Tr::tr("the profile says %1 is primary, but %2 runs as primary now").arg(declared->name, report.primary),
            Tr::tr("update the \"role\" fields of the profile"));
    } else {
        report.items << item(QStringLiteral("one-primary"), QString(), Tr::tr("Exactly one primary"), PrecheckSeverity::Pass,
            Tr::tr("%1 is the primary").arg(report.primary));
    }

    QStringList unwell;
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        if (!n.running)
            unwell << Tr::tr("%1 is not running").arg(n.name);
        else if (n.state != QStringLiteral("Normal"))
            unwell << Tr::tr("%1 is %2").arg(n.name, n.state);
    }
    report.items << (unwell.isEmpty() ? item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
                                            PrecheckSeverity::Pass, Tr::tr("every node runs in state Normal"))
                                      : item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
                                            PrecheckSeverity::Failure, unwell.join(QStringLiteral("; ")),
                                            Tr::tr("start the node or repair it (gs_ctl build) before upgrading")));
    if (!report.primary.isEmpty())
        checkStreaming(&report, cancel);
    checkMogha(&report, cancel);
    checkPackage(&report, cancel);
    return report;
}

void Prechecks::checkStreaming(PrecheckReport* report, const CancelToken& cancel) const
{
    const NodeProfile* primary = m_profile.node(report->primary);
    if (!primary)
        return;
    ExecResult r;
    const QString out = collect(m_executor, *primary, NodeCommands(m_profile, *primary).gsCtlQuery(), cancel, &r);
    GsCtlQuery q;
    QString error;
    const QString title = Tr::tr("Every standby streaming from the primary");
    if (!GsCtlQueryParser::parse(out, &q, &error)) {
        report->items << item(QStringLiteral("standbys-streaming"), report->primary, title, PrecheckSeverity::Failure,
            Tr::tr("gs_ctl query on %1 not understood: %2").arg(report->primary, error));
        return;
    }
    int streaming = 0;
    for (const GsCtlReplicationPeer& s : std::as_const(q.senders)) {
        if (s.state == QStringLiteral("Streaming"))
            ++streaming;
    }
    const int standbys = int(m_profile.nodes.size()) - 1;
    if (streaming >= standbys)
        report->items << item(QStringLiteral("standbys-streaming"), report->primary, title, PrecheckSeverity::Pass,
            Tr::tr("%1 sends to %2 streaming standby(s)").arg(report->primary).arg(streaming));
    else
        report->items << item(QStringLiteral("standbys-streaming"), report->primary, title, PrecheckSeverity::Failure,
            Tr::tr("%1 of %2 standbys stream from %3").arg(streaming).arg(standbys).arg(report->primary),
            Tr::tr("wait until every standby has caught up (gs_ctl query on the primary), then check again"));
}

void Prechecks::checkMogha(PrecheckReport* report, const CancelToken& cancel) const
{
    for (const NodeProfile& n : m_profile.nodes) {
        ExecResult r;
        const QString state = collect(m_executor, n, NodeCommands(m_profile, n).moghaIsActive(), cancel, &r).trimmed();
        const bool active = state == QStringLiteral("active");
        const QString id = QStringLiteral("mogha-") + n.name;
        const QString title = Tr::tr("MogHA on %1 as the profile says").arg(n.name);
        if (active && !m_profile.mogha)
            report->items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("MogHA is running on %1, but the profile says \"mogha\": false: it would restart the database "
                       "the plan stops")
                    .arg(n.name),
                Tr::tr("set \"mogha\": true in the profile"));
        else if (!active && m_profile.mogha)
            report->items << item(id, n.name, title, PrecheckSeverity::Warning,
                Tr::tr("MogHA is not running on %1 (%2); the plan stops it (nothing to do) and starts it at the end")
                    .arg(n.name, state.isEmpty() ? Tr::tr("no answer") : state),
                Tr::tr("set \"mogha\": false if this cluster has no MogHA"));
        else
            report->items << item(id, n.name, title, PrecheckSeverity::Pass,
                active ? Tr::tr("MogHA is active") : Tr::tr("no MogHA running"));
    }
}

void Prechecks::checkPackage(PrecheckReport* report, const CancelToken& cancel) const
{
    // Where the upgrade will read it from: this machine when it still has to be uploaded, else every node.
    const PackageInspection p = PackageInspector(m_profile).inspect(m_executor, cancel);
    report->items << item(QStringLiteral("package"), QString(), Tr::tr("The package is MogDB 2.0.3 and intact"),
        p.ok() ? PrecheckSeverity::Pass : PrecheckSeverity::Failure, p.detail(), p.fix());
}

} // namespace MogUp
