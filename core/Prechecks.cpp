#include "Prechecks.h"

#include "GsCtlQueryParser.h"
#include "NodeCommands.h"
#include "PackageInspector.h"
#include "Planner.h"
#include "Tr.h"
#include "VersionParser.h"

#include <QRegularExpression>

#include <algorithm>

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
    const CapturedRun run = runCaptured(executor, node, command, timeoutMs, cancel);
    *result = run.exec;
    return run.out;
}

// The cause actually seen on the node, with its fix, when its environment keeps MogUp from reading
// the database at all; empty when the environment is fine. A missing env file must never read as a
// stopped database: "start the node" would have a DBA restart a running one.
struct EnvironmentProblem
{
    QString detail;
    QString fix;
    bool isProblem() const { return !detail.isEmpty(); }
};

EnvironmentProblem environmentProblem(const NodeProfile& node, const NodeEnvironment& e, const QString& dbUser)
{
    if (!e.read)
        return { Tr::tr("the environment check printed nothing readable (the login shell or the switch to %1 "
                        "failed before it ran)")
                     .arg(dbUser),
            Tr::tr("log in to %1 and run `su - %2` (or the profile's run-as method) by hand to see why")
                .arg(node.name, dbUser) };
    if (e.envFile == QLatin1String("missing"))
        return { Tr::tr("the env file %1 does not exist").arg(node.envFile),
            Tr::tr("set env_file of %1 to the file that exports GAUSSHOME, PGDATA and PATH for %2 "
                   "(on OM installs the one gs_preinstall wrote, often /home/%2/.bashrc)")
                .arg(node.name, dbUser) };
    if (e.envFile == QLatin1String("unreadable"))
        return { Tr::tr("permission denied: %1 cannot read the env file %2").arg(dbUser, node.envFile),
            Tr::tr("let %1 read it (owner and mode of %2), or check the run-as setting of %3")
                .arg(dbUser, node.envFile, node.name) };
    if (e.gausshome == QLatin1String("missing"))
        return { Tr::tr("GAUSSHOME %1 does not exist").arg(node.gausshome),
            Tr::tr("set gausshome of %1 to the app directory that holds bin/ and lib/").arg(node.name) };
    if (e.gsCtl == QLatin1String("missing"))
        return { Tr::tr("tool not found: %1/bin/gs_ctl").arg(node.gausshome),
            Tr::tr("check gausshome of %1 (it must hold bin/gs_ctl), or look for a half-finished bin/ swap "
                   "(bin_201 next to it)")
                .arg(node.name) };
    if (e.gsCtl == QLatin1String("not-executable"))
        return { Tr::tr("permission denied: %1 cannot run %2/bin/gs_ctl").arg(dbUser, node.gausshome),
            Tr::tr("check the owner and mode of %1/bin (it belongs to %2)").arg(node.gausshome, dbUser) };
    if (e.pgdata == QLatin1String("missing"))
        return { Tr::tr("the data directory %1 does not exist").arg(node.pgdata),
            Tr::tr("set pgdata of %1 to the node's data directory (gs_ctl query shows it as datadir)").arg(node.name) };
    if (e.pgdata == QLatin1String("unreadable"))
        return { Tr::tr("permission denied: %1 cannot open the data directory %2").arg(dbUser, node.pgdata),
            Tr::tr("check the owner and mode of %1 (it belongs to %2), or the run-as setting of %3")
                .arg(node.pgdata, dbUser, node.name) };
    return {};
}

} // namespace

