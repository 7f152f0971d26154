#include "Planner.h"

#include "NodeCommands.h"
#include "ShellQuote.h"
#include "Tr.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace MogUp {

namespace {

// Command timeouts. Unpacking two tarballs of a few hundred MB on a slow disk takes minutes; gs_ctl and
// gs_om wait up to 60 s themselves, and gs_om does it per node.
constexpr int kUnpackTimeoutMs = 600 * 1000;
constexpr int kStopStartTimeoutMs = 180 * 1000;
constexpr int kSwitchoverTimeoutMs = 180 * 1000;
constexpr int kOtherTimeoutMs = 60 * 1000;

int checkTimeoutMs(CheckKind kind)
{
    switch (kind) {
    case CheckKind::DbRunning:
    case CheckKind::ClusterNormal:
    case CheckKind::SwitchedOver:
        return 120 * 1000;
    case CheckKind::CaughtUp:
        // A standby that was down for the swap replays everything the primary wrote meanwhile.
        return 300 * 1000;
    default:
        return 30 * 1000;
    }
}

Check makeCheck(CheckKind kind, const QString& command)
{
    Check c;
    c.kind = kind;
    c.command = command;
    c.timeoutMs = checkTimeoutMs(kind);
    c.intervalMs = 500;
    return c;
}

QString src(const char* text)
{
    return QString::fromLatin1(text);
}

QString id(const NodeProfile& node, StepKind kind, const QString& suffix = {})
{
    return node.name + QLatin1Char('-') + stepKindName(kind) + suffix;
}

Step makeStep(const NodeProfile& node, StepKind kind, const QString& idSuffix = {})
{
    Step s;
    s.id = id(node, kind, idSuffix);
    s.kind = kind;
    s.node = node.name;
    s.timeoutMs = kOtherTimeoutMs;
    return s;
}

// `test -e A && test -e B`: exits 0 only when every path is there.
QString testPaths(const QStringList& paths)
{
    QStringList tests;
    for (const QString& p : paths)
        tests << QStringLiteral("test -e ") + shellQuote(p);
    return tests.join(QStringLiteral(" && "));
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Planner

bool Planner::packageNames(const QString& packageFile, PackageNames* out, QString* error)
{
    const QString fileName = QFileInfo(packageFile).fileName();
    // The shape of MogDB's release tarballs: MogDB-<x.y.z>-<os>-<arch>.tar.gz, with the server tarball
    // inside named <...>-64bit.tar.bz2 whatever the architecture (mogdb-tools.md §6).
    static const QRegularExpression re(
        QStringLiteral("^MogDB-(\\d+\\.\\d+\\.\\d+)-([A-Za-z][A-Za-z0-9_]*)-(x86_64|aarch64)\\.tar\\.gz$"));
    const QRegularExpressionMatch m = re.match(fileName);
    if (!m.hasMatch()) {
        if (error) {
            *error = Tr::tr("package.file: \"%1\" is not a MogDB package name MogUp understands. Expected "
                            "MogDB-<version>-<os>-<x86_64|aarch64>.tar.gz, for example "
                            "MogDB-2.0.3-CentOS-x86_64.tar.gz. Fix: point package.file at the release "
                            "tarball as downloaded, without renaming it.")
                         .arg(packageFile);
        }
        return false;
    }
    const QString version = m.captured(1);
    const QString stem
        = QStringLiteral("MogDB-") + version + QLatin1Char('-') + m.captured(2) + QStringLiteral("-64bit");
    if (out) {
        out->version = version;
        out->outer = fileName;
        out->inner = stem + QStringLiteral(".tar.bz2");
        out->checksum = stem + QStringLiteral(".sha256");
    }
    return true;
}

bool Planner::build(const ClusterProfile& profile, const PlannerOptions& options, Plan* out, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };

    PackageNames package;
    QString packageError;
    if (!packageNames(profile.package.file, &package, &packageError))
        return fail(packageError);

    static const QRegularExpression versionRe(QStringLiteral("^\\d+(\\.\\d+)+$"));
    if (!versionRe.match(options.fromVersion).hasMatch()) {
        return fail(Tr::tr("from version: \"%1\" is not a version like 2.0.1. Fix: give the version the "
                           "cluster runs now.")
                        .arg(options.fromVersion));
    }
    if (options.fromVersion == package.version) {
        return fail(Tr::tr("package.file: the package is MogDB %1, the version the cluster runs already. "
                           "Fix: point package.file at the patch release (MogDB 2.0.3).")
                        .arg(package.version));
    }

    if (profile.nodes.isEmpty())
        return fail(Tr::tr("nodes: the profile has no nodes. Fix: add the primary and its standbys."));

    // Every path below ends up in `cd X && rm -rf bin` style commands; an empty one would make them act
    // on whatever directory the shell starts in, so refuse here even though the profile validator does too.
    for (int i = 0; i < profile.nodes.size(); ++i) {
        const NodeProfile& n = profile.nodes.at(i);
        const auto missing = [&](const QString& field) {
            return Tr::tr("nodes[%1].%2 (node %3): empty. Fix: set it in the profile.")
                .arg(i)
                .arg(field, n.name);
        };
        if (n.gausshome.isEmpty())
            return fail(missing(QStringLiteral("gausshome")));
        if (n.pgdata.isEmpty())
            return fail(missing(QStringLiteral("pgdata")));
        if (profile.unpackDirFor(n).isEmpty()) {
            return fail(Tr::tr("unpack_dir (node %1): empty. Fix: set unpack_dir for the cluster or "
                               "nodes[%2].unpack_dir, for example /opt/mogdb203.")
                            .arg(n.name)
                            .arg(i));
        }
    }

    QString primary = options.primaryNode;
    if (!primary.isEmpty()) {
        if (!PlanSteps::findNode(profile, primary)) {
            QStringList names;
            for (const NodeProfile& n : profile.nodes)
                names << n.name;
            return fail(Tr::tr("primary node: \"%1\" is not a node of this profile (nodes: %2). Fix: name "
                               "one of the profile's nodes as the primary.")
                            .arg(primary, names.join(QStringLiteral(", "))));
        }
    } else {
        QStringList primaries;
        for (const NodeProfile& n : profile.nodes) {
            if (n.role == NodeRole::Primary)
                primaries << n.name;
        }
        if (primaries.isEmpty()) {
            return fail(
                Tr::tr("nodes[].role: no node has role \"primary\". Fix: set \"role\": \"primary\" on "
                       "the node that is primary now (gs_ctl query shows local_role Primary)."));
        }
        if (primaries.size() > 1) {
            return fail(Tr::tr("nodes[].role: more than one node has role \"primary\" (%1). Fix: keep "
                               "\"primary\" only on the node that is primary now.")
                            .arg(primaries.join(QStringLiteral(", "))));
        }
        primary = primaries.first();
    }

    if (options.mode == UpgradeMode::Rolling) {
        bool hasSwitchoverTarget = false;
        for (const NodeProfile* n : PlanSteps::standbys(profile, primary)) {
            if (PlanSteps::standbyMode(*n) == QLatin1String("standby"))
                hasSwitchoverTarget = true;
        }
        if (!hasSwitchoverTarget) {
            return fail(Tr::tr("nodes: a rolling upgrade needs at least one standby besides the primary "
                               "%1 (a cascade standby cannot take over). Fix: add the standby nodes to the "
                               "profile, or choose the offline upgrade.")
                            .arg(primary));
        }
    }

    const Plan plan = options.mode == UpgradeMode::Rolling
        ? RollingPlanner::build(profile, options, package, primary)
        : OfflinePlanner::build(profile, options, package, primary);
    if (out)
        *out = plan;
    return true;
}

// ----------------------------------------------------------------------------------------------
// PlanSteps

PlanSteps::PlanSteps(
    const ClusterProfile& profile, const Planner::PackageNames& package, const QString& fromVersion)
    : m_profile(profile)
    , m_package(package)
    , m_fromVersion(fromVersion)
    , m_suffix(QString(fromVersion).remove(QLatin1Char('.')))
{
}

Plan PlanSteps::newPlan(UpgradeMode mode) const
{
    Plan plan;
    plan.mode = mode;
    plan.profileName = m_profile.name;
    plan.fromVersion = m_fromVersion;
    plan.toVersion = m_package.version;
    plan.id = m_planId;
    if (m_profile.transport == Transport::Ssh) {
        for (const NodeProfile& n : m_profile.nodes)
            plan.nodeHosts.insert(n.name, n.host);
    }
    return plan;
}

QList<const NodeProfile*> PlanSteps::moghaStopOrder(const QString& primaryNode) const
{
    QList<const NodeProfile*> order = standbys(m_profile, primaryNode);
    if (const NodeProfile* p = findNode(m_profile, primaryNode))
        order << p;
    return order;
}

QList<const NodeProfile*> PlanSteps::moghaStartOrder(const QString& primaryNode) const
{
    QList<const NodeProfile*> order;
    if (const NodeProfile* p = findNode(m_profile, primaryNode))
        order << p;
    return order + standbys(m_profile, primaryNode);
}

QString PlanSteps::standbyMode(const NodeProfile& node)
{
    return node.role == NodeRole::CascadeStandby ? QStringLiteral("cascade_standby")
                                                 : QStringLiteral("standby");
}

QString PlanSteps::queryRole(const QString& mode)
{
    if (mode == QLatin1String("primary"))
        return QStringLiteral("Primary");
    if (mode == QLatin1String("cascade_standby"))
        return QStringLiteral("Cascade Standby");
    return QStringLiteral("Standby");
}

QList<const NodeProfile*> PlanSteps::standbys(const ClusterProfile& profile, const QString& primaryNode)
{
    QList<const NodeProfile*> out;
    for (const NodeProfile& n : profile.nodes) {
        if (n.name != primaryNode)
            out << &n;
    }
    return out;
}

const NodeProfile* PlanSteps::findNode(const ClusterProfile& profile, const QString& name)
{
    for (const NodeProfile& n : profile.nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

bool Planner::needsUpload(const ClusterProfile& profile)
{
    return profile.transport == Transport::Ssh && !profile.package.onNodes;
}

QString Planner::packagePathOn(const ClusterProfile& profile, const NodeProfile& node)
{
    if (!needsUpload(profile))
        return profile.package.file;
    return profile.unpackDirFor(node) + QLatin1Char('/') + QFileInfo(profile.package.file).fileName();
}

Step PlanSteps::uploadPackage() const
{
    Step s;
    s.id = QStringLiteral("upload-package");
    s.kind = StepKind::UploadPackage;
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Upload %1 to every node and check its SHA-256"));
    s.titleArgs = QStringList { m_package.outer };
    s.localFile = m_profile.package.file;
    QStringList byHand;
    for (const NodeProfile& n : m_profile.nodes) {
        s.targets << n.name;
        byHand << QStringLiteral("scp -P %1 %2 %3")
                      .arg(n.sshPort)
                      .arg(shellQuote(m_profile.package.file),
                          shellQuote(n.sshUser + QLatin1Char('@') + n.host + QLatin1Char(':')
                              + Planner::packagePathOn(m_profile, n)));
    }
    // Shown in the plan and the script: what the SFTP upload amounts to, as commands a DBA knows.
    s.command = byHand.join(QLatin1Char('\n'));
    s.runAs = RunAs::DbUser;
    s.timeoutMs = 3600 * 1000;
    s.effectDetectable = true; // an identical file already on a node is not sent again
    return s;
}

Step PlanSteps::unpack(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    const QString dir = m_profile.unpackDirFor(node);
    const QString inner = shellQuote(m_package.inner);
    Step s = makeStep(node, StepKind::Unpack);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Unpack %1 on %2"));
    s.titleArgs = QStringList { m_package.outer, node.name };
    // The .sha256 holds the hex digest; taking the first word also accepts "digest  file" lines. A
    // mismatch stops the whole plan here, before any node has been touched.
    const QString verify = QStringLiteral("expected=$(cut -d ' ' -f 1 < ") + shellQuote(m_package.checksum)
        + QStringLiteral(" | tr -d '[:space:]') && got=$(sha256sum ") + inner
        + QStringLiteral(" | cut -d ' ' -f 1) && if [ \"$expected\" != \"$got\" ]; then printf ")
        + shellQuote(QStringLiteral("checksum mismatch for %s: expected %s, got %s\\n")) + QLatin1Char(' ')
        + inner + QStringLiteral(" \"$expected\" \"$got\" >&2; exit 1; fi");
    // As root, like the vendor's procedure: mkdir under /opt, then chown to the database user.
    s.command = nc.asRootShell(QStringLiteral("mkdir -p ") + shellQuote(dir)
        + QStringLiteral(" && tar -xvf ") + shellQuote(Planner::packagePathOn(m_profile, node)) + QStringLiteral(" -C ")
        + shellQuote(dir) + QStringLiteral(" && cd ") + shellQuote(dir) + QStringLiteral(" && ") + verify
        + QStringLiteral(" && tar -xvf ") + inner + QStringLiteral(" && chown -R ")
        + shellQuote(m_profile.dbUser + QLatin1Char(':')) + QLatin1Char(' ') + shellQuote(dir));
    s.runAs = RunAs::Root;
    s.check = makeCheck(CheckKind::BinaryVersion, nc.gaussdbVersionIn(dir + QStringLiteral("/bin")));
    s.check.expectVersion = m_package.version;
    s.timeoutMs = kUnpackTimeoutMs;
    // Leaving an unpacked directory behind is harmless, so there is nothing to undo.
    return s;
}

Step PlanSteps::stopMogha(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::StopMogha);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop MogHA on %1"));
    s.titleArgs = QStringList { node.name };
    s.command = nc.mogha(QStringLiteral("stop"));
    s.runAs = RunAs::Root;
    s.check = makeCheck(CheckKind::MoghaStopped, nc.moghaIsActive());
    s.undoCommand = nc.mogha(QStringLiteral("start"));
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start MogHA on %1"));
    s.undoTitleArgs = s.titleArgs;
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::startMogha(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::StartMogha);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start MogHA on %1"));
    s.titleArgs = QStringList { node.name };
    s.command = nc.mogha(QStringLiteral("start"));
    s.runAs = RunAs::Root;
    s.check = makeCheck(CheckKind::MoghaRunning, nc.moghaIsActive());
    s.undoCommand = nc.mogha(QStringLiteral("stop"));
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop MogHA on %1"));
    s.undoTitleArgs = s.titleArgs;
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::stopCluster(const NodeProfile& from) const
{
    const NodeCommands nc(m_profile, from);
    Step s = makeStep(from, StepKind::StopCluster);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop the whole cluster with gs_om (from %1)"));
    s.titleArgs = QStringList { from.name };
    s.command = nc.gsOm({ QStringLiteral("-t"), QStringLiteral("stop") });
    s.check = makeCheck(CheckKind::ClusterStopped,
        nc.gsOm({ QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") }));
    s.check.expectNodes = int(m_profile.nodes.size());
    s.check.settleMs = m_profile.stopSettleSeconds * 1000;
    // The settle time comes on top of the time the stop itself may take to show.
    s.check.timeoutMs += s.check.settleMs;
    s.undoCommand = nc.gsOm({ QStringLiteral("-t"), QStringLiteral("start") });
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start the whole cluster with gs_om (from %1)"));
    s.undoTitleArgs = s.titleArgs;
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::startCluster(const NodeProfile& from) const
{
    const NodeCommands nc(m_profile, from);
    Step s = makeStep(from, StepKind::StartCluster);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start the whole cluster with gs_om (from %1)"));
    s.titleArgs = QStringList { from.name };
    s.command = nc.gsOm({ QStringLiteral("-t"), QStringLiteral("start") });
    s.check = makeCheck(CheckKind::ClusterNormal,
        nc.gsOm({ QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") }));
    s.check.expectNodes = int(m_profile.nodes.size());
    s.undoCommand = nc.gsOm({ QStringLiteral("-t"), QStringLiteral("stop") });
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop the whole cluster with gs_om (from %1)"));
    s.undoTitleArgs = s.titleArgs;
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::stopDb(const NodeProfile& node, const QString& currentMode) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::StopDb);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop the database on %1"));
    s.titleArgs = QStringList { node.name };
    s.command = nc.gsCtlStop();
    s.check = makeCheck(CheckKind::DbStopped, nc.gsCtlQuery());
    s.check.settleMs = m_profile.stopSettleSeconds * 1000;
    s.check.timeoutMs += s.check.settleMs;
    s.undoCommand = nc.gsCtlStart(currentMode);
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start the database on %1 as %2"));
    s.undoTitleArgs = QStringList { node.name, currentMode };
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::startDb(const NodeProfile& node, const QString& mode) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::StartDb);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Start the database on %1 as %2"));
    s.titleArgs = QStringList { node.name, mode };
    s.command = nc.gsCtlStart(mode);
    s.check = makeCheck(CheckKind::DbRunning, nc.gsCtlQuery());
    s.check.expectRole = queryRole(mode);
    s.undoCommand = nc.gsCtlStop();
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Stop the database on %1"));
    s.undoTitleArgs = QStringList { node.name };
    s.timeoutMs = kStopStartTimeoutMs;
    s.effectDetectable = true;
    return s;
}

namespace {

// The marker a swap leaves in GAUSSHOME, next to the backup and never inside it: bin_201 stays exactly
// what bin/ was.
QString swapMarker(const QString& dir)
{
    return QStringLiteral(".mogup-swap-") + dir;
}

// Shell test, run in GAUSSHOME: the marker holds this plan's id and the backup is there, i.e. this plan
// moved `dir` away. A backup from an earlier attempt or made by hand has no marker, or another plan's.
QString swappedByPlan(const QString& dir, const QString& backup, const QString& planId)
{
    return QStringLiteral("test \"$(cat ") + shellQuote(swapMarker(dir))
        + QStringLiteral(" 2>/dev/null)\" = ") + shellQuote(planId) + QStringLiteral(" && test -d ")
        + shellQuote(backup);
}

QString printErr(const QString& message)
{
    return QStringLiteral("printf '%s\\n' ") + shellQuote(message) + QStringLiteral(" >&2");
}

// swap-bin and swap-lib: the same procedure for bin/ and lib/.
Step swapStep(const ClusterProfile& profile, const NodeProfile& node, StepKind kind, const QString& dir,
    const QString& backup, const QString& planId)
{
    const NodeCommands nc(profile, node);
    const QString home = shellQuote(node.gausshome);
    const QString marker = shellQuote(swapMarker(dir));
    Step s = makeStep(node, kind);
    s.titleArgs = QStringList { node.name, backup };
    // The guard refuses to run over a backup left by an earlier attempt: mv would move bin *into* it and
    // the only copy of the old binaries would be mixed up with the new ones. The marker is written before
    // the mv (a full disk fails the marker, not a half-done swap) and removed again when the mv fails, so
    // it holds this plan's id exactly when this plan moved `dir` away, also when the copy then fails.
    s.command = nc.asDbUserShell(QStringLiteral("cd ") + home + QStringLiteral(" && if test -e ")
        + shellQuote(backup) + QStringLiteral("; then ")
        + printErr(QStringLiteral("MogUp: %1 exists already (left by an earlier attempt or made by hand): %2 "
                                  "was not replaced and nothing was changed. Check what %1 holds and move it "
                                  "away before upgrading.")
                       .arg(backup, dir))
        + QStringLiteral("; exit 1; fi && printf '%s\\n' ") + shellQuote(planId) + QStringLiteral(" > ")
        + marker + QStringLiteral(" && if mv ") + shellQuote(dir) + QLatin1Char(' ') + shellQuote(backup)
        + QStringLiteral("; then cp -r ") + shellQuote(profile.unpackDirFor(node) + QLatin1Char('/') + dir)
        + QStringLiteral(" .; else rm -f ") + marker + QStringLiteral("; exit 1; fi"));
    // What the way back reads when the step did not end ok: did this plan move `dir` away?
    s.effectCheck = makeCheck(CheckKind::PathsPresent,
        nc.asDbUserShell(
            QStringLiteral("cd ") + home + QStringLiteral(" && ") + swappedByPlan(dir, backup, planId)));
    s.effectCheck.paths = QStringList { node.gausshome + QLatin1Char('/') + swapMarker(dir),
        node.gausshome + QLatin1Char('/') + backup };
    // Only this plan's backup goes back: without the marker, removing `dir` would replace the live files
    // with a stale copy (or leave the node with none at all when there is no backup).
    s.undoCommand = nc.asDbUserShell(QStringLiteral("cd ") + home + QStringLiteral(" && if ")
        + swappedByPlan(dir, backup, planId) + QStringLiteral("; then rm -rf ") + shellQuote(dir)
        + QStringLiteral(" && mv ") + shellQuote(backup) + QLatin1Char(' ') + shellQuote(dir)
        + QStringLiteral(" && rm -f ") + marker + QStringLiteral("; else ")
        + printErr(
            QStringLiteral("MogUp: not putting %1 back: %2 does not hold this plan's id (%3), so this plan "
                           "did not make %1 (an earlier attempt or a copy made by hand did). %4 and %1 "
                           "were left as they are.")
                .arg(backup, swapMarker(dir), planId, dir))
        + QStringLiteral("; exit 1; fi"));
    s.undoTitleArgs = s.titleArgs;
    s.effectDetectable = true;
    return s;
}

} // namespace

Step PlanSteps::swapBin(const NodeProfile& node) const
{
    Step s = swapStep(m_profile, node, StepKind::SwapBin, QStringLiteral("bin"),
        QStringLiteral("bin_") + m_suffix, m_planId);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Replace bin on %1 (the old one is kept as %2)"));
    s.check = makeCheck(CheckKind::BinaryVersion, NodeCommands(m_profile, node).gaussdbVersion());
    s.check.expectVersion = m_package.version;
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Put the old bin back on %1 (from %2)"));
    return s;
}

Step PlanSteps::swapLib(const NodeProfile& node) const
{
    const QString backup = QStringLiteral("lib_") + m_suffix;
    Step s = swapStep(m_profile, node, StepKind::SwapLib, QStringLiteral("lib"), backup, m_planId);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Replace lib on %1 (the old one is kept as %2)"));
    const QStringList paths { node.gausshome + QStringLiteral("/lib"),
        node.gausshome + QLatin1Char('/') + backup };
    s.check
        = makeCheck(CheckKind::PathsPresent, NodeCommands(m_profile, node).asDbUserShell(testPaths(paths)));
    s.check.paths = paths;
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Put the old lib back on %1 (from %2)"));
    return s;
}

Step PlanSteps::copyOmFiles(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    const QString backup = QStringLiteral("bin_") + m_suffix + QLatin1Char('/');
    const QString home = shellQuote(node.gausshome);
    Step s = makeStep(node, StepKind::CopyOmFiles);
    s.titleSource
        = src(QT_TRANSLATE_NOOP("MogUp", "Copy the gs_om configuration files into the new bin on %1"));
    s.titleArgs = QStringList { node.name };
    // What the OM keeps in GAUSSHOME/bin besides the server's own files (og-OM@v2.0.1: gs_install's
    // Install.py writes cluster_static_config, upgrade_version, bin/script and edits alarmItem.conf;
    // refreshconf writes cluster_dynamic_config and cluster_dnrole_config; gs_upgradectl's own
    // UpgradeUtility.backupConfig/restoreConfig carries the same files and the node's key files across
    // a binary upgrade). The vendor's procedure copies the first two only; the rest is carried when
    // present, each with the reason shown in the plan. `cp -p` keeps their modes (upgrade_version 600).
    QString command = QStringLiteral("cd ") + home;
    const QList<OmCarryOver> items = omCarryOver();
    QStringList required;
    for (const OmCarryOver& c : items) {
        const QString from = shellQuote(backup + c.name);
        const QString copy = (c.directory ? QStringLiteral("cp -rp ") : QStringLiteral("cp -p ")) + from + QStringLiteral(" bin/");
        if (c.required) {
            command += QStringLiteral(" && ") + copy;
            required << node.gausshome + QStringLiteral("/bin/") + c.name;
        } else {
            // A glob-free test per name: only what the old bin/ really has is carried over.
            command += QStringLiteral(" && if test -e ") + from + QStringLiteral("; then ") + copy + QStringLiteral("; fi");
        }
        s.notes.append(Step::Note { c.noteSource, { c.name } });
    }
    s.command = nc.asDbUserShell(command);
    const QStringList paths = required;
    s.check = makeCheck(CheckKind::PathsPresent, nc.asDbUserShell(testPaths(paths)));
    s.check.paths = paths;
    // The undo takes back only what this step copied: only in the bin/ this plan put there (its swap-bin
    // marker), and only a file still identical to the one in bin_201 (a cluster_dynamic_config that
    // refreshconf wrote since is newer and stays). Where the package has a file of that name
    // (alarmItem.conf) the package's copy comes back, as the step found it.
    const QString oldDir = QStringLiteral("bin_") + m_suffix;
    const QString unpackBin = m_profile.unpackDirFor(node) + QStringLiteral("/bin/");
    QStringList takeBack;
    for (const OmCarryOver& c : items) {
        const QString copied = shellQuote(QStringLiteral("bin/") + c.name);
        const QString fromPackage = shellQuote(unpackBin + c.name);
        const QString kept = shellQuote(backup + c.name);
        const QString same = c.directory
            ? QString(QStringLiteral("diff -r ") + kept + QLatin1Char(' ') + copied
                + QStringLiteral(" >/dev/null 2>&1"))
            : QString(QStringLiteral("cmp -s ") + kept + QLatin1Char(' ') + copied);
        takeBack << QStringLiteral("if ") + same + QStringLiteral("; then ")
                + (c.directory ? QStringLiteral("rm -rf ") : QStringLiteral("rm -f ")) + copied
                + QStringLiteral(" && if test -e ") + fromPackage + QStringLiteral("; then ")
                + (c.directory ? QStringLiteral("cp -rp ") : QStringLiteral("cp -p ")) + fromPackage
                + QStringLiteral(" bin/; fi; fi");
    }
    s.undoCommand = nc.asDbUserShell(QStringLiteral("cd ") + home + QStringLiteral(" && if ")
        + swappedByPlan(QStringLiteral("bin"), oldDir, m_planId) + QStringLiteral("; then ")
        + takeBack.join(QStringLiteral(" && ")) + QStringLiteral("; else ")
        + printErr(QStringLiteral(
            "MogUp: not removing gs_om files from bin: %1 does not hold this plan's id (%2), so "
            "this plan did not put that bin there. Nothing was changed.")
                       .arg(swapMarker(QStringLiteral("bin")), m_planId))
        + QStringLiteral("; exit 1; fi"));
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Remove the copied gs_om configuration files on %1"));
    s.undoTitleArgs = s.titleArgs;
    s.effectDetectable = true;
    return s;
}

QList<PlanSteps::OmCarryOver> PlanSteps::omCarryOver()
{
    return {
        { QStringLiteral("cluster_static_config"), false, true,
            src(QT_TRANSLATE_NOOP("MogUp", "%1: gs_om reads the cluster's nodes, data directories and ports from it")) },
        { QStringLiteral("upgrade_version"), false, true,
            src(QT_TRANSLATE_NOOP("MogUp", "%1: gs_om reads it beside cluster_static_config to know that file's format; "
                                           "without it every gs_om command fails (GAUSS-50201)")) },
        { QStringLiteral("cluster_dynamic_config"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): the roles the last refreshconf recorded; gs_om -t start "
                                           "starts each node with them, not with the install-time roles")) },
        { QStringLiteral("cluster_dnrole_config"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): the per-node roles refreshconf writes beside the dynamic "
                                           "configuration")) },
        { QStringLiteral("alarmItem.conf"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): gs_install set this cluster's alarm_component in it; the "
                                           "package's copy only has the default")) },
        { QStringLiteral("script"), true, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1/ (if present): the copy of the OM scripts gs_install put into bin/; "
                                           "the OM's upgrade and backup tools read the cluster layout code from it")) },
        { QStringLiteral("logic_cluster_name.txt"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): the logical cluster name the OM keeps")) },
        { QStringLiteral("server.key.cipher"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): this node's own encryption key, as gs_upgradectl carries it "
                                           "over; what was encrypted with it stays readable")) },
        { QStringLiteral("server.key.rand"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): the random part of this node's server key")) },
        { QStringLiteral("datasource.key.cipher"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): this node's data source key (gs_upgradectl keeps it too)")) },
        { QStringLiteral("datasource.key.rand"), false, false,
            src(QT_TRANSLATE_NOOP("MogUp", "%1 (if present): the random part of this node's data source key")) },
    };
}

Step PlanSteps::waitCatchup(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::WaitCatchup);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Wait until %1 has caught up with the primary"));
    s.titleArgs = QStringList { node.name };
    // The command shows the replication state in the log; the check polls it until caught up.
    s.command = nc.gsCtlQuery();
    s.check = makeCheck(CheckKind::CaughtUp, nc.gsCtlQuery());
    s.check.maxLagBytes = m_profile.catchupMaxLagBytes;
    return s;
}

