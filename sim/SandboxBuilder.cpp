#include "SandboxBuilder.h"

#include "SandboxProfile.h"
#include "SimClusterConfig.h"
#include "SimClusterUtil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <memory>
#include <vector>

#include <pwd.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

namespace Sim {

namespace {

// The two builds the sandbox uses (mogdb-tools.md §2.5, §3.5; 2.0.3's build id is made up, see
// sim/CMakeLists.txt).
struct Build
{
    const char* version;
    const char* build;
    const char* number;
};
constexpr Build Old { "2.0.1", "f892ccb7", "92.299" };
constexpr Build New { "2.0.3", "b5bc5bc4", "92.300" };

const char* const PackageName = "MogDB-2.0.3-CentOS-x86_64.tar.gz";
const char* const ServerTarName = "MogDB-2.0.3-CentOS-64bit.tar.bz2";
const char* const ServerShaName = "MogDB-2.0.3-CentOS-64bit.sha256";
const char* const ClusterName = "mogdb_cluster";

QString simProgramName(const Build& b)
{
    return QStringLiteral("mogdb-sim-") + QLatin1String(b.version);
}

QString marker(const Build& b)
{
    return QStringLiteral("MogDB %1 build %2\n").arg(QLatin1String(b.version), QLatin1String(b.build));
}

bool mkdirs(const QString& path, QString* error)
{
    if (QDir().mkpath(path))
        return true;
    *error = QStringLiteral("cannot create directory %1").arg(path);
    return false;
}

bool writeText(const QString& path, const QByteArray& data, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write(data);
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool writeText(const QString& path, const QString& text, QString* error)
{
    return writeText(path, text.toUtf8(), error);
}

bool makeSymlink(const QString& target, const QString& link, QString* error)
{
    QFile::remove(link);
    if (::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) == 0)
        return true;
    *error = QStringLiteral("cannot create symlink %1 -> %2").arg(link, target);
    return false;
}

bool copyExecutable(const QString& from, const QString& to, QString* error)
{
    QFile::remove(to);
    if (!QFile::copy(from, to)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(from, to);
        return false;
    }
    QFile::setPermissions(to,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    return true;
}

QString currentUserName()
{
    if (const passwd* pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

QString resolveSimBinDir(const SandboxOptions& options)
{
    if (!options.simBinDir.isEmpty())
        return options.simBinDir;
    const QString env = qEnvironmentVariable("MOGUP_SIM_BIN_DIR");
    if (!env.isEmpty())
        return env;
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
}

// A MogDB install tree (bin/ lib/ share/) of one build: gaussdb = the sim program, the tools are
// relative symlinks to it, lib/ holds text markers naming the build.
bool populateInstall(const QString& home, const QString& simProgram, const Build& b, QString* error)
{
    const QString bin = home + QStringLiteral("/bin");
    const QString lib = home + QStringLiteral("/lib");
    const QString share = home + QStringLiteral("/share/postgresql");
    if (!mkdirs(bin, error) || !mkdirs(lib + QStringLiteral("/postgresql/pg_plugin"), error) || !mkdirs(share, error))
        return false;
    if (!copyExecutable(simProgram, bin + QStringLiteral("/gaussdb"), error))
        return false;
    // The server's own tools only: the OM tools (gs_om ...) are not part of the server package; an OM
    // install keeps them in $GPHOME/script (installOmTools).
    for (const char* name : { "mogdb", "gs_ctl", "gsql" }) {
        if (!makeSymlink(QStringLiteral("gaussdb"), bin + QLatin1Char('/') + QLatin1String(name), error))
            return false;
    }
    // Configuration files the server package ships in bin/ (og-server@v2.0.1
    // build/script/opengauss_release_list_centos_single, [server]). gs_install edits alarmItem.conf.
    if (!writeText(bin + QStringLiteral("/alarmItem.conf"),
            QStringLiteral("# alarmItem.conf of %1\nalarm_component = /opt/huawei/snas/bin/snas_cm_cmd\n").arg(marker(b)), error)
        || !writeText(bin + QStringLiteral("/cluster_guc.conf"), QStringLiteral("# cluster_guc.conf of %1\n").arg(marker(b)), error)
        || !writeText(bin + QStringLiteral("/retry_errcodes.conf"),
            QStringLiteral("# retry_errcodes.conf of %1\n").arg(marker(b)), error))
        return false;
    if (!writeText(lib + QStringLiteral("/libpq.so.5.5"), marker(b), error)
        || !makeSymlink(QStringLiteral("libpq.so.5.5"), lib + QStringLiteral("/libpq.so.5"), error)
        || !makeSymlink(QStringLiteral("libpq.so.5"), lib + QStringLiteral("/libpq.so"), error)
        || !writeText(lib + QStringLiteral("/libcrypto.so.1.1"), marker(b), error)
        || !writeText(lib + QStringLiteral("/postgresql/pg_plugin/README"), marker(b), error)
        || !writeText(share + QStringLiteral("/postgresql.conf.sample"),
            QStringLiteral("# postgresql.conf.sample of ") + marker(b), error))
        return false;
    return true;
}

// For each node a port P with P and P+1 free on its host (tested by binding). Random ports below
// the kernel's ephemeral range, never fixed ones, so sandboxes can run side by side.
bool pickPorts(QList<SandboxNode>* nodes, QString* error)
{
    std::vector<std::unique_ptr<QTcpServer>> held;
    QSet<int> used;
    auto* rng = QRandomGenerator::global();
    for (SandboxNode& n : *nodes) {
        bool found = false;
        for (int attempt = 0; attempt < 500 && !found; ++attempt) {
            const int p = 20000 + 2 * int(rng->bounded(6000)); // 20000..31998, even
            if (used.contains(p) || used.contains(p + 1))
                continue;
            auto a = std::make_unique<QTcpServer>();
            auto b = std::make_unique<QTcpServer>();
            if (!a->listen(QHostAddress(n.host), quint16(p)) || !b->listen(QHostAddress(n.host), quint16(p + 1)))
                continue;
            held.push_back(std::move(a));
            held.push_back(std::move(b));
            used.insert(p);
            used.insert(p + 1);
            n.dbPort = p;
            found = true;
        }
        if (!found) {
            *error = QStringLiteral("cannot find two free consecutive ports on %1").arg(n.host);
            return false;
        }
    }
    for (auto& s : held)
        s->close();
    return true;
}

QString postgresqlConf(const SandboxConfig& config, const SandboxNode& node)
{
    QString t;
    t += QStringLiteral("# postgresql.conf of %1 (MogDB %2 sandbox, written by the MogUp sandbox builder)\n")
             .arg(node.name, QLatin1String(Old.version));
    t += QStringLiteral("port = %1\n").arg(node.dbPort);
    t += QStringLiteral("listen_addresses = '%1'\n").arg(node.host);
    t += QStringLiteral("max_connections = 200\n");
    t += QStringLiteral("wal_level = hot_standby\n");
    t += QStringLiteral("hot_standby = on\n");
    t += QStringLiteral("max_wal_senders = 8\n");
    t += QStringLiteral("wal_keep_segments = 16\n");
    int k = 0;
    for (const SandboxNode& other : config.nodes) {
        if (other.name == node.name)
            continue;
        ++k;
        t += QStringLiteral("replconninfo%1 = 'localhost=%2 localport=%3 localheartbeatport=%4 remotehost=%5 "
                            "remoteport=%6 remoteheartbeatport=%7'\n")
                 .arg(k)
                 .arg(node.host)
                 .arg(node.dbPort + 1)
                 .arg(node.dbPort + 5)
                 .arg(other.host)
                 .arg(other.dbPort + 1)
                 .arg(other.dbPort + 5);
    }
    const bool standby = node.initialRole != QLatin1String("primary");
    t += QStringLiteral("archive_mode = %1\n").arg(standby ? QStringLiteral("on") : QStringLiteral("off"));
    t += QStringLiteral("archive_dest = '%1/archive'\n").arg(node.root);
    t += QStringLiteral("synchronous_standby_names = '*'\n");
    t += QStringLiteral("synchronous_commit = on\n");
    t += QStringLiteral("most_available_sync = off\n");
    t += QStringLiteral("log_directory = 'pg_log'\n");
    return t;
}

QString bashrc(const SandboxConfig& config, const SandboxNode& node)
{
    QString t = QStringLiteral("# MogDB environment of %1 (sandbox %2)\n").arg(node.name, config.root);
    if (config.install == QLatin1String("om")) {
        // As gs_preinstall writes it (og-OM PreInstallUtility): the OM tool directory first, so gs_om and
        // the other OM tools are found by name; GAUSSHOME/bin is prepended after it.
        t += QStringLiteral("export GPHOME=%1\n").arg(omToolDir(node));
        t += QStringLiteral("export PATH=$GPHOME/script/gspylib/pssh/bin:$GPHOME/script:$PATH\n");
        t += QStringLiteral("export LD_LIBRARY_PATH=$GPHOME/script/gspylib/clib:$LD_LIBRARY_PATH\n");
    }
    t += QStringLiteral("export GAUSSHOME=%1\n").arg(node.gausshome);
    t += QStringLiteral("export PGDATA=%1\n").arg(node.pgdata);
    t += QStringLiteral("export PATH=$GAUSSHOME/bin:$PATH\n");
    t += QStringLiteral("export LD_LIBRARY_PATH=$GAUSSHOME/lib:$LD_LIBRARY_PATH\n");
    t += QStringLiteral("export GAUSSLOG=%1/log\n").arg(node.root);
    t += QStringLiteral("export PGPORT=%1\n").arg(node.dbPort);
    if (config.install == QLatin1String("om")) {
        t += QStringLiteral("export GAUSS_ENV=2\n");
        t += QStringLiteral("export GS_CLUSTER_NAME=%1\n").arg(QLatin1String(ClusterName));
    }
    return t;
}

QString nodeConf(const SandboxConfig& config, const SandboxNode& node)
{
    const QString dir = node.root + QStringLiteral("/mogha");
    QString t = QStringLiteral("[config]\n");
    t += QStringLiteral("db_port=%1\n").arg(node.dbPort);
    t += QStringLiteral("db_user=%1\n").arg(config.dbUser);
    t += QStringLiteral("db_datadir=%1\n").arg(node.pgdata);
    t += QStringLiteral("primary_info=%1/primary_info\n").arg(dir);
    t += QStringLiteral("standby_info=%1/standby_info\n").arg(dir);
    t += QStringLiteral("lite_mode=True\n");
    t += QStringLiteral("agent_port=%1\n").arg(8080 + node.instanceId - 6000);
    t += QStringLiteral("heartbeat_interval=1\n");
    t += QStringLiteral("log_dir=%1\n").arg(dir);
    t += QStringLiteral("handle_down_primary=True\n");
    t += QStringLiteral("handle_down_standby=True\n");
    t += QStringLiteral("primary_down_handle_method=restart\n");
    t += QStringLiteral("restart_strategy=10/3\n");
    QStringList hosts;
    for (int i = 0; i < config.nodes.size(); ++i) {
        t += QStringLiteral("\n[host%1]\nip=%2\nheartbeat_ips=\n").arg(i + 1).arg(config.nodes.at(i).host);
        hosts.append(QStringLiteral("host%1").arg(i + 1));
    }
    t += QStringLiteral("\n[zone1]\nvip=\nhosts=%1\nping_list=127.0.0.1\ncascades=\narping=\n").arg(hosts.join(QLatin1Char(',')));
    return t;
}

QString unitFile(const SandboxConfig& config, const SandboxNode& node)
{
    const QString dir = node.root + QStringLiteral("/mogha");
    return QStringLiteral("[Unit]\n"
                          "Description=MogHA High Available Service\n"
                          "After=network.target remote-fs.target nss-lookup.target\n"
                          "\n"
                          "[Service]\n"
                          "Environment=GAUSSHOME=%1\n"
                          "Environment=PGDATA=%2\n"
                          "Environment=LD_LIBRARY_PATH=%1/lib\n"
                          "Type=simple\n"
                          "User=%3\n"
                          "WorkingDirectory=%4\n"
                          "ExecStart=%4/mogha -c %4/node.conf\n"
                          "KillSignal=SIGTERM\n"
                          "TimeoutStopSec=5\n"
                          "KillMode=process\n"
                          "PrivateTmp=false\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=multi-user.target\n")
        .arg(node.gausshome, node.pgdata, config.dbUser, dir);
}

QString realTool(const QString& name, const QString& root)
{
    const QString found = QStandardPaths::findExecutable(name);
    if (!found.isEmpty() && !found.startsWith(root + QLatin1Char('/')))
        return found;
    return QStringLiteral("/usr/bin/") + name;
}

// The 2.0.3 package, shaped like the vendor's: an outer .tar.gz holding the server .tar.bz2 and its
// .sha256 (hex digest only, as openGauss's mpp_package.sh writes it).
bool buildPackage(const QString& root, QString* error)
{
    const QString packages = root + QStringLiteral("/packages");
    const QString staging = packages + QStringLiteral("/.staging");
    const QString tree = staging + QStringLiteral("/server");
    if (!mkdirs(tree, error))
        return false;
    if (!populateInstall(tree, root + QStringLiteral("/sim/") + simProgramName(New), New, error))
        return false;
    if (!writeText(tree + QStringLiteral("/version.cfg"),
            QStringLiteral("MogDB-%1\n%2\n%3\n").arg(QLatin1String(New.version), QLatin1String(New.number),
                QLatin1String(New.build)),
            error))
        return false;
    const QString tar = realTool(QStringLiteral("tar"), root);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList owner { QStringLiteral("--owner=omm:1000"), QStringLiteral("--group=dbgrp:1000") };
    ToolRun r = runTool(tar,
        QStringList { QStringLiteral("-cjf"), staging + QLatin1Char('/') + QLatin1String(ServerTarName) } + owner
            + QStringList { QStringLiteral("-C"), tree, QStringLiteral("bin"), QStringLiteral("lib"), QStringLiteral("share"),
                QStringLiteral("version.cfg") },
        env, 120000);
    if (!r.finished || r.exitCode != 0) {
        *error = QStringLiteral("cannot build %1: %2").arg(QLatin1String(ServerTarName), r.output.trimmed());
        return false;
    }
    QFile bz2(staging + QLatin1Char('/') + QLatin1String(ServerTarName));
    if (!bz2.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(bz2.fileName());
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&bz2);
    bz2.close();
    if (!writeText(staging + QLatin1Char('/') + QLatin1String(ServerShaName), hash.result().toHex() + '\n', error))
        return false;
    r = runTool(tar,
        QStringList { QStringLiteral("-czf"), packages + QLatin1Char('/') + QLatin1String(PackageName) } + owner
            + QStringList { QStringLiteral("-C"), staging, QLatin1String(ServerTarName), QLatin1String(ServerShaName) },
        env, 120000);
    if (!r.finished || r.exitCode != 0) {
        *error = QStringLiteral("cannot build %1: %2").arg(QLatin1String(PackageName), r.output.trimmed());
        return false;
    }
    QDir(staging).removeRecursively();
    return true;
}

// What gs_preinstall and gs_install leave on an OM node (og-OM@v2.0.1 script/local/Install.py): the OM
// tool directory $GPHOME (gs_om in $GPHOME/script, reached through the env file's PATH), a copy of that
// script/ directory in GAUSSHOME/bin/script, alarmItem.conf edited for the alarm component, and the
// cluster's cluster_static_config and upgrade_version in GAUSSHOME/bin (written by the caller).
bool installOmTools(const SandboxConfig& config, const SandboxNode& node, QString* error)
{
    const QString gphome = omToolDir(node);
    const QString script = gphome + QStringLiteral("/script");
    if (!mkdirs(script + QStringLiteral("/gspylib/pssh/bin"), error) || !mkdirs(script + QStringLiteral("/gspylib/clib"), error)
        || !mkdirs(script + QStringLiteral("/gspylib/common"), error) || !mkdirs(script + QStringLiteral("/local"), error))
        return false;
    // gs_om is the OM that came with the 2.0.1 install; swapping the server's bin/ never changes it.
    if (!makeSymlink(QStringLiteral("../../../sim/") + simProgramName(Old), script + QStringLiteral("/gs_om"), error))
        return false;
    const QString om = QStringLiteral("# openGauss OM %1 (MogDB sandbox)\n").arg(QLatin1String(Old.version));
    if (!writeText(script + QStringLiteral("/gspylib/common/DbClusterInfo.py"), om, error)
        || !writeText(script + QStringLiteral("/local/StartInstance.py"), om, error))
        return false;
    // Install.py: cp $GPHOME/script to $GAUSSHOME/bin/.
    const QString binScript = node.gausshome + QStringLiteral("/bin/script");
    if (!mkdirs(binScript + QStringLiteral("/gspylib/common"), error)
        || !writeText(binScript + QStringLiteral("/gspylib/common/DbClusterInfo.py"), om, error))
        return false;
    // Install.py __modifyAlarmItemConfFile: comment out the shipped alarm_component, append the cluster's.
    if (!writeText(node.gausshome + QStringLiteral("/bin/alarmItem.conf"),
            QStringLiteral("# alarmItem.conf of MogDB %1 build %2\n#alarm_component = /opt/huawei/snas/bin/snas_cm_cmd\n"
                           "    \nalarm_component = %3/alarm/snas_cm_cmd\n")
                .arg(QLatin1String(Old.version), QLatin1String(Old.build), config.root),
            error))
        return false;
    return true;
}

bool buildNode(const SandboxConfig& config, const SandboxNode& node, QString* error)
{
    const QString simOld = config.root + QStringLiteral("/sim/") + simProgramName(Old);
    for (const QString& d : QStringList { node.root + QStringLiteral("/app"), node.pgdata + QStringLiteral("/pg_log"),
             node.root + QStringLiteral("/home"), node.root + QStringLiteral("/log"), node.root + QStringLiteral("/mogha"),
             node.root + QStringLiteral("/mogdb203"), node.root + QStringLiteral("/archive") }) {
        if (!mkdirs(d, error))
            return false;
    }
    if (!populateInstall(node.gausshome, simOld, Old, error))
        return false;
    if (config.install == QLatin1String("om")) {
        if (!installOmTools(config, node, error))
            return false;
        QList<StaticNodeRecord> records;
        int localId = 0;
        for (int i = 0; i < config.nodes.size(); ++i) {
            const SandboxNode& n = config.nodes.at(i);
            StaticNodeRecord rec;
            rec.id = i + 1;
            rec.name = n.name;
            rec.ip = n.host;
            rec.port = n.dbPort;
            rec.instanceId = n.instanceId;
            rec.datadir = n.pgdata;
            rec.gausshome = n.gausshome;
            rec.installRole = n.initialRole == QLatin1String("primary") ? QLatin1Char('P') : QLatin1Char('S');
            rec.clusterName = QLatin1String(ClusterName);
            records.append(rec);
            if (n.name == node.name)
                localId = rec.id;
        }
        if (!writeStaticConfig(node.gausshome + QStringLiteral("/bin/cluster_static_config"), records, localId, error))
            return false;
        if (!writeText(node.gausshome + QStringLiteral("/bin/upgrade_version"),
                QStringLiteral("%1\n%2\n%3\n").arg(QLatin1String(Old.version), QLatin1String(Old.number),
                    QLatin1String(Old.build)),
                error))
            return false;
    }
    if (!writeText(node.pgdata + QStringLiteral("/postgresql.conf"), postgresqlConf(config, node), error)
        || !writeText(node.pgdata + QStringLiteral("/PG_VERSION"), QByteArray("9.2\n"), error)
        || !writeText(node.pgdata + QStringLiteral("/pg_hba.conf"),
            QStringLiteral("local   all             all                                     trust\n"
                           "host    all             all             127.0.0.1/8             trust\n"
                           "host    replication     all             127.0.0.1/8             trust\n"),
            error)
        || !writeText(node.root + QStringLiteral("/home/.bashrc"), bashrc(config, node), error))
        return false;
    QFile::setPermissions(node.pgdata, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString mogha = node.root + QStringLiteral("/mogha");
    if (!writeText(mogha + QStringLiteral("/node.conf"), nodeConf(config, node), error))
        return false;
    if (config.mogha) {
        if (!writeText(mogha + QStringLiteral("/mogha.service"), unitFile(config, node), error)
            || !makeSymlink(QStringLiteral("../../sim/") + simProgramName(Old), mogha + QStringLiteral("/mogha"), error))
            return false;
    }
    return true;
}

int countStreaming(const QString& queryOutput)
{
    static const QRegularExpression re(QStringLiteral("^\\s*state\\s*:\\s*Streaming\\s*$"),
        QRegularExpression::MultilineOption);
    int n = 0;
    auto it = re.globalMatch(queryOutput);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

bool startDatabases(const SandboxConfig& config, QString* error, const SandboxBuilder::Progress& progress)
{
    auto start = [&](const SandboxNode& n) {
        const QString mode = n.initialRole;
        if (progress)
            progress(QStringLiteral("Starting %1 (%2) on %3:%4").arg(n.name, mode, n.host).arg(n.dbPort));
        const ToolRun r = runTool(n.gausshome + QStringLiteral("/bin/gs_ctl"),
            { QStringLiteral("start"), QStringLiteral("-D"), n.pgdata, QStringLiteral("-M"), mode },
            nodeEnvironment(config, n), 120000);
        if (!r.finished || r.exitCode != 0) {
            *error = QStringLiteral("gs_ctl start -D %1 -M %2 failed (exit %3):\n%4")
                         .arg(n.pgdata, mode)
                         .arg(r.exitCode)
                         .arg(r.output.trimmed());
            return false;
        }
        return true;
    };
    const SandboxNode* primary = nullptr;
    for (const SandboxNode& n : config.nodes) {
        if (n.initialRole == QLatin1String("primary")) {
            if (!start(n))
                return false;
            primary = &n;
        }
    }
    for (const SandboxNode& n : config.nodes) {
        if (n.initialRole != QLatin1String("primary") && !start(n))
            return false;
    }
    if (!primary || config.nodes.size() < 2)
        return true;
    if (progress)
        progress(QStringLiteral("Waiting until every standby streams from %1").arg(primary->name));
    const int want = int(config.nodes.size()) - 1;
    QDeadlineTimer deadline(60000);
    QString last;
    while (true) {
        const ToolRun r = runTool(primary->gausshome + QStringLiteral("/bin/gs_ctl"),
            { QStringLiteral("query"), QStringLiteral("-D"), primary->pgdata }, nodeEnvironment(config, *primary), 30000);
        last = r.output;
        if (r.finished && r.exitCode == 0 && countStreaming(r.output) >= want)
            return true;
        if (deadline.hasExpired())
            break;
        QThread::msleep(200);
    }
    *error = QStringLiteral("the standbys did not reach Streaming within 60 s; last gs_ctl query on %1:\n%2")
                 .arg(primary->name, last.trimmed());
    return false;
}

bool startMogha(const SandboxConfig& config, QString* error, const SandboxBuilder::Progress& progress)
{
    const QString systemctl = config.root + QStringLiteral("/bin/systemctl");
    for (const SandboxNode& n : config.nodes) {
        if (progress)
            progress(QStringLiteral("Starting MogHA on %1").arg(n.name));
        const ToolRun r = runTool(systemctl, { QStringLiteral("start"), QStringLiteral("mogha") },
            nodeEnvironment(config, n), 30000);
        if (!r.finished || r.exitCode != 0) {
            *error = QStringLiteral("systemctl start mogha failed on %1: %2").arg(n.name, r.output.trimmed());
            return false;
        }
    }
    return true;
}

bool isEmptyDir(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).isEmpty();
}

QList<qint64> ancestors()
{
    QList<qint64> list;
    qint64 pid = ::getpid();
    for (int guard = 0; pid > 1 && guard < 64; ++guard) {
        list.append(pid);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            break;
        const QByteArray s = stat.readAll();
        const int close = s.lastIndexOf(')');
        if (close < 0)
            break;
        const QList<QByteArray> fields = s.mid(close + 2).split(' ');
        pid = fields.value(1).toLongLong(); // state, ppid
    }
    return list;
}

bool waitAllGone(const QList<qint64>& pids, int ms)
{
    QDeadlineTimer deadline(ms);
    while (true) {
        bool any = false;
        for (qint64 p : pids)
            any = any || processAlive(p);
        if (!any)
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
}

void signalAndWait(const QList<qint64>& pids, int sig, int graceMs)
{
    QList<qint64> live;
    for (qint64 p : pids) {
        if (processAlive(p) && ::kill(pid_t(p), sig) == 0)
            live.append(p);
    }
    if (live.isEmpty())
        return;
    if (!waitAllGone(live, graceMs)) {
        for (qint64 p : live) {
            if (processAlive(p))
                ::kill(pid_t(p), SIGKILL);
        }
        waitAllGone(live, 3000);
    }
}

QString cmdlineOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray b = f.readAll();
    b.replace('\0', ' ');
    return QString::fromLocal8Bit(b).trimmed();
}

} // namespace

bool SandboxBuilder::init(const SandboxOptions& options, SandboxConfig* out, QString* error, const Progress& progress)
{
    auto say = [&](const QString& m) {
        if (progress)
            progress(m);
    };
    if (options.dir.isEmpty()) {
        *error = QStringLiteral("no sandbox directory given");
        return false;
    }
    if (options.nodes < 1 || options.nodes > 9) {
        *error = QStringLiteral("a sandbox has 1 to 9 nodes (asked for %1)").arg(options.nodes);
        return false;
    }
    if (options.install != QLatin1String("om") && options.install != QLatin1String("manual")) {
        *error = QStringLiteral("install must be \"om\" or \"manual\", not \"%1\"").arg(options.install);
        return false;
    }
    if (options.transport != QLatin1String("local") && options.transport != QLatin1String("ssh")) {
        *error = QStringLiteral("transport must be \"local\" or \"ssh\", not \"%1\"").arg(options.transport);
        return false;
    }
    const QString root = QDir::cleanPath(QFileInfo(options.dir).absoluteFilePath());
    if (QFileInfo(root).exists() && !QFileInfo(root).isDir()) {
        *error = QStringLiteral("%1 exists and is not a directory").arg(root);
        return false;
    }
    if (QFileInfo(root).isDir() && !isEmptyDir(root)) {
        if (!QFileInfo::exists(root + QStringLiteral("/sandbox.json"))) {
            *error = QStringLiteral("%1 is not empty and is not a sandbox; refusing to use it").arg(root);
            return false;
        }
        say(QStringLiteral("Stopping and replacing the old sandbox in %1").arg(root));
        QString stopError;
        if (!stop(root, &stopError)) {
            *error = QStringLiteral("cannot stop the old sandbox in %1: %2").arg(root, stopError);
            return false;
        }
        const QStringList entries
            = QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        for (const QString& e : entries) {
            const QString p = root + QLatin1Char('/') + e;
            const QFileInfo fi(p);
            const bool ok = (fi.isDir() && !fi.isSymLink()) ? QDir(p).removeRecursively() : QFile::remove(p);
            if (!ok) {
                *error = QStringLiteral("cannot remove %1 of the old sandbox").arg(p);
                return false;
            }
        }
    }
    if (!mkdirs(root, error))
        return false;
    say(QStringLiteral("Creating a %1-node MogDB %2 sandbox (%3 install) in %4")
            .arg(options.nodes)
            .arg(QLatin1String(Old.version), options.install, root));

    auto fail = [&](const QString& message) {
        *error = message;
        QString ignored;
        stop(root, &ignored);
        return false;
    };

    // Sim programs.
    const QString simBinDir = resolveSimBinDir(options);
    if (!mkdirs(root + QStringLiteral("/sim"), error) || !mkdirs(root + QStringLiteral("/bin"), error)
        || !mkdirs(root + QStringLiteral("/packages"), error))
        return false;
    for (const Build* b : { &Old, &New }) {
        const QString from = simBinDir + QLatin1Char('/') + simProgramName(*b);
        if (!QFileInfo(from).isExecutable()) {
            *error = QStringLiteral("%1 not found in %2 (set MOGUP_SIM_BIN_DIR)").arg(simProgramName(*b), simBinDir);
            return false;
        }
        if (!copyExecutable(from, root + QStringLiteral("/sim/") + simProgramName(*b), error))
            return false;
    }

    SandboxConfig config;
    config.root = root;
    config.speed = options.speed;
    config.install = options.install;
    config.mogha = options.mogha;
    config.dbUser = currentUserName();
    for (int i = 1; i <= options.nodes; ++i) {
        SandboxNode n;
        n.name = QStringLiteral("node%1").arg(i);
        n.host = options.transport == QLatin1String("ssh") ? QStringLiteral("127.0.0.%1").arg(i) : QStringLiteral("127.0.0.1");
        n.root = root + QLatin1Char('/') + n.name;
        n.gausshome = n.root + QStringLiteral("/app");
        n.pgdata = n.root + QStringLiteral("/data");
        n.initialRole = i == 1 ? QStringLiteral("primary") : QStringLiteral("standby");
        n.instanceId = 6000 + i;
        config.nodes.append(n);
    }
    if (!pickPorts(&config.nodes, error))
        return false;

    // DIR/bin: systemctl and the shims.
    const QString simLink = QStringLiteral("../sim/") + simProgramName(Old);
    for (const char* name : { "systemctl", "tar", "cp", "mv", "mkdir", "chown", "sha256sum", "rm" }) {
        if (!makeSymlink(simLink, root + QStringLiteral("/bin/") + QLatin1String(name), error))
            return false;
    }
    for (const SandboxNode& n : config.nodes) {
        say(QStringLiteral("Installing MogDB %1 on %2 (%3:%4)").arg(QLatin1String(Old.version), n.name, n.host).arg(n.dbPort));
        if (!buildNode(config, n, error))
            return false;
    }
    say(QStringLiteral("Building the vendor package %1").arg(QLatin1String(PackageName)));
    if (!buildPackage(root, error))
        return false;
    if (!config.save(error))
        return false;

    QString startError;
    if (!startDatabases(config, &startError, progress))
        return fail(startError);
    if (config.mogha && !startMogha(config, &startError, progress))
        return fail(startError);
    if (!writeSandboxProfile(config, &startError))
        return fail(QStringLiteral("cannot write the profile: %1").arg(startError));
    say(QStringLiteral("Sandbox ready: %1 (profile %1/profile.json)").arg(root));
    if (out)
        *out = config;
    return true;
}

bool SandboxBuilder::stop(const QString& dir, QString* error)
{
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (!QFileInfo(root).isDir())
        return true;
    SandboxConfig config;
    QString loadError;
    const bool haveConfig = SandboxConfig::load(root, &config, &loadError);
    QStringList nodeRoots;
    QStringList pgdatas;
    if (haveConfig) {
        for (const SandboxNode& n : config.nodes) {
            nodeRoots.append(n.root);
            pgdatas.append(n.pgdata);
        }
    }
    for (const QString& e : QDir(root).entryList({ QStringLiteral("node*") }, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString r = root + QLatin1Char('/') + e;
        if (!nodeRoots.contains(r)) {
            nodeRoots.append(r);
            pgdatas.append(r + QStringLiteral("/data"));
        }
    }

    // 1. MogHA first, so that it cannot bring a database back.
    QList<qint64> pids;
    for (const QString& r : nodeRoots) {
        QFile f(r + QStringLiteral("/mogha/mogha.pid"));
        if (f.open(QIODevice::ReadOnly))
            pids.append(QString::fromLatin1(f.readLine()).trimmed().toLongLong());
    }
    signalAndWait(pids, SIGTERM, 5000);
    for (const QString& r : nodeRoots)
        QFile::remove(r + QStringLiteral("/mogha/mogha.pid"));

    // 2. Databases: fast shutdown (SIGINT, like gs_ctl stop), then SIGKILL.
    pids.clear();
    for (const QString& d : pgdatas) {
        const qint64 pid = postmasterPid(d);
        if (pid > 0)
            pids.append(pid);
    }
    signalAndWait(pids, SIGINT, 15000);

    // 3. Anything else still running from inside the sandbox.
    signalAndWait(sandboxProcesses(root), SIGTERM, 3000);

    for (const QString& d : pgdatas) {
        const qint64 pid = postmasterPid(d);
        if (pid > 0 && !processAlive(pid))
            QFile::remove(d + QStringLiteral("/postmaster.pid"));
    }
    const QList<qint64> survivors = sandboxProcesses(root);
    if (survivors.isEmpty())
        return true;
    QStringList lines;
    for (qint64 p : survivors)
        lines.append(QStringLiteral("%1 %2").arg(p).arg(cmdlineOf(p)));
    if (error)
        *error = QStringLiteral("processes of the sandbox %1 survived: %2").arg(root, lines.join(QStringLiteral("; ")));
    return false;
}

QList<qint64> SandboxBuilder::sandboxProcesses(const QString& dir)
{
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QStringList roots { root };
    const QString canonical = QFileInfo(root).canonicalFilePath();
    if (!canonical.isEmpty() && canonical != root)
        roots.append(canonical);
    auto inside = [&](QString path) {
        if (path.endsWith(QLatin1String(" (deleted)")))
            path.chop(10);
        for (const QString& r : roots) {
            if (path == r || path.startsWith(r + QLatin1Char('/')))
                return true;
        }
        return false;
    };
    auto argInside = [&](const QString& arg) {
        for (const QString& r : roots) {
            if (arg == r || arg.contains(r + QLatin1Char('/')))
                return true;
        }
        return false;
    };
    const QList<qint64> skip = ancestors();
    QList<qint64> result;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& e : entries) {
        bool isNumber = false;
        const qint64 pid = e.toLongLong(&isNumber);
        if (!isNumber || skip.contains(pid) || !processAlive(pid))
            continue;
        const QString base = QStringLiteral("/proc/") + e;
        bool hit = inside(QFile::symLinkTarget(base + QStringLiteral("/exe")))
            || inside(QFile::symLinkTarget(base + QStringLiteral("/cwd")));
        if (!hit) {
            QFile f(base + QStringLiteral("/cmdline"));
            if (f.open(QIODevice::ReadOnly)) {
                for (const QByteArray& a : f.readAll().split('\0')) {
                    if (!a.isEmpty() && argInside(QString::fromLocal8Bit(a))) {
                        hit = true;
                        break;
                    }
                }
            }
        }
        if (hit)
            result.append(pid);
    }
    return result;
}

} // namespace Sim