PrecheckReport Prechecks::run(const CancelToken& cancel) const
{
    PrecheckReport report;
    report.nodes = ClusterStatusProbe(m_executor, m_profile, m_fromVersion).probeAll(cancel);

    QStringList unreachable;
    QStringList unreadable;
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        const NodeProfile* np = m_profile.node(n.name);
        if (n.state == QStringLiteral("Unreachable"))
            unreachable << QStringLiteral("%1 (%2)").arg(n.name, n.detail);
        else if (np && environmentProblem(*np, n.environment, m_profile.dbUser).isProblem())
            continue; // named with its own cause and fix below
        else if (n.state == QStringLiteral("Unknown"))
            unreadable << QStringLiteral("%1 (%2)").arg(n.name, n.detail);
    }
    if (!unreachable.isEmpty())
        report.items << item(QStringLiteral("reachable"), QString(), Tr::tr("Every node reached and read"),
            PrecheckSeverity::Failure, unreachable.join(QStringLiteral("; ")),
            Tr::tr("check the host, the SSH port and the login of that node"));
    else if (!unreadable.isEmpty())
        report.items << item(QStringLiteral("reachable"), QString(), Tr::tr("Every node reached and read"),
            PrecheckSeverity::Failure, unreadable.join(QStringLiteral("; ")),
            Tr::tr("run gs_ctl query -D PGDATA on that node as the database user and compare its output "
                   "with the message"));
    else
        report.items << item(QStringLiteral("reachable"), QString(), Tr::tr("Every node reached and read"),
            PrecheckSeverity::Pass, Tr::tr("%n node(s) answered", nullptr, int(report.nodes.size())));
    checkEnvironment(&report);

    // The version decides whether this patch applies at all.
    Planner::PackageNames package;
    QString packageError;
    const bool packageKnown = Planner::packageNames(m_profile.package.file, &package, &packageError);
    const QString target = packageKnown ? package.version : QStringLiteral("2.0.3");
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        const QString id = QStringLiteral("version-") + n.name;
        const QString title = Tr::tr("%1 runs MogDB %2").arg(n.name, m_fromVersion);
        const NodeProfile* np = m_profile.node(n.name);
        if (n.version.isEmpty() && np && environmentProblem(*np, n.environment, m_profile.dbUser).isProblem())
            report.items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("not read: %1").arg(environmentProblem(*np, n.environment, m_profile.dbUser).detail),
                environmentProblem(*np, n.environment, m_profile.dbUser).fix);
        else if (n.version.isEmpty())
            report.items << item(id, n.name, title, PrecheckSeverity::Failure,
                Tr::tr("the version could not be read (%1)").arg(n.detail.isEmpty() ? Tr::tr("no output") : n.detail),
                Tr::tr("check that %1/bin/gaussdb -V works on the node as %2").arg(np ? np->gausshome : QStringLiteral("GAUSSHOME"), m_profile.dbUser));
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

    // Only a node whose environment was read and whose gs_ctl says so is called stopped; the others
    // are "not read" with the cause named above, never "start the node".
    QStringList stopped;
    QStringList unwell;
    QStringList notRead;
    for (const NodeStatus& n : std::as_const(report.nodes)) {
        const NodeProfile* np = m_profile.node(n.name);
        const bool envProblem = np && environmentProblem(*np, n.environment, m_profile.dbUser).isProblem();
        if (envProblem || n.state == QStringLiteral("Unreachable") || n.state == QStringLiteral("Unknown"))
            notRead << n.name;
        else if (!n.running)
            stopped << n.name;
        else if (n.state != QStringLiteral("Normal"))
            unwell << Tr::tr("%1 is %2").arg(n.name, n.state);
    }
    if (!stopped.isEmpty())
        report.items << item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
            PrecheckSeverity::Failure,
            Tr::tr("the database is down on %1 (gs_ctl query: no server running; its env file, binaries and "
                   "data directory were found)")
                .arg(stopped.join(QStringLiteral(", "))),
            Tr::tr("start it as it was (gs_ctl start -D PGDATA -M standby, or primary), wait until it streams, "
                   "then check again"));
    else if (!unwell.isEmpty())
        report.items << item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
            PrecheckSeverity::Failure, unwell.join(QStringLiteral("; ")),
            Tr::tr("repair the node (gs_ctl query shows why; gs_ctl build for a standby that needs repair) "
                   "before upgrading"));
    else if (!notRead.isEmpty())
        report.items << item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
            PrecheckSeverity::Failure,
            Tr::tr("not read on %1 (see the checks above for the cause)").arg(notRead.join(QStringLiteral(", "))),
            Tr::tr("fix what the checks above name, then check again; nothing is known about the database there yet"));
    else
        report.items << item(QStringLiteral("cluster-normal"), QString(), Tr::tr("Every node Normal"),
            PrecheckSeverity::Pass, Tr::tr("every node runs in state Normal"));
    if (!report.primary.isEmpty()) {
        checkStreaming(&report, cancel);
        checkSyncReplication(&report, cancel);
    }
    checkMogha(&report, cancel);
    checkPackage(&report, cancel);
    return report;
}