Step PlanSteps::switchover(const NodeProfile& newPrimary, const NodeProfile& oldPrimary, bool back) const
{
    const NodeCommands nc(m_profile, newPrimary);
    const NodeCommands oldNc(m_profile, oldPrimary);
    Step s = makeStep(newPrimary, StepKind::Switchover, back ? QStringLiteral("-back") : QString());
    s.titleSource = back
        ? src(QT_TRANSLATE_NOOP("MogUp", "Switch back: %1 becomes primary again, %2 standby"))
        : src(QT_TRANSLATE_NOOP("MogUp", "Switch over: %1 becomes primary, %2 standby"));
    s.titleArgs = QStringList { newPrimary.name, oldPrimary.name };
    // gs_ctl switchover only takes effect on the standby that is to be promoted (mogdb-tools.md §2.4).
    s.command = nc.gsCtlSwitchover();
    // Its exit code is 0 even on a timeout, so only the new primary's own state proves it.
    s.check = makeCheck(CheckKind::SwitchedOver, nc.gsCtlQuery());
    s.check.expectRole = QStringLiteral("Primary");
    s.undoCommand = oldNc.gsCtlSwitchover();
    // Every switchover needs a refreshconf on om installs, the undoing one too (the vendor procedure).
    if (m_profile.installMethod == InstallMethod::Om)
        s.undoCommand
            += QStringLiteral(" && ") + oldNc.gsOm({ QStringLiteral("-t"), QStringLiteral("refreshconf") });
    s.undoNode = oldPrimary.name;
    s.undoTitleSource = src(QT_TRANSLATE_NOOP("MogUp", "Switch over so that %1 is primary again"));
    s.undoTitleArgs = QStringList { oldPrimary.name };
    s.timeoutMs = kSwitchoverTimeoutMs;
    // A repeated switchover on a node that is primary already does nothing; the check tells it is done.
    s.effectDetectable = true;
    return s;
}