void Prechecks::checkEnvironment(PrecheckReport* report) const
{
    const QString backupSuffix = QString(m_fromVersion).remove(QLatin1Char('.'));
    for (const NodeStatus& n : std::as_const(report->nodes)) {
        const NodeProfile* np = m_profile.node(n.name);
        if (!np || n.state == QStringLiteral("Unreachable"))
            continue;
        const EnvironmentProblem problem = environmentProblem(*np, n.environment, m_profile.dbUser);
        const QString title = Tr::tr("%1: env file, GAUSSHOME, gs_ctl and PGDATA usable by %2").arg(n.name, m_profile.dbUser);
        if (problem.isProblem()) {
            report->items << item(QStringLiteral("environment-") + n.name, n.name, title, PrecheckSeverity::Failure,
                problem.detail, problem.fix);
            continue;
        }
        report->items << item(QStringLiteral("environment-") + n.name, n.name, title, PrecheckSeverity::Pass,
            n.environment.envFile == QLatin1String("none") ? Tr::tr("no env file in the profile; the rest found")
                                                           : Tr::tr("all found"));

        if (m_profile.installMethod == InstallMethod::Om) {
            const QString omTitle = Tr::tr("%1: gs_om on the PATH the env file sets").arg(n.name);
            if (n.environment.gsOmPath.isEmpty())
                report->items << item(QStringLiteral("gs_om-") + n.name, n.name, omTitle, PrecheckSeverity::Failure,
                    Tr::tr("gs_om is not found on the PATH after sourcing %1 (OM installs keep it in "
                           "$GPHOME/script, not in GAUSSHOME/bin)")
                        .arg(np->envFile.isEmpty() ? Tr::tr("no env file") : np->envFile),
                    Tr::tr("set env_file of %1 to the file gs_preinstall wrote for %2 (it exports GPHOME and puts "
                           "$GPHOME/script on PATH), or set install_method to manual if this cluster was installed "
                           "without the OM")
                        .arg(n.name, m_profile.dbUser));
            else
                report->items << item(QStringLiteral("gs_om-") + n.name, n.name, omTitle, PrecheckSeverity::Pass,
                    n.environment.gsOmPath);
        }

        // A backup left by an earlier attempt or a DBA's own try: the swap cannot keep the current
        // binaries under that name, and a way back built on it would swap in a stale copy.
        const QString leftTitle = Tr::tr("%1: no bin_%2 / lib_%2 left from an earlier attempt").arg(n.name, backupSuffix);
        if (!n.environment.leftovers.isEmpty()) {
            QStringList paths;
            for (const QString& l : n.environment.leftovers)
                paths << np->gausshome + QLatin1Char('/') + l;
            report->items << item(QStringLiteral("leftover-") + n.name, n.name, leftTitle, PrecheckSeverity::Failure,
                Tr::tr("found %1 (bin/ is MogDB %2 now)")
                    .arg(paths.join(QStringLiteral(", ")),
                        n.installedVersion.isEmpty() ? Tr::tr("of an unknown version") : n.installedVersion),
                Tr::tr("if an earlier MogUp run left it, finish it or run its way back (mogup-cli undo --run-dir …); "
                       "if it is a stale copy and bin/ and lib/ are complete, move it out of the way "
                       "(mv %1 %1.old) and check again")
                    .arg(paths.first()));
        } else {
            report->items << item(QStringLiteral("leftover-") + n.name, n.name, leftTitle, PrecheckSeverity::Pass,
                Tr::tr("none"));
        }
    }
}

int Prechecks::requiredSyncStandbys(const QString& synchronousStandbyNames, QStringList* names)
{
    QString v = synchronousStandbyNames.trimmed();
    if (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')) && v.size() >= 2)
        v = v.mid(1, v.size() - 2).trimmed();
    if (v.isEmpty())
        return 0;
    int count = 1;
    // FIRST N (a, b) / ANY N (a, b) / N (a, b): N synchronous standbys out of the list.
    static const QRegularExpression counted(
        QStringLiteral("^(?:(FIRST|ANY)\\s+)?(\\d+)\\s*\\((.*)\\)$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = counted.match(v);
    QString list = v;
    if (m.hasMatch()) {
        count = m.captured(2).toInt();
        list = m.captured(3);
    }
    if (names) {
        names->clear();
        for (const QString& n : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
            *names << n.trimmed().remove(QLatin1Char('"'));
    }
    return count;
}

void Prechecks::checkSyncReplication(PrecheckReport* report, const CancelToken& cancel) const
{
    const NodeProfile* primary = m_profile.node(report->primary);
    if (!primary)
        return;
    const NodeCommands nc(m_profile, *primary);
    const QString title = Tr::tr("Rolling mode keeps commits going while a standby is down");
    if (m_mode && *m_mode == UpgradeMode::Offline) {
        report->items << item(QStringLiteral("sync-rolling"), primary->name, title, PrecheckSeverity::Pass,
            Tr::tr("offline mode stops the whole cluster; synchronous replication does not matter"));
        return;
    }
    auto show = [&](const QString& name, bool* ok) {
        ExecResult r;
        const QString out = collect(m_executor, *primary, nc.gsql(QStringLiteral("show ") + name), cancel, &r);
        *ok = r.ok();
        return out.section(QLatin1Char('\n'), 0, 0).trimmed();
    };
    bool ok1 = false, ok2 = false, ok3 = false;
    const QString names = show(QStringLiteral("synchronous_standby_names"), &ok1);
    const QString mostAvailable = show(QStringLiteral("most_available_sync"), &ok2);
    const QString commit = show(QStringLiteral("synchronous_commit"), &ok3);
    if (!ok1 || !ok2 || !ok3) {
        report->items << item(QStringLiteral("sync-rolling"), primary->name, title, PrecheckSeverity::Warning,
            Tr::tr("the replication settings of %1 could not be read (show synchronous_standby_names, "
                   "most_available_sync, synchronous_commit)")
                .arg(primary->name),
            Tr::tr("read them by hand with gsql on %1 before a rolling upgrade").arg(primary->name));
        return;
    }
    QStringList listed;
    const int required = requiredSyncStandbys(names, &listed);
    const int standbys = int(m_profile.nodes.size()) - 1;
    // Rolling mode stops one standby at a time; the others must still be able to confirm commits.
    int candidates = standbys;
    if (!listed.contains(QStringLiteral("*")) && !listed.isEmpty())
        candidates = std::min<int>(standbys, int(listed.size()));
    const bool commitWaits = commit != QLatin1String("off") && commit != QLatin1String("local");
    const bool mostAvailableOn = mostAvailable == QLatin1String("on") || mostAvailable == QLatin1String("true");
    const QString settings = Tr::tr("synchronous_standby_names = '%1', most_available_sync = %2, synchronous_commit = "
                                    "%3, %4 standby(s)")
                                 .arg(names, mostAvailable, commit)
                                 .arg(standbys);
    if (required == 0 || !commitWaits || mostAvailableOn || candidates - 1 >= required) {
        report->items << item(QStringLiteral("sync-rolling"), primary->name, title, PrecheckSeverity::Pass, settings);
        return;
    }
    report->items << item(QStringLiteral("sync-rolling"), primary->name, title, PrecheckSeverity::Warning,
        Tr::tr("%1. While rolling mode stops a standby, %2 has %3 other standby(s) that can confirm a commit but "
               "synchronous_standby_names asks for %4, and most_available_sync is off: every commit on %2 waits "
               "until that standby is back. That is an outage of the whole upgrade window, not only the "
               "switchover.")
            .arg(settings, primary->name)
            .arg(std::max(0, candidates - 1))
            .arg(required),
        Tr::tr("either turn most_available_sync on for the window (gs_guc reload -N all -I all -c "
               "\"most_available_sync=on\", and back to off afterwards), or use offline mode"));
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