Step PlanSteps::refreshConf(const NodeProfile& primary, bool back) const
{
    const NodeCommands nc(m_profile, primary);
    Step s = makeStep(primary, StepKind::RefreshConf, back ? QStringLiteral("-back") : QString());
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Record the new roles with gs_om refreshconf (on %1)"));
    s.titleArgs = QStringList { primary.name };
    s.command = nc.gsOm({ QStringLiteral("-t"), QStringLiteral("refreshconf") });
    s.check = makeCheck(CheckKind::ClusterNormal,
        nc.gsOm({ QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") }));
    s.check.expectNodes = int(m_profile.nodes.size());
    // Nothing to undo on its own: the switchover's undo runs refreshconf again.
    return s;
}

Step PlanSteps::verifyVersion(const NodeProfile& node) const
{
    const NodeCommands nc(m_profile, node);
    Step s = makeStep(node, StepKind::Verify);
    s.titleSource = src(QT_TRANSLATE_NOOP("MogUp", "Check that %1 runs MogDB %2"));
    s.titleArgs = QStringList { node.name, m_package.version };
    s.command = nc.gsql(QStringLiteral("select version()"));
    s.check = makeCheck(CheckKind::RunningVersion, s.command);
    s.check.expectVersion = m_package.version;
    return s;
}

Step PlanSteps::verifyCluster(const NodeProfile& primary) const
{
    const NodeCommands nc(m_profile, primary);
    Step s = makeStep(primary, StepKind::Verify, QStringLiteral("-cluster"));
    s.titleSource
        = src(QT_TRANSLATE_NOOP("MogUp", "Check the cluster state: %1 primary, all %2 nodes normal"));
    s.titleArgs = QStringList { primary.name, QString::number(m_profile.nodes.size()) };
    s.command = m_profile.installMethod == InstallMethod::Om
        ? nc.gsOm({ QStringLiteral("-t"), QStringLiteral("status"), QStringLiteral("--detail") })
        : nc.gsCtlQuery();
    s.check = makeCheck(CheckKind::ClusterNormal, s.command);
    s.check.expectNodes = int(m_profile.nodes.size());
    return s;
}

} // namespace MogUp
